//! Typography and invisible characters: pure functions taking a text and its language and
//! returning spans ([`Issue`]s), with a replacement when one is safe.
//!
//! - `typography/fr-spacing` (French): a no-break space before `;` `:` `!` `?` (narrow
//!   U+202F before `;` `!` `?`, U+00A0 before `:`) and inside `« »`; an ordinary space or
//!   none is found. Colons between digits (`10:30`) and inside URLs are left alone.
//! - `typography/ar-punctuation` (Arabic): `,` `;` `?` after an Arabic letter, for `،` `؛` `؟`.
//! - `typography/doubled-word`: the same word twice in a row (`the the`), not `nous nous`,
//!   `vous vous`; no fix (it may be meant).
//! - `typography/apostrophe` and `typography/quotes` ([`quotes`], over a whole document):
//!   the minority of straight and typographic apostrophes, or of `"` and `« »`/`“ ”`, in a
//!   document that uses both.
//! - `script/invisible`: zero-width and bidi control characters (not tatweel or the soft
//!   hyphen; in Arabic not the right-to-left and Arabic letter marks).

use std::ops::Range;

use crate::Lang;

/// One typographic finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub rule: &'static str,
    pub span: Range<usize>,
    pub message: String,
    /// A safe replacement of the span.
    pub fix: Option<String>,
}

const NBSP: char = '\u{00A0}';
const NNBSP: char = '\u{202F}';

fn is_nb(c: char) -> bool {
    c == NBSP || c == NNBSP
}

fn in_url(text: &str, i: usize) -> bool {
    let start = text[..i]
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(j, c)| j + c.len_utf8());
    let w = &text[start..i];
    w.contains("://") || w.starts_with("www.") || w.ends_with("http") || w.ends_with("https")
}

/// The typographic issues of one unit (see the module documentation).
pub fn check(text: &str, lang: &Lang) -> Vec<Issue> {
    let mut out = Vec::new();
    if lang == &Lang::Fr {
        french_spacing(text, &mut out);
    }
    if lang == &Lang::Ar {
        arabic_punctuation(text, &mut out);
    }
    doubled_words(text, &mut out);
    invisible(text, lang, &mut out);
    out.sort_by_key(|i| (i.span.start, i.span.end));
    out
}

fn french_spacing(text: &str, out: &mut Vec<Issue>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(k + 1).map(|&(_, c)| c);
        match c {
            ';' | ':' | '!' | '?' => {
                let want = if c == ':' { NBSP } else { NNBSP };
                let name = if c == ':' {
                    "no-break space"
                } else {
                    "narrow no-break space"
                };
                // A run like "?!" is spaced once, before its first mark.
                if matches!(prev, Some((_, ';' | ':' | '!' | '?'))) {
                    continue;
                }
                let after_ok = next.is_none_or(|n| {
                    n.is_whitespace() || matches!(n, '»' | ')' | '"' | '”' | '!' | '?' | '.')
                });
                if !after_ok || in_url(text, i) {
                    continue;
                }
                match prev {
                    Some((j, ' ')) => out.push(Issue {
                        rule: "typography/fr-spacing",
                        span: j..j + 1,
                        message: format!("an ordinary space before « {c} »: French uses a {name}"),
                        fix: Some(want.to_string()),
                    }),
                    Some((_, p)) if p.is_alphanumeric() || matches!(p, '»' | ')') => {
                        out.push(Issue {
                            rule: "typography/fr-spacing",
                            span: i..i + 1,
                            message: format!("no space before « {c} »: French uses a {name}"),
                            fix: Some(format!("{want}{c}")),
                        })
                    }
                    _ => {}
                }
            }
            '«' => match next {
                Some(' ') => out.push(Issue {
                    rule: "typography/fr-spacing",
                    span: i + c.len_utf8()..i + c.len_utf8() + 1,
                    message: "an ordinary space after « : French uses a no-break space".into(),
                    fix: Some(NBSP.to_string()),
                }),
                Some(n) if !is_nb(n) && !n.is_whitespace() => out.push(Issue {
                    rule: "typography/fr-spacing",
                    span: i..i + c.len_utf8(),
                    message: "no space after « : French uses a no-break space".into(),
                    fix: Some(format!("«{NBSP}")),
                }),
                _ => {}
            },
            '»' => match prev {
                Some((j, ' ')) => out.push(Issue {
                    rule: "typography/fr-spacing",
                    span: j..j + 1,
                    message: "an ordinary space before » : French uses a no-break space".into(),
                    fix: Some(NBSP.to_string()),
                }),
                Some((_, p)) if !is_nb(p) && !p.is_whitespace() => out.push(Issue {
                    rule: "typography/fr-spacing",
                    span: i..i + c.len_utf8(),
                    message: "no space before » : French uses a no-break space".into(),
                    fix: Some(format!("{NBSP}»")),
                }),
                _ => {}
            },
            _ => {}
        }
    }
}

