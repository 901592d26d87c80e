//! Terms in running text: [`TermMatcher`] finds every termbase term of a language in a text,
//! with its byte span in the original.
//!
//! The text is cut into words (`normalize::for_each_word`, ASCII pieces first: `each_word`
//! in `words`); each word gets the keys of the lookup policy ([`crate::termbase::normalize`]):
//! folded (`lookup_key`: case, accents, elision, Arabic letter variants, clitics, diacritics
//! and tatweel), stemmed (`stem_word` in the language) and, for Arabic, the consonant
//! skeleton (`skeleton_word`, so that broken plurals find their singular). A word key never
//! holds a space, so each term key is a sequence of word keys: the keys of one kind are
//! tokens, and the terms of a language are a trie over them, walked from each word of the
//! text (words whose key of that kind is empty are skipped), so that a match always starts
//! and ends on word boundaries: "flu" is never found in "fluids". Each distinct word is
//! keyed once per thread and matcher language (a bounded cache, `words::WordCache`), and
//! each language's terms are keyed the first time a text in it is searched.
//! [`TermMatcher::text`] keys a text's words once for several searches ([`TextTerms`]). The
//! first implementation, one Aho–Corasick search per key kind over the keys of the text
//! joined by spaces, is kept in `reference` and the tests compare the two.
//!
//! A term written in capitals (an acronym) matches only words in capitals: "IT" is not
//! "it". A stemmed match whose words differ in length from the term's words by more than a few
//! letters is refused (over-stemming: "organ" is not "organization"). Where matches
//! overlap, the longest (in words) wins, then the better class (exact, normalised, stemmed,
//! root), then the leftmost; every concept matching the winning span is returned.

use std::ops::Range;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::index::MatchClass;
use super::model::{Status, Termbase};
use rust_stemmers::Stemmer;

use super::normalize::stemmer;
use crate::Lang;

/// One term found in a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TermMatch {
    /// Byte range in the original text (on character boundaries, from the start of the
    /// first word matched to the end of the last).
    pub span: Range<usize>,
    /// Index of the concept in the termbase.
    pub concept_index: usize,
    /// The concept's id.
    pub concept: String,
    /// Index of the term in the concept.
    pub term_index: usize,
    /// The termbase term that matched.
    pub term: String,
    pub lang: Lang,
    /// The term's administrative status, as the termbase has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// How the text matched the term: exact, normalised, stemmed or root.
    pub class: MatchClass,
}

/// Longest difference in letters allowed between a word of the text and the word of the
/// term it matches by stem.
const STEM_SLACK: usize = 3;

#[derive(Clone, Copy, Debug)]
struct Entry {
    concept: u32,
    term: u32,
}

/// A word key that no term has (it ends every match).
const ABSENT: u32 = u32::MAX;
/// An empty key: the word is left out of that kind's sequence.
const EMPTY: u32 = u32::MAX - 1;
/// No node.
const NONE: u32 = u32::MAX;

/// The terms of one key kind in one language: a trie over the word keys of the terms (word
/// keys never hold a space, so a term key is its words' keys joined by spaces), each word
/// key a token.
struct Keyed {
    /// The token of each word key of the terms.
    vocab: FxHashMap<Box<str>, u32>,
    /// The node after the root for each token (or [`NONE`]).
    first: Vec<u32>,
    /// The node after (node, token), past the first level.
    next: FxHashMap<(u32, u32), u32>,
    /// The pattern ending at each node (or [`NONE`]); node 0 is the root.
    pattern: Vec<u32>,
    /// The entries of each distinct pattern.
    entries: Vec<Vec<u32>>,
}

