//! A document's language, decided once for every command: from a file's path (a `fr`/`en`/`ar`
//! folder, a `.fr.` infix or `.fr` extension, a `_fr`/`-fr` suffix), from the text itself
//! (script, then stop words), and [`decide`], which puts them in order with a language the
//! user gave.
//!
//! The rule: a language the user gave wins; else the path; else the language the text is
//! detected in; else the caller's default (see [`Decision::fallback`]). When a given language
//! or the path disagrees with the text, [`Decision::contradiction`] is a `lang/contradicted`
//! warning naming where the language came from.

use std::path::Path;

use serde::Serialize;

use super::chars::{letter_or_digit, script, Script};
use crate::diag::Diagnostic;
use crate::Lang;

/// Where a document's language came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LangSource {
    /// Given by the user (`--lang`, `--langs`, a request field).
    Flag,
    /// Named by the file's path ([`from_path`]).
    Path,
    /// Detected from the text ([`detect`]).
    Detected,
    /// Nothing told: the caller's default (a position, or `und`).
    Default,
}

impl LangSource {
    /// The name as serialised (`flag`, `path`, `detected`, `default`).
    pub fn as_str(self) -> &'static str {
        match self {
            LangSource::Flag => "flag",
            LangSource::Path => "path",
            LangSource::Detected => "detected",
            LangSource::Default => "default",
        }
    }
}

/// A language the user gave for a file, and how they gave it (`--langs`), for messages.
#[derive(Clone, Debug, PartialEq)]
pub struct Given {
    pub lang: Lang,
    /// How it was given, as a user would recognise it: `--langs`, `--lang`, `the request`.
    pub by: String,
}

/// The language decided for a text, where it came from and what the text itself looks like.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    pub lang: Lang,
    pub source: LangSource,
    /// The language the text was detected in, when it could be told.
    pub detected: Option<Lang>,
    /// How a language given by the user was given (set with [`LangSource::Flag`]).
    pub given_by: Option<String>,
}

/// The language of a text at `path`: the `given` one, else the path's, else the detected one;
/// `None` when none of them tells (the caller then picks a default with
/// [`Decision::fallback`]).
pub fn decide(given: Option<&Given>, path: &Path, text: &str) -> Option<Decision> {
    let detected = detect(text);
    let (lang, source, given_by) = match (given, from_path(path), &detected) {
        (Some(g), _, _) => (g.lang.clone(), LangSource::Flag, Some(g.by.clone())),
        (None, Some(p), _) => (p, LangSource::Path, None),
        (None, None, Some(d)) => (d.clone(), LangSource::Detected, None),
        (None, None, None) => return None,
    };
    Some(Decision {
        lang,
        source,
        detected,
        given_by,
    })
}

impl Decision {
    /// A default language, for a text nothing else told about.
    pub fn fallback(lang: Lang) -> Decision {
        Decision {
            lang,
            source: LangSource::Default,
            detected: None,
            given_by: None,
        }
    }

    /// A `lang/contradicted` warning about `path` when the language was given or read from the
    /// path and the text clearly looks like another one.
    pub fn contradiction(&self, path: &Path) -> Option<Diagnostic> {
        let seen = self.detected.as_ref()?;
        let by = match self.source {
            LangSource::Flag => format!(
                "by {}",
                self.given_by.as_deref().unwrap_or("the language given")
            ),
            LangSource::Path => "by its path".to_string(),
            LangSource::Detected | LangSource::Default => return None,
        };
        if !contradicts(&self.lang, seen) {
            return None;
        }
        let help = match self.source {
            LangSource::Flag => format!("check the language given {by} and the order of the files"),
            _ => "check the file is in the right place, or give its language explicitly".into(),
        };
        Some(
            Diagnostic::warning(
                "lang/contradicted",
                format!(
                    "declared as {} {by} but the text looks like {seen}",
                    self.lang
                ),
            )
            .at_path(path)
            .with_help(help),
        )
    }
}

/// Whether a text [`detect`]ed as `seen` contradicts the `declared` language. A language the
/// detector does not know is only contradicted by another script (its words may well look like
/// those of a language it does know).
fn contradicts(declared: &Lang, seen: &Lang) -> bool {
    let known = matches!(
        declared.code(),
        "fr" | "en" | "ar" | "de" | "es" | "it" | "pt"
    );
    if known {
        declared != seen
    } else {
        (*seen == Lang::Ar) != declared.is_rtl()
    }
}

const FR: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "et", "est", "une", "un", "dans", "pour", "que", "qui",
    "sur", "au", "aux", "par", "en", "à", "ne", "pas", "avec", "ce", "cette", "il", "elle", "sont",
    "été", "son", "ses", "leur", "leurs", "d'", "l'", "qu'",
];
const EN: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "by", "as", "are", "be",
    "this", "which", "it", "was", "from", "at", "an", "have", "has", "its", "their", "or", "all",
    "shall", "should", "its",
];
const DE: &[&str] = &[
    "der", "die", "das", "und", "ist", "nicht", "mit", "von", "zu", "den", "dem", "ein", "eine",
    "auf", "für", "sich", "des", "im", "wird", "werden", "auch",
];
const ES: &[&str] = &[
    "el", "los", "las", "del", "y", "que", "por", "con", "para", "una", "se", "es", "su", "al",
    "como", "sus", "sobre", "entre",
];
const IT: &[&str] = &[
    "il", "gli", "della", "delle", "dei", "degli", "che", "per", "con", "una", "sono", "nel",
    "nella", "alla", "è", "e", "di",
];
const PT: &[&str] = &[
    "os", "as", "do", "da", "dos", "das", "que", "em", "para", "com", "uma", "não", "no", "na",
    "pelo", "pela", "é",
];

