#!/usr/bin/env bash
# End-to-end throughput of the avcwatch topology (exactly_once_v2) on the embedded broker, beside Kafka's
# ProducerPerformance on the same broker and the same lines, in one run, with a passthrough Streams app as the
# ceiling. Usage: [PASSTHROUGH="100 1000"|none] [STREAMS_PROPS=k=v,..] [BENCH_JAVA_OPTS=..] benchmarks/streams/run.sh [EVENTS]
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
python3 "$MAKE_LOG" --events "$EVENTS" --seed 7 --avc-fraction 0.3 > "$WORK/bench.log"
LINES=$(wc -l < "$WORK/bench.log")
echo "== input: $EVENTS events, $LINES lines, $(du -h "$WORK/bench.log" | cut -f1)"

"$ROOT/avcwatch" broker --port 0 --data-dir "$WORK/kafka" > "$WORK/broker.out" 2> "$WORK/broker.err" &
BROKER=$!
trap 'kill -TERM $BROKER 2>/dev/null; wait $BROKER 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do [[ -s "$WORK/broker.out" ]] && break; sleep 0.25; done
BOOTSTRAP=$(head -1 "$WORK/broker.out")
echo "== broker at $BOOTSTRAP"

CP="$ROOT/streams-app/target/avcwatch.jar:$ROOT/streams-app/target/lib/*"
echo "== avcwatch topology, exactly_once_v2"
java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$CP" -Dlog4j2.configurationFile="$HERE/log4j2-quiet.properties" "$HERE/StreamsThroughput.java" "$BOOTSTRAP" "$WORK/bench.log" "$WORK/state"

# the ceiling: a trivial exactly_once_v2 app (audit.raw -> mapValues identity -> one topic, same producer settings)
# over the same audit.raw; PASSTHROUGH lists the commit intervals to run it with ("none" skips it)
PASSTHROUGH="${PASSTHROUGH:-100 1000}"
if [[ "$PASSTHROUGH" != none ]]; then
  echo "== passthrough ceiling, exactly_once_v2"
  java -Xmx2g ${BENCH_JAVA_OPTS_PASSTHROUGH:-} -cp "$CP" -Dlog4j2.configurationFile="$HERE/log4j2-quiet.properties" "$HERE/PassthroughThroughput.java" "$BOOTSTRAP" "$WORK/state-passthrough" $PASSTHROUGH
fi

echo "== ProducerPerformance, same broker, same lines (acks=all, lz4, linger 5 ms, batch 256 KiB)"
java -Xmx1g -cp "$HERE/target/lib/*" -Dlog4j2.configurationFile="$HERE/log4j2-quiet.properties" \
  org.apache.kafka.tools.ProducerPerformance --topic perf --num-records "$LINES" --payload-file "$WORK/bench.log" \
  --throughput -1 --producer-props bootstrap.servers="$BOOTSTRAP" acks=all linger.ms=5 batch.size=262144 compression.type=lz4 \
  | tail -1
echo "== done $(date -u +%FT%TZ), load $(cut -d" " -f1-3 /proc/loadavg)"