impl Keyed {
    fn build(keys: Vec<(String, u32)>) -> Option<Keyed> {
        let mut k = Keyed {
            vocab: FxHashMap::default(),
            first: Vec::new(),
            next: FxHashMap::default(),
            pattern: vec![NONE],
            entries: Vec::new(),
        };
        // Each distinct key is a node of the trie: its pattern is numbered when first seen.
        for (key, e) in keys {
            if key.is_empty() {
                continue;
            }
            let mut node = 0u32;
            for w in key.split(' ') {
                let tok = match k.vocab.get(w) {
                    Some(&t) => t,
                    None => {
                        let t = k.vocab.len() as u32;
                        k.vocab.insert(w.into(), t);
                        t
                    }
                };
                if tok as usize >= k.first.len() {
                    k.first.resize(tok as usize + 1, NONE);
                }
                let fresh = k.pattern.len() as u32;
                let slot = if node == 0 {
                    &mut k.first[tok as usize]
                } else {
                    k.next.entry((node, tok)).or_insert(NONE)
                };
                if *slot == NONE {
                    *slot = fresh;
                    k.pattern.push(NONE);
                }
                node = *slot;
            }
            let pid = &mut k.pattern[node as usize];
            if *pid == NONE {
                *pid = k.entries.len() as u32;
                k.entries.push(Vec::new());
            }
            let entries = &mut k.entries[*pid as usize];
            if !entries.contains(&e) {
                entries.push(e);
            }
        }
        if k.entries.is_empty() {
            return None;
        }
        Some(k)
    }

    /// The token of a word key of a text.
    fn token(&self, key: &str) -> u32 {
        if key.is_empty() {
            EMPTY
        } else {
            self.vocab.get(key).copied().unwrap_or(ABSENT)
        }
    }

    /// Every occurrence of every pattern in `toks` (the tokens of one kind, each with its
    /// word): `f(first word, last word, pattern)`.
    fn each_match(&self, toks: &[(u32, u32)], mut f: impl FnMut(u32, u32, u32)) {
        for i in 0..toks.len() {
            let t = toks[i].1;
            if t == ABSENT {
                continue;
            }
            let mut node = self.first.get(t as usize).copied().unwrap_or(NONE);
            let mut j = i;
            while node != NONE {
                let pid = self.pattern[node as usize];
                if pid != NONE {
                    f(toks[i].0, toks[j].0, pid);
                }
                j += 1;
                let Some(&(_, t)) = toks.get(j) else { break };
                if t == ABSENT {
                    break;
                }
                node = self.next.get(&(node, t)).copied().unwrap_or(NONE);
            }
        }
    }
}

/// The terms of one language.
struct LangTerms {
    lang: Lang,
    /// Entries of this language: (concept, term) and the lengths in characters of their
    /// folded words (one per non-empty stem, for the over-stemming check).
    entries: Vec<Entry>,
    folded_chars: Vec<Vec<u32>>,
    /// Whether each entry is written in capitals (an acronym: `IT` is not "it").
    capitals: Vec<bool>,
    folded: Option<Keyed>,
    stemmed: Option<Keyed>,
    root: Option<Keyed>,
}

impl LangTerms {
    /// The keys of the terms `entries` of `lang` (texts in `concepts`).
    fn build(lang: &Lang, entries: &[Entry], concepts: &[ConceptTerms]) -> LangTerms {
        let st = stemmer(lang);
        let arabic = lang == &Lang::Ar;
        let text_of = |e: &Entry| concepts[e.concept as usize].1[e.term as usize].0.as_str();
        let mut cache: FxHashMap<&str, Rc<WordKeys>> = FxHashMap::default();
        let (mut folded, mut stemmed, mut root) = (Vec::new(), Vec::new(), Vec::new());
        let mut folded_chars = Vec::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            let words = text_words(text_of(e), st.as_ref(), arabic, &mut cache);
            let join = |f: fn(&WordKeys) -> &str| {
                let mut out = String::new();
                for k in words.iter().map(|(_, k)| f(k)).filter(|k| !k.is_empty()) {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(k);
                }
                out
            };
            folded.push((join(|k| &k.folded), i as u32));
            stemmed.push((join(|k| &k.stem), i as u32));
            if arabic {
                root.push((join(|k| &k.root), i as u32));
            }
            folded_chars.push(
                words
                    .iter()
                    .filter(|(_, k)| !k.stem.is_empty())
                    .map(|(_, k)| k.folded.chars().count() as u32)
                    .collect(),
            );
        }
        LangTerms {
            lang: lang.clone(),
            capitals: entries.iter().map(|e| capitalised(text_of(e))).collect(),
            entries: entries.to_vec(),
            folded_chars,
            folded: Keyed::build(folded),
            stemmed: Keyed::build(stemmed),
            root: Keyed::build(root),
        }
    }
}

