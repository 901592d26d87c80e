//! Page furniture left out of the search: a page number (`26/47`), a job number (`15-12345
//! (E)`), a document symbol alone on its line (`A/70/96214`)
//! ([`crate::doc::kind::bare_furniture`]) is no translation of anything, even when the other
//! version has one at the same place. (A reissue note and a `Distr.: General` line are
//! translated, and stay in the search, where leaving them unpaired costs less than other
//! units.) The pairwise search runs over the other units only, so a sentence
//! cut in two by a page break (`One of these is governance reform, …` / `26/47` / `In 2012,
//! …`) is found as one bead with its two halves (`[92]:[94, 96]`), and every unit of furniture
//! comes out as a bead of its own with nothing on the other side (`[]:[95]`), right after the
//! bead holding the unit before it.
//!
//! Invariants ([`restore`], tested below): every unit of both sides is in exactly one bead;
//! a unit of furniture is always alone in its bead; the beads over the other units are those
//! of the search, in its order. A bead's units are ascending; they are consecutive but for the
//! furniture between them (which the multi-way merge, [`super::multi::merge`], takes back
//! inside the bead, so that the units of a merged bead are consecutive on every side; the
//! merged bead is then no surer than [`CONFIDENCE`], as a bead is no surer than its parts).

use super::Bead;

/// The confidence of a bead that holds one unit of furniture alone: the lines the detector
/// takes for furniture are rarely anything else.
pub(crate) const CONFIDENCE: f64 = 0.9;

/// `bead` with the page furniture that a side holds beside its other units taken out of it,
/// then each unit of that furniture as a bead of its own ([`CONFIDENCE`]), as the pairwise
/// search gives them (the multi-way merge takes furniture between a bead's units back inside
/// the bead). A side of one unit, or of furniture alone, is left as it is, as
/// [`super::Aligned::text`] leaves it. `units[d]` are side `d`'s units.
pub(crate) fn split_out(
    bead: &super::multi::MultiBead,
    units: &[&[String]],
) -> Vec<super::multi::MultiBead> {
    // Per side: which of its units are set apart, when some are.
    let flags: Vec<Option<Vec<bool>>> = bead
        .sides
        .iter()
        .enumerate()
        .map(|(d, side)| {
            let texts: Vec<&str> = side
                .iter()
                .map(|&i| {
                    units
                        .get(d)
                        .and_then(|u| u.get(i))
                        .map_or("", String::as_str)
                })
                .collect();
            set_apart(&texts)
        })
        .collect();
    if flags.iter().all(Option::is_none) {
        return vec![bead.clone()];
    }
    let n = bead.sides.len();
    let mut kept = bead.clone();
    let mut out = Vec::new();
    for (d, f) in flags.iter().enumerate() {
        let Some(f) = f else {
            continue;
        };
        kept.sides[d] = bead.sides[d]
            .iter()
            .zip(f)
            .filter(|(_, &furn)| !furn)
            .map(|(&i, _)| i)
            .collect();
        for (&i, _) in bead.sides[d].iter().zip(f).filter(|(_, &furn)| furn) {
            let mut sides = vec![Vec::new(); n];
            sides[d].push(i);
            out.push(super::multi::MultiBead {
                sides,
                score: CONFIDENCE,
            });
        }
    }
    out.insert(0, kept);
    out
}

/// Which of the units of one side of a bead (`texts`, in order) are page furniture to set
/// apart from the others: `None` when the side stays whole — one unit, no furniture, or
/// furniture alone. What [`split_out`] writes apart and [`super::Aligned::text`] leaves out.
pub(crate) fn set_apart(texts: &[&str]) -> Option<Vec<bool>> {
    if texts.len() < 2 {
        return None;
    }
    let flags: Vec<bool> = texts
        .iter()
        .map(|t| crate::doc::kind::bare_furniture(t))
        .collect();
    (flags.contains(&true) && flags.contains(&false)).then_some(flags)
}

/// The units of `units` that are not page furniture, and their indices in `units`; `None`
/// when every unit is kept.
pub(super) fn kept<'a>(units: &[&'a str]) -> Option<(Vec<&'a str>, Vec<usize>)> {
    let keep: Vec<usize> = (0..units.len())
        .filter(|&i| !crate::doc::kind::bare_furniture(units[i]))
        .collect();
    (keep.len() < units.len()).then(|| (keep.iter().map(|&i| units[i]).collect(), keep))
}

