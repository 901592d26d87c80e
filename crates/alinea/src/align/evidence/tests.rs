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
