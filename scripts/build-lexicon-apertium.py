#!/usr/bin/env python3
"""Convert Apertium's data into a French–English word list, through Spanish and through Esperanto.

usage: scripts/build-lexicon-apertium.py APERTIUM_ROOT OUT.tsv [--lt-proc PATH]
       (e.g. /usr/share/apertium data/lexicon/fr-en-apertium.tsv)

APERTIUM_ROOT holds `apertium-fr-es/`, `apertium-eng-spa/`, `apertium-eo-fr/` and
`apertium-eo-en/` as Debian's packages of those names install them (`/usr/share/apertium`).
Every word of the French frequency list (data/freq/fr.tsv) is analysed by a French analyser
(lemma and tags); each analysis of a content word (noun, adjective, verb, adverb) is
translated into Spanish by the fr-es bilingual dictionary, then into English by the eng-spa
one — and likewise through Esperanto by fr-eo and eo-en — and the English word is generated
with the same tags (`hommes` → `homme<n><m><pl>` → `hombre<n><m><pl>` → `man<n><pl>` →
`men`). The French word and its lemma get the English lemma and the generated form. Only
single words are kept (no space, hyphen or symbol), and a word that gets more than
MAX_TRANSLATIONS words on one route is left out of that route (a pivot through very ambiguous
words says little). The list keeps one line per French stem of the aligner (its first six
letters) and one English word per English stem.

Output: one line per French stem, `word<TAB>translation translation …` (the format of
data/lexicon/*.tsv): words only, no sentence.
"""
import os
import re
import subprocess
import sys

MAX_TRANSLATIONS = 6
CONTENT = ("n", "adj", "vblex", "adv")
WORD = re.compile(r"^[^\W\d_]+$")


def run(lt_proc, mode, binary, lines):
    """lt-proc over `lines`, one output line per input line."""
    args = [lt_proc] + ([mode] if mode else []) + [binary]
    out = subprocess.run(args, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
    got = out.split("\n")
    assert len(got) >= len(lines), (binary, len(got), len(lines))
    return got[: len(lines)]


def readings(stream):
    """The readings of `^surface/reading/reading$` (or of `^input/output/output$`)."""
    m = re.match(r"^\^(.*)\$$", stream.strip())
    if not m:
        return []
    parts = m.group(1).split("/")
    return [p for p in parts[1:] if p and not p.startswith(("*", "@", "#"))]


def stem(word):
    """The aligner's stem of a lower-cased Latin word: its first six characters."""
    return word[:6]


def lemma_tags(reading):
    m = re.match(r"^([^<]+)((?:<[^>]+>)*)$", reading)
    return (m.group(1), m.group(2)) if m else (None, None)


def pivot(lt_proc, here, lang, first, second, generator):
    """(word, its translations) for every word of the frequency list of `lang` and its lemma:
    analysed and translated into the pivot language by the pair `first` (folder, file prefix),
    out of it by the pair `second`, the translation generated with `generator`."""
    with open(os.path.join(here, "data", "freq", f"{lang}.tsv"), encoding="utf-8") as f:
        words = [l.split("\t")[0] for l in f if l.strip()]
    words = [w for w in words if WORD.match(w)]
    analyses = run(lt_proc, None, os.path.join(first[0], f"{first[1]}.automorf.bin"), words)
    # (word, lemma, analysis) for content words.
    items = []
    for w, a in zip(words, analyses):
        for r in readings(a):
            lemma, tags = lemma_tags(r)
            if lemma and tags and tags[1:].split(">")[0] in CONTENT and WORD.match(lemma):
                items.append((w, lemma.lower(), lemma + tags))
    uniq = sorted({x[2] for x in items})
    bil = os.path.join(first[0], f"{first[1]}.autobil.bin")
    mid = dict(zip(uniq, run(lt_proc, "-b", bil, ["^" + u + "$" for u in uniq])))
    mid_readings = sorted({r for u in uniq for r in readings(mid[u])})
    bil = os.path.join(second[0], f"{second[1]}.autobil.bin")
    out = dict(zip(mid_readings, run(lt_proc, "-b", bil, ["^" + r + "$" for r in mid_readings])))
    out_readings = sorted({r for s in mid_readings for r in readings(out[s])})
    gen = dict(zip(out_readings, run(lt_proc, "-g", generator, ["^" + r + "$" for r in out_readings])))
    for w, lemma, a in items:
        found = set()
        for s in readings(mid[a]):
            for e in readings(out[s]):
                e_lemma, _ = lemma_tags(e)
                for cand in (e_lemma, gen[e].strip()):
                    if cand and WORD.match(cand):
                        found.add(cand.lower())
        if found and len(found) <= MAX_TRANSLATIONS:
            for key in (w.lower(), lemma):
                yield key, found


def main():
    args = sys.argv[1:]
    lt_proc = "lt-proc"
    if "--lt-proc" in args:
        i = args.index("--lt-proc")
        lt_proc = args[i + 1]
        del args[i : i + 2]
    root, out_path = args
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    fr_es = os.path.join(root, "apertium-fr-es")
    en_es = os.path.join(root, "apertium-eng-spa")
    # French words through Spanish into English, and through Esperanto into English: two
    # routes whose gaps differ (`résumé` is `recopilación` in fr-es, `resumo` → `summary` through
    # Esperanto). (English words taken the other way, `pivot(lt_proc, here, "en", (en_es,
    # "eng-spa"), (fr_es, "es-fr"), …)`, add a third more pairs but did no better on the UN
    # benchmark.)
    eo_fr = os.path.join(root, "apertium-eo-fr")
    eo_en = os.path.join(root, "apertium-eo-en")
    table = {}
    routes = [
        ((fr_es, "fr-es"), (en_es, "spa-eng"), os.path.join(en_es, "spa-eng.autogen.bin")),
        ((eo_fr, "fr-eo"), (eo_en, "eo-en"), os.path.join(eo_en, "eo-en.autogen.bin")),
    ]
    for first, second, generator in routes:
        for word, translations in pivot(lt_proc, here, "fr", first, second, generator):
            table.setdefault(word, set()).update(translations)
    # The aligner compares Latin words by their first six letters (align/features/words.rs):
    # one line per French stem, one word per English stem (the shortest, then the first in
    # order), so that the list is read faster and gives the same links.
    by_stem = {}
    for key, ts in table.items():
        by_stem.setdefault(stem(key), (key, set()))[1].update(ts)
    with open(out_path + ".tmp", "w", encoding="utf-8") as f:
        kept = 0
        for _, (key, ts) in sorted(by_stem.items()):
            words = {}
            for t in sorted(ts, key=lambda t: (len(t), t)):
                words.setdefault(stem(t), t)
            if words:
                f.write(key + "\t" + " ".join(sorted(words.values())) + "\n")
                kept += 1
    os.replace(out_path + ".tmp", out_path)
    print(f"{out_path}: {kept} French stems", file=sys.stderr)


if __name__ == "__main__":
    main()
