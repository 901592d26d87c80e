//! What the aligner sees of one unit: its length in characters, its content words (surface
//! form and stem) and its anchors — numbers, symbols such as `A/RES/74/247`, URLs, letter
//! labels such as `(a)` / `(أ)`, Latin-script tokens and quotation marks.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rust_stemmers::{Algorithm, Stemmer};

use crate::text::normalize::{fold_arabic_char, for_matching};
use crate::Lang;

/// A small, fast hasher for the aligner's internal tables (keys are short words and ids).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        for &b in chunks.remainder() {
            self.add(b as u64);
        }
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A hash map with [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The writing system of a word or a document, as far as the aligner cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Arabic,
    Other,
}

/// Features of one unit.
#[derive(Clone, Debug, Default)]
pub(crate) struct UnitFeatures {
    /// Characters of the normalised text, spaces excluded.
    pub len: f64,
    /// Content words, as indices into [`DocFeatures::vocab`] (sorted, distinct).
    pub words: Vec<u32>,
    /// Anchor keys shared by all languages (`n:1234`, `s:A/RES/74/247`, `u:…`, `p:a`, `q`).
    pub anchors: Vec<String>,
    /// Latin-script tokens with a capital letter (names, acronyms), lower-cased.
    pub latin_names: Vec<String>,
}

/// Features of every unit of a document.
pub(crate) struct DocFeatures {
    pub units: Vec<UnitFeatures>,
    /// Distinct content words of the document: (surface form, lower-cased and normalised; stem).
    pub vocab: Vec<(String, String)>,
    pub script: Script,
}

/// The script of a character (letters only).
pub(crate) fn char_script(c: char) -> Script {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        _ => Script::Other,
    }
}

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

/// A word stemmer for a language (see [`stemmer_for`]; a prefix of six letters otherwise), with
/// a per-document cache.
pub(crate) struct WordStemmer {
    stemmer: Option<Stemmer>,
    arabic: bool,
    cache: FxMap<String, String>,
}

impl WordStemmer {
    pub fn new(lang: &Lang) -> Self {
        WordStemmer {
            stemmer: stemmer_for(lang),
            arabic: matches!(lang, Lang::Ar),
            cache: FxMap::default(),
        }
    }

    /// The stem of a lower-cased, normalised word.
    pub fn stem(&mut self, word: &str) -> String {
        if let Some(s) = self.cache.get(word) {
            return s.clone();
        }
        let s = self.stem_uncached(word);
        self.cache.insert(word.to_string(), s.clone());
        s
    }

    /// [`WordStemmer::stem`] without the cache, for callers that see each word once.
    pub fn stem_uncached(&self, word: &str) -> String {
        let s = match &self.stemmer {
            Some(st) => st.stem(word).into_owned(),
            None if self.arabic => arabic_light_stem(word),
            None => word.chars().take(6).collect(),
        };
        if s.is_empty() {
            word.to_string()
        } else {
            s
        }
    }
}

/// A light Arabic stem of a folded word: a leading conjunction or preposition with the article
/// (`وال`, `بال`, `لل`, `ال`, `و` …) and a common suffix (plural, dual, pronoun, nisba) removed,
/// keeping at least three letters.
pub(crate) fn arabic_light_stem(word: &str) -> String {
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
    w.to_string()
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

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // Arabic block: letters, digits and marks; not its punctuation.
        0x0620..=0x06FF => !matches!(
            c as u32,
            0x066A..=0x066D | 0x06D4 | 0x06DD | 0x06DE | 0x06E9
        ),
        0x0600..=0x061F => false,
        _ => c.is_alphanumeric() || is_mark(c),
    }
}

/// The abjad order used for Arabic list labels, mapped to Latin letters.
fn abjad_label(c: char) -> Option<char> {
    Some(match c {
        'أ' | 'ا' => 'a',
        'ب' => 'b',
        'ج' => 'c',
        'د' => 'd',
        'ه' => 'e',
        'و' => 'f',
        'ز' => 'g',
        'ح' => 'h',
        'ط' => 'i',
        'ي' => 'j',
        'ك' => 'k',
        'ل' => 'l',
        'م' => 'm',
        'ن' => 'n',
        _ => return None,
    })
}

