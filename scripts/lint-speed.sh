#!/usr/bin/env bash
# Speed of `alinea lint`: monolingual MB/s against a 10k-term termbase, bilingual MB/s with
# alignment. Builds its inputs from the UN dev set (../shared/corpora/unpc-dev) into a
# temporary folder, runs each measure 5 times and prints the median, in MB of draft per
# second of CPU time (user + system, from /usr/bin/time: wall time means little on a loaded
# machine), and in MB of draft per second of wall clock (the linter reads, keys terms and
# checks units on every core, and loads the termbase while it reads). Also printed: the CPU
# time of a run over a one-line draft (loading the termbase and keying its terms), and the
# rate with that fixed cost taken off.
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
cpu() { # CPU seconds (user + system) of one run of alinea with these arguments; its wall
  # time goes to $tmp/walls
  /usr/bin/time -f "%U %S %e" -o "$tmp/time" "$bin" -q lint "$@" >/dev/null 2>&1 || true
  tail -1 "$tmp/time" | awk '{print $3}' >> "$tmp/walls"
  tail -1 "$tmp/time" | awk '{printf "%.3f\n", $1 + $2}'
}
cpu5() { : > "$tmp/walls"; for i in 1 2 3 4 5; do cpu "$@"; done | median; }
echo "Draft." > "$tmp/one.en.txt"
echo "Projet." > "$tmp/one.fr.txt"
run() { # name bytes fixed args…
  local name=$1 bytes=$2 fixed=$3; shift 3
  local t
  t=$(cpu5 "$@")
  local w
  w=$(median < "$tmp/walls")
  awk -v n="$name" -v b="$bytes" -v t="$t" -v f="$fixed" -v w="$w" 'BEGIN {
    printf "%s: %.1f MB per CPU-second (median of 5: %.2f s); without the fixed %.2f s: %.1f MB/s; wall clock (2 threads where the work shares): %.1f MB/s (median %.2f s)\n",
      n, b / 1e6 / t, t, f, (t > f) ? b / 1e6 / (t - f) : 0, b / 1e6 / w, w }'
}
mono=$(stat -c %s "$tmp/mono.en.txt")
bi=$(( $(stat -c %s "$tmp/bi.en.txt") + $(stat -c %s "$tmp/bi.fr.txt") ))
fixed_mono=$(cpu5 --termbase "$tmp/terms.tsv" --lang en "$tmp/one.en.txt")
fixed_bi=$(cpu5 --termbase "$tmp/terms.tsv" --source "$tmp/one.fr.txt" --source-lang fr --lang en "$tmp/one.en.txt")
run "monolingual, 10k terms, $((mono/1000000)) MB" "$mono" "$fixed_mono" --termbase "$tmp/terms.tsv" --lang en "$tmp/mono.en.txt"
run "bilingual fr→en with alignment, $((bi/1000000)) MB (both sides)" "$bi" "$fixed_bi" --termbase "$tmp/terms.tsv" --source "$tmp/bi.fr.txt" "$tmp/bi.en.txt"
