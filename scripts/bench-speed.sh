#!/usr/bin/env bash
# Alignment speed and memory on the UNPC dev benchmark's documents concatenated.
#
# usage: scripts/bench-speed.sh SHARED_DIR [WORK_DIR]
#   Builds the benchmark (SHARED_DIR/bench/make_unpc_bench.py) unless WORK_DIR/unpc exists,
#   concatenates its 40 documents (about 3.7k x 3.7k lines fr-en), runs the criterion
#   benchmark `align` on them (CRITERION=0 skips it), then times the whole process
#   `alinea align --input lines` on the pair: RUNS runs (default 7), medians of CPU time
#   (user + system) and wall time. With HUNALIGN=/path/to/hunalign (built from its public
#   source; this script does not fetch it) hunalign runs on the same pair (empty dictionary,
#   -realign) alternately with alinea, and the ratio of the medians is printed. Last, the
#   peak memory and CPU time of alinea on the pair repeated 1, 5 and 11 times (MEMORY=0 skips
#   that part).
set -euo pipefail
shared=${1:?usage: scripts/bench-speed.sh SHARED_DIR [WORK_DIR]}
work=${2:-$(mktemp -d)}
runs=${RUNS:-7}
here=$(cd "$(dirname "$0")/.." && pwd)
[ -d "$work/unpc" ] || python3 "$shared/bench/make_unpc_bench.py" "$shared/corpora/unpc-dev" "$work/unpc" >/dev/null
cat "$work"/unpc/doc*/fr.txt > "$work/cat-fr.txt"
cat "$work"/unpc/doc*/en.txt > "$work/cat-en.txt"
if [ "${CRITERION:-1}" != 0 ]; then
  (cd "$here" && ALINEA_BENCH_SRC="$work/cat-fr.txt" ALINEA_BENCH_TGT="$work/cat-en.txt" \
    cargo bench --bench align -- --noplot 2>&1 | grep -E "^align/|time:")
fi
(cd "$here" && cargo build --release --quiet --bin alinea)
bin="$here/target/release/alinea"

# One timed run of a command: appends "cpu_s wall_s peak_kb" to file $1.
timed() {
  local out=$1
  shift
  /usr/bin/time -f '%U %S %e %M' -o "$work/time.txt" "$@" >/dev/null 2>&1
  awk '{ printf "%.3f %.3f %d\n", $1 + $2, $3, $4 }' "$work/time.txt" >> "$out"
}
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

: > "$work/alinea.txt"
: > "$work/hunalign.txt"
: > "$work/empty.dic"
for _ in $(seq "$runs"); do
  timed "$work/alinea.txt" "$bin" align -q --langs fr,en --input lines --format beads \
    -o "$work/out.beads" "$work/cat-fr.txt" "$work/cat-en.txt"
  if [ -n "${HUNALIGN:-}" ]; then
    timed "$work/hunalign.txt" "$HUNALIGN" -realign "$work/empty.dic" "$work/cat-fr.txt" "$work/cat-en.txt"
  fi
done
a_cpu=$(cut -d' ' -f1 "$work/alinea.txt" | median)
a_wall=$(cut -d' ' -f2 "$work/alinea.txt" | median)
printf 'alinea align, %s x %s lines, whole process (median of %s): %s s CPU, %s s wall\n' \
  "$(wc -l < "$work/cat-fr.txt")" "$(wc -l < "$work/cat-en.txt")" "$runs" "$a_cpu" "$a_wall"
if [ -n "${HUNALIGN:-}" ]; then
  h_cpu=$(cut -d' ' -f1 "$work/hunalign.txt" | median)
  h_wall=$(cut -d' ' -f2 "$work/hunalign.txt" | median)
  printf 'hunalign -realign, same pair, same run: %s s CPU, %s s wall; alinea is %s times faster (wall), %s times (CPU)\n' \
    "$h_cpu" "$h_wall" "$(awk -v h="$h_wall" -v a="$a_wall" 'BEGIN { printf "%.1f", h / a }')" \
    "$(awk -v h="$h_cpu" -v a="$a_cpu" 'BEGIN { printf "%.1f", h / a }')"
fi

[ "${MEMORY:-1}" = 0 ] && exit 0
for k in 1 5 11; do
  for l in fr en; do
    for _ in $(seq "$k"); do cat "$work/cat-$l.txt"; done > "$work/rep-$l.txt"
  done
  : > "$work/rep.txt"
  for _ in 1 2 3; do
    timed "$work/rep.txt" "$bin" align -q --langs fr,en --input lines --format beads \
      -o "$work/rep.beads" "$work/rep-fr.txt" "$work/rep-en.txt"
  done
  bytes=$(cat "$work/rep-fr.txt" "$work/rep-en.txt" | wc -c)
  kb=$(cut -d' ' -f3 "$work/rep.txt" | median)
  printf 'alinea align at %s x %s lines (%s MB of input): peak memory %s MB (%s× the input), %s s CPU, %s s wall (medians of 3)\n' \
    "$(wc -l < "$work/rep-fr.txt")" "$(wc -l < "$work/rep-en.txt")" \
    "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')" "$((kb / 1024))" \
    "$(awk -v k="$kb" -v b="$bytes" 'BEGIN { printf "%.1f", k * 1024 / b }')" \
    "$(cut -d' ' -f1 "$work/rep.txt" | median)" "$(cut -d' ' -f2 "$work/rep.txt" | median)"
done
