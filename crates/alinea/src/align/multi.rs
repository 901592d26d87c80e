//! Multi-way alignment: a pivot document aligned with one or more translations, merged into
//! units that hold the connected components of all pairwise alignments (so one unit may hold
//! French 3–4, English 3 and Arabic 3–4), and sentence alignment inside aligned paragraphs.

use rayon::prelude::*;
use serde::Serialize;

use super::{align_pair_from, Options, PairAlignment};
use crate::Lang;

/// One merged unit: for each document (the pivot first), the 0-based indices of its units.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MultiBead {
    /// `sides[d]` are document `d`'s unit indices, consecutive and ascending (may be empty).
    pub sides: Vec<Vec<usize>>,
    /// Confidence in [0, 1]: the weakest pairwise bead the unit was made of.
    pub score: f64,
}

impl MultiBead {
    /// How many documents have at least one unit in this bead.
    pub fn filled(&self) -> usize {
        self.sides.iter().filter(|s| !s.is_empty()).count()
    }

    /// The bead's shape, e.g. `2-1-1` (units per document).
    pub fn shape(&self) -> String {
        let mut out = String::new();
        self.write_shape(&mut out);
        out
    }

    /// [`MultiBead::shape`] appended to `out`.
    pub fn write_shape(&self, out: &mut String) {
        use std::fmt::Write;
        for (k, side) in self.sides.iter().enumerate() {
            if k > 0 {
                out.push('-');
            }
            let _ = write!(out, "{}", side.len());
        }
    }
}

/// Merged alignment of a pivot with its translations, in document order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MultiAlignment {
    pub beads: Vec<MultiBead>,
}

/// Disjoint sets over `0..n` (path halving, union by index).
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (lo, hi) = (a.min(b), a.max(b));
            self.0[hi] = lo;
        }
    }
}

