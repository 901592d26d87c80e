//! The SQLite store: one file, nothing to install (the library is built in).
//!
//! Tables: `meta` (the schema version), `concept` (id, order, version, the concept as
//! JSON), `history` (every write: who, when, what, and the concept after it). The database is
//! created whole in a temporary file beside the target and renamed into place, so an
//! interrupted creation leaves no half-filled database. Once open, the server holds the
//! database exclusively (SQLite's exclusive locking mode): a second server on the same file
//! is told the database is locked instead of writing beside the first. Journal: WAL with
//! `synchronous = FULL`, so a committed edit survives the process being killed.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use alinea::termbase::Concept;
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};

use super::{Change, Store, StoreError, Stored, Write};

/// The schema this code reads and writes.
const SCHEMA_VERSION: &str = "1";

const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE concept (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    concept TEXT NOT NULL,
    version INTEGER NOT NULL,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    what TEXT NOT NULL,
    body TEXT
);
CREATE INDEX history_concept ON history (concept, seq);
";

/// A termbase in an SQLite file.
pub struct Sqlite {
    path: PathBuf,
    conn: Mutex<Option<Connection>>,
}

impl Sqlite {
    /// Creates the database at `path` (which must not exist) holding `concepts`, each
    /// recorded in the history as created by `import` at `at`; then opens it.
    pub fn create(path: &Path, concepts: &[Concept], at: &str) -> Result<Sqlite, StoreError> {
        if path.exists() {
            return Err(StoreError::Open(format!(
                "{}: already exists",
                path.display()
            )));
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "alinea.db".into());
        let tmp = path.with_file_name(format!(".{name}.alinea-tmp"));
        let _ = std::fs::remove_file(&tmp);
        let result = (|| {
            let mut conn = Connection::open(&tmp).map_err(|e| open_error(&tmp, e))?;
            let tx = conn.transaction().map_err(db)?;
            tx.execute_batch(SCHEMA).map_err(db)?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('schema', ?1)",
                [SCHEMA_VERSION],
            )
            .map_err(db)?;
            {
                let mut ins = tx
                    .prepare("INSERT INTO concept (id, ord, version, body) VALUES (?1, ?2, 1, ?3)")
                    .map_err(db)?;
                let mut hist = tx
                    .prepare(
                        "INSERT INTO history (concept, version, at, who, action, what, body) \
                         VALUES (?1, 1, ?2, 'import', 'create', 'imported', ?3)",
                    )
                    .map_err(db)?;
                for (i, c) in concepts.iter().enumerate() {
                    let body = to_json(c)?;
                    ins.execute(params![c.id, i as i64, body])
                        .map_err(|e| StoreError::Db(format!("concept {:?}: {e}", c.id)))?;
                    hist.execute(params![c.id, at, body]).map_err(db)?;
                }
            }
            tx.commit().map_err(db)?;
            conn.close().map_err(|(_, e)| db(e))
        })();
        if let Err(e) = result {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        std::fs::rename(&tmp, path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            StoreError::Open(format!("{}: cannot create: {e}", path.display()))
        })?;
        Sqlite::open(path)
    }

    /// Opens the existing database at `path` and takes it for this process. Errors name the
    /// file: locked by another process, not a database or corrupt, not an alinea database.
    pub fn open(path: &Path) -> Result<Sqlite, StoreError> {
        if !path.is_file() {
            return Err(StoreError::Open(format!(
                "{}: no such database file",
                path.display()
            )));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(path, e))?;
        let setup = || -> rusqlite::Result<String> {
            conn.busy_timeout(std::time::Duration::from_millis(250))?;
            conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "FULL")?;
            // Takes the lock now and keeps it (exclusive locking mode).
            conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")?;
            conn.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0))
        };
        let check = setup().map_err(|e| open_error(path, e))?;
        if check != "ok" {
            return Err(StoreError::Open(format!(
                "{}: the database is corrupt ({check})",
                path.display()
            )));
        }
        let schema: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|_| {
                StoreError::Open(format!(
                    "{}: an SQLite database, but not an alinea termbase (no meta table)",
                    path.display()
                ))
            })?;
        if schema.as_deref() != Some(SCHEMA_VERSION) {
            return Err(StoreError::Open(format!(
                "{}: alinea termbase schema {:?}, this alinea reads {SCHEMA_VERSION:?}",
                path.display(),
                schema.unwrap_or_default()
            )));
        }
        Ok(Sqlite {
            path: path.to_path_buf(),
            conn: Mutex::new(Some(conn)),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut guard = self
            .conn
            .lock()
            .map_err(|_| StoreError::Db("the connection was poisoned by a panic".into()))?;
        match guard.as_mut() {
            Some(conn) => f(conn),
            None => Err(StoreError::Db("the database is closed".into())),
        }
    }
}

