//! Parts of speech of French and English word forms, for the termhood model
//! ([`super::termhood`]): a term's head is a noun far more often than a verb form or an adverb
//! (`ratifié`, `conformément`, `shall`).
//!
//! The tables (`data/pos/fr.tsv.z`, `data/pos/en.tsv.z`, built by `scripts/build-pos.py` from
//! Debian's `hunspell-fr-comprehensive` and `wordnet-base`) list lower-cased forms sorted by
//! their bytes, `form<TAB>bits`, zlib-compressed. The build inflates them (`build.rs`) into
//! the binary, where a lookup bisects the text in place: nothing is inflated or indexed at
//! run time, and a lookup touches a few pages of the table only.

use crate::Lang;

const FR: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pos-fr.tsv"));
const EN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pos-en.tsv"));

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

/// A line `form<TAB>bits` as its form and bits (0 when they do not parse: the tests check
/// that none is so).
fn entry(line: &[u8]) -> (&[u8], u8) {
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

/// The bits of `word` in `table`, a text of lines sorted by their forms: bisection over
/// the bytes, each probe taken back to the start of its line. Invariant: `lo` is a line's
/// start, and the line sought, if there, starts in `lo..hi`.
fn get(table: &[u8], word: &[u8]) -> Option<u8> {
    let (mut lo, mut hi) = (0, table.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = memchr::memrchr(b'\n', &table[lo..mid]).map_or(lo, |n| lo + n + 1);
        let end = memchr::memchr(b'\n', &table[start..]).map_or(table.len(), |n| start + n);
        let (form, bits) = entry(&table[start..end]);
        match form.cmp(word) {
            std::cmp::Ordering::Equal => return Some(bits),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}

fn table(lang: &Lang) -> Option<&'static [u8]> {
    match lang {
        Lang::Fr => Some(FR),
        Lang::En => Some(EN),
        _ => None,
    }
}

/// The classes of `word` (any case) in `lang`, `None` when the table does not hold it or the
/// language has no table. A French form after an elided article or preposition (`l'audit`,
/// `d'offres`) is looked up without it.
pub fn of(lang: &Lang, word: &str) -> Option<Pos> {
    let t = table(lang)?;
    let lower = word.replace('’', "'").to_lowercase();
    get(t, lower.as_bytes())
        .or_else(|| {
            let (_, rest) = lower.split_once('\'')?;
            get(t, rest.as_bytes())
        })
        .map(Pos)
}

/// Whether `lang` has a table.
pub fn has_table(lang: &Lang) -> bool {
    matches!(lang, Lang::Fr | Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_parse_and_every_form_is_found() {
        for lang in [Lang::Fr, Lang::En] {
            let t = table(&lang).unwrap();
            let lines: Vec<&[u8]> = t.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
            assert!(lines.len() > 100_000, "{lang:?}: {}", lines.len());
            for (i, pair) in lines.windows(2).enumerate() {
                let (a, _) = entry(pair[0]);
                let (b, bits) = entry(pair[1]);
                assert!(a < b, "{lang:?}: line {} out of order", i + 1);
                assert!(
                    bits > 0 && bits < 32,
                    "{lang:?}: line {} bits {bits}",
                    i + 1
                );
            }
            // The bisection finds every form with its bits, the first and the last too, and
            // nothing between two forms.
            for (i, line) in lines.iter().enumerate() {
                let (form, bits) = entry(line);
                assert_eq!(get(t, form), Some(bits), "{lang:?}: line {i}");
                let mut after = form.to_vec();
                after.push(0);
                assert_eq!(get(t, &after), None, "{lang:?}: after line {i}");
            }
            assert_eq!(get(t, b""), None);
        }
        // Edge cases: an empty table, one line, no final newline.
        assert_eq!(get(b"", b"a"), None);
        assert_eq!(get(b"b\t2", b"b"), Some(2));
        assert_eq!(get(b"b\t2\n", b"a"), None);
        assert_eq!(get(b"a\t1\nb\t2", b"b"), Some(2));
        assert_eq!(get(b"a\t1\nb\t2", b"c"), None);
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
