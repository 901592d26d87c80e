//! What the aligner sees of one unit: its length in characters, its content words (surface
//! form and stem) and its anchors — numbers, symbols such as `A/RES/74/247`, URLs, letter
//! labels such as `(a)` / `(أ)`, Latin-script tokens and quotation marks.

use super::numbers::{self, GroupOrder, OrderVote};
use crate::text::chars::is_basic_arabic_letter;
pub(crate) use crate::text::chars::{script as script_of, Script};
use crate::text::fold::fold_arabic_char;
use crate::text::normalize::for_matching_into;
use crate::Lang;

mod labels;
mod lists;

/// A hash map with a small, fast hasher, for the aligner's internal tables (keys are short
/// words and ids).
pub(crate) type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

pub(crate) use labels::ordinal_digits;
use labels::{is_url, leading_label};
pub(crate) use lists::{BlockLists, Lists};

/// Features of every unit of a document.
pub(crate) struct DocFeatures {
    /// Characters of each unit's normalised text, spaces excluded.
    pub len: Vec<f64>,
    /// Whether each unit is page furniture ([`crate::doc::kind::furniture`]: a page number,
    /// a job number, a reissue note), which the other side may well not have.
    pub furniture: Vec<bool>,
    /// Content words of each unit, as indices into [`DocFeatures::surfaces`] (sorted, distinct).
    pub words: Lists,
    /// Anchors of each unit, as indices into [`DocFeatures::anchor_keys`] (sorted, distinct).
    pub anchors: Lists,
    /// Latin-script tokens with a capital letter (names, acronyms) of each unit, as indices
    /// into [`DocFeatures::name_keys`] (sorted, distinct).
    pub names: Lists,
    /// Distinct content words of the document in order of first sight (lower-cased and
    /// normalised), and the stem of each (an index into [`DocFeatures::stems`]).
    pub surfaces: StrTable,
    pub word_stem: Vec<u32>,
    /// Distinct stems of the document, in order of first sight.
    pub stems: StrTable,
    /// Distinct anchor keys of the document, ascending; the keys are shared by all languages
    /// (`n:1234`, `s:A/RES/74/247`, `u:…`, `p:a`, `q`).
    pub anchor_keys: Vec<String>,
    /// Distinct Latin names of the document, lower-cased, ascending.
    pub name_keys: Vec<String>,
    pub script: Script,
}

impl DocFeatures {
    /// The number of units.
    pub fn n_units(&self) -> usize {
        self.len.len()
    }
}

/// The keys of a map from strings to the ids `0..map.len()`, by id.
fn keys_by_id(map: FxMap<String, u32>) -> Vec<String> {
    let mut keys = vec![String::new(); map.len()];
    for (k, i) in map {
        keys[i as usize] = k;
    }
    keys
}

/// Strings interned per document: ids in the order of first sight until [`Interner::finish`].
#[derive(Default)]
struct Interner {
    map: FxMap<String, u32>,
}

impl Interner {
    #[inline]
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&i) = self.map.get(key) {
            return i;
        }
        let i = self.map.len() as u32;
        self.map.insert(key.to_string(), i);
        i
    }

    /// The keys in ascending order, and the rank of each id in that order.
    fn finish(self) -> (Vec<String>, Vec<u32>) {
        let keys = keys_by_id(self.map);
        let mut order: Vec<u32> = (0..keys.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]));
        let mut rank = vec![0u32; keys.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        let mut keys: Vec<Option<String>> = keys.into_iter().map(Some).collect();
        let sorted = order
            .iter()
            .map(|&i| keys[i as usize].take().unwrap_or_default())
            .collect();
        (sorted, rank)
    }
}

/// The state of feature extraction over one document.
struct Extractor {
    stemmer: WordStemmer,
    /// Words and stems to their ids, and the stem of each word.
    words: StrTable,
    stems: StrTable,
    word_stem: Vec<u32>,
    anchor_keys: Interner,
    name_keys: Interner,
    latin: usize,
    arabic: usize,
    /// The current word (lower-cased or folded) and the current anchor key.
    buf: String,
    key: String,
    /// Features of the current unit.
    unit_words: Vec<u32>,
    anchors: Vec<u32>,
    names: Vec<u32>,
    /// The document writes the digit groups of its numbers in display order (`000 31`).
    reversed: bool,
    /// The first number of the current token (its place in `anchors` and its value), and that
    /// of the token before when it was a number alone: `3 p.m.` is 15 (`15 heures`).
    first_number: Option<(usize, u32)>,
    last_number: Option<(usize, u32)>,
}

