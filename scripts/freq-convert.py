#!/usr/bin/env python3
"""Derive data/freq/{fr,en,ar}.tsv from the `wordfreq` package's "large" lists.

The wordfreq data is CC BY-SA 4.0 (see README, Licences); the derived files are too.
Usage: pip download --no-deps wordfreq==3.1.1 && unzip the wheel, pip install msgpack, then
    python3 scripts/freq-convert.py WORDFREQ_DATA_DIR data/freq
Each output line is `word<TAB>zipf*100` (an integer; Zipf = log10 of the frequency per
billion words), most frequent first, the N most frequent words of the language.
"""
import gzip
import sys

import msgpack

KEEP = 40000


def main(src, dst):
    for lang in ("fr", "en", "ar"):
        with gzip.open(f"{src}/large_{lang}.msgpack.gz") as f:
            data = msgpack.load(f, raw=False)
        assert data[0].get("format") == "cB", data[0]
        out, seen = [], set()
        for centibel, words in enumerate(data[1:]):
            zipf = 900 - centibel
            for w in sorted(words):
                if w in seen or "\t" in w or not any(c.isalpha() for c in w):
                    continue
                seen.add(w)
                out.append(f"{w}\t{zipf}\n")
            if len(out) >= KEEP:
                break
        with open(f"{dst}/{lang}.tsv", "w", encoding="utf-8") as f:
            f.writelines(out[:KEEP])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
