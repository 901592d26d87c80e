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

use super::Bead;

/// The most units a side of a joined bead holds.
const MAX_SIDE: usize = 6;

/// How near the boundary a crossing name stands, on one side at least: in the half of the
/// side next to it. (A name farther in on both sides is another mention: `l'Ukraine` late in
/// one French sentence, `of Ukraine` early in the English sentence before.)
const NEAR: f64 = 0.5;

/// A name of a unit: a key of its lower-cased letters and its byte offset.
#[derive(Clone, Copy, Debug)]
struct Name {
    key: u64,
    at: usize,
}

/// The key of a word: a hash of its lower-cased letters (two names alike but for their
/// capitals have the same key).
fn key(word: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    if word.is_ascii() {
        // The same values as below, without decoding.
        for b in word.bytes() {
            h.write_u32(u32::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            h.write_u32(c as u32);
        }
    }
    h.finish()
}

/// The character at byte `i` of `text` (a character boundary) and its length.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let c = text[i..].chars().next().expect("a character at a boundary");
    (c, c.len_utf8())
}

/// Whether the character at byte `i` (a lead byte `b`) may be a capital: ASCII capitals,
/// and the capitals of the other scripts, but for the caseless block U+0600–U+07FF (Arabic,
/// Syriac, Thaana, N'Ko), whose lead bytes are 0xD8–0xDF.
fn capital_at(text: &str, i: usize, b: u8) -> bool {
    match b {
        b'A'..=b'Z' => true,
        0..=0x7f | 0xd8..=0xdf => false,
        _ => char_at(text, i).0.is_uppercase(),
    }
}

/// The first byte from `i` on that is an ASCII capital or not ASCII (or the end): eight
/// bytes at a time while none is.
fn next_interesting(bytes: &[u8], mut i: usize) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let low = w & LOW;
        // The high bit of each byte: set from 0x41 ('A') on, and from 0x5B (after 'Z') on.
        let from_a = low + 0x3f3f_3f3f_3f3f_3f3f;
        let after_z = low + 0x2525_2525_2525_2525;
        if (w | (from_a & !after_z)) & HI != 0 {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && !(bytes[i].is_ascii_uppercase() || bytes[i] >= 0x80) {
        i += 1;
    }
    i
}

/// Whether the character before byte `i` is a letter.
fn letter_before(text: &str, i: usize) -> bool {
    match text.as_bytes()[..i].last() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic),
    }
}

/// The names of a unit: its words of four letters or more starting with a capital. (Only
/// the capitals that start a word are looked at closely; ASCII text without capitals is
/// skipped eight bytes at a time.)
fn names(text: &str) -> Vec<Name> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        i = next_interesting(bytes, i);
        if i == bytes.len() {
            break;
        }
        let b = bytes[i];
        if !capital_at(text, i, b) || letter_before(text, i) {
            i += if b < 0x80 { 1 } else { char_at(text, i).1 };
            continue;
        }
        // A word starts with a capital: read it whole.
        let from = i;
        let mut letters = 0;
        while i < bytes.len() {
            let (letter, len) = match bytes[i] {
                b if b < 0x80 => (b.is_ascii_alphabetic(), 1),
                _ => {
                    let (c, len) = char_at(text, i);
                    (c.is_alphabetic(), len)
                }
            };
            if !letter {
                break;
            }
            letters += 1;
            i += len;
        }
        if letters >= 4 {
            out.push(Name {
                key: key(&text[from..i]),
                at: from,
            });
        }
    }
    out
}

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

/// The numbers of three digits or more in `text`, as their digits without leading zeros:
/// groups of three after a space, a no-break space, a comma or a full stop are one number
/// (`350 000`, `350,000`, `1.731` — and `1 731,3` reads as 1731 and 3, `1,731.5` as 1731 and
/// 5, so their integer parts meet); Arabic-Indic digits read as ASCII ones.
fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |k: usize| {
        chars.get(k).and_then(|&c| match c.is_ascii_digit() {
            true => Some(c),
            false => crate::text::chars::ascii_digit(c),
        })
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if digit(k).is_none() {
            k += 1;
            continue;
        }
        let mut n = String::new();
        while let Some(d) = digit(k) {
            n.push(d);
            k += 1;
            // A thousands separator: one of these, then three digits and no fourth.
            let sep = matches!(chars.get(k), Some(' ' | '\u{a0}' | '\u{202f}' | ',' | '.'));
            if digit(k).is_none()
                && sep
                && (1..=3).all(|j| digit(k + j).is_some())
                && digit(k + 4).is_none()
            {
                k += 1;
            }
        }
        let n = n.trim_start_matches('0');
        if n.len() >= 3 {
            out.push(n.to_string());
        }
    }
    out
}

