//! The summary of a batch: one [`Record`] per document (status, units, confidence, timings)
//! and the [`Totals`], written as JSON for people and scripts (`jq`), and the merge of the
//! summaries of several shards into one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// What happened to a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Aligned and written in this run.
    Aligned,
    /// Aligned by an earlier run from the same inputs and options: left as it was.
    Unchanged,
    /// Could not be read, aligned or written: its old outputs are left as they were.
    Failed,
}

/// Milliseconds spent on a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Timings {
    /// Reading and hashing the inputs.
    pub read: u64,
    /// Reading the documents into units and aligning them.
    pub align: u64,
    /// Rendering and writing the outputs (to temporary files, synced, renamed).
    pub write: u64,
}

/// One document of a batch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The French file's name.
    pub name: String,
    pub status: Status,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Bytes of input (all languages).
    pub input_bytes: u64,
    /// Units per language code.
    #[serde(default)]
    pub units: BTreeMap<String, usize>,
    /// Beads (translation units) of the alignment.
    #[serde(default)]
    pub beads: usize,
    /// Beads to review (low confidence or a side left empty).
    #[serde(default)]
    pub low: usize,
    /// The mean confidence of the beads (none for a document with no bead).
    #[serde(default)]
    pub confidence: Option<f64>,
    /// Beads that are not translations (same text, wrong script), left out of the TMX.
    #[serde(default)]
    pub suspect: usize,
    /// Warnings about the document (missing counterpart, language, length ratio …).
    #[serde(default)]
    pub warnings: usize,
    /// For this run: an unchanged document's timings are those of reading and hashing.
    #[serde(default)]
    pub ms: Timings,
}

/// The sums over the documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub documents: usize,
    pub aligned: usize,
    pub unchanged: usize,
    pub failed: usize,
    /// French files with no counterpart, left out (not among the documents).
    pub no_counterpart: usize,
    pub input_bytes: u64,
    pub units: BTreeMap<String, usize>,
    pub beads: usize,
    pub low: usize,
    /// Beads that are not translations, left out of the TMX.
    #[serde(default)]
    pub suspect: usize,
    /// The mean confidence over every bead of the documents that have one.
    pub confidence: Option<f64>,
}

impl Totals {
    /// The sums of `records`, with `no_counterpart` documents left out.
    pub fn of(records: &[Record], no_counterpart: usize) -> Totals {
        let mut t = Totals {
            documents: records.len(),
            no_counterpart,
            ..Totals::default()
        };
        let mut weighted = 0.0;
        let mut weight = 0usize;
        for r in records {
            match r.status {
                Status::Aligned => t.aligned += 1,
                Status::Unchanged => t.unchanged += 1,
                Status::Failed => t.failed += 1,
            }
            t.input_bytes += r.input_bytes;
            for (l, n) in &r.units {
                *t.units.entry(l.clone()).or_default() += n;
            }
            t.beads += r.beads;
            t.low += r.low;
            t.suspect += r.suspect;
            if let Some(c) = r.confidence {
                weighted += c * r.beads as f64;
                weight += r.beads;
            }
        }
        t.confidence = (weight > 0).then(|| weighted / weight as f64);
        t
    }
}

/// A batch's summary file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The alinea version that wrote it.
    pub alinea: String,
    /// The shards it covers (`0/8`); empty for a whole corpus.
    #[serde(default)]
    pub shards: Vec<String>,
    /// Wall time of the run in milliseconds (of the longest shard, for a merge: shards run
    /// side by side).
    pub wall_ms: u64,
    /// Megabytes (10^6 bytes) of input per second of wall time.
    pub mb_per_s: f64,
    pub totals: Totals,
    /// Sorted by name.
    pub documents: Vec<Record>,
}

impl Summary {
    /// The summary of `records` (sorted here by name).
    pub fn new(
        mut records: Vec<Record>,
        no_counterpart: usize,
        shards: Vec<String>,
        wall_ms: u64,
    ) -> Summary {
        records.sort_by(|a, b| a.name.cmp(&b.name));
        let totals = Totals::of(&records, no_counterpart);
        Summary {
            alinea: super::VERSION.to_string(),
            shards,
            wall_ms,
            mb_per_s: rate(totals.input_bytes, wall_ms),
            totals,
            documents: records,
        }
    }