/// One language's terms, keyed the first time a text in that language is searched (a run
/// that lints English builds no French or Arabic keys).
struct LangSlot {
    lang: Lang,
    entries: Vec<Entry>,
    built: OnceLock<LangTerms>,
}

/// A concept's id and its terms' texts and statuses.
type ConceptTerms = (String, Vec<(String, Option<Status>)>);

/// A span of words chosen, and the entries matching it with their classes.
type Chosen = (u32, u32, Vec<(u32, MatchClass)>);

/// Finds the terms of a termbase in text (see the module documentation).
pub struct TermMatcher {
    /// Tells this matcher's word tokens from another's in the word cache.
    id: u64,
    concepts: Vec<ConceptTerms>,
    langs: Vec<LangSlot>,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// The kinds of keys and their classes, in the order they are searched.
const KINDS: [MatchClass; 3] = [
    MatchClass::Normalised,
    MatchClass::Stemmed,
    MatchClass::Root,
];

struct Candidate {
    first: u32,
    last: u32,
    entry: u32,
    class: MatchClass,
}

impl TermMatcher {
    /// A matcher over every term of `tb`, in every language.
    pub fn new(tb: &Termbase) -> TermMatcher {
        let mut by_lang: Vec<(Lang, Vec<Entry>)> = Vec::new();
        for (ci, c) in tb.concepts.iter().enumerate() {
            for (ti, t) in c.terms.iter().enumerate() {
                let e = Entry {
                    concept: ci as u32,
                    term: ti as u32,
                };
                match by_lang.iter_mut().find(|(l, _)| l == &t.lang) {
                    Some((_, v)) => v.push(e),
                    None => by_lang.push((t.lang.clone(), vec![e])),
                }
            }
        }
        let langs = by_lang
            .into_iter()
            .map(|(lang, entries)| LangSlot {
                lang,
                entries,
                built: OnceLock::new(),
            })
            .collect();
        let concepts = tb
            .concepts
            .iter()
            .map(|c| {
                let terms = c.terms.iter().map(|t| (t.text.clone(), t.status)).collect();
                (c.id.clone(), terms)
            })
            .collect();
        TermMatcher {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            concepts,
            langs,
        }
    }

    /// The languages that have terms.
    pub fn langs(&self) -> impl Iterator<Item = &Lang> {
        self.langs.iter().map(|l| &l.lang)
    }

    /// Every term of `lang` found in `text`, in text order (see the module documentation).
    pub fn find(&self, text: &str, lang: &Lang) -> Vec<TermMatch> {
        self.find_up_to(text, lang, MatchClass::Root)
    }

    /// [`TermMatcher::find`] with matches of classes up to `worst` only (`Stemmed` leaves
    /// out the Arabic skeleton matches, `Normalised` the stemmed ones).
    pub fn find_up_to(&self, text: &str, lang: &Lang, worst: MatchClass) -> Vec<TermMatch> {
        self.search(text, lang, worst, false)
    }

    /// Every match of every term of `lang` in `text`, overlapping ones included (a term
    /// inside a longer one is found too): one per span and concept, its best class, ordered
    /// by start, longest first.
    pub fn find_all(&self, text: &str, lang: &Lang, worst: MatchClass) -> Vec<TermMatch> {
        self.search(text, lang, worst, true)
    }

