//! Tests of the suspect-unit checks, with the byte-by-byte scans kept as their reference.

use super::*;
use crate::align::aligned::{Segtype, Side};

fn aligned(units: [&[&str]; 3]) -> Aligned {
    let langs = [Lang::Fr, Lang::En, Lang::Ar];
    let n = units[0].len();
    Aligned {
        document: "d".into(),
        segtype: Segtype::Paragraph,
        sides: langs
            .iter()
            .zip(units)
            .map(|(l, u)| Side {
                lang: l.clone(),
                name: format!("d.{l}.txt"),
                units: u.iter().map(|s| s.to_string()).collect(),
            })
            .collect(),
        beads: (0..n)
            .map(|i| MultiBead {
                sides: vec![vec![i], vec![i], vec![i]],
                score: 0.99,
            })
            .collect(),
        inline: Vec::new(),
    }
}

#[test]
fn a_copied_letterhead_and_a_line_in_the_wrong_script_are_flagged() {
    let mut a = aligned([
        &["المنامة، البحرين", "Le Conseil a adopté la résolution."],
        &["المنامة، البحرين", "The Council adopted the resolution."],
        &["MANAMA, BAHREÏN", "واعتمد المجلس القرار."],
    ]);
    let found = find(&a);
    assert!(found.contains(&(0, Suspicion::SameText { a: 0, b: 1 })));
    assert!(found.contains(&(
        0,
        Suspicion::WrongScript {
            side: 0,
            found: Script::Arabic
        }
    )));
    assert!(found.contains(&(
        0,
        Suspicion::WrongScript {
            side: 2,
            found: Script::Latin
        }
    )));
    assert!(found.iter().all(|(k, _)| *k == 0), "{found:?}");
    cap_found(&mut a, &found);
    assert_eq!(a.beads[0].score, SUSPECT_SCORE);
    assert_eq!(a.beads[1].score, 0.99);
    let d = diagnostics(&a, std::path::Path::new("d.fr.txt"));
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, "align/untranslated");
    assert!(
        d[0].message.starts_with(
            "unit 1 (fr 0, en 0, ar 0): the fr and en sides have the same text «المنامة، البحرين»"
        ),
        "{}",
        d[0].message
    );
    assert!(d[0]
        .message
        .contains("the ar side is in Latin script «MANAMA, BAHREÏN»"));
    // A copied line alone in the wrong script.
    let b = aligned([
        &["Le rapport annuel."],
        &["The annual report."],
        &["Rapport annuel du comité."],
    ]);
    let d = diagnostics(&b, std::path::Path::new("d.fr.txt"));
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, "align/wrong-script");
}

proptest::proptest! {
    #[test]
    fn arabic_letters_survive_the_matching_form(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "\u{627}", "\u{654}", "\u{653}", "\u{648}", "\u{640}", "\u{64B}", "\u{651}",
                "\u{660}", "\u{6F5}", "\u{FEFB}", "\u{61C}", "a", "e", "\u{301}", " ", "\u{A0}",
            ]),
            0..12,
        )
    ) {
        let text: String = parts.concat();
        proptest::prop_assert_eq!(
            has_arabic_letter(&text),
            has_arabic_letter(&for_matching(&text)),
            "{:?}",
            text
        );
    }
}

/// The words of `text` that say something about its language, token by token: a word with
/// a letter, without a digit or `@`, not starting with `www.`, without `://`.
fn reference_words(text: &str) -> Vec<[usize; 3]> {
    text.split_whitespace()
        .filter(|w| !w.starts_with("www.") && !w.contains("://"))
        .filter(|w| !w.chars().any(|c| c == '@' || c.is_numeric()))
        .map(|w| {
            let mut letters = [0; 3];
            for c in w.chars().filter(|c| c.is_alphabetic()) {
                letters[match script(c) {
                    Script::Latin => 0,
                    Script::Arabic => 1,
                    Script::Other => 2,
                }] += 1;
            }
            letters
        })
        .filter(|l| *l != [0; 3])
        .collect()
}

