#!/usr/bin/env python3
"""Learn a word-translation table from sentence-aligned text (IBM model 1, both directions).

usage: scripts/train-lexicon.py SET_DIR SRC TGT OUT.tsv [--fold K/N]

SET_DIR holds UNv1.0.<set>.<lang> files, one sentence a line, line k of every language the
translation of line k of the others (the UN parallel corpus dev or test set). Words are
lower-cased, Arabic is folded (letter variants, no diacritics or tatweel) and reduced to the
aligner's stems (Latin: six-letter prefix; Arabic: clitics and common suffixes removed, as
crates/alinea/src/align/features/words.rs does). IBM model 1 is trained in both directions
(five iterations, with a null word); a stem pair is kept when each side is the other's likely
translation (both probabilities at least MIN_PROB), they occur together in MIN_COUNT lines or
more, and their Dice coefficient over lines is at least MIN_DICE. Each stem is written as its
most frequent surface form, so that the aligner's stemmer gives the stem back.

Output: one line per source word, `word<TAB>translation translation …` (the format of
data/lexicon/*.tsv): word-level knowledge only, no sentence of the corpus.

--fold K/N leaves out the lines of every document of the UNPC benchmark
(bench/make_unpc_bench.py: documents of 100 consecutive lines) whose number is K modulo N, so
that the benchmark can be scored on documents whose lines the table never saw.
"""
import collections
import os
import re
import sys
import unicodedata

DOC_LEN = 100
ITERATIONS = 5
MIN_PROB = 0.08
MIN_COUNT = 3
MIN_DICE = 0.3
# Stems in more than this share of the lines are function words: no translation learned.
MAX_SHARE = 0.08

AR_DIACRITICS = set(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640"}
AR_FOLD = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
           "\u0649": "\u064A", "\u06CC": "\u064A", "\u0629": "\u0647", "\u06A9": "\u0643"}
AR_PREFIXES = ["وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك"]
AR_SUFFIXES = ["هما", "ات", "ون", "ين", "ان", "ها", "هم", "كم", "نا", "يه", "ه", "ي"]
# Letters, joined by `-`, `/`, `.` or `,` (the aligner's tokens; an apostrophe separates).
TOKEN = re.compile(r"[^\W\d_]+(?:[-/.,][^\W\d_]+)*")


def is_arabic(w):
    return "\u0600" <= w[0] <= "\u06FF"


def arabic_stem(w):
    for p in AR_PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 3:
            w = w[len(p):]
            break
    for s in AR_SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            w = w[:-len(s)]
            break
    return w


def words(line, lang):
    """(surface, stem) of the content words of a line, as the aligner reads them."""
    line = unicodedata.normalize("NFC", line)
    out = []
    for tok in TOKEN.findall(line):
        if lang == "ar" and is_arabic(tok):
            w = "".join(AR_FOLD.get(c, c) for c in tok if c not in AR_DIACRITICS)
            if len(w) >= 2:
                out.append((w, arabic_stem(w)))
        elif lang != "ar" or not is_arabic(tok):
            w = tok.lower()
            if len(w) >= 3:
                out.append((w, w[:6]))
    return out


def read(set_dir, lang):
    name = next(f for f in os.listdir(set_dir) if f.startswith("UNv1.0.") and f.endswith("." + lang))
    with open(os.path.join(set_dir, name), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f]


def ibm1(pairs):
    """t[e][f] = p(e | f) over lines of (f stems, e stems), with a null f."""
    e_vocab = {e for _, es in pairs for e in es}
    uniform = 1.0 / max(1, len(e_vocab))
    t = collections.defaultdict(lambda: collections.defaultdict(lambda: uniform))
    for _ in range(ITERATIONS):
        count = collections.defaultdict(lambda: collections.defaultdict(float))
        total = collections.defaultdict(float)
        for fs, es in pairs:
            fs = list(fs) + [None]
            for e in es:
                te = t[e]
                z = sum(te[f] for f in fs)
                for f in fs:
                    c = te[f] / z
                    count[e][f] += c
                    total[f] += c
        t = collections.defaultdict(lambda: collections.defaultdict(float))
        for e, fc in count.items():
            for f, c in fc.items():
                t[e][f] = c / total[f]
    return t


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--fold")]
    fold = next((a.split("=", 1)[1] if "=" in a else None for a in sys.argv[1:]
                 if a.startswith("--fold")), None)
    if "--fold" in sys.argv:
        fold = sys.argv[sys.argv.index("--fold") + 1]
        args.remove(fold)
    if len(args) != 4:
        sys.exit(__doc__)
    set_dir, src, tgt, out = args
    a, b = read(set_dir, src), read(set_dir, tgt)
    keep = range(len(a))
    if fold:
        k, n = (int(x) for x in fold.split("/"))
        keep = [i for i in keep if (i // DOC_LEN) % n != k]
    surf = {src: collections.Counter(), tgt: collections.Counter()}
    lines = []
    for i in keep:
        ws, wt = words(a[i], src), words(b[i], tgt)
        for w, s in ws:
            surf[src][(s, w)] += 1
        for w, s in wt:
            surf[tgt][(s, w)] += 1
        lines.append((set(s for _, s in ws), set(s for _, s in wt)))
    df_s, df_t, co = collections.Counter(), collections.Counter(), collections.Counter()
    for ss, tt in lines:
        df_s.update(ss)
        df_t.update(tt)
        for s in ss:
            for t in tt:
                co[(s, t)] += 1
    limit = MAX_SHARE * len(lines)
    pairs = [(ss, tt) for ss, tt in lines]
    t_given_s = ibm1(pairs)
    s_given_t = ibm1([(tt, ss) for ss, tt in pairs])
    table = collections.defaultdict(set)
    for (s, t), c in co.items():
        if c < MIN_COUNT or df_s[s] > limit or df_t[t] > limit:
            continue
        if 2 * c / (df_s[s] + df_t[t]) < MIN_DICE:
            continue
        if t_given_s[t].get(s, 0.0) < MIN_PROB or s_given_t[s].get(t, 0.0) < MIN_PROB:
            continue
        table[s].add(t)

    def surface(lang):
        best = {}
        for (stem, w), c in sorted(surf[lang].items()):
            if stem not in best or c > best[stem][1]:
                best[stem] = (w, c)
        return {stem: w for stem, (w, _) in best.items()}

    ss, st = surface(src), surface(tgt)
    with open(out, "w", encoding="utf-8") as f:
        for s in sorted(table, key=lambda s: ss[s]):
            f.write(ss[s] + "\t" + " ".join(sorted(st[t] for t in table[s])) + "\n")
    print(f"{len(table)} {src} words, {sum(len(v) for v in table.values())} links, "
          f"from {len(lines)} lines", file=sys.stderr)


if __name__ == "__main__":
    main()
