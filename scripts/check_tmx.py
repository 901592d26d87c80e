#!/usr/bin/env python3
"""Check alinea's TMX files with an independent reader (translate-toolkit's TMX storage).

usage: check_tmx.py [FOLDER_OR_FILE ...]     (default: aligned/)

For every .tmx file: it must load with translate.storage.tmx; its unit count must equal the
number of <tu> elements (read with the standard library's XML parser) and be at least one;
tuids must run 1..N; the header's srclang must be the language of every unit's first variant;
every variant's language must be a BCP 47 tag, once per unit, and every unit must hold at least
two languages; every segment must be non-empty and equal to what the standard-library parser
reads. The file must also be valid against the TMX 1.4b DTD (scripts/tmx14b.dtd), inline
elements included, and every <ept> must close a <bpt> of its segment (checked with lxml, which
translate-toolkit brings). Exits 1 when a file fails (all are checked), 0 otherwise (also when there is no file yet).
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

from lxml import etree
from translate.storage import tmx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DTD = etree.DTD(os.path.join(os.path.dirname(os.path.abspath(__file__)), "tmx14b.dtd"))
TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def fail(path, message):
    print(f"check_tmx: {path}: {message}")
    return False


def check(path):
    with open(path, "rb") as f:
        data = f.read()
    store = tmx.tmxfile.parsestring(data)
    units = [u for u in store.units if not u.isheader()]
    root = ET.fromstring(data)
    header = root.find("header")
    if root.tag != "tmx" or root.get("version") != "1.4" or header is None:
        return fail(path, "not a TMX 1.4 file")
    tus = root.findall("./body/tu")
    if len(units) != len(tus) or not tus:
        return fail(path, f"translate-toolkit reads {len(units)} units, the file has {len(tus)} <tu>")
    srclang = header.get("srclang")
    tree = etree.fromstring(data)
    if not DTD.validate(tree):
        return fail(path, f"not valid against the TMX 1.4b DTD: {DTD.error_log.filter_from_errors()[0]}")
    for n, seg in enumerate(tree.iter("seg"), start=1):
        opened = set()
        for code in seg:
            if code.tag == "bpt":
                opened.add(code.get("i"))
            elif code.tag == "ept" and code.get("i") not in opened:
                return fail(path, f"segment {n}: <ept i={code.get('i')!r}> closes no <bpt>")
    langs_seen = set()
    for n, (unit, tu) in enumerate(zip(units, tus), start=1):
        if tu.get("tuid") != str(n):
            return fail(path, f"unit {n}: tuid {tu.get('tuid')!r}")
        nodes = unit.getlanguageNodes()
        langs = [node.get(XML_LANG) for node in nodes]
        if len(langs) < 2 or len(set(langs)) != len(langs):
            return fail(path, f"unit {n}: languages {langs}")
        if langs[0] != srclang:
            return fail(path, f"unit {n}: first variant {langs[0]}, srclang {srclang}")
        for lang in langs:
            if not lang or not TAG.match(lang):
                return fail(path, f"unit {n}: bad language tag {lang!r}")
        langs_seen.update(langs)
        expected = ["".join(tuv.find("seg").itertext()) for tuv in tu.findall("tuv")]
        texts = [unit.getNodeText(node) for node in nodes]
        if texts != expected or not all(t.strip() for t in texts):
            return fail(path, f"unit {n}: segments {texts!r} differ from {expected!r}")
    print(f"check_tmx: {path}: {len(units)} units, languages {', '.join(sorted(langs_seen))}")
    return True


def main(args):
    targets = args or ["aligned"]
    files = []
    for t in targets:
        if os.path.isdir(t):
            files += sorted(glob.glob(os.path.join(t, "*.tmx")))
        elif os.path.exists(t):
            files.append(t)
    if not files:
        print(f"check_tmx: no TMX file in {', '.join(targets)} yet; nothing to check")
        return 0
    ok = True
    for f in files:
        try:
            ok = check(f) and ok
        except Exception as e:  # a file translate-toolkit or ElementTree cannot read
            ok = fail(f, f"cannot be read: {e}")
    print(f"check_tmx: {len(files)} files, {'all good' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