    /// Keys the terms of `langs` now, in parallel, rather than on their first search (a
    /// language the matcher has no term of is passed over).
    pub fn prepare(&self, langs: &[Lang]) {
        use rayon::prelude::*;
        let idx: Vec<usize> = (0..self.langs.len())
            .filter(|&li| langs.contains(&self.langs[li].lang))
            .collect();
        idx.par_iter().for_each(|&li| {
            self.lang_terms(li);
        });
    }

    /// The keyed terms of the language `li`, built on first use.
    fn lang_terms(&self, li: usize) -> &LangTerms {
        let slot = &self.langs[li];
        slot.built
            .get_or_init(|| LangTerms::build(&slot.lang, &slot.entries, &self.concepts))
    }

    /// The words of `text` that have a key, with their byte ranges and tokens in the
    /// language `li` of this matcher, through this thread's word cache.
    fn text_words(&self, text: &str, li: usize) -> Vec<TextWord> {
        let lt = self.lang_terms(li);
        CACHE.with(|c| {
            let mut slots = c.borrow_mut();
            let cache = &mut slots[li % CACHE_SLOTS];
            if cache.matcher != self.id || cache.lang != li || cache.len() > CACHE_WORDS {
                cache.matcher = self.id;
                cache.lang = li;
                cache.clear();
            }
            let mut st: Option<Option<Stemmer>> = None;
            let mut out = Vec::new();
            each_word(text, |r| {
                let w = &text[r.clone()];
                let info = cache.get(w, || {
                    let st = st.get_or_insert_with(|| stemmer(&lt.lang));
                    WordInfo::of(w, lt, st.as_ref())
                });
                if !info.blank() {
                    out.push((r, info));
                }
            });
            out
        })
    }

    fn search(&self, text: &str, lang: &Lang, worst: MatchClass, all: bool) -> Vec<TermMatch> {
        self.text(text, lang).select(worst, all)
    }

    /// The words of `text` keyed in `lang`, to search for terms as many times as needed
    /// ([`TextTerms::find_up_to`], [`TextTerms::find_all`]) while keying them once.
    pub fn text<'m, 't>(&'m self, text: &'t str, lang: &Lang) -> TextTerms<'m, 't> {
        let li = self.langs.iter().position(|l| &l.lang == lang);
        TextTerms {
            matcher: self,
            text,
            lang: lang.clone(),
            words: li.map(|li| (li, self.text_words(text, li))),
        }
    }
}

/// A word of a text with a key: its byte range and what the matcher needs of it.
type TextWord = (Range<usize>, WordInfo);

/// A text's words keyed for one language of a [`TermMatcher`] ([`TermMatcher::text`]).
pub struct TextTerms<'m, 't> {
    matcher: &'m TermMatcher,
    text: &'t str,
    lang: Lang,
    /// The language's index in the matcher and the words (none when it has no term).
    words: Option<(usize, Vec<TextWord>)>,
}

impl<'t> TextTerms<'_, 't> {
    /// The text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// [`TermMatcher::find_up_to`] of this text.
    pub fn find_up_to(&self, worst: MatchClass) -> Vec<TermMatch> {
        self.select(worst, false)
    }

    /// [`TermMatcher::find_all`] of this text.
    pub fn find_all(&self, worst: MatchClass) -> Vec<TermMatch> {
        self.select(worst, true)
    }