/// One side of a pair as the search reads it: its units but page furniture, and where each
/// stands among all of them. Worked out once per side (a pivot aligned with several
/// translations is asked once).
pub(super) struct Searched<'u, 'a> {
    all: &'u [&'a str],
    /// [`kept`]: `None` when the side has no furniture.
    kept: Option<(Vec<&'a str>, Vec<usize>)>,
}

impl<'u, 'a> Searched<'u, 'a> {
    pub(super) fn new(all: &'u [&'a str]) -> Self {
        Searched {
            all,
            kept: kept(all),
        }
    }

    /// The units the search reads.
    pub(super) fn units(&self) -> &[&'a str] {
        self.kept.as_ref().map_or(self.all, |k| k.0.as_slice())
    }

    /// Where the `k`-th unit the search reads stands among all the side's units.
    pub(super) fn index(&self, k: usize) -> usize {
        self.kept.as_ref().map_or(k, |x| x.1[k])
    }

    /// Where the units the search reads stand (`None`: all of them, in order), and how many
    /// units the side has.
    fn layout(&self) -> (Option<&[usize]>, usize) {
        (self.kept.as_ref().map(|k| k.1.as_slice()), self.all.len())
    }
}

/// The search's beads over the units of `src` and `tgt` it read, back over all their units
/// ([`restore_over`]).
pub(super) fn restore(beads: Vec<Bead>, src: &Searched, tgt: &Searched) -> Vec<Bead> {
    if src.kept.is_none() && tgt.kept.is_none() {
        return beads;
    }
    restore_over(beads, src.layout(), tgt.layout())
}