/// `beads` (in document order) with every two consecutive beads that a name crosses joined,
/// and every source unit and target unit left unpaired side by side that have a name in
/// common paired; for each resulting bead, the indices in `beads` it was made of.
pub(crate) fn join(src: &[&str], tgt: &[&str], beads: Vec<Bead>) -> (Vec<Bead>, Vec<Vec<usize>>) {
    let sn: Vec<Vec<Name>> = src.iter().map(|t| names(t)).collect();
    let tn: Vec<Vec<Name>> = tgt.iter().map(|t| names(t)).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::test_bead as bead;

    /// The names of `text` as the words they stand for, lower-cased, checked against their keys.
    fn words(text: &str) -> Vec<String> {
        names(text)
            .into_iter()
            .map(|n| {
                let w: String = text[n.at..]
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                assert_eq!(key(&w), n.key, "{w}");
                w.to_lowercase()
            })
            .collect()
    }

    #[test]
    fn names_are_capitalised_words_of_four_letters_or_more() {
        let text = "7. Kangchenjunga, environ 8597 m. Chef Ch.Evans ; G.Band-J. Été";
        assert_eq!(words(text), ["kangchenjunga", "chef", "evans", "band"]);
        assert_eq!(
            words("« Österreich » und Évian-les-Bains"),
            ["österreich", "évian", "bains"]
        );
        assert!(words("le 11 mai , Kato et Higeta").contains(&"higeta".to_string()));
        assert!(words("Nur persönliche Berichte sind frei .").contains(&"berichte".to_string()));
        assert!(words("وصدقت فرنسا لاحقا").is_empty());
        // A name alike but for its capitals has the same key.
        assert_eq!(key("EVANS"), key("Evans"));
        assert_eq!(key("ÉVIAN"), key("Évian"));
        // The ASCII path gives what the general one would.
        let general = |w: &str| {
            use std::hash::Hasher;
            let mut h = rustc_hash::FxHasher::default();
            w.chars()
                .flat_map(char::to_lowercase)
                .for_each(|c| h.write_u32(c as u32));
            h.finish()
        };
        assert_eq!(key("Evans"), general("Evans"));
        assert_ne!(key("Evans"), key("Evan"));
    }

    /// The names of `text` found the plain way: split on what is not a letter.
    fn plain_names(text: &str) -> Vec<(u64, usize)> {
        let mut out = Vec::new();
        let mut at = 0;
        for w in text.split(|c: char| !c.is_alphabetic()) {
            let mut chars = w.chars();
            if chars.next().is_some_and(char::is_uppercase) && chars.count() >= 3 {
                out.push((key(w), at));
            }
            at += w.len();
            at += text[at..].chars().next().map_or(0, char::len_utf8);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn names_are_those_of_the_plain_reading(
            text in "([a-zA-Z]{1,7}|[ÉéÖöÀ]|[ابت]{1,3}|Ḥ|[ .,'0-9-]|ⅠⅡ){0,40}"
        ) {
            let got: Vec<(u64, usize)> = names(&text).into_iter().map(|n| (n.key, n.at)).collect();
            proptest::prop_assert_eq!(got, plain_names(&text));
        }

        #[test]
        fn joining_keeps_every_unit_once_and_in_order(
            // Each bead: how many source and target units (0 to 3; not both 0), its score.
            shapes in proptest::collection::vec((0usize..4, 0usize..4, 0.0f64..1.0), 1..30),
            // Each unit's text: a few of six names and common words.
            words in proptest::collection::vec(
                proptest::collection::vec(0usize..9, 0..5), 120)
        ) {
            const VOCAB: [&str; 9] =
                ["Evans", "Band", "Brown", "Kato", "Higeta", "Makalu", "le", "und", "sommet"];
            let shapes: Vec<_> = shapes.into_iter().filter(|&(a, b, _)| a + b > 0).collect();
            let (n, m) = shapes.iter().fold((0, 0), |(n, m), &(a, b, _)| (n + a, m + b));
            let text = |k: usize| -> String {
                words[k % words.len()].iter().map(|&w| VOCAB[w]).collect::<Vec<_>>().join(" ")
            };
            let src: Vec<String> = (0..n).map(text).collect();
            let tgt: Vec<String> = (0..m).map(|k| text(k + 60)).collect();
            let (src, tgt): (Vec<&str>, Vec<&str>) = (
                src.iter().map(String::as_str).collect(),
                tgt.iter().map(String::as_str).collect(),
            );
            let (mut i, mut j) = (0, 0);
            let beads: Vec<Bead> = shapes
                .iter()
                .map(|&(a, b, score)| {
                    let out = bead(&(i..i + a).collect::<Vec<_>>(), &(j..j + b).collect::<Vec<_>>(), score);
                    (i, j) = (i + a, j + b);
                    out
                })
                .collect();
            let (out, parts) = join(&src, &tgt, beads.clone());
            // Every unit once, in order, on both sides.
            let all_src: Vec<usize> = out.iter().flat_map(|b| b.src.clone()).collect();
            let all_tgt: Vec<usize> = out.iter().flat_map(|b| b.tgt.clone()).collect();
            proptest::prop_assert_eq!(all_src, (0..n).collect::<Vec<_>>());
            proptest::prop_assert_eq!(all_tgt, (0..m).collect::<Vec<_>>());
            // Each joined bead is its parts, consecutive, with the lowest of their scores;
            // a bead of one part is the bead as it was.
            proptest::prop_assert_eq!(parts.iter().flatten().copied().collect::<Vec<_>>(), (0..beads.len()).collect::<Vec<_>>());
            for (b, p) in out.iter().zip(&parts) {
                if p.len() == 1 {
                    proptest::prop_assert_eq!(b, &beads[p[0]]);
                } else {
                    proptest::prop_assert!(b.src.len() <= MAX_SIDE && b.tgt.len() <= MAX_SIDE);
                    // Pairs only, but for a first source unit and target unit left unpaired
                    // side by side, which pairing made a pair.
                    let pair = |k: usize| !beads[k].src.is_empty() && !beads[k].tgt.is_empty();
                    let rest = if pair(p[0]) {
                        &p[..]
                    } else {
                        let (x, y) = (&beads[p[0]], &beads[p[1]]);
                        proptest::prop_assert_eq!(x.src.len() + x.tgt.len(), 1);
                        proptest::prop_assert_eq!(y.src.len() + y.tgt.len(), 1);
                        proptest::prop_assert_eq!(x.src.len(), y.tgt.len());
                        &p[2..]
                    };
                    proptest::prop_assert!(rest.iter().all(|&k| pair(k)));
                    let low = p.iter().map(|&k| beads[k].score).fold(f64::INFINITY, f64::min);
                    proptest::prop_assert_eq!(b.score, low);
                }
            }
        }
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
    fn units_left_unpaired_side_by_side_are_paired_by_a_name() {
        let src = [
            "Der Gipfel wurde erreicht .",
            "Swami Pranavananda hat einen Artikel geschrieben ( Nr. 292 , May 1956 ) .",
            "Endlich .",
        ];
        let tgt = [
            "Le sommet fut atteint .",
            "« Swami Pranavananda a publié un article ( voir Les Alpes , octobre 1955 ) .",
            "Enfin .",
        ];
        let beads = vec![
            bead(&[0], &[0], 0.9),
            bead(&[1], &[], 0.2),
            bead(&[], &[1], 0.1),
            bead(&[2], &[2], 0.8),
        ];
        let (out, parts) = join(&src, &tgt, beads);
        assert_eq!(
            out,
            vec![
                bead(&[0], &[0], 0.9),
                bead(&[1], &[1], 0.1),
                bead(&[2], &[2], 0.8)
            ]
        );
        assert_eq!(parts, vec![vec![0], vec![1, 2], vec![3]]);
        // Without a name in common, or not side by side, they stay as they are.
        let tgt = [tgt[0], "Un article a paru ( voir octobre 1955 ) .", tgt[2]];
        let beads = vec![
            bead(&[0], &[0], 0.9),
            bead(&[1], &[], 0.2),
            bead(&[], &[1], 0.1),
        ];
        assert_eq!(join(&src, &tgt, beads.clone()).0, beads);
        let tgt = [
            "Le sommet fut atteint .",
            "Enfin .",
            "« Swami Pranavananda a publié un article .",
        ];
        let beads = vec![
            bead(&[0], &[0], 0.9),
            bead(&[1], &[], 0.2),
            bead(&[2], &[1], 0.8),
            bead(&[], &[2], 0.1),
        ];
        assert_eq!(join(&src, &tgt, beads.clone()).0, beads);
    }

    #[test]
    fn units_left_unpaired_side_by_side_are_paired_by_a_number() {
        // The French paragraph's translation is missing but for the line glued to its end.
        let src = [
            "Ces actes ont fait 17 186 morts parmi les civils. Point 107 de l'ordre du jour",
            "Suite .",
        ];
        let tgt = ["Agenda item 107", "Next ."];
        let beads = vec![
            bead(&[0], &[], 0.2),
            bead(&[], &[0], 0.1),
            bead(&[1], &[1], 0.8),
        ];
        let (out, _) = join(&src, &tgt, beads);
        assert_eq!(out, vec![bead(&[0], &[0], 0.1), bead(&[1], &[1], 0.8)]);
        // Numbers of one or two digits say nothing.
        let src = ["Il y avait 12 cas .", "Suite ."];
        let tgt = ["Item 12", "Next ."];
        let beads = vec![
            bead(&[0], &[], 0.2),
            bead(&[], &[0], 0.1),
            bead(&[1], &[1], 0.8),
        ];
        assert_eq!(join(&src, &tgt, beads.clone()).0, beads);
    }

    #[test]
    fn numbers_read_across_separators_and_scripts() {
        assert_eq!(
            numbers("2016-2017 (objectif) : 350 000"),
            ["2016", "2017", "350000"]
        );
        assert_eq!(
            numbers("Target 2016 - 2017: 350,000"),
            ["2016", "2017", "350000"]
        );
        // The integer parts of `1 731,3` and `1,731.5` meet.
        assert_eq!(numbers("1 731,3 millions"), ["1731"]);
        assert_eq!(numbers("$1,731.5 million"), ["1731"]);
        assert_eq!(numbers("ما مجموعه ٥٥٠ منحة في عام 2002"), ["550", "2002"]);
        // Leading zeros go; a fourth digit after a separator is another number; short ones
        // are left out.
        assert_eq!(numbers("No 0042, 1,2345 et 12"), ["2345"]);
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
