//! Unit tests of `evidence`.
use super::*;

proptest::proptest! {
    #[test]
    fn levenshtein_matches_strsim(a in "[a-eé]{0,20}", b in "[a-eé]{0,60}") {
        proptest::prop_assert_eq!(levenshtein(&a, &b), strsim::levenshtein(&a, &b));
        proptest::prop_assert_eq!(levenshtein(&b, &a), strsim::levenshtein(&b, &a));
    }
}

#[test]
fn cognates() {
    assert!(cognate("organisation", "organization"));
    assert!(cognate("developpement", "development"));
    assert!(cognate("principes", "principles"));
    assert!(!cognate("maison", "house"));
    assert!(!cognate("pour", "poor"));
}

#[test]
fn cognate_distance_matches_the_full_strings() {
    let words = [
        "organisation",
        "organization",
        "organisations",
        "developpement",
        "development",
        "developing",
        "principes",
        "principles",
        "principal",
        "résolution",
        "résolutions",
        "resolution",
    ];
    for a in words {
        for b in words {
            let p = common_prefix(a, b);
            let (la, lb) = (a.chars().count(), b.chars().count());
            let full = p >= 4
                && la.abs_diff(lb) * 4 <= la.max(lb)
                && strsim::normalized_levenshtein(a, b) >= 0.75;
            let short = p >= 6 || (p >= 4 && p * 10 >= la.max(lb) * 6);
            assert_eq!(cognate(a, b), short || full, "{a} {b}");
        }
    }
}

#[test]
fn a_symbol_the_other_document_writes_its_own_way_is_no_hard_anchor() {
    use crate::align::features::extract;
    use crate::Lang;
    let settings = EvidenceSettings {
        use_lexicon: false,
        anchor_boost: 1.5,
    };
    // No anchor weight is missing when the numbers and the symbols both write match.
    let no_miss = |ev: &Evidence| {
        let (_, anchors) = ev.hits(0, 0);
        assert!(anchors > 0.0);
        let miss = ev.src_anchor_mass[0] + ev.tgt_anchor_mass[0] - 2.0 * anchors;
        assert!(miss.abs() < 1e-4, "{miss}");
    };
    let fr = extract(
        &["Transfert de 3 postes P-5 (document A/70/123)."],
        &Lang::Fr,
    );
    // Across scripts: `ف-5` for `P-5`.
    let ar = extract(&["نقل 3 وظائف ف-5 (الوثيقة A/70/123)."], &Lang::Ar);
    no_miss(&Evidence::build(
        &fr,
        &ar,
        &PairLexicon::default(),
        &settings,
    ));
    // In one script: a series acronym and a date each language writes its own way.
    let fr2 = extract(
        &["Décisions 2006/928/CE et 2003/568/JAI du 27/01/1999."],
        &Lang::Fr,
    );
    let en2 = extract(
        &["Decisions 2006/928/EC and 2003/568/JHA of 27 January 1999."],
        &Lang::En,
    );
    // (The date in digits anchors by its day and its year: see `features`.)
    no_miss(&Evidence::build(
        &fr2,
        &en2,
        &PairLexicon::default(),
        &settings,
    ));
    // A symbol both documents write is a hard anchor: missing from a unit, it costs.
    let en = extract(
        &[
            "Transfer of 3 P-5 posts (document A/70/123).",
            "Transfer of 3 P-5 posts.",
        ],
        &Lang::En,
    );
    let fr3 = extract(
        &[
            "Transfert de 3 postes P-5 (document A/70/123).",
            "Transfert de 3 postes P-5 (document A/70/123).",
        ],
        &Lang::Fr,
    );
    let ev = Evidence::build(&fr3, &en, &PairLexicon::default(), &settings);
    let (_, anchors) = ev.hits(1, 1);
    assert!(ev.src_anchor_mass[1] > anchors + 1.0);
    // And a number that differs still does (`P-4` against `P-5`).
    let en4 = extract(&["Transfer of 3 P-4 posts (document A/70/123)."], &Lang::En);
    let ev = Evidence::build(&fr, &en4, &PairLexicon::default(), &settings);
    let (_, anchors) = ev.hits(0, 0);
    assert!(ev.src_anchor_mass[0] > anchors);
}

#[test]
fn words_are_learned_alike_in_any_blocks() {
    use crate::align::features::extract;
    use crate::Lang;
    let settings = EvidenceSettings {
        use_lexicon: false,
        anchor_boost: 1.5,
    };
    // Pairs of units whose words recur together (`maison` with `house` …).
    let fr_words = [
        "maison", "jardin", "soleil", "fleuve", "montagne", "village", "forêt",
    ];
    let en_words = [
        "house", "garden", "sunlight", "stream", "mountain", "hamlet", "woodland",
    ];
    let unit = |words: &[&str], k: usize| {
        format!(
            "{} {} {}",
            words[k % 7],
            words[(k / 7) % 7],
            words[(k * 3 + 1) % 7]
        )
    };
    let fr: Vec<String> = (0..40).map(|k| unit(&fr_words, k)).collect();
    let en: Vec<String> = (0..40).map(|k| unit(&en_words, k)).collect();
    let fr: Vec<&str> = fr.iter().map(String::as_str).collect();
    let en: Vec<&str> = en.iter().map(String::as_str).collect();
    let (src, tgt) = (extract(&fr, &Lang::Fr), extract(&en, &Lang::En));
    let build = || Evidence::build(&src, &tgt, &PairLexicon::default(), &settings);
    let pairs: Vec<(usize, usize)> = (0..40).map(|k| (k, k)).collect();
    let state = |e: &Evidence| format!("{:?} {:?} {:?}", e.cands, e.tgt_keys, e.tgt_mass);
    let learned = |block: usize| {
        let mut e = build();
        e.learn_in_blocks(&pairs, 2, 0.4, block);
        state(&e)
    };
    let whole = learned(usize::MAX);
    // Something was learned, and the same in blocks of one, two and three stems.
    assert_ne!(whole, state(&build()));
    for block in [1, 2, 3] {
        assert_eq!(learned(block), whole, "blocks of {block}");
    }
}
