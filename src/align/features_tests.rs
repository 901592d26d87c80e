//! Unit tests of `features`.
use super::tokens::is_word_char;
use super::words::arabic_light_stem;
use super::*;
use proptest::prelude::*;

/// The straightforward feature extraction (one string per normalised text, per anchor and per
/// name) that [`extract`] must agree with.
mod reference {
    use super::super::tokens::is_mark;
    use super::super::words::arabic_light_stem;
    use super::super::*;
    use crate::text::normalize::for_matching;
    use rust_stemmers::{Algorithm, Stemmer};

    #[derive(Clone, Debug, Default)]
    pub struct RefUnit {
        pub len: f64,
        pub words: Vec<u32>,
        pub anchors: Vec<String>,
        pub latin_names: Vec<String>,
    }

    /// The stem of a word: Snowball for Russian and Greek, the light stem for Arabic, six
    /// letters otherwise.
    fn stem(lang: &Lang, word: &str) -> String {
        let s = match lang.code() {
            "ru" => Stemmer::create(Algorithm::Russian).stem(word).into_owned(),
            "el" => Stemmer::create(Algorithm::Greek).stem(word).into_owned(),
            "ar" => arabic_light_stem(word).to_string(),
            _ => word.chars().take(6).collect(),
        };
        if s.is_empty() {
            word.to_string()
        } else {
            s
        }
    }

    pub struct RefDoc {
        pub units: Vec<RefUnit>,
        pub vocab: Vec<(String, String)>,
        pub script: Script,
    }

    pub fn is_word_char(c: char) -> bool {
        match c as u32 {
            0..=0x7F => c.is_ascii_alphanumeric(),
            // Arabic block: letters, digits and marks; not its punctuation.
            0x0620..=0x06FF => !matches!(
                c as u32,
                0x066A..=0x066D | 0x06D4 | 0x06DD | 0x06DE | 0x06E9
            ),
            0x0600..=0x061F => false,
            _ => c.is_alphanumeric() || is_mark(c),
        }
    }

    /// Tokens of a normalised text: maximal runs of letters, digits and marks, joined across `/`,
    /// `.`, `,` and `-` between two such characters, and across a space inside a number
    /// grouped by thousands (`100 000`).
    fn tokens(text: &str, chars: &mut Vec<(usize, char, bool)>, out: &mut Vec<(usize, usize)>) {
        chars.clear();
        if text.is_ascii() {
            // A sized iterator: filled without a capacity check per character.
            chars.extend(text.bytes().enumerate().map(|(i, b)| {
                let c = char::from(b);
                (i, c, c.is_ascii_alphanumeric())
            }));
        } else {
            chars.extend(text.char_indices().map(|(i, c)| (i, c, is_word_char(c))));
        }
        out.clear();
        let mut k = 0;
        while k < chars.len() {
            if !chars[k].2 {
                k += 1;
                continue;
            }
            let start = chars[k].0;
            let mut e = k + 1;
            loop {
                if e < chars.len() && chars[e].2 {
                    e += 1;
                    continue;
                }
                if e + 1 < chars.len()
                    && matches!(chars[e].1, '/' | '.' | ',' | '-')
                    && chars[e + 1].2
                    && chars[e - 1].2
                {
                    e += 1;
                    continue;
                }
                // "100 000": a digit group of three after a space, ending there.
                if grouped_number_continues(chars, k, e) {
                    e += 4;
                    continue;
                }
                break;
            }
            let end = chars.get(e).map_or(text.len(), |c| c.0);
            out.push((start, end));
            k = e;
        }
    }

    /// Whether the number `chars[start..end]` (digits and grouping spaces only, first group of at
    /// most three digits) goes on with ` ddd`.
    fn grouped_number_continues(chars: &[(usize, char, bool)], start: usize, end: usize) -> bool {
        let digit = |i: usize| chars.get(i).is_some_and(|c| c.1.is_ascii_digit());
        let so_far = &chars[start..end];
        so_far.iter().all(|c| c.1.is_ascii_digit() || c.1 == ' ')
            && so_far.iter().take_while(|c| c.1 != ' ').count() <= 3
            && chars.get(end).map(|c| c.1) == Some(' ')
            && (1..=3).all(|d| digit(end + d))
            && !chars.get(end + 4).is_some_and(|c| c.2)
    }

