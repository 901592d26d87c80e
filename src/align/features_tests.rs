//! Unit tests of `features`.
use super::*;

#[test]
fn tokens_keep_symbols_and_grouped_numbers() {
    let text = "Voir A/RES/74/247, soit 100 000 dollars (3,5 %) le 12 mai.";
    let (mut c, mut r) = (Vec::new(), Vec::new());
    tokens(text, &mut c, &mut r);
    let t: Vec<&str> = r.iter().map(|&(a, b)| &text[a..b]).collect();
    assert_eq!(
        t,
        vec![
            "Voir",
            "A/RES/74/247",
            "soit",
            "100 000",
            "dollars",
            "3,5",
            "le",
            "12",
            "mai"
        ]
    );
}

#[test]
fn arabic_clitics_before_numbers_are_not_part_of_them() {
    let mut fr = Vec::new();
    let mut ar = Vec::new();
    number_anchors("60/1", &mut fr);
    number_anchors("و60/1", &mut ar);
    assert_eq!(fr, ar);
    let mut ar = Vec::new();
    number_anchors("الـ146", &mut ar);
    assert_eq!(ar, vec!["n:146".to_string()]);
}

#[test]
fn anchors_agree_across_scripts() {
    let fr = extract(
        &["10. Voir la résolution 73/187 (100 000 personnes)."],
        &Lang::Fr,
    );
    let ar = extract(&["١٠- انظر القرار 73/187 (100000 شخص)."], &Lang::Ar);
    let en = extract(&["10. See resolution 73/187 (100,000 people)."], &Lang::En);
    for a in ["n:10", "s:73/187", "n:73", "n:187", "n:100000"] {
        assert!(fr.units[0].anchors.iter().any(|x| x == a), "fr {a}");
        assert!(ar.units[0].anchors.iter().any(|x| x == a), "ar {a}");
        assert!(en.units[0].anchors.iter().any(|x| x == a), "en {a}");
    }
    assert_eq!(ar.script, Script::Arabic);
    assert_eq!(fr.script, Script::Latin);
}

#[test]
fn labels_urls_and_names() {
    let fr = extract(
        &["(b) Le PNUD et l'UNICEF, voir https://undocs.org/fr/A/1."],
        &Lang::Fr,
    );
    let ar = extract(
        &["(ب) برنامج UNDP، انظر https://undocs.org/fr/A/1."],
        &Lang::Ar,
    );
    assert!(fr.units[0].anchors.contains(&"p:b".to_string()));
    assert!(ar.units[0].anchors.contains(&"p:b".to_string()));
    assert!(fr.units[0]
        .anchors
        .contains(&"u:https://undocs.org/fr/a/1".to_string()));
    assert!(ar.units[0]
        .anchors
        .contains(&"u:https://undocs.org/fr/a/1".to_string()));
    assert!(ar.units[0].latin_names.contains(&"undp".to_string()));
    assert!(fr.units[0].latin_names.contains(&"unicef".to_string()));
}

#[test]
fn deaccenting() {
    assert_eq!(deaccent("développement"), "developpement");
    assert_eq!(deaccent("œuvre"), "ouvre");
    assert_eq!(deaccent("größe"), "grose");
    assert_eq!(deaccent("plain"), "plain");
}

#[test]
fn arabic_light_stems() {
    let st = |w: &str| arabic_light_stem(&fold_arabic(w));
    assert_eq!(st("والمنظمات"), st("منظمة"));
    assert_eq!(st("بالدورة"), st("الدورة"));
    assert_eq!(st("للجنة"), "جنه");
    assert_eq!(st("من"), "من");
}

#[test]
fn arabic_folding() {
    assert_eq!(fold_arabic("إِلَى"), "الي");
    assert_eq!(fold_arabic("المنظمـة"), "المنظمه");
}
