//! The matcher as first written, kept as the reference the fast one is tested against: the
//! keys of a text's words joined into one string per key kind and searched with an
//! Aho–Corasick automaton over the terms' keys (`" key "`), each word keyed anew.

use std::ops::Range;
use std::rc::Rc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap;

use super::words::{text_words, WordKeys};
use super::{capitalised, TermMatch};
use crate::termbase::index::MatchClass;
use crate::termbase::model::{Status, Termbase};
use crate::termbase::normalize::stemmer;
use crate::Lang;

/// Longest difference in letters allowed between a word of the text and the word of the
/// term it matches by stem.
const STEM_SLACK: usize = 3;

#[derive(Clone, Copy, Debug)]
struct Entry {
    concept: u32,
    term: u32,
}

/// The automaton of one key kind over one language's terms.
struct Keyed {
    ac: AhoCorasick,
    /// The entries of each distinct pattern.
    entries: Vec<Vec<u32>>,
}

impl Keyed {
    fn build(keys: Vec<(String, u32)>) -> Option<Keyed> {
        let mut ids: FxHashMap<String, usize> = FxHashMap::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<u32>> = Vec::new();
        for (key, e) in keys {
            if key.is_empty() {
                continue;
            }
            let id = *ids.entry(key.clone()).or_insert_with(|| {
                patterns.push(format!(" {key} "));
                entries.push(Vec::new());
                patterns.len() - 1
            });
            if !entries[id].contains(&e) {
                entries[id].push(e);
            }
        }
        if patterns.is_empty() {
            return None;
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok()?;
        Some(Keyed { ac, entries })
    }
}

/// The terms of one language.
struct LangTerms {
    lang: Lang,
    /// Entries of this language: (concept, term) and their folded words (one per
    /// non-empty stem, for the over-stemming check).
    entries: Vec<Entry>,
    folded_words: Vec<Vec<String>>,
    /// Whether each entry is written in capitals (an acronym: `IT` is not "it").
    capitals: Vec<bool>,
    folded: Option<Keyed>,
    stemmed: Option<Keyed>,
    root: Option<Keyed>,
}

/// A concept's id and its terms' texts and statuses.
type ConceptTerms = (String, Vec<(String, Option<Status>)>);

/// The key of one kind a word has.
type KeyOf = fn(&WordKeys) -> &str;

/// A span of words chosen, and the entries matching it with their classes.
type Chosen = (u32, u32, Vec<(u32, MatchClass)>);

/// Finds the terms of a termbase in text (see the module documentation).
pub struct Reference {
    concepts: Vec<ConceptTerms>,
    langs: Vec<LangTerms>,
}

/// A stream of keys: the keys of the words, each preceded by a space, and a final space.
struct Stream {
    buf: String,
    /// Byte offset in `buf` of the space before each key, and the word it came from.
    starts: Vec<(usize, u32)>,
}

impl Stream {
    fn new<'a>(keys: impl Iterator<Item = (u32, &'a str)>) -> Stream {
        let mut s = Stream {
            buf: String::new(),
            starts: Vec::new(),
        };
        for (w, k) in keys {
            if k.is_empty() {
                continue;
            }
            s.starts.push((s.buf.len(), w));
            s.buf.push(' ');
            s.buf.push_str(k);
        }
        s.buf.push(' ');
        s
    }

    /// The words (first, last) a match of `range` covers in the stream.
    fn words(&self, range: Range<usize>) -> (u32, u32) {
        let first = self.starts.partition_point(|&(o, _)| o < range.start);
        let last = self.starts.partition_point(|&(o, _)| o < range.end - 1) - 1;
        (self.starts[first].1, self.starts[last].1)
    }
}

struct Candidate {
    first: u32,
    last: u32,
    entry: u32,
    class: MatchClass,
}

