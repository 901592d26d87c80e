//! Tests of the joins and pairings of `align::crossing`.

use super::names::{key, names};
use super::numbers::numbers;
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
