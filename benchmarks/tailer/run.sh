#!/usr/bin/env bash
# Tailer shipping throughput beside Kafka's ProducerPerformance, same broker, same run.
#
# usage: benchmarks/tailer/run.sh [RUNS]        (default 3 runs of each, alternating)
# env:   LOG=/work/data/tailer-1m.log           the make_log.py file (generated if missing, not committed)
#        EVENTS=1000000                         events in a generated file
#
# 1. starts `./avcwatch broker` (the embedded KRaft broker) in a fresh data dir;
# 2. per run: ProducerPerformance sends as many records as the file has lines, payloads drawn from the
#    file's own first 100,000 lines (same size distribution), acks=all, idempotent, lz4, linger 5 ms,
#    batch 256 KiB: the tailer's producer settings. Once into a 1-partition topic (like for like: the
#    file has one host, so the tailer's records share one key and one partition, which keeps their
#    order), once into a 3-partition topic like audit.raw (keyless records spread over partitions).
#    Then `avcwatch tail --file` with -Xmx64m -XX:+UseSerialGC ships the whole file into its own
#    topic prefix and reports when it has caught up (its "Caught up" line: lines/s and MB/s from first
#    read to last commit, JVM start and topic setup excluded, as ProducerPerformance excludes its own).
#    SerialGC is what the JVM picks by itself on a small machine; G1 on a 64 MB heap collects far
#    more often (measured: 2-3x slower here).
# 3. prints one table row per run and stops the broker.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${1:-3}"
EVENTS="${EVENTS:-1000000}"
LOG="${LOG:-/work/data/tailer-1m.log}"
WORK="$(mktemp -d /tmp/avcwatch-bench-XXXXXX)"
BROKER_PID=""
cleanup() { if [[ -n "$BROKER_PID" ]]; then kill "$BROKER_PID" 2>/dev/null; wait "$BROKER_PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

if [[ ! -f "$LOG" ]]; then
  echo "generating $LOG ($EVENTS events)..." >&2
  mkdir -p "$(dirname "$LOG")"
  python3 "$ROOT/../shared/tools/make_log.py" --events "$EVENTS" --seed 7 > "$LOG.tmp" 2>/dev/null \
    || python3 /work/shared/tools/make_log.py --events "$EVENTS" --seed 7 > "$LOG.tmp"
  mv "$LOG.tmp" "$LOG"
fi
LINES=$(wc -l < "$LOG"); BYTES=$(stat -c %s "$LOG")
AVG=$(( (BYTES - LINES) / LINES ))
head -n 100000 "$LOG" > "$WORK/payloads.txt"

if [[ ! -d "$HERE/lib" ]]; then
  mvn -B -q -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$HERE/lib" -DincludeScope=runtime
fi
[[ -f "$ROOT/streams-app/target/avcwatch.jar" ]] || mvn -B -q -f "$ROOT/pom.xml" -DskipTests package

echo "machine: $(nproc) cores; $(free -h | awk '/Mem:/{print $2" RAM"}'); $(java -version 2>&1 | head -1)" >&2
echo "load average before the runs: $(cut -d" " -f1-3 /proc/loadavg) (other tenants share these cores)" >&2
echo "file: $LOG, $LINES lines, $BYTES bytes (avg $AVG B/line)" >&2

"$ROOT/avcwatch" broker --port 0 --data-dir "$WORK/kafka" > "$WORK/bootstrap" 2> "$WORK/broker.log" &
BROKER_PID=$!
for _ in $(seq 1 240); do [[ -s "$WORK/bootstrap" ]] && break; sleep 0.5; done
BOOTSTRAP=$(head -1 "$WORK/bootstrap")
[[ -n "$BOOTSTRAP" ]] || { echo "broker did not start" >&2; cat "$WORK/broker.log" >&2; exit 1; }
echo "broker: $BOOTSTRAP" >&2

TOOLS=(java -Xmx1g -cp "$HERE/lib/*" -Dlog4j2.configurationFile="$HERE/log4j2-tools.properties")
PROPS=(acks=all enable.idempotence=true compression.type=lz4 linger.ms=5 batch.size=262144 bootstrap.servers="$BOOTSTRAP")

# Prints "records/s MB/s" of one ProducerPerformance run into a fresh topic with $2 partitions.
pp() {
  "${TOOLS[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --create \
    --topic "$1" --partitions "$2" --config retention.ms=-1 >/dev/null
  "${TOOLS[@]}" org.apache.kafka.tools.ProducerPerformance --topic "$1" --num-records "$LINES" \
    --payload-file "$WORK/payloads.txt" --throughput -1 --producer-props "${PROPS[@]}" > "$WORK/$1.out" 2>&1
  grep 'records sent' "$WORK/$1.out" | tail -1 \
    | sed -E 's/.*records sent, ([0-9.]+) records\/sec \(([0-9.]+) MB\/sec\).*/\1 \2/'
}

echo "| run | PP 1 partition rec/s (MB/s) | PP 3 partitions rec/s (MB/s) | tailer rec/s (MB/s) | tailer / PP 1 partition | tailer max RSS |"
echo "|---|---|---|---|---|---|"
for run in $(seq 1 "$RUNS"); do
  read -r PP_RPS PP_MBS <<< "$(pp "pp1-$run" 1)"
  read -r PP3_RPS PP3_MBS <<< "$(pp "pp3-$run" 3)"

  AVCWATCH_JAVA_OPTS="-Xmx64m -XX:+UseSerialGC" /usr/bin/time -f '%M' -o "$WORK/tail$run.rss" \
    "$ROOT/avcwatch" tail --file "$LOG" --bootstrap "$BOOTSTRAP" --host bench --topic-prefix "bench$run." \
    > "$WORK/tail$run.out" 2> "$WORK/tail$run.log" &
  TAIL_PID=$!
  for _ in $(seq 1 1200); do grep -q 'Caught up with' "$WORK/tail$run.log" && break; sleep 0.5; done
  kill $(pgrep -P "$TAIL_PID"); wait "$TAIL_PID" || true   # the JVM under /usr/bin/time
  T_LINE=$(grep 'Caught up with' "$WORK/tail$run.log" | tail -1)
  [[ -n "$T_LINE" ]] || { echo "tailer did not catch up" >&2; tail -20 "$WORK/tail$run.log" >&2; exit 1; }
  T_RPS=$(sed -E 's/.*\(([0-9]+) lines\/s.*/\1/' <<< "$T_LINE")
  T_MBS=$(sed -E 's/.*lines\/s, ([0-9.]+) MB\/s.*/\1/' <<< "$T_LINE")
  RSS_MB=$(( $(tail -1 "$WORK/tail$run.rss") / 1024 ))
  RATIO=$(python3 -c "print(f'{$T_RPS/$PP_RPS*100:.0f} %')")
  printf '| %s | %.0f (%s) | %.0f (%s) | %s (%s) | %s | %s MB |\n' "$run" "$PP_RPS" "$PP_MBS" "$PP3_RPS" "$PP3_MBS" \
    "$T_RPS" "$T_MBS" "$RATIO" "$RSS_MB"
done
