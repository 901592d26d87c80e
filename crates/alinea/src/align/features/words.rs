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