impl Extractor {
    fn anchor(&mut self) {
        let id = self.anchor_keys.id(&self.key);
        self.anchors.push(id);
    }

    /// The features of one token.
    fn token(&mut self, tok: &str, flags: u8) {
        if flags & DIGIT != 0 {
            self.number_anchors(tok);
            return;
        }
        if let Some((at, hour)) = self.last_number.take() {
            if (1..=11).contains(&hour)
                && (tok.eq_ignore_ascii_case("p.m") || tok.eq_ignore_ascii_case("pm"))
            {
                self.key.clear();
                self.key.push_str("n:");
                self.key.push_str(&(hour + 12).to_string());
                self.anchors[at] = self.anchor_keys.id(&self.key);
            }
        }
        if flags & NON_ASCII == 0 {
            // Letters only, joined by ASCII punctuation.
            self.latin += 1;
            if flags & UPPER == 0 {
                if tok.len() >= 3 {
                    self.word(tok);
                }
                return;
            }
            let mut buf = std::mem::take(&mut self.buf);
            buf.clear();
            buf.push_str(tok);
            buf.make_ascii_lowercase();
            if buf.len() > 1 {
                let id = self.name_keys.id(&buf);
                self.names.push(id);
            }
            if buf.len() >= 3 {
                self.word(&buf);
            }
            self.buf = buf;
            return;
        }
        let Some(first) = tok.chars().find(|&c| is_alphabetic(c)) else {
            return;
        };
        let script = script_of(first);
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        // Characters of the word.
        let mut n = 0usize;
        if script == Script::Arabic {
            self.arabic += 1;
            for c in tok.chars() {
                if let Some(c) = fold_arabic_char(c) {
                    buf.push(c);
                    n += 1;
                }
            }
        } else {
            let (mut upper, mut chars) = (false, 0usize);
            for c in tok.chars() {
                chars += 1;
                if let Some((l, u)) = lower_latin1(c) {
                    upper |= u;
                    buf.push(l);
                    n += 1;
                } else {
                    upper |= c.is_uppercase();
                    for l in c.to_lowercase() {
                        buf.push(l);
                        n += 1;
                    }
                }
            }
            if script == Script::Latin {
                self.latin += 1;
                if upper && chars > 1 {
                    let id = self.name_keys.id(&buf);
                    self.names.push(id);
                }
            }
        }
        if n >= 3 || (script == Script::Arabic && n == 2) {
            self.word(&buf);
        }
        self.buf = buf;
    }

    /// A content word of the current unit (lower-cased or folded).
    fn word(&mut self, w: &str) {
        let h = StrTable::hash(w);
        let id = match self.words.find(w, h) {
            Some(i) => i,
            None => {
                let stem = self.stemmer.stem(w);
                let sid = self.stems.insert(&stem, StrTable::hash(&stem));
                self.word_stem.push(sid);
                self.words.insert(w, h)
            }
        };
        self.unit_words.push(id);
    }

