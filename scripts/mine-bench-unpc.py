#!/usr/bin/env python3
"""UNPC dev evaluation of `alinea terms extract` on a trilingual TMX.

Aligns the three dev files (../shared/corpora/unpc-dev/UNv1.0.devset.{fr,en,ar}) line by line
into a TMX (`alinea align --input lines`), mines it without any glossary (association alone;
`--glossary` to compare), and scores against terms-dev.tsv (never given to the tool):
- French gold terms found within the first 1000 French candidates;
- English and Arabic: the top-1 equivalent of each gold French term is the gold one.
Comparison is on a folded form (case, accents, Arabic letter variants and article).

Usage: scripts/mine-bench-unpc.py [--bin target/release/alinea] [--unpc DIR] [--glossary] [--terms TSV]
"""
import argparse
import json
import os
import shutil
import subprocess
import tempfile
import unicodedata


def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("-", " ")
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ة", "ه"), ("ى", "ي"), ("ـ", "")):
        s = s.replace(a, b)
    words = []
    for w in s.split():
        if len(w) > 4 and w.startswith("وال"):
            w = w[3:]
        elif len(w) > 3 and w.startswith("ال"):
            w = w[2:]
        words.append(w)
    return " ".join(words)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/alinea")
    ap.add_argument("--unpc", default="../shared/corpora/unpc-dev")
    ap.add_argument("--glossary", action="store_true", help="boost with the built-in glossary")
    ap.add_argument("--terms", help="another term list (fr, en, ar columns, a header line) to score instead of terms-dev.tsv")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for lang in ("fr", "en", "ar"):
            dst = os.path.join(tmp, f"dev.{lang}.txt")
            shutil.copy(os.path.join(a.unpc, f"UNv1.0.devset.{lang}"), dst)
            files.append(dst)
        tmx = os.path.join(tmp, "dev.tmx")
        subprocess.run([binary, "--quiet", "align", "--input", "lines", *files, "-o", tmx], check=True)
        cmd = [binary, "--quiet", "terms", "extract", "--format", "json", tmx]
        if not a.glossary:
            cmd.insert(4, "--no-glossary")
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    cands = json.loads(out)
    fr = [c for c in cands if c["lang"] == "fr"][:1000]
    index = {}
    for rank, c in enumerate(fr):
        for f in [c["text"]] + c["forms"]:
            index.setdefault(fold(f), (rank, c))
    with open(a.terms or os.path.join(a.unpc, "terms-dev.tsv"), encoding="utf-8") as f:
        gold = [l.rstrip("\n").split("\t") for l in f][1:]
    found = en_ok = ar_ok = 0
    print("fr\trank\ten (gold → top-1)\tar (gold → top-1)")
    for g_fr, g_en, g_ar in gold:
        hit = index.get(fold(g_fr))
        if not hit:
            print(f"{g_fr}\t-\t{g_en} → -\t{g_ar} → -")
            continue
        found += 1
        rank, c = hit
        top = {l: (c.get("equivalents", {}).get(l) or [{"text": "-"}])[0]["text"] for l in ("en", "ar")}
        e = fold(top["en"]) == fold(g_en)
        r = fold(top["ar"]) == fold(g_ar)
        en_ok += e
        ar_ok += r
        print(f"{g_fr}\t{rank + 1}\t{g_en} → {top['en']}{'' if e else ' ✗'}\t{g_ar} → {top['ar']}{'' if r else ' ✗'}")
    n = len(gold)
    print(f"\nFrench candidates: {len([c for c in cands if c['lang'] == 'fr'])}")
    print(f"fr gold within the first 1000: {found}/{n} = {found / n:.2f}")
    print(f"en top-1: {en_ok}/{n} = {en_ok / n:.2f}")
    print(f"ar top-1: {ar_ok}/{n} = {ar_ok / n:.2f}")


if __name__ == "__main__":
    main()
