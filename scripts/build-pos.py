#!/usr/bin/env python3
"""Build the part-of-speech tables term mining uses (`data/pos/fr.tsv.z`, `data/pos/en.tsv.z`).

Each table lists word forms, lower-cased, one per line, sorted by their UTF-8 bytes:
`form<TAB>bits`, bits = 1 noun, 2 adjective, 4 verb, 8 adverb, 16 another word class
(pronoun, preposition, determiner …). The file is zlib-compressed.

- French: every form the Debian package `hunspell-fr-comprehensive` (Dicollecte / Grammalecte,
  MPL 2.0) generates from its lemmas and suffix rules, with the lemma's `po:` tags and the
  rule's (conjugated forms are verbs; past participles are verbs and adjectives).
- English: the single-word lemmas of the Debian package `wordnet-base` (WordNet 3.0, Princeton
  University's WordNet licence) by their part of speech, their regular inflections (plurals,
  verb forms in -s, -ed, -ing; -ed forms are adjectives too) and WordNet's exception lists.

Usage: scripts/build-pos.py [--from DIR]
DIR holds the packages' files as `dpkg -x` leaves them (usr/share/hunspell/fr.dic …); without
it the two packages are fetched with `apt-get download` into a temporary folder.
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile
import zlib

N, A, V, R, O = 1, 2, 4, 8, 16
VERB_FORMS = {"infi", "ppre", "ipre", "iimp", "ipsi", "ifut", "cond", "spre", "simp", "impe"}


def lemma_bits(tags):
    bits = 0
    for t in tags:
        if t in ("nom", "npr", "patr", "titr"):
            bits |= N
        elif t == "adj":
            bits |= A
        elif t == "adv":
            bits |= R
        elif t.startswith("v") and t[1:2].isdigit():
            bits |= V
        elif t in ("infi",):
            bits |= V
        else:
            bits |= O
    return bits


def rule_bits(morph, base):
    tags = re.findall(r"po:(\w+)", morph)
    bits = 0
    for t in tags:
        if t.startswith("ppas"):
            bits |= V | A
        elif t in VERB_FORMS:
            bits |= V
        elif t == "adj":
            bits |= A
    return bits or base


def french(root):
    aff = os.path.join(root, "usr/share/hunspell/fr.aff")
    dic = os.path.join(root, "usr/share/hunspell/fr.dic")
    rules = collections.defaultdict(list)
    with open(aff, encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) >= 5 and p[0] == "SFX":
                strip = "" if p[2] == "0" else p[2]
                add = p[3].split("/")[0]
                add = "" if add == "0" else add
                rules[p[1]].append((strip, add, re.compile(p[4] + "$"), " ".join(p[5:])))
    out = collections.defaultdict(int)
    with open(dic, encoding="utf-8") as f:
        next(f)  # the entry count
        for line in f:
            line = line.rstrip("\n")
            head, _, morph = line.partition(" ")
            word, _, flags = head.partition("/")
            tags = re.findall(r"po:(\w+)", morph)
            if not word or not tags:
                continue
            base = lemma_bits(tags)
            word = word.lower()
            out[word] |= base
            for i in range(0, len(flags) - 1, 2):
                for strip, add, cond, m in rules.get(flags[i : i + 2], ()):
                    if word.endswith(strip) and cond.search(word):
                        form = word[: len(word) - len(strip)] + add
                        out[form] |= rule_bits(m, base & ~V if base & V else base)
    return out


def english(root):
    wn = os.path.join(root, "usr/share/wordnet")
    out = collections.defaultdict(int)
    for name, bit in (("noun", N), ("verb", V), ("adj", A), ("adv", R)):
        with open(os.path.join(wn, "index." + name), encoding="utf-8") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                w = line.split(" ", 1)[0]
                if "_" in w or not w:
                    continue
                out[w] |= bit
                for form, b in inflections(w, bit):
                    out[form] |= b
        with open(os.path.join(wn, name + ".exc"), encoding="utf-8") as f:
            for line in f:
                p = line.split()
                if len(p) >= 2 and "_" not in p[0]:
                    out[p[0]] |= bit | (A if bit == V and p[0].endswith("ed") else 0)
    return out


def inflections(w, bit):
    vowels = "aeiou"
    if bit == N or bit == V:
        if re.search(r"(s|x|z|ch|sh)$", w):
            third = w + "es"
        elif len(w) > 1 and w.endswith("y") and w[-2] not in vowels:
            third = w[:-1] + "ies"
        else:
            third = w + "s"
        yield third, bit
    if bit == V:
        if w.endswith("e"):
            yield w + "d", V | A
            if not w.endswith("ee"):
                yield w[:-1] + "ing", V
            else:
                yield w + "ing", V
        elif len(w) > 1 and w.endswith("y") and w[-2] not in vowels:
            yield w[:-1] + "ied", V | A
            yield w + "ing", V
        else:
            yield w + "ed", V | A
            yield w + "ing", V


def write(table, path):
    lines = sorted((w.encode("utf-8"), b) for w, b in table.items() if "\t" not in w and "\n" not in w)
    data = b"".join(w + b"\t" + str(b).encode() + b"\n" for w, b in lines)
    with open(path + ".tmp", "wb") as f:
        f.write(zlib.compress(data, 9))
    os.replace(path + ".tmp", path)
    print(f"{path}: {len(lines)} forms", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="root")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "pos"))
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = a.root
        if root is None:
            root = os.path.join(tmp, "x")
            for pkg in ("hunspell-fr-comprehensive", "wordnet-base"):
                subprocess.run(["apt-get", "download", pkg], cwd=tmp, check=True)
            for deb in os.listdir(tmp):
                if deb.endswith(".deb"):
                    subprocess.run(["dpkg", "-x", os.path.join(tmp, deb), root], check=True)
        os.makedirs(a.out, exist_ok=True)
        write(french(root), os.path.join(a.out, "fr.tsv.z"))
        write(english(root), os.path.join(a.out, "en.tsv.z"))


if __name__ == "__main__":
    main()
