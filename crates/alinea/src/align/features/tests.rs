//! Unit tests of `features`.
use super::tokens::is_word_char;
use super::words::arabic_light_stem;
use super::*;
use proptest::prelude::*;

use super::reference;
use crate::text::fold::fold_arabic;

/// The anchor keys of unit `u`.
fn anchors(doc: &DocFeatures, u: usize) -> Vec<&str> {
    doc.anchors
        .get(u)
        .iter()
        .map(|&a| doc.anchor_keys[a as usize].as_str())
        .collect()
}

/// The Latin names of unit `u`.
fn names(doc: &DocFeatures, u: usize) -> Vec<&str> {
    doc.names
        .get(u)
        .iter()
        .map(|&a| doc.name_keys[a as usize].as_str())
        .collect()
}

/// Check that [`extract`] gives what the straightforward extraction gives.
fn agrees_with_reference(units: &[&str], lang: &Lang) -> Result<(), TestCaseError> {
    // Each unit normalised here, or given normalised (as a right-to-left document is).
    let normalised = Normalised::of(units);
    for new in [
        extract_in_order(units, lang, GroupOrder::Logical),
        extract_with(units, lang, GroupOrder::Logical, Some(&normalised)),
    ] {
        let old = reference::extract(units, lang);
        prop_assert_eq!(new.n_units(), units.len());
        let vocab: Vec<(String, String)> = new
            .surfaces
            .iter()
            .zip(&new.word_stem)
            .map(|(w, &s)| (w.to_string(), new.stems.get(s as usize).to_string()))
            .collect();
        prop_assert_eq!(&vocab, &old.vocab);
        // Stem ids in order of first sight.
        let mut next = 0;
        for &s in &new.word_stem {
            prop_assert!(s <= next);
            next = next.max(s + 1);
        }
        prop_assert_eq!(next as usize, new.stems.len());
        prop_assert_eq!(new.script, old.script);
        for (u, o) in old.units.iter().enumerate() {
            prop_assert_eq!(new.len[u], o.len, "len of {:?}", units[u]);
            prop_assert_eq!(new.words.get(u), &o.words[..], "words of {:?}", units[u]);
            prop_assert_eq!(
                anchors(&new, u),
                o.anchors.iter().map(String::as_str).collect::<Vec<_>>(),
                "anchors of {:?}",
                units[u]
            );
            prop_assert_eq!(
                names(&new, u),
                o.latin_names.iter().map(String::as_str).collect::<Vec<_>>(),
                "names of {:?}",
                units[u]
            );
        }
        // Sorted ids are sorted keys.
        prop_assert!(new.anchor_keys.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(new.name_keys.windows(2).all(|w| w[0] < w[1]));
    }
    Ok(())
}

/// Pieces of text the tokeniser and the normaliser treat specially, and some they do not.
const PIECES: &[&str] = &[
    "a",
    "Z",
    "ab",
    "ONU",
    "l'",
    "Union",
    "été",
    "État",
    "ÉTATS",
    "œuvre",
    "Straße",
    "ﬁn",
    "µ",
    "ª",
    "²",
    "½",
    "0",
    "7",
    "12",
    "000",
    "00",
    "15e",
    "27/01/1999",
    "11/21/1997",
    "2005-04-14",
    "14.4.2005",
    "1.2.2014.5",
    "1er",
    "2ème",
    "1ᵉʳ",
    "3rd",
    "10.00",
    "p.m.",
    "PM",
    "UF6",
    "235U",
    "GE.15-97243",
    "23.2",
    "47,7",
    "1,234.5",
    "23-2",
    "10.00",
    "100",
    "2019",
    "A/RES/74/247",
    "73/187",
    "E.1",
    "3,5",
    " ",
    "  ",
    "\t",
    "\n",
    "\u{0B}",
    "\u{00A0}",
    "\u{202F}",
    "\u{2009}",
    "/",
    ".",
    ",",
    "-",
    "(",
    ")",
    "(a)",
    "a)",
    "(أ)",
    "(هـ)",
    "'",
    "\u{2019}",
    "`",
    "\"",
    "«",
    "»",
    "“",
    "”",
    "<<",
    "@",
    "://",
    "www.",
    "https://undocs.org/fr/A/1",
    "x@y.org",
    "\u{00AD}",
    "\u{200B}",
    "\u{200F}",
    "\u{FEFF}",
    "\u{2010}",
    "\u{2011}",
    "e\u{0301}",
    "c\u{0327}",
    "\u{0301}",
    "\u{0340}",
    "الأمم",
    "المتحدة",
    "والمنظمات",
    "بالدورة",
    "الجَرِيمَةُ",
    "الســيبراني",
    "إِلَى",
    "مستشفى",
    "ـ",
    "\u{064E}",
    "\u{0651}",
    "\u{0654}",
    "ا\u{0654}",
    "٠",
    "١٢",
    "٧٤/٢٤٧",
    "۱۲",
    "و60/1",
    "بـ2019",
    "الـ146",
    "،",
    "؛",
    "٪",
    "۔",
    "UNDP",
    "Δ",
    "Σύνταγμα",
    "ΟΔΟΣ",
    "Москва",
    "ООН",
    "中文",
    "İ",
    "ǅ",
    "ﬀ",
    "\u{1E9E}",
    "😀",
    "Ⅻ",
    "x²",
    "n°",
    "1er",
];

fn text_of(picks: &[usize]) -> String {
    picks.iter().map(|&i| PIECES[i]).collect()
}

proptest! {
    #[test]
    fn fast_extraction_matches_the_straightforward_one(
        docs in proptest::collection::vec(
            proptest::collection::vec(0..PIECES.len(), 0..24), 1..6),
        free in "\\PC{0,16}",
        lang in 0..4usize,
    ) {
        let mut texts: Vec<String> = docs.iter().map(|d| text_of(d)).collect();
        texts.push(free);
        let units: Vec<&str> = texts.iter().map(String::as_str).collect();
        let lang = [Lang::Fr, Lang::En, Lang::Ar, Lang::Other("ru".into())][lang].clone();
        agrees_with_reference(&units, &lang)?;
    }

    #[test]
    fn grouped_numbers_match_the_straightforward_tokens(
        picks in proptest::collection::vec(0..8usize, 0..30),
    ) {
        let pieces = ["1", "12", "123", "000", " ", ".", "a", "é"];
        let text: String = picks.iter().map(|&i| pieces[i]).collect();
        agrees_with_reference(&[&text], &Lang::Fr)?;
    }
}

#[test]
fn the_corpus_extracts_as_the_straightforward_way_does() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("corpus");
    for (dir, lang) in [("fr", Lang::Fr), ("en", Lang::En), ("ar", Lang::Ar)] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let text = std::fs::read_to_string(e.path()).unwrap_or_default();
            let units: Vec<&str> = text.lines().collect();
            agrees_with_reference(&units, &lang).unwrap();
        }
    }
}

