#!/usr/bin/env bash
# The web page in a real browser: starts `alinea serve` on a free loopback port with a fresh
# database (the built-in glossary), has headless Chromium load /?q=TIC and dump the DOM after
# the page's script ran, and checks that the results name ICT and the Arabic term
# (تكنولوجيا المعلومات والاتصالات) in right-to-left columns. With SCREENSHOT=FILE it also saves
# a screenshot of that page.
#
# usage: scripts/browser-check.sh [ALINEA]
#   ALINEA: the binary (default target/debug/alinea, built if absent). Needs chromium
#   (Debian: apt-get install chromium).
set -euo pipefail
bin=${1:-target/debug/alinea}
[ -x "$bin" ] || cargo build --quiet --bin alinea
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "browser-check: no chromium on PATH (Debian: apt-get install chromium)" >&2
  exit 1
fi
work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" --quiet serve --addr 127.0.0.1:0 --db "$work/t.db" --tm aligned/ipu-146-cybercrime.tmx >"$work/out" &
server=$!
for _ in $(seq 100); do
  grep -q '^serving ' "$work/out" 2>/dev/null && break
  sleep 0.1
done
url=$(sed -n 's/^serving //p' "$work/out")
[ -n "$url" ] || { echo "browser-check: the server did not start" >&2; exit 1; }

chrome() {
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --user-data-dir="$work/profile" "$@" 2>/dev/null
}
chrome --dump-dom "${url}?q=TIC" >"$work/dom.html"

fail=0
check() { # check WHAT PATTERN
  if grep -q -- "$2" "$work/dom.html"; then
    echo "ok: $1"
  else
    echo "MISSING: $1" >&2
    fail=1
  fi
}
check "the result for TIC is the concept ict" '<span>ict</span>'
check "its English term ICT" '<span class="term">ICT</span>'
check "its Arabic term" 'تكنولوجيا المعلومات والاتصالات'
check "the Arabic column is right to left" '<div class="col" lang="ar" dir="rtl">'
check "status badges" '<span class="badge preferred">preferred</span>'
check "the status line" '1 concept for “TIC”'
if [ -n "${SCREENSHOT:-}" ]; then
  chrome --hide-scrollbars --window-size=1280,1000 --screenshot="$SCREENSHOT" "${url}?q=TIC" >/dev/null
  echo "screenshot: $SCREENSHOT"
fi
[ "$fail" = 0 ] && echo "browser-check: the page shows /?q=TIC"
exit "$fail"