fn db(e: rusqlite::Error) -> StoreError {
    StoreError::Db(e.to_string())
}

fn to_json(c: &Concept) -> Result<String, StoreError> {
    serde_json::to_string(c).map_err(|e| StoreError::Db(format!("concept {:?}: {e}", c.id)))
}

/// One line naming the file and what is wrong with it.
fn open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    let p = path.display();
    let message = match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            format!("{p}: the database is locked (another alinea serve or program has it open)")
        }
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            format!("{p}: not an SQLite database, or a corrupt one ({e})")
        }
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::ReadOnly) => {
            format!("{p}: cannot open the database for writing ({e})")
        }
        _ => format!("{p}: {e}"),
    };
    StoreError::Open(message)
}

/// The current version of concept `id`, if it exists.
fn version_of(tx: &rusqlite::Transaction, id: &str) -> Result<Option<u64>, StoreError> {
    tx.query_row("SELECT version FROM concept WHERE id = ?1", [id], |r| {
        r.get::<_, i64>(0)
    })
    .optional()
    .map(|v| v.map(|v| v as u64))
    .map_err(db)
}

fn check_version(tx: &rusqlite::Transaction, id: &str, expected: u64) -> Result<u64, StoreError> {
    match version_of(tx, id)? {
        None => Err(StoreError::NotFound(id.to_string())),
        Some(current) if current != expected => Err(StoreError::Stale {
            id: id.to_string(),
            expected,
            current,
        }),
        Some(current) => Ok(current),
    }
}

impl Store for Sqlite {
    fn concepts(&self) -> Result<Vec<Stored>, StoreError> {
        self.with(|conn| {
            let mut st = conn
                .prepare("SELECT id, version, body FROM concept ORDER BY ord")
                .map_err(db)?;
            let rows = st
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .map_err(db)?;
            let mut out = Vec::new();
            for row in rows {
                let (id, version, body) = row.map_err(db)?;
                let concept: Concept = serde_json::from_str(&body)
                    .map_err(|e| StoreError::Db(format!("concept {id:?}: unreadable body: {e}")))?;
                out.push(Stored {
                    concept,
                    version: version as u64,
                });
            }
            Ok(out)
        })
    }

    fn write(&self, write: Write<'_>, who: &str, at: &str, what: &str) -> Result<u64, StoreError> {
        self.with(|conn| {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(db)?;
            let (id, version, action, body) = match write {
                Write::Create(c) => {
                    if version_of(&tx, &c.id)?.is_some() {
                        return Err(StoreError::Exists(c.id.clone()));
                    }
                    let body = to_json(c)?;
                    tx.execute(
                        "INSERT INTO concept (id, ord, version, body) VALUES \
                         (?1, (SELECT COALESCE(MAX(ord), -1) + 1 FROM concept), 1, ?2)",
                        params![c.id, body],
                    )
                    .map_err(db)?;
                    (c.id.as_str(), 1, "create", Some(body))
                }
                Write::Replace { concept, expected } => {
                    let current = check_version(&tx, &concept.id, expected)?;
                    let body = to_json(concept)?;
                    tx.execute(
                        "UPDATE concept SET version = ?2, body = ?3 WHERE id = ?1",
                        params![concept.id, (current + 1) as i64, body],
                    )
                    .map_err(db)?;
                    (concept.id.as_str(), current + 1, "update", Some(body))
                }
                Write::Delete { id, expected } => {
                    let current = check_version(&tx, id, expected)?;
                    tx.execute("DELETE FROM concept WHERE id = ?1", [id])
                        .map_err(db)?;
                    (id, current, "delete", None)
                }
            };
            tx.execute(
                "INSERT INTO history (concept, version, at, who, action, what, body) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id, version as i64, at, who, action, what, body],
            )
            .map_err(db)?;
            tx.commit().map_err(db)?;
            Ok(version)
        })
    }

