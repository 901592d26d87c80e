//! Notes moved in a translation: a footnote or reservation that one language keeps at its
//! place and another moves to the end of the document (the reservations of an IPU
//! resolution, a footnote of a UN resolution) cannot be paired by a monotone alignment,
//! which leaves it without a counterpart on both sides (a `1-0` bead at the pivot's place, a
//! `0-1` bead at the translation's). [`pair_moved`] pairs such notes afterwards: a pivot note
//! without a counterpart in document `d` and a note of `d` without a pivot counterpart are
//! one note when their marks are the same (`*`, `¹` = `1`) and no other note without a
//! counterpart has that mark, or else when their numbers are the same too; the
//! units that follow each (a note's second paragraph, or a second note that the other
//! language wrote as a paragraph), one of each pair unmarked, are paired one to one while
//! their numbers agree. The translation's units move into the pivot's bead, so the
//! alignment is then no longer monotone for that document; the bead's confidence is
//! [`MOVED_CONFIDENCE`], or lower if it was.

use std::collections::HashMap;

use super::multi::MultiBead;
use crate::doc::{Document, UnitKind};
use crate::text::chars::{ascii_digit, superscript_value};

/// The confidence of a bead that received moved notes: paired by mark and numbers only, not
/// by the aligner's evidence.
pub const MOVED_CONFIDENCE: f64 = 0.6;

/// A note's mark for comparison: superscript digits as digits (`¹` = `1`).
fn mark(label: &str) -> String {
    label
        .trim_end_matches(['.', ')'])
        .chars()
        .map(|c| superscript_value(c).unwrap_or(c))
        .collect()
}

