//! Corpus-scale batches (`alinea build`): the document sets of a corpus ([`discover`]), a
//! deterministic share of them for one machine ([`Shard`]), the documents already aligned
//! and unchanged ([`State`], by a content [`fingerprint`]), the alignment of the rest in
//! parallel ([`run`]), and the [`Summary`] of a run (per document and in total, mergeable
//! across shards). The library returns data; the front end shows progress through the
//! callback of [`run`] and renders the diagnostics.
//!
//! Outputs are written per document: a document's TMX and review page are written to
//! temporary files and renamed together as soon as it is aligned (an `io::FileSet` per
//! document), then the state records it. An earlier `build` staged every output of the corpus
//! and renamed them all at the end; at tens of thousands of documents that holds every
//! temporary file until the end and loses all the work of an interrupted run. The guarantee
//! kept is per document: no output is ever half-written, a document's two files are renamed
//! one right after the other once both are complete, and a document that fails (unreadable,
//! not alignable, not writable) keeps its old files while the others are written. An
//! interrupted run (Ctrl-C: the front end removes the temporary files) leaves whole files
//! only; the next run skips the documents the journal of the state recorded (each recorded
//! after its renames) and makes the others again.
//!
//! The work runs on a pool of its own with more threads than cores ([`Batch::threads`]), so
//! that while a thread waits for the disk the others align. A document's files are complete
//! before their renames (after `kill -9` no output is half-written), but they are synced to
//! disk by batches: every [`SYNC_EVERY`] documents or [`SYNC_INTERVAL`] (and at the end) one
//! sync puts all the files written since the last on disk, and only then are their documents recorded in the
//! journal, so that after a power cut the next run makes again every document not synced.
//! A document whose old files the state vouches for (the same fingerprint, files missing, or
//! `--force`) is synced before its renames, as a single file would be.

pub mod discover;
pub mod shard;
pub mod state;
pub mod summary;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use rayon::prelude::*;

use crate::align::{self, Request, Segtype};
use crate::diag::Diagnostic;
use crate::export::{self, Format, RenderOptions};
use crate::io::{AtomicFile, FileSet};
use crate::{Error, Result};

pub use discover::{discover, Discovery, DocSet, Inputs};
pub use shard::Shard;
pub use state::{fingerprint, State, STATE_DIR};
pub use summary::{Record, Status, Summary, Timings, Totals};

/// How many newly written documents are synced to disk together at most (see the module
/// documentation).
pub const SYNC_EVERY: usize = 128;

/// The longest time a written document waits for its sync (checked as documents are done).
pub const SYNC_INTERVAL: std::time::Duration = std::time::Duration::from_millis(500);

/// The alinea version, in fingerprints and summaries.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A batch to run.
#[derive(Clone, Debug)]
pub struct Batch {
    /// The corpus folder: fingerprints name the inputs relative to it.
    pub corpus: PathBuf,
    /// Where the outputs go (must exist).
    pub out: PathBuf,
    pub segtype: Segtype,
    pub render: RenderOptions,
    /// What identifies the program that aligns (version and build): a different one aligns
    /// every document again.
    pub tool: String,
    /// Align every document, even those the state says are unchanged.
    pub force: bool,
    /// Worker threads (0: two per core).
    pub threads: usize,
    /// The state file this run writes ([`State::path`]).
    pub state_file: PathBuf,
}

/// One document done: its record, its fingerprint, and what a user should hear about it.
#[derive(Clone, Debug)]
pub struct Done {
    pub record: Record,
    /// The fingerprint of its inputs (none when they could not be read).
    pub key: Option<String>,
    /// Warnings of reading, aligning and rendering it (not repeated for an unchanged
    /// document), or its `build/failed` error.
    pub diagnostics: Vec<Diagnostic>,
}

