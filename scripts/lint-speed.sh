#!/usr/bin/env bash
# Speed of `alinea lint`: monolingual MB/s against a 10k-term termbase, bilingual MB/s with
# alignment. Builds its inputs from the UN dev set (../shared/corpora/unpc-dev) into a
# temporary folder, runs each measure 5 times and prints the median.
# Usage: scripts/lint-speed.sh [path/to/alinea]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/target/release/alinea}
dev=$root/../shared/corpora/unpc-dev
[ -d "$dev" ] || { echo "lint-speed: $dev not found" >&2; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A 10k-term termbase: the dev terms and 9,975 synthetic three-word English terms built from
# the dev text's words (so that the automaton has realistic keys).
python3 - "$dev" "$tmp" <<'PY'
import random, sys, re
dev, tmp = sys.argv[1], sys.argv[2]
words = sorted(set(w.lower() for w in re.findall(r"[A-Za-z]{4,}", open(f"{dev}/UNv1.0.devset.en", encoding="utf-8").read())))
rng = random.Random(7)
rows = [l.rstrip("\n") for l in open(f"{dev}/terms-dev.tsv", encoding="utf-8")]
out = [rows[0]] + rows[1:]
while len(out) < 10001:
    ws = rng.sample(words, 3)
    out.append("\t".join([" ".join(ws) + " fr", " ".join(ws), "مصطلح " + ws[0]]))
open(f"{tmp}/terms.tsv", "w", encoding="utf-8").write("\n".join(out) + "\n")
# ~8 MB of English draft, ~2 MB of each side for the bilingual run.
en = open(f"{dev}/UNv1.0.devset.en", encoding="utf-8").read()
fr = open(f"{dev}/UNv1.0.devset.fr", encoding="utf-8").read()
open(f"{tmp}/mono.en.txt", "w", encoding="utf-8").write((en + "\n") * 12)
open(f"{tmp}/bi.en.txt", "w", encoding="utf-8").write(en.replace("\n", "\n\n") * 3)
open(f"{tmp}/bi.fr.txt", "w", encoding="utf-8").write(fr.replace("\n", "\n\n") * 3)
PY
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() { # name bytes args…
  local name=$1 bytes=$2; shift 2
  for i in 1 2 3 4 5; do
    s=$(date +%s.%N); "$bin" -q lint "$@" >/dev/null || true; e=$(date +%s.%N)
    echo "$bytes $s $e" | awk '{printf "%.2f\n", $1/1e6/($3-$2)}'
  done | median | xargs printf "%s: %s MB/s (median of 5)\n" "$name"
}
mono=$(stat -c %s "$tmp/mono.en.txt")
bi=$(( $(stat -c %s "$tmp/bi.en.txt") + $(stat -c %s "$tmp/bi.fr.txt") ))
run "monolingual, 10k terms, $((mono/1000000)) MB" "$mono" --termbase "$tmp/terms.tsv" --lang en "$tmp/mono.en.txt"
run "bilingual fr→en with alignment, $((bi/1000000)) MB (both sides)" "$bi" --termbase "$tmp/terms.tsv" --source "$tmp/bi.fr.txt" "$tmp/bi.en.txt"