#[test]
fn character_classes_match_the_unicode_tables() {
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        assert_eq!(is_word_char(c), reference::is_word_char(c), "{c:?}");
        if let Some((l, u)) = lower_latin1(c) {
            assert_eq!(c.to_lowercase().collect::<Vec<_>>(), vec![l], "{c:?}");
            assert_eq!(u, c.is_uppercase(), "{c:?}");
        }
    }
}

#[test]
fn tokens_keep_symbols_and_grouped_numbers() {
    let text = "Voir A/RES/74/247, soit 100 000 dollars (3,5 %) le 12 mai.";
    let mut r = Vec::new();
    tokens(text, false, &mut r);
    let t: Vec<&str> = r.iter().map(|t| &text[t.start..t.end]).collect();
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
    let fr = extract(&["60/1"], &Lang::Fr);
    let ar = extract(&["و60/1", "الـ146"], &Lang::Ar);
    assert_eq!(anchors(&fr, 0), anchors(&ar, 0));
    assert_eq!(anchors(&ar, 1), vec!["n:146"]);
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
        assert!(anchors(&fr, 0).contains(&a), "fr {a}");
        assert!(anchors(&ar, 0).contains(&a), "ar {a}");
        assert!(anchors(&en, 0).contains(&a), "en {a}");
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
    assert!(anchors(&fr, 0).contains(&"p:b"));
    assert!(anchors(&ar, 0).contains(&"p:b"));
    assert!(anchors(&fr, 0).contains(&"u:https://undocs.org/fr/a/1"));
    assert!(anchors(&ar, 0).contains(&"u:https://undocs.org/fr/a/1"));
    assert!(names(&ar, 0).contains(&"undp"));
    assert!(names(&fr, 0).contains(&"unicef"));
}

