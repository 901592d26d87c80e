#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with the seed inputs of every fuzz target, taken from the
# repository's own files (corpus/, glossary/, aligned/, crates/alinea/tests/data/) and inputs
# made from them (UTF-16 copies, small termbases in every format). The list is in
# crates/alinea-oracles/src/seeds.rs, which the smoke test in `cargo test` reads too.
# Usage: scripts/fuzz-seeds.sh [OUT]   (default: fuzz/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-fuzz/corpus}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
cargo run --quiet --release -p alinea-oracles --example fuzz-seeds -- "$out"
