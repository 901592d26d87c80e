//! Beads joined where a name crosses their boundary.
//!
//! Two translations do not always end their sentences at the same places: « 7. Kangchenjunga,
//! environ 8597 m. Chef Ch. Evans ; » / « équipes du sommet G. Band » against `7. Kangchendzönga,
//! ca. 8597 m, Leiter Ch.` / `Evans, Gipfelmannschaften G. Band`. The programme pairs the
//! sentences one to one (their lengths and the number agree) and the name `Evans`, written on
//! the first side of the boundary in one language and on the second side in the other, is
//! left unexplained by both beads. Such a name says the boundary does not correspond: the two
//! beads are one.
//!
//! A name here is a word of four letters or more that starts with a capital and is written
//! the same in both languages (compared lower-cased); it crosses the boundary between two
//! consecutive beads with units on both sides when the second bead's source and the first
//! bead's target have it and neither the first bead's source nor the second bead's target
//! does, or the reverse, and it stands in the half next to the boundary of at least one of the
//! two sides that have it (the last half of the first bead's side, the first half of the
//! second's). The joined bead may join the next one too, up to [`MAX_SIDE`] units a side; its
//! confidence is the lower of the two.
//!
//! In the same way a source unit and a target unit that the programme left unpaired side by
//! side are paired when they have a name in common (`Swami Pranavananda hat kürzlich …` and
//! `« Swami Pranavananda a récemment publié …`, whose cited issues differ: the numbers made the
//! pair cost more than two omissions).

mod names;
mod numbers;
#[cfg(test)]
mod tests;

use rayon::prelude::*;

use super::Bead;
use names::{names, Name};
use numbers::numbers;

/// The most units a side of a joined bead holds.
const MAX_SIDE: usize = 6;

/// How near the boundary a crossing name stands, on one side at least: in the half of the
/// side next to it. (A name farther in on both sides is another mention: `l'Ukraine` late in
/// one French sentence, `of Ukraine` early in the English sentence before.)
const NEAR: f64 = 0.5;

/// One side of a bead: its units, their texts and their names.
struct Side<'a> {
    ids: &'a [usize],
    texts: &'a [&'a str],
    names: &'a [Vec<Name>],
}

impl Side<'_> {
    fn has(&self, key: u64) -> bool {
        self.ids
            .iter()
            .any(|&i| self.names[i].iter().any(|n| n.key == key))
    }

    /// The relative places (0 at the start of the side's first unit, 1 at the end of its
    /// last) of the first and the last occurrences of the name `key`.
    fn places(&self, key: u64) -> Option<(f64, f64)> {
        let total: usize = self.ids.iter().map(|&i| self.texts[i].len() + 1).sum();
        let (mut first, mut last) = (None, None);
        let mut offset = 0;
        for &i in self.ids {
            for n in self.names[i].iter().filter(|n| n.key == key) {
                let p = (offset + n.at) as f64 / total.max(1) as f64;
                first.get_or_insert(p);
                last = Some(p);
            }
            offset += self.texts[i].len() + 1;
        }
        Some((first?, last?))
    }

    fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.ids
            .iter()
            .flat_map(|&i| self.names[i].iter().map(|n| n.key))
    }
}

/// Whether a name crosses the boundary between beads `a` and `b` (both with units on both
/// sides), given the texts and the names of each source and each target unit.
fn crosses(
    a: &Bead,
    b: &Bead,
    (src, sn): (&[&str], &[Vec<Name>]),
    (tgt, tn): (&[&str], &[Vec<Name>]),
) -> bool {
    let side = |ids, texts, names| Side { ids, texts, names };
    let (s1, s2) = (side(&a.src, src, sn), side(&b.src, src, sn));
    let (t1, t2) = (side(&a.tgt, tgt, tn), side(&b.tgt, tgt, tn));
    // A name of `before` (a side of the first bead) that `after` (the other language's side
    // of the second) has and neither other side does, in the half of one of them next to the
    // boundary.
    let one_way = |before: &Side, after: &Side, others: [&Side; 2]| {
        before.keys().any(|k| {
            after.has(k)
                && others.iter().all(|o| !o.has(k))
                && match (before.places(k), after.places(k)) {
                    (Some((_, last)), Some((first, _))) => (1.0 - last).min(first) <= NEAR,
                    _ => false,
                }
        })
    };
    one_way(&t1, &s2, [&s1, &t2]) || one_way(&s1, &t2, [&s2, &t1])
}

/// Whether `a` and `b` are a source unit and a target unit each left unpaired, side by side,
/// that have a name or a number of three digits or more in common: a pair the programme found
/// too costly (a number the translation changed, a length far from the usual ratio, a
/// paragraph whose translation is missing but for the line glued to its end: « … Point 107 de
/// l'ordre du jour » and `Agenda item 107`), which the name or the number says it is.
fn nulls_named_alike(
    a: &Bead,
    b: &Bead,
    (src, sn): (&[&str], &[Vec<Name>]),
    (tgt, tn): (&[&str], &[Vec<Name>]),
) -> bool {
    let (s, t) = match (&a.src[..], &a.tgt[..], &b.src[..], &b.tgt[..]) {
        (&[s], &[], &[], &[t]) | (&[], &[t], &[s], &[]) => (s, t),
        _ => return false,
    };
    if sn[s].iter().any(|n| tn[t].iter().any(|m| m.key == n.key)) {
        return true;
    }
    let theirs = numbers(tgt[t]);
    numbers(src[s]).iter().any(|n| theirs.contains(n))
}

/// `beads` (in document order) with every two consecutive beads that a name crosses joined,
/// and every source unit and target unit left unpaired side by side that have a name in
/// common paired; for each resulting bead, the indices in `beads` it was made of.
pub(crate) fn join(src: &[&str], tgt: &[&str], beads: Vec<Bead>) -> (Vec<Bead>, Vec<Vec<usize>>) {
    // Each unit's names, both sides at once and the units of each in parallel.
    let names_of = |units: &[&str]| -> Vec<Vec<Name>> {
        units
            .par_iter()
            .with_min_len(256)
            .map(|t| names(t))
            .collect()
    };
    let (sn, tn) = rayon::join(|| names_of(src), || names_of(tgt));
    let mut out: Vec<Bead> = Vec::with_capacity(beads.len());
    let mut parts: Vec<Vec<usize>> = Vec::with_capacity(beads.len());
    for (k, b) in beads.into_iter().enumerate() {
        if let Some(a) = out.last_mut() {
            let pairs =
                !a.src.is_empty() && !a.tgt.is_empty() && !b.src.is_empty() && !b.tgt.is_empty();
            let crossed = pairs
                && a.src.len() + b.src.len() <= MAX_SIDE
                && a.tgt.len() + b.tgt.len() <= MAX_SIDE
                && crosses(a, &b, (src, &sn), (tgt, &tn));
            if crossed || nulls_named_alike(a, &b, (src, &sn), (tgt, &tn)) {
                a.src.extend(&b.src);
                a.tgt.extend(&b.tgt);
                a.score = a.score.min(b.score);
                parts.last_mut().expect("a part for each bead").push(k);
                continue;
            }
        }
        out.push(b);
        parts.push(vec![k]);
    }
    (out, parts)
}
