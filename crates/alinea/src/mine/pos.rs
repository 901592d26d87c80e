//! Parts of speech of French and English word forms, for the termhood model
//! ([`super::termhood`]): a term's head is a noun far more often than a verb form or an adverb
//! (`ratifié`, `conformément`, `shall`).
//!
//! The tables (`data/pos/fr.tsv.z`, `data/pos/en.tsv.z`, built by `scripts/build-pos.py` from
//! Debian's `hunspell-fr-comprehensive` and `wordnet-base`) list lower-cased forms sorted by
//! their bytes, `form<TAB>bits`, zlib-compressed. A table is inflated on first use (about 7 MB
//! for French) and searched by bisection over its line starts: no map is built.

use std::sync::OnceLock;

use crate::Lang;

const FR: &[u8] = include_bytes!("../../../../data/pos/fr.tsv.z");
const EN: &[u8] = include_bytes!("../../../../data/pos/en.tsv.z");

/// The word classes a form may belong to (a set: `relative` is an adjective and a noun).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos(u8);

impl Pos {
    pub const NOUN: u8 = 1;
    pub const ADJECTIVE: u8 = 2;
    pub const VERB: u8 = 4;
    pub const ADVERB: u8 = 8;
    pub const OTHER: u8 = 16;

    /// Whether the form may be of class `bit` (one of the constants).
    pub fn is(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

/// One inflated table and where its lines start.
struct Table {
    text: Vec<u8>,
    starts: Vec<u32>,
}

impl Table {
    fn load(compressed: &[u8]) -> Table {
        // The tables are part of the binary and checked by the tests: a failure here is a
        // build that shipped a broken file, so it leaves the table empty rather than panic.
        let text = miniz_oxide::inflate::decompress_to_vec_zlib(compressed).unwrap_or_default();
        let mut starts = Vec::with_capacity(text.len() / 12);
        let mut at = 0usize;
        while at < text.len() {
            starts.push(at as u32);
            at = memchr::memchr(b'\n', &text[at..]).map_or(text.len(), |n| at + n + 1);
        }
        Table { text, starts }
    }

    /// Line `i` without its newline.
    fn line(&self, i: usize) -> &[u8] {
        let start = self.starts[i] as usize;
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.text.len(), |&e| e as usize);
        let line = &self.text[start..end];
        line.strip_suffix(b"\n").unwrap_or(line)
    }

    /// The form of line `i` and its bits.
    fn entry(&self, i: usize) -> (&[u8], u8) {
        let line = self.line(i);
        match memchr::memchr(b'\t', line) {
            Some(tab) => {
                let bits = std::str::from_utf8(&line[tab + 1..])
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                (&line[..tab], bits)
            }
            None => (line, 0),
        }
    }

    fn get(&self, word: &str) -> Option<Pos> {
        let i = self
            .starts
            .binary_search_by(|&start| {
                let rest = &self.text[start as usize..];
                let form = memchr::memchr2(b'\t', b'\n', rest).map_or(rest, |n| &rest[..n]);
                form.cmp(word.as_bytes())
            })
            .ok()?;
        Some(Pos(self.entry(i).1))
    }
}

fn table(lang: &Lang) -> Option<&'static Table> {
    static FR_TABLE: OnceLock<Table> = OnceLock::new();
    static EN_TABLE: OnceLock<Table> = OnceLock::new();
    match lang {
        Lang::Fr => Some(FR_TABLE.get_or_init(|| Table::load(FR))),
        Lang::En => Some(EN_TABLE.get_or_init(|| Table::load(EN))),
        _ => None,
    }
}

/// The classes of `word` (any case) in `lang`, `None` when the table does not hold it or the
/// language has no table. A French form after an elided article or preposition (`l'audit`,
/// `d'offres`) is looked up without it.
pub fn of(lang: &Lang, word: &str) -> Option<Pos> {
    let t = table(lang)?;
    let lower = word.replace('’', "'").to_lowercase();
    t.get(&lower).or_else(|| {
        let (_, rest) = lower.split_once('\'')?;
        t.get(rest)
    })
}

/// Whether `lang` has a table.
pub fn has_table(lang: &Lang) -> bool {
    matches!(lang, Lang::Fr | Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_parse() {
        for lang in [Lang::Fr, Lang::En] {
            let t = table(&lang).unwrap();
            assert!(t.starts.len() > 100_000, "{lang:?}: {}", t.starts.len());
            for i in 1..t.starts.len() {
                let (a, _) = t.entry(i - 1);
                let (b, bits) = t.entry(i);
                assert!(a < b, "{lang:?}: line {i} out of order");
                assert!(bits > 0 && bits < 32, "{lang:?}: line {i} bits {bits}");
            }
        }
    }

    #[test]
    fn word_classes() {
        let fr = |w| of(&Lang::Fr, w).unwrap();
        assert!(fr("convention").is(Pos::NOUN));
        assert!(!fr("convention").is(Pos::VERB));
        assert!(fr("conformément").is(Pos::ADVERB));
        assert!(fr("garantirait").is(Pos::VERB));
        // A past participle is both.
        assert!(fr("ratifié").is(Pos::VERB) && fr("ratifié").is(Pos::ADJECTIVE));
        assert!(fr("Conventions").is(Pos::NOUN));
        assert!(fr("l'audit").is(Pos::NOUN));
        assert!(fr("d’éolienne").is(Pos::NOUN));
        let en = |w| of(&Lang::En, w).unwrap();
        assert!(en("turbines").is(Pos::NOUN));
        assert!(en("ratified").is(Pos::VERB) && en("ratified").is(Pos::ADJECTIVE));
        assert!(en("accordingly").is(Pos::ADVERB));
        assert!(en("children").is(Pos::NOUN));
        assert_eq!(of(&Lang::En, "shall"), None);
        assert_eq!(of(&Lang::En, "xyzzyqq"), None);
        assert_eq!(of(&Lang::Ar, "مجلس"), None);
    }
}
