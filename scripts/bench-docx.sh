#!/usr/bin/env bash
# Reading speed of a large Word file: the French .docx fixture's body repeated N times (default
# 200, about 14 MB of WordprocessingML) into one .docx, then `alinea segment` on it, timed.
# Usage: scripts/bench-docx.sh [N]   (needs python3 and a release build: cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 - "$n" "$tmp/big.docx" <<'PY'
import re, sys, zipfile
n, out = int(sys.argv[1]), sys.argv[2]
src = "crates/alinea/tests/fixtures/docs/ipu-146-cybercrime.fr.docx"
with zipfile.ZipFile(src) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
    for info in z.infolist():
        data = z.read(info)
        if info.filename == "word/document.xml":
            text = data.decode()
            start = text.index("<w:body>") + len("<w:body>")
            end = text.rindex("<w:sectPr")
            text = text[:start] + text[start:end] * n + text[end:]
            data = text.encode()
            print(f"word/document.xml: {len(data) / 1e6:.1f} MB", file=sys.stderr)
        w.writestr(info.filename, data)
PY
ls -l "$tmp/big.docx" | awk '{print "big.docx:", $5, "bytes"}'
for i in 1 2 3; do
  /usr/bin/time -f "%e s, %M KB peak" target/release/alinea segment "$tmp/big.docx" > "$tmp/out.txt"
done
echo "units: $(wc -l < "$tmp/out.txt")"
