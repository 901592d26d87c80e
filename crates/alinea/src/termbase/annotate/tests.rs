//! Unit tests of `annotate`.
use proptest::prelude::*;

use super::*;
use crate::termbase::normalize::{
    for_each_word, join_stems, lookup_key, skeleton_key, skeleton_word, stem_key, stem_word,
    stemmer, words,
};
use crate::termbase::{Concept, Term};

fn term(lang: Lang, text: &str, status: Status) -> Term {
    let mut t = Term::new(lang, text);
    t.status = Some(status);
    t
}

fn tb() -> Termbase {
    use Status::*;
    let mk = |id: &str, terms: Vec<Term>| Concept {
        id: id.into(),
        terms,
        ..Concept::default()
    };
    Termbase {
        concepts: vec![
            mk(
                "flu",
                vec![
                    term(Lang::En, "flu", Preferred),
                    term(Lang::Fr, "grippe", Preferred),
                ],
            ),
            mk(
                "security-council",
                vec![
                    term(Lang::Fr, "Conseil de sécurité", Preferred),
                    term(Lang::En, "Security Council", Preferred),
                    term(Lang::Ar, "مجلس الأمن", Preferred),
                ],
            ),
            mk("council", vec![term(Lang::En, "council", Admitted)]),
            mk(
                "crime",
                vec![
                    term(Lang::En, "crime", Preferred),
                    term(Lang::Ar, "جريمة", Preferred),
                ],
            ),
            mk("infect", vec![term(Lang::Fr, "infecter", Preferred)]),
            mk("organ", vec![term(Lang::En, "organ", Preferred)]),
            mk("it", vec![term(Lang::En, "IT", Preferred)]),
            mk(
                "cyberspace",
                vec![
                    term(Lang::Fr, "cyberespace", Preferred),
                    term(Lang::Fr, "cyber-espace", Deprecated),
                ],
            ),
            mk(
                "human-rights",
                vec![
                    term(Lang::Fr, "droits de l'homme", Preferred),
                    term(Lang::Ar, "حقوق الإنسان", Preferred),
                ],
            ),
        ],
    }
}

