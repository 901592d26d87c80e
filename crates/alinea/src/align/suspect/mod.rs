//! Units that look aligned but are not translations: sides in two languages with the same text
//! (a letterhead such as `المنامة، البحرين` copied into the French and English documents), or
//! a side written in the wrong script for its language (`MANAMA, BAHREÏN` in the Arabic
//! document). The aligner may pair them confidently (same anchors, same length); they are given
//! a confidence of at most [`SUSPECT_SCORE`] and a warning each (`align/untranslated`,
//! `align/wrong-script`), so that a reviewer sees them; the TMX writer leaves them out unless
//! asked to keep unaligned units ([`is_suspect`]), and [`Aligned::summary`] counts them.

use std::borrow::Cow;

use super::aligned::{range_label, Aligned};
use super::multi::MultiBead;
use crate::diag::Diagnostic;
use crate::text::chars::{letter_or_digit, script, Script};
use crate::text::normalize::{for_matching, matching_chars};
use crate::Lang;

/// The highest confidence a suspect unit keeps.
pub const SUSPECT_SCORE: f64 = 0.05;

/// Why a unit is suspect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Suspicion {
    /// Sides `a` and `b`, in different languages, have the same text.
    SameText { a: usize, b: usize },
    /// Side `side` is mostly in a script its language is not written in.
    WrongScript { side: usize, found: Script },
}

/// The script a language is written in, where alinea knows it.
fn expected_script(lang: &Lang) -> Option<Script> {
    match lang {
        Lang::Ar => Some(Script::Arabic),
        Lang::Fr | Lang::En => Some(Script::Latin),
        Lang::Other(code) => match code.as_str() {
            "fa" | "ur" | "ps" => Some(Script::Arabic),
            "de" | "es" | "it" | "pt" | "nl" => Some(Script::Latin),
            _ => None,
        },
    }
}

/// The letters by script (Latin, Arabic, other) of each whitespace-separated word of `text`
/// that says something about its language — with a letter, without a digit, not a URL or an
/// address (symbols such as `A/RES/74/247` are the same in every language) — given to `f` in
/// order until it returns `false`. One pass over the bytes, ASCII without decoding.
fn language_words(text: &str, mut f: impl FnMut([usize; 3]) -> bool) {
    let bytes = text.as_bytes();
    let mut letters = [0usize; 3];
    // Whether the word so far is out (a digit, `@`, `://`), and where it began.
    let mut out = false;
    let mut start = 0;
    let says = |letters: [usize; 3], out: bool, word: &[u8]| {
        !out && letters != [0; 3] && !word.starts_with(b"www.")
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, len) = if b.is_ascii() {
            (b as char, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            (c, c.len_utf8())
        };
        if c.is_whitespace() {
            if says(letters, out, &bytes[start..i]) && !f(letters) {
                return;
            }
            letters = [0; 3];
            out = false;
            start = i + len;
        } else if !out {
            if b.is_ascii() {
                if b.is_ascii_digit()
                    || b == b'@'
                    || (b == b':' && bytes.get(i + 1..i + 3) == Some(b"//"))
                {
                    out = true;
                } else {
                    letters[0] += usize::from(b.is_ascii_alphabetic());
                }
            } else {
                match letter_or_digit(c) {
                    (_, true) => out = true,
                    (true, false) => {
                        letters[match script(c) {
                            Script::Latin => 0,
                            Script::Arabic => 1,
                            Script::Other => 2,
                        }] += 1;
                    }
                    (false, false) => {}
                }
            }
        }
        i += len;
    }
    if says(letters, out, &bytes[start..]) {
        f(letters);
    }
}

/// Whether every letter of `text` is Latin, by a scan of its bytes that decodes nothing: all
/// its characters are below U+0240 (where only `ª`, `µ` and `º` are letters of no Latin
/// range, see [`script`]) but those three, or general punctuation (U+2000–U+203F: spaces,
/// dashes, quotes, apostrophes). Such a text's main script is Latin when it has one.
fn plainly_latin(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0..=0x7F => i = ascii_run_end(b, i + 1),
            0xC2 if matches!(b.get(i + 1), Some(0xAA | 0xB5 | 0xBA)) => return false,
            0xC2..=0xC8 => i += 2,
            0xE2 if b.get(i + 1) == Some(&0x80) => i += 3,
            _ => return false,
        }
    }
    true
}

/// Whether every letter of `text` is Arabic, by a scan of its bytes that decodes nothing: its
/// characters are ASCII but letters, of the Arabic block (U+0600–U+06FF), or general
/// punctuation (U+2000–U+203F). Such a text's main script is Arabic when it has one.
fn plainly_arabic(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            c if c.is_ascii_alphabetic() => return false,
            0..=0x7F => i += 1,
            0xD8..=0xDB => i += 2,
            0xE2 if b.get(i + 1) == Some(&0x80) => i += 3,
            _ => return false,
        }
    }
    true
}