    /// Extract the features of every unit of a document.
    pub fn extract(units: &[&str], lang: &Lang) -> RefDoc {
        let mut vocab: Vec<(String, String)> = Vec::new();
        let mut index: FxMap<String, u32> = FxMap::default();
        let mut latin = 0usize;
        let mut arabic = 0usize;
        let mut feats = Vec::with_capacity(units.len());
        let mut buf = String::new();
        let mut chars = Vec::new();
        let mut toks = Vec::new();
        let mut words: Vec<u32> = Vec::new();
        for text in units {
            let norm = for_matching(text);
            // One pass for the length and the characters that call for more work.
            let (mut len, mut quote, mut url) = (0usize, false, false);
            for c in norm.chars() {
                match c {
                    '«' | '»' | '“' | '”' | '"' => quote = true,
                    '@' | '/' => url = true,
                    _ => {}
                }
                len += usize::from(!c.is_whitespace());
            }
            let mut f = RefUnit {
                len: len as f64,
                ..Default::default()
            };
            if let Some(l) = leading_label(&norm) {
                f.anchors.push(format!("p:{l}"));
            }
            if quote || norm.contains("<<") {
                f.anchors.push("q".to_string());
            }
            let body = if url {
                let mut body = String::with_capacity(norm.len());
                for chunk in norm.split(' ') {
                    let trimmed = chunk.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
                    if is_url(trimmed) {
                        f.anchors.push(format!("u:{}", trimmed.to_lowercase()));
                    } else {
                        body.push_str(chunk);
                        body.push(' ');
                    }
                }
                body
            } else {
                norm
            };
            tokens(&body, &mut chars, &mut toks);
            for &(a, b) in &toks {
                let tok = &body[a..b];
                if tok.bytes().any(|c| c.is_ascii_digit()) {
                    number_anchors(tok, &mut f.anchors);
                    continue;
                }
                let ascii = tok.is_ascii();
                let first = if ascii {
                    tok.bytes().find(u8::is_ascii_alphabetic).map(char::from)
                } else {
                    tok.chars().find(|c| c.is_alphabetic())
                };
                let Some(first) = first else {
                    continue;
                };
                let script = char_script(first);
                buf.clear();
                match script {
                    Script::Arabic => {
                        arabic += 1;
                        for c in tok.chars() {
                            if let Some(c) = fold_arabic_char(c) {
                                buf.push(c);
                            }
                        }
                    }
                    _ => {
                        let mut upper = false;
                        if ascii {
                            upper = tok.bytes().any(|b| b.is_ascii_uppercase());
                            buf.push_str(tok);
                            buf.make_ascii_lowercase();
                        } else {
                            for c in tok.chars() {
                                upper |= c.is_uppercase();
                                buf.extend(c.to_lowercase());
                            }
                        }
                        if script == Script::Latin {
                            latin += 1;
                            if upper
                                && (if ascii {
                                    tok.len() > 1
                                } else {
                                    tok.chars().nth(1).is_some()
                                })
                            {
                                f.latin_names.push(buf.clone());
                            }
                        }
                    }
                }
                let n = if ascii {
                    buf.len()
                } else {
                    buf.chars().count()
                };
                if n < 3 && !(script == Script::Arabic && n == 2) {
                    continue;
                }
                let id = match index.get(buf.as_str()) {
                    Some(&i) => i,
                    None => {
                        let i = vocab.len() as u32;
                        let stem = stem(lang, &buf);
                        vocab.push((buf.clone(), stem));
                        index.insert(buf.clone(), i);
                        i
                    }
                };
                words.push(id);
            }
            words.sort_unstable();
            words.dedup();
            f.words = words.clone();
            words.clear();
            f.anchors.sort_unstable();
            f.anchors.dedup();
            f.latin_names.sort_unstable();
            f.latin_names.dedup();
            feats.push(f);
        }
        let script = if arabic > latin {
            Script::Arabic
        } else if latin > 0 {
            Script::Latin
        } else {
            Script::Other
        };
        RefDoc {
            units: feats,
            vocab,
            script,
        }
    }

    /// Anchors of a token containing a digit: each number (separators removed), and the whole
    /// token as a symbol when it mixes letters and digits or joins numbers with `/` or `-`.
    /// Arabic clitics written against a number (و60/1, بـ2019, الـ146) are not part of it.
    fn number_anchors(tok: &str, out: &mut Vec<String>) {
        let bare = tok.trim_start_matches(|c: char| matches!(c, '\u{0621}'..='\u{064A}'));
        let tok = if bare.starts_with(|c: char| c.is_ascii_digit()) {
            bare
        } else {
            tok
        };
        let has_letter = tok.chars().any(|c| c.is_alphabetic());
        if has_letter || tok.contains('/') || tok.contains('-') {
            out.push(format!("s:{}", tok.to_uppercase()));
        }
        for part in tok.split(['/', '-']) {
            let digits: String = part
                .chars()
                .filter(|c| !matches!(c, '.' | ',' | ' ' | '\''))
                .collect();
            if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
                out.push(format!("n:{}", digits.trim_start_matches('0')));
            }
        }
    }
}

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
    let new = extract_in_order(units, lang, GroupOrder::Logical);
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
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
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
fn deaccenting() {
    assert_eq!(deaccent("développement"), "developpement");
    assert_eq!(deaccent("œuvre"), "ouvre");
    assert_eq!(deaccent("größe"), "grose");
    assert_eq!(deaccent("plain"), "plain");
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
