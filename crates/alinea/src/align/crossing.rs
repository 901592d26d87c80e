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
//! second's). The merged bead may merge again with the next one, up to
//! [`MAX_SIDE`] units a side; its confidence is the lower of the two.

use rustc_hash::FxHashMap;

use super::Bead;

/// The most units a side of a merged bead holds.
pub(crate) const MAX_SIDE: usize = 6;

/// How near the boundary a crossing name stands, on one side at least: in the half of the
/// side next to it. (A name farther in on both sides is another mention: `l'Ukraine` late in
/// one French sentence, `of Ukraine` early in the English sentence before.)
const NEAR: f64 = 0.5;

/// A unit's names, each with its byte offset ([`names`]).
type Names = Vec<(String, usize)>;

/// The names of a unit (words of four letters or more starting with a capital, lower-cased),
/// each with its byte offset.
fn names(text: &str) -> Names {
    let mut out = Vec::new();
    let mut at = 0;
    for w in text.split(|c: char| !c.is_alphabetic()) {
        let mut chars = w.chars();
        if chars.next().is_some_and(char::is_uppercase) && chars.count() >= 3 {
            out.push((w.to_lowercase(), at));
        }
        at += w.len();
        // The separator after the word (one character, whatever its length).
        at += text[at..].chars().next().map_or(0, char::len_utf8);
    }
    out
}

/// The names of one side of a bead, each with the relative places (0 at the start of the
/// side's first unit, 1 at the end of its last) of its first and last occurrences.
struct Side<'a> {
    at: FxHashMap<&'a str, (f64, f64)>,
}

