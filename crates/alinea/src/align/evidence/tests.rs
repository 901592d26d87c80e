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
fn across_scripts_a_symbol_the_target_writes_in_its_letters_is_no_hard_anchor() {
    use crate::align::features::extract;
    use crate::Lang;
    let settings = EvidenceSettings {
        use_lexicon: false,
        anchor_boost: 1.5,
    };
    let fr = extract(
        &["Transfert de 3 postes P-5 (document A/70/123)."],
        &Lang::Fr,
    );
    let ar = extract(&["نقل 3 وظائف ف-5 (الوثيقة A/70/123)."], &Lang::Ar);
    let ev = Evidence::build(&fr, &ar, &PairLexicon::default(), &settings);
    // The numbers and the symbol the target writes are matched: no anchor weight is missing.
    let (_, anchors) = ev.hits(0, 0);
    assert!(anchors > 0.0);
    assert!(
        (ev.src_anchor_mass[0] - anchors).abs() < 1e-5,
        "{:?}",
        ev.src_anchor_mass
    );
    // The same symbol in the same script is a hard anchor, and missing from a target without it.
    let en = extract(&["Transfer of 3 P-4 posts (document A/70/123)."], &Lang::En);
    let ev = Evidence::build(&fr, &en, &PairLexicon::default(), &settings);
    let (_, anchors) = ev.hits(0, 0);
    assert!(ev.src_anchor_mass[0] > anchors + 1.0);
}
