//! The rules over a unit and its source as wholes: `structure/missing`,
//! `structure/untranslated`, `consistency/segment` and `number/mismatch` (over the tokens of
//! [`super::numbers`]).

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::numbers::{self, Mismatch};
use super::{Context, Doc, Hit};
use crate::align::numbers::{GroupOrder, OrderVote};
use crate::diag::Details;
use crate::text::normalize::for_matching;
use crate::Lang;

/// The digit-group order of a document's texts (Arabic display order, see
/// [`crate::align::numbers`]).
fn group_order<'a>(texts: impl Iterator<Item = &'a str>, lang: &Lang) -> GroupOrder {
    if lang != &Lang::Ar {
        return GroupOrder::Logical;
    }
    let mut vote = OrderVote::default();
    for t in texts {
        vote.add_text(&for_matching(t));
    }
    vote.order()
}

/// Letters of `s` outside URLs (for telling text from numbers, symbols and links).
fn letters(s: &str) -> usize {
    // Without a URL, every letter counts (the separators below are not letters): counted
    // without cutting the text, byte by byte when it is ASCII.
    if !s.contains("://") && !s.contains("www.") {
        return if s.is_ascii() {
            s.bytes().filter(u8::is_ascii_alphabetic).count()
        } else {
            s.chars().filter(|c| c.is_alphabetic()).count()
        };
    }
    s.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '<' | '>'))
        .filter(|w| !(w.contains("://") || w.starts_with("www.")))
        .flat_map(str::chars)
        .filter(|c| c.is_alphabetic())
        .count()
}

/// How much rarer (in Zipf units, a factor of about 5.6) a word of a copied unit may be in
/// the target's language than in the source's and still read as the target's.
const BOTH_MARGIN: f64 = 0.75;
/// The least general frequency (Zipf) of such a word in the target's language.
const BOTH_MIN_ZIPF: f64 = 2.5;

/// Whether every word of `text` (there is one at least) is a common word of `target` about
/// as common there as in `source`, by the general-language lists ([`crate::text::freq`]):
/// `INTRODUCTION`, `Conclusions` and `Participation` read as French and as English, `Article
/// premier` and `Rapport` as French only. `false` for a language without a list.
fn reads_as_both(text: &str, source: &Lang, target: &Lang) -> bool {
    use crate::text::freq::zipf;
    let mut words = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|w| {
            let w = w.to_lowercase();
            match (zipf(target, &w), zipf(source, &w)) {
                (Some(t), Some(s)) => t >= BOTH_MIN_ZIPF && t >= s - BOTH_MARGIN,
                _ => false,
            }
        })
}

/// Whether `text` is a person's name as a signature gives it (`M. ALLIOT-MARIE`, `J.R.V.A.
/// DIJSSELBLOEM`): five words at most, initials (`M.`, `J.R.`) and capitalised words only,
/// one initial at least. French and English write a name alike; Arabic writes it in its
/// letters, so only between two Latin-script languages is such a copy no copy.
fn signature_name(text: &str) -> bool {
    let initials = |w: &str| {
        let b = w.as_bytes();
        !b.is_empty()
            && b.len() % 2 == 0
            && b.chunks(2)
                .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
    };
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().any(|w| initials(w))
        && words.iter().all(|w| initials(w) || capitalised(w))
}

/// The structure rules over a document whose units have sources: missing and untranslated
/// units, numbers that differ, one source segment translated two ways.
pub(super) fn check(doc: &Doc, cx: &Context, hits: &mut Vec<Hit>) {
    let Some(src_lang) = &doc.source_lang else {
        return;
    };
    let on = |id: &str| cx.config.severity(id).is_some();
    let order_t = group_order(doc.units.iter().map(|u| u.text.as_str()), &doc.lang);
    let order_s = group_order(
        doc.units
            .iter()
            .filter_map(|u| u.source.as_ref().map(|s| s.text.as_str())),
        src_lang,
    );
    let rules = Rules {
        untranslated: on("structure/untranslated"),
        segment: on("consistency/segment"),
        numbers: on("number/mismatch"),
    };
    // Each unit on its own, in parallel; then, in order, the segments translated two ways,
    // the one check that carries what it saw from unit to unit.
    let checked: Vec<Option<Checked>> = doc
        .units
        .par_iter()
        .enumerate()
        .map(|(u, unit)| {
            let src = unit.source.as_ref()?;
            Some(check_unit(
                u,
                unit,
                src,
                &doc.lang,
                rules,
                (order_s, order_t),
            ))
        })
        .collect();
    let mut segments: FxHashMap<String, (String, usize)> = FxHashMap::default();
    for (u, c) in checked.into_iter().enumerate() {
        let Some(c) = c else { continue };
        let numbers = match c {
            Checked::Told(hit) => {
                hits.push(*hit);
                continue;
            }
            Checked::Compared { segment, numbers } => {
                if let Some((t_norm, s_norm)) = segment {
                    match segments.get(&s_norm) {
                        None => {
                            segments.insert(s_norm, (t_norm, u));
                        }
                        Some((first, at)) if *first != t_norm => {
                            let other = &doc.units[*at];
                            hits.push(Hit {
                                rule: "consistency/segment",
                                unit: u,
                                span: whole(&doc.units[u].text),
                                message: format!(
                                    "the same source segment is translated differently at line {}",
                                    other.line
                                ),
                                details: Details {
                                    expected: vec![other.text.clone()],
                                    ..Details::default()
                                },
                                ..Hit::default()
                            });
                        }
                        _ => {}
                    }
                }
                numbers
            }
        };
        hits.extend(numbers);
    }
}