    fn select(&self, worst: MatchClass, all: bool) -> Vec<TermMatch> {
        let Some((li, words)) = &self.words else {
            return Vec::new();
        };
        let (text, lang) = (self.text, &self.lang);
        let lt = self.matcher.lang_terms(*li);
        if words.is_empty() {
            return Vec::new();
        }
        let mut cands: Vec<Candidate> = Vec::new();
        let keyed = [lt.folded.as_ref(), lt.stemmed.as_ref(), lt.root.as_ref()];
        let mut toks: Vec<(u32, u32)> = Vec::with_capacity(words.len());
        for (kind, class) in KINDS.into_iter().enumerate() {
            let Some(keyed) = keyed[kind] else { continue };
            if class > worst {
                continue;
            }
            toks.clear();
            toks.extend(
                words
                    .iter()
                    .enumerate()
                    .map(|(i, (_, w))| (i as u32, w.tok[kind]))
                    .filter(|&(_, t)| t != EMPTY),
            );
            keyed.each_match(&toks, |first, last, pid| {
                for &e in &keyed.entries[pid as usize] {
                    if lt.capitals[e as usize] {
                        let span = words[first as usize].0.start..words[last as usize].0.end;
                        if !capitalised(text[span].trim_end_matches('s')) {
                            continue;
                        }
                    }
                    if class == MatchClass::Stemmed
                        && !stem_close(
                            &words[first as usize..=last as usize],
                            &lt.folded_chars[e as usize],
                        )
                    {
                        continue;
                    }
                    cands.push(Candidate {
                        first,
                        last,
                        entry: e,
                        class,
                    });
                }
            });
        }
        if cands.is_empty() {
            return Vec::new();
        }
        // Longest first, then better class, then leftmost.
        cands.sort_by(|a, b| {
            (b.last - b.first)
                .cmp(&(a.last - a.first))
                .then(a.class.cmp(&b.class))
                .then(a.first.cmp(&b.first))
        });
        let mut taken = vec![false; words.len()];
        let mut chosen: Vec<Chosen> = Vec::new();
        let mut at: FxHashMap<(u32, u32), usize> = FxHashMap::default();
        for c in cands {
            if let Some(&i) = at.get(&(c.first, c.last)) {
                // Another concept (or a worse class) on a span already chosen.
                let ch = &mut chosen[i];
                let concept = lt.entries[c.entry as usize].concept;
                if !ch
                    .2
                    .iter()
                    .any(|(x, _)| lt.entries[*x as usize].concept == concept)
                {
                    ch.2.push((c.entry, c.class));
                }
                continue;
            }
            if !all && taken[c.first as usize..=c.last as usize].iter().any(|&t| t) {
                continue;
            }
            taken[c.first as usize..=c.last as usize].fill(true);
            at.insert((c.first, c.last), chosen.len());
            chosen.push((c.first, c.last, vec![(c.entry, c.class)]));
        }
        chosen.sort_by_key(|(f, l, _)| (*f, std::cmp::Reverse(*l)));
        let mut out = Vec::new();
        for (first, last, entries) in chosen {
            let span = words[first as usize].0.start..words[last as usize].0.end;
            for (e, class) in entries {
                let entry = lt.entries[e as usize];
                let (cid, terms) = &self.matcher.concepts[entry.concept as usize];
                let (term, status) = &terms[entry.term as usize];
                let class = if class == MatchClass::Normalised && &text[span.clone()] == term {
                    MatchClass::Exact
                } else {
                    class
                };
                out.push(TermMatch {
                    span: span.clone(),
                    concept_index: entry.concept as usize,
                    concept: cid.clone(),
                    term_index: entry.term as usize,
                    term: term.clone(),
                    lang: lang.clone(),
                    status: *status,
                    class,
                });
            }
        }
        out
    }
}

/// Whether `s` has two letters or more, all capitals (a trailing `s` of a plural aside).
fn capitalised(s: &str) -> bool {
    let s = s.strip_suffix('s').unwrap_or(s);
    let mut n = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// Whether the words of a stemmed match are close enough in length to the term's words.
fn stem_close(text: &[TextWord], term: &[u32]) -> bool {
    let mut n = 0;
    for (_, w) in text.iter().filter(|(_, w)| !w.stem_empty) {
        match term.get(n) {
            Some(&t) if w.folded_chars.abs_diff(t) as usize <= STEM_SLACK => n += 1,
            _ => return false,
        }
    }
    n == term.len()
}

mod words;

pub(crate) use words::{each_word, short_key};
use words::{text_words, WordInfo, WordKeys, CACHE, CACHE_SLOTS, CACHE_WORDS};

#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;