fn is_arabic_letter(c: char) -> bool {
    crate::text::chars::is_arabic_letter(c)
}

fn arabic_punctuation(text: &str, out: &mut Vec<Issue>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let want = match c {
            ',' => '،',
            ';' => '؛',
            '?' => '؟',
            _ => continue,
        };
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        if prev.is_some_and(is_arabic_letter) {
            out.push(Issue {
                rule: "typography/ar-punctuation",
                span: i..i + 1,
                message: format!("« {c} » in Arabic text: Arabic uses « {want} »"),
                fix: Some(want.to_string()),
            });
        }
    }
}

/// Words repeated on purpose.
const REPEATED_OK: [&str; 6] = ["nous", "vous", "très", "bla", "that", "had"];

/// `a` and `b` are one word but for case (ASCII compared byte by byte).
fn same_ignoring_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

fn doubled_words(text: &str, out: &mut Vec<Issue>) {
    // Each word against the one before it, the words found in one pass, without a list.
    let mut prev: Option<Range<usize>> = None;
    crate::termbase::annotate::each_word(text, |r| {
        let Some(p) = prev.replace(r.clone()) else {
            return;
        };
        let (a, b) = (&text[p.clone()], &text[r.clone()]);
        let between = &text[p.end..r.start];
        let lower = |s: &'_ str| s.chars().flat_map(char::to_lowercase).collect::<String>();
        if !between.is_empty()
            && between.chars().all(|c| c == ' ' || c == NBSP)
            && same_ignoring_case(a, b)
            && a.chars().any(char::is_alphabetic)
            && a.chars().count() > 1
            && !REPEATED_OK.contains(&lower(a).as_str())
        {
            out.push(Issue {
                rule: "typography/doubled-word",
                span: p.start..r.end,
                message: format!("« {a} » twice in a row"),
                fix: None,
            });
        }
    });
}

fn invisible(text: &str, lang: &Lang, out: &mut Vec<Issue>) {
    // Each character told here is U+061C or in U+200B–U+2069 or U+FEFF: its first byte is one
    // of these three.
    let lead = |x: u8| matches!(x, 0xd8 | 0xe2 | 0xef);
    if !text.bytes().fold(false, |acc, x| acc | lead(x)) {
        return;
    }
    for (i, c) in text.char_indices() {
        let name = match c {
            '\u{200B}' => "zero-width space",
            '\u{200C}' => "zero-width non-joiner",
            '\u{200D}' => "zero-width joiner",
            '\u{2060}' => "word joiner",
            '\u{FEFF}' if i > 0 => "zero-width no-break space (BOM)",
            '\u{200E}' => "left-to-right mark",
            '\u{200F}' | '\u{061C}' if lang != &Lang::Ar => "right-to-left mark",
            '\u{202A}'..='\u{202E}' => "bidi embedding or override",
            '\u{2066}'..='\u{2069}' => "bidi isolate",
            _ => continue,
        };
        let safe = matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}');
        out.push(Issue {
            rule: "script/invisible",
            span: i..i + c.len_utf8(),
            message: format!("invisible character U+{:04X} ({name})", c as u32),
            fix: safe.then(String::new),
        });
    }
}

/// The apostrophes and quotation marks of one unit.
#[derive(Default)]
struct Marks {
    /// Apostrophes between letters, straight and typographic.
    straight: Vec<Range<usize>>,
    curly: Vec<Range<usize>>,
    /// Straight double quotes, and how many typographic ones.
    dumb: Vec<Range<usize>>,
    smart: usize,
}

impl Marks {
    fn of(t: &str) -> Marks {
        let mut m = Marks::default();
        // Byte by byte: ’ is E2 80 99, « and » C2 AB and C2 BB, “ and ” E2 80 9C and E2 80
        // 9D, and these sequences are those characters wherever they stand in UTF-8.
        let b = t.as_bytes();
        let letter_around = |i: usize, end: usize| {
            t[..i].chars().next_back().is_some_and(char::is_alphabetic)
                && t[end..].chars().next().is_some_and(char::is_alphabetic)
        };
        for (i, &x) in b.iter().enumerate() {
            match x {
                b'\'' if letter_around(i, i + 1) => m.straight.push(i..i + 1),
                b'"' => m.dumb.push(i..i + 1),
                0xc2 if matches!(b.get(i + 1), Some(0xab | 0xbb)) => m.smart += 1,
                0xe2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                    Some(0x99) if letter_around(i, i + 3) => m.curly.push(i..i + 3),
                    Some(0x9c | 0x9d) => m.smart += 1,
                    _ => {}
                },
                _ => {}
            }
        }
        m
    }
}

