#!/usr/bin/env bash
# Batch throughput of `alinea build`: input megabytes per second of wall time and peak memory,
# median of RUNS runs from an empty output folder, then a rerun where every document is
# unchanged, and (SHARDS=N > 1) the corpus split into N shards run side by side on this machine
# and their summaries merged.
#
# usage: scripts/bench-batch.sh SHARED_DIR [WORK_DIR] [DOCS]
#   Generates DOCS (default 10000) document triples from SHARED_DIR/corpora/unpc-dev with
#   scripts/make-batch-corpus.py into WORK_DIR/corpus-DOCS (unless it exists; WORK_DIR defaults
#   to a new temporary folder, never inside the repository). RUNS=3, JOBS (alinea -j) unset.
#   ALIGN_ONLY=1 runs the build as the one shard of one (`--shard 0/1`: every document, but
#   no term mining of the output folder afterwards), to measure the batch alone.
set -euo pipefail
shared=${1:?usage: scripts/bench-batch.sh SHARED_DIR [WORK_DIR] [DOCS]}
work=${2:-$(mktemp -d)}
docs=${3:-10000}
runs=${RUNS:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
corpus="$work/corpus-$docs"
[ -d "$corpus/fr" ] || python3 "$here/scripts/make-batch-corpus.py" "$shared/corpora/unpc-dev" "$corpus" "$docs"
(cd "$here" && cargo build --release --quiet --bin alinea)
bin="$here/target/release/alinea"
jobs=()
[ -n "${JOBS:-}" ] && jobs=(-j "$JOBS")
only=()
[ "${ALIGN_ONLY:-0}" = 1 ] && only=(--shard 0/1)
bytes=$(find "$corpus"/fr "$corpus"/en "$corpus"/ar -type f -printf "%s\n" | awk "{ s += \$1 } END { print s }")
printf 'corpus: %s document triples, %s bytes of input\n' "$docs" "$bytes"

# One timed build into $out: prints "wall_s peak_kb user_s sys_s".
timed() {
  /usr/bin/time -v -o "$work/time.txt" "$bin" build -q "${jobs[@]}" "${only[@]}" --corpus "$corpus" --out "$1" "${@:2}" >/dev/null 2>"$work/stderr.txt" || {
    cat "$work/stderr.txt" >&2
    return 1
  }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
    /Maximum resident set size/ { rss = $2 }
    /User time/ { user = $2 } /System time/ { sys = $2 }
    END { printf "%.2f %d %.2f %.2f\n", wall, rss, user, sys }' "$work/time.txt"
}

# Each run writes into a folder of its own. The file system is part of what a run measures,
# so it is left as a fresh one would be:
# - outputs of an earlier invocation (the runs' and the shards') are removed first, then the
#   script waits SETTLE seconds (default 305). Where ext4 has no journal (as on the machines these figures come from), a
#   new file's inode is not taken among those freed in the last 5 seconds, or the last 305
#   when the inode table block is dirty — which it is while a build creates files — and each
#   skipped inode is looked up one by one: a 2,000-triple build started 20 s after an `rm -rf`
#   of the last run's outputs spent a third of its CPU time there (`perf`: `recently_deleted`,
#   `find_inode_bit`), against a few per cent with nothing freed in the last minutes.
# - the outputs stay after the last run (removed by the next invocation), and the file
#   system is synced before each run, so that a run's syncs do not write the last run's files.
if compgen -G "$work/out*" >/dev/null || [ -d "$work/sharded" ]; then
  rm -rf "$work"/out "$work"/out-* "$work/sharded"
  sync
  echo "(old outputs removed: waiting ${SETTLE:-305} s for the file system)"
  sleep "${SETTLE:-305}"
fi
rates=()
for r in $(seq "$runs"); do
  out="$work/out-$r"
  sync
  read -r wall rss user sys < <(timed "$out")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  rate=$(awk -v b="$bytes" -v w="$wall" 'BEGIN { printf "%.1f", b / 1e6 / w }')
  per_cpu=$(awk -v b="$bytes" -v c="$cpu" 'BEGIN { printf "%.1f", b / 1e6 / c }')
  printf 'run %s: %s s wall, %s MB/s, peak RSS %s MB, %s s CPU (%s user + %s system; %s MB per CPU second), load %s\n' \
    "$r" "$wall" "$rate" "$((rss / 1024))" "$cpu" "$user" "$sys" "$per_cpu" "$(cut -d' ' -f1 /proc/loadavg)"
  rates+=("$rate")
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
printf 'median: %s MB/s of input\n' "$median"

read -r wall rss _ _ < <(timed "$out")
printf 'rerun, every document unchanged: %s s wall, peak RSS %s MB\n' "$wall" "$((rss / 1024))"

shards=${SHARDS:-1}
if [ "$shards" -gt 1 ]; then
  sync
  start=$(date +%s.%N)
  for i in $(seq 0 $((shards - 1))); do
    "$bin" build -q "${jobs[@]}" --corpus "$corpus" --out "$work/sharded" --shard "$i/$shards" &
  done
  wait
  end=$(date +%s.%N)
  "$bin" build -q --merge-summaries "$work"/sharded/.alinea-build/summary-*-of-"$shards".json --summary "$work/merged.json"
  printf '%s shards side by side: %.2f s wall; merged summary %s\n' "$shards" "$(echo "$end - $start" | bc)" "$work/merged.json"
fi
echo "outputs left in $work (the next run removes them first)"
