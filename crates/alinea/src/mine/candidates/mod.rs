//! Candidate terms of one language, counted over units: every run of words that starts and
//! ends with a content word and holds inside only content words and the language's linking
//! words (French `N Adj`, `N de (la|l') N`, `N à N`; English `Adj* N+`, `N of N`; Arabic
//! construct chains and `N Adj`, which carry no linking word). Variants meet under one key
//! ([`super::tokens::variant_key`] of each word); each candidate keeps its surface forms, a
//! count of capitalised occurrences (names), the units it occurs in and two contexts.

use rustc_hash::FxHashMap;

use super::tokens::{chunks, chunks_with, Token, Words};
use super::units::Units;
use super::Context;
use crate::Lang;

/// A trie node whose sequence has no entry (yet).
const NO_ENTRY: u32 = u32::MAX;

/// How many distinct surface forms a candidate keeps.
const MAX_FORMS: usize = 8;
/// How many contexts a candidate keeps.
pub const MAX_CONTEXTS: usize = 2;
/// The longest context kept, in characters.
const CONTEXT_CHARS: usize = 300;

/// One counted candidate.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    /// The variant key.
    pub key: String,
    /// Keys of its content words.
    pub words: Vec<String>,
    /// Number of words, linking words included.
    pub len: usize,
    /// Linking words inside.
    pub links: usize,
    pub freq: u32,
    /// Occurrences where every content word is capitalised and the first is not a sentence start
    /// (or another word is capitalised too).
    pub capitalised: u32,
    /// Occurrences whose first word is capitalised, not at a sentence start (`Conseil de
    /// sécurité`): the case of its display form is kept.
    pub first_capital: u32,
    /// Occurrences written in capitals (an acronym).
    pub all_caps: u32,
    /// Occurrences right after an article or a determiner (`la`, `des`, `the`, `these`): a
    /// noun phrase's start.
    pub after_article: u32,
    /// Occurrences where it qualifies a word outside it, as a modifier of that word's phrase:
    /// right after a content word in French (`humanitaire` in `droit international
    /// humanitaire`) and in Arabic with its article after a definite word (`الإنمائي` after
    /// `البرنامج`: an adjective agreeing with its noun); right before one in English
    /// (`humanitarian` in `humanitarian law`; a verb after a subject counts too, no word
    /// classes being looked up here). See [`modifies`].
    pub modifier: u32,
    /// Occurrences followed by a linking word (`de`, `of`): maybe the start of a longer phrase.
    pub before_link: u32,
    /// Occurrences followed by punctuation or the unit's end: a phrase that ends there.
    pub before_edge: u32,
    /// Surface forms with their counts.
    pub forms: Vec<(String, u32)>,
    /// Distinct documents it occurs in.
    pub docs: u32,
    last_doc: u32,
    /// Units it occurs in (global unit numbers, ascending, each once), when kept.
    pub units: Units,
    pub contexts: Vec<Context>,
    /// The long form this acronym stands for, or the acronym this long form was defined with.
    pub expansion: Option<String>,
    pub acronym_of: Option<String>,
}

/// The candidates of one language.
#[derive(Debug)]
pub struct Counter {
    pub lang: Lang,
    pub entries: Vec<Entry>,
    pub ids: FxHashMap<String, u32>,
    /// Entries by their words' key numbers (the counting path: no string is built), as a
    /// trie: `(node, key number)` → the node of the sequence one word longer (the root is
    /// node 0), and each node's entry (`NO_ENTRY` for a sequence not counted yet, or one
    /// that is not a candidate: ending on a linking word).
    trie: FxHashMap<(u32, u32), u32>,
    node_entry: Vec<u32>,
    words: Words,
    /// Words counted (for relative frequencies).
    pub tokens: u64,
    /// Documents seen (one more than the highest document number counted).
    pub docs: u32,
    keep_units: bool,
    max_len: usize,
    max_links: usize,
}

/// A unit of [`FOREIGN_MIN_WORDS`] words or more of which fewer than three in ten are words
/// of the language ([`Token::known`]) is a passage in another language (a Turkish abstract in
/// an English thesis, a Lithuanian table in an English report): none of its words are
/// counted. (ACTER, `scripts/mine-bench-acter.py`: F1 wind fr 0.302 → 0.312, en 0.333 →
/// 0.338, the other domains within 0.001; at one in two, corp loses a few names.)
fn in_another_language(chunks: &[Vec<Token>]) -> bool {
    let (n, known) = chunks.iter().flatten().fold((0usize, 0usize), |(n, k), t| {
        (n + 1, k + usize::from(t.known))
    });
    n >= FOREIGN_MIN_WORDS && 10 * known < 3 * n
}