/// The apostrophe and quote issues of a document of `units` (texts): where both straight
/// and typographic forms are used, each one of the minority form, with the majority's as
/// fix (apostrophes; quotes are told, not fixed). Returns (unit index, issue).
pub fn quotes(units: &[&str], lang: &Lang) -> Vec<(usize, Issue)> {
    use rayon::prelude::*;
    // Each unit's marks, found in parallel, then counted over the document in order.
    let marks: Vec<Marks> = units.par_iter().map(|t| Marks::of(t)).collect();
    let mut straight = Vec::new();
    let mut curly = Vec::new();
    let mut dumb = Vec::new();
    let mut smart = 0;
    for (u, m) in marks.into_iter().enumerate() {
        straight.extend(m.straight.into_iter().map(|r| (u, r)));
        curly.extend(m.curly.into_iter().map(|r| (u, r)));
        dumb.extend(m.dumb.into_iter().map(|r| (u, r)));
        smart += m.smart;
    }
    let mut out = Vec::new();
    if !straight.is_empty() && !curly.is_empty() {
        let (minority, want, name) = if curly.len() >= straight.len() {
            (straight, "\u{2019}", "’")
        } else {
            (curly, "'", "'")
        };
        for (u, span) in minority {
            out.push((
                u,
                Issue {
                    rule: "typography/apostrophe",
                    span,
                    message: format!(
                        "apostrophes of two kinds in the document: most are « {name} »"
                    ),
                    fix: Some(want.to_string()),
                },
            ));
        }
    }
    if !dumb.is_empty() && smart > dumb.len() {
        let want = if lang == &Lang::Fr {
            "« »"
        } else {
            "“ ”"
        };
        for (u, span) in dumb {
            out.push((
                u,
                Issue {
                    rule: "typography/quotes",
                    span,
                    message: format!("a straight quote in a document that mostly uses {want}"),
                    fix: None,
                },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str, lang: Lang) -> Vec<(&'static str, String)> {
        check(text, &lang)
            .into_iter()
            .map(|i| (i.rule, text[i.span].to_string()))
            .collect()
    }

    #[test]
    fn french_spacing() {
        let t = "Pourquoi ? Voici : « oui » et\u{202F}; non\u{00A0}: fin! à 10:30, http://x.org";
        let r = rules(t, Lang::Fr);
        assert_eq!(
            r,
            [
                ("typography/fr-spacing", " ".to_string()),
                ("typography/fr-spacing", " ".to_string()),
                ("typography/fr-spacing", " ".to_string()),
                ("typography/fr-spacing", " ".to_string()),
                ("typography/fr-spacing", "!".to_string()),
            ]
        );
        let fixed = apply(t, &check(t, &Lang::Fr));
        assert!(check(&fixed, &Lang::Fr).is_empty(), "{fixed}");
        assert!(rules("What? Yes: «x»", Lang::En).is_empty());
    }

    fn apply(t: &str, issues: &[Issue]) -> String {
        let mut s = t.to_string();
        for i in issues.iter().rev() {
            if let Some(f) = &i.fix {
                s.replace_range(i.span.clone(), f);
            }
        }
        s
    }

    #[test]
    fn arabic_punctuation_doubled_words_and_invisibles() {
        assert_eq!(
            rules("قال, هل? نعم 10,5", Lang::Ar),
            [
                ("typography/ar-punctuation", ",".to_string()),
                ("typography/ar-punctuation", "?".to_string()),
            ]
        );
        assert_eq!(
            rules("the the State, nous nous", Lang::En),
            [("typography/doubled-word", "the the".to_string())]
        );
        let r = rules("a\u{200B}b \u{202E}x", Lang::En);
        assert_eq!(r.len(), 2);
        assert!(r.iter().all(|(k, _)| *k == "script/invisible"));
        assert!(rules("نص\u{200F}", Lang::Ar).is_empty());
    }

    #[test]
    fn doubled_words_ignore_case_in_every_script() {
        assert!(same_ignoring_case("The", "the"));
        assert!(same_ignoring_case("ÉTAT", "état"));
        assert!(!same_ignoring_case("the", "then"));
        assert!(!same_ignoring_case("état", "etat"));
        let doubled = |t: &str| {
            check(t, &Lang::Fr)
                .iter()
                .filter(|i| i.rule == "typography/doubled-word")
                .count()
        };
        assert_eq!(doubled("L'État État souverain"), 1);
        assert_eq!(doubled("The the end"), 1);
        assert_eq!(doubled("nous nous sommes"), 0);
    }

    #[test]
    fn quotes_of_two_kinds() {
        let units = ["l’État et l’ONU", "l'Union"];
        let q = quotes(&units, &Lang::Fr);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, 1);
        assert_eq!(q[0].1.fix.as_deref(), Some("\u{2019}"));
        assert!(quotes(&["l’État", "l’Union"], &Lang::Fr).is_empty());
    }
}
