#!/usr/bin/env bash
# Growth of `alinea segment --unit sentence` on adversarial inputs: each reproducer is made at
# N and 10 N bytes-ish and read; the script prints both times, the peak memory and the ratio of
# the times. Linear reading gives a ratio near 10 (start-up aside); a quadratic one near 100.
#
# usage: scripts/linear-reading.sh [N] [ALINEA]
#   N: the small size (default 500000); ALINEA: the binary (default target/release/alinea,
#   built if absent). Times are wall-clock, from the best of three runs. ONLY=documents runs
#   only the document readers' reproducers (HTML, Word, OpenDocument, XLIFF).
set -euo pipefail
n=${1:-500000}
bin=${2:-target/release/alinea}
[ -x "$bin" ] || cargo build --release --quiet --bin alinea
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make() { # make NAME N > file
  python3 - "$1" "$2" <<'PY'
import sys
kind, n = sys.argv[1], int(sys.argv[2])
long = "Une phrase qui est assez longue pour compter comme du corps de texte et qui finit sur de"
s = {
    "nested-links": lambda: "Texte " + "[" * n + "x" + "](u)" * n + " fin.",
    "open-brackets": lambda: "Texte " + "[" * n,
    "bare-labels": lambda: "1. " * n,
    "parens-then-brackets": lambda: "(" * n + "]" * n,
    "unclosed-tags": lambda: "<a" * n,
    "carets": lambda: "^{" * n,
    "links-without-url": lambda: "[x](((" * n,
    "long-line-no-space": lambda: "a" * n,
    "many-label-lines": lambda: "1.\n" * (n // 5),
    "page-break-joins": lambda: (long + "\n\n") * (n // 50),
    "joins-over-furniture": lambda: long + "\n\n" + "3\n\n" * (n // 10) + "suite de\n\n" * (n // 10),
    "paragraph-of-sentences": lambda: "ab. Cd ef\n" * (n // 5),
}[kind]()
sys.stdout.write(s + "\n")
PY
}

run() { # run FILE -> "seconds megabytes" (best of three runs, peak memory of the last)
  python3 - "$bin" "$1" <<'PY'
import resource, subprocess, sys, time
best = None
for _ in range(3):
    t = time.perf_counter()
    subprocess.run([sys.argv[1], "segment", "--lang", "fr", "--unit", "sentence", sys.argv[2]],
                   stdout=subprocess.DEVNULL, check=True)
    t = time.perf_counter() - t
    best = t if best is None else min(best, t)
mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(f"{best:.3f} {mb}")
PY
}

printf '%-24s %10s %10s %10s %10s %7s\n' reproducer "t(N) s" "t(10N) s" "MB(N)" "MB(10N)" ratio
# ONLY=documents skips the plain-text reproducers.
[ "${ONLY:-}" = documents ] || for kind in nested-links open-brackets bare-labels parens-then-brackets unclosed-tags carets \
  links-without-url long-line-no-space many-label-lines page-break-joins joins-over-furniture \
  paragraph-of-sentences; do
  make "$kind" "$n" >"$work/small"
  make "$kind" $((10 * n)) >"$work/large"
  read -r t1 m1 < <(run "$work/small")
  read -r t2 m2 < <(run "$work/large")
  ratio=$(python3 -c "print(f'{$t2 / $t1:.1f}')")
  printf '%-24s %10s %10s %10s %10s %7s\n' "$kind" "$t1" "$t2" "$m1" "$m2" "$ratio"
done

# The document readers: HTML, Word, OpenDocument and XLIFF files made at N and 10 N units.
makedoc() { # makedoc NAME N PATH
  python3 - "$1" "$2" "$3" <<'PY'
import sys, zipfile
kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
O = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
     'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
p = "<p>Une phrase. Une autre phrase.</p>"
html = {
    "html-paragraphs": lambda: "<html><body>" + p * (n // 35) + "</body></html>",
    "html-nested-blocks": lambda: "<html><body><p>Texte.</p>" + "<div>" * (n // 5) + "x" + "</div>" * (n // 5) + "</body></html>",
    "html-nested-lists": lambda: "<html><body>" + "<ul><li>" * (n // 8) + "x</body></html>",
    "html-open-tags": lambda: "<html><body><p>Texte " + "<a" * (n // 2),
    "html-open-quotes": lambda: "<html><body><p>Texte " + '<a x="' * (n // 6),
}
def docx():
    para = '<w:p><w:r><w:t>Une phrase. Une autre phrase.</w:t></w:r></w:p>'
    doc = f'<?xml version="1.0"?><w:document {W}><w:body>' + para * (n // 60) + '</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", doc)
def odt():
    para = '<text:p>Une phrase. Une autre phrase.</text:p>'
    c = (f'<?xml version="1.0"?><office:document-content {O}><office:body><office:text>'
         + '<text:list><text:list-item>' + para * (n // 45) + '</text:list-item></text:list>'
         + '</office:text></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", c)
def xliff():
    tu = '<trans-unit id="{0}"><source>Une phrase {0}.</source><target>A sentence {0}.</target></trans-unit>'
    open(path, "w").write('<?xml version="1.0"?><xliff version="1.2"><file source-language="fr" '
        'target-language="en"><body>' + "".join(tu.format(i) for i in range(n // 90))
        + '</body></file></xliff>')
if kind in html:
    open(path, "w").write(html[kind]())
else:
    {"docx-paragraphs": docx, "odt-list-paragraphs": odt, "xliff-units": xliff}[kind]()
PY
}

for spec in html-paragraphs:html html-nested-blocks:html html-nested-lists:html \
  html-open-tags:html html-open-quotes:html docx-paragraphs:docx odt-list-paragraphs:odt \
  xliff-units:xlf; do
  kind=${spec%%:*} ext=${spec##*:}
  makedoc "$kind" "$n" "$work/small.$ext"
  makedoc "$kind" $((10 * n)) "$work/large.$ext"
  read -r t1 m1 < <(run "$work/small.$ext")
  read -r t2 m2 < <(run "$work/large.$ext")
  ratio=$(python3 -c "print(f'{$t2 / $t1:.1f}')")
  printf '%-24s %10s %10s %10s %10s %7s\n' "$kind" "$t1" "$t2" "$m1" "$m2" "$ratio"
done
