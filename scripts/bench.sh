#!/usr/bin/env bash
# Measures Essence on generated shift logs and prints one Markdown table (issue 6, "Measure").
#
#   scripts/bench.sh                 # 10,000, 100,000, 300,000 and 1,000,000 events, 3 rounds
#   RUNS=5 scripts/bench.sh 100000   # other sizes, more rounds
#
# Builds the release binaries (--static-swift-stdlib), then, in RUNS rounds that each measure
# every size once (so that every size sees the same minutes of a shared machine), for every
# size, with --threads 1 and --threads 2:
#   essence evaluate --standards bench.yaml LOG --format json > /dev/null
#     median wall seconds, events/s and median peak RSS (GNU /usr/bin/time -v) over the rounds;
#   log-read-bench --threads N LOG: reading alone, median MB/s;
#   log-read-bench --floor LOG: simdjson alone parsing the file, line by line and with
#     parse_many, median seconds (the floor no reader goes below);
# and once: essence-bench, CEL evaluations/s. Below the table: how time and peak RSS per event
# grow from the second-largest size to the largest, and, given three sizes or more, the cost of
# each event more (the slope between two sizes) over the largest three: growth is linear when
# the two slopes agree, whatever the fixed cost of a run (start-up, runtime, reading buffers).
#
# Logs come from ../shared/bench/gen_shift_log.py and are cached as
# ${TMPDIR:-/tmp}/essence-bench/shift-N.jsonl, the names ../shared/bench/peers/compare.sh uses,
# so the two share them. Exits 1 when an essence run fails, or when the JSON reports of
# --threads 1 and --threads 2 differ on CHECK_EVENTS events (default 100000, if measured).
#
# Environment: RUNS (default 3), CHECK_EVENTS, BENCH_DIR (default: shared/bench beside the
# package or one of its ancestors), PYTHON (for the generator, default python3).
set -euo pipefail

RUNS="${RUNS:-3}"
SIZES=("$@")
((${#SIZES[@]})) || SIZES=(10000 100000 300000 1000000)
for n in "$RUNS" "${SIZES[@]}"; do
  case "$n" in '' | *[!0-9]* | 0) echo "usage: [RUNS=N] $0 [EVENTS...]" >&2; exit 64 ;; esac
done
CHECK_EVENTS="${CHECK_EVENTS:-100000}"
PYTHON="${PYTHON:-python3}"
THREADS=(1 2)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -z "${BENCH_DIR:-}" ]]; then
  dir="$ROOT"
  while [[ "$dir" != / && ! -f "$(dirname "$dir")/shared/bench/gen_shift_log.py" ]]; do dir="$(dirname "$dir")"; done
  BENCH_DIR="$(dirname "$dir")/shared/bench"
fi
STANDARDS="$BENCH_DIR/standards/bench.yaml"
if [[ ! -f "$BENCH_DIR/gen_shift_log.py" || ! -f "$STANDARDS" ]]; then
  echo "error: no bench folder at '$BENCH_DIR' (set BENCH_DIR to shared/bench)" >&2
  exit 1
fi
if ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "error: GNU time is needed for peak RSS (apt-get install -y time)" >&2
  exit 1
fi

cd "$ROOT"
# Release binaries as a user would install them: the Swift runtime and Foundation linked in,
# so a binary runs on a machine without Swift, starts 4 ms sooner and holds 5 MB less.
for product in essence log-read-bench essence-bench; do
  echo "building $product (release) ..." >&2
  swift build -c release --static-swift-stdlib --product "$product" >&2
done
BIN="$(swift build -c release --show-bin-path)"

CACHE="${TMPDIR:-/tmp}/essence-bench"
mkdir -p "$CACHE"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/essence-bench-run.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# log EVENTS -> the cached log's path, generated as compare.sh does when missing.
log() {
  local path="$CACHE/shift-$1.jsonl"
  if [[ ! -s "$path" ]]; then
    echo "generating $path ..." >&2
    "$PYTHON" "$BENCH_DIR/gen_shift_log.py" --events "$1" > "$path.tmp.$$"
    mv "$path.tmp.$$" "$path"
  fi
  echo "$path"
}

