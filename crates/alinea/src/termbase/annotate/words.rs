//! The words of texts for [`super::TermMatcher`]: cut out ([`each_word`], an ASCII fast
//! path over [`for_each_word`]), keyed ([`WordKeys`]: folded, stemmed, Arabic skeleton) and,
//! for running text, their tokens in a language's tries ([`WordInfo`]) kept in a per-thread
//! cache ([`WordCache`]: short words by their bytes as one number, [`short_key`]).

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

use super::{Keyed, LangTerms, ABSENT, EMPTY};
use crate::termbase::normalize::{for_each_word, lookup_key_into, skeleton_word, stem_word};
use crate::Lang;

/// The keys of one word of a text or a term.
#[derive(Clone, Default)]
pub(super) struct WordKeys {
    pub(super) folded: String,
    pub(super) stem: String,
    pub(super) root: String,
}

pub(super) fn word_keys(word: &str, st: Option<&Stemmer>, arabic: bool) -> WordKeys {
    let mut k = WordKeys::default();
    lookup_key_into(word, &mut k.folded);
    k.stem = stem_word(word, st);
    if arabic {
        skeleton_word(word, &mut k.root);
    }
    k
}

/// What the matcher needs of one word of a text: its token of each kind (folded, stemmed,
/// root), the length in characters of its folded key, whether its stem is empty.
#[derive(Clone, Copy)]
pub(super) struct WordInfo {
    pub(super) tok: [u32; 3],
    pub(super) folded_chars: u32,
    pub(super) stem_empty: bool,
}

impl WordInfo {
    pub(super) fn of(word: &str, lt: &LangTerms, st: Option<&Stemmer>) -> WordInfo {
        let k = word_keys(word, st, lt.lang == Lang::Ar);
        let tok = |keyed: &Option<Keyed>, key: &str| match keyed {
            _ if key.is_empty() => EMPTY,
            Some(keyed) => keyed.token(key),
            None => ABSENT,
        };
        WordInfo {
            tok: [
                tok(&lt.folded, &k.folded),
                tok(&lt.stemmed, &k.stem),
                tok(&lt.root, &k.root),
            ],
            folded_chars: k.folded.chars().count() as u32,
            stem_empty: k.stem.is_empty(),
        }
    }

    /// Whether the word has no key at all (it is not a word of the sequences).
    pub(super) fn blank(&self) -> bool {
        self.tok.iter().all(|&t| t == EMPTY)
    }
}

/// The words of texts seen on this thread by one matcher in one language, so that each
/// distinct word is folded and stemmed once. Emptied when it grows past [`CACHE_WORDS`].
#[derive(Default)]
pub(super) struct WordCache {
    pub(super) matcher: u64,
    pub(super) lang: usize,
    /// Words of up to 16 bytes (most), keyed by their bytes as one number ([`short_key`]):
    /// no allocation per word, no string to compare.
    short: FxHashMap<u128, WordInfo>,
    long: FxHashMap<Box<str>, WordInfo>,
}

impl WordCache {
    pub(super) fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    pub(super) fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
    }

    /// The word's information, worked out by `info` the first time the word is seen.
    pub(super) fn get(&mut self, w: &str, info: impl FnOnce() -> WordInfo) -> WordInfo {
        match short_key(w) {
            Some(k) => *self.short.entry(k).or_insert_with(info),
            None => match self.long.get(w) {
                Some(i) => *i,
                None => {
                    let i = info();
                    self.long.insert(w.into(), i);
                    i
                }
            },
        }
    }
}

/// A word of up to 16 bytes as one number, its bytes in order and zeros after them (a word
/// holds no NUL byte, so two words of different lengths never share a number).
pub(crate) fn short_key(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    if b.len() > 16 {
        return None;
    }
    let mut a = [0u8; 16];
    a[..b.len()].copy_from_slice(b);
    Some(u128::from_le_bytes(a))
}

pub(super) const CACHE_WORDS: usize = 1 << 18;
pub(super) const CACHE_SLOTS: usize = 4;

thread_local! {
    pub(super) static CACHE: RefCell<[WordCache; CACHE_SLOTS]> = RefCell::new(Default::default());
}

/// The keys of every word of `s` (words whose three keys are empty are left out), with the
/// words' byte ranges; `cache` keeps the keys of the words seen.
pub(super) fn text_words<'s>(
    s: &'s str,
    st: Option<&Stemmer>,
    arabic: bool,
    cache: &mut FxHashMap<&'s str, Rc<WordKeys>>,
) -> Vec<(Range<usize>, Rc<WordKeys>)> {
    let mut out = Vec::new();
    for_each_word(s, |r| {
        let w = &s[r.clone()];
        let k = cache
            .entry(w)
            .or_insert_with(|| Rc::new(word_keys(w, st, arabic)))
            .clone();
        if !(k.folded.is_empty() && k.stem.is_empty() && k.root.is_empty()) {
            out.push((r, k));
        }
    });
    out
}

/// The words of `s` as [`for_each_word`] finds them, found faster: an ASCII byte that is not
/// a letter or a digit always ends a word, so `s` is cut at those bytes first; a piece of
/// ASCII letters and digits is one word, and only a piece holding other characters is read
/// by `for_each_word`.
pub(crate) fn each_word(s: &str, mut f: impl FnMut(Range<usize>)) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && b[i] < 0x80 && !b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let start = i;
        let mut ascii = true;
        while i < b.len() && (b[i] >= 0x80 || b[i].is_ascii_alphanumeric()) {
            ascii &= b[i] < 0x80;
            i += 1;
        }
        if start == i {
            continue;
        }
        if ascii {
            f(start..i);
        } else {
            for_each_word(&s[start..i], |r| f(start + r.start..start + r.end));
        }
    }
}
