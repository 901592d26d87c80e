#!/usr/bin/env bash
# Instructions `alinea build` executes on a small batch, counted by valgrind's callgrind: a
# figure that does not move with the machine's load (wall and CPU times on a shared two-core
# machine vary by a tenth or more from run to run), to compare two binaries of the batch.
# One thread, the batch alone (`--shard 0/1`, no term mining). Counts are of instructions, not
# of time: valgrind runs SHA-256 without the processor's SHA extensions, so hashing weighs
# several times more here than it does natively.
#
# usage: scripts/bench-batch-instructions.sh SHARED_DIR [WORK_DIR] [DOCS] [BINARY…]
#   Generates DOCS (default 200) document triples from SHARED_DIR/corpora/unpc-dev with
#   scripts/make-batch-corpus.py into WORK_DIR/corpus-DOCS (unless it exists; WORK_DIR defaults
#   to a new temporary folder), then prints the instructions of each BINARY (default: this
#   checkout's release build). The profiles stay in WORK_DIR for callgrind_annotate.
set -euo pipefail
shared=${1:?usage: scripts/bench-batch-instructions.sh SHARED_DIR [WORK_DIR] [DOCS] [BINARY…]}
work=${2:-$(mktemp -d)}
docs=${3:-200}
shift $(($# < 3 ? $# : 3))
here=$(cd "$(dirname "$0")/.." && pwd)
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
corpus="$work/corpus-$docs"
[ -d "$corpus/fr" ] || python3 "$here/scripts/make-batch-corpus.py" "$shared/corpora/unpc-dev" "$corpus" "$docs"
bins=("$@")
if [ ${#bins[@]} -eq 0 ]; then
  (cd "$here" && cargo build --release --quiet --bin alinea)
  bins=("$here/target/release/alinea")
fi
n=0
for bin in "${bins[@]}"; do
  n=$((n + 1))
  out="$work/out-$n"
  profile="$work/callgrind-$n.out"
  RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$profile" \
    "$bin" build -q -j 1 --shard 0/1 --corpus "$corpus" --out "$out" >/dev/null 2>"$work/valgrind-$n.txt"
  total=$(sed -n 's/^summary: //p' "$profile")
  printf '%s\t%s instructions\t(%s)\n' "$bin" "$total" "$profile"
  rm -rf "$out"
done
