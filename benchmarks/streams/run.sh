#!/usr/bin/env bash
# End-to-end throughput of the avcwatch topology (exactly_once_v2) on the embedded broker, beside Kafka's
# ProducerPerformance on the same broker and the same lines, in one run, with a passthrough Streams app as the
# ceiling. Usage: [PASSTHROUGH="100 1000"|none] [STREAMS_PROPS=k=v,..] [BENCH_JAVA_OPTS=..] [BENCH_WARMUP=LINES]
# [BENCH_WARMUP_ROUNDS=N] benchmarks/streams/run.sh [EVENTS]. BENCH_WARMUP runs the topology over the first LINES lines
# on other topics in the same JVM before the timed run: the steady state of a running service, without its JIT
# warm-up; BENCH_WARMUP_ROUNDS repeats it on fresh topics (both JVMs still compile after one round of the whole log).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/benchmarks/streams"
EVENTS="${1:-300000}"
WORK="$HERE/target/run"
rm -rf "$WORK" && mkdir -p "$WORK"

echo "== machine $(date -u +%FT%TZ), load $(cut -d" " -f1-3 /proc/loadavg)"; nproc; free -h | head -2; java -version 2>&1 | head -1
mvn -B -q -f "$ROOT/pom.xml" -pl streams-app -am -DskipTests package
mvn -B -q -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$HERE/target/lib" -DincludeScope=runtime
MAKE_LOG="${MAKE_LOG:-/work/shared/tools/make_log.py}"   # the shared synthetic-log generator
# NODES=N: a log of N hosts (node=...), which the tailer's keys spread over audit.raw's partitions: several tasks,
# so STREAMS_PROPS=num.stream.threads=2 can use both cores; unset, one host and one task, as in every run before
python3 "$MAKE_LOG" --events "$EVENTS" --seed 7 --avc-fraction 0.3 ${NODES:+--nodes "$NODES"} > "$WORK/bench.log"
LINES=$(wc -l < "$WORK/bench.log")
echo "== input: $EVENTS events, $LINES lines, $(du -h "$WORK/bench.log" | cut -f1)"

"$ROOT/avcwatch" broker --port 0 --data-dir "$WORK/kafka" > "$WORK/broker.out" 2> "$WORK/broker.err" &
BROKER=$!
trap 'kill -TERM $BROKER 2>/dev/null; wait $BROKER 2>/dev/null || true' EXIT
# the broker prints its address first; JVM logging (a JFR recording's banner) may come before it
for _ in $(seq 1 240); do grep -qE '^[^ ]+:[0-9]+$' "$WORK/broker.out" && break; sleep 0.25; done
BOOTSTRAP=$(grep -m1 -E '^[^ ]+:[0-9]+$' "$WORK/broker.out")
echo "== broker at $BOOTSTRAP"

# CPU seconds of the broker and of the whole machine, to see what else ran beside a phase (a shared 2-core box)
TICK=$(getconf CLK_TCK)
cpu() { echo "$(awk -v t="$TICK" '{printf "%.1f", ($14+$15)/t}' /proc/$BROKER/stat) $(awk -v t="$TICK" '/^cpu /{printf "%.1f", ($2+$3+$4+$7+$8)/t}' /proc/stat)"; }
phase() { # phase NAME CMD...: runs CMD, then prints its own CPU, the broker's and everything else's during it
  local before; before=$(cpu); local t0; t0=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$WORK/time.$1" "${@:2}"
  local after; after=$(cpu)
  python3 -c "import sys; b=list(map(float,'$before'.split())); a=list(map(float,'$after'.split())); own=sum(map(float,open('$WORK/time.$1').read().split()[-2:])); w=float('$(date +%s.%N)')-$t0; br=a[0]-b[0]; tot=a[1]-b[1]; print(f'   [cpu $1: {w:.1f} s wall; this JVM {own:.1f} s, broker {br:.1f} s, everything else {max(0,tot-own-br):.1f} s of {2*w:.0f} core-s]')"
}

CP="$ROOT/streams-app/target/avcwatch.jar:$ROOT/streams-app/target/lib/*"
echo "== avcwatch topology, exactly_once_v2"
export BENCH_BROKER_PID=$BROKER   # StreamsThroughput splits the broker's CPU in the timed window by thread kind
phase topology java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$CP" -Dlog4j2.configurationFile="$HERE/log4j2-quiet.properties" "$HERE/StreamsThroughput.java" "$BOOTSTRAP" "$WORK/bench.log" "$WORK/state"

# the ceiling: a trivial exactly_once_v2 app (audit.raw -> mapValues identity -> one topic, same producer settings)
# over the same audit.raw; PASSTHROUGH lists the commit intervals to run it with ("none" skips it)
PASSTHROUGH="${PASSTHROUGH:-100 1000}"
if [[ "$PASSTHROUGH" != none ]]; then
  echo "== passthrough ceiling, exactly_once_v2"
  phase passthrough java -Xmx2g ${BENCH_JAVA_OPTS_PASSTHROUGH:-} -cp "$CP" -Dlog4j2.configurationFile="$HERE/log4j2-quiet.properties" "$HERE/PassthroughThroughput.java" "$BOOTSTRAP" "$WORK/state-passthrough" $PASSTHROUGH
fi

echo "== ProducerPerformance, same broker, same lines (acks=all, lz4, linger 5 ms, batch 256 KiB)"
phase pp java -Xmx1g -cp "$HERE/target/lib/*" -Dlog4j2.configurationFile="$HERE/log4j2-quiet.properties" \
  org.apache.kafka.tools.ProducerPerformance --topic perf --num-records "$LINES" --payload-file "$WORK/bench.log" \
  --throughput -1 --producer-props bootstrap.servers="$BOOTSTRAP" acks=all linger.ms=5 batch.size=262144 compression.type=lz4 \
  > "$WORK/pp.out"
grep "records sent" "$WORK/pp.out"; grep "cpu pp" "$WORK/pp.out"
echo "== done $(date -u +%FT%TZ), load $(cut -d" " -f1-3 /proc/loadavg)"