/// The stop-word lists of [`detect`], in the order of its counts (fr, en, de, es, it, pt).
const STOP_WORDS: [&[&str]; 6] = [FR, EN, DE, ES, IT, PT];

/// The number of characters of the longest stop word.
const LONGEST_STOP_WORD: usize = 6;

/// The lists (bit `k` for `STOP_WORDS[k]`) that hold the lower-cased word `w`.
fn stop_word_lists(w: &str) -> u8 {
    use std::sync::OnceLock;
    static INDEX: OnceLock<rustc_hash::FxHashMap<&'static str, u8>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for (k, list) in STOP_WORDS.iter().enumerate() {
            for &word in *list {
                *m.entry(word).or_insert(0u8) |= 1 << k;
            }
        }
        m
    });
    index.get(w).copied().unwrap_or(0)
}

/// How many windows of a long text [`detect`] reads, spread evenly from its start to its end.
const WINDOWS: usize = 4;

/// How many bytes each window holds (about 200 words of French or English, 500 Arabic
/// letters). About half of a French or English text's words are listed ones, so the windows
/// give a clear margin; spread over the text, a front matter in another language (an English
/// abstract before a French report) does not decide alone; and a batch of small documents
/// does not spend a twentieth of its time reading each whole, as it did with the first
/// 5,000 words.
const WINDOW_BYTES: usize = 1_200;

/// The parts of `text` [`detect`] reads: the whole text when it is short, else [`WINDOWS`]
/// windows of [`WINDOW_BYTES`], evenly spread, each starting and ending at white space (so
/// that no word is cut; a text without white space is cut where a window ends).
fn sample(text: &str) -> Vec<&str> {
    if text.len() <= WINDOWS * WINDOW_BYTES {
        return vec![text];
    }
    let step = text.len() / WINDOWS;
    let boundary = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    // The next white space at most 100 bytes on (a text without spaces is cut anywhere).
    let at_space = |i: usize| -> usize {
        let limit = boundary((i + 100).min(text.len()));
        text[i..limit]
            .find(char::is_whitespace)
            .map_or(limit, |k| i + k)
    };
    let mut parts = Vec::with_capacity(WINDOWS);
    let mut last_end = 0;
    for w in 0..WINDOWS {
        let start = if w == 0 {
            0
        } else {
            at_space(boundary(w * step)).max(last_end)
        };
        let end = at_space(boundary((start + WINDOW_BYTES).min(text.len())));
        parts.push(&text[start..end]);
        last_end = end;
    }
    parts
}

/// The language of `text`, if it can be told: Arabic by its script, Latin-script languages
/// (fr, en, de, es, it, pt) by their most frequent words, both over the text's [`sample`].
/// `None` for too little text, other scripts or no clear winner.
pub fn detect(text: &str) -> Option<Lang> {
    let parts = sample(text);
    let (mut arabic, mut latin, mut other) = (0usize, 0usize, 0usize);
    for c in parts.iter().flat_map(|p| p.chars()) {
        if c.is_ascii() {
            latin += usize::from(c.is_ascii_alphabetic());
        } else if letter_or_digit(c).0 {
            match script(c) {
                Script::Arabic => arabic += 1,
                Script::Latin => latin += 1,
                Script::Other => other += 1,
            }
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
    let mut word = |w: &str| {
        words += 1;
        // Lower-casing never shortens a word: a word longer than every listed one can only
        // match by its elided head (`l'` in `l'Union`).
        if w.len() > LONGEST_STOP_WORD
            && w.chars().nth(LONGEST_STOP_WORD).is_some()
            && !w.contains(['\'', '\u{2019}'])
        {
            return;
        }
        lower.clear();
        if w.is_ascii() {
            lower.push_str(w);
            lower.make_ascii_lowercase();
        } else {
            for c in w.chars() {
                if c == '\u{2019}' {
                    lower.push('\'');
                } else {
                    lower.extend(c.to_lowercase());
                }
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
    };
    // Words: runs of letters and apostrophes, read in one pass over each part.
    for p in &parts {
        let mut start = None;
        for (i, c) in p.char_indices() {
            let inside = if c.is_ascii() {
                c.is_ascii_alphabetic() || c == '\''
            } else {
                c == '\u{2019}' || letter_or_digit(c).0
            };
            match (inside, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    word(&p[s..i]);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            word(&p[s..]);
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

/// The language a path names: a folder called `fr`, `en` or `ar`, or a file name with such a
/// code as an infix or extension (`doc.fr.txt`, `devset.fr`) or suffix (`doc_fr.txt`,
/// `doc-fr.md`). The file name wins over folders, the nearest folder over further ones.
pub fn from_path(path: &Path) -> Option<Lang> {
    let code = |s: &str| match s.to_ascii_lowercase().as_str() {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        "ar" => Some(Lang::Ar),
        _ => None,
    };
    let mut comps: Vec<&str> = path
        .components()
        .filter_map(|c| c.as_os_str().to_str())
        .collect();
    let name = comps.pop()?;
    let parts: Vec<&str> = name.split('.').collect();
    for part in parts.iter().skip(1).rev() {
        if let Some(l) = code(part) {
            return Some(l);
        }
    }
    let stem = parts[0];
    for sep in ['_', '-'] {
        if let Some((_, tail)) = stem.rsplit_once(sep) {
            if let Some(l) = code(tail) {
                return Some(l);
            }
        }
    }
    comps.iter().rev().find_map(|c| code(c))
}

#[cfg(test)]
mod tests;