    /// Anchors of a token containing a digit: each number (separators removed), and the whole
    /// token as a symbol when it mixes letters and digits or joins numbers with `/` or `-`.
    /// Arabic clitics written against a number (و60/1, بـ2019, الـ146) are not part of it.
    fn number_anchors(&mut self, tok: &str) {
        let bare = tok.trim_start_matches(is_basic_arabic_letter);
        let tok = if bare.starts_with(|c: char| c.is_ascii_digit()) {
            bare
        } else {
            tok
        };
        self.last_number = None;
        // An ordinal (`15e`, `1er`, `15th`) is its number: `15e séance` is `الجلسة 15`.
        if let Some(digits) = ordinal_digits(tok) {
            self.key.clear();
            self.key.push_str("n:");
            self.key.push_str(digits.trim_start_matches('0'));
            self.anchor();
            return;
        }
        // A date in digits (`27/01/1999`, `14.4.2005`, `2005-04-14`) is its day and its
        // year, which the other language may write around a month's name (`27 janvier
        // 1999`): its month is no anchor.
        if let Some((day, year)) = date_in_digits(tok) {
            for v in [day, year] {
                self.key.clear();
                self.key.push_str("n:");
                self.key.push_str(v);
                self.anchor();
            }
            return;
        }
        self.first_number = None;
        let ascii = tok.is_ascii();
        let has_letter = if ascii {
            tok.bytes().any(|b| b.is_ascii_alphabetic())
        } else {
            tok.chars().any(is_alphabetic)
        };
        if has_letter || tok.bytes().any(|b| b == b'/' || b == b'-') {
            self.key.clear();
            self.key.push_str("s:");
            if ascii {
                self.key
                    .extend(tok.bytes().map(|b| char::from(b.to_ascii_uppercase())));
            } else {
                for c in tok.chars() {
                    self.key.extend(c.to_uppercase());
                }
            }
            self.anchor();
        }
        for part in tok.split(['/', '-']) {
            // `000 31` is 31000 in a document that writes digit groups in display order.
            let display;
            let part = if self.reversed && part.contains(' ') {
                let groups: Vec<&str> = part.split(' ').collect();
                display = numbers::value(&groups, GroupOrder::Reversed);
                display.as_deref().unwrap_or(part)
            } else {
                part
            };
            // Digits and separators only make numbers.
            let numeric = part.bytes().any(|b| b.is_ascii_digit())
                && part
                    .bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b' ' | b'\''));
            if !numeric {
                continue;
            }
            // A group of three digits continues the number before it (`31 000`, `1,234.5`);
            // any other group starts one (`47,7` and `47.7`, `par. 23.2` and `23-2`: 47 and
            // 7, 23 and 2), so that numbers agree whatever a language separates them with.
            self.key.clear();
            self.key.push_str("n:");
            let mut raw = 0;
            for group in part.split(['.', ',', ' ', '\'']) {
                if raw > 0 && group.len() != 3 {
                    self.number(raw);
                    raw = 0;
                }
                for c in group.bytes() {
                    // Leading zeros left out.
                    if c != b'0' || self.key.len() > 2 {
                        self.key.push(char::from(c));
                    }
                }
                raw += group.len();
            }
            if raw > 0 {
                self.number(raw);
            }
        }
        if !has_letter && !tok.bytes().any(|b| b == b'/' || b == b'-') {
            self.last_number = self.first_number;
        }
    }

    /// The number anchor in `key` (`n:` and its digits), of `raw` digits as written: none for
    /// a number of zeros only written with two or more (`00` of `10:00` says no more than the
    /// number before it: `10:00` is `10 heures` and `10 a.m.`).
    fn number(&mut self, raw: usize) {
        if !(self.key.len() == 2 && raw >= 2) {
            self.anchor();
            if self.first_number.is_none() {
                let value = self.key[2..].parse().unwrap_or(0);
                self.first_number = Some((self.anchors.len() - 1, value));
            }
        }
        self.key.truncate(2);
    }
}

/// Characters of a normalised text (spaces excluded), and whether it has a `"` and a `@` or
/// `/`. The normalised text has no whitespace but single spaces, and no typographic quotes.
fn scan(text: &str) -> (usize, bool, bool) {
    let (mut chars, mut flags) = (0usize, 0u8);
    for chunk in text.as_bytes().chunks(255) {
        // Branch-free over bytes, so that it runs on vectors.
        let mut n = 0u8;
        for &b in chunk {
            n += u8::from(b & 0xC0 != 0x80) & u8::from(b != b' ');
            flags |= u8::from(b == b'"') | (u8::from(b == b'@') | u8::from(b == b'/')) << 1;
        }
        chars += usize::from(n);
    }
    (chars, flags & 1 != 0, flags & 2 != 0)
}

/// Extract the features of every unit of a document.
///
/// How the document orders the digit groups of its numbers is decided first: in reading
/// order, unless it is written right to left and most of its groupings that read one way
/// only are in display order (see [`numbers`]). A right-to-left document is read twice, for
/// that vote and for the features, from one normalisation of its units.
pub(crate) fn extract(units: &[&str], lang: &Lang) -> DocFeatures {
    if !lang.is_rtl() {
        return extract_with(units, lang, GroupOrder::Logical, None);
    }
    let normalised = Normalised::of(units);
    let mut vote = OrderVote::default();
    for k in 0..units.len() {
        vote.add_text(normalised.get(k));
    }
    extract_with(units, lang, vote.order(), Some(&normalised))
}

/// The matching form ([`for_matching_into`]) of every unit of a document, end to end, in
/// blocks of [`Normalised::BLOCK`] units normalised in parallel.
struct Normalised {
    /// Each block's text and where each of its units ends in it.
    blocks: Vec<(String, Vec<usize>)>,
}

impl Normalised {
    /// The units of a block.
    const BLOCK: usize = 1024;

    fn of(units: &[&str]) -> Normalised {
        use rayon::prelude::*;
        let blocks = units
            .par_chunks(Self::BLOCK)
            .map(|block| {
                let mut text = String::with_capacity(block.iter().map(|u| u.len()).sum());
                let mut ends = Vec::with_capacity(block.len());
                let mut norm = String::new();
                for unit in block {
                    for_matching_into(unit, &mut norm);
                    text.push_str(&norm);
                    ends.push(text.len());
                }
                (text, ends)
            })
            .collect();
        Normalised { blocks }
    }