/// A letter label at the start of a unit: `(a)`, `a)`, `(أ)`, `(هـ)`.
fn leading_label(text: &str) -> Option<char> {
    let t = text.trim_start();
    let t = t.strip_prefix('(').unwrap_or(t);
    let mut chars = t.chars().filter(|&c| c != '\u{0640}');
    let c = chars.next()?;
    if chars.next()? != ')' {
        return None;
    }
    if c.is_ascii_lowercase() {
        Some(c)
    } else {
        abjad_label(c)
    }
}

/// Tokens of a normalised text: maximal runs of letters, digits and marks, joined across `/`,
/// `.`, `,` and `-` between two such characters, and across a space inside a number
/// grouped by thousands (`100 000`).
fn tokens(text: &str, chars: &mut Vec<(usize, char, bool)>, out: &mut Vec<(usize, usize)>) {
    chars.clear();
    if text.is_ascii() {
        // A sized iterator: filled without a capacity check per character.
        chars.extend(text.bytes().enumerate().map(|(i, b)| {
            let c = char::from(b);
            (i, c, c.is_ascii_alphanumeric())
        }));
    } else {
        chars.extend(text.char_indices().map(|(i, c)| (i, c, is_word_char(c))));
    }
    out.clear();
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].2 {
            k += 1;
            continue;
        }
        let start = chars[k].0;
        let mut e = k + 1;
        loop {
            if e < chars.len() && chars[e].2 {
                e += 1;
                continue;
            }
            if e + 1 < chars.len()
                && matches!(chars[e].1, '/' | '.' | ',' | '-')
                && chars[e + 1].2
                && chars[e - 1].2
            {
                e += 1;
                continue;
            }
            // "100 000": a digit group of three after a space, ending there.
            if grouped_number_continues(chars, k, e) {
                e += 4;
                continue;
            }
            break;
        }
        let end = chars.get(e).map_or(text.len(), |c| c.0);
        out.push((start, end));
        k = e;
    }
}

/// Whether the number `chars[start..end]` (digits and grouping spaces only, first group of at
/// most three digits) goes on with ` ddd`.
fn grouped_number_continues(chars: &[(usize, char, bool)], start: usize, end: usize) -> bool {
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.1.is_ascii_digit());
    let so_far = &chars[start..end];
    so_far.iter().all(|c| c.1.is_ascii_digit() || c.1 == ' ')
        && so_far.iter().take_while(|c| c.1 != ' ').count() <= 3
        && chars.get(end).map(|c| c.1) == Some(' ')
        && (1..=3).all(|d| digit(end + d))
        && !chars.get(end + 4).is_some_and(|c| c.2)
}

fn is_url(chunk: &str) -> bool {
    chunk.contains("://")
        || chunk.starts_with("www.")
        || (chunk.contains('@') && chunk.contains('.') && chunk.len() > 5)
}