#[test]
fn arabic_light_stems() {
    let st = |w: &str| arabic_light_stem(&fold_arabic(w)).to_string();
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

#[test]
fn arabic_digit_groups_in_display_order_read_as_numbers() {
    // UN Arabic text extracted from PDF: 10 600, 7 200 and 483 918 written as displayed.
    let ar = extract(
        &[
            "يقترح رصد مبلغ 600 10 دولار لخدمات الاتصالات (200 7 دولار).",
            "قدمت المنظمة أدوية لـ 918 483 شخصا في عام 2015.",
        ],
        &Lang::Ar,
    );
    assert!(
        anchors(&ar, 0).contains(&"n:10600"),
        "{:?}",
        anchors(&ar, 0)
    );
    assert!(anchors(&ar, 0).contains(&"n:7200"));
    assert!(
        anchors(&ar, 1).contains(&"n:483918"),
        "{:?}",
        anchors(&ar, 1)
    );
    assert!(anchors(&ar, 1).contains(&"n:2015"));
    // The same groupings in a document that writes its numbers in reading order.
    let ar = extract(
        &["رصد مبلغ 10 600 دولار.", "أدوية لـ 918 483 شخصا."],
        &Lang::Ar,
    );
    assert!(anchors(&ar, 0).contains(&"n:10600"));
    assert!(anchors(&ar, 1).contains(&"n:918483"));
    // Left-to-right documents are never read in display order.
    let fr = extract(&["Montant : 600 10 dollars."], &Lang::Fr);
    assert!(!anchors(&fr, 0).contains(&"n:10600"));
}

#[test]
fn ordinals_and_times_are_their_numbers() {
    let fr = extract(
        &["À ses 15e et 26e séances, le 1er mai, à 10 heures."],
        &Lang::Fr,
    );
    let en = extract(
        &["At its 15th and 26th meetings, on 1st May, at 10 a.m."],
        &Lang::En,
    );
    let ar = extract(
        &["في جلستيها 15 و 26، في 1 أيار/مايو، الساعة 10:00."],
        &Lang::Ar,
    );
    for doc in [&fr, &en, &ar] {
        let a = anchors(doc, 0);
        for n in ["n:15", "n:26", "n:1", "n:10"] {
            assert!(a.contains(&n), "{n} in {a:?}");
        }
        assert!(a.iter().all(|k| !k.starts_with("s:")), "{a:?}");
        assert!(!a.contains(&"n:"), "{a:?}");
    }
    assert_eq!(ordinal_digits("2ème"), Some("2"));
    assert_eq!(ordinal_digits("1ᵉʳ"), Some("1"));
    assert_eq!(ordinal_digits("15"), None);
    assert_eq!(ordinal_digits("4x4"), None);
    assert_eq!(ordinal_digits("2015e"), Some("2015"));
    // A zero alone is a number.
    assert!(anchors(&extract(&["0 cas"], &Lang::Fr), 0).contains(&"n:"));
}

#[test]
fn decimal_and_sub_paragraph_numbers_agree_whatever_separates_them() {
    let fr = extract(&["47,7 % (par. 23.2 et 31 000)"], &Lang::Fr);
    let en = extract(&["47.7% (paras. 23.2 and 31,000)"], &Lang::En);
    let ar = extract(&["47.7 في المائة (الفقرتان 23-2 و 31000)"], &Lang::Ar);
    for doc in [&fr, &en, &ar] {
        let mut a = anchors(doc, 0);
        a.retain(|k| k.starts_with("n:"));
        assert_eq!(a, ["n:2", "n:23", "n:31000", "n:47", "n:7"]);
    }
    assert!(anchors(&extract(&["1,234.5"], &Lang::En), 0).contains(&"n:1234"));
}

#[test]
fn afternoon_hours_are_their_numbers() {
    let fr = extract(&["De 15 heures à 18 heures ; 20 %."], &Lang::Fr);
    let en = extract(&["From 3 p.m. to 6 PM; 20%."], &Lang::En);
    let ar = extract(
        &["من الساعة 15:00 إلى الساعة 18:00؛ 20 في المائة."],
        &Lang::Ar,
    );
    for doc in [&fr, &en, &ar] {
        let mut a = anchors(doc, 0);
        a.retain(|k| k.starts_with("n:"));
        assert_eq!(a, ["n:15", "n:18", "n:20"], "{:?}", anchors(doc, 0));
    }
    // A morning hour, and a number before a word that is not `p.m.`, stay as they are.
    let en = extract(&["At 10 a.m. and 3 pages."], &Lang::En);
    let a = anchors(&en, 0);
    assert!(a.contains(&"n:10") && a.contains(&"n:3"), "{a:?}");
}

#[test]
fn a_date_in_digits_is_its_day_and_its_year() {
    let keys = |t: &str, l: Lang| {
        let f = extract(&[t], &l);
        let mut k: Vec<String> = f
            .anchors
            .get(0)
            .iter()
            .map(|&a| f.anchor_keys[a as usize].clone())
            .collect();
        k.sort();
        k
    };
    assert_eq!(keys("signée le 27/01/1999", Lang::Fr), ["n:1999", "n:27"]);
    assert_eq!(
        keys("signed on 27 January 1999", Lang::En),
        ["n:1999", "n:27"]
    );
    assert_eq!(keys("on 11/21/1997", Lang::En), ["n:1997", "n:21"]);
    assert_eq!(keys("le 2005-04-14", Lang::Fr), ["n:14", "n:2005"]);
    assert_eq!(keys("le 14.4.2005", Lang::Fr), ["n:14", "n:2005"]);
    // Not dates: a symbol, a range of years, a month over 12.
    assert!(keys("2006/928/CE", Lang::Fr).contains(&"s:2006/928/CE".to_string()));
    assert!(keys("2014-2015", Lang::Fr).contains(&"s:2014-2015".to_string()));
    assert!(keys("21/13/1997", Lang::Fr).contains(&"n:13".to_string()));
}

#[test]
fn units_are_normalised_alike_in_blocks() {
    // Over two blocks and part of a third, each unit's form as one normalisation gives it.
    let units: Vec<String> = (0..2 * Normalised::BLOCK + 7)
        .map(|k| format!("Unité  n° {k} — ÉTAT’S  أَلْـعَرَبِيَّة {}", "x".repeat(k % 5)))
        .collect();
    let units: Vec<&str> = units.iter().map(String::as_str).collect();
    let normalised = Normalised::of(&units);
    let mut expected = String::new();
    for (k, unit) in units.iter().enumerate() {
        crate::text::normalize::for_matching_into(unit, &mut expected);
        assert_eq!(normalised.get(k), expected, "unit {k}");
    }
}