/// The fewest words a unit needs to be told to be in another language (a heading of names
/// or codes is not).
const FOREIGN_MIN_WORDS: usize = 4;

fn is_content(t: &Token, _lang: &Lang) -> bool {
    t.content
}

/// Whether token `j` of `chunk` links two capitalised words of an English name: `on`, `for`,
/// `against` after a content word, then a capitalised content word or `the` and one (`Commission
/// on the Status of Women`, `Office for Disarmament Affairs`); `the` after such a word.
fn name_link(chunk: &[Token], content: &[bool], j: usize) -> bool {
    let capital_content = |k: usize| content.get(k) == Some(&true) && chunk[k].capital;
    let the = |k: usize| {
        chunk
            .get(k)
            .is_some_and(|t| t.surface.eq_ignore_ascii_case("the"))
    };
    if is_name_linker(&chunk[j]) {
        content[j - 1] && (capital_content(j + 1) || (the(j + 1) && capital_content(j + 2)))
    } else {
        the(j) && is_name_linker(&chunk[j - 1]) && capital_content(j + 1)
    }
}

/// Whether `word` is an article or a determiner of `lang` (what a noun phrase starts with).
fn is_article(lang: &Lang, word: &str) -> bool {
    const FR: &[&str] = &[
        "le", "la", "les", "l'", "l’", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette",
        "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos",
    ];
    const EN: &[&str] = &[
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her",
    ];
    let list = match lang {
        Lang::Fr => FR,
        Lang::En => EN,
        _ => return false,
    };
    list.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Whether the words `chunk[i..=j]` (content words by `content`) qualify a word outside them
/// ([`Entry::modifier`]). French and Arabic put adjectives after their noun, English before.
/// An Arabic word with the article right after a definite word agrees with it (`البرنامج
/// الإنمائي`); after a bare noun it completes a construct (`برنامج الأمم`), a phrase of its
/// own, and a proclitic (`والاجتماعي`) starts a coordination: neither counts.
fn modifies(lang: &Lang, chunk: &[Token], content: &[bool], i: usize, j: usize) -> bool {
    let definite = |w: &str| {
        ["ال", "وال", "بال", "فال", "كال", "لل"]
            .iter()
            .any(|p| w.starts_with(p))
    };
    match lang {
        Lang::En => content.get(j + 1) == Some(&true),
        Lang::Ar => {
            i > 0
                && content[i - 1]
                && chunk[i].surface.starts_with("ال")
                && definite(chunk[i - 1].surface)
        }
        _ => i > 0 && content[i - 1],
    }
}

/// `on`, `for` or `against`, which link the words of an English name.
fn is_name_linker(t: &Token) -> bool {
    ["on", "for", "against"]
        .iter()
        .any(|w| t.surface.eq_ignore_ascii_case(w))
}

impl Counter {
    pub fn new(lang: Lang, keep_units: bool) -> Counter {
        let (max_len, max_links) = match lang {
            Lang::Fr => (8, 2),
            Lang::En => (5, 1),
            Lang::Ar => (5, 1),
            _ => (4, 0),
        };
        Counter {
            lang,
            entries: Vec::new(),
            ids: FxHashMap::default(),
            trie: FxHashMap::default(),
            node_entry: vec![NO_ENTRY],
            words: Words::default(),
            tokens: 0,
            docs: 0,
            keep_units,
            max_len,
            max_links,
        }
    }

    /// Count the candidates of one unit's `text`. `doc` numbers the document, `unit` the
    /// unit (globally, ascending); `doc_name` and `unit_index` name it in contexts.
    pub fn add(&mut self, text: &str, doc: u32, unit: u32, doc_name: &str, unit_index: usize) {
        let lang = self.lang.clone();
        self.docs = self.docs.max(doc + 1);
        let mut words = std::mem::take(&mut self.words);
        let cut = chunks_with(text, &lang, &mut words);
        self.words = words;
        if in_another_language(&cut) {
            return;
        }
        for chunk in cut {
            self.tokens += chunk.len() as u64;
            let content: Vec<bool> = chunk.iter().map(|t| is_content(t, &lang)).collect();
            for i in 0..chunk.len() {
                if !content[i] {
                    continue;
                }
                // Linking words count by group: `de la`, `à l'` are one.
                let mut links = 0;
                let mut node = 0;
                // A name (capitalised, not at a sentence start) may coordinate two of its
                // words once. French coordinates the head's modifiers: a modifier before `et`,
                // a lower-case word after (`Conseil économique et social`, not `Europol et
                // Eurojust`). English coordinates single capitalised modifiers before the
                // head, and the name goes on past the second (`Economic and Social Council`,
                // not `Council and Commission`). A coordination counts as a linking word.
                let name = chunk[i].capital && !chunk[i].initial;
                let mut coordinated: Option<usize> = None;
                // An English name is longer (`Commission on the Status of Women`).
                let max_len = if name && lang == Lang::En {
                    self.max_len + 2
                } else {
                    self.max_len
                };
                for j in i..chunk.len().min(i + max_len) {
                    if !content[j] {
                        let coordinates = name
                            && coordinated.is_none()
                            && chunk[j].coordinator
                            && j > i
                            && content[j - 1]
                            && content.get(j + 1) == Some(&true)
                            && match lang {
                                Lang::Fr => j - 1 > i && !chunk[j + 1].capital,
                                // One modifier before `and`, the name's first word or the
                                // first after `on`, `for`, `against` (`Covenant on Civil and
                                // Political Rights`), not an acronym (not `Eastern Europe and
                                // Central Asia`, `OLAF and Disciplinary Bodies`).
                                _ => {
                                    (j - 1 == i
                                        || (j >= i + 2
                                            && (is_name_linker(&chunk[j - 2])
                                                || chunk[j - 2]
                                                    .surface
                                                    .eq_ignore_ascii_case("the"))))
                                        && chunk[j + 1].capital
                                        && !chunk[j - 1].all_caps
                                }
                            };
                        let named =
                            name && lang == Lang::En && j > i && name_link(&chunk, &content, j);
                        if chunk[j].link || coordinates || named {
                            if content[j - 1] {
                                links += 1;
                            }
                            // An English name links more (`Commission on the Status of Women`).
                            let most = if name && lang == Lang::En {
                                self.max_links + 1
                            } else {
                                self.max_links
                            };
                            if links > most {
                                break;
                            }
                            if coordinates {
                                coordinated = Some(j);
                            }
                            node = self.child(node, chunk[j].key_id);
                            continue;
                        }
                        break;
                    }
                    node = self.child(node, chunk[j].key_id);
                    if lang == Lang::En && coordinated == Some(j.wrapping_sub(1)) && j == i + 2 {
                        // `Economic and Social` is not a name without what follows; after
                        // `on` the name may end there (`Office on Drugs and Crime`).
                        continue;
                    }
                    if j > i && chunk[j].open_end {
                        // `Pacte international relatif`: a phrase cut short, not a term.
                        continue;
                    }
                    let id = self.entry_at(node, &chunk[i..=j], links);
                    if i > 0 && is_article(&lang, chunk[i - 1].surface) {
                        self.entries[id as usize].after_article += 1;
                    }
                    if modifies(&lang, &chunk, &content, i, j) {
                        self.entries[id as usize].modifier += 1;
                    }
                    let e = &mut self.entries[id as usize];
                    match chunk.get(j + 1) {
                        None => e.before_edge += 1,
                        Some(t) if t.link => e.before_link += 1,
                        Some(_) => {}
                    }
                    self.count(id, &chunk[i..=j], doc, unit, text, doc_name, unit_index);
                }
            }
        }
        for (short, long) in super::acronyms::definitions(text) {
            self.define(&short, &long);
        }
    }

    /// The trie node of the sequence of `node` followed by the word of key number `key`.
    fn child(&mut self, node: u32, key: u32) -> u32 {
        let next = self.node_entry.len() as u32;
        let child = *self.trie.entry((node, key)).or_insert(next);
        if child == next {
            self.node_entry.push(NO_ENTRY);
        }
        child
    }

    /// The entry of the sequence `toks` whose trie node is `node`, made on its first count.
    fn entry_at(&mut self, node: u32, toks: &[Token], links: usize) -> u32 {
        let known = self.node_entry[node as usize];
        if known != NO_ENTRY {
            return known;
        }
        let key = toks.iter().map(|t| &*t.key).collect::<Vec<_>>().join(" ");
        let id = match self.ids.get(&key) {
            Some(&id) => id,
            None => {
                let id = self.entries.len() as u32;
                self.entries.push(Entry {
                    key: key.clone(),
                    words: toks
                        .iter()
                        .filter(|t| is_content(t, &self.lang))
                        .map(|t| t.key.to_string())
                        .collect(),
                    len: toks.len(),
                    links,
                    last_doc: u32::MAX,
                    ..Entry::default()
                });
                self.ids.insert(key, id);
                id
            }
        };
        self.node_entry[node as usize] = id;
        id
    }

    #[allow(clippy::too_many_arguments)]
    fn count(
        &mut self,
        id: u32,
        toks: &[Token],
        doc: u32,
        unit: u32,
        text: &str,
        doc_name: &str,
        unit_index: usize,
    ) {
        let e = &mut self.entries[id as usize];
        e.freq += 1;
        let mut caps = toks.iter().filter(|t| !t.link);
        let content = caps.clone().count();
        // Capitals of a heading (every content word in capitals, or a common word in
        // capitals) make no name.
        let heading = caps.clone().all(|t| t.all_caps) && (content > 1 || toks[0].shouted);
        if caps.all(|t| t.capital) && (!toks[0].initial || content > 1) && !heading {
            e.capitalised += 1;
        }
        if toks[0].capital && !toks[0].initial && !heading {
            e.first_capital += 1;
        }
        if toks.len() == 1 && toks[0].all_caps && !toks[0].shouted {
            e.all_caps += 1;
        }
        if e.last_doc != doc {
            e.last_doc = doc;
            e.docs += 1;
        }
        if self.keep_units {
            e.units.push(unit);
        }
        if let Some((_, n)) = e.forms.iter_mut().find(|(f, _)| written_as(f, toks)) {
            *n += 1;
        } else if e.forms.len() < MAX_FORMS {
            e.forms.push((surface(toks), 1));
        }
        if e.contexts.len() < MAX_CONTEXTS
            && !e
                .contexts
                .iter()
                .any(|c| c.doc == doc_name && c.unit == unit_index)
        {
            e.contexts.push(Context {
                doc: doc_name.to_string(),
                unit: unit_index,
                text: clip(text, CONTEXT_CHARS),
            });
        }
    }

    fn define(&mut self, short: &str, long: &str) {
        let lang = self.lang.clone();
        let skey = super::tokens::variant_key(short, &lang);
        let lkey = chunks(long, &lang)
            .into_iter()
            .flatten()
            .map(|t| t.key.to_string())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(&id) = self.ids.get(&skey) {
            self.entries[id as usize].expansion = Some(long.to_string());
        }
        let id = match self.ids.get(&lkey) {
            Some(&id) => id,
            None if !lkey.is_empty() => {
                // A long form holding other function words (`et`, `and`) is a candidate too.
                let id = self.entries.len() as u32;
                let words = chunks(long, &lang)
                    .into_iter()
                    .flatten()
                    .filter(|t| is_content(t, &lang))
                    .map(|t| t.key.to_string())
                    .collect();
                self.entries.push(Entry {
                    key: lkey.clone(),
                    words,
                    len: lkey.split(' ').count(),
                    freq: 1,
                    docs: 1,
                    forms: vec![(long.to_string(), 1)],
                    last_doc: u32::MAX,
                    ..Entry::default()
                });
                self.ids.insert(lkey, id);
                id
            }
            None => return,
        };
        self.entries[id as usize].acronym_of = Some(short.to_string());
    }

    /// For each long form that an acronym defines in the text (`Programme des Nations Unies
    /// pour le développement` of `PNUD`), the acronym's entry (long form id → acronym id):
    /// the long form is mentioned by the acronym too.
    pub fn long_forms(&self) -> FxHashMap<u32, u32> {
        let mut by_form: FxHashMap<&str, u32> = FxHashMap::default();
        for (i, e) in self.entries.iter().enumerate() {
            if e.expansion.is_some() {
                for (f, _) in &e.forms {
                    by_form.insert(f.as_str(), i as u32);
                }
            }
        }
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| Some((i as u32, *by_form.get(e.acronym_of.as_deref()?)?)))
            .collect()
    }

    /// The entry of `key`, if counted.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.ids.get(key).map(|&i| &self.entries[i as usize])
    }
}

/// Whether `form` is [`surface`] of `toks` (without building it).
fn written_as(form: &str, toks: &[Token]) -> bool {
    let mut rest = form;
    for (i, t) in toks.iter().enumerate() {
        if i > 0 && !toks[i - 1].surface.ends_with(['\'', '\u{2019}']) {
            match rest.strip_prefix(' ') {
                Some(r) => rest = r,
                None => return false,
            }
        }
        match rest.strip_prefix(t.surface) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// The words as written, joined by a space except after an elided article.
fn surface(toks: &[Token]) -> String {
    let mut s = String::new();
    for (i, t) in toks.iter().enumerate() {
        if i > 0 && !toks[i - 1].surface.ends_with(['\'', '\u{2019}']) {
            s.push(' ');
        }
        s.push_str(t.surface);
    }
    s
}

fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests;
