//! What a batch remembers between runs: for each document aligned, the fingerprint of what it
//! was made from and its figures, so that a run skips the documents whose inputs, options and
//! alinea build have not changed since (and an interrupted run resumes where it stopped).
//!
//! The state lives in the output folder, `<out>/.alinea-build/state.json` (`state-I-of-N.json`
//! for a shard, so that shards writing into one shared folder do not overwrite each other's);
//! a run reads every state file of the folder, so a whole-corpus run after sharded ones skips
//! what the shards made. During a run, each document done is appended as one JSON line to a
//! journal beside the state file (`state.journal`), after its outputs are renamed into place;
//! at the end of the run the state file is rewritten whole (`io::write_atomic`) and the
//! journal removed. An interrupted run leaves its journal, which the next run reads: it skips
//! every document finished before the interruption. A line cut short (the process killed while
//! appending) or an unreadable file is ignored: the cost is aligning again, never a wrong skip.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::summary::Record;
use crate::Result;

/// The folder of a batch's state and summary, inside the output folder.
pub const STATE_DIR: &str = ".alinea-build";

/// The SHA-256 (hex) of everything a document's outputs are made from: `tool` (the alinea
/// version and build identity), `options` (unit, TMX options), the document's name and, for
/// each input, its path within the corpus and its bytes.
pub fn fingerprint(tool: &str, options: &str, name: &str, inputs: &[(&Path, &[u8])]) -> String {
    let mut h = Sha256::new();
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(b"alinea-build/1");
    field(tool.as_bytes());
    field(options.as_bytes());
    field(name.as_bytes());
    for (path, bytes) in inputs {
        field(path.to_string_lossy().as_bytes());
        field(bytes);
    }
    let digest = h.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// One document's entry: the fingerprint of its inputs and its figures when it was aligned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub key: String,
    /// When its outputs were written (milliseconds since 1970): of two state files naming a
    /// document (two shardings of one folder), the later entry is the one its files match.
    #[serde(default)]
    pub made: u64,
    pub record: Record,
}

impl Entry {
    /// An entry for outputs written now.
    pub fn now(key: String, record: Record) -> Entry {
        let made = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        Entry { key, made, record }
    }
}

/// Put `entry` for `name` unless `documents` has a later one.
fn keep_latest(documents: &mut BTreeMap<String, Entry>, name: String, entry: Entry) {
    match documents.get(&name) {
        Some(old) if old.made > entry.made => {}
        _ => {
            documents.insert(name, entry);
        }
    }
}

/// The documents already aligned, by name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub documents: BTreeMap<String, Entry>,
}

impl State {
    /// The state file of a run writing into `out` (per shard: `label` `3-of-8`).
    pub fn path(out: &Path, label: Option<&str>) -> PathBuf {
        let name = match label {
            Some(l) => format!("state-{l}.json"),
            None => "state.json".to_string(),
        };
        out.join(STATE_DIR).join(name)
    }

    /// The journal beside the state file `path` (`state.json` → `state.journal`).
    pub fn journal_path(path: &Path) -> PathBuf {
        path.with_extension("journal")
    }

