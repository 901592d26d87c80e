#!/usr/bin/env bash
# How closely the built-in sentence rules exported as SRX (`alinea segment --export-srx`)
# reproduce the built-in rules: segments each file with both (one unit per line, then
# sentences) and counts the sentences that differ. Prints one line per file and the total,
# and the CPU time of each run (user+sys).
#
# usage: scripts/srx-agreement.sh [ALINEA] [FILE:LANG …]
#   default files: corpus/{fr,en,ar}/*.txt and ../shared/corpora/unpc-dev/UNv1.0.devset.{fr,en,ar}
set -euo pipefail
bin=${1:-target/debug/alinea}
shift || true
[ -x "$bin" ] || cargo build --quiet --bin alinea
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" segment --export-srx "$work/builtin.srx"
files=("$@")
if [ ${#files[@]} = 0 ]; then
  for l in fr en ar; do
    for f in corpus/$l/*.txt; do files+=("$f:$l"); done
    unpc=../shared/corpora/unpc-dev/UNv1.0.devset.$l
    [ -f "$unpc" ] && files+=("$unpc:$l")
  done
fi
cpu() { # cpu OUT CMD… : run, keep stdout in OUT, print user+sys seconds
  /usr/bin/time -f '%U %S' -o "$work/time" "${@:2}" >"$1"
  awk '{printf "%.2f", $1 + $2}' "$work/time"
}
total=0 differ=0
for spec in "${files[@]}"; do
  f=${spec%:*} l=${spec##*:}
  mode=(); case "$f" in *devset*) mode=(--lines) ;; esac
  t1=$(cpu "$work/a" "$bin" -q segment --unit sentence --lang "$l" "${mode[@]}" "$f")
  t2=$(cpu "$work/b" "$bin" -q segment --unit sentence --lang "$l" "${mode[@]}" --srx "$work/builtin.srx" "$f")
  cut -f1,5 "$work/a" >"$work/a1"; cut -f1,5 "$work/b" >"$work/b1"
  n=$(wc -l <"$work/a1")
  # Sentences of the built-in run missing from the SRX run (by id and text).
  d=$(comm -23 <(sort "$work/a1") <(sort "$work/b1") | wc -l)
  total=$((total + n)) differ=$((differ + d))
  echo "$f ($l): $n sentences, $d differ; cpu built-in ${t1}s, srx ${t2}s"
done
awk -v t="$total" -v d="$differ" 'BEGIN { printf "total: %d sentences, %d differ (%.2f%% agree)\n", t, d, 100 * (t - d) / t }'