/// Whether `text` holds a basic Arabic letter, tatweel aside (U+0620–U+064A but U+0640), by
/// its bytes: the letters NFC composes into are of that range and come from bases of it, and
/// the matching form keeps them, so both a text and its matching form hold one or neither.
fn has_arabic_letter(text: &str) -> bool {
    let b = text.as_bytes();
    // The lead bytes are found by a vectorised search; a Latin text has none.
    memchr::memchr2_iter(0xD8, 0xD9, b).any(|i| {
        matches!(
            (b[i], b.get(i + 1)),
            (0xD8, Some(0xA0..=0xBF)) | (0xD9, Some(0x81..=0x8A))
        )
    })
}

/// The end of the run of ASCII bytes of `b` from `i`: eight bytes at a time while a whole word
/// is ASCII, then byte by byte.
#[inline]
fn ascii_run_end(b: &[u8], mut i: usize) -> usize {
    while let Some(word) = b.get(i..i + 8) {
        let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        if w & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() && b[i] < 0x80 {
        i += 1;
    }
    i
}

/// Whether `text` has words enough to be judged: two words or more (a name or an acronym alone
/// may be the same in every language and script).
fn judged(text: &str) -> bool {
    let mut words = 0;
    language_words(text, |_| {
        words += 1;
        words < 2
    });
    words >= 2
}

/// The script of most of the letters of the words of `text` (see [`language_words`]), when it
/// is [`judged`]. One pass over the text.
fn main_script(text: &str) -> Option<Script> {
    let (mut words, mut latin, mut arabic, mut other) = (0usize, 0usize, 0usize, 0usize);
    language_words(text, |[l, a, o]| {
        words += 1;
        latin += l;
        arabic += a;
        other += o;
        true
    });
    if words < 2 {
        return None;
    }
    Some(if latin >= arabic && latin >= other {
        Script::Latin
    } else if arabic >= other {
        Script::Arabic
    } else {
        Script::Other
    })
}

/// The suspicions about one bead whose side texts are `texts` (empty for a side without units).
fn check<S: AsRef<str>>(texts: &[S], langs: &[&Lang]) -> Vec<Suspicion> {
    let texts: Vec<&str> = texts.iter().map(AsRef::as_ref).collect();
    let mut out = Vec::new();
    // Texts of very different lengths are not the same text: those are not normalised.
    let close = |a: usize, b: usize| {
        let (x, y) = (texts[a].len(), texts[b].len());
        langs[a] != langs[b] && x > 0 && y > 0 && x <= 2 * y + 8 && y <= 2 * x + 8
    };
    // Equal in their matching forms once lower-cased, compared character by character
    // (texts in two languages usually differ within a few characters).
    let same = |a: &str, b: &str| match (matching_chars(a), matching_chars(b)) {
        (Some(x), Some(y)) => x
            .flat_map(char::to_lowercase)
            .eq(y.flat_map(char::to_lowercase)),
        _ => for_matching(a)
            .chars()
            .flat_map(char::to_lowercase)
            .eq(for_matching(b).chars().flat_map(char::to_lowercase)),
    };
    for a in 0..texts.len() {
        for b in a + 1..texts.len() {
            // Normalising neither makes nor removes a basic Arabic letter: a French or
            // English side is not the Arabic one, whatever else they hold.
            if close(a, b)
                && has_arabic_letter(texts[a]) == has_arabic_letter(texts[b])
                && same(texts[a], texts[b])
                && judged(&for_matching(texts[a]))
            {
                out.push(Suspicion::SameText { a, b });
            }
        }
    }
    for (side, t) in texts.iter().enumerate() {
        let Some(want) = expected_script(langs[side]) else {
            continue;
        };
        let plainly = match want {
            Script::Latin => plainly_latin(t),
            Script::Arabic => plainly_arabic(t),
            Script::Other => false,
        };
        if plainly {
            continue;
        }
        match main_script(t) {
            Some(found) if found != want => out.push(Suspicion::WrongScript { side, found }),
            _ => {}
        }
    }
    out
}

/// The suspect beads of an alignment with units on two sides or more: (bead index, why).
pub fn find(aligned: &Aligned) -> Vec<(usize, Suspicion)> {
    use rayon::prelude::*;
    let langs: Vec<&Lang> = aligned.sides.iter().map(|s| &s.lang).collect();
    // Beads are checked in parallel, in chunks; the result is in bead order.
    let per_chunk: Vec<Vec<(usize, Suspicion)>> = aligned
        .beads
        .par_chunks(256)
        .enumerate()
        .map(|(c, beads)| {
            let mut out = Vec::new();
            for (k, b) in beads.iter().enumerate() {
                if b.filled() < 2 {
                    continue;
                }
                let texts: Vec<Cow<'_, str>> = (0..b.sides.len())
                    .map(|d| side_text(aligned, b, d))
                    .collect();
                out.extend(check(&texts, &langs).into_iter().map(|s| (c * 256 + k, s)));
            }
            out
        })
        .collect();
    per_chunk.into_iter().flatten().collect()
}

/// Side `d`'s text in bead `b`: [`Aligned::text`], borrowed when the side has one unit.
fn side_text<'a>(aligned: &'a Aligned, b: &MultiBead, d: usize) -> Cow<'a, str> {
    match b.sides[d][..] {
        [i] => match aligned.sides[d].units.get(i) {
            Some(t) => Cow::Borrowed(t.as_str()),
            None => Cow::Borrowed(""),
        },
        _ => Cow::Owned(aligned.text(b, d)),
    }
}

