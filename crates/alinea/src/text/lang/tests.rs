//! Unit tests of `lang`: detection (against its first, two-pass form too), the path rules
//! and the decisions.
use super::*;

use proptest::strategy::Strategy;

/// [`detect`] as it was written first (two passes, a split and a lower-casing per
/// word): the reference the faster form must agree with.
fn detect_reference(text: &str) -> Option<Lang> {
    let parts = sample(text);
    let (mut arabic, mut latin, mut other) = (0usize, 0usize, 0usize);
    for c in parts
        .iter()
        .flat_map(|p| p.chars())
        .filter(|&c| letter_or_digit(c).0)
    {
        match script(c) {
            Script::Arabic => arabic += 1,
            Script::Latin => latin += 1,
            Script::Other => other += 1,
        }
    }
    let total = arabic + latin + other;
    if total < 8 {
        return None;
    }
    if arabic * 2 > total {
        return Some(Lang::Ar);
    }
    if latin * 2 <= total {
        return None;
    }
    let mut counts = [0usize; 6];
    let mut words = 0;
    // One buffer for every word: the word lower-cased, with ’ as '.
    let mut lower = String::new();
    for w in parts
        .iter()
        .flat_map(|p| p.split(|c: char| !(letter_or_digit(c).0 || c == '\'' || c == '\u{2019}')))
        .filter(|w| !w.is_empty())
    {
        words += 1;
        // Lower-casing never shortens a word: a word longer than every listed one can only
        // match by its elided head (`l'` in `l'Union`).
        if w.chars().nth(LONGEST_STOP_WORD).is_some() && !w.contains(['\'', '\u{2019}']) {
            continue;
        }
        lower.clear();
        for c in w.chars() {
            if c == '\u{2019}' {
                lower.push('\'');
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        // French elisions: count "l'" in "l'Union".
        let head = match lower.find('\'') {
            Some(i) => &lower[..=i],
            None => lower.as_str(),
        };
        let mut lists = stop_word_lists(&lower);
        if head != lower {
            lists |= stop_word_lists(head);
        }
        for (k, n) in counts.iter_mut().enumerate() {
            *n += usize::from(lists & (1 << k) != 0);
        }
    }
    let (best, &top) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    let second = counts
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != best)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    // Need a few hits and a clear margin over the runner-up.
    if top < 2 || top * 10 < words || top * 2 < second * 3 {
        return None;
    }
    Some(match best {
        0 => Lang::Fr,
        1 => Lang::En,
        2 => Lang::Other("de".into()),
        3 => Lang::Other("es".into()),
        4 => Lang::Other("it".into()),
        _ => Lang::Other("pt".into()),
    })
}

proptest::proptest! {
    #[test]
    fn detect_agrees_with_its_reference(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::sample::select(vec![
                    "le", "la", "les", "de", "the", "of", "and", "der", "que", "l'", "L’",
                    "d’", "Union", "QU'IL", "et", "in", "é", "Ärger", "ÉTAT", "naïve",
                ])
                .prop_map(String::from),
                "[a-zA-Z'’\u{00C0}-\u{017F}\u{0600}-\u{06FF}\u{0400}-\u{04FF}0-9 ,.-]{0,12}",
            ],
            0..300,
        ),
        sep in proptest::sample::select(vec![" ", "", "\n", "’", "'", " 12 "]),
    ) {
        let text = parts.join(sep);
        proptest::prop_assert_eq!(detect(&text), detect_reference(&text), "{:?}", text);
    }
}

#[test]
fn detect_agrees_with_its_reference_on_the_corpus() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut n = 0;
    for lang in ["fr", "en", "ar"] {
        for entry in std::fs::read_dir(root.join(lang)).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            assert_eq!(detect(&text), detect_reference(&text));
            for cut in [10, 200, 1_000, 5_000] {
                let head: String = text.chars().take(cut).collect();
                assert_eq!(detect(&head), detect_reference(&head));
            }
            n += 1;
        }
    }
    assert!(n >= 15, "{n} files read");
}

#[test]
fn detects_by_script_and_stop_words() {
    assert_eq!(
        detect("La délégation de l'Inde a exprimé des réserves sur le paragraphe 25."),
        Some(Lang::Fr)
    );
    assert_eq!(
        detect("The delegation of India expressed reservations on paragraph 25 of the text."),
        Some(Lang::En)
    );
    assert_eq!(
        detect("أعرب وفد الهند عن تحفظات على الفقرة 25."),
        Some(Lang::Ar)
    );
    assert_eq!(
        detect("Die Delegation von Indien hat Vorbehalte zu dem Absatz und der Resolution."),
        Some(Lang::Other("de".into()))
    );
    assert_eq!(detect("74/247"), None);
    assert_eq!(detect("Привет, как дела у тебя сегодня?"), None);
    assert_eq!(detect("UNODC ICT CSIRT"), None);
}

