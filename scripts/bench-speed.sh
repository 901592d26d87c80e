#!/usr/bin/env bash
# Alignment speed and memory on the UNPC dev benchmark's documents concatenated.
#
# usage: scripts/bench-speed.sh SHARED_DIR [WORK_DIR]
#   Builds the benchmark (SHARED_DIR/bench/make_unpc_bench.py) unless WORK_DIR/unpc exists,
#   concatenates its 40 documents (about 3.7k x 3.7k lines fr-en), runs the criterion
#   benchmark `align` on them, then reports the peak memory of `alinea align --input lines`
#   on the pair repeated 1, 5 and 11 times (MEMORY=0 skips that part).
set -euo pipefail
shared=${1:?usage: scripts/bench-speed.sh SHARED_DIR [WORK_DIR]}
work=${2:-$(mktemp -d)}
[ -d "$work/unpc" ] || python3 "$shared/bench/make_unpc_bench.py" "$shared/corpora/unpc-dev" "$work/unpc" >/dev/null
cat "$work"/unpc/doc*/fr.txt > "$work/cat-fr.txt"
cat "$work"/unpc/doc*/en.txt > "$work/cat-en.txt"
ALINEA_BENCH_SRC="$work/cat-fr.txt" ALINEA_BENCH_TGT="$work/cat-en.txt" \
  cargo bench --bench align -- --noplot 2>&1 | grep -E "^align/|time:"
[ "${MEMORY:-1}" = 0 ] && exit 0
cargo build --release --quiet --bin alinea
for k in 1 5 11; do
  for l in fr en; do
    for _ in $(seq "$k"); do cat "$work/cat-$l.txt"; done > "$work/rep-$l.txt"
  done
  lines=$(wc -l < "$work/rep-fr.txt")
  /usr/bin/time -f '%M %e' -o "$work/time.txt" target/release/alinea align --langs fr,en \
    --input lines --format beads -o "$work/rep.beads" "$work/rep-fr.txt" "$work/rep-en.txt" 2>/dev/null
  read -r kb secs < "$work/time.txt"
  printf 'alinea align at %s x %s lines: peak memory %s MB, %s s\n' "$lines" "$(wc -l < "$work/rep-en.txt")" "$((kb / 1024))" "$secs"
done
