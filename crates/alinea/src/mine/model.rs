//! The termhood model: gradient-boosted regression trees over the features of
//! [`super::termhood::features`], whose sum is the log-odds that a candidate is a term.
//!
//! The model is data, `data/mine/termhood-model.tsv`, written by `scripts/train-termhood.py`
//! (scikit-learn's histogram gradient boosting, fitted on ACTER's three dev domains in French
//! and English; it holds numbers only, no text of the corpus). Its lines:
//! - `features<TAB>name…`: the feature names, which must be [`super::termhood::FEATURES`];
//! - `languages<TAB>fr<TAB>en`: the languages it scores;
//! - `baseline<TAB>x`: the log-odds before any tree;
//! - `threshold<TAB>x`: the log-odds under which a candidate is not proposed (the cut that
//!   gave the best mean F1 on the domains it was fitted on);
//! - `tree`: a new tree, then its nodes in order, node 0 its root: `split<TAB>feature<TAB>
//!   threshold<TAB>left<TAB>right` (a value at or under the threshold goes left) or
//!   `leaf<TAB>value`.
//!
//! Invariants (checked when the file is read, and by the tests): every child index points
//! inside its tree and after its parent (so every walk ends), every feature index is in range.

use std::sync::OnceLock;

use super::termhood::{FEATURES, N_FEATURES};
use crate::Lang;

const MODEL: &str = include_str!("../../../../data/mine/termhood-model.tsv");

#[derive(Clone, Copy, Debug, PartialEq)]
enum Node {
    Split {
        feature: u16,
        threshold: f64,
        left: u32,
        right: u32,
    },
    Leaf(f64),
}

/// A fitted model.
#[derive(Debug)]
pub struct Model {
    langs: Vec<Lang>,
    baseline: f64,
    /// The log-odds under which a candidate is not proposed.
    pub threshold: f64,
    trees: Vec<Vec<Node>>,
}

impl Model {
    /// Read a model file; the error names the line at fault.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut m = Model {
            langs: Vec::new(),
            baseline: 0.0,
            threshold: 0.0,
            trees: Vec::new(),
        };
        let mut features_seen = false;
        for (n, line) in text.lines().enumerate() {
            let at = |what: &str| format!("line {}: {what}", n + 1);
            let mut cols = line.split('\t');
            let num = |s: Option<&str>| -> Result<f64, String> {
                s.and_then(|s| s.parse::<f64>().ok())
                    .filter(|x| x.is_finite())
                    .ok_or_else(|| at("a number was expected"))
            };
            let index = |s: Option<&str>| -> Result<u32, String> {
                s.and_then(|s| s.parse::<u32>().ok())
                    .ok_or_else(|| at("an index was expected"))
            };
            match cols.next() {
                Some("features") => {
                    let names: Vec<&str> = cols.collect();
                    if names != FEATURES {
                        return Err(at("the features are not those the code computes"));
                    }
                    features_seen = true;
                }
                Some("languages") => {
                    m.langs = cols
                        .map(|c| c.parse::<Lang>().map_err(|_| at("a language code")))
                        .collect::<Result<_, _>>()?;
                }
                Some("baseline") => m.baseline = num(cols.next())?,
                Some("threshold") => m.threshold = num(cols.next())?,
                Some("tree") => m.trees.push(Vec::new()),
                Some(kind @ ("split" | "leaf")) => {
                    let tree = m
                        .trees
                        .last_mut()
                        .ok_or_else(|| at("a node before any tree"))?;
                    let here = tree.len() as u32;
                    tree.push(if kind == "leaf" {
                        Node::Leaf(num(cols.next())?)
                    } else {
                        let feature = index(cols.next())?;
                        if feature as usize >= N_FEATURES {
                            return Err(at("no such feature"));
                        }
                        let threshold = num(cols.next())?;
                        let (left, right) = (index(cols.next())?, index(cols.next())?);
                        if left <= here || right <= here {
                            return Err(at("a child before its parent"));
                        }
                        Node::Split {
                            feature: feature as u16,
                            threshold,
                            left,
                            right,
                        }
                    });
                }
                Some(l) if l.is_empty() || l.starts_with('#') => {}
                _ => return Err(at("unknown line")),
            }
        }
        if !features_seen {
            return Err("no features line".into());
        }
        for (t, tree) in m.trees.iter().enumerate() {
            if tree.is_empty() {
                return Err(format!("tree {t} is empty"));
            }
            for node in tree {
                if let Node::Split { left, right, .. } = node {
                    if *left as usize >= tree.len() || *right as usize >= tree.len() {
                        return Err(format!("tree {t}: a child outside the tree"));
                    }
                }
            }
        }
        Ok(m)
    }

    /// The log-odds that a candidate with features `x` is a term.
    pub fn logit(&self, x: &[f64; N_FEATURES]) -> f64 {
        let mut s = self.baseline;
        for tree in &self.trees {
            let mut i = 0usize;
            loop {
                match tree[i] {
                    Node::Leaf(v) => {
                        s += v;
                        break;
                    }
                    Node::Split {
                        feature,
                        threshold,
                        left,
                        right,
                    } => {
                        i = if x[feature as usize] <= threshold {
                            left
                        } else {
                            right
                        } as usize;
                    }
                }
            }
        }
        s
    }
}

/// The shipped model, if it scores `lang`.
pub fn for_lang(lang: &Lang) -> Option<&'static Model> {
    static SHIPPED: OnceLock<Option<Model>> = OnceLock::new();
    SHIPPED
        .get_or_init(|| Model::parse(MODEL).ok())
        .as_ref()
        .filter(|m| m.langs.contains(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_reads() {
        let m = Model::parse(MODEL).unwrap();
        assert!(m.trees.len() >= 10);
        assert!(for_lang(&Lang::Fr).is_some());
        assert!(for_lang(&Lang::En).is_some());
        assert!(for_lang(&Lang::Ar).is_none());
    }

    fn header() -> String {
        format!("features\t{}\nlanguages\tfr\n", FEATURES.join("\t"))
    }

    #[test]
    fn walks_each_tree_to_a_leaf() {
        let text = format!(
            "{}baseline\t-1\nthreshold\t0.5\ntree\nsplit\t0\t2.0\t1\t2\nleaf\t-0.5\nleaf\t0.75\ntree\nleaf\t0.25\n",
            header()
        );
        let m = Model::parse(&text).unwrap();
        let mut x = [0.0; N_FEATURES];
        x[0] = 2.0; // at the threshold: left
        assert_eq!(m.logit(&x), -1.0 - 0.5 + 0.25);
        x[0] = 2.5;
        assert_eq!(m.logit(&x), -1.0 + 0.75 + 0.25);
        assert_eq!(m.threshold, 0.5);
    }

    #[test]
    fn rejects_what_could_loop_or_overrun() {
        let bad = [
            "tree\nsplit\t0\t1\t0\t1\nleaf\t0\n",
            "tree\nsplit\t0\t1\t1\t5\nleaf\t0\n",
            "tree\nsplit\t99\t1\t1\t2\nleaf\t0\nleaf\t0\n",
            "leaf\t0\n",
            "tree\n",
            "tree\nleaf\tNaN\n",
            "bogus\n",
        ];
        for b in bad {
            assert!(Model::parse(&format!("{}{b}", header())).is_err(), "{b:?}");
        }
        assert!(Model::parse("tree\nleaf\t0\n").is_err(), "no features line");
        let wrong = format!("features\t{}\ttoo_many\n", FEATURES.join("\t"));
        assert!(Model::parse(&wrong).is_err());
    }
}