#[test]
fn stop_words_are_indexed_by_list() {
    let longest = STOP_WORDS
        .iter()
        .flat_map(|l| l.iter())
        .map(|w| w.chars().count())
        .max();
    assert_eq!(longest, Some(LONGEST_STOP_WORD));
    assert_eq!(stop_word_lists("que"), 0b10_1001);
    assert_eq!(stop_word_lists("l'"), 0b1);
    assert_eq!(stop_word_lists("the"), 0b10);
    assert_eq!(stop_word_lists("union"), 0);
    // Elided heads and typographic apostrophes count, in any case.
    assert_eq!(
        detect("L\u{2019}Union et l\u{2019}Organisation, qu\u{2019}elles soutiennent."),
        Some(Lang::Fr)
    );
}

#[test]
fn long_texts_are_read_in_windows_over_their_length() {
    let abstract_en = "The report of the Committee on the situation of the rights of the \
                       people and the work of the year. "
        .repeat(20);
    let report_fr = "Le rapport du Comité sur la situation des droits de la personne et \
                     les travaux de l'année. "
        .repeat(120);
    // An English abstract before a French report: the report's language.
    assert_eq!(detect(&format!("{abstract_en}{report_fr}")), Some(Lang::Fr));
    let text = format!("{abstract_en}{report_fr}");
    let parts = sample(&text);
    assert_eq!(parts.len(), WINDOWS);
    assert!(text.starts_with(parts[0]));
    for p in &parts {
        // Whole words only, windows apart.
        assert!(p.len() <= WINDOW_BYTES + 20, "{}", p.len());
        let start = p.as_ptr() as usize - text.as_ptr() as usize;
        assert!(start == 0 || text[start..].starts_with(char::is_whitespace));
        let end = start + p.len();
        assert!(end == text.len() || text[end..].starts_with(char::is_whitespace));
    }
    // A short text is read whole; a long one without spaces, in windows all the same.
    assert_eq!(sample("Le Conseil."), vec!["Le Conseil."]);
    let unspaced = "文".repeat(10_000);
    let parts = sample(&unspaced);
    assert_eq!(parts.len(), WINDOWS);
    assert!(parts.iter().all(|p| p.len() <= WINDOW_BYTES + 110));
}

/// The word count of [`detect`] as first written: every word lower-cased and looked up in
/// every list.
fn reference_counts(text: &str) -> ([usize; 6], usize) {
    let mut counts = [0usize; 6];
    let mut words = 0;
    for w in sample(text)
        .into_iter()
        .flat_map(|p| p.split(|c: char| !(letter_or_digit(c).0 || c == '\'' || c == '\u{2019}')))
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let lower = w.to_lowercase().replace('\u{2019}', "'");
        let head = match lower.find('\'') {
            Some(i) => &lower[..=i],
            None => lower.as_str(),
        };
        for (k, list) in STOP_WORDS.iter().enumerate() {
            if list.contains(&lower.as_str()) || (head != lower && list.contains(&head)) {
                counts[k] += 1;
            }
        }
    }
    (counts, words)
}

/// The decision of [`detect`] from counts, as it makes it.
fn reference(text: &str) -> Option<Lang> {
    let latin = sample(text)
        .into_iter()
        .flat_map(|p| p.chars())
        .filter(|c| c.is_alphabetic());
    let (l, a, t) = latin.fold((0, 0, 0), |(l, a, t), c| match script(c) {
        Script::Latin => (l + 1, a, t + 1),
        Script::Arabic => (l, a + 1, t + 1),
        Script::Other => (l, a, t + 1),
    });
    if t < 8 {
        return None;
    }
    if a * 2 > t {
        return Some(Lang::Ar);
    }
    if l * 2 <= t {
        return None;
    }
    let (counts, words) = reference_counts(text);
    let (best, &top) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    let second = (0..6).filter(|&k| k != best).map(|k| counts[k]).max()?;
    if top < 2 || top * 10 < words || top * 2 < second * 3 {
        return None;
    }
    Some(["fr", "en", "de", "es", "it", "pt"][best].parse().unwrap())
}