    /// The JSON text (pretty, ending with a newline).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a summary serialises");
        s.push('\n');
        s
    }

    /// Read a summary file. Errors: reading, and [`Error::Parse`] at the line and column of
    /// what is not a summary.
    pub fn read(path: &Path) -> Result<Summary> {
        let text = crate::input::read_text(path)?.text;
        serde_json::from_str(&text).map_err(|e| Error::Parse {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            message: format!("not an alinea build summary: {e}"),
        })
    }

    /// One summary of the shards' summaries `parts` (path, summary): documents together,
    /// totals summed again, the longest wall time. A document in two parts (the same shard
    /// given twice, or summaries of different shardings) is an [`Error::Input`] naming both.
    pub fn merge(parts: Vec<(PathBuf, Summary)>) -> Result<Summary> {
        let mut owner: BTreeMap<String, PathBuf> = BTreeMap::new();
        let mut records = Vec::new();
        let mut shards = Vec::new();
        let mut no_counterpart = 0;
        let mut wall_ms = 0;
        for (path, s) in parts {
            for r in &s.documents {
                if let Some(first) = owner.insert(r.name.clone(), path.clone()) {
                    return Err(Error::Input {
                        path,
                        message: format!(
                            "document {} is also in {}: each shard's summary must be given once",
                            r.name,
                            first.display()
                        ),
                    });
                }
            }
            records.extend(s.documents);
            shards.extend(s.shards);
            // Each shard counts the lone French files of its own share.
            no_counterpart += s.totals.no_counterpart;
            wall_ms = wall_ms.max(s.wall_ms);
        }
        shards.sort_by_key(|s| {
            s.split_once('/')
                .and_then(|(i, _)| i.parse::<u64>().ok())
                .unwrap_or(u64::MAX)
        });
        Ok(Summary::new(records, no_counterpart, shards, wall_ms))
    }
}

fn rate(bytes: u64, ms: u64) -> f64 {
    if ms == 0 {
        return 0.0;
    }
    let r = bytes as f64 / 1e6 / (ms as f64 / 1e3);
    (r * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str, status: Status, beads: usize, confidence: Option<f64>) -> Record {
        Record {
            name: name.into(),
            status,
            error: (status == Status::Failed).then(|| "bad".to_string()),
            input_bytes: 1000,
            units: [("fr".to_string(), beads), ("en".to_string(), beads)].into(),
            beads,
            low: beads / 4,
            confidence,
            suspect: 0,
            warnings: 0,
            ms: Timings::default(),
        }
    }

    #[test]
    fn totals_weigh_confidence_by_beads() {
        let s = Summary::new(
            vec![
                record("b", Status::Aligned, 4, Some(0.5)),
                record("a", Status::Unchanged, 12, Some(0.9)),
                record("c", Status::Failed, 0, None),
            ],
            2,
            vec![],
            1000,
        );
        assert_eq!(s.documents[0].name, "a");
        let t = &s.totals;
        assert_eq!(
            (t.documents, t.aligned, t.unchanged, t.failed),
            (3, 1, 1, 1)
        );
        assert_eq!(t.no_counterpart, 2);
        assert_eq!(t.units["fr"], 16);
        assert_eq!((t.beads, t.low), (16, 4));
        assert!((t.confidence.unwrap() - 0.8).abs() < 1e-9);
        assert_eq!(s.mb_per_s, 0.0); // 3000 bytes in a second
        assert_eq!(rate(20_000_000, 1000), 20.0);
    }

    #[test]
    fn json_round_trips_and_merges() {
        let a = Summary::new(
            vec![record("a", Status::Aligned, 2, Some(1.0))],
            1,
            vec!["1/2".into()],
            500,
        );
        let b = Summary::new(
            vec![record("b", Status::Failed, 0, None)],
            0,
            vec!["0/2".into()],
            800,
        );
        let back: Summary = serde_json::from_str(&a.to_json()).unwrap();
        assert_eq!(back, a);
        assert!(!a.to_json().contains("\"error\""));
        assert!(b.to_json().contains("\"status\": \"failed\""));
        let m = Summary::merge(vec![("a.json".into(), a.clone()), ("b.json".into(), b)]).unwrap();
        assert_eq!(m.shards, ["0/2", "1/2"]);
        assert_eq!(m.wall_ms, 800);
        assert_eq!((m.totals.documents, m.totals.failed), (2, 1));
        assert_eq!(m.totals.no_counterpart, 1);
        let e =
            Summary::merge(vec![("a.json".into(), a.clone()), ("c.json".into(), a)]).unwrap_err();
        assert!(
            e.to_string().contains("c.json") && e.to_string().contains("a.json"),
            "{e}"
        );
    }

    #[test]
    fn a_file_that_is_no_summary_is_a_parse_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.json");
        std::fs::write(&p, "{\n  \"alinea\": 3\n}\n").unwrap();
        let e = Summary::read(&p).unwrap_err();
        assert!(matches!(e, Error::Parse { line: 2, .. }), "{e}");
    }
}
