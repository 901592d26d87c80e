//! Word forms for matching: stems (Snowball for Russian and Greek, a light stemmer for
//! Arabic, a six-letter prefix otherwise), Arabic-folded and de-accented words, and the table
//! of the distinct words of a document.

use std::borrow::Cow;
use std::hash::Hasher;

use rust_stemmers::{Algorithm, Stemmer};

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
/// keeping at least three letters (a part of `word`). The first affix that fits is removed;
/// the word's characters are counted once and the affixes compared byte by byte.
pub(crate) fn arabic_light_stem(word: &str) -> &str {
    const PREFIXES: [&str; 11] = [
        "وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك",
    ];
    const SUFFIXES: [&str; 13] = [
        "هما", "ات", "ون", "ين", "ان", "ها", "هم", "كم", "نا", "يه", "يه", "ه", "ي",
    ];
    const PREFIX_CHARS: [usize; 11] = char_counts(PREFIXES);
    const SUFFIX_CHARS: [usize; 13] = char_counts(SUFFIXES);
    let bytes = word.as_bytes();
    // The stem is `word[start..end]` (affixes are whole characters), of `n` characters.
    let (mut start, mut end) = (0, bytes.len());
    let mut n = word.chars().count();
    for (p, k) in PREFIXES.iter().zip(PREFIX_CHARS) {
        if n >= k + 3 && bytes_start_with(bytes, p.as_bytes()) {
            start = p.len();
            n -= k;
            break;
        }
    }
    for (s, k) in SUFFIXES.iter().zip(SUFFIX_CHARS) {
        if n >= k + 3 && bytes_end_with(&bytes[start..], s.as_bytes()) {
            end -= s.len();
            break;
        }
    }
    &word[start..end]
}

/// The number of characters of each string.
const fn char_counts<const N: usize>(strs: [&str; N]) -> [usize; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        let b = strs[i].as_bytes();
        let mut j = 0;
        while j < b.len() {
            out[i] += (b[j] & 0xC0 != 0x80) as usize;
            j += 1;
        }
        i += 1;
    }
    out
}

/// Whether `s` starts with `p`, compared byte by byte (affixes are a few bytes long).
#[inline]
fn bytes_start_with(s: &[u8], p: &[u8]) -> bool {
    s.len() >= p.len() && s.iter().zip(p).all(|(a, b)| a == b)
}

/// Whether `s` ends with `p`, compared byte by byte.
#[inline]
fn bytes_end_with(s: &[u8], p: &[u8]) -> bool {
    s.len() >= p.len() && s[s.len() - p.len()..].iter().zip(p).all(|(a, b)| a == b)
}

/// Distinct strings stored end to end and numbered in order of insertion, with a hash index
/// (one allocation for all of them, not one each).
#[derive(Default)]
pub(crate) struct StrTable {
    text: String,
    ends: Vec<u32>,
    hashes: Vec<u32>,
    /// Open addressing: 0 for an empty slot, else an id plus one.
    slots: Vec<u32>,
}

impl StrTable {
    /// The number of strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// String `i`.
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The strings in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The hash of a string for [`StrTable::find`] and [`StrTable::insert`].
    pub fn hash(s: &str) -> u32 {
        let mut h = rustc_hash::FxHasher::default();
        h.write(s.as_bytes());
        let h = h.finish();
        (h >> 32) as u32 ^ h as u32
    }

    /// The id of `s` (hashed `h`), or the slot where it would go.
    fn slot(&self, s: &str, h: u32) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            match self.slots[i] {
                0 => return Err(i),
                v => {
                    let id = v - 1;
                    if self.hashes[id as usize] == h && self.get(id as usize) == s {
                        return Ok(id);
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// The id of `s` (hashed `h`), if it is in the table.
    pub fn find(&self, s: &str, h: u32) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        self.slot(s, h).ok()
    }

    /// The id of `s` (hashed `h`), added if it is new.
    pub fn insert(&mut self, s: &str, h: u32) -> u32 {
        if (self.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        match self.slot(s, h) {
            Ok(id) => id,
            Err(slot) => {
                let id = self.len() as u32;
                self.text.push_str(s);
                self.ends.push(self.text.len() as u32);
                self.hashes.push(h);
                self.slots[slot] = id + 1;
                id
            }
        }
    }

    fn grow(&mut self) {
        let n = (self.slots.len() * 2).max(64);
        let mask = n - 1;
        let mut slots = vec![0u32; n];
        for (id, &h) in self.hashes.iter().enumerate() {
            let mut i = h as usize & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = id as u32 + 1;
        }
        self.slots = slots;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The straightforward form of [`arabic_light_stem`].
    fn arabic_light_stem_reference(word: &str) -> &str {
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

    #[test]
    fn the_arabic_stem_is_the_straightforward_one() {
        assert_eq!(char_counts(["وال", "ه", "", "aé"]), [3, 1, 0, 2]);
        assert!(bytes_start_with(b"abc", b"ab") && !bytes_start_with(b"a", b"ab"));
        assert!(bytes_end_with(b"abc", b"bc") && !bytes_end_with(b"c", b"bc"));
        // Words made of affixes and letters, short and long, with Latin and mixed ones.
        let pieces = [
            "و", "ال", "ل", "ب", "ك", "ف", "ه", "ي", "ات", "ون", "ما", "ن", "ا", "م", "ج", "e", "é",
        ];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| pieces.iter().map(move |p| format!("{w}{p}")))
                .collect();
            words.extend(longer);
        }
        words.extend(["والمجلس", "بالجمعية", "للطلبات", "الدولتين", "كتابهما"].map(String::from));
        for w in &words {
            assert_eq!(arabic_light_stem(w), arabic_light_stem_reference(w), "{w}");
        }
        assert_eq!(arabic_light_stem("والمجلس"), "مجلس");
    }

    #[test]
    fn the_string_table_numbers_strings_in_order_of_insertion() {
        let mut t = StrTable::default();
        assert_eq!(t.find("a", StrTable::hash("a")), None);
        let words: Vec<String> = (0..500).map(|i| format!("w{}", i * 7 % 500)).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.insert(w, StrTable::hash(w)), i as u32);
        }
        // Growing kept every id; inserting again finds the same one.
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.find(w, StrTable::hash(w)), Some(i as u32));
            assert_eq!(t.insert(w, StrTable::hash(w)), i as u32);
            assert_eq!(t.get(i), w);
        }
        assert_eq!(t.len(), 500);
        assert_eq!(t.find("w500", StrTable::hash("w500")), None);
        assert_eq!(t.insert("", StrTable::hash("")), 500);
        assert_eq!(t.get(500), "");
        assert!(t.iter().take(500).eq(words.iter().map(String::as_str)));
    }
}
