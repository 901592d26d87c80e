#!/usr/bin/env bash
# The linter on real translations of another domain: ACTER 1.5's parallel corruption texts
# (../shared/corpora/acter/{fr,en}/corp/texts, EU and Belgian documents with their published
# English versions; CC BY-NC-SA 4.0, read in place and never copied) aligned sentence by
# sentence with `alinea align`, then linted with the French as source against the UN dev
# termbase (terms-dev.tsv converted to TBX). Prints the findings per rule and, with --show,
# each number, structure and term finding with its place. There is no gold: the findings are read.
# Usage: scripts/lint-acter.sh [--show] [path/to/alinea]
set -euo pipefail
show=0
if [ "${1:-}" = --show ]; then show=1; shift; fi
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/target/release/alinea}
acter=$root/../shared/corpora/acter
dev=$root/../shared/corpora/unpc-dev
[ -d "$acter" ] && [ -d "$dev" ] || { echo "lint-acter: ../shared/corpora not found" >&2; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" -q terms convert "$dev/terms-dev.tsv" "$work/terms.tbx" > /dev/null 2>&1
for fr in "$acter"/fr/corp/texts/*.txt; do
  name=$(basename "$fr" .txt)
  en="$acter/en/corp/texts/${name/_fr_/_en_}.txt"
  [ -f "$en" ] || continue
  "$bin" -q align --langs fr,en --unit sentence --format tmx -o "$work/$name.tmx" "$fr" "$en"
done
"$bin" -q lint --termbase "$work/terms.tbx" --format json "$work"/*.tmx > "$work/findings.json" || true
python3 - "$work/findings.json" "$show" <<'PY'
import collections, html, json, re, sys
d = json.load(open(sys.argv[1]))
print("units", d["summary"]["units"])
for rule, n in sorted(collections.Counter(f["rule"] for f in d["findings"]).items()):
    print(f"{rule}\t{n}")
if sys.argv[2] == "1":
    for f in d["findings"]:
        if f["rule"].startswith(("number/", "structure/", "term/")):
            print(f"{f['path'].rsplit('/', 1)[-1]}:{f['line']} {f['rule']}: {f['message']}")
PY