/// Merge pairwise alignments of a pivot (with `pivot_len` units) against each translation
/// (`pairs[k] = (alignment pivot→translation k, translation k's unit count)`).
///
/// Each pairwise alignment must be monotone and cover both of its sides exactly once, as
/// [`align_pair`](super::align_pair) guarantees. The result then covers every unit of every
/// document exactly once and is monotone on every side. Units that only a translation has
/// (additions) stay on their own, right after the unit holding the pivot unit before them,
/// unless they fall inside a merged unit's span, which then takes them in.
pub fn merge(pivot_len: usize, pairs: &[(&PairAlignment, usize)]) -> MultiAlignment {
    let n_docs = pairs.len() + 1;
    // Node numbering: pivot units first, then each translation's units.
    let mut base = vec![0usize; n_docs];
    let mut total = pivot_len;
    for (k, (_, len)) in pairs.iter().enumerate() {
        base[k + 1] = total;
        total += len;
    }
    let mut sets = Sets((0..total).collect());
    let mut score = vec![1.0f64; total];
    for (k, (al, len)) in pairs.iter().enumerate() {
        for b in &al.beads {
            // Indices past the end of a side (a faulty alignment) are ignored.
            let nodes: Vec<usize> = b
                .src
                .iter()
                .copied()
                .filter(|&i| i < pivot_len)
                .chain(
                    b.tgt
                        .iter()
                        .filter(|&&j| j < *len)
                        .map(|&j| base[k + 1] + j),
                )
                .collect();
            for w in nodes.windows(2) {
                sets.union(w[0], w[1]);
            }
            for &n in &nodes {
                score[n] = score[n].min(b.score);
            }
        }
    }
    // Components holding pivot units, ordered by their first pivot unit.
    let mut comp_of_root = vec![usize::MAX; total];
    let mut comps: Vec<MultiBead> = Vec::new();
    let mut tails: Vec<Vec<MultiBead>> = Vec::new();
    for (p, &p_score) in score.iter().enumerate().take(pivot_len) {
        let r = sets.find(p);
        if comp_of_root[r] == usize::MAX {
            comp_of_root[r] = comps.len();
            comps.push(MultiBead {
                sides: vec![Vec::new(); n_docs],
                score: 1.0,
            });
            tails.push(Vec::new());
        }
        let c = &mut comps[comp_of_root[r]];
        c.sides[0].push(p);
        c.score = c.score.min(p_score);
    }
    // Translation units: joined to their component. A unit no pivot unit is aligned with (an
    // addition) joins the component around it when its neighbours are both in one component,
    // and otherwise stands alone after the component of the pivot unit before it.
    let mut head: Vec<MultiBead> = Vec::new();
    for (k, (al, len)) in pairs.iter().enumerate() {
        let d = k + 1;
        let comp = |sets: &mut Sets, j: usize| comp_of_root[sets.find(base[d] + j)];
        // The pivot unit before each addition, in the pair's own bead order.
        let mut anchor: Vec<Option<usize>> = vec![None; *len];
        let mut mentioned = vec![false; *len];
        let mut last_pivot = None;
        for b in &al.beads {
            if let Some(&p) = b.src.iter().rfind(|&&i| i < pivot_len) {
                last_pivot = Some(p);
            } else {
                for &j in b.tgt.iter().filter(|&&j| j < *len) {
                    anchor[j] = last_pivot;
                }
            }
            for &j in b.tgt.iter().filter(|&&j| j < *len) {
                mentioned[j] = true;
            }
        }
        let comps_of: Vec<usize> = (0..*len).map(|j| comp(&mut sets, j)).collect();
        let mut prev = usize::MAX;
        for j in 0..*len {
            let node = base[d] + j;
            let c = comps_of[j];
            if c != usize::MAX {
                comps[c].sides[d].push(j);
                comps[c].score = comps[c].score.min(score[node]);
                prev = c;
                continue;
            }
            let next = comps_of[j..]
                .iter()
                .copied()
                .find(|&c| c != usize::MAX)
                .unwrap_or(usize::MAX);
            let lone_score = if score[node] >= 1.0 { 0.0 } else { score[node] };
            // A unit left out of every bead (a faulty alignment) follows its predecessor.
            let at = if mentioned[j] {
                anchor[j].map(|p| comp_of_root[sets.find(p)])
            } else {
                Some(prev).filter(|&c| c != usize::MAX)
            };
            // Inside one component's span: both neighbours in it, or its pivot anchor is the
            // component of the next unit.
            let inside = if prev != usize::MAX && prev == next {
                Some(prev)
            } else if next != usize::MAX && at == Some(next) {
                Some(next)
            } else {
                None
            };
            if let Some(c) = inside {
                comps[c].sides[d].push(j);
                comps[c].score = comps[c].score.min(lone_score);
                continue;
            }
            let mut sides = vec![Vec::new(); n_docs];
            sides[d].push(j);
            let lone = MultiBead {
                sides,
                score: lone_score,
            };
            match at {
                Some(c) => tails[c].push(lone),
                None => head.push(lone),
            }
        }
    }
    for c in &mut comps {
        for s in &mut c.sides {
            s.sort_unstable();
        }
    }
    let mut beads = head;
    for (c, tail) in comps.into_iter().zip(tails) {
        beads.push(c);
        beads.extend(tail);
    }
    MultiAlignment {
        beads: make_monotone(beads),
    }
}

