#!/usr/bin/env python3
"""Make the document fixtures of crates/alinea/tests/fixtures/docs/ from the shipped corpus.

    scripts/make-doc-fixtures.py [ALINEA] [DOC]

ALINEA is the alinea binary (default: target/release/alinea), DOC a corpus document (default:
ipu-146-cybercrime). For each language (fr, en, ar) the units `alinea segment` reads from
corpus/<lang>/DOC.txt are written as a flat OpenDocument file (.fodt): headings as text:h,
numbered paragraphs as a numbered list (the number from the list style, not typed), notes as
real footnotes anchored at the end of the paragraph before them, **bold**, *italics* and ^e
superscripts as character styles, links as links, Arabic paragraphs right to left. LibreOffice
(Debian: libreoffice-writer-nogui) then saves each as .docx (MS Word 2007 XML) and .odt, and
the French one as .pdf. The XLIFF 1.2 and 2.0 files are written from the French-English gold
alignment (corpus/gold) in the form Okapi writes them (1.2: seg-source with mrk segments, g
codes; 2.0: unit/segment, pc codes).
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates/alinea/tests/fixtures/docs")

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties style:writing-mode="{mode}" fo:text-align="{align}"/>
  <style:text-properties fo:language="{lang}" fo:country="{country}" style:language-complex="{lang}" style:country-complex="{country}"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1"/>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2"/>
 <style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
 <text:list-style style:name="Numbered">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
 </text:list-style>
 <text:list-style style:name="Lettered">
  <text:list-level-style-number text:level="1" style:num-suffix=")" style:num-format="a"/>
 </text:list-style>
</office:styles>
<office:body><office:text>
"""
FODT_TAIL = "</office:text></office:body></office:document>\n"

LOCALE = {"fr": ("fr", "FR", "lr-tb", "start"), "en": ("en", "GB", "lr-tb", "start"),
          "ar": ("ar", "SA", "rl-tb", "end")}


def inline(text):
    """The unit's text with its markdown residue as ODF character formatting."""
    out = escape(text).replace("\\_", "_")
    out = re.sub(r"\[([^\]]+)\]\(([^)]+)\)",
                 lambda m: f'<text:a xlink:type="simple" xlink:href="{m.group(2)}">{m.group(1)}</text:a>', out)
    out = re.sub(r"\*\*(.+?)\*\*", r'<text:span text:style-name="Strong">\1</text:span>', out)
    out = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])",
                 r'<text:span text:style-name="Emphasis">\1</text:span>', out)
    out = re.sub(r"\^\{([^}]*)\}|\^(\w+)",
                 lambda m: f'<text:span text:style-name="Sup">{m.group(1) or m.group(2)}</text:span>', out)
    out = re.sub(r"\)\*$", r')<text:span text:style-name="Sup">*</text:span>', out)
    return out


def body_text(unit):
    """The unit's text without its label and heading marks."""
    text = unit["text"]
    if unit.get("label") and text.startswith(unit["label"]):
        text = text[len(unit["label"]):].lstrip()
    return re.sub(r"^#{1,6}\s+", "", text)


def fodt(units, lang):
    l, country, mode, align = LOCALE[lang]
    parts = [FODT_HEAD.format(lang=l, country=country, mode=mode, align=align)]
    footnote = 0
    list_open = None  # (style, next number)
    paragraphs = []  # [xml before the end tag, end tag]
    for u in units:
        kind, label = u["kind"], u.get("label")
        if kind == "note" and paragraphs:
            footnote += 1
            note = (f'<text:note text:id="ftn{footnote}" text:note-class="footnote">'
                    f'<text:note-citation>{footnote}</text:note-citation><text:note-body>'
                    f'<text:p text:style-name="Standard">{inline(body_text(u))}</text:p>'
                    '</text:note-body></text:note>')
            paragraphs[-1][0] += note
            continue
        m = re.fullmatch(r"(\d+)\.", label or "")
        a = re.fullmatch(r"([a-z])\)", label or "")
        style, number = ("Numbered", int(m.group(1))) if m else ("Lettered", ord(a.group(1)) - 96) if a else (None, None)
        if kind == "list-item" and style:
            item = ""
            if not list_open or list_open[0] != style:
                if list_open:
                    paragraphs.append(["", "</text:list>"])
                item += f'<text:list text:style-name="{style}">'
                list_open = (style, number)
            start = f' text:start-value="{number}"' if number != list_open[1] else ""
            list_open = (style, number + 1)
            paragraphs.append([item + f'<text:list-item{start}><text:p text:style-name="Standard">'
                               + inline(body_text(u)), "</text:p></text:list-item>"])
            continue
        if list_open:
            paragraphs.append(["", "</text:list>"])
            list_open = None
        text = inline(body_text(u)) if kind != "note" else inline(u["text"])
        if label and kind != "list-item":
            text = escape(label) + " " + text
        elif label:
            text = escape(label) + " " + text
        if kind == "heading":
            level = 2 if u["text"].startswith("###") else 1
            paragraphs.append([f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">' + text,
                               "</text:h>"])
        else:
            paragraphs.append(['<text:p text:style-name="Standard">' + text, "</text:p>"])
    if list_open:
        paragraphs.append(["", "</text:list>"])
    parts.extend(a + b + "\n" for a, b in paragraphs)
    parts.append(FODT_TAIL)
    return "".join(parts)


