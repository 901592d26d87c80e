#!/usr/bin/env python3
"""Generate a corpus of N document triples for `alinea build` batch benchmarks.

usage: make-batch-corpus.py SET_DIR OUT [N] [SEED]
   SET_DIR holds UNv1.0.<set>.{fr,en,ar} (e.g. ../shared/corpora/unpc-dev); OUT is created
   and must not be inside a git checkout (the generated texts are not the project's data).
   N defaults to 10000, SEED to 1. The same arguments give the same bytes.

Each document takes a run of 8 to 60 consecutive lines of the set (one paragraph a line,
paragraphs separated by a blank line, as in corpus/) and perturbs each side the way real
document triples differ: adjacent paragraphs merged on one side, a paragraph missing on a
translation, page furniture on one side. Files: OUT/{fr,en,ar}/doc-NNNNN.txt, spread over the
three sizes of a real archive (a few KB to a few tens of KB per language).
"""
import os
import random
import subprocess
import sys

MIN_LINES, MAX_LINES = 8, 60
P_MERGE = 0.05
P_DROP = 0.02
P_NOISE = 0.02
NOISE = {
    "fr": ["{n}-{m} (F)", "A/70/{n}", "Page {k}", "GE.15-{n}", "{k}/{j}"],
    "en": ["{n}-{m} (E)", "A/70/{n}", "Page {k}", "GE.15-{n}", "{k}/{j}"],
    "ar": ["{n}-{m} (A)", "A/70/{n}", "الصفحة {k}", "GE.15-{n}", "{k}/{j}"],
}


def read(set_dir, lang):
    name = next(f for f in sorted(os.listdir(set_dir)) if f.startswith("UNv1.0.") and f.endswith("." + lang))
    with open(os.path.join(set_dir, name), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f]


def side(lines, lang, rng, translation):
    paras, i = [], 0
    while i < len(lines):
        if translation and rng.random() < P_DROP:
            i += 1
            continue
        if rng.random() < P_NOISE:
            t = rng.choice(NOISE[lang])
            paras.append(t.format(n=rng.randint(10000, 99999), m=rng.randint(10000, 99999),
                                  k=rng.randint(2, 40), j=rng.randint(40, 60)))
        if i + 1 < len(lines) and rng.random() < P_MERGE:
            paras.append(lines[i] + " " + lines[i + 1])
            i += 2
        else:
            paras.append(lines[i])
            i += 1
    return "\n\n".join(paras) + "\n"


def inside_git(path):
    try:
        out = subprocess.run(["git", "-C", path, "rev-parse", "--is-inside-work-tree"],
                             capture_output=True, text=True)
    except FileNotFoundError:
        return False
    return out.returncode == 0 and out.stdout.strip() == "true"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    set_dir, out = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    texts = {l: read(set_dir, l) for l in ("fr", "en", "ar")}
    total = min(len(t) for t in texts.values())
    os.makedirs(out, exist_ok=True)
    if inside_git(out):
        sys.exit(f"{out} is inside a git checkout: write the corpus elsewhere")
    width = max(5, len(str(n - 1)))
    size = 0
    for lang in texts:
        os.makedirs(os.path.join(out, lang), exist_ok=True)
    for d in range(n):
        rng = random.Random(seed * 1_000_003 + d)
        length = rng.randint(MIN_LINES, MAX_LINES)
        start = rng.randrange(0, total - length)
        for lang, lines in texts.items():
            body = side(lines[start:start + length], lang, rng, lang != "fr")
            data = body.encode("utf-8")
            size += len(data)
            with open(os.path.join(out, lang, f"doc-{d:0{width}d}.txt"), "wb") as f:
                f.write(data)
    print(f"{n} document triples, {size} bytes, in {out}")


if __name__ == "__main__":
    main()