/// Merge beads that cross on some side (only a faulty pairwise alignment makes them), so that
/// on every side each bead's units all come after the previous beads' units. Beads that do not
/// cross are left as they are.
fn make_monotone(beads: Vec<MultiBead>) -> Vec<MultiBead> {
    let mut out: Vec<MultiBead> = Vec::with_capacity(beads.len());
    // The last unit placed on each side, for the common case of no crossing.
    let mut last: Vec<Option<usize>> = Vec::new();
    for mut b in beads {
        last.resize(b.sides.len(), None);
        let crosses = b
            .sides
            .iter()
            .zip(&last)
            .any(|(s, l)| matches!((s.iter().min(), l), (Some(min), Some(l)) if min < l));
        if !crosses {
            for (s, l) in b.sides.iter().zip(last.iter_mut()) {
                if let Some(&max) = s.iter().max() {
                    *l = Some(max);
                }
            }
            out.push(b);
            continue;
        }
        loop {
            // The earliest bead already placed that holds a unit after one of b's.
            let first = b
                .sides
                .iter()
                .enumerate()
                .filter_map(|(d, s)| {
                    let min = *s.iter().min()?;
                    out.iter().position(|o| o.sides[d].iter().any(|&i| i > min))
                })
                .min();
            let Some(first) = first else { break };
            for o in out.drain(first..) {
                for (d, s) in o.sides.into_iter().enumerate() {
                    b.sides[d].extend(s);
                }
                b.score = b.score.min(o.score);
            }
            for s in &mut b.sides {
                s.sort_unstable();
            }
        }
        out.push(b);
        for (d, l) in last.iter_mut().enumerate() {
            *l = out
                .iter()
                .filter_map(|o| o.sides[d].iter().max())
                .max()
                .copied();
        }
    }
    out
}

/// Align a pivot's units (`sides[0]`) with each other side's units and merge.
pub fn align_all(sides: &[(&Lang, Vec<&str>)], opts: &Options) -> MultiAlignment {
    let Some(((pivot_lang, pivot), rest)) = sides.split_first() else {
        return MultiAlignment::default();
    };
    // The units of each side the search reads (page furniture left out) and, with two
    // translations or more, their features: the pivot's worked out once for all pairs, each
    // translation's beside it, all at once (a pair alone extracts its two sides side by side).
    let searched = super::furniture::Searched::new(pivot);
    let targets: Vec<super::furniture::Searched> = rest
        .iter()
        .map(|(_, units)| super::furniture::Searched::new(units))
        .collect();
    let (shared, translations) = if rest.len() > 1 {
        let (shared, translations) = rayon::join(
            || super::features::extract(searched.units(), pivot_lang),
            || {
                targets
                    .par_iter()
                    .zip(rest)
                    .map(|(t, (lang, _))| Some(super::features::extract(t.units(), lang)))
                    .collect::<Vec<_>>()
            },
        );
        (Some(shared), translations)
    } else {
        (None, rest.iter().map(|_| None).collect())
    };
    let pairs: Vec<PairAlignment> = targets
        .iter()
        .zip(rest)
        .zip(translations)
        .map(|((t, (lang, _)), tf)| {
            align_pair_from(
                &searched,
                pivot_lang,
                t,
                lang,
                shared.as_ref().zip(tf),
                opts,
            )
        })
        .collect();
    let refs: Vec<(&PairAlignment, usize)> = pairs
        .iter()
        .zip(rest)
        .map(|(p, (_, units))| (p, units.len()))
        .collect();
    merge(pivot.len(), &refs)
}

/// Sentences of every side, and their alignment, refined from a paragraph alignment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SentenceAlignment {
    /// `sentences[d]`: document `d`'s sentences in order, each with its paragraph's index.
    pub sentences: Vec<Vec<(usize, String)>>,
    /// Beads over sentence indices.
    pub alignment: MultiAlignment,
}