    /// Unit `k`'s matching form.
    fn get(&self, k: usize) -> &str {
        let (text, ends) = &self.blocks[k / Self::BLOCK];
        let i = k % Self::BLOCK;
        let start = if i == 0 { 0 } else { ends[i - 1] };
        &text[start..ends[i]]
    }
}

/// [`extract`] with the digit group order given.
#[cfg(test)]
pub(crate) fn extract_in_order(units: &[&str], lang: &Lang, order: GroupOrder) -> DocFeatures {
    extract_with(units, lang, order, None)
}

/// The features of `units` with the digit group order given, from the units' matching forms
/// when they are made already.
fn extract_with(
    units: &[&str],
    lang: &Lang,
    order: GroupOrder,
    normalised: Option<&Normalised>,
) -> DocFeatures {
    let mut x = Extractor {
        stemmer: WordStemmer::new(lang),
        words: StrTable::default(),
        stems: StrTable::default(),
        word_stem: Vec::new(),
        anchor_keys: Interner::default(),
        name_keys: Interner::default(),
        latin: 0,
        arabic: 0,
        buf: String::new(),
        key: String::new(),
        unit_words: Vec::new(),
        anchors: Vec::new(),
        names: Vec::new(),
        reversed: order == GroupOrder::Reversed,
        first_number: None,
        last_number: None,
    };
    let n = units.len();
    let mut len = Vec::with_capacity(n);
    let mut furniture = Vec::with_capacity(n);
    let mut words = Lists::with_capacity(n, 16 * n);
    let mut anchors = Lists::with_capacity(n, n);
    let mut names = Lists::with_capacity(n, n);
    let mut buf = String::new();
    let mut body = String::new();
    let mut toks = Vec::new();
    for (k, text) in units.iter().enumerate() {
        let norm: &str = match normalised {
            Some(n) => n.get(k),
            None => {
                for_matching_into(text, &mut buf);
                &buf
            }
        };
        let (chars, quote, url) = scan(norm);
        len.push(chars as f64);
        furniture.push(crate::doc::kind::furniture(text));
        if let Some(l) = leading_label(norm) {
            x.key.clear();
            x.key.push_str("p:");
            x.key.push(l);
            x.anchor();
        }
        if quote || norm.contains("<<") {
            x.key.clear();
            x.key.push('q');
            x.anchor();
        }
        let body = if url {
            body.clear();
            for chunk in norm.split(' ') {
                let trimmed = chunk.trim_matches(|c: char| !is_alphanumeric(c) && c != '/');
                if is_url(trimmed) {
                    x.key.clear();
                    x.key.push_str("u:");
                    x.key.push_str(&trimmed.to_lowercase());
                    x.anchor();
                } else {
                    body.push_str(chunk);
                    body.push(' ');
                }
            }
            body.as_str()
        } else {
            norm
        };
        tokens(body, x.reversed, &mut toks);
        x.last_number = None;
        for t in &toks {
            x.token(&body[t.start..t.end], t.flags);
        }
        for list in [&mut x.unit_words, &mut x.anchors, &mut x.names] {
            list.sort_unstable();
            list.dedup();
        }
        words.push(&x.unit_words);
        anchors.push(&x.anchors);
        names.push(&x.names);
        x.unit_words.clear();
        x.anchors.clear();
        x.names.clear();
    }
    // The lists live as long as the alignment: no spare room (a document's words are counted
    // as they come, so the room reserved grows by doubling).
    for lists in [&mut words, &mut anchors, &mut names] {
        lists.shrink_to_fit();
    }
    // Key ids in key order, so that sorted ids are sorted keys.
    let (anchor_keys, rank) = x.anchor_keys.finish();
    anchors.remap_sorted(&rank);
    let (name_keys, rank) = x.name_keys.finish();
    names.remap_sorted(&rank);
    let script = if x.arabic > x.latin {
        Script::Arabic
    } else if x.latin > 0 {
        Script::Latin
    } else {
        Script::Other
    };
    DocFeatures {
        len,
        furniture,
        words,
        anchors,
        names,
        surfaces: x.words,
        word_stem: x.word_stem,
        stems: x.stems,
        anchor_keys,
        name_keys,
        script,
    }
}

mod tokens;
mod words;
use tokens::{
    date_in_digits, is_alphabetic, is_alphanumeric, lower_latin1, tokens, DIGIT, NON_ASCII, UPPER,
};
pub(crate) use words::{StrTable, WordStemmer};

/// The straightforward feature extraction that [`extract`] must agree with.
#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;