/// Align `docs` (see the module documentation), calling `progress` on the calling thread as
/// each document is done. Returns every document's [`Done`], in the order they finished.
/// Errors: the state or its journal cannot be written (the outputs are written).
pub fn run(batch: &Batch, docs: &[DocSet], mut progress: impl FnMut(&Done)) -> Result<Vec<Done>> {
    let previous = if batch.force {
        State::default()
    } else {
        State::load(&batch.out)
    };
    // This run's state starts with what is known of its documents, so that an interrupted run
    // forgets nothing.
    let mut current = State::default();
    for d in docs {
        if let Some(e) = previous.documents.get(&d.name) {
            current.documents.insert(d.name.clone(), e.clone());
        }
    }
    let options = format!("{:?} {:?}", batch.segtype, batch.render);
    let threads = match batch.threads {
        // Two per core: the waits for the disk overlap alignment; four per core (the earlier
        // default) spent 4 % more CPU time on 10,000 triples, and more memory, for no shorter
        // run.
        0 => 2 * std::thread::available_parallelism().map_or(2, |n| n.get()),
        n => n,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("alinea-build-{i}"))
        .build();
    let mut all = Vec::with_capacity(docs.len());
    let mut journal = state::Journal::open(&batch.state_file)?;
    let mut journal_error = None;
    // Documents written but not yet synced: their names, entries and files.
    let mut pending: Vec<(String, state::Entry, Vec<PathBuf>)> = Vec::new();
    let mut last_sync = Instant::now();
    // Sync the pending documents' files, then record them (a failed sync records none: the
    // next run makes them again).
    let flush = |pending: &mut Vec<(String, state::Entry, Vec<PathBuf>)>,
                 current: &mut State,
                 journal: &mut state::Journal,
                 journal_error: &mut Option<Error>| {
        if pending.is_empty() || journal_error.is_some() {
            pending.clear();
            return;
        }
        let files: Vec<PathBuf> = pending.iter().flat_map(|p| p.2.iter().cloned()).collect();
        if let Err(e) = crate::io::sync_files(&batch.out, &files) {
            *journal_error = Some(e);
            pending.clear();
            return;
        }
        for (name, entry, _) in pending.drain(..) {
            if let Err(e) = current.record(&name, Some(entry), Some(journal)) {
                *journal_error = Some(e);
                break;
            }
        }
    };
    std::thread::scope(|s| {
        let (tx, rx) = mpsc::channel::<(Done, Option<Vec<PathBuf>>)>();
        let previous = &previous;
        let options = options.as_str();
        s.spawn(move || {
            let work = move || {
                docs.par_iter().for_each_with(tx, |tx, d| {
                    let _ = tx.send(one(batch, options, previous, d));
                })
            };
            match &pool {
                Ok(p) => p.install(work),
                Err(_) => work(),
            }
        });
        for (done, unsynced) in rx {
            progress(&done);
            if let (Some(files), Some(key), Status::Aligned) =
                (unsynced, &done.key, done.record.status)
            {
                let entry = state::Entry::now(key.clone(), done.record.clone());
                pending.push((done.record.name.clone(), entry, files));
                if pending.len() >= SYNC_EVERY || last_sync.elapsed() >= SYNC_INTERVAL {
                    flush(&mut pending, &mut current, &mut journal, &mut journal_error);
                    last_sync = Instant::now();
                }
            } else if done.record.status != Status::Unchanged {
                // An unchanged document is in the state already, as it was made.
                let entry = match (&done.key, done.record.status) {
                    (Some(key), Status::Aligned) => {
                        Some(state::Entry::now(key.clone(), done.record.clone()))
                    }
                    _ => None,
                };
                let j = if journal_error.is_none() {
                    Some(&mut journal)
                } else {
                    None
                };
                if let Err(e) = current.record(&done.record.name, entry, j) {
                    journal_error = Some(e);
                }
            }
            all.push(done);
        }
    });
    flush(&mut pending, &mut current, &mut journal, &mut journal_error);
    drop(journal);
    current.save(&batch.state_file)?;
    match journal_error {
        Some(e) => Err(e),
        None => Ok(all),
    }
}

fn ms(since: Instant) -> u64 {
    since.elapsed().as_millis() as u64
}