/// Split every paragraph into sentences (with [`crate::text::sentences::split`]) and align the
/// sentences inside each paragraph bead of `paragraphs`.
pub fn sentence_level(
    sides: &[(&Lang, Vec<&str>)],
    paragraphs: &MultiAlignment,
    opts: &Options,
) -> SentenceAlignment {
    let n_docs = sides.len();
    let mut out = SentenceAlignment {
        sentences: vec![Vec::new(); n_docs],
        alignment: MultiAlignment::default(),
    };
    for bead in &paragraphs.beads {
        let mut offsets = Vec::with_capacity(n_docs);
        let mut local: Vec<Vec<String>> = Vec::with_capacity(n_docs);
        for (d, (lang, paras)) in sides.iter().enumerate() {
            offsets.push(out.sentences[d].len());
            let mut sents = Vec::new();
            for &p in bead.sides.get(d).map(Vec::as_slice).unwrap_or(&[]) {
                let text = paras[p];
                for r in crate::text::sentences::split(text, lang) {
                    sents.push(text[r.clone()].to_string());
                    out.sentences[d].push((p, text[r].to_string()));
                }
            }
            local.push(sents);
        }
        let inner: Vec<(&Lang, Vec<&str>)> = sides
            .iter()
            .zip(&local)
            .map(|((lang, _), s)| (*lang, s.iter().map(String::as_str).collect()))
            .collect();
        let merged = align_all(&inner, opts);
        for mut b in merged.beads {
            for (d, s) in b.sides.iter_mut().enumerate() {
                for i in s.iter_mut() {
                    *i += offsets[d];
                }
            }
            // A sentence bead is no surer than the paragraph bead it sits in.
            b.score = b.score.min(bead.score);
            out.alignment.beads.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::test_bead as bead;
    use proptest::prelude::*;

    #[test]
    fn merges_connected_components() {
        // fr 3–4 ↔ en 3; fr 3 ↔ ar 3, fr 4 ↔ ar 4 → one unit fr 3-4, en 3, ar 3-4.
        let mut en = vec![];
        let mut ar = vec![];
        for i in 0..3 {
            en.push(bead(&[i], &[i], 0.9));
            ar.push(bead(&[i], &[i], 0.9));
        }
        en.push(bead(&[3, 4], &[3], 0.7));
        ar.push(bead(&[3], &[3], 0.8));
        ar.push(bead(&[4], &[4], 0.6));
        en.push(bead(&[], &[4], 0.0));
        let en = PairAlignment { beads: en };
        let ar = PairAlignment { beads: ar };
        let m = merge(5, &[(&en, 5), (&ar, 5)]);
        assert_eq!(m.beads.len(), 5);
        assert_eq!(m.beads[3].sides, vec![vec![3, 4], vec![3], vec![3, 4]]);
        assert!((m.beads[3].score - 0.6).abs() < 1e-9);
        assert_eq!(m.beads[4].sides, vec![vec![], vec![4], vec![]]);
        assert_eq!(m.beads[4].score, 0.0);
        assert_eq!(m.beads[3].shape(), "2-1-2");
        let mut shape = String::from("x:");
        m.beads[3].write_shape(&mut shape);
        assert_eq!(shape, "x:2-1-2");
    }

    #[test]
    fn faulty_alignments_still_cover_every_unit() {
        // Out-of-range indices and a unit left out of every bead.
        let en = PairAlignment {
            beads: vec![bead(&[0, 9], &[0], 0.9), bead(&[2], &[1, 7], 0.9)],
        };
        let m = merge(3, &[(&en, 3)]);
        check_cover(&m, &[3, 3]);
    }

    #[test]
    fn additions_before_first_unit_come_first() {
        let en = PairAlignment {
            beads: vec![bead(&[], &[0], 0.0), bead(&[0], &[1], 0.9)],
        };
        let m = merge(1, &[(&en, 2)]);
        assert_eq!(m.beads[0].sides, vec![vec![], vec![0]]);
        assert_eq!(m.beads[1].sides, vec![vec![0], vec![1]]);
    }

    #[test]
    fn sentence_level_covers_every_sentence() {
        let fr = vec!["Un. Deux.", "Trois."];
        let en = vec!["One. Two.", "Three."];
        let sides = vec![(&Lang::Fr, fr), (&Lang::En, en)];
        let paras = align_all(&sides, &Options::default());
        let s = sentence_level(&sides, &paras, &Options::default());
        assert_eq!(s.sentences[0].len(), 3);
        assert_eq!(s.sentences[0][1], (0, "Deux.".to_string()));
        assert_eq!(s.sentences[1][2], (1, "Three.".to_string()));
        check_cover(&s.alignment, &[3, 3]);
    }

    /// Every unit of every side exactly once, in order.
    fn check_cover(m: &MultiAlignment, lens: &[usize]) {
        for (d, &len) in lens.iter().enumerate() {
            let seq: Vec<usize> = m.beads.iter().flat_map(|b| b.sides[d].clone()).collect();
            assert_eq!(seq, (0..len).collect::<Vec<_>>(), "side {d}");
        }
        for b in &m.beads {
            assert!(b.filled() > 0, "empty bead");
        }
    }

    /// A random monotone pairwise alignment from a list of bead shapes.
    fn pair_from(shapes: &[(usize, usize)]) -> (PairAlignment, usize, usize) {
        let (mut i, mut j) = (0, 0);
        let mut beads = Vec::new();
        for &(a, b) in shapes {
            beads.push(bead(
                &(i..i + a).collect::<Vec<_>>(),
                &(j..j + b).collect::<Vec<_>>(),
                0.5,
            ));
            i += a;
            j += b;
        }
        (PairAlignment { beads }, i, j)
    }

    fn shapes() -> impl Strategy<Value = Vec<(usize, usize)>> {
        prop::collection::vec(
            prop::sample::select(vec![(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1)]),
            0..30,
        )
    }

    proptest! {
        #[test]
        fn merge_covers_every_unit_once_in_order(en in shapes(), ar in shapes()) {
            let (en, n_fr_en, n_en) = pair_from(&en);
            let (ar, n_fr_ar, n_ar) = pair_from(&ar);
            // Both alignments must share the pivot: pad the shorter with omissions.
            let n_fr = n_fr_en.max(n_fr_ar);
            let pad = |mut p: PairAlignment, from: usize| {
                p.beads.extend((from..n_fr).map(|i| bead(&[i], &[], 0.0)));
                p
            };
            let en = pad(en, n_fr_en);
            let ar = pad(ar, n_fr_ar);
            let m = merge(n_fr, &[(&en, n_en), (&ar, n_ar)]);
            check_cover(&m, &[n_fr, n_en, n_ar]);
            for b in &m.beads {
                for s in &b.sides {
                    prop_assert!(s.windows(2).all(|w| w[1] == w[0] + 1), "not consecutive: {s:?}");
                }
                prop_assert!((0.0..=1.0).contains(&b.score));
            }
        }

        #[test]
        fn merge_covers_every_unit_even_with_beads_missing(
            en in shapes(),
            ar in shapes(),
            drop in prop::collection::vec(any::<bool>(), 30),
        ) {
            let (mut en, n_fr_en, n_en) = pair_from(&en);
            let (mut ar, n_fr_ar, n_ar) = pair_from(&ar);
            let mut k = 0;
            for p in [&mut en, &mut ar] {
                p.beads.retain(|_| {
                    k += 1;
                    !drop[k % drop.len()]
                });
            }
            let n_fr = n_fr_en.max(n_fr_ar);
            let m = merge(n_fr, &[(&en, n_en), (&ar, n_ar)]);
            check_cover(&m, &[n_fr, n_en, n_ar]);
        }

        #[test]
        fn merge_of_one_pair_keeps_its_beads(en in shapes()) {
            let (en, n_fr, n_en) = pair_from(&en);
            let m = merge(n_fr, &[(&en, n_en)]);
            let back: Vec<(Vec<usize>, Vec<usize>)> =
                m.beads.iter().map(|b| (b.sides[0].clone(), b.sides[1].clone())).collect();
            let orig: Vec<(Vec<usize>, Vec<usize>)> =
                en.beads.iter().map(|b| (b.src.clone(), b.tgt.clone())).collect();
            prop_assert_eq!(back, orig);
        }
    }
}