/// Whether one bead of `aligned` is suspect (what [`find`] says of it, without the reasons).
pub fn is_suspect(aligned: &Aligned, b: &MultiBead) -> bool {
    if b.filled() < 2 {
        return false;
    }
    let langs: Vec<&Lang> = aligned.sides.iter().map(|s| &s.lang).collect();
    let texts: Vec<Cow<'_, str>> = (0..b.sides.len())
        .map(|d| side_text(aligned, b, d))
        .collect();
    !check(&texts, &langs).is_empty()
}

/// Whether each bead of `aligned` is suspect, in bead order: [`is_suspect`] of every bead, in
/// one parallel pass ([`find`]).
pub fn flags(aligned: &Aligned) -> Vec<bool> {
    flags_of(aligned, &find(aligned))
}

/// [`flags`] from what [`find`] found.
pub(crate) fn flags_of(aligned: &Aligned, found: &[(usize, Suspicion)]) -> Vec<bool> {
    let mut out = vec![false; aligned.beads.len()];
    for &(k, _) in found {
        out[k] = true;
    }
    out
}

/// Lower the confidence of every suspect bead (what [`find`] found) to [`SUSPECT_SCORE`] at
/// most. A bead's confidence is no part of what makes it suspect, so what was found before
/// the cap holds after it.
pub(crate) fn cap_found(aligned: &mut Aligned, found: &[(usize, Suspicion)]) {
    for &(k, _) in found {
        let b: &mut MultiBead = &mut aligned.beads[k];
        b.score = b.score.min(SUSPECT_SCORE);
    }
}

/// One warning per suspect unit, about the alignment's pivot document `path`.
pub fn diagnostics(aligned: &Aligned, path: &std::path::Path) -> Vec<Diagnostic> {
    diagnostics_of(aligned, &find(aligned), path)
}

/// [`diagnostics`] from what [`find`] found.
pub(crate) fn diagnostics_of(
    aligned: &Aligned,
    found: &[(usize, Suspicion)],
    path: &std::path::Path,
) -> Vec<Diagnostic> {
    let units = |b: &MultiBead| -> String {
        aligned
            .sides
            .iter()
            .zip(&b.sides)
            .filter(|(_, ix)| !ix.is_empty())
            .map(|(s, ix)| format!("{} {}", s.lang, range_label(ix)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let snippet = |b: &MultiBead, d: usize| -> String {
        let t = aligned.text(b, d);
        let mut s: String = t.chars().take(60).collect();
        if t.chars().count() > 60 {
            s.push('…');
        }
        s
    };
    let mut out = Vec::new();
    let mut rest = found;
    while let Some(&(k, _)) = rest.first() {
        let n = rest.iter().take_while(|(j, _)| *j == k).count();
        let (mine, tail) = rest.split_at(n);
        rest = tail;
        let b = &aligned.beads[k];
        let lang = |d: usize| &aligned.sides[d].lang;
        let reasons: Vec<String> = mine
            .iter()
            .map(|(_, why)| match *why {
                Suspicion::SameText { a, b: c } => format!(
                    "the {} and {} sides have the same text «{}»",
                    lang(a),
                    lang(c),
                    snippet(b, a)
                ),
                Suspicion::WrongScript { side, found } => format!(
                    "the {} side is in {} script «{}»",
                    lang(side),
                    match found {
                        Script::Latin => "Latin",
                        Script::Arabic => "Arabic",
                        Script::Other => "another",
                    },
                    snippet(b, side)
                ),
            })
            .collect();
        // One warning per unit, named after its first reason (same text before wrong script).
        let code = match mine[0].1 {
            Suspicion::SameText { .. } => "align/untranslated",
            Suspicion::WrongScript { .. } => "align/wrong-script",
        };
        let message = format!("unit {} ({}): {}", k + 1, units(b), reasons.join("; "));
        out.push(
            Diagnostic::warning(code, message)
                .at_path(path)
                .with_help(format!(
                    "not a translation (a letterhead or a copied line?): its confidence is \
                     {SUSPECT_SCORE} at most"
                )),
        );
    }
    out
}

#[cfg(test)]
mod tests;