fn found(m: &TermMatcher, text: &str, lang: Lang) -> Vec<(String, String)> {
    m.find(text, &lang)
        .into_iter()
        .map(|t| (text[t.span].to_string(), t.concept))
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn word_boundaries() {
    let m = TermMatcher::new(&tb());
    assert!(found(&m, "Give fluids and rest.", Lang::En).is_empty());
    assert_eq!(
        found(&m, "The flu, (FLU) and councils.", Lang::En),
        pairs(&[("flu", "flu"), ("FLU", "flu"), ("councils", "council")])
    );
    // Over-stemming is refused: "organization" stems to "organ".
    assert!(found(&m, "The organization met.", Lang::En).is_empty());
    assert_eq!(
        found(&m, "Two organs.", Lang::En),
        pairs(&[("organs", "organ")])
    );
}

#[test]
fn longest_match_wins() {
    let m = TermMatcher::new(&tb());
    assert_eq!(
        found(&m, "the Security Council and the council", Lang::En),
        pairs(&[
            ("Security Council", "security-council"),
            ("council", "council")
        ])
    );
    let text = "Le Conseil de sécurité  a décidé";
    let ms = m.find(text, &Lang::Fr);
    assert_eq!(ms.len(), 1);
    assert_eq!(&text[ms[0].span.clone()], "Conseil de sécurité");
    assert_eq!(ms[0].class, MatchClass::Exact);
    assert_eq!(ms[0].term, "Conseil de sécurité");
    assert_eq!(ms[0].status, Some(Status::Preferred));
}

#[test]
fn french_folding_elision_and_plurals() {
    let m = TermMatcher::new(&tb());
    assert_eq!(
        found(
            &m,
            "Les CONSEILS DE SÉCURITÉ, les droits de l’homme.",
            Lang::Fr
        ),
        pairs(&[
            ("CONSEILS DE SÉCURITÉ", "security-council"),
            ("droits de l’homme", "human-rights"),
        ])
    );
    // A stem match of the same word is a match; another word is not.
    assert_eq!(
        found(&m, "elles sont infectées", Lang::Fr),
        pairs(&[("infectées", "infect")])
    );
    assert!(found(&m, "les infectiologues", Lang::Fr).is_empty());
    // Both spellings of one concept, with their own statuses.
    let ms = m.find("le cyber-espace et le cyberespace", &Lang::Fr);
    let st: Vec<_> = ms.iter().map(|t| (t.term.as_str(), t.status)).collect();
    assert_eq!(
        st,
        [
            ("cyber-espace", Some(Status::Deprecated)),
            ("cyberespace", Some(Status::Preferred))
        ]
    );
}

#[test]
fn arabic_clitics_variants_and_broken_plurals() {
    let m = TermMatcher::new(&tb());
    assert_eq!(
        found(&m, "قرر مجلسُ الأمـن ذلك", Lang::Ar),
        pairs(&[("مجلسُ الأمـن", "security-council")])
    );
    assert_eq!(
        found(&m, "وبالجريمة والجرائم", Lang::Ar),
        pairs(&[("وبالجريمة", "crime"), ("والجرائم", "crime")])
    );
    let ms = m.find("الجرائم", &Lang::Ar);
    assert_eq!(ms[0].class, MatchClass::Root);
    assert!(m
        .find_up_to("الجرائم", &Lang::Ar, MatchClass::Stemmed)
        .is_empty());
    assert_eq!(
        found(&m, "وحقوق الإنسان", Lang::Ar),
        pairs(&[("وحقوق الإنسان", "human-rights")])
    );
}

#[test]
fn other_languages_and_empty_texts() {
    let m = TermMatcher::new(&tb());
    assert!(found(&m, "flu", Lang::Fr).is_empty());
    assert!(found(&m, "", Lang::En).is_empty());
    assert!(found(&m, "flu", Lang::Other("de".into())).is_empty());
    assert!(TermMatcher::new(&Termbase::default())
        .find("flu", &Lang::En)
        .is_empty());
}

/// The folded words of `s`, as the matcher keys them.
fn folded(s: &str) -> String {
    join_stems(words(s).into_iter().map(|r| lookup_key(&s[r])))
}

const PIECES: [&str; 24] = [
    "flu",
    "fluids",
    "Security",
    "Council",
    "council",
    " ",
    "  ",
    ", ",
    "’",
    "-",
    "É",
    "é",
    "sécurité",
    "Conseil",
    "de",
    "مجلس",
    "الأمن",
    "الجرائم",
    "جريمة",
    "ـ",
    "\u{064F}",
    "٣",
    "organs",
    "\u{00A0}",
];

proptest! {
    #[test]
    fn spans_are_words_that_key_like_their_term(
        picks in proptest::collection::vec(0..PIECES.len(), 0..20),
        lang in 0..3usize,
    ) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        let lang = [Lang::Fr, Lang::En, Lang::Ar][lang].clone();
        let m = TermMatcher::new(&tb());
        let mut last_end = 0;
        for t in m.find(&text, &lang) {
            prop_assert!(text.is_char_boundary(t.span.start));
            prop_assert!(text.is_char_boundary(t.span.end));
            prop_assert!(t.span.start < t.span.end);
            prop_assert!(t.span.start >= last_end || t.span.start == last_end.min(t.span.start));
            let slice = &text[t.span.clone()];
            let ok = match t.class {
                MatchClass::Exact => slice == t.term,
                MatchClass::Normalised => folded(slice) == folded(&t.term),
                MatchClass::Stemmed => stem_key(slice, &lang) == stem_key(&t.term, &lang),
                _ => skeleton_key(slice) == skeleton_key(&t.term),
            };
            prop_assert!(ok, "{slice:?} vs {:?} ({:?})", t.term, t.class);
            // Whole words: the characters around the span are not word characters.
            let before = text[..t.span.start].chars().next_back();
            let after = text[t.span.end..].chars().next();
            prop_assert!(before.is_none_or(|c| !c.is_alphanumeric()));
            prop_assert!(after.is_none_or(|c| !c.is_alphanumeric()));
            last_end = t.span.end;
        }
    }
}

