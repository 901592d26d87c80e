#!/usr/bin/env bash
# Alignment quality on the UNPC dev benchmark (fr-en, fr-ar) and on the bleualign dev set (de-fr).
#
# usage: scripts/bench-align.sh SHARED_DIR [WORK_DIR]
#   SHARED_DIR holds bench/make_unpc_bench.py, bench/score.py, corpora/unpc-dev and
#   corpora/bleualign-dev. Extra aligner flags can be passed in ALIGN_FLAGS
#   (e.g. ALIGN_FLAGS=--no-realign). With ALIGNER=cli the documents are aligned one by one
#   with `alinea align --input lines --format beads` instead of the batch harness
#   (crates/alinea/examples/align_lines.rs); the beads are the same; CLI=PATH names another
#   `alinea` binary for it (to compare two builds; the Bleualign set is always aligned by the
#   harness built from the working tree). With FOLD=K/N only the
#   UNPC documents whose number is K modulo N are scored (those whose lines
#   `scripts/train-lexicon.py --fold K/N` left out of a table's training).
set -euo pipefail
shared=${1:?usage: scripts/bench-align.sh SHARED_DIR [WORK_DIR]}
work=${2:-$(mktemp -d)}
cargo build --release --quiet --example align_lines --bin alinea
bin=target/release/examples/align_lines
cli=${CLI:-target/release/alinea}
[ -d "$work/unpc" ] || python3 "$shared/bench/make_unpc_bench.py" "$shared/corpora/unpc-dev" "$work/unpc" >/dev/null
for tl in en ar; do
  list="$work/list-fr-$tl.tsv"
  : > "$list"
  args=()
  for d in "$work"/unpc/doc*; do
    if [ -n "${FOLD:-}" ]; then
      num=$((10#${d##*/doc}))
      [ $((num % ${FOLD#*/})) = "${FOLD%/*}" ] || continue
    fi
    printf '%s\t%s\t%s\n' "$d/fr.txt" "$d/$tl.txt" "$d/test-fr-$tl.beads" >> "$list"
    args+=("$d/gold-fr-$tl.beads" "$d/test-fr-$tl.beads")
  done
  if [ "${ALIGNER:-}" = cli ]; then
    while IFS=$'\t' read -r src tgt out; do
      "$cli" align --langs "fr,$tl" --input lines --format beads -o "$out" "$src" "$tgt" 2>/dev/null
    done < "$list"
  else
    # shellcheck disable=SC2086
    "$bin" --langs "fr,$tl" ${ALIGN_FLAGS:-} --batch "$list"
  fi
  printf 'unpc fr-%s      ' "$tl"
  python3 "$shared/bench/score.py" "${args[@]}"
done
bl="$shared/corpora/bleualign-dev"
# shellcheck disable=SC2086
"$bin" --langs de,fr ${ALIGN_FLAGS:-} "$bl/dev.de" "$bl/dev.fr" > "$work/bleualign-de-fr.beads"
printf 'bleualign de-fr  '
python3 "$shared/bench/score.py" "$bl/dev.defr" "$work/bleualign-de-fr.beads"
printf 'bleualign (published convention)  '
python3 "$shared/bench/score.py" --published "$bl/dev.defr" "$work/bleualign-de-fr.beads"