impl Reference {
    /// A matcher over every term of `tb`, in every language.
    pub fn new(tb: &Termbase) -> Reference {
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
            .map(|(lang, entries)| {
                let st = stemmer(&lang);
                let arabic = lang == Lang::Ar;
                let mut cache: FxHashMap<&str, Rc<WordKeys>> = FxHashMap::default();
                let (mut folded, mut stemmed, mut root) = (Vec::new(), Vec::new(), Vec::new());
                let mut folded_words = Vec::with_capacity(entries.len());
                for (i, e) in entries.iter().enumerate() {
                    let text = tb.concepts[e.concept as usize].terms[e.term as usize]
                        .text
                        .as_str();
                    let words = text_words(text, st.as_ref(), arabic, &mut cache);
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
                    folded_words.push(
                        words
                            .iter()
                            .filter(|(_, k)| !k.stem.is_empty())
                            .map(|(_, k)| k.folded.clone())
                            .collect(),
                    );
                }
                let capitals = entries
                    .iter()
                    .map(|e| {
                        capitalised(&tb.concepts[e.concept as usize].terms[e.term as usize].text)
                    })
                    .collect();
                LangTerms {
                    lang,
                    capitals,
                    entries,
                    folded_words,
                    folded: Keyed::build(folded),
                    stemmed: Keyed::build(stemmed),
                    root: Keyed::build(root),
                }
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
        Reference { concepts, langs }
    }

    /// The languages that have terms.
    #[allow(dead_code)]
    pub fn langs(&self) -> impl Iterator<Item = &Lang> {
        self.langs.iter().map(|l| &l.lang)
    }

    /// Every term of `lang` found in `text`, in text order (see the module documentation).
    pub fn find(&self, text: &str, lang: &Lang) -> Vec<TermMatch> {
        self.find_up_to(text, lang, MatchClass::Root)
    }

    /// [`Reference::find`] with matches of classes up to `worst` only (`Stemmed` leaves
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

    fn search(&self, text: &str, lang: &Lang, worst: MatchClass, all: bool) -> Vec<TermMatch> {
        let Some(lt) = self.langs.iter().find(|l| &l.lang == lang) else {
            return Vec::new();
        };
        let st = stemmer(lang);
        let arabic = lang == &Lang::Ar;
        let mut cache = FxHashMap::default();
        let words = text_words(text, st.as_ref(), arabic, &mut cache);
        if words.is_empty() {
            return Vec::new();
        }
        let mut cands: Vec<Candidate> = Vec::new();
        let idx = |i: usize| i as u32;
        let kinds: [(Option<&Keyed>, MatchClass, KeyOf); 3] = [
            (lt.folded.as_ref(), MatchClass::Normalised, |k| &k.folded),
            (lt.stemmed.as_ref(), MatchClass::Stemmed, |k| &k.stem),
            (lt.root.as_ref(), MatchClass::Root, |k| &k.root),
        ];
        for (keyed, class, key) in kinds {
            let Some(keyed) = keyed else { continue };
            if class > worst {
                continue;
            }
            let stream = Stream::new(words.iter().enumerate().map(|(i, (_, k))| (idx(i), key(k))));
            for m in keyed.ac.find_overlapping_iter(&stream.buf) {
                let (first, last) = stream.words(m.range());
                let pid = m.pattern().as_usize();
                for &e in &keyed.entries[pid] {
                    if lt.capitals[e as usize] {
                        let span = words[first as usize].0.start..words[last as usize].0.end;
                        if !capitalised(text[span].trim_end_matches('s')) {
                            continue;
                        }
                    }
                    if class == MatchClass::Stemmed
                        && !stem_close(
                            &words[first as usize..=last as usize],
                            &lt.folded_words[e as usize],
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
            }
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
                let (cid, terms) = &self.concepts[entry.concept as usize];
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

/// Whether the words of a stemmed match are close enough in length to the term's words.
fn stem_close(text: &[(Range<usize>, Rc<WordKeys>)], term: &[String]) -> bool {
    let text: Vec<&str> = text
        .iter()
        .filter(|(_, k)| !k.stem.is_empty())
        .map(|(_, k)| k.folded.as_str())
        .collect();
    text.len() == term.len()
        && text.iter().zip(term).all(|(a, b)| {
            let (a, b) = (a.chars().count(), b.chars().count());
            a.abs_diff(b) <= STEM_SLACK
        })
}