/// A termbase of terms made of the pieces, in the three languages, some in capitals.
fn random_tb(terms: &[(Vec<usize>, usize, bool)]) -> Termbase {
    let mut tb = tb();
    for (i, (picks, lang, deprecated)) in terms.iter().enumerate() {
        let text: String = picks.iter().map(|&p| PIECES[p]).collect();
        let status = if *deprecated {
            Status::Deprecated
        } else {
            Status::Preferred
        };
        tb.concepts.push(Concept {
            id: format!("r{i}"),
            terms: vec![term(
                [Lang::Fr, Lang::En, Lang::Ar][*lang].clone(),
                &text,
                status,
            )],
            ..Concept::default()
        });
    }
    tb
}

proptest! {
    /// The matcher finds exactly what the reference (the first, straightforward
    /// implementation) finds, in every mode, including on a second pass through the
    /// thread's word cache.
    #[test]
    fn same_matches_as_the_reference(
        picks in proptest::collection::vec(0..PIECES.len(), 0..30),
        terms in proptest::collection::vec(
            (proptest::collection::vec(0..PIECES.len(), 1..5), 0..3usize, any::<bool>()),
            0..12,
        ),
        lang in 0..3usize,
    ) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        let tb = random_tb(&terms);
        let lang = [Lang::Fr, Lang::En, Lang::Ar][lang].clone();
        let fast = TermMatcher::new(&tb);
        let slow = reference::Reference::new(&tb);
        for _ in 0..2 {
            for worst in [MatchClass::Normalised, MatchClass::Stemmed, MatchClass::Root] {
                prop_assert_eq!(
                    fast.find_up_to(&text, &lang, worst),
                    slow.find_up_to(&text, &lang, worst)
                );
                prop_assert_eq!(
                    fast.find_all(&text, &lang, worst),
                    slow.find_all(&text, &lang, worst)
                );
            }
        }
    }
}

#[test]
fn same_matches_as_the_reference_on_prose() {
    let tb = tb();
    let fast = TermMatcher::new(&tb);
    let slow = reference::Reference::new(&tb);
    for (text, lang) in [
        (
            "The Security Council and the councils, the flu (FLU), organs.",
            Lang::En,
        ),
        (
            "Les CONSEILS DE SÉCURITÉ, les droits de l’homme, le cyber-espace.",
            Lang::Fr,
        ),
        (
            "قرر مجلسُ الأمـن ذلك وبالجريمة والجرائم وحقوق الإنسان",
            Lang::Ar,
        ),
    ] {
        assert_eq!(fast.find(text, &lang), slow.find(text, &lang), "{text}");
        assert!(!fast.find(text, &lang).is_empty());
    }
}

/// The trie over word keys relies on this: no character of a word folds to a space, so no
/// word key holds one.
#[test]
fn word_keys_never_hold_a_space() {
    let en = stemmer(&Lang::En);
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let w = c.to_string();
        if words(&w).len() != 1 {
            continue;
        }
        assert!(!lookup_key(&w).contains(' '), "{c:?}");
        assert!(!stem_word(&w, en.as_ref()).contains(' '), "{c:?}");
        let mut s = String::new();
        skeleton_word(&w, &mut s);
        assert!(!s.contains(' '), "{c:?}");
    }
}

#[test]
fn short_words_are_cached_by_their_bytes_long_ones_by_their_text() {
    assert_ne!(short_key("ab"), short_key("a"));
    assert_ne!(short_key("ab"), short_key("ba"));
    assert!(short_key("sixteen-bytes-16").is_some());
    assert!(short_key("seventeen-bytes17").is_none());
    // A word past 16 bytes is found as well as a short one, and told from its prefix.
    let tb = Termbase {
        concepts: vec![Concept {
            id: "c1".into(),
            terms: vec![Term::new(Lang::En, "internationalisation policy")],
            ..Concept::default()
        }],
    };
    let m = TermMatcher::new(&tb);
    for _ in 0..2 {
        let f = m.find(
            "An internationalisation policy, not an internationalisation free policy.",
            &Lang::En,
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, 3..30);
    }
}

proptest! {
    /// `each_word` finds the words `for_each_word` finds.
    #[test]
    fn each_word_is_for_each_word(s in "[a-zA-Z0-9 ,.'’éÉœ\u{300}\u{a0}\u{202f}عربي ـ٣-]{0,40}") {
        let (mut fast, mut plain) = (Vec::new(), Vec::new());
        each_word(&s, |r| fast.push(r));
        for_each_word(&s, |r| plain.push(r));
        prop_assert_eq!(fast, plain);
    }
}