    fn history(&self, id: &str) -> Result<Vec<Change>, StoreError> {
        self.with(|conn| {
            let mut st = conn
                .prepare(
                    "SELECT seq, concept, version, at, who, action, what FROM history \
                     WHERE concept = ?1 ORDER BY seq",
                )
                .map_err(db)?;
            let rows = st
                .query_map([id], |r| {
                    Ok(Change {
                        seq: r.get::<_, i64>(0)? as u64,
                        concept: r.get(1)?,
                        version: r.get::<_, i64>(2)? as u64,
                        at: r.get(3)?,
                        who: r.get(4)?,
                        action: r.get(5)?,
                        what: r.get(6)?,
                    })
                })
                .map_err(db)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(db)
        })
    }

    fn close(&self) -> Result<(), StoreError> {
        let mut guard = self
            .conn
            .lock()
            .map_err(|_| StoreError::Db("the connection was poisoned by a panic".into()))?;
        if let Some(conn) = guard.take() {
            conn.close().map_err(|(_, e)| db(e))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alinea::termbase::Term;
    use alinea::Lang;

    fn concept(id: &str, en: &str) -> Concept {
        Concept {
            id: id.into(),
            terms: vec![Term::new(Lang::En, en)],
            ..Concept::default()
        }
    }

    #[test]
    fn writes_check_versions_and_are_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let s = Sqlite::create(&path, &[concept("a", "cat")], "2026-01-01T00:00:00Z").unwrap();
        let c = concept("a", "dog");
        let v = s
            .write(
                Write::Replace {
                    concept: &c,
                    expected: 1,
                },
                "ann",
                "t1",
                "terms",
            )
            .unwrap();
        assert_eq!(v, 2);
        let stale = s.write(
            Write::Replace {
                concept: &c,
                expected: 1,
            },
            "bob",
            "t2",
            "terms",
        );
        assert!(
            matches!(
                stale,
                Err(StoreError::Stale {
                    current: 2,
                    expected: 1,
                    ..
                })
            ),
            "{stale:?}"
        );
        assert!(matches!(
            s.write(Write::Create(&concept("a", "x")), "bob", "t3", ""),
            Err(StoreError::Exists(_))
        ));
        s.write(Write::Create(&concept("b", "bird")), "bob", "t4", "created")
            .unwrap();
        let all = s.concepts().unwrap();
        let ids: Vec<_> = all
            .iter()
            .map(|c| (c.concept.id.as_str(), c.version))
            .collect();
        assert_eq!(ids, [("a", 2), ("b", 1)]);
        assert_eq!(all[0].concept.terms[0].text, "dog");
        let h = s.history("a").unwrap();
        let who: Vec<_> = h
            .iter()
            .map(|c| (c.who.as_str(), c.action.as_str()))
            .collect();
        assert_eq!(who, [("import", "create"), ("ann", "update")]);
        s.write(
            Write::Delete {
                id: "a",
                expected: 2,
            },
            "ann",
            "t5",
            "deleted",
        )
        .unwrap();
        assert!(matches!(
            s.write(
                Write::Delete {
                    id: "a",
                    expected: 2
                },
                "ann",
                "t6",
                ""
            ),
            Err(StoreError::NotFound(_))
        ));
        assert_eq!(s.history("a").unwrap().len(), 3);
        s.close().unwrap();
        assert!(s.concepts().is_err());
    }

    #[test]
    fn a_second_opener_is_told_the_database_is_locked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let first = Sqlite::create(&path, &[concept("a", "cat")], "t").unwrap();
        let second = Sqlite::open(&path).err().expect("locked");
        assert!(second.to_string().contains("locked"), "{second}");
        first.close().unwrap();
        let again = Sqlite::open(&path).unwrap();
        assert_eq!(again.concepts().unwrap().len(), 1);
    }

    #[test]
    fn a_file_that_is_no_database_is_refused_in_one_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        std::fs::write(
            &path,
            "this is not SQLite, just text that is long enough to be read",
        )
        .unwrap();
        let e = Sqlite::open(&path).err().expect("refused").to_string();
        assert!(e.contains("not an SQLite database"), "{e}");
        assert!(!e.contains('\n'));
        assert!(Sqlite::create(&path, &[], "t").is_err());
    }
}