/// Beads over kept units (indices into the kept units of each side: `src_ix[k]` is the index
/// of the `k`-th kept source unit among the `n_src` units of its side; `None`: every unit
/// kept) back over all units, each unit of furniture a bead of its own right after the bead
/// holding the unit before it on its side (first when there is none).
fn restore_over(
    beads: Vec<Bead>,
    (src_ix, n_src): (Option<&[usize]>, usize),
    (tgt_ix, n_tgt): (Option<&[usize]>, usize),
) -> Vec<Bead> {
    let at = |ix: Option<&[usize]>, k: usize| ix.map_or(k, |x| x[k]);
    let beads: Vec<Bead> = beads
        .into_iter()
        .map(|b| Bead {
            src: b.src.iter().map(|&k| at(src_ix, k)).collect(),
            tgt: b.tgt.iter().map(|&k| at(tgt_ix, k)).collect(),
            score: b.score,
        })
        .collect();
    // after[b + 1]: the furniture beads that follow bead b; after[0]: those before the first.
    let mut after: Vec<Vec<Bead>> = vec![Vec::new(); beads.len() + 1];
    for (source, ix, n) in [(true, src_ix, n_src), (false, tgt_ix, n_tgt)] {
        // A side without furniture has no bead to add.
        let Some(ix) = ix else {
            continue;
        };
        let mut owner = vec![usize::MAX; n];
        for (b, bead) in beads.iter().enumerate() {
            for &i in if source { &bead.src } else { &bead.tgt } {
                owner[i] = b;
            }
        }
        let mut kept = ix.iter().peekable();
        let mut last: Option<usize> = None;
        for (i, &own) in owner.iter().enumerate() {
            if kept.peek() == Some(&&i) {
                kept.next();
                if own != usize::MAX {
                    last = Some(own);
                }
                continue;
            }
            let (src, tgt) = match source {
                true => (vec![i], Vec::new()),
                false => (Vec::new(), vec![i]),
            };
            after[last.map_or(0, |b| b + 1)].push(Bead {
                src,
                tgt,
                score: CONFIDENCE,
            });
        }
    }
    let mut after = after.into_iter();
    let mut out: Vec<Bead> = after.next().unwrap_or_default();
    for (bead, furniture) in beads.into_iter().zip(after) {
        out.push(bead);
        out.extend(furniture);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{test_bead as bead, test_shapes as sides};

    #[test]
    fn furniture_is_found_and_left_out() {
        let units = [
            "One of these is reform,",
            "26/47",
            "on which it decided.",
            "A/70/96214",
        ];
        let (kept_units, ix) = kept(&units).unwrap();
        assert_eq!(
            kept_units,
            ["One of these is reform,", "on which it decided."]
        );
        assert_eq!(ix, [0, 2]);
        assert!(kept(&["Un.", "Deux."]).is_none());
    }

    #[test]
    fn a_page_break_inside_a_sentence_leaves_its_halves_in_one_bead() {
        // Source: 0, 1; target: 0, [1 furniture], 2, 3, [4 furniture]; kept target 0, 2, 3.
        let found = vec![bead(&[0], &[0, 1], 0.8), bead(&[1], &[2], 0.9)];
        let out = restore_over(found, (None, 2), (Some(&[0, 2, 3]), 5));
        assert_eq!(
            sides(&out),
            [
                (vec![0], vec![0, 2]),
                (vec![], vec![1]),
                (vec![1], vec![3]),
                (vec![], vec![4]),
            ]
        );
        assert_eq!(out[1].score, CONFIDENCE);
        assert_eq!(out[0].score, 0.8);
    }

    #[test]
    fn furniture_before_every_unit_and_on_both_sides() {
        // Source: [0 furniture], 1, 2; target: [0 furniture], [1 furniture], 2.
        let found = vec![bead(&[0], &[0], 0.9), bead(&[1], &[], 0.2)];
        let out = restore_over(found, (Some(&[1, 2]), 3), (Some(&[2]), 3));
        assert_eq!(
            sides(&out),
            [
                (vec![0], vec![]),
                (vec![], vec![0]),
                (vec![], vec![1]),
                (vec![1], vec![2]),
                (vec![2], vec![]),
            ]
        );
    }

    #[test]
    fn the_beads_format_writes_furniture_inside_a_merged_bead_apart() {
        use crate::align::multi::MultiBead;
        let fr: Vec<String> = ["Une phrase", "coupée."].map(String::from).to_vec();
        let en: Vec<String> = ["A sentence", "26/47", "cut."].map(String::from).to_vec();
        let merged = MultiBead {
            sides: vec![vec![0, 1], vec![0, 1, 2]],
            score: 0.7,
        };
        let out = split_out(&merged, &[&fr, &en]);
        let sides: Vec<Vec<Vec<usize>>> = out.iter().map(|b| b.sides.clone()).collect();
        assert_eq!(sides, [vec![vec![0, 1], vec![0, 2]], vec![vec![], vec![1]]]);
        assert_eq!((out[0].score, out[1].score), (0.7, CONFIDENCE));
        // A page number alone on its side, or in a bead of furniture only: as it is.
        let one = MultiBead {
            sides: vec![vec![0], vec![1]],
            score: 0.2,
        };
        assert_eq!(split_out(&one, &[&fr, &en]), vec![one]);
        let pages: Vec<String> = ["3/9", "4/9"].map(String::from).to_vec();
        let only = MultiBead {
            sides: vec![vec![0, 1], vec![]],
            score: 0.2,
        };
        assert_eq!(split_out(&only, &[&pages, &en]), vec![only]);
    }

    proptest::proptest! {
        /// Every unit in exactly one bead; furniture alone; the search's beads in their order.
        #[test]
        fn every_unit_once_and_furniture_alone(
            src_furn in proptest::collection::vec(proptest::bool::weighted(0.3), 0..12),
            tgt_furn in proptest::collection::vec(proptest::bool::weighted(0.3), 0..12),
        ) {
            let ix = |f: &[bool]| (0..f.len()).filter(|&i| !f[i]).collect::<Vec<usize>>();
            let (si, ti) = (ix(&src_furn), ix(&tgt_furn));
            // A monotone search result over the kept units: pair them while both last.
            let mut found = Vec::new();
            for k in 0..si.len().max(ti.len()) {
                let s = if k < si.len() { vec![k] } else { vec![] };
                let t = if k < ti.len() { vec![k] } else { vec![] };
                found.push(bead(&s, &t, 0.5));
            }
            let out = restore_over(found.clone(), (Some(&si), src_furn.len()), (Some(&ti), tgt_furn.len()));
            for (furn, src) in [(&src_furn, true), (&tgt_furn, false)] {
                let mut seen = vec![0; furn.len()];
                for b in &out {
                    let side = if src { &b.src } else { &b.tgt };
                    for &i in side {
                        seen[i] += 1;
                        if furn[i] {
                            proptest::prop_assert_eq!(b.src.len() + b.tgt.len(), 1);
                        }
                    }
                }
                proptest::prop_assert!(seen.iter().all(|&n| n == 1));
            }
            let searched: Vec<&Bead> = out.iter().filter(|b| b.score != CONFIDENCE).collect();
            proptest::prop_assert_eq!(searched.len(), found.len());
        }
    }
}