/// Extract the features of every unit of a document.
pub(crate) fn extract(units: &[&str], lang: &Lang) -> DocFeatures {
    let stemmer = WordStemmer::new(lang);
    let mut vocab: Vec<(String, String)> = Vec::new();
    let mut index: FxMap<String, u32> = FxMap::default();
    let mut latin = 0usize;
    let mut arabic = 0usize;
    let mut feats = Vec::with_capacity(units.len());
    let mut buf = String::new();
    let mut chars = Vec::new();
    let mut toks = Vec::new();
    let mut words: Vec<u32> = Vec::new();
    for text in units {
        let norm = for_matching(text);
        // One pass for the length and the characters that call for more work.
        let (mut len, mut quote, mut url) = (0usize, false, false);
        for c in norm.chars() {
            match c {
                '«' | '»' | '“' | '”' | '"' => quote = true,
                '@' | '/' => url = true,
                _ => {}
            }
            len += usize::from(!c.is_whitespace());
        }
        let mut f = UnitFeatures {
            len: len as f64,
            ..Default::default()
        };
        if let Some(l) = leading_label(&norm) {
            f.anchors.push(format!("p:{l}"));
        }
        if quote || norm.contains("<<") {
            f.anchors.push("q".to_string());
        }
        let body = if url {
            let mut body = String::with_capacity(norm.len());
            for chunk in norm.split(' ') {
                let trimmed = chunk.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
                if is_url(trimmed) {
                    f.anchors.push(format!("u:{}", trimmed.to_lowercase()));
                } else {
                    body.push_str(chunk);
                    body.push(' ');
                }
            }
            body
        } else {
            norm
        };
        tokens(&body, &mut chars, &mut toks);
        for &(a, b) in &toks {
            let tok = &body[a..b];
            if tok.bytes().any(|c| c.is_ascii_digit()) {
                number_anchors(tok, &mut f.anchors);
                continue;
            }
            let ascii = tok.is_ascii();
            let first = if ascii {
                tok.bytes().find(u8::is_ascii_alphabetic).map(char::from)
            } else {
                tok.chars().find(|c| c.is_alphabetic())
            };
            let Some(first) = first else {
                continue;
            };
            let script = char_script(first);
            buf.clear();
            match script {
                Script::Arabic => {
                    arabic += 1;
                    for c in tok.chars() {
                        if let Some(c) = fold_arabic_char(c) {
                            buf.push(c);
                        }
                    }
                }
                _ => {
                    let mut upper = false;
                    if ascii {
                        upper = tok.bytes().any(|b| b.is_ascii_uppercase());
                        buf.push_str(tok);
                        buf.make_ascii_lowercase();
                    } else {
                        for c in tok.chars() {
                            upper |= c.is_uppercase();
                            buf.extend(c.to_lowercase());
                        }
                    }
                    if script == Script::Latin {
                        latin += 1;
                        if upper
                            && (if ascii {
                                tok.len() > 1
                            } else {
                                tok.chars().nth(1).is_some()
                            })
                        {
                            f.latin_names.push(buf.clone());
                        }
                    }
                }
            }
            let n = if ascii {
                buf.len()
            } else {
                buf.chars().count()
            };
            if n < 3 && !(script == Script::Arabic && n == 2) {
                continue;
            }
            let id = match index.get(buf.as_str()) {
                Some(&i) => i,
                None => {
                    let i = vocab.len() as u32;
                    let stem = stemmer.stem_uncached(&buf);
                    vocab.push((buf.clone(), stem));
                    index.insert(buf.clone(), i);
                    i
                }
            };
            words.push(id);
        }
        words.sort_unstable();
        words.dedup();
        f.words = words.clone();
        words.clear();
        f.anchors.sort_unstable();
        f.anchors.dedup();
        f.latin_names.sort_unstable();
        f.latin_names.dedup();
        feats.push(f);
    }
    let script = if arabic > latin {
        Script::Arabic
    } else if latin > 0 {
        Script::Latin
    } else {
        Script::Other
    };
    DocFeatures {
        units: feats,
        vocab,
        script,
    }
}

/// Anchors of a token containing a digit: each number (separators removed), and the whole
/// token as a symbol when it mixes letters and digits or joins numbers with `/` or `-`.
/// Arabic clitics written against a number (و60/1, بـ2019, الـ146) are not part of it.
fn number_anchors(tok: &str, out: &mut Vec<String>) {
    let bare = tok.trim_start_matches(|c: char| matches!(c, '\u{0621}'..='\u{064A}'));
    let tok = if bare.starts_with(|c: char| c.is_ascii_digit()) {
        bare
    } else {
        tok
    };
    let has_letter = tok.chars().any(|c| c.is_alphabetic());
    if has_letter || tok.contains('/') || tok.contains('-') {
        out.push(format!("s:{}", tok.to_uppercase()));
    }
    for part in tok.split(['/', '-']) {
        let digits: String = part
            .chars()
            .filter(|c| !matches!(c, '.' | ',' | ' ' | '\''))
            .collect();
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            out.push(format!("n:{}", digits.trim_start_matches('0')));
        }
    }
}

#[cfg(test)]
#[path = "features_tests.rs"]
mod tests;
