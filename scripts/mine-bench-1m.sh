#!/usr/bin/env bash
# Mine a generated trilingual TMX of N units (default 1,000,000) and report the wall time and
# peak memory (/usr/bin/time -v). The TMX is made from the UNPC dev lines
# (../shared/corpora/unpc-dev), repeated with their unit number appended, in a temporary folder.
# Usage: scripts/mine-bench-1m.sh [N] [alinea binary]
set -euo pipefail
n=${1:-1000000}
bin=${2:-target/release/alinea}
dev=../shared/corpora/unpc-dev
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$dev" "$n" "$tmp/big.tmx" <<'PY'
import sys
from xml.sax.saxutils import escape
dev, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = {l: open(f"{dev}/UNv1.0.devset.{l}", encoding="utf-8").read().splitlines() for l in ("fr", "en", "ar")}
k = min(len(v) for v in lines.values())
with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="gen" creationtoolversion="1" segtype="sentence" o-tmf="gen" adminlang="en" srclang="fr" datatype="plaintext"/><body>\n')
    for i in range(n):
        f.write("<tu>")
        for l in ("fr", "en", "ar"):
            f.write(f'<tuv xml:lang="{l}"><seg>{escape(lines[l][i % k])} {i}</seg></tuv>')
        f.write("</tu>\n")
    f.write("</body></tmx>\n")
PY
ls -la "$tmp/big.tmx" >&2
/usr/bin/time -v "$bin" --quiet terms extract --no-glossary --format tsv -o "$tmp/out.tsv" "$tmp/big.tmx" 2> "$tmp/time.txt" || { cat "$tmp/time.txt" >&2; exit 1; }
grep -E "User time|System time|Elapsed|Maximum resident" "$tmp/time.txt"
echo "candidates: $(($(wc -l < "$tmp/out.tsv") - 1))"
