//! Property tests for the paragraph reader: no text is lost or duplicated. Every non-blank line
//! of the input belongs to exactly one unit, and the units' labels and plain text, put end to
//! end, equal the normalised input with whitespace and markup removed.

use std::path::Path;

use alinea::doc::{self, InputMode};
use alinea::text::markup;
use alinea::text::normalize::for_matching;
use alinea::Lang;
use proptest::prelude::*;

const MARKERS: &[&str] = &[
    "", "", "", "", "1. ", "2) ", "a) ", "- ", "- b) ", "* ", "¹ ", "## ", "(iv) ", "١) ", "(أ) ",
    "• ", "12.",
];

const WORDS: &[&str] = &[
    "Union",
    "de",
    "la",
    "cybercriminalité",
    "**gras**",
    "*ital*",
    "17<sup>e</sup>",
    "146^e",
    "1^{er}",
    "[lien](http://x.y/z)",
    "WN\\_x",
    "l’État",
    "A/RES/57/239",
    "74/247",
    "3",
    "Page",
    "الأمم",
    "المتحدة",
    "١٢",
    "،",
    ",",
    ".",
    ";",
    "?",
    "(note)",
    "the",
    "and",
    "ASSEMBLY",
    "é",
    "\u{00A0}:",
    "«\u{202F}oui\u{202F}»",
    "x*y",
    "*",
    "_",
    "E/2019/30",
    "GE.15-12345",
    "dans",
    "monde",
    "Assemblée",
    "of",
    "في",
    "soulignant",
    "notant",
    "considérant",
    "—",
];

fn line() -> impl Strategy<Value = String> {
    (
        prop::sample::select(MARKERS),
        prop::collection::vec(prop::sample::select(WORDS), 0..14),
        prop::sample::select(&["", ".", ",", ";", ":", "  ", " "][..]),
        prop::sample::select(&["", " ", "\t"][..]),
    )
        .prop_map(|(m, ws, end, lead)| format!("{lead}{m}{}{end}", ws.join(" ")))
}

fn document() -> impl Strategy<Value = String> {
    let block = prop::collection::vec(line(), 1..5);
    (
        prop::collection::vec((block, 1usize..4), 1..8),
        prop::bool::ANY,
    )
        .prop_map(|(blocks, crlf)| {
            let nl = if crlf { "\r\n" } else { "\n" };
            let mut s = String::new();
            for (lines, blanks) in blocks {
                for l in lines {
                    s.push_str(&l);
                    s.push_str(nl);
                }
                for _ in 0..blanks {
                    s.push_str(nl);
                }
            }
            s
        })
}

/// The matching form without any whitespace.
fn key(s: &str) -> String {
    for_matching(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_text_lost_or_duplicated(text in document()) {
        let path = Path::new("prop.fr.txt");
        let reading = match doc::read_str(path, &text, Some(Lang::Fr), InputMode::Auto) {
            Ok(r) => r,
            Err(e) => {
                // Only a document without any text may be refused.
                prop_assert!(text.trim().is_empty() || key(&markup::strip(&text)).is_empty() && text.lines().all(|l| l.trim().is_empty()), "{e}");
                return Ok(());
            }
        };
        let d = &reading.document;
        let source_lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
        let non_blank: Vec<usize> = source_lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, _)| i + 1)
            .collect();

        // (a) every non-blank line in exactly one unit, in order within the unit.
        let mut flat: Vec<usize> = reading.lines.iter().flatten().copied().collect();
        for ls in &reading.lines {
            prop_assert!(ls.windows(2).all(|w| w[0] < w[1]), "{ls:?}");
        }
        let in_unit_order = flat.clone();
        flat.sort_unstable();
        prop_assert_eq!(&flat, &non_blank);

        // (b) each unit's label and plain text are its lines with markup removed.
        let line_key = |n: usize| key(&markup::strip_line(source_lines[n - 1].trim(), 0).text);
        for (u, ls) in d.units.iter().zip(&reading.lines) {
            let got = key(&format!("{} {}", u.label.as_deref().unwrap_or(""), u.plain));
            let want: String = ls.iter().map(|&n| line_key(n)).collect();
            prop_assert_eq!(got, want, "unit {} {:?}", u.index, u.text);
            prop_assert!(!u.plain.contains("<sup>") && !u.plain.contains("](") && !u.plain.contains("**"), "{}", u.plain);
            prop_assert!(u.span.start_byte < u.span.end_byte && u.span.end_byte <= text.len());
            prop_assert_eq!(u.span.line, ls[0]);
        }

        // (c) all units end to end: the normalised input without whitespace and markup (in the
        // units' reading order, which differs from the file's only where a paragraph cut by a
        // page break was joined over a note or page furniture).
        let all: String = d
            .units
            .iter()
            .map(|u| key(&format!("{} {}", u.label.as_deref().unwrap_or(""), u.plain)))
            .collect();
        let want: String = in_unit_order.iter().map(|&n| line_key(n)).collect();
        prop_assert_eq!(&all, &want);
        if in_unit_order.windows(2).all(|w| w[0] < w[1]) {
            prop_assert_eq!(all, key(&markup::strip(&text)));
        }

        // Sentences cover each unit's plain text exactly.
        for s in reading.sentences() {
            prop_assert!(!s.unit.plain.is_empty());
            prop_assert!(d.units[s.paragraph].plain.contains(&*s.unit.plain));
        }
    }

    #[test]
    fn any_text_reads_without_panic(text in "(?s).{0,300}", lang in prop::sample::select(&["fr", "en", "ar", "de"][..])) {
        let lang: Lang = lang.parse().unwrap();
        if let Ok(r) = doc::read_str(Path::new("any.txt"), &text, Some(lang.clone()), InputMode::Auto) {
            for s in r.sentences() {
                prop_assert!(s.unit.span.start_byte <= s.unit.span.end_byte);
            }
        }
        let _ = alinea::text::sentences::split(&text, &lang);
        let _ = alinea::text::normalize::for_matching(&text);
        let _ = alinea::text::lang::detect(&text);
    }

    #[test]
    fn sentences_partition_the_text(words in prop::collection::vec(prop::sample::select(WORDS), 0..40)) {
        let text = words.join(" ");
        for lang in [Lang::Fr, Lang::En, Lang::Ar, Lang::Other("de".into())] {
            let ranges = alinea::text::sentences::split(&text, &lang);
            let mut last = 0;
            for r in &ranges {
                prop_assert!(r.start >= last && r.start < r.end);
                prop_assert!(text[last..r.start].trim().is_empty());
                last = r.end;
            }
            prop_assert!(text[last..].trim().is_empty());
        }
    }
}
