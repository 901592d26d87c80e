#!/usr/bin/env python3
"""Dev bench of `alinea lint`: recall of injected errors and false alarms on clean units.

Reads the UN parallel dev set (../shared/corpora/unpc-dev: UNv1.0.devset.{fr,en,ar} and
terms-dev.tsv) when present; any other line-aligned French, English and Arabic text with a
term list is measured the same way with `--data DIR [--lines PATTERN] [--terms TSV]` (no
audit then, unless one is given). The termbase is terms-dev.tsv converted to TBX by
`alinea terms convert`. The lines are split in two parts: `tune` (the first half, for
tuning rules) and `test` (the second half, for reporting). In each part, half of the units
(seeded, deterministic) get one injected error in the target, of a kind the unit allows:

  term-wrong    a target equivalent of a termbase concept whose source term is in the
                source line is replaced (every occurrence) by the equivalent of another
                concept
  term-missing  that equivalent is deleted (every occurrence; in Arabic, every form of it:
                with or without its articles, with a conjunction or preposition glued to
                it, so that no form of the term is left in the unit)
  number        a number of the target that the source has too is changed (one digit
                altered); a number the source lacks (a paragraph number only the target
                carries) is never changed, since no comparison with the source can see it

Bilingual TMX files fr→en and fr→ar are written (one translation unit a line), linted with
`alinea lint --format json`, and the findings are matched to units by line. Recall per kind
counts an injected unit found by a rule of the kind (term/*, acronym/mismatch and
structure/missing, when the deletion empties the unit, for terms;
number/mismatch for numbers); false alarms are the findings of those rules on units left
clean, per 100 clean units.

Some units of the dev set are not faithful: the reference translation itself changes a
number, drops a date or a year, or the two lines are not translations of each other. A
finding there is true. scripts/lint-bench-audit.tsv lists the findings on clean units read
one by one (lang, dev line, rule, verdict, reason): `reference-differs` where the finding
is true, `false-alarm` where it is not. The report gives the raw false alarms and, beside
them, `false_alarms_after_audit_per_100_clean`: the findings on clean units less those the
audit judged true (a finding the audit has not read counts as a false alarm), and
`unaudited`, the number of findings on clean units the audit has no row for.

With --pofilter, the same units are also written as a PO file (msgctxt = unit number,
msgid = French, msgstr = target) and checked by translate-toolkit's `pofilter -t numbers`
(installed with `pip install translate-toolkit`); its recall of changed numbers and its
false alarms per 100 clean units are reported beside ours, as `pofilter`.

Usage: scripts/lint-bench.py [--part tune|test|all] [--seed N] [--alinea PATH] [--keep DIR]
                             [--show N] [--pofilter]
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEV = os.path.join(ROOT, "..", "shared", "corpora", "unpc-dev")

TERM_RULES = ("term/missing-equivalent", "term/untranslated", "acronym/mismatch", "structure/missing")
NUMBER_RULES = ("number/mismatch",)
DIGITS = re.compile(r"[0-9\u0660-\u0669]+")


def read_lines(a, lang):
    with open(os.path.join(a.data, a.lines.format(lang=lang)), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f]


def read_terms(a):
    with open(a.terms, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if l.strip()]
    head = rows[0]
    return [dict(zip(head, r)) for r in rows[1:]]


AR_LETTERS = "\u0621-\u064a\u064b-\u0652\u0660-\u0669\u0671-\u06d3"


def ar_pattern(term):
    """A pattern for an Arabic term as the text writes it: with or without its articles, and
    with a leading conjunction or preposition glued to it (التعليم, تعليم, والتعليم,
    للشعوب الأصلية), as a whole word sequence."""
    parts = []
    for k, w in enumerate(term.split()):
        article = w.startswith("ال") and len(w) > 3
        stem = re.escape(w[2:] if article else w)
        if k == 0:
            pre = "(?:[وف]?(?:[بك]?ال|لل)|[وف]?[بكل]?)" if article else "(?:[وف]?[بكل]?)"
        else:
            pre = "(?:ال)?" if article else ""
        parts.append(pre + stem)
    return re.compile(f"(?<![{AR_LETTERS}])" + r"\s+".join(parts) + f"(?![{AR_LETTERS}])")


def find_term(text, term, lang):
    """The (start, end) of `term` in `text` as whole words (case-insensitive for Latin; for
    Arabic, any of the forms `ar_pattern` allows)."""
    if lang == "ar":
        m = ar_pattern(term).search(text)
        return (m.start(), m.end()) if m else None
    m = re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def source_has(text, term):
    """Whether the French `text` has `term` at the start of a word (its end may take an
    ending): `insécurité alimentaire` has no `sécurité alimentaire`."""
    t = term.lower().replace("’", "'")
    return re.search(r"(?<!\w)" + re.escape(t), text.lower().replace("’", "'")) is not None


def western(run):
    return "".join(str(ord(c) - 0x0660) if "\u0660" <= c <= "\u0669" else c for c in run)


def change_number(text, source, rng):
    """`text` with one digit changed in a run of digits that the source has too (a number
    of the source mistyped in the target), or None."""
    have = {western(m.group(0)) for m in DIGITS.finditer(source)}
    spans = [m for m in DIGITS.finditer(text) if western(m.group(0)) in have]
    if not spans:
        return None
    m = rng.choice(spans)
    s = m.group(0)
    i = rng.randrange(len(s))
    c = s[i]
    if "0" <= c <= "9":
        d = (int(c) + rng.randrange(1, 10)) % 10
        if i == 0 and d == 0 and len(s) > 1:
            d = 1 if c != "1" else 2
        new = str(d)
    else:
        v = (ord(c) - 0x0660 + rng.randrange(1, 10)) % 10
        if i == 0 and v == 0 and len(s) > 1:
            v = 1 if ord(c) - 0x0660 != 1 else 2
        new = chr(0x0660 + v)
    return text[: m.start() + i] + new + text[m.start() + i + 1 :]


def inject(fr, tgt, lang, terms, rng):
    """(kind, new target) for one unit, or None when no kind applies."""
    kinds = []
    present = [t for t in terms if source_has(fr, t["fr"]) and find_term(tgt, t[lang], lang)]
    if present:
        kinds += ["term-wrong", "term-missing"]
    src_runs = {western(m.group(0)) for m in DIGITS.finditer(fr)}
    if any(western(m.group(0)) in src_runs for m in DIGITS.finditer(tgt)):
        kinds.append("number")
    if not kinds:
        return None
    kind = rng.choice(kinds)
    if kind == "number":
        new = change_number(tgt, fr, rng)
        return (kind, new, None) if new and new != tgt else None
    t = rng.choice(present)
    # Another concept's equivalent that neither contains this one nor is inside it (a term
    # replaced by a longer term that still holds it would not be wrong).
    others = [
        o
        for o in terms
        if o is not t
        and not source_has(fr, o["fr"])
        and t[lang].lower() not in o[lang].lower()
        and o[lang].lower() not in t[lang].lower()
    ]
    other = rng.choice(others)[lang]
    # Every occurrence, in one pass from the end: a term kept once elsewhere in the unit is
    # still rendered.
    spans = []
    pos = 0
    while True:
        r = find_term(tgt[pos:], t[lang], lang)
        if not r:
            break
        spans.append((pos + r[0], pos + r[1]))
        pos += r[1]
    new = tgt
    for s, e in reversed(spans):
        new = new[:s] + ("" if kind == "term-missing" else other) + new[e:]
    if kind == "term-missing":
        new = new.replace("  ", " ")
    return kind, new, t


def tmx(units, lang):
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4"><header srclang="fr" datatype="plaintext" segtype="sentence" '
        'adminlang="en" o-tmf="bench" creationtool="lint-bench" creationtoolversion="1"/><body>',
    ]
    for i, (fr, tgt) in enumerate(units):
        out.append(
            f'<tu tuid="{i}"><tuv xml:lang="fr"><seg>{escape(fr)}</seg></tuv>'
            f'<tuv xml:lang="{lang}"><seg>{escape(tgt)}</seg></tuv></tu>'
        )
    out.append("</body></tmx>")
    return "\n".join(out) + "\n"


def po_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'


def pofilter_numbers(units, work, lang):
    """The unit numbers `pofilter -t numbers` flags."""
    src = os.path.join(work, f"bench.fr-{lang}.po")
    out = os.path.join(work, f"bench.fr-{lang}.pofilter.po")
    with open(src, "w", encoding="utf-8") as f:
        f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for i, (fr, tgt) in enumerate(units):
            f.write(f"msgctxt \"u{i}\"\nmsgid {po_quote(fr)}\nmsgstr {po_quote(tgt)}\n\n")
    subprocess.run(["pofilter", "-t", "numbers", src, out], check=True, capture_output=True)
    flagged = set()
    with open(out, encoding="utf-8") as f:
        for m in re.finditer(r'^msgctxt "u(\d+)"', f.read(), re.M):
            flagged.add(int(m.group(1)))
    return flagged


def read_audit(path):
    """(lang, dev line, rule) -> how many findings of that key the audit judged true."""
    true, read = {}, set()
    if not os.path.exists(path):
        return true, read
    with open(path, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f][1:]
    for lang, line, rule, verdict, *_ in rows:
        key = (lang, int(line), rule)
        read.add(key)
        if verdict == "reference-differs":
            true[key] = true.get(key, 0) + 1
    return true, read


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=["tune", "test", "all"], default="test")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--alinea", default=os.path.join(ROOT, "target", "release", "alinea"))
    ap.add_argument("--keep", help="keep the TMX files and findings in this folder")
    ap.add_argument("--show", type=int, default=0, help="print this many misses and false alarms")
    ap.add_argument("--pofilter", action="store_true", help="also run pofilter -t numbers")
    ap.add_argument(
        "--audit",
        help="the findings on clean units read by hand (see above; default: "
        "scripts/lint-bench-audit.tsv for the dev set, its rows on numbers only with another "
        "term list; none for other data)",
    )
    ap.add_argument("--data", default=DEV, help="folder of the line-aligned fr, en, ar files")
    ap.add_argument(
        "--lines",
        default="UNv1.0.devset.{lang}",
        help="the files' names in --data, {lang} standing for fr, en, ar",
    )
    ap.add_argument("--terms", help="the term list (fr, en, ar columns; default: DATA/terms-dev.tsv)")
    a = ap.parse_args()
    if not os.path.isdir(a.data):
        print(f"lint-bench: {a.data} not found: nothing to measure", file=sys.stderr)
        return 0
    # The audit judged the findings of the dev set with its own term list: with another term
    # list, its verdicts on numbers still hold (they are about the reference translation, not
    # the terms), those on terms do not.
    a.audit_numbers_only = False
    if a.audit is None:
        dev = os.path.realpath(a.data) == os.path.realpath(DEV)
        a.audit = os.path.join(ROOT, "scripts", "lint-bench-audit.tsv") if dev else ""
        a.audit_numbers_only = dev and a.terms is not None
    a.terms = a.terms or os.path.join(a.data, "terms-dev.tsv")
    fr = read_lines(a, "fr")
    n = len(fr)
    lo, hi = {"tune": (0, n // 2), "test": (n // 2, n), "all": (0, n)}[a.part]
    terms = read_terms(a)
    if a.keep:
        os.makedirs(a.keep, exist_ok=True)
        return run(a, lo, hi, fr, terms, a.keep)
    with tempfile.TemporaryDirectory(prefix="lint-bench-") as work:
        return run(a, lo, hi, fr, terms, work)


def run(a, lo, hi, fr, terms, work):
    tbx = os.path.join(work, "terms-dev.tbx")
    subprocess.run(
        [a.alinea, "-q", "terms", "convert", a.terms, tbx], check=True
    )
    report = {}
    audit_true_all, audit_read = read_audit(a.audit)
    if a.audit_numbers_only:
        audit_true_all = {k: v for k, v in audit_true_all.items() if k[2] in NUMBER_RULES}
        audit_read = {k for k in audit_read if k[2] in NUMBER_RULES}
    for lang in ("en", "ar"):
        tgt = read_lines(a, lang)
        rng = random.Random(f"{a.seed}-{lang}")
        units, injected, lines, what = [], {}, [], {}
        for i in range(lo, hi):
            s, t = fr[i], tgt[i]
            if not s.strip() or not t.strip():
                continue
            if rng.random() < 0.5:
                r = inject(s, t, lang, terms, rng)
                if r:
                    injected[len(units)] = r[0]
                    what[len(units)] = (t, r[2])
                    t = r[1]
            units.append((s, t))
            lines.append(i + 1)
        path = os.path.join(work, f"bench.fr-{lang}.tmx")
        with open(path, "w", encoding="utf-8") as f:
            f.write(tmx(units, lang))
        p = subprocess.run(
            [a.alinea, "-q", "lint", "--termbase", tbx, "--format", "json", path],
            capture_output=True,
            text=True,
        )
        if p.returncode not in (0, 1):
            print(p.stderr, file=sys.stderr)
            return 2
        findings = json.loads(p.stdout)["findings"]
        by_unit = {}
        for f in findings:
            if f.get("line"):
                by_unit.setdefault(f["line"] - 3, []).append(f)
        kinds = {}
        for u, k in injected.items():
            rules = TERM_RULES if k.startswith("term") else NUMBER_RULES
            hit = any(f["rule"] in rules for f in by_unit.get(u, []))
            kinds.setdefault(k, [0, 0])
            kinds[k][0] += hit
            kinds[k][1] += 1
            if not hit and a.show:
                print(f"MISS {lang} {k} #{u}: {units[u][1][:200]}\n    SRC {units[u][0][:200]}")
                orig, term = what[u]
                if term:
                    print(f"    TERM {term['fr']} = {term[lang]}")
                print(f"    WAS {orig[:200]}")
        clean = [u for u in range(len(units)) if u not in injected]
        false = [
            f
            for u in clean
            for f in by_unit.get(u, [])
            if f["rule"] in TERM_RULES + NUMBER_RULES
        ]
        audit_true = dict(audit_true_all)
        excused, unaudited, judged = 0, 0, []
        for f in false:
            key = (lang, lines[f["line"] - 3], f["rule"])
            if key not in audit_read:
                unaudited += 1
            true = audit_true.get(key, 0) > 0
            if true:
                audit_true[key] -= 1
                excused += 1
            judged.append((f, true))
        other = [
            f for u in clean for f in by_unit.get(u, []) if f["rule"] not in TERM_RULES + NUMBER_RULES
        ]
        if a.show:
            # The false alarms first, then the findings the audit judged true.
            judged.sort(key=lambda x: x[1])
            for f, true in judged[: a.show]:
                u = f["line"] - 3
                tag = "TRUE (audit)" if true else "FALSE"
                print(f"{tag} {lang} {f['rule']} #{u} (dev line {lines[u]}): {f['message'][:120]}\n    TGT {units[u][1][:300]}\n    SRC {units[u][0][:300]}")
        report[lang] = {
            "units": len(units),
            "injected": len(injected),
            "clean": len(clean),
            "recall": {k: round(v[0] / v[1], 4) for k, v in sorted(kinds.items())},
            "injected_by_kind": {k: v[1] for k, v in sorted(kinds.items())},
            "false_alarms_per_100_clean": round(100 * len(false) / max(1, len(clean)), 2),
            "false_alarms_after_audit_per_100_clean": round(
                100 * (len(false) - excused) / max(1, len(clean)), 2
            ),
            "unaudited": unaudited,
            "other_findings_per_100_clean": round(100 * len(other) / max(1, len(clean)), 2),
        }
        if a.pofilter:
            flagged = pofilter_numbers(units, work, lang)
            nums = [u for u, k in injected.items() if k == "number"]
            report[lang]["pofilter"] = {
                "recall_number": round(sum(u in flagged for u in nums) / max(1, len(nums)), 4),
                "false_alarms_per_100_clean": round(
                    100 * sum(u in flagged for u in clean) / max(1, len(clean)), 2
                ),
            }
            ours = sum(1 for u in clean if any(f["rule"] in NUMBER_RULES for f in by_unit.get(u, [])))
            report[lang]["number_false_alarm_units_per_100_clean"] = round(100 * ours / max(1, len(clean)), 2)
    print(json.dumps({"part": a.part, "seed": a.seed, **report}, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