proptest::proptest! {
    #[test]
    fn detect_counts_as_a_plain_lookup_would(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "Le", "la", "L\u{2019}", "l'", "QU'", "qu\u{2019}elles", "the", "The", "OF",
                "und", "del", "è", "não", "Union", "Organisation", "shall", "should",
                "werden", "degli", "İl", "DÉCLARATION", "résolution", "x", "été", "its",
                "d'accord", "7", "—", "ّال", "الأمم",
            ]),
            0..40,
        ),
        seps in proptest::collection::vec(proptest::sample::select(vec![" ", ", ", "’", "'", "-"]), 40),
    ) {
        let text: String = words
            .iter()
            .zip(&seps)
            .flat_map(|(w, s)| [*w, *s])
            .collect();
        proptest::prop_assert_eq!(detect(&text), reference(&text), "{}", text);
    }
}

#[test]
fn reads_the_path() {
    assert_eq!(from_path(Path::new("corpus/fr/x.txt")), Some(Lang::Fr));
    assert_eq!(from_path(Path::new("a/en/b/x.txt")), Some(Lang::En));
    assert_eq!(from_path(Path::new("doc.ar.txt")), Some(Lang::Ar));
    assert_eq!(from_path(Path::new("UNv1.0.devset.fr")), Some(Lang::Fr));
    assert_eq!(from_path(Path::new("doc_en.md")), Some(Lang::En));
    assert_eq!(from_path(Path::new("en/doc.fr.txt")), Some(Lang::Fr));
    assert_eq!(from_path(Path::new("french/free.txt")), None);
    assert_eq!(from_path(Path::new("frame.txt")), None);
}

const FR: &str = "La délégation de l'Inde a exprimé des réserves sur le paragraphe 25.";
const EN: &str = "The delegation of India expressed reservations on paragraph 25 of the text.";
const AR: &str = "أعرب وفد الهند عن تحفظات على الفقرة 25.";

fn given(code: &str, by: &str) -> Given {
    Given {
        lang: code.parse().unwrap(),
        by: by.into(),
    }
}

#[test]
fn a_given_language_wins_then_the_path_then_the_text() {
    let g = given("en", "--langs");
    let d = decide(Some(&g), Path::new("fr/x.txt"), FR).unwrap();
    assert_eq!((d.lang.clone(), d.source), (Lang::En, LangSource::Flag));
    assert_eq!(d.detected, Some(Lang::Fr));
    let d = decide(None, Path::new("doc.en"), FR).unwrap();
    assert_eq!((d.lang, d.source), (Lang::En, LangSource::Path));
    let d = decide(None, Path::new("b.txt"), AR).unwrap();
    assert_eq!((d.lang, d.source), (Lang::Ar, LangSource::Detected));
    assert_eq!(decide(None, Path::new("b.txt"), "74/247"), None);
    let d = Decision::fallback(Lang::Fr);
    assert_eq!(d.source, LangSource::Default);
}

#[test]
fn contradictions_name_where_the_language_came_from() {
    let d = decide(Some(&given("en", "--langs")), Path::new("x.txt"), FR).unwrap();
    let w = d.contradiction(Path::new("x.txt")).unwrap();
    assert_eq!(w.code, "lang/contradicted");
    assert_eq!(
        w.message,
        "declared as en by --langs but the text looks like fr"
    );
    let d = decide(None, Path::new("en/x.txt"), FR).unwrap();
    let w = d.contradiction(Path::new("en/x.txt")).unwrap();
    assert_eq!(
        w.message,
        "declared as en by its path but the text looks like fr"
    );
    // Detected and default languages contradict nothing.
    let d = decide(None, Path::new("x.txt"), EN).unwrap();
    assert_eq!(d.contradiction(Path::new("x.txt")), None);
    assert_eq!(
        Decision::fallback(Lang::Ar).contradiction(Path::new("x.txt")),
        None
    );
    // Agreement, and a language the detector does not know in the same script.
    let d = decide(Some(&given("en", "--lang")), Path::new("x.txt"), EN).unwrap();
    assert_eq!(d.contradiction(Path::new("x.txt")), None);
    let d = decide(Some(&given("nl", "--lang")), Path::new("x.txt"), EN).unwrap();
    assert_eq!(d.contradiction(Path::new("x.txt")), None);
    let d = decide(Some(&given("nl", "--lang")), Path::new("x.txt"), AR).unwrap();
    assert!(d.contradiction(Path::new("x.txt")).is_some());
}
