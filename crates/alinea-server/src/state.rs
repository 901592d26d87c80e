//! What the handlers share: the store, the current snapshot of the termbase with its lookup
//! index, the translation memories and the tokens; and the one write path.
//!
//! Readers take the current [`Snapshot`] (an `Arc` cloned under a read lock held for that
//! clone only) and never wait for a write. Writes are made one at a time: the edited
//! termbase is validated, the write is committed to the store (one transaction, version
//! checked), then a new index is built off the request threads and swapped in.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, PoisonError, RwLock};

use alinea::diag::Diagnostic;
use alinea::termbase::annotate::TermMatcher;
use alinea::termbase::concordance::Memory;
use alinea::termbase::{self, Concept, Index, Termbase, Transaction};
use axum::http::StatusCode;
use serde_json::Value;

use crate::auth::{Editor, Tokens};
use crate::error::ApiError;
use crate::store::{Store, StoreError, Stored, Write};

/// The termbase as of one moment: its index (which owns it), each concept's version, and
/// the validation warnings it has.
pub struct Snapshot {
    pub index: Index,
    /// The terms of the termbase, for finding them in texts (`/api/annotate`).
    pub matcher: TermMatcher,
    /// Concept id → (position in the termbase, version).
    pub versions: HashMap<String, (usize, u64)>,
    pub warnings: Vec<Diagnostic>,
}

impl Snapshot {
    /// Indexes `stored` (the fuzzy index is built now, not on a reader's first fuzzy query).
    pub fn new(stored: Vec<Stored>, name: &std::path::Path) -> Result<Snapshot, alinea::Error> {
        let mut versions = HashMap::with_capacity(stored.len());
        let mut concepts = Vec::with_capacity(stored.len());
        for (i, s) in stored.into_iter().enumerate() {
            versions.insert(s.concept.id.clone(), (i, s.version));
            concepts.push(s.concept);
        }
        let tb = Termbase { concepts };
        let warnings = if tb.concepts.is_empty() {
            Vec::new()
        } else {
            termbase::check(&tb, name)?
        };
        let matcher = TermMatcher::new(&tb);
        let index = Index::new(tb);
        index.prepare_fuzzy();
        Ok(Snapshot {
            index,
            matcher,
            versions,
            warnings,
        })
    }

    /// The concept `id` and its version.
    pub fn concept(&self, id: &str) -> Option<(&Concept, u64)> {
        let &(i, v) = self.versions.get(id)?;
        Some((&self.index.termbase().concepts[i], v))
    }
}

/// An edit a request asks for.
#[derive(Clone, Debug)]
pub enum Edit {
    Create(Concept),
    Replace {
        concept: Concept,
        expected: u64,
    },
    /// A JSON merge patch (RFC 7396) of the concept.
    Patch {
        id: String,
        patch: Value,
        expected: u64,
    },
    Delete {
        id: String,
        expected: u64,
    },
}

/// What an edit did.
#[derive(Clone, Debug)]
pub struct Done {
    pub id: String,
    /// The concept after the edit (none after a deletion).
    pub concept: Option<Concept>,
    pub version: u64,
    /// Warnings the edit brought (a related concept that does not exist …).
    pub warnings: Vec<Diagnostic>,
}

/// Everything the handlers share.
pub struct AppState {
    pub store: Arc<dyn Store>,
    snapshot: RwLock<Arc<Snapshot>>,
    pub memory: Memory,
    pub tokens: Tokens,
    /// How the termbase is named in validation messages (the database file).
    pub name: PathBuf,
    writes: tokio::sync::Mutex<()>,
    /// Alignments under way at once: at most one per core, the others wait their turn (or
    /// their timeout) instead of piling up in memory.
    pub aligning: tokio::sync::Semaphore,
}

/// The date of a transaction: now, in UTC, to the second.
pub fn now() -> String {
    let f = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    time::OffsetDateTime::now_utc()
        .format(f)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".into())
}

