#!/usr/bin/env bash
# The review page's correction loop in a real browser. For a trilingual paragraph alignment and
# a bilingual sentence alignment of a corpus document: `alinea align --format html` writes the
# page; a copy of it gets scripts/review-check.js appended (the shipped page has no test hook),
# which clicks the page's own buttons (a merge undone, a merge, a split, a unit marked wrong,
# the flagged filter, Download) and writes the downloaded beads file into the DOM; headless
# Chromium runs it (--dump-dom); then `alinea align … --beads` makes a TMX of the download, and
# the TMX must hold the merged unit as one TU, the split's first half, not the unit marked
# wrong, and pass scripts/check_tmx.py when translate-toolkit is installed.
#
# usage: scripts/review-check.sh [ALINEA]
#   ALINEA: the binary (default target/debug/alinea, built if absent). Needs chromium
#   (Debian: apt-get install chromium) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/debug/alinea}
[ -x "$bin" ] || cargo build --quiet --bin alinea
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "review-check: no chromium on PATH (Debian: apt-get install chromium)" >&2
  exit 1
fi
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
doc=ipu-146-cybercrime
fail=0

check_case() { # check_case NAME ALIGN-OPTIONS... -- FILES...
  local name=$1; shift
  local opts=() files=()
  while [ "$1" != "--" ]; do opts+=("$1"); shift; done
  shift
  files=("$@")
  local dir="$work/$name"
  mkdir -p "$dir/tmx"
  "$bin" --quiet align "${opts[@]}" "${files[@]}" -o "$dir/review.html"
  python3 - "$dir/review.html" scripts/review-check.js "$dir/test.html" <<'EOF'
import sys
page, scenario, out = sys.argv[1:]
html = open(page, encoding="utf-8").read()
js = open(scenario, encoding="utf-8").read()
assert html.count("</body>") == 1
open(out, "w", encoding="utf-8").write(html.replace("</body>", "<script>\n" + js + "</script>\n</body>"))
EOF
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --user-data-dir="$work/profile" --dump-dom "file://$dir/test.html" \
    >"$dir/dom.html" 2>/dev/null
  python3 - "$dir/dom.html" "$dir/corrected.beads" "$dir/expect.json" <<'EOF'
import html, json, re, sys
dom, beads, expect = sys.argv[1:]
text = open(dom, encoding="utf-8").read()
def pre(id):
    # The last one: the scenario's own text (in its script) names the element too.
    m = re.findall(r'<pre id="%s">([^<]*)</pre>' % id, text)
    if not m:
        sys.exit("review-check: the scenario did not run (no #%s in the page)" % id)
    return html.unescape(m[-1])
open(beads, "w", encoding="utf-8").write(pre("check-out"))
open(expect, "w", encoding="utf-8").write(pre("check-expect"))
EOF
  if ! "$bin" --quiet align "${opts[@]}" "${files[@]}" --beads "$dir/corrected.beads" \
    -o "$dir/tmx/corrected.tmx"; then
    echo "FAILED ($name): alinea align --beads refused the page's download" >&2
    fail=1
    return
  fi
  if python3 - "$dir/expect.json" "$dir/tmx/corrected.tmx" "$dir/corrected.beads" "$name" <<'EOF'
import json, sys
import xml.etree.ElementTree as ET
expect_path, tmx, beads, name = sys.argv[1:]
e = json.load(open(expect_path, encoding="utf-8"))
problems = list(e["errors"])
units = [
    {p.get("type"): p.text for p in tu.findall("prop")}.get("x-units")
    for tu in ET.parse(tmx).getroot().iter("tu")
]
def has(label, want, what):
    if (label in units) != want:
        problems.append("%s %s %s the TMX" % (what, label, "missing from" if want else "still in"))
has(e["merged"], True, "the merged unit")
for part in e["parts"]:
    has(part, False, "a merged part")
has(e["wrong"], False, "the unit marked wrong")
if e["split"]:
    # A half with two languages or more is a TU of its own; the unit split is none.
    for half, what in ((e["split"], "first"), (e["splitSecond"], "second")):
        if half.count(":") >= 2:
            has(half, True, "the split's %s half" % what)
    has(e["splitWhole"], False, "the unit split")
lines = open(beads, encoding="utf-8").read().splitlines()
if not lines or lines[0] != "# alinea beads 1":
    problems.append("the download has no header")
if not e["file"] or not e["file"].endswith(".beads"):
    problems.append("the download is named %r" % e["file"])
if sum(l.endswith(":wrong") for l in lines) != 1 or sum(":reviewed" in l for l in lines) != 3:
    problems.append("the download's marks: %d wrong, %d reviewed" % (
        sum(l.endswith(":wrong") for l in lines), sum(":reviewed" in l for l in lines)))
for p in problems:
    print("FAILED (%s): %s" % (name, p), file=sys.stderr)
if problems:
    sys.exit(1)
print("ok (%s): merged %s, split %s, %s left out; %d TUs" % (
    name, e["merged"], e["split"], e["wrong"], len(units)))
EOF
  then :; else fail=1; return; fi
  if python3 -c 'import translate.storage.tmx' 2>/dev/null; then
    python3 scripts/check_tmx.py "$dir/tmx" || fail=1
  else
    echo "($name: translate-toolkit not installed: scripts/check_tmx.py skipped)"
  fi
}

check_case trilingual -- corpus/{fr,en,ar}/$doc.txt
check_case sentences --unit sentence -- corpus/{fr,en}/$doc.txt
[ "$fail" = 0 ] && echo "review-check: merge, split, wrong, undo, filter and download work, and align --beads reads the download"
exit "$fail"