/// Which of the structure rules are on.
#[derive(Clone, Copy)]
struct Rules {
    untranslated: bool,
    segment: bool,
    numbers: bool,
}

/// What one unit's checks found: the one finding that ends them (a missing or untranslated
/// unit), or the unit's matching forms for the segment check (when it applies) and its
/// number findings.
enum Checked {
    Told(Box<Hit>),
    Compared {
        segment: Option<(String, String)>,
        numbers: Vec<Hit>,
    },
}

/// The checks of unit `u` against its source that need no other unit.
fn check_unit(
    u: usize,
    unit: &super::Unit,
    src: &super::SourceUnit,
    lang: &Lang,
    rules: Rules,
    (order_s, order_t): (GroupOrder, GroupOrder),
) -> Checked {
    if unit.text.trim().is_empty() {
        if !src.text.trim().is_empty() || letters(&src.text) > 0 {
            let preview: String = src.text.chars().take(60).collect();
            return Checked::Told(Box::new(Hit {
                rule: "structure/missing",
                unit: u,
                span: 0..0,
                message: format!(
                    "source unit (line {}) has no translation: « {preview} »",
                    src.line
                ),
                ..Hit::default()
            }));
        }
        return Checked::Compared {
            segment: None,
            numbers: Vec::new(),
        };
    }
    // The matching forms, made when a rule needs them.
    let norms = std::cell::OnceCell::new();
    let norm = || norms.get_or_init(|| (for_matching(&unit.text), for_matching(&src.text)));
    // Untranslated: the source itself, or text in the source's language.
    let t_letters = if rules.untranslated {
        letters(&unit.text)
    } else {
        0
    };
    if t_letters >= 12 && &src.lang != lang {
        let detected = crate::text::lang::detect(&unit.text);
        // The same text in a third language (an Arabic line of a French letterhead kept
        // in the English) is quoted, not left untranslated.
        let (t_norm, s_norm) = norm();
        // A copy that also reads as the target's language (`Introduction`,
        // `Participation`) is the same word in both, not a copy.
        let latin = |l: &Lang| matches!(l, Lang::Fr | Lang::En);
        let same = t_norm == s_norm
            && detected.as_ref().is_none_or(|l| l == &src.lang)
            && !reads_as_both(&unit.text, &src.lang, lang)
            && !(latin(&src.lang) && latin(lang) && signature_name(unit.text.trim()));
        let in_source_lang = t_letters >= 40
            && detected.as_ref() == Some(&src.lang)
            && crate::text::lang::detect(&src.text).as_ref() == Some(&src.lang);
        if same || in_source_lang {
            return Checked::Told(Box::new(Hit {
                rule: "structure/untranslated",
                unit: u,
                span: whole(&unit.text),
                message: if same {
                    "the target unit is the source unit".into()
                } else {
                    format!("the target unit is in {}, the source's language", src.lang)
                },
                ..Hit::default()
            }));
        }
    }
    // One source segment translated two ways: its matching forms, compared in order after.
    let segment = (rules.segment && letters(&src.text) >= 20).then(|| norm().clone());
    let numbers = match rules.numbers {
        true => {
            let s = numbers::extract(&src.text, &src.lang, order_s);
            let t = numbers::extract(&unit.text, lang, order_t);
            numbers::compare(&s, &t)
                .into_iter()
                .map(|m| number_hit(u, unit, src, m))
                .collect()
        }
        false => Vec::new(),
    };
    Checked::Compared { segment, numbers }
}

fn number_hit(u: usize, unit: &super::Unit, src: &super::SourceUnit, m: Mismatch) -> Hit {
    let what = m.kind.as_str();
    let show = |t: &numbers::Token, text: &str| text[t.span.clone()].to_string();
    let (span, message, expected, found) = match (&m.source, &m.target) {
        (Some(s), Some(t)) => (
            t.span.clone(),
            format!(
                "{what} « {} » in the target, « {} » in the source",
                show(t, &unit.text),
                show(s, &src.text)
            ),
            vec![show(s, &src.text)],
            Some(show(t, &unit.text)),
        ),
        (Some(s), None) => (
            whole(&unit.text),
            format!(
                "{what} « {} » of the source is not in the target",
                show(s, &src.text)
            ),
            vec![show(s, &src.text)],
            None,
        ),
        (None, Some(t)) => (
            t.span.clone(),
            format!("{what} « {} » is not in the source", show(t, &unit.text)),
            Vec::new(),
            Some(show(t, &unit.text)),
        ),
        (None, None) => (0..0, String::new(), Vec::new(), None),
    };
    Hit {
        rule: "number/mismatch",
        unit: u,
        span,
        message,
        details: Details {
            expected,
            found: found.or(Some(String::new())).filter(|f| !f.is_empty()),
            ..Details::default()
        },
        fix: None,
    }
}

/// The unit's text without its surrounding blanks, as a byte range.
fn whole(text: &str) -> std::ops::Range<usize> {
    let start = text.len() - text.trim_start().len();
    start..text.trim_end().len().max(start)
}

#[cfg(test)]
mod tests {
    use super::letters;

    #[test]
    fn letters_outside_urls() {
        assert_eq!(letters("see https://example.org/abc and www.un.org now"), 9);
        assert_eq!(letters("l'État (ONU) [A/RES/74/247]"), 12);
        assert_eq!(letters("الدورة 74 (www.un.org)"), 6);
        assert_eq!(letters("1 234,5 %"), 0);
    }
}