    /// Every state file of `out` together, each followed by its journal (a missing or
    /// unreadable file, a torn line, is skipped).
    pub fn load(out: &Path) -> State {
        let mut state = State::default();
        let Ok(entries) = std::fs::read_dir(out.join(STATE_DIR)) else {
            return state;
        };
        // Each state file, named by its `.json` (which an interrupted first run has not
        // written yet: its journal alone names it then).
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    n.starts_with("state") && (n.ends_with(".json") || n.ends_with(".journal"))
                })
            })
            .map(|p| p.with_extension("json"))
            .collect();
        paths.sort();
        paths.dedup();
        for p in paths {
            if let Ok(bytes) = std::fs::read(&p) {
                if let Ok(s) = serde_json::from_slice::<State>(&bytes) {
                    for (name, e) in s.documents {
                        keep_latest(&mut state.documents, name, e);
                    }
                }
            }
            if let Ok(bytes) = std::fs::read(State::journal_path(&p)) {
                for line in bytes.split(|&b| b == b'\n') {
                    if let Ok(j) = serde_json::from_slice::<JournalLine>(line) {
                        match j.entry {
                            Some(e) => keep_latest(&mut state.documents, j.name, e),
                            None => {
                                state.documents.remove(&j.name);
                            }
                        }
                    }
                }
            }
        }
        state
    }

    /// Record `name` as made from `entry` (`None`: forget it), here and in `journal`.
    pub fn record(
        &mut self,
        name: &str,
        entry: Option<Entry>,
        journal: Option<&mut Journal>,
    ) -> Result<()> {
        let appended = match journal {
            Some(j) => j.append(name, entry.as_ref()),
            None => Ok(()),
        };
        match entry {
            Some(e) => self.documents.insert(name.to_string(), e),
            None => self.documents.remove(name),
        };
        appended
    }

    /// The entry of `name` if it was made from `key`.
    pub fn unchanged(&self, name: &str, key: &str) -> Option<&Entry> {
        self.documents.get(name).filter(|e| e.key == key)
    }

    /// Write the state to `path` atomically (its folder is created) and remove its journal.
    pub fn save(&self, path: &Path) -> Result<()> {
        create_folder(path)?;
        let json = serde_json::to_vec(self).expect("a state serialises");
        crate::io::write_atomic(path, &json)?;
        match std::fs::remove_file(State::journal_path(path)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(crate::Error::write(State::journal_path(path), e))
            }
            _ => Ok(()),
        }
    }
}

fn create_folder(path: &Path) -> Result<()> {
    match path.parent() {
        Some(dir) => std::fs::create_dir_all(dir).map_err(|e| crate::Error::write(dir, e)),
        None => Ok(()),
    }
}

/// One line of a journal: a document made from `entry`, or forgotten (`None`: it failed).
#[derive(Serialize, Deserialize)]
struct JournalLine {
    name: String,
    entry: Option<Entry>,
}

/// The journal of a run: one line appended per document done.
pub struct Journal {
    path: PathBuf,
    file: std::fs::File,
}