proptest::proptest! {
    #[test]
    fn a_plainly_latin_text_has_no_other_main_script(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "le", "Z", "é", "œ", "ǿ", "ª", "µ", "º", "«", "\u{A0}", "\u{2019}", "\u{202F}",
                "\u{2026}", " ", "ɐ", "ل", "Ж", "\u{2071}", "x", "ab", "7",
            ]),
            0..16,
        )
    ) {
        let text: String = parts.concat();
        if plainly_latin(&text) {
            proptest::prop_assert!(
                matches!(main_script(&text), None | Some(Script::Latin)),
                "{:?}",
                text
            );
            let punctuation = '\u{2000}'..='\u{203F}';
            let low = text.chars().all(|c| c < '\u{240}' || punctuation.contains(&c));
            proptest::prop_assert!(low, "{:?}", text);
        }
    }

    #[test]
    fn a_plainly_arabic_text_has_no_other_main_script(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "\u{627}", "\u{644}", "\u{64B}", "\u{660}", "\u{60C}", "\u{6A9}", " ", "7", ".",
                "(", "\u{2019}", "\u{A0}", "a", "é", "\u{FEFB}", "\u{750}", "Ж",
            ]),
            0..16,
        )
    ) {
        let text: String = parts.concat();
        if plainly_arabic(&text) {
            proptest::prop_assert!(
                matches!(main_script(&text), None | Some(Script::Arabic)),
                "{:?}",
                text
            );
        }
    }

    #[test]
    fn language_words_are_the_reference_words(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "Z", "é", "ß", "ل", "ة", "\u{64B}", "٣", "7", "@", ":", "/", "://", "www.",
                ".", "-", " ", "\u{A0}", "\n", "\u{2003}", "Ж", "中", "\u{200B}",
            ]),
            0..24,
        )
    ) {
        let text: String = parts.concat();
        let mut got = Vec::new();
        language_words(&text, |l| {
            got.push(l);
            true
        });
        proptest::prop_assert_eq!(got, reference_words(&text));
    }
}

#[test]
fn names_numbers_and_short_lines_are_not_suspect() {
    // The same symbol or number in every language, a Latin name inside Arabic text.
    let a = aligned([
        &[
            "A/RES/74/247",
            "UNESCO",
            "Le Secrétaire général, António Guterres.",
        ],
        &[
            "A/RES/74/247",
            "UNESCO",
            "The Secretary-General, António Guterres.",
        ],
        &[
            "A/RES/74/247",
            "UNESCO",
            "الأمين العام، أنطونيو غوتيريش (António Guterres).",
        ],
    ]);
    assert_eq!(find(&a), vec![]);
}

/// [`plainly_latin`] byte by byte, as first written.
fn plainly_latin_reference(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0..=0x7F => i += 1,
            0xC2 if matches!(b.get(i + 1), Some(0xAA | 0xB5 | 0xBA)) => return false,
            0xC2..=0xC8 => i += 2,
            0xE2 if b.get(i + 1) == Some(&0x80) => i += 3,
            _ => return false,
        }
    }
    true
}

/// [`has_arabic_letter`] over every pair of bytes, as first written.
fn has_arabic_letter_reference(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| matches!(w, [0xD8, 0xA0..=0xBF] | [0xD9, 0x81..=0x8A]))
}

proptest::proptest! {
    #[test]
    fn byte_scans_answer_as_their_references(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "Le Conseil ", "0123456789abcdef", "é", "ª", "µ", "\u{2019}", "\u{2014}",
                "\u{627}", "\u{640}", "\u{600}", "\u{64B}", "\u{6F5}", "\u{FEFB}", "ش",
                "ж", "\u{2060}", "\u{1F600}", " ", "\n",
            ]),
            0..24,
        )
    ) {
        let text: String = parts.concat();
        proptest::prop_assert_eq!(plainly_latin(&text), plainly_latin_reference(&text));
        proptest::prop_assert_eq!(
            has_arabic_letter(&text),
            has_arabic_letter_reference(&text)
        );
    }
}

#[test]
fn byte_scans_on_long_runs() {
    let long = "Le Comité consultatif a examiné le rapport. ".repeat(5);
    for text in [
        long.clone(),
        format!("{long}ش"),
        format!("{long}\u{2019}{long}"),
        format!("{long}ж"),
        "abcdefgh".to_string(),
        "abcdefg\u{627}".to_string(),
    ] {
        assert_eq!(
            plainly_latin(&text),
            plainly_latin_reference(&text),
            "{text}"
        );
        assert_eq!(
            has_arabic_letter(&text),
            has_arabic_letter_reference(&text),
            "{text}"
        );
    }
    assert!(plainly_latin(&long));
    assert!(!plainly_latin(&format!("{long}ж")));
    assert!(has_arabic_letter(&format!("{long}ش")));
    assert!(!has_arabic_letter(&long));
}
