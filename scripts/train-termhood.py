#!/usr/bin/env python3
"""Fit the termhood model (`data/mine/termhood-model.tsv`) on ACTER's dev domains.

For each domain and language, `alinea terms extract --format features --all` gives every
candidate with the features `src/mine/termhood.rs` computes; a candidate is a term when its
text or one of its forms (lower-cased) is in the domain's gold list with named entities. The
model is scikit-learn's histogram gradient boosting (log loss), written out as plain trees the
library walks (`src/mine/model.rs`). ACTER is CC BY-NC-SA 4.0: it is read in place, and the
model file holds numbers only (feature thresholds and leaf values), no text.

The list a candidate contributes to is the one `scripts/mine-bench-acter.py` scores: its text
and its forms. The cut is the log-odds that gave the best mean F1 over the domains fitted.

First the figure that matters, leave one domain out: for each domain, a model fitted on the
other two, with the cut those two chose, scored on the domain left out (fr and en). Then the
model on all three domains is written (unless --eval-only).

Needs scikit-learn (`pip install scikit-learn`); not a dependency of alinea itself.

Usage: scripts/train-termhood.py [--bin target/release/alinea] [--acter ../shared/corpora/acter]
                                 [--out data/mine/termhood-model.tsv] [--eval-only]
"""
import argparse
import glob
import math
import os
import subprocess
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

DOMAINS = ["corp", "equi", "wind"]
LANGS = ["en", "fr"]
PARAMS = dict(
    max_iter=200,
    learning_rate=0.05,
    max_leaf_nodes=15,
    min_samples_leaf=40,
    early_stopping=False,
    random_state=0,
)


def load(a, dom, lang):
    files = sorted(glob.glob(os.path.join(a.acter, lang, dom, "texts", "*.txt")))
    cmd = [a.bin, "-q", "terms", "extract", "--lang", lang, "--format", "features", "--all"] + files
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()
    header = out[0].split("\t")
    names = header[4:]
    rows, X = [], []
    for line in out[1:]:
        p = line.split("\t")
        printed = {p[1].lower()} | {f.lower() for f in p[2].split(" | ") if f}
        rows.append(printed)
        X.append([float(x) for x in p[4:]])
    gold_path = os.path.join(a.acter, lang, dom, "gold", f"{dom}_{lang}_terms_nes.tsv")
    with open(gold_path, encoding="utf-8") as f:
        gold = {l.split("\t")[0].strip().lower() for l in f if l.strip()}
    y = np.array([int(bool(r & gold)) for r in rows])
    return dict(rows=rows, X=np.array(X), y=y, gold=gold, names=names)


def f1(s, p, cut):
    out = set()
    for r, q in zip(s["rows"], p):
        if q >= cut:
            out |= r
    tp = len(out & s["gold"])
    if not out or not tp:
        return 0.0
    P, R = tp / len(out), tp / len(s["gold"])
    return 2 * P * R / (P + R)


def fit(sets):
    X = np.vstack([s["X"] for s in sets])
    y = np.concatenate([s["y"] for s in sets])
    m = HistGradientBoostingClassifier(**PARAMS).fit(X, y)
    cuts = np.linspace(-2.5, 1.0, 36)
    means = [np.mean([f1(s, m.decision_function(s["X"]), c) for s in sets]) for c in cuts]
    return m, float(cuts[int(np.argmax(means))])


def write(m, cut, names, path):
    lines = ["# alinea termhood model: see src/mine/model.rs; written by scripts/train-termhood.py"]
    lines.append("features\t" + "\t".join(names))
    lines.append("languages\tfr\ten")
    lines.append(f"baseline\t{float(np.ravel(m._baseline_prediction)[0])!r}")
    lines.append(f"threshold\t{cut!r}")
    for (pred,) in m._predictors:
        lines.append("tree")
        for i, n in enumerate(pred.nodes):
            if n["is_leaf"]:
                lines.append(f"leaf\t{float(n['value'])!r}")
            else:
                l, r = int(n["left"]), int(n["right"])
                assert l > i and r > i, "children after their parent"
                lines.append(f"split\t{int(n['feature_idx'])}\t{float(n['num_threshold'])!r}\t{l}\t{r}")
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(path + ".tmp", path)


def check_walk(m, X):
    """The trees as written give the model's own log-odds (what the library computes)."""
    base = float(np.ravel(m._baseline_prediction)[0])
    got = np.full(len(X), base)
    for (pred,) in m._predictors:
        nodes = pred.nodes
        for k, x in enumerate(X):
            i = 0
            while not nodes[i]["is_leaf"]:
                n = nodes[i]
                i = int(n["left"]) if x[int(n["feature_idx"])] <= n["num_threshold"] else int(n["right"])
            got[k] += nodes[i]["value"]
    want = m.decision_function(X)
    assert np.allclose(got, want, atol=1e-9), float(np.max(np.abs(got - want)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/alinea")
    ap.add_argument("--acter", default="../shared/corpora/acter")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "mine", "termhood-model.tsv"))
    ap.add_argument("--eval-only", action="store_true")
    a = ap.parse_args()
    sets = {(d, l): load(a, d, l) for d in DOMAINS for l in LANGS}
    names = next(iter(sets.values()))["names"]
    print("left out\tlang\tcut (log-odds)\tF1 (text and forms)")
    for d in DOMAINS:
        m, cut = fit([s for k, s in sets.items() if k[0] != d])
        for l in LANGS:
            s = sets[(d, l)]
            print(f"{d}\t{l}\t{cut:.2f}\t{f1(s, m.decision_function(s['X']), cut):.3f}")
    if a.eval_only:
        return
    m, cut = fit(list(sets.values()))
    check_walk(m, sets[("corp", "fr")]["X"][:500])
    write(m, cut, names, a.out)
    print(f"written {a.out}: {len(m._predictors)} trees, cut {cut:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