impl Journal {
    /// Open the journal of the state file `state` for appending (created if missing).
    pub fn open(state: &Path) -> Result<Journal> {
        create_folder(state)?;
        let path = State::journal_path(state);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|e| crate::Error::write(&path, e))?;
        Ok(Journal { path, file })
    }

    fn append(&mut self, name: &str, entry: Option<&Entry>) -> Result<()> {
        use std::io::Write;
        let line = JournalLine {
            name: name.to_string(),
            entry: entry.cloned(),
        };
        let mut bytes = serde_json::to_vec(&line).expect("a journal line serialises");
        bytes.push(b'\n');
        // One write per line: a line is cut short only if the process dies inside it.
        self.file
            .write_all(&bytes)
            .map_err(|e| crate::Error::write(&self.path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::super::summary::{Status, Timings};
    use super::*;

    #[test]
    fn the_fingerprint_changes_with_every_ingredient() {
        let p = Path::new("fr/a.txt");
        let base = fingerprint("0.1.0", "paragraph", "a.txt", &[(p, b"abc")]);
        assert_eq!(base.len(), 64);
        assert_eq!(
            base,
            fingerprint("0.1.0", "paragraph", "a.txt", &[(p, b"abc")])
        );
        for other in [
            fingerprint("0.1.1", "paragraph", "a.txt", &[(p, b"abc")]),
            fingerprint("0.1.0", "sentence", "a.txt", &[(p, b"abc")]),
            fingerprint("0.1.0", "paragraph", "b.txt", &[(p, b"abc")]),
            fingerprint("0.1.0", "paragraph", "a.txt", &[(p, b"abd")]),
            fingerprint(
                "0.1.0",
                "paragraph",
                "a.txt",
                &[(Path::new("en/a.txt"), b"abc")],
            ),
            // Field boundaries count: "ab" + "c" is not "a" + "bc".
            fingerprint("0.1.0", "paragraph", "a.txt", &[(p, b"ab"), (p, b"c")]),
            fingerprint("0.1.0", "paragraph", "a.txt", &[(p, b"a"), (p, b"bc")]),
        ] {
            assert_ne!(other, base);
        }
        assert_ne!(
            fingerprint("0.1.0", "paragraph", "a.txt", &[(p, b"ab"), (p, b"c")]),
            fingerprint("0.1.0", "paragraph", "a.txt", &[(p, b"a"), (p, b"bc")])
        );
    }

    #[test]
    fn saved_states_of_several_shards_load_together() {
        let dir = tempfile::tempdir().unwrap();
        let entry = |name: &str| Entry {
            key: format!("k-{name}"),
            made: 1,
            record: Record {
                name: name.into(),
                status: Status::Aligned,
                error: None,
                input_bytes: 3,
                units: BTreeMap::new(),
                beads: 1,
                low: 0,
                confidence: Some(1.0),
                suspect: 0,
                warnings: 0,
                ms: Timings::default(),
            },
        };
        for (label, name) in [(Some("0-of-2"), "a"), (Some("1-of-2"), "b")] {
            let mut s = State::default();
            s.documents.insert(name.into(), entry(name));
            s.save(&State::path(dir.path(), label)).unwrap();
        }
        // A torn or foreign file is ignored.
        std::fs::write(dir.path().join(STATE_DIR).join("state-x.json"), "{").unwrap();
        let s = State::load(dir.path());
        assert_eq!(s.documents.len(), 2);
        assert!(s.unchanged("a", "k-a").is_some());
        assert!(s.unchanged("a", "k-b").is_none());
        assert!(s.unchanged("c", "k-c").is_none());
        assert!(State::load(&dir.path().join("none")).documents.is_empty());

        // Two state files naming one document: the later entry wins, whatever the file order.
        let mut newer = State::default();
        let mut e = entry("a");
        e.key = "k-a2".into();
        e.made = 2;
        newer.documents.insert("a".into(), e);
        newer.save(&State::path(dir.path(), None)).unwrap();
        let mut older = State::default();
        let mut e = entry("a");
        e.made = 0;
        older.documents.insert("a".into(), e);
        older.save(&State::path(dir.path(), Some("z"))).unwrap();
        assert!(State::load(dir.path()).unchanged("a", "k-a2").is_some());
        std::fs::remove_file(State::path(dir.path(), None)).unwrap();
        std::fs::remove_file(State::path(dir.path(), Some("z"))).unwrap();

        // A journal adds to and removes from its state file; a torn last line is ignored.
        let path = State::path(dir.path(), Some("0-of-2"));
        let mut s = State::default();
        // A journal with no state file yet (a first run interrupted) is read too.
        let first = State::path(dir.path(), Some("2-of-2"));
        let mut j = Journal::open(&first).unwrap();
        s.record("e", Some(entry("e")), Some(&mut j)).unwrap();
        drop(j);
        assert!(State::load(dir.path()).unchanged("e", "k-e").is_some());
        std::fs::remove_file(State::journal_path(&first)).unwrap();
        s.documents.clear();
        let mut j = Journal::open(&path).unwrap();
        s.record("c", Some(entry("c")), Some(&mut j)).unwrap();
        s.record("a", None, Some(&mut j)).unwrap();
        drop(j);
        let mut torn = std::fs::read(State::journal_path(&path)).unwrap();
        torn.extend_from_slice(b"{\"name\":\"d\",\"entry\":{\"ke");
        std::fs::write(State::journal_path(&path), torn).unwrap();
        let loaded = State::load(dir.path());
        let names: Vec<&String> = loaded.documents.keys().collect();
        assert_eq!(names, ["b", "c"]);
        // Saving compacts: the journal is gone, the state file holds what it said.
        s.save(&path).unwrap();
        assert!(!State::journal_path(&path).exists());
        assert_eq!(State::load(dir.path()).documents.len(), 2);
    }
}
