//! Word forms for matching: stems (Snowball for Russian and Greek, a light stemmer for
//! Arabic, a six-letter prefix otherwise), Arabic-folded and de-accented words.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

use crate::text::normalize::fold_arabic_char;
use crate::Lang;

/// Snowball stemmers are used for Russian and Greek. Arabic uses a light stemmer (clitics and
/// common suffixes, see [`arabic_light_stem`]); Latin-script languages a six-letter prefix. Both
/// align as well as Snowball stems on the dev sets and cost a fraction of the time.
fn stemmer_for(lang: &Lang) -> Option<Stemmer> {
    let alg = match lang.code() {
        "ru" => Algorithm::Russian,
        "el" => Algorithm::Greek,
        _ => return None,
    };
    Some(Stemmer::create(alg))
}

/// A word stemmer for a language (see [`stemmer_for`]; a prefix of six letters otherwise).
pub(crate) struct WordStemmer {
    stemmer: Option<Stemmer>,
    arabic: bool,
}

impl WordStemmer {
    pub fn new(lang: &Lang) -> Self {
        WordStemmer {
            stemmer: stemmer_for(lang),
            arabic: matches!(lang, Lang::Ar),
        }
    }

    /// The stem of a lower-cased, normalised word (borrowed from it where it is a part of it).
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        let s = match &self.stemmer {
            Some(st) => st.stem(word),
            None if self.arabic => Cow::Borrowed(arabic_light_stem(word)),
            None => Cow::Borrowed(word.char_indices().nth(6).map_or(word, |(i, _)| &word[..i])),
        };
        if s.is_empty() {
            Cow::Borrowed(word)
        } else {
            s
        }
    }
}

/// A light Arabic stem of a folded word: a leading conjunction or preposition with the article
/// (`وال`, `بال`, `لل`, `ال`, `و` …) and a common suffix (plural, dual, pronoun, nisba) removed,
/// keeping at least three letters (a part of `word`).
pub(crate) fn arabic_light_stem(word: &str) -> &str {
    const PREFIXES: [&str; 11] = [
        "وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك",
    ];
    const SUFFIXES: [&str; 13] = [
        "هما", "ات", "ون", "ين", "ان", "ها", "هم", "كم", "نا", "يه", "يه", "ه", "ي",
    ];
    let len = |s: &str| s.chars().count();
    let mut w = word;
    for p in PREFIXES {
        if let Some(rest) = w.strip_prefix(p) {
            if len(rest) >= 3 {
                w = rest;
                break;
            }
        }
    }
    for s in SUFFIXES {
        if let Some(rest) = w.strip_suffix(s) {
            if len(rest) >= 3 {
                w = rest;
                break;
            }
        }
    }
    w
}

/// Arabic letters folded for matching: alef variants to alef, alef maqsura to ya, ta marbuta to
/// ha, diacritics and tatweel removed.
pub(crate) fn fold_arabic(word: &str) -> String {
    word.chars().filter_map(fold_arabic_char).collect()
}

/// Latin letters without accents (for cognates).
pub(crate) fn deaccent(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if word.is_ascii() {
        return word.to_string();
    }
    if word.chars().all(|c| (c as u32) < 0x100) {
        return word.chars().map(fold_latin1).collect();
    }
    word.nfd()
        .filter(|c| !('\u{0300}'..='\u{036F}').contains(c))
        .map(|c| match c {
            'ß' => 's',
            'œ' => 'o',
            'æ' => 'a',
            _ => c,
        })
        .collect()
}

/// A lower-case Latin-1 letter without its accent.
fn fold_latin1(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ß' => 's',
        'æ' => 'a',
        _ => c,
    }
}
