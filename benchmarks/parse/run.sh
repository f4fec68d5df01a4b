#!/usr/bin/env bash
# Whole-process parse benchmark: `avcwatch parse` against ausearch on the same 1,000,000-event
# make_log.py file, in the same run, runs interleaved round-robin, medians reported.
#
#   benchmarks/parse/run.sh [RUNS] [RUNS_INTERPRETED]
#
# Env: BIG_LOG (default /work/data/big.log; generated when missing), SHARED (default ../shared
# beside the repository), OUT (default benchmarks/out/parse-<time>), BEFORE_JAR (optional: an
# avcwatch.jar of older code, run as `java -jar BEFORE_JAR parse` in the same rounds as a reference). Needs auditd (ausearch) and
# /usr/bin/time. The launcher builds the CLI jar on first use; rebuild after changes with
#   mvn -B -q -pl streams-app -am -DskipTests package
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUNS="${1:-3}"
RUNS_INTERPRETED="${2:-1}"
SHARED="${SHARED:-$(cd "$ROOT/.." && pwd)/shared}"
BIG_LOG="${BIG_LOG:-/work/data/big.log}"
OUT="${OUT:-$ROOT/benchmarks/out/parse-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT"

if [[ ! -f "$BIG_LOG" ]]; then
  mkdir -p "$(dirname "$BIG_LOG")"
  echo "generating $BIG_LOG (make_log.py --events 1000000 --seed 7 --avc-fraction 0.3)" >&2
  python3 "$SHARED/tools/make_log.py" --events 1000000 --seed 7 --avc-fraction 0.3 > "$BIG_LOG"
fi
"$ROOT/avcwatch" --version >/dev/null   # builds the jar once, outside the timed runs
cat "$BIG_LOG" > /dev/null             # page cache, as for the ausearch reference

{
  echo "date: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)"
  free -h | head -2
  java -version 2>&1 | head -1
  ausearch --version 2>&1 | head -1
  echo "input: $BIG_LOG $(stat -c %s "$BIG_LOG") bytes, $(wc -l < "$BIG_LOG") lines"
} > "$OUT/machine.txt"

run() { # name, command...
  local name="$1"; shift
  echo "load before $name: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.txt"
  /usr/bin/time -v -o "$OUT/$name.time" "$@" > /dev/null 2> "$OUT/$name.err" || true
}

for i in $(seq 1 "$RUNS"); do
  run "avcwatch-$i" "$ROOT/avcwatch" parse --quiet "$BIG_LOG"
  run "avcwatch-xmx256m-$i" env AVCWATCH_JAVA_OPTS="-Xmx256m" "$ROOT/avcwatch" parse --quiet "$BIG_LOG"
  run "ausearch-avc-raw-$i" ausearch -if "$BIG_LOG" -m AVC --raw
  if [[ -n "${BEFORE_JAR:-}" ]]; then
    run "avcwatch-before-$i" java -jar "$BEFORE_JAR" parse --quiet "$BIG_LOG"
  fi
done
for i in $(seq 1 "$RUNS_INTERPRETED"); do
  run "ausearch-interpret-$i" ausearch -if "$BIG_LOG" -i
done

python3 - "$OUT" <<'PY'
import glob, os, re, statistics, sys
out = sys.argv[1]
def parse(path):
    t = open(path).read()
    def grab(key):
        return re.search(re.escape(key) + r": (.*)", t).group(1).strip()
    wall = grab("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    secs = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    return secs, float(grab("User time (seconds)")), float(grab("System time (seconds)")), int(grab("Maximum resident set size (kbytes)")) / 1024
rows = {}
for path in sorted(glob.glob(os.path.join(out, "*.time"))):
    name = re.sub(r"-\d+\.time$", "", os.path.basename(path))
    rows.setdefault(name, []).append(parse(path))
print("| command | runs | wall s median [all] | user s | sys s | max RSS MB |")
print("|---|---|---|---|---|---|")
med = {}
for name, rs in rows.items():
    walls = [r[0] for r in rs]
    med[name] = statistics.median(walls)
    print(f"| {name} | {len(rs)} | {med[name]:.2f} {[round(w, 2) for w in walls]} | "
          f"{statistics.median([r[1] for r in rs]):.2f} | {statistics.median([r[2] for r in rs]):.2f} | "
          f"{max(r[3] for r in rs):.0f} |")
if "avcwatch" in med and "ausearch-avc-raw" in med:
    print(f"\navcwatch / ausearch -m AVC --raw: {med['avcwatch'] / med['ausearch-avc-raw']:.2f}x wall")
if "avcwatch" in med and "ausearch-interpret" in med:
    print(f"ausearch -i / avcwatch: {med['ausearch-interpret'] / med['avcwatch']:.1f}x wall")
if "avcwatch" in med and "avcwatch-before" in med:
    print(f"before / now: {med['avcwatch-before'] / med['avcwatch']:.2f}x wall")
PY
echo "raw results: $OUT" >&2
