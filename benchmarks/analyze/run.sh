#!/usr/bin/env bash
# Whole-process benchmark of `avcwatch analyze` (private embedded broker, the full topology,
# end-of-input detection, alerts read back) on a 1,000,000-event make_log.py file, with
# `avcwatch parse` (no Kafka: parse and assemble only) on the same file in the same run as the
# reference. Runs interleaved; wall clock and peak RSS from /usr/bin/time -v.
#
#   benchmarks/analyze/run.sh [RUNS]
#
# Env: BIG_LOG (default /work/data/big.log; generated when missing), SHARED (default ../shared
# beside the repository), OUT (default benchmarks/out/analyze-<time>). Rebuild the jar after changes
# with  mvn -B -q -pl streams-app -am -DskipTests package
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUNS="${1:-1}"
SHARED="${SHARED:-$(cd "$ROOT/.." && pwd)/shared}"
BIG_LOG="${BIG_LOG:-/work/data/big.log}"
OUT="${OUT:-$ROOT/benchmarks/out/analyze-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT"

if [[ ! -f "$BIG_LOG" ]]; then
  mkdir -p "$(dirname "$BIG_LOG")"
  echo "generating $BIG_LOG (make_log.py --events 1000000 --seed 7)" >&2
  python3 "$SHARED/tools/make_log.py" --events 1000000 --seed 7 > "$BIG_LOG"
fi
"$ROOT/avcwatch" --version >/dev/null   # builds the jar once, outside the timed runs
cat "$BIG_LOG" > /dev/null             # page cache

{
  echo "date: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)"
  free -h | head -2
  java -version 2>&1 | head -1
  echo "input: $BIG_LOG $(stat -c %s "$BIG_LOG") bytes, $(wc -l < "$BIG_LOG") lines"
} > "$OUT/machine.txt"

run() { # name, command...
  local name="$1"; shift
  echo "load before $name: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.txt"
  /usr/bin/time -v -o "$OUT/$name.time" "$@" > "$OUT/$name.out" 2> "$OUT/$name.err" || true
}

for i in $(seq 1 "$RUNS"); do
  run "analyze-$i" "$ROOT/avcwatch" analyze --format jsonl "$BIG_LOG"
  run "parse-$i" "$ROOT/avcwatch" parse --quiet "$BIG_LOG"
done

for f in "$OUT"/*.time; do
  name="$(basename "$f" .time)"
  wall="$(grep 'Elapsed (wall clock)' "$f" | awk '{print $NF}')"
  rss="$(grep 'Maximum resident set size' "$f" | awk '{print $NF}')"
  echo "$name wall=$wall peak_rss_mb=$((rss / 1024))"
done | tee "$OUT/summary.txt"
tail -n 1 "$OUT"/analyze-*.err | tee -a "$OUT/summary.txt"
cat "$OUT/machine.txt"
