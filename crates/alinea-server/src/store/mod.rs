//! Where the team's termbase lives: a small interface ([`Store`]) so that a backend for
//! several replicas (PostgreSQL) can follow the one there is, [`sqlite::Sqlite`].
//!
//! Every write is one transaction that checks the concept's version first: a write made
//! against a version that is no longer the current one fails with [`StoreError::Stale`] and
//! changes nothing. Every write is recorded in the history (who, when, what).

pub mod sqlite;

use alinea::termbase::Concept;
use serde::Serialize;

/// A concept as stored, with its version (1 when created, one more on every change).
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub concept: Concept,
    pub version: u64,
}

/// One recorded write.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// Order of the write in the whole history (from 1).
    pub seq: u64,
    pub concept: String,
    /// The concept's version the write made (for a deletion: the version deleted).
    pub version: u64,
    /// When, in UTC (`2026-11-28T10:40:00Z`).
    pub at: String,
    /// Who: the name of the token (`import` for the termbase the database was created from).
    pub who: String,
    /// `create`, `update` or `delete`.
    pub action: String,
    /// What changed, for people: the fields of the concept that differ.
    pub what: String,
}

/// A write to make.
#[derive(Clone, Debug)]
pub enum Write<'a> {
    /// A new concept (its id must be free).
    Create(&'a Concept),
    /// The whole concept replaced, if its version is still `expected`.
    Replace { concept: &'a Concept, expected: u64 },
    /// The concept deleted, if its version is still `expected`.
    Delete { id: &'a str, expected: u64 },
}

/// Why a write or a read failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no concept {0:?}")]
    NotFound(String),
    #[error("a concept {0:?} already exists")]
    Exists(String),
    #[error("concept {id:?} is at version {current}, not {expected}: reload it and edit again")]
    Stale {
        id: String,
        expected: u64,
        current: u64,
    },
    /// The database could not be opened: locked by another process, corrupt, not a
    /// database; the message names the file.
    #[error("{0}")]
    Open(String),
    #[error("database: {0}")]
    Db(String),
}

/// The termbase storage.
pub trait Store: Send + Sync {
    /// Every concept, in the termbase's order, with its version.
    fn concepts(&self) -> Result<Vec<Stored>, StoreError>;
    /// Makes `write` in one transaction, recorded as done by `who` at `at` with `what`;
    /// returns the concept's new version (for a deletion, the version deleted).
    fn write(&self, write: Write<'_>, who: &str, at: &str, what: &str) -> Result<u64, StoreError>;
    /// The history of concept `id`, oldest first.
    fn history(&self, id: &str) -> Result<Vec<Change>, StoreError>;
    /// Flushes and closes the storage; nothing can be read or written after.
    fn close(&self) -> Result<(), StoreError>;
}
