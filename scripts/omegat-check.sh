#!/usr/bin/env bash
# The TMX in OmegaT itself: aligns the Word fixtures of ipu-146 (French and English), puts the
# TMX in the `tm/auto/` folder of an OmegaT project whose source file is the French .docx, runs
# OmegaT in console mode with its option "External TMX: show level 2 tags" on (off by default,
# OmegaT then reads external TMX as plain text), and has a Groovy script dump what OmegaT loaded:
# every translation unit it read from the TMX (source and target, OmegaT tag form such as
# `146<s0>e</s0>`) and every segment of the project. Checks that
#   - OmegaT read every unit of the TMX;
#   - every unit with inline codes still has them in OmegaT, as many paired tags as the TMX's
#     <bpt> (per language), so formatting reaches the translator;
#   - every unit's source is, tags aside, a segment OmegaT itself makes of the .docx (the
#     paragraphs line up with OmegaT's own reading, so each unit can match);
#   - OmegaT inserted the units without inline codes as translations (tm/auto).
# Units with codes match as fuzzy matches only: OmegaT's Word filter makes its own tags
# (`<t0/>`), which differ from any other tool's.
#
# usage: scripts/omegat-check.sh [ALINEA]
#   ALINEA: the binary (default target/debug/alinea, built if absent). Needs omegat
#   (Debian: apt-get install omegat).
set -euo pipefail
bin=${1:-target/debug/alinea}
[ -x "$bin" ] || cargo build --quiet --bin alinea
command -v omegat >/dev/null || { echo "omegat-check: no omegat on PATH (Debian: apt-get install omegat)" >&2; exit 1; }
fixtures=crates/alinea/tests/fixtures/docs
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
proj=$work/project
mkdir -p "$proj"/{source,target,tm/auto,glossary,dictionary,omegat} "$work/config"
cp "$fixtures/ipu-146-cybercrime.fr.docx" "$proj/source/"
"$bin" --quiet align "$fixtures"/ipu-146-cybercrime.{fr,en}.docx -o "$proj/tm/auto/ipu-146.tmx"

cat >"$proj/omegat.project" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>fr-FR</source_lang>
    <target_lang>en-GB</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
EOF
cat >"$work/config/omegat.prefs" <<'EOF'
<?xml version="1.0" encoding="UTF-8" ?>
<omegat>
  <preference version="1.0">
    <ext_tmx_show_level2>true</ext_tmx_show_level2>
    <ext_tmx_use_slash>true</ext_tmx_use_slash>
  </preference>
</omegat>
EOF
cat >"$work/dump.groovy" <<EOF
def project = org.omegat.core.Core.getProject()
def clean = { s -> (s ?: "").replace("\t", " ").replace("\n", " ") }
new File("$work/dump.tsv").withWriter("UTF-8") { w ->
  project.getTransMemories().each { name, tmx ->
    tmx.getEntries().each { e -> w << "tm\t" << clean(e.source) << "\t" << clean(e.translation) << "\n" }
  }
  project.getAllEntries().each { s -> w << "segment\t" << clean(s.getSrcText()) << "\n" }
}
EOF
timeout 300 omegat --mode=console-translate --script="$work/dump.groovy" --config-dir="$work/config" \
  --disable-project-locking --no-team "$proj" >"$work/omegat.log" 2>&1 \
  || { tail -20 "$work/omegat.log" >&2; echo "omegat-check: OmegaT failed" >&2; exit 1; }
[ -s "$work/dump.tsv" ] || { grep -i 'error' "$work/omegat.log" | head >&2; echo "omegat-check: the script did not run" >&2; exit 1; }

python3 - "$proj/tm/auto/ipu-146.tmx" "$work/dump.tsv" "$proj/omegat/project_stats.txt" <<'EOF'
import re
import sys
import xml.etree.ElementTree as ET

tmx, dump, stats = sys.argv[1:]
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
tag = re.compile(r"</?[a-z]\d+/?>")
strip = lambda s: re.sub(r"\s+", " ", tag.sub("", s)).strip()
# OmegaT tags: a pair <i0>…</i0> per <bpt>/<ept>, a standalone <f1/> per <ph> or <it>.
codes = lambda s: (len(re.findall(r"</[a-z]\d+>", s)), len(re.findall(r"<[a-z]\d+/>", s)))
units = {}
for tu in ET.parse(tmx).getroot().iter("tu"):
    segs = {tuv.get(LANG)[:2]: tuv.find("seg") for tuv in tu.iter("tuv")}
    plain = strip((segs["fr"].text or "") + "".join(c.tail or "" for c in segs["fr"]))
    units[plain] = {
        k: (len(s.findall("bpt")), len(s.findall("ph")) + len(s.findall("it"))) for k, s in segs.items()
    }
loaded, segments = [], {}
for line in open(dump, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if f[0] == "tm":
        loaded.append((f[1], f[2]))
    else:
        segments[strip(f[1])] = f[1]
fails = []
if len(loaded) != len(units):
    fails.append(f"OmegaT read {len(loaded)} units of {len(units)}")
coded = sum(1 for u in units.values() if u["fr"] != (0, 0) or u["en"] != (0, 0))
kept = 0
for s, t in loaded:
    u = units.get(strip(s))
    if u is not None and (u["fr"], u["en"]) == (codes(s), codes(t)):
        kept += 1
    else:
        print(f"omegat-check: TMX {u}, OmegaT {codes(s)} {codes(t)}: {s[:60]} | {t[:60]}", file=sys.stderr)
if kept != len(units):
    fails.append(f"{len(units) - kept} units lost or changed inline codes in OmegaT")
lined = sum(1 for s, _ in loaded if strip(s) in segments)
if lined != len(loaded):
    fails.append(f"{len(loaded) - lined} units are no segment of OmegaT's reading of the .docx")
# A unit without codes is inserted when OmegaT's segment has no tag either.
plain = sum(
    1
    for k, u in units.items()
    if u["fr"] == (0, 0) and k in segments and not tag.search(segments[k])
)
text = open(stats, encoding="utf-8").read()
total, remaining = (int(re.search(rf"^{k}:\s+(\d+)", text, re.M).group(1)) for k in ("Total", "Remaining"))
inserted = total - remaining
if inserted < plain:
    fails.append(f"OmegaT inserted {inserted} translations, fewer than the {plain} units without codes")
print(
    f"omegat-check: OmegaT read {len(loaded)} of {len(units)} units ({coded} with inline codes); "
    f"{kept} with the same codes as OmegaT tags; {lined} are segments of OmegaT's reading of the "
    f".docx, tags aside; {inserted} of its {total} segments translated from tm/auto"
)
for f in fails:
    print("omegat-check: FAIL:", f, file=sys.stderr)
sys.exit(1 if fails else 0)
EOF
