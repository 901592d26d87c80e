#!/usr/bin/env bash
# Load on loopback: `alinea serve` (release build, fresh database of the built-in glossary)
# answers wrk (Debian: apt-get install wrk) on 127.0.0.1 for a fixed time per set, then
# stops. Two sets of GET /api/lookup requests, cycled through by every connection:
#   exact  every term of the termbase as written;
#   mixed  a quarter each: exact terms, folded (lower case, no accents or diacritics),
#          misspelt (one letter dropped inside terms of 7 letters or more: the fuzzy class)
#          and prefixes (the first 4 characters).
# Prints, per set: requests/s, p50 and p99 latency, and the errors (socket errors and
# non-2xx answers). The server and wrk share the machine's cores.
#
# usage: scripts/serve-load.sh [SECONDS] [CONNECTIONS] [ALINEA]
#   defaults: 10 s, 32 connections, target/release/alinea (built if absent).
set -euo pipefail
secs=${1:-10}
conns=${2:-32}
bin=${3:-target/release/alinea}
command -v wrk >/dev/null || { echo "serve-load: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -x "$bin" ] || cargo build --release --quiet --bin alinea
work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" --quiet serve --addr 127.0.0.1:0 --db "$work/t.db" >"$work/out" &
server=$!
for _ in $(seq 100); do
  grep -q '^serving ' "$work/out" 2>/dev/null && break
  sleep 0.1
done
url=$(sed -n 's/^serving //p' "$work/out")
[ -n "$url" ] || { echo "serve-load: the server did not start" >&2; exit 1; }
addr=${url%/}

# The query sets, as request paths, from the server's own JSON export.
curl -sf "${addr}/api/termbase.json" >"$work/tb.json"
python3 - "$work" <<'PY'
import json, sys, unicodedata, urllib.parse
work = sys.argv[1]
tb = json.load(open(f"{work}/tb.json"))
terms = [t["text"] for c in tb["concepts"] for t in c["terms"]]
def path(q):
    return "/api/lookup?q=" + urllib.parse.quote(q)
def fold(s):
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(ch for ch in s if not unicodedata.combining(ch))
def typo(s):
    return s[: len(s) // 2] + s[len(s) // 2 + 1 :]
exact = [path(t) for t in terms]
mixed = []
for i, t in enumerate(terms):
    kind = i % 4
    if kind == 0:
        mixed.append(path(t))
    elif kind == 1:
        mixed.append(path(fold(t)))
    elif kind == 2 and len(t) >= 7:
        mixed.append(path(typo(t)))
    else:
        mixed.append(path(t[:4]))
open(f"{work}/exact.txt", "w").write("\n".join(exact) + "\n")
open(f"{work}/mixed.txt", "w").write("\n".join(mixed) + "\n")
print(f"{len(tb['concepts'])} concepts, {len(terms)} terms: {len(exact)} exact and {len(mixed)} mixed queries")
PY

cat >"$work/paths.lua" <<'LUA'
local paths = {}
local n = 0
init = function(args)
  for line in io.lines(args[1]) do
    n = n + 1
    paths[n] = line
  end
  -- Each thread starts at a different place in the set.
  counter = math.random(n)
end
request = function()
  counter = counter % n + 1
  return wrk.format("GET", paths[counter])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.3f %.3f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
LUA

# One short warm-up, then the sets.
wrk -t2 -c"$conns" -d2s -s "$work/paths.lua" "$addr" -- "$work/mixed.txt" >/dev/null
for set in exact mixed; do
  line=$(wrk -t2 -c"$conns" -d"${secs}s" -s "$work/paths.lua" "$addr" -- "$work/$set.txt" | grep '^RESULT')
  read -r _ rps p50 p99 sock status <<<"$line"
  printf '%-6s %8s req/s   p50 %6s ms   p99 %6s ms   socket errors %s   non-2xx %s\n' \
    "$set" "$rps" "$p50" "$p99" "$sock" "$status"
done
