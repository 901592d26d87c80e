//! `--shard I/N`: a deterministic share of a corpus, so that several machines (Kubernetes
//! indexed jobs, Slurm job arrays, GNU parallel) can each align a part of it.
//!
//! A document belongs to shard `I` of `N` when the first eight bytes of the SHA-256 of its
//! name, read as a big-endian number, are `I` modulo `N`. The share of a document depends on
//! its name alone: adding documents to the corpus moves none of the others, and every machine
//! computes the same shares without talking to the others. `I` counts from 0
//! (`JOB_COMPLETION_INDEX` and `seq 0 7` do).

use std::fmt;
use std::str::FromStr;

use sha2::{Digest, Sha256};

use crate::Error;

/// Shard `index` of `count` (`0 <= index < count`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// Whether the document `name` is in this shard.
    pub fn contains(&self, name: &str) -> bool {
        bucket(name, self.count) == self.index
    }

    /// `3-of-8`: the shard in a file name.
    pub fn file_label(&self) -> String {
        format!("{}-of-{}", self.index, self.count)
    }
}

/// The shard of `name` among `count`.
pub fn bucket(name: &str, count: u64) -> u64 {
    let digest = Sha256::digest(name.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first) % count.max(1)
}

impl FromStr for Shard {
    type Err = Error;

    /// `I/N` with `0 <= I < N`.
    fn from_str(s: &str) -> Result<Shard, Error> {
        let bad = |why: &str| Error::Usage(format!("shard {s:?}: {why}"));
        let (i, n) = s
            .split_once('/')
            .ok_or_else(|| bad("expected I/N, e.g. 0/8 (the first of 8 shards)"))?;
        let index: u64 = i
            .trim()
            .parse()
            .map_err(|_| bad("I is not a whole number"))?;
        let count: u64 = n
            .trim()
            .parse()
            .map_err(|_| bad("N is not a whole number"))?;
        if count == 0 {
            return Err(bad("N must be at least 1"));
        }
        if index >= count {
            return Err(bad("I counts from 0 and must be less than N"));
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses() {
        assert_eq!(
            "3/8".parse::<Shard>().unwrap(),
            Shard { index: 3, count: 8 }
        );
        for bad in ["8/8", "1/0", "x/2", "2", "-1/3", ""] {
            let e = bad.parse::<Shard>().unwrap_err();
            assert!(matches!(e, Error::Usage(_)), "{bad}: {e}");
        }
        assert_eq!(Shard { index: 0, count: 4 }.to_string(), "0/4");
        assert_eq!(Shard { index: 0, count: 4 }.file_label(), "0-of-4");
    }

    #[test]
    fn every_document_is_in_exactly_one_shard_and_shares_are_even() {
        let names: Vec<String> = (0..4000).map(|i| format!("doc-{i:05}.txt")).collect();
        let mut sizes = [0usize; 4];
        for n in &names {
            let owners: Vec<u64> = (0..4)
                .filter(|&i| Shard { index: i, count: 4 }.contains(n))
                .collect();
            assert_eq!(owners.len(), 1, "{n}");
            sizes[owners[0] as usize] += 1;
        }
        // A fair hash: each share within 10% of 1000.
        assert!(
            sizes.iter().all(|&s| (900..=1100).contains(&s)),
            "{sizes:?}"
        );
    }

    #[test]
    fn a_share_does_not_move_when_documents_are_added() {
        // The share depends on the name only: the same for any corpus holding it.
        let before: Vec<u64> = (0..100).map(|i| bucket(&format!("a{i}"), 7)).collect();
        let _others: Vec<u64> = (0..1000).map(|i| bucket(&format!("b{i}"), 7)).collect();
        let after: Vec<u64> = (0..100).map(|i| bucket(&format!("a{i}"), 7)).collect();
        assert_eq!(before, after);
        // Known values (from Python's hashlib), so that a change of the rule, which would move
        // documents between the machines of a running deployment, is seen.
        assert_eq!(bucket("doc-00000.txt", 1000), 110);
        assert_eq!(bucket("ipu-146-cybercrime.txt", 1000), 967);
        assert_eq!(bucket("x", 1), 0);
    }
}
