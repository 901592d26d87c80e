#!/usr/bin/env python3
"""TermEval 2020 scoring of `alinea terms extract` on ACTER (../shared/corpora/acter).

For each domain and language: run the extractor on the domain's annotated texts, take the
unique lower-cased list of what it prints — each candidate's text and the forms it was seen in
(`conflict of interest | conflicts of interest`: ACTER's gold lists each form annotated, and
a candidate's forms are part of its answer) — and compute precision, recall and F1 against
the gold list with named entities (`gold/<d>_<l>_terms_nes.tsv`). `--text-only` scores the
`text` column alone (the convention before the forms counted).
ACTER is CC BY-NC-SA 4.0: it is read in place, never copied into the repository.

With --bilingual, the parallel `corp` domain is also mined bilingually: each French text is
aligned with its English counterpart (`alinea align --unit sentence --format tmx`, same file
number), the TMX files are mined together (`alinea terms extract` on TMX: candidates per
language with equivalents), and each language's list is scored against its own gold.
`--with-cor` adds the unannotated files of `cor/` to the mined TMX, paired by file number
(their terms are in no gold list, so precision falls; the option shows how much). ACTER calls
them the parallel part of the corruption corpus, but a French and an English file of the same
number are different documents (`cor_fr_001` a French law, `cor_en_001` a Transparency
International report): the aligner leaves most of their sentences unpaired, and what the
option adds is mostly each language's candidates without equivalents.

Usage: scripts/mine-bench-acter.py [--bin target/release/alinea] [--acter DIR] [--domains corp,equi,wind]
                                   [--bilingual [--with-cor]]
"""
import argparse
import csv
import os
import subprocess
import sys
import tempfile

csv.field_size_limit(1 << 24)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/alinea")
    ap.add_argument("--acter", default="../shared/corpora/acter")
    ap.add_argument("--domains", default="corp,equi,wind")
    ap.add_argument("--langs", default="en,fr")
    ap.add_argument("--extra", default="", help="extra arguments to terms extract")
    ap.add_argument("--bilingual", action="store_true")
    ap.add_argument("--with-cor", action="store_true")
    ap.add_argument("--text-only", action="store_true")
    a = ap.parse_args()
    rows = []
    for lang in a.langs.split(","):
        for dom in a.domains.split(","):
            tdir = os.path.join(a.acter, lang, dom, "texts")
            files = sorted(os.path.join(tdir, f) for f in os.listdir(tdir) if f.endswith(".txt"))
            cmd = [a.bin, "--quiet", "terms", "extract", "--lang", lang, "--format", "tsv"] + a.extra.split() + files
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            reader = csv.reader(out.splitlines()[1:], delimiter="\t", quoting=csv.QUOTE_NONE)
            got = printed(reader, a.text_only)
            gold_path = os.path.join(a.acter, lang, dom, "gold", f"{dom}_{lang}_terms_nes.tsv")
            with open(gold_path, encoding="utf-8") as f:
                gold = {l.split("\t")[0].strip().lower() for l in f if l.strip()}
            tp = len(got & gold)
            p = tp / len(got) if got else 0.0
            r = tp / len(gold) if gold else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            rows.append((dom, lang, len(got), len(gold), tp, p, r, f1))
    if a.bilingual:
        rows += bilingual(a)
    print("domain\tlang\textracted\tgold\tcorrect\tprecision\trecall\tF1")
    for d, l, n, g, tp, p, r, f1 in rows:
        print(f"{d}\t{l}\t{n}\t{g}\t{tp}\t{p:.3f}\t{r:.3f}\t{f1:.3f}")


def printed(rows, text_only):
    """The lower-cased texts and forms of TSV rows (`lang, text, freq, score, forms, …`)."""
    got = set()
    for r in rows:
        if len(r) > 1:
            got.add(r[1].lower())
        if len(r) > 4 and not text_only:
            got |= {f.lower() for f in r[4].split(" | ") if f}
    return got


def gold_of(acter, dom, lang):
    path = os.path.join(acter, lang, dom, "gold", f"{dom}_{lang}_terms_nes.tsv")
    with open(path, encoding="utf-8") as f:
        return {l.split("\t")[0].strip().lower() for l in f if l.strip()}


def bilingual(a):
    """Rows `corp-bi` (and `corp+cor-bi`): the parallel corp texts aligned and mined as TMX."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        pairs = []
        for sub, prefix in [("corp/texts", "corp"), ("cor", "cor")]:
            if sub == "cor" and not a.with_cor:
                continue
            fr_dir = os.path.join(a.acter, "fr", sub)
            for name in sorted(os.listdir(fr_dir)):
                en = os.path.join(a.acter, "en", sub, name.replace("_fr_", "_en_"))
                if name.endswith(".txt") and os.path.exists(en):
                    pairs.append((os.path.join(fr_dir, name), en, f"{prefix}-{name[:-4]}"))
        tmx = []
        for fr, en, stem in pairs:
            out = os.path.join(tmp, stem + ".tmx")
            subprocess.run([a.bin, "--quiet", "align", "--langs", "fr,en", "--unit", "sentence",
                            "--format", "tmx", "-o", out, fr, en], check=True)
            tmx.append(out)
        cmd = [a.bin, "--quiet", "terms", "extract", "--format", "tsv"] + a.extra.split() + tmx
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        reader = list(csv.reader(out.splitlines()[1:], delimiter="\t", quoting=csv.QUOTE_NONE))
        for lang in ["fr", "en"]:
            got = printed((r for r in reader if len(r) > 1 and r[0] == lang), a.text_only)
            gold = gold_of(a.acter, "corp", lang)
            tp = len(got & gold)
            p = tp / len(got) if got else 0.0
            r = tp / len(gold) if gold else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            name = "corp+cor-bi" if a.with_cor else "corp-bi"
            rows.append((name, lang, len(got), len(gold), tp, p, r, f1))
    return rows


if __name__ == "__main__":
    sys.exit(main())
