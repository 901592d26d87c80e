//! Cognates between two documents of the same script: de-accented words compared by their
//! common prefix and their edit distance, and the source document's words by their first four
//! letters, where the candidates of a target word are looked up.

use super::super::features::StrTable;
use crate::text::fold::strip_accents_into;

pub(super) fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Whether two de-accented words of the same script look like cognates.
pub(super) fn cognate(a: &str, b: &str) -> bool {
    let p = common_prefix(a, b);
    let (la, lb) = (a.chars().count(), b.chars().count());
    if p >= 6 || (p >= 4 && p * 10 >= la.max(lb) * 6) {
        return true;
    }
    // An edit distance of at most a quarter of the longer word needs lengths that close.
    if p < 4 || la.abs_diff(lb) * 4 > la.max(lb) {
        return false;
    }
    // The distance does not change when the common prefix is left out (same bytes on both
    // sides); normalised by the full lengths, as `strsim::normalized_levenshtein` does.
    let cut = a.char_indices().nth(p).map_or(a.len(), |(i, _)| i);
    let d = levenshtein(&a[cut..], &b[cut..]);
    1.0 - (d as f64) / (la.max(lb) as f64) >= 0.75
}

/// `strsim::levenshtein`, on bytes without allocating when both words are short and ASCII.
pub(super) fn levenshtein(a: &str, b: &str) -> usize {
    const MAX: usize = 48;
    if !(a.is_ascii() && b.is_ascii()) || b.len() >= MAX {
        return strsim::levenshtein(a, b);
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // The distances from a prefix of `a` to each prefix of `b`.
    let mut row = [0usize; MAX];
    for (j, r) in row.iter_mut().enumerate().take(b.len() + 1) {
        *r = j;
    }
    for (i, &x) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(x != y)).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row[b.len()]
}

/// The first four characters of `s`.
fn prefix4(s: &str) -> &str {
    s.char_indices().nth(4).map_or(s, |(i, _)| &s[..i])
}

/// The de-accented forms of a document's words ([`strip_accents_into`]), end to end: word `i`
/// is `text[ends[i - 1]..ends[i]]`, `None` when it has fewer than four letters.
#[derive(Default)]
pub(super) struct Deaccented {
    text: String,
    ends: Vec<Option<usize>>,
}

impl Deaccented {
    pub(super) fn of(words: &StrTable) -> Deaccented {
        let mut out = Deaccented {
            text: String::with_capacity(words.iter().map(str::len).sum()),
            ends: Vec::with_capacity(words.len()),
        };
        let mut d = String::new();
        for w in words.iter() {
            strip_accents_into(w, &mut d);
            if d.chars().count() >= 4 {
                out.text.push_str(&d);
                out.ends.push(Some(out.text.len()));
            } else {
                out.ends.push(None);
            }
        }
        out
    }

    /// The forms of four letters or more, each with its word's id in `ids`, in order of their
    /// first four letters, then of form and id, without repeats.
    pub(super) fn by_prefix(&self, ids: &[u32]) -> ByPrefix<'_> {
        let mut entries = Vec::with_capacity(self.ends.len());
        let mut start = 0;
        for (end, &id) in self.ends.iter().zip(ids) {
            if let Some(end) = *end {
                let d = &self.text[start..end];
                entries.push((prefix_key(d), d, id));
                start = end;
            }
        }
        // Forms are compared only within a group of one prefix.
        entries.sort_unstable();
        entries.dedup();
        ByPrefix { entries }
    }
}

/// The first four characters of `s` (16 bytes at most) as a number: their bytes, big-endian,
/// zeros after. Two words (which have no NUL) have the same number when they have the same
/// first four characters.
fn prefix_key(s: &str) -> u128 {
    let p = prefix4(s).as_bytes();
    let mut b = [0u8; 16];
    b[..p.len()].copy_from_slice(p);
    u128::from_be_bytes(b)
}

/// De-accented words by their first four letters (see [`Deaccented::by_prefix`]).
pub(super) struct ByPrefix<'a> {
    entries: Vec<(u128, &'a str, u32)>,
}

impl ByPrefix<'_> {
    /// The forms (with their ids) whose first four letters are those of `word`, in order of
    /// form and id.
    pub(super) fn like(&self, word: &str) -> impl Iterator<Item = (&str, u32)> + '_ {
        let key = prefix_key(word);
        let lo = self.entries.partition_point(|e| e.0 < key);
        let hi = lo + self.entries[lo..].partition_point(|e| e.0 == key);
        self.entries[lo..hi].iter().map(|&(_, d, id)| (d, id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_by_their_first_four_letters() {
        let mut words = StrTable::default();
        let list = [
            "développement",
            "developpement",
            "dévelopé",
            "été",
            "deve",
            "devenir",
            "abcd",
        ];
        for w in list {
            words.insert(w, StrTable::hash(w));
        }
        // Word ids: the first two words share an id, as two surfaces of one stem do.
        let ids = [7, 7, 3, 1, 2, 5, 4];
        let d = Deaccented::of(&words);
        let by = d.by_prefix(&ids);
        let like = |w: &str| by.like(w).collect::<Vec<_>>();
        // Forms of fewer than four letters (`ete`) are left out; two words of one form and id
        // make one entry; an entry's order is by form, then id.
        assert_eq!(
            like("devenu"),
            [
                ("deve", 2),
                ("develope", 3),
                ("developpement", 7),
                ("devenir", 5)
            ]
        );
        assert_eq!(like("abcd"), [("abcd", 4)]);
        assert_eq!(like("abc"), []);
        assert_eq!(like("ete"), []);
        assert_eq!(like("zzzz"), []);
        assert_eq!(Deaccented::default().by_prefix(&[]).like("deve").count(), 0);
        // The keys order as the prefixes do.
        let keys = ["ab", "abcd", "abce", "abé", "b", "éabc"].map(prefix_key);
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(prefix_key("abcdef"), prefix_key("abcd"));
    }
}