/// The numbers of a text (ASCII or Arabic-Indic digit runs, as ASCII), sorted, each once.
fn numbers(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        match Some(c)
            .filter(char::is_ascii_digit)
            .or_else(|| ascii_digit(c))
        {
            Some(d) => cur.push(d),
            None if !cur.is_empty() => out.push(std::mem::take(&mut cur)),
            None => {}
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Where each unit of document `d` stands: its bead, for the units of beads where `d` has
/// units and `other` has none (`free[i]`); `None` for the others.
fn free_units(beads: &[MultiBead], d: usize, other: usize, n: usize) -> Vec<Option<usize>> {
    let mut free = vec![None; n];
    for (b, bead) in beads.iter().enumerate() {
        if bead.sides[other].is_empty() {
            for &i in &bead.sides[d] {
                if let Some(f) = free.get_mut(i) {
                    *f = Some(b);
                }
            }
        }
    }
    free
}

/// Pairs the notes moved between the pivot (`docs[0]`) and each other document (see the
/// module documentation), in place; whether any bead changed.
pub fn pair_moved(beads: &mut Vec<MultiBead>, docs: &[Document]) -> bool {
    let mut changed = false;
    let Some(pivot) = docs.first() else {
        return changed;
    };
    for d in 1..docs.len() {
        if beads.iter().any(|b| b.sides.len() != docs.len()) {
            return changed;
        }
        let doc = &docs[d];
        let free_p = free_units(beads, 0, d, pivot.units.len());
        let free_t = free_units(beads, d, 0, doc.units.len());
        let is_note = |u: &crate::doc::Unit| u.kind == UnitKind::Note && u.label.is_some();
        let mut taken = vec![false; doc.units.len()];
        let notes = |units: &[crate::doc::Unit], free: &[Option<usize>]| -> Vec<usize> {
            (0..units.len())
                .filter(|&i| free[i].is_some() && is_note(&units[i]))
                .collect()
        };
        let (free_notes_p, free_notes_t) =
            (notes(&pivot.units, &free_p), notes(&doc.units, &free_t));
        if free_notes_p.is_empty() || free_notes_t.is_empty() {
            continue;
        }
        // The free notes of d by mark, and how many free pivot notes have each mark.
        let mut by_mark: HashMap<String, Vec<usize>> = HashMap::new();
        for &t in &free_notes_t {
            by_mark
                .entry(mark(doc.units[t].label.as_deref().unwrap_or("")))
                .or_default()
                .push(t);
        }
        let p_marks: Vec<String> = free_notes_p
            .iter()
            .map(|&p| mark(pivot.units[p].label.as_deref().unwrap_or("")))
            .collect();
        let mut rivals: HashMap<&str, usize> = HashMap::new();
        for m in &p_marks {
            *rivals.entry(m.as_str()).or_default() += 1;
        }
        // (pivot unit, unit of d) pairs to make.
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for (&p, pm) in free_notes_p.iter().zip(&p_marks) {
            let pn = numbers(&pivot.units[p].plain);
            let candidates: Vec<usize> = by_mark
                .get(pm)
                .map(|v| v.iter().copied().filter(|&t| !taken[t]).collect())
                .unwrap_or_default();
            // The one note with this mark on both sides; else the one with the same numbers.
            let found = if candidates.len() == 1 && rivals.get(pm.as_str()) == Some(&1) {
                Some(candidates[0])
            } else if pn.is_empty() {
                None
            } else {
                candidates
                    .iter()
                    .copied()
                    .find(|&t| numbers(&doc.units[t].plain) == pn)
            };
            let Some(t) = found else {
                continue;
            };
            taken[t] = true;
            pairs.push((p, t));
            // The note's unmarked paragraphs that follow, one to one while numbers agree.
            let (mut p2, mut t2) = (p + 1, t + 1);
            while p2 < pivot.units.len()
                && t2 < doc.units.len()
                && free_p[p2].is_some()
                && free_t[t2].is_some()
                && !taken[t2]
                && (pivot.units[p2].label.is_none() || doc.units[t2].label.is_none())
                && !numbers(&pivot.units[p2].plain).is_empty()
                && numbers(&pivot.units[p2].plain) == numbers(&doc.units[t2].plain)
            {
                taken[t2] = true;
                pairs.push((p2, t2));
                p2 += 1;
                t2 += 1;
            }
        }
        if pairs.is_empty() {
            continue;
        }
        for &(p, t) in &pairs {
            let (Some(from), Some(to)) = (free_t[t], free_p[p]) else {
                continue;
            };
            // A bead's units on a side stay consecutive.
            let side = &beads[to].sides[d];
            let next_to = |&i: &usize| i + 1 == t || t + 1 == i;
            if !side.is_empty()
                && !side.first().is_some_and(next_to)
                && !side.last().is_some_and(next_to)
            {
                continue;
            }
            changed = true;
            beads[from].sides[d].retain(|&i| i != t);
            // A bead that paired the pivot with another document keeps its confidence when
            // lower.
            let paired = beads[to].filled() > 1;
            let bead = &mut beads[to];
            bead.sides[d].push(t);
            bead.sides[d].sort_unstable();
            bead.score = if paired {
                bead.score.min(MOVED_CONFIDENCE)
            } else {
                MOVED_CONFIDENCE
            };
        }
        beads.retain(|b| b.filled() > 0);
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{from_text, InputMode};
    use crate::Lang;

    /// Every unit of every document in exactly one bead.
    fn covered(beads: &[MultiBead], docs: &[Document]) -> bool {
        docs.iter().enumerate().all(|(d, doc)| {
            let mut seen: Vec<usize> = beads.iter().flat_map(|b| b.sides[d].clone()).collect();
            seen.sort_unstable();
            seen == (0..doc.units.len()).collect::<Vec<_>>()
        })
    }

    #[test]
    fn a_note_moved_to_the_end_joins_its_source_and_every_unit_stays_once() {
        let fr = "Premier alinéa.\n\n* La délégation de l'Inde a exprimé des réserves sur le paragraphe 25.\n\nDeuxième alinéa.\n\nTroisième alinéa.\n";
        let en = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n\n* The delegation of India expressed reservations on paragraph 25.\n";
        let docs = [
            from_text("a.fr.txt".as_ref(), fr, Some(Lang::Fr), InputMode::Auto).unwrap(),
            from_text("a.en.txt".as_ref(), en, Some(Lang::En), InputMode::Auto).unwrap(),
        ];
        assert_eq!(docs[0].units[1].kind, UnitKind::Note);
        let bead = |a: Vec<usize>, b: Vec<usize>| MultiBead {
            sides: vec![a, b],
            score: 0.9,
        };
        let mut beads = vec![
            bead(vec![0], vec![0]),
            bead(vec![1], vec![]),
            bead(vec![2], vec![1]),
            bead(vec![3], vec![2]),
            bead(vec![], vec![3]),
        ];
        assert!(pair_moved(&mut beads, &docs), "a change is told");
        assert!(covered(&beads, &docs));
        assert_eq!(beads.len(), 4);
        assert_eq!(beads[1].sides, [vec![1], vec![3]]);
        assert_eq!(beads[1].score, MOVED_CONFIDENCE);
        // Nothing to pair: the beads are left as they are.
        let before = beads.clone();
        assert!(!pair_moved(&mut beads, &docs), "no change is told");
        assert_eq!(beads, before);
    }

    #[test]
    fn marks_and_numbers() {
        assert_eq!(mark("¹"), "1");
        assert_eq!(mark("*"), "*");
        assert_eq!(mark("⁴"), "4");
        assert_eq!(
            numbers("Supplément n° 10 (E/2017/30), 2017"),
            ["10", "2017", "30"]
        );
        assert_eq!(
            numbers("الملحق رقم ١٠ (E/2017/30)، 2017"),
            ["10", "2017", "30"]
        );
    }
}