impl<'a> Side<'a> {
    fn new(ids: &[usize], texts: &[&str], names: &'a [Names]) -> Side<'a> {
        let total: usize = ids.iter().map(|&i| texts[i].len() + 1).sum();
        let mut at: FxHashMap<&'a str, (f64, f64)> = FxHashMap::default();
        let mut offset = 0;
        for &i in ids {
            for (n, o) in &names[i] {
                let p = (offset + o) as f64 / total.max(1) as f64;
                at.entry(n.as_str())
                    .and_modify(|e| e.1 = p)
                    .or_insert((p, p));
            }
            offset += texts[i].len() + 1;
        }
        Side { at }
    }

    fn has(&self, n: &str) -> bool {
        self.at.contains_key(n)
    }
}

/// Whether a name crosses the boundary between beads `a` and `b` (both with units on both
/// sides), given the texts and the names of each source and each target unit.
fn crosses(
    a: &Bead,
    b: &Bead,
    (src, sn): (&[&str], &[Names]),
    (tgt, tn): (&[&str], &[Names]),
) -> bool {
    let (s1, s2) = (Side::new(&a.src, src, sn), Side::new(&b.src, src, sn));
    let (t1, t2) = (Side::new(&a.tgt, tgt, tn), Side::new(&b.tgt, tgt, tn));
    // A name of `before` (a side of the first bead) that `after` (the other language's side
    // of the second) has and neither other side does, in the half of one of them next to the
    // boundary.
    let one_way = |before: &Side, after: &Side, others: [&Side; 2]| {
        before.at.iter().any(|(n, &(_, last))| {
            after.at.get(n).is_some_and(|&(first, _)| {
                others.iter().all(|o| !o.has(n)) && (1.0 - last).min(first) <= NEAR
            })
        })
    };
    one_way(&t1, &s2, [&s1, &t2]) || one_way(&s1, &t2, [&s2, &t1])
}

/// `beads` (in document order) with every two consecutive beads that a name crosses joined,
/// and for each resulting bead the indices in `beads` it was made of.
pub(crate) fn join(src: &[&str], tgt: &[&str], beads: Vec<Bead>) -> (Vec<Bead>, Vec<Vec<usize>>) {
    let sn: Vec<Names> = src.iter().map(|t| names(t)).collect();
    let tn: Vec<Names> = tgt.iter().map(|t| names(t)).collect();
    let mut out: Vec<Bead> = Vec::with_capacity(beads.len());
    let mut parts: Vec<Vec<usize>> = Vec::with_capacity(beads.len());
    for (k, b) in beads.into_iter().enumerate() {
        if let Some(a) = out.last_mut() {
            let pairs =
                !a.src.is_empty() && !a.tgt.is_empty() && !b.src.is_empty() && !b.tgt.is_empty();
            if pairs
                && a.src.len() + b.src.len() <= MAX_SIDE
                && a.tgt.len() + b.tgt.len() <= MAX_SIDE
                && crosses(a, &b, (src, &sn), (tgt, &tn))
            {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(src: &[usize], tgt: &[usize], score: f64) -> Bead {
        Bead {
            src: src.to_vec(),
            tgt: tgt.to_vec(),
            score,
        }
    }

    fn words(text: &str) -> Vec<String> {
        names(text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn names_are_capitalised_words_of_four_letters_or_more_with_their_offsets() {
        let text = "7. Kangchenjunga, environ 8597 m. Chef Ch.Evans ; G.Band-J. Été";
        assert_eq!(words(text), ["kangchenjunga", "chef", "evans", "band"]);
        for (n, at) in names(text) {
            assert_eq!(text[at..].to_lowercase().find(&n), Some(0), "{n} at {at}");
        }
        let text = "« Österreich » und Évian-les-Bains";
        for (n, at) in names(text) {
            assert_eq!(text[at..].to_lowercase().find(&n), Some(0), "{n} at {at}");
        }
        assert_eq!(words(text), ["österreich", "évian", "bains"]);
        assert!(words("le 11 mai , Kato et Higeta").contains(&"higeta".to_string()));
        assert!(words("Nur persönliche Berichte sind frei .").contains(&"berichte".to_string()));
        assert!(words("وصدقت فرنسا لاحقا").is_empty());
    }

    #[test]
    fn a_name_across_the_boundary_joins_two_beads() {
        let src = [
            "7. Kangchendzönga , ca. 8597 m , Leiter Ch .",
            "Evans , Gipfelmannschaften G. Band-J .",
            "Brown .",
        ];
        let tgt = [
            "7. Kangchenjunga , environ 8597 m. Chef Ch.Evans ;",
            "équipes du sommet G.Band-J .",
            "Brown .",
        ];
        let beads = vec![
            bead(&[0], &[0], 0.9),
            bead(&[1], &[1], 0.4),
            bead(&[2], &[2], 0.8),
        ];
        let (out, parts) = join(&src, &tgt, beads);
        assert_eq!(
            out,
            vec![bead(&[0, 1], &[0, 1], 0.4), bead(&[2], &[2], 0.8)]
        );
        assert_eq!(parts, vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn a_name_on_both_sides_of_a_bead_or_of_the_boundary_joins_nothing() {
        // `Evans` in both sources: the boundary may well be right.
        let src = ["Evans leitete .", "Evans und Band ."];
        let tgt = ["Evans dirigeait .", "avec Band ."];
        let beads = vec![bead(&[0], &[0], 0.9), bead(&[1], &[1], 0.9)];
        assert_eq!(join(&src, &tgt, beads.clone()).0, beads);
        // The name where each bead's sides agree: nothing crosses.
        let src = ["Evans leitete .", "Band folgte ."];
        let tgt = ["Evans dirigeait .", "Band suivait ."];
        assert_eq!(join(&src, &tgt, beads.clone()).0, beads);
        // A bead with one side empty is never joined.
        let src = ["Evans leitete .", "Band folgte ."];
        let tgt = ["Chef Band ."];
        let beads = vec![bead(&[0], &[0], 0.9), bead(&[1], &[], 0.2)];
        assert_eq!(join(&src, &tgt, beads.clone()).0, beads);
    }

    #[test]
    fn a_name_far_from_the_boundary_on_both_sides_is_another_mention() {
        let src = [
            "La déclaration du Ministère ukrainien (voir annexe).",
            "Ce scandale n'est qu'un exemple de la politique inique pour discréditer l'Ukraine dans son ensemble.",
        ];
        let tgt = [
            "The statement of Ukraine on the arrest of the deputy chairman of the Mejlis of the Crimean Tatar people (see annex).",
            "This example is everything Ukrainian.",
        ];
        let beads = vec![bead(&[0], &[0], 0.9), bead(&[1], &[1], 0.9)];
        assert_eq!(join(&src, &tgt, beads.clone()).0, beads);
        // The same name next to the boundary in the second French sentence: joined.
        let src = [
            src[0],
            "L'Ukraine dans son ensemble est visée par une politique qui intimide.",
        ];
        let (out, _) = join(&src, &tgt, beads);
        assert_eq!(out, vec![bead(&[0, 1], &[0, 1], 0.9)]);
    }

    #[test]
    fn merged_beads_stay_within_the_side_limit() {
        // Every boundary crossed by a name of its own: the chain stops at MAX_SIDE a side.
        let n = MAX_SIDE + 3;
        let src: Vec<String> = (0..n)
            .map(|i| format!("Name{} text", (b'a' + i as u8) as char))
            .collect();
        let tgt: Vec<String> = (0..n)
            .map(|i| match i {
                0 => "start".to_string(),
                _ => format!("Name{} text", (b'a' + i as u8 - 1) as char),
            })
            .collect();
        let (s, t): (Vec<&str>, Vec<&str>) = (
            src.iter().map(String::as_str).collect(),
            tgt.iter().map(String::as_str).collect(),
        );
        let beads: Vec<Bead> = (0..n).map(|i| bead(&[i], &[i], 0.5)).collect();
        let (out, parts) = join(&s, &t, beads);
        assert!(out
            .iter()
            .all(|b| b.src.len() <= MAX_SIDE && b.tgt.len() <= MAX_SIDE));
        assert_eq!(out[0].src.len(), MAX_SIDE);
        assert_eq!(parts.iter().map(Vec::len).sum::<usize>(), n);
        // Every unit still in exactly one bead, in order.
        let all: Vec<usize> = out.iter().flat_map(|b| b.src.clone()).collect();
        assert_eq!(all, (0..n).collect::<Vec<_>>());
    }
}