impl AppState {
    pub fn new(
        store: Arc<dyn Store>,
        snapshot: Snapshot,
        memory: Memory,
        tokens: Tokens,
        name: PathBuf,
    ) -> AppState {
        AppState {
            store,
            snapshot: RwLock::new(Arc::new(snapshot)),
            memory,
            tokens,
            name,
            writes: tokio::sync::Mutex::new(()),
            aligning: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            ),
        }
    }

    /// The current snapshot.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Makes `edit` as `who`: validated, committed, indexed.
    pub async fn edit(self: &Arc<Self>, edit: Edit, who: &Editor) -> Result<Done, ApiError> {
        let _one_at_a_time = self.writes.lock().await;
        let snap = self.snapshot();
        let at = now();
        let mut concepts = snap.index.termbase().concepts.clone();
        let stale = |id: &str, expected: u64| -> Result<usize, ApiError> {
            let &(i, current) = snap
                .versions
                .get(id)
                .ok_or_else(|| ApiError::not_found(format!("no concept {id:?}")))?;
            if current != expected {
                return Err(StoreError::Stale {
                    id: id.to_string(),
                    expected,
                    current,
                }
                .into());
            }
            Ok(i)
        };
        let (id, what, kind, expected) = match edit {
            Edit::Create(mut c) => {
                if snap.versions.contains_key(&c.id) {
                    return Err(StoreError::Exists(c.id).into());
                }
                c.transactions.push(transaction("origination", who, &at));
                c.canonicalize();
                let id = c.id.clone();
                concepts.push(c);
                (id, "created".to_string(), Kind::Create, 0)
            }
            Edit::Replace { concept, expected } => {
                let i = stale(&concept.id, expected)?;
                let id = concept.id.clone();
                let what = replace(&mut concepts[i], concept, who, &at);
                (id, what, Kind::Replace(i), expected)
            }
            Edit::Patch {
                id,
                patch,
                expected,
            } => {
                let i = stale(&id, expected)?;
                let patched = merge_patch(&concepts[i], &patch)?;
                if patched.id != id {
                    return Err(ApiError::bad_request(
                        "a patch cannot change the concept's id (create a new concept)",
                    ));
                }
                let what = replace(&mut concepts[i], patched, who, &at);
                (id, what, Kind::Replace(i), expected)
            }
            Edit::Delete { id, expected } => {
                let i = stale(&id, expected)?;
                concepts.remove(i);
                (id, "deleted".to_string(), Kind::Delete, expected)
            }
        };
        let tb = Termbase { concepts };
        let name = self.name.clone();
        let state = Arc::clone(self);
        let who_name = who.name.clone();
        let id2 = id.clone();
        let before: std::collections::HashSet<String> =
            snap.warnings.iter().map(ToString::to_string).collect();
        // Validation, the commit and the new index are work for a blocking thread.
        let (snapshot, version) = tokio::task::spawn_blocking(move || {
            let warnings = termbase::check(&tb, &name).map_err(|e| {
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid-concept",
                    e.to_string(),
                )
            })?;
            let write = match &kind {
                Kind::Create => Write::Create(tb.concepts.last().expect("just pushed")),
                Kind::Replace(i) => Write::Replace {
                    concept: &tb.concepts[*i],
                    expected,
                },
                Kind::Delete => Write::Delete { id: &id2, expected },
            };
            let version = state.store.write(write, &who_name, &at, &what)?;
            let mut versions = snap.versions.clone();
            match kind {
                Kind::Create => {
                    versions.insert(id2.clone(), (tb.concepts.len() - 1, version));
                }
                Kind::Replace(i) => {
                    versions.insert(id2.clone(), (i, version));
                }
                Kind::Delete => {
                    versions.remove(&id2);
                    for (_, (i, _)) in versions.iter_mut() {
                        if *i > snap.versions[&id2].0 {
                            *i -= 1;
                        }
                    }
                }
            }
            let matcher = TermMatcher::new(&tb);
            let index = Index::new(tb);
            index.prepare_fuzzy();
            Ok::<_, ApiError>((
                Snapshot {
                    index,
                    matcher,
                    versions,
                    warnings,
                },
                version,
            ))
        })
        .await
        .map_err(|e| ApiError::internal(format!("the edit did not finish: {e}")))??;
        let warnings: Vec<Diagnostic> = snapshot
            .warnings
            .iter()
            .filter(|w| !before.contains(&w.to_string()))
            .cloned()
            .collect();
        let concept = snapshot.concept(&id).map(|(c, _)| c.clone());
        *self
            .snapshot
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Arc::new(snapshot);
        Ok(Done {
            id,
            concept,
            version,
            warnings,
        })
    }
}

enum Kind {
    Create,
    Replace(usize),
    Delete,
}

fn transaction(kind: &str, who: &Editor, at: &str) -> Transaction {
    Transaction {
        kind: kind.into(),
        date: Some(at.into()),
        by: Some(who.name.clone()),
    }
}

/// Puts `new` in the place of `old`, keeping the transactions the server records (not those
/// the request sent) plus one for this change; returns what changed.
fn replace(old: &mut Concept, mut new: Concept, who: &Editor, at: &str) -> String {
    new.transactions = old.transactions.clone();
    new.canonicalize();
    let what = changed_fields(old, &new);
    new.transactions.push(transaction("modification", who, at));
    *old = new;
    what
}

/// The fields of the concept that differ, for the history: `changed terms, notes`.
fn changed_fields(old: &Concept, new: &Concept) -> String {
    let (a, b) = (
        serde_json::to_value(old).unwrap_or_default(),
        serde_json::to_value(new).unwrap_or_default(),
    );
    let (Some(a), Some(b)) = (a.as_object(), b.as_object()) else {
        return "changed".into();
    };
    let mut fields: Vec<&str> = a
        .keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    fields.dedup();
    if fields.is_empty() {
        "nothing changed".into()
    } else {
        format!("changed {}", fields.join(", "))
    }
}

/// `concept` with the JSON merge patch `patch` applied (RFC 7396: objects merged key by key,
/// `null` removes, anything else replaces).
fn merge_patch(concept: &Concept, patch: &Value) -> Result<Concept, ApiError> {
    if !patch.is_object() {
        return Err(ApiError::bad_request(
            "a PATCH body is a JSON object (a merge patch of the concept)",
        ));
    }
    let mut v = serde_json::to_value(concept).map_err(|e| ApiError::internal(e.to_string()))?;
    merge(&mut v, patch);
    serde_json::from_value(v).map_err(|e| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid-concept",
            format!("the patched concept is not a concept: {e}"),
        )
    })
}

fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_patch_follows_rfc_7396() {
        let mut v = json!({"a": "b", "c": {"d": "e", "f": "g"}});
        merge(&mut v, &json!({"a": "z", "c": {"f": null}}));
        assert_eq!(v, json!({"a": "z", "c": {"d": "e"}}));
        merge(&mut v, &json!({"x": [1, 2]}));
        assert_eq!(v["x"], json!([1, 2]));
    }

    #[test]
    fn the_history_says_which_fields_changed() {
        let a = Concept {
            id: "x".into(),
            ..Concept::default()
        };
        let mut b = a.clone();
        b.subject = Some("law".into());
        b.notes.push("n".into());
        assert_eq!(changed_fields(&a, &b), "changed notes, subject");
        assert_eq!(changed_fields(&a, &a), "nothing changed");
    }
}