# median: the middle of the numbers on stdin (the mean of the two middle ones for an even count).
median() {
  sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# evaluate LOG THREADS OUT -> "seconds cpu_seconds rss_kb" of one run (its report in OUT);
# exits when essence fails.
evaluate() {
  local start end rc=0
  start=$EPOCHREALTIME
  /usr/bin/time -v -o "$WORK/time" "$BIN/essence" evaluate --standards "$STANDARDS" "$1" --format json \
    --threads "$2" > "$3" 2> "$WORK/stderr" || rc=$?
  end=$EPOCHREALTIME
  if ((rc != 0)); then
    echo "error: essence evaluate --threads $2 $1 exited $rc:" >&2
    tail -n 15 "$WORK/stderr" >&2
    exit 1
  fi
  awk -v s="$start" -v e="$end" '/(User|System) time/ { cpu += $NF } /Maximum resident set size/ { kb = $NF }
    END { print e - s, cpu, kb }' "$WORK/time"
}

# AWK: awk with `commas`, which writes an integer with thousands separators.
AWK_COMMAS='function commas(x,  s) { s = sprintf("%d", x); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); return s }'

load_before=$(cut -d ' ' -f 1 /proc/loadavg 2>/dev/null || echo '?')
# The runs go round by round, each round measuring every size and thread count once, so that
# every size is measured across the same minutes: a shared machine's speed moves by a third
# within minutes, and sizes measured one after another compared the machine's moments rather
# than the sizes (the growth slopes below mostly showed that).
declare -A paths mbs walls cpus peaks reads floor_lines floor_stream
for n in "${SIZES[@]}"; do
  paths[$n]="$(log "$n")"
  mbs[$n]=$(awk -v b="$(stat -c %s "${paths[$n]}")" 'BEGIN { printf "%.1f", b / 1e6 }')
done
for ((r = 0; r < RUNS; r++)); do
  echo "round $((r + 1)) of $RUNS: ${SIZES[*]} events ..." >&2
  for n in "${SIZES[@]}"; do
    out="$("$BIN/log-read-bench" --floor "${paths[$n]}")"
    floor_lines[$n]+=" $(awk '/line by line/ { getline; print $1; exit }' <<< "$out")"
    floor_stream[$n]+=" $(awk '/parse_many/ { getline; print $1; exit }' <<< "$out")"
    for t in "${THREADS[@]}"; do
      read -r wall cpu kb <<< "$(evaluate "${paths[$n]}" "$t" /dev/null)"
      walls[$n,$t]+=" $wall" cpus[$n,$t]+=" $cpu" peaks[$n,$t]+=" $kb"
      out="$("$BIN/log-read-bench" --threads "$t" "${paths[$n]}")"
      reads[$n,$t]+=" $(awk '/MB\/s/ { print $5; exit }' <<< "$out")"
    done
  done
done

# middle LIST: the median of a space-separated list.
middle() { tr ' ' '\n' <<< "${1# }" | median; }

rows=()
declare -A seconds rss
for n in "${SIZES[@]}"; do
  fl=$(middle "${floor_lines[$n]}") fs=$(middle "${floor_stream[$n]}")
  for t in "${THREADS[@]}"; do
    seconds[$n,$t]=$(middle "${walls[$n,$t]}")
    rss[$n,$t]=$(middle "${peaks[$n,$t]}")
    rows+=("$(awk -v n="$n" -v t="$t" -v mb="${mbs[$n]}" -v s="${seconds[$n,$t]}" -v cpu="$(middle "${cpus[$n,$t]}")" \
      -v kb="${rss[$n,$t]}" -v read="$(middle "${reads[$n,$t]}")" -v fl="$fl" -v fs="$fs" "$AWK_COMMAS"'
      BEGIN {
        rssmb = kb * 1024 / 1e6  # MB of 10^6 bytes, as the log size is
        printf "| %s | %d | %.1f | %.3f | %.3f | %s | %.0f | %.2f | %.0f | %.4f / %.4f | %.1f× |\n",
          commas(n), t, mb, s, cpu, commas(n / s), rssmb, rssmb / mb, read, fl, fs, s / fs }')")
  done
done

check=0
if [[ " ${SIZES[*]} " == *" $CHECK_EVENTS "* ]]; then
  path="$(log "$CHECK_EVENTS")"
  for t in "${THREADS[@]}"; do evaluate "$path" "$t" "$WORK/report-$t.json" > /dev/null; done
  sums=$(sha256sum "$WORK"/report-*.json | awk '{ print $1 }' | sort -u)
  if [[ $(wc -l <<< "$sums") != 1 ]]; then
    echo "error: the JSON reports of --threads ${THREADS[*]} differ on $CHECK_EVENTS events:" >&2
    sha256sum "$WORK"/report-*.json >&2
    check=1
  fi
fi

echo "measuring CEL evaluations/s (essence-bench) ..." >&2
cel="$("$BIN/essence-bench")"

echo
echo "| events | threads | log MB | seconds | CPU s | events/s | peak RSS MB | RSS / log | read MB/s | simdjson s (lines / parse_many) | ÷ parse_many |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "Medians of $RUNS rounds, each measuring every size once: seconds is the wall clock of"
echo "\`essence evaluate --format json > /dev/null\`, CPU s its user and system time (steadier than"
echo "the wall clock on a shared machine);"
echo "read MB/s is log-read-bench reading alone; simdjson s parses the file and keeps nothing."
echo "Load average (1 min) before and after: $load_before, $(cut -d ' ' -f 1 /proc/loadavg 2>/dev/null || echo '?') on $(nproc) cores."
if ((${#SIZES[@]} >= 2)); then
  small="${SIZES[-2]}" large="${SIZES[-1]}"
  for t in "${THREADS[@]}"; do
    awk -v a="$small" -v b="$large" -v t="$t" -v sa="${seconds[$small,$t]}" -v sb="${seconds[$large,$t]}" \
      -v ra="${rss[$small,$t]}" -v rb="${rss[$large,$t]}" "$AWK_COMMAS"'
      BEGIN {
        printf "- growth %s → %s events, %d thread%s: time per event ×%.2f, peak RSS per event ×%.2f\n",
          commas(a), commas(b), t, t == 1 ? "" : "s", (sb / b) / (sa / a), (rb / b) / (ra / a) }'
  done
fi
if ((${#SIZES[@]} >= 3)); then
  small="${SIZES[-3]}" middle="${SIZES[-2]}" large="${SIZES[-1]}"
  for t in "${THREADS[@]}"; do
    awk -v a="$small" -v b="$middle" -v c="$large" -v t="$t" \
      -v sa="${seconds[$small,$t]}" -v sb="${seconds[$middle,$t]}" -v sc="${seconds[$large,$t]}" \
      -v ra="${rss[$small,$t]}" -v rb="${rss[$middle,$t]}" -v rc="${rss[$large,$t]}" "$AWK_COMMAS"'
      BEGIN {
        t1 = (sb - sa) / (b - a) * 1e6; t2 = (sc - sb) / (c - b) * 1e6
        m1 = (rb - ra) * 1024 / (b - a); m2 = (rc - rb) * 1024 / (c - b)
        printf "- each event more, %s → %s → %s events, %d thread%s: %.3f then %.3f µs (×%.2f), %.0f then %.0f bytes of peak RSS (×%.2f)\n",
          commas(a), commas(b), commas(c), t, t == 1 ? "" : "s", t1, t2, t2 / t1, m1, m2, m2 / m1 }'
  done
fi
awk '/evaluations\/s/ { printf "- CEL (essence-bench): %s: %s million evaluations/s\n", expr, $1; next } { expr = $0 }' \
  <<< "$cel"
if ((check)); then exit 1; fi
if [[ " ${SIZES[*]} " == *" $CHECK_EVENTS "* ]]; then
  echo "- --threads ${THREADS[*]}: byte-identical JSON reports on $CHECK_EVENTS events"
fi