/// Read, fingerprint and (unless unchanged) align and write one document; with its files when
/// they are left for the caller to sync.
fn one(
    batch: &Batch,
    options: &str,
    previous: &State,
    doc: &DocSet,
) -> (Done, Option<Vec<PathBuf>>) {
    let mut record = Record {
        name: doc.name.clone(),
        status: Status::Failed,
        error: None,
        input_bytes: 0,
        units: Default::default(),
        beads: 0,
        low: 0,
        confidence: None,
        suspect: 0,
        warnings: 0,
        ms: Timings::default(),
    };
    let start = Instant::now();
    let mut inputs = Vec::with_capacity(doc.files.len());
    for p in &doc.files {
        match std::fs::read(p) {
            Ok(b) => inputs.push(b),
            Err(e) => return (failed(record, None, Error::read(p, e)), None),
        }
    }
    record.input_bytes = inputs.iter().map(|b| b.len() as u64).sum();
    let named: Vec<(&Path, &[u8])> = doc
        .files
        .iter()
        .zip(&inputs)
        .map(|(p, b)| (p.strip_prefix(&batch.corpus).unwrap_or(p), b.as_slice()))
        .collect();
    let key = fingerprint(&batch.tool, options, &doc.name, &named);
    record.ms.read = ms(start);
    let outputs = doc.outputs(&batch.out);
    // The state vouches for this document's files as they are: new ones are synced before
    // they replace them.
    let vouched = batch.force || previous.unchanged(&doc.name, &key).is_some();
    if !batch.force {
        if let Some(e) = previous.unchanged(&doc.name, &key) {
            if outputs.iter().all(|o| o.is_file()) {
                let mut r = e.record.clone();
                r.status = Status::Unchanged;
                r.error = None;
                r.ms = Timings {
                    read: record.ms.read,
                    ..Timings::default()
                };
                let done = Done {
                    record: r,
                    key: Some(key),
                    diagnostics: Vec::new(),
                };
                return (done, None);
            }
        }
    }
    match align_and_write(batch, doc, inputs, &outputs, !vouched, &mut record) {
        Ok(diagnostics) => {
            record.status = Status::Aligned;
            record.warnings = diagnostics.len();
            let done = Done {
                record,
                key: Some(key),
                diagnostics,
            };
            (done, (!vouched).then(|| outputs.to_vec()))
        }
        Err(e) => (failed(record, Some(key), e), None),
    }
}

/// Align `doc` (its files' bytes read already: `inputs`), render its outputs (streamed to
/// their temporary files) and rename them into place together (`unsynced`: without syncing
/// them first); fill the figures of `record`.
fn align_and_write(
    batch: &Batch,
    doc: &DocSet,
    inputs: Vec<Vec<u8>>,
    outputs: &[PathBuf],
    unsynced: bool,
    record: &mut Record,
) -> Result<Vec<Diagnostic>> {
    let start = Instant::now();
    let request = Request {
        files: doc.files.clone(),
        contents: Some(inputs),
        segtype: batch.segtype,
        ..Request::default()
    };
    let outcome = align::align_files(&request)?;
    let mut diagnostics = outcome.diagnostics;
    let documents = outcome.documents;
    let mut aligned = outcome.aligned;
    let summary = aligned.summary_given(&outcome.suspect);
    record.units = summary
        .units
        .iter()
        .map(|(l, n)| (l.code().to_string(), *n))
        .collect();
    record.beads = summary.beads;
    record.low = summary.low;
    record.suspect = summary.suspect;
    record.confidence = (!aligned.beads.is_empty())
        .then(|| aligned.beads.iter().map(|b| b.score).sum::<f64>() / aligned.beads.len() as f64);
    record.ms.align = ms(start);
    let start = Instant::now();
    let mut set = if unsynced {
        FileSet::unsynced()
    } else {
        FileSet::new()
    };
    let mut formats = outputs
        .iter()
        .map(|p| Ok((p, Format::from_path(p)?)))
        .collect::<Result<Vec<_>>>()?;
    // The review formats first, from the monotone alignment; then moved notes are paired for
    // the formats that pair texts.
    formats.sort_by_key(|(_, f)| f.pairs_texts());
    let mut prepared = false;
    // The suspect beads were found once, by the pipeline: the writers take them as long as
    // pairing moved notes changed no bead.
    let mut suspect = Some(outcome.suspect);
    for (path, format) in formats {
        if format.pairs_texts() && !prepared {
            if export::prepare(&mut aligned, &documents, format) {
                suspect = None;
            }
            prepared = true;
        }
        let mut file = AtomicFile::create(path)?;
        let d = match &suspect {
            Some(flags) => {
                export::render_file_flagged(&aligned, format, &batch.render, flags, &mut file)?
            }
            None => export::render_file(&aligned, format, &batch.render, &mut file)?,
        };
        diagnostics.extend(d.into_iter().map(|d| d.at_path(path)));
        set.add(file)?;
    }
    set.commit()?;
    record.ms.write = ms(start);
    Ok(diagnostics)
}

fn failed(mut record: Record, key: Option<String>, e: Error) -> Done {
    record.status = Status::Failed;
    record.error = Some(e.to_string());
    record.units.clear();
    record.beads = 0;
    record.low = 0;
    record.suspect = 0;
    record.confidence = None;
    Done {
        record,
        key,
        diagnostics: vec![Diagnostic::error("build/failed", e.to_string())],
    }
}
