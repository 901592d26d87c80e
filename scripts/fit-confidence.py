#!/usr/bin/env python3
"""Refit the aligner's confidence model on the UN dev benchmark.

usage: scripts/fit-confidence.py SHARED_DIR [WORK_DIR] [--wrong-weight W]

Builds the benchmark (SHARED_DIR/bench/make_unpc_bench.py) unless WORK_DIR/unpc exists, aligns
every document fr-en and fr-ar with crates/alinea/examples/bead_features.rs, labels each bead right or wrong
against the gold beads, and fits a logistic regression on the bead features. Prints the
cross-validated AUC (folds by document) of the fitted confidence and of the current one, and
the weights to paste into crates/alinea/src/align/confidence.rs. Needs numpy and scikit-learn.
--wrong-weight W counts each wrong bead W times in the fit (default 1), which moves the
confidence of doubtful beads down: the reported confidence is then a review priority, below
0.5 meaning "worth checking", rather than a probability of being right.
"""
import glob
import os
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold


def gold_beads(path):
    beads = set()
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line:
            a, b = line.split(":")[:2]
            beads.add((tuple(eval(a)), tuple(eval(b))))
    return beads


def ids(field):
    return tuple(int(x) for x in field.split(",")) if field else ()


def main():
    args = sys.argv[1:]
    wrong_weight = 1.0
    if "--wrong-weight" in args:
        k = args.index("--wrong-weight")
        wrong_weight = float(args[k + 1])
        del args[k:k + 2]
    shared = args[0]
    work = args[1] if len(args) > 1 else tempfile.mkdtemp()
    weights = {True: 1.0, False: wrong_weight}
    if not os.path.isdir(f"{work}/unpc"):
        subprocess.run(["python3", f"{shared}/bench/make_unpc_bench.py",
                        f"{shared}/corpora/unpc-dev", f"{work}/unpc"], check=True,
                       stdout=subprocess.DEVNULL)
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "bead_features"],
                   check=True)
    rows, labels, groups, current, names = [], [], [], [], None
    for tl in ["en", "ar"]:
        docs = sorted(glob.glob(f"{work}/unpc/doc*"))
        listing = f"{work}/features-fr-{tl}.list"
        with open(listing, "w") as f:
            for d in docs:
                f.write(f"{d}/fr.txt\t{d}/{tl}.txt\t{d}/features-fr-{tl}.tsv\n")
        subprocess.run(["target/release/examples/bead_features", "--langs", f"fr,{tl}",
                        listing], check=True)
        for d in docs:
            gold = gold_beads(f"{d}/gold-fr-{tl}.beads")
            lines = open(f"{d}/features-fr-{tl}.tsv", encoding="utf-8").read().splitlines()
            names = lines[0].split("\t")[3:]
            for line in lines[1:]:
                f = line.split("\t")
                labels.append((ids(f[0]), ids(f[1])) in gold)
                current.append(float(f[2]))
                rows.append([float(x) for x in f[3:]])
                groups.append(f"{os.path.basename(d)}-{tl}")
    x, y = np.array(rows), np.array(labels)
    groups, current = np.array(groups), np.array(current)
    lang = np.array([g[-2:] for g in groups])
    pred = np.zeros(len(y))
    for train, test in GroupKFold(5).split(x, y, groups):
        model = LogisticRegression(max_iter=5000, class_weight=weights).fit(x[train], y[train])
        pred[test] = model.predict_proba(x[test])[:, 1]
    for tl in ["en", "ar"]:
        s = lang == tl
        wrong = int((~y[s]).sum())
        print(f"fr-{tl}: {int(s.sum())} beads, {wrong} wrong; AUC cross-validated "
              f"{roc_auc_score(y[s], pred[s]):.3f}, current {roc_auc_score(y[s], current[s]):.3f}")
        for t in [0.5, 0.8]:
            print(f"  below {t}: fitted flags {int(((pred < t) & ~y & s).sum())} wrong and "
                  f"{int(((pred < t) & y & s).sum())} right; current "
                  f"{int(((current < t) & ~y & s).sum())} wrong and "
                  f"{int(((current < t) & y & s).sum())} right")
    model = LogisticRegression(max_iter=5000, class_weight=weights).fit(x, y)
    print("const WEIGHTS: [f64; N_FEATURES] = [")
    print("    " + ", ".join(f"{w:.4}" for w in model.coef_[0]) + ",")
    print("];")
    print(f"const INTERCEPT: f64 = {model.intercept_[0]:.4};")
    print("// " + ", ".join(names))


if __name__ == "__main__":
    main()