def segment(alinea, path):
    out = subprocess.run([alinea, "segment", "--format", "json", path], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)["units"]


def convert(src, fmt, outdir):
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", outdir, src],
                   check=True, capture_output=True)


def drop_thumbnail(path):
    """Leave out the page thumbnail LibreOffice puts in an .odt (most of its size)."""
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i)) for i in z.infolist() if not i.filename.startswith("Thumbnails/")]
    with zipfile.ZipFile(path, "w") as z:
        for info, data in entries:
            if info.filename == "META-INF/manifest.xml":
                data = re.sub(rb'\s*<manifest:file-entry[^>]*Thumbnails/[^>]*/>', b"", data)
            z.writestr(info, data)


def gold_pairs(doc, units_fr, units_en):
    pairs = []
    with open(os.path.join(ROOT, "corpus/gold", f"{doc}.fr-en.beads")) as f:
        for line in f:
            src, tgt = line.strip().split(":")
            s, t = json.loads(src), json.loads(tgt)
            if len(s) == 1 and len(t) == 1:
                pairs.append((units_fr[s[0]], units_en[t[0]]))
    return pairs


def g_codes(text, open_tag, close_tag):
    """**bold** and *italics* as paired inline codes; other residue as plain text."""
    out = escape(text)
    n = [0]

    def code(m):
        n[0] += 1
        return open_tag.format(id=n[0]) + m.group(1) + close_tag

    out = re.sub(r"\*\*(.+?)\*\*", code, out)
    out = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", code, out)
    return re.sub(r"\^\{([^}]*)\}|\^(\w+)", lambda m: m.group(1) or m.group(2), out)


def xliff12(doc, pairs):
    units = []
    for i, (fr, en) in enumerate(pairs, 1):
        s = g_codes(body_text(fr), '<g id="{id}">', "</g>")
        t = g_codes(body_text(en), '<g id="{id}">', "</g>")
        target = (f'<target xml:lang="en-GB"><mrk mid="0" mtype="seg">{t}</mrk></target>'
                  if i != 3 else "")  # unit 3 left untranslated, as a CAT tool leaves one
        units.append(f'<trans-unit id="tu{i}" xml:space="preserve">\n'
                     f'<source xml:lang="fr-FR">{s}</source>\n'
                     f'<seg-source><mrk mid="0" mtype="seg">{s}</mrk></seg-source>\n'
                     f'{target}\n</trans-unit>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" '
            'xmlns:okp="okapi-framework:xliff-extensions" '
            'xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0">\n'
            f'<file original="{doc}.docx" source-language="fr-FR" target-language="en-GB" '
            'datatype="x-undefined" okp:inputEncoding="UTF-8">\n<body>\n'
            + "\n".join(units) + "\n</body>\n</file>\n</xliff>\n")


def xliff20(doc, pairs):
    units = []
    for i, (fr, en) in enumerate(pairs, 1):
        s = g_codes(body_text(fr), '<pc id="{id}">', "</pc>")
        t = g_codes(body_text(en), '<pc id="{id}">', "</pc>")
        units.append(f'<unit id="tu{i}">\n<segment id="s{i}" state="translated">\n'
                     f'<source>{s}</source>\n<target>{t}</target>\n</segment>\n</unit>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
            'srcLang="fr-FR" trgLang="en-GB">\n'
            f'<file id="f1" original="{doc}.docx">\n' + "\n".join(units) + "\n</file>\n</xliff>\n")


def main():
    alinea = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/alinea")
    doc = sys.argv[2] if len(sys.argv) > 2 else "ipu-146-cybercrime"
    os.makedirs(OUT, exist_ok=True)
    units = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ["fr", "en", "ar"]:
            units[lang] = segment(alinea, os.path.join(ROOT, "corpus", lang, f"{doc}.txt"))
            src = os.path.join(tmp, f"{doc}.{lang}.fodt")
            with open(src, "w", encoding="utf-8") as f:
                f.write(fodt(units[lang], lang))
            convert(src, "docx:MS Word 2007 XML", OUT)
            convert(src, "odt", OUT)
            drop_thumbnail(os.path.join(OUT, f"{doc}.{lang}.odt"))
            if lang == "fr":
                convert(src, "pdf", OUT)
    pairs = gold_pairs(doc, units["fr"], units["en"])[:12]
    with open(os.path.join(OUT, f"{doc}.fr-en.xlf"), "w", encoding="utf-8") as f:
        f.write(xliff12(doc, pairs))
    with open(os.path.join(OUT, f"{doc}.fr-en.xliff"), "w", encoding="utf-8") as f:
        f.write(xliff20(doc, pairs))


if __name__ == "__main__":
    main()
