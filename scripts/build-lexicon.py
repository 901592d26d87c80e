#!/usr/bin/env python3
"""Build the compact bilingual word lists in data/lexicon/ from FreeDict dictionaries.

usage: scripts/build-lexicon.py [DICTD_DIR] [OUT_DIR]
       (defaults: /usr/share/dictd data/lexicon)

Needs the Debian packages dict-freedict-fra-eng, dict-freedict-eng-fra,
dict-freedict-eng-ara and dict-freedict-ara-eng (FreeDict, GPL-2.0-or-later).

Output: fr-en.tsv, en-ar.tsv, fr-ar.tsv, one line per source word:
`word<TAB>translation1 translation2 ...` (single words only, lower-cased, Arabic
without diacritics). fr-ar is composed through English (fr -> en -> ar), keeping
Arabic words reached from at most 8 English ones.
"""
import base64, gzip, os, re, sys, unicodedata
from collections import defaultdict

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
AR_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
WORD = re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*$")


def b64(s):
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def norm(w):
    w = unicodedata.normalize("NFC", w.strip().lower())
    w = w.replace("\u2019", "'")
    return AR_DIACRITICS.sub("", w)


def entries(dictd, name):
    """Yield (headword, [translations]) from a dictd .index/.dict.dz pair."""
    data = gzip.open(os.path.join(dictd, f"freedict-{name}.dict.dz")).read()
    with open(os.path.join(dictd, f"freedict-{name}.index"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[0].startswith("00"):
                continue
            off, ln = b64(parts[1]), b64(parts[2])
            body = data[off:off + ln].decode("utf-8", "replace").split("\n")
            head = parts[0]
            trans = []
            for l in body[1:]:
                l = re.sub(r"^\s*\d+\.\s*", "", l).strip()
                l = re.sub(r"\(.*?\)|<.*?>|\[.*?\]", "", l)
                for t in re.split(r"[,;]", l):
                    t = t.strip()
                    if t:
                        trans.append(t)
            yield head, trans


def single(w):
    w = norm(w)
    return w if WORD.match(w) and len(w) >= 2 else None


def add(table, a, b):
    a, b = single(a), single(b)
    if a and b and a != b:
        table[a].add(b)


def main(dictd="/usr/share/dictd", out="data/lexicon"):
    fr_en, en_ar = defaultdict(set), defaultdict(set)
    for h, ts in entries(dictd, "fra-eng"):
        for t in ts:
            add(fr_en, h, t)
    for h, ts in entries(dictd, "eng-fra"):
        for t in ts:
            add(fr_en, t, h)
    for h, ts in entries(dictd, "eng-ara"):
        for t in ts:
            add(en_ar, h, t)
    for h, ts in entries(dictd, "ara-eng"):
        for t in ts:
            add(en_ar, t, h)
    fr_ar = defaultdict(set)
    for fr, ens in fr_en.items():
        reached = defaultdict(int)
        for en in ens:
            for ar in en_ar.get(en, ()):
                reached[ar] += 1
        for ar in list(reached)[: 8 * max(1, len(ens))]:
            fr_ar[fr].add(ar)
    os.makedirs(out, exist_ok=True)
    for name, table in (("fr-en", fr_en), ("en-ar", en_ar), ("fr-ar", fr_ar)):
        with open(os.path.join(out, f"{name}.tsv"), "w", encoding="utf-8") as f:
            for w in sorted(table):
                f.write(w + "\t" + " ".join(sorted(table[w])) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
