//! `alinea serve`: a team's termbase over HTTP, with a web page.
//!
//! - [`store`]: where the termbase lives (the [`store::Store`] interface; SQLite now), every
//!   write one transaction with its version checked and its history recorded.
//! - [`state`]: the snapshot readers look terms up in (swapped whole after each edit, so
//!   readers never wait) and the one write path (validate, commit, re-index).
//! - [`auth`]: the tokens file; reading is open, editing needs a bearer token.
//! - [`routes`]: the JSON API (`/api/…`, described by `/api/openapi.json`) and its limits.
//! - [`page`]: the web page at `/`, one HTML file built into the binary.
//!
//! The routes call the same library functions as the commands: `termbase::load` and
//! `termbase::check` (the checks of `alinea terms check`), `termbase::answer` (the JSON of
//! `alinea lookup`), `concordance::Memory`, `termbase::to_string` (the exports),
//! `align::align_files` and `export::render`.

pub mod auth;
pub mod error;
pub mod extract;
pub mod page;
pub mod routes;
pub mod state;
pub mod store;

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use alinea::diag::Diagnostic;
use alinea::termbase::concordance::Memory;

pub use error::{ApiError, StartError};
pub use routes::{router, Limits};
pub use state::{AppState, Snapshot};

use auth::Tokens;
use store::sqlite::Sqlite;
use store::Store;

/// What `alinea serve` was asked for.
#[derive(Clone, Debug)]
pub struct Config {
    /// The address to listen on (`127.0.0.1:8080`).
    pub addr: String,
    /// The database file (created on first start).
    pub db: PathBuf,
    /// The termbases a new database is made of (none: the default of `termbase::load`).
    pub termbases: Vec<PathBuf>,
    /// Translation memories for the concordance.
    pub tms: Vec<PathBuf>,
    /// The tokens file (none: nobody may edit).
    pub tokens: Option<PathBuf>,
    pub limits: Limits,
}

/// Something the front end should tell the user.
#[derive(Clone, Debug)]
pub enum Notice {
    /// The database was created from the termbases.
    Created { db: PathBuf, concepts: usize },
    /// An existing database was opened.
    Opened { db: PathBuf, concepts: usize },
    /// Termbases were given for a database that already exists: they are not read.
    TermbasesIgnored { db: PathBuf },
    /// No tokens file: the termbase can be read, not edited.
    ReadOnly,
    /// Translation memories loaded.
    Memories { units: usize },
    /// A warning about a termbase read.
    Diagnostic(Diagnostic),
    /// Listening; the URL to open.
    Listening { url: String },
    /// A stop was asked for (Ctrl-C, SIGTERM): the requests under way finish.
    Stopping,
    /// The database is closed.
    Stopped,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::Created { db, concepts } => {
                write!(f, "created {} with {concepts} concepts", db.display())
            }
            Notice::Opened { db, concepts } => {
                write!(f, "opened {} ({concepts} concepts)", db.display())
            }
            Notice::TermbasesIgnored { db } => write!(
                f,
                "{} already exists: --termbase is read only when the database is created (move it away to start again)",
                db.display()
            ),
            Notice::ReadOnly => write!(f, "no --tokens file: the termbase can be read, not edited"),
            Notice::Memories { units } => write!(f, "{units} translation units for the concordance"),
            Notice::Diagnostic(d) => write!(f, "{d}"),
            Notice::Listening { url } => write!(f, "serving {url}"),
            Notice::Stopping => write!(f, "stopping: finishing the requests under way"),
            Notice::Stopped => write!(f, "stopped; the database is closed"),
        }
    }
}

/// Opens (or creates) the database and loads what the server needs.
pub fn open(config: &Config, notify: &dyn Fn(Notice)) -> Result<Arc<AppState>, StartError> {
    let tokens = match &config.tokens {
        Some(p) => Tokens::read(p)?,
        None => {
            notify(Notice::ReadOnly);
            Tokens::none()
        }
    };
    let store: Arc<dyn Store> = if config.db.exists() {
        if !config.termbases.is_empty() {
            notify(Notice::TermbasesIgnored {
                db: config.db.clone(),
            });
        }
        Arc::new(Sqlite::open(&config.db)?)
    } else {
        let loaded = alinea::termbase::load(&config.termbases)?;
        for d in loaded.diagnostics {
            notify(Notice::Diagnostic(d));
        }
        let s = Sqlite::create(&config.db, &loaded.termbase.concepts, &state::now())?;
        notify(Notice::Created {
            db: config.db.clone(),
            concepts: loaded.termbase.concepts.len(),
        });
        Arc::new(s)
    };
    let stored = store.concepts()?;
    let n = stored.len();
    let snapshot = Snapshot::new(stored, &config.db)?;
    notify(Notice::Opened {
        db: config.db.clone(),
        concepts: n,
    });
    let mut memory = Memory::new();
    for p in &config.tms {
        memory.add_file(p, Default::default())?;
    }
    if !config.tms.is_empty() {
        notify(Notice::Memories {
            units: memory.len(),
        });
    }
    Ok(Arc::new(AppState::new(
        store,
        snapshot,
        memory,
        tokens,
        config.db.clone(),
    )))
}

/// Runs the server until Ctrl-C or SIGTERM: the requests under way finish, then the
/// database is closed.
pub fn run(config: Config, notify: &(dyn Fn(Notice) + Sync)) -> Result<(), StartError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| StartError::Bind(format!("cannot start the runtime: {e}")))?;
    let state = open(&config, notify)?;
    let store = Arc::clone(&state.store);
    let served = rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(&config.addr)
            .await
            .map_err(|e| StartError::Bind(format!("cannot listen on {}: {e}", config.addr)))?;
        let addr = listener
            .local_addr()
            .map_err(|e| StartError::Bind(e.to_string()))?;
        notify(Notice::Listening {
            url: format!("http://{addr}/"),
        });
        let app = router(state, config.limits);
        serve(listener, app, config.limits, async {
            stop_signal().await;
            notify(Notice::Stopping);
        })
        .await;
        Ok::<(), StartError>(())
    });
    drop(rt);
    let closed = store.close();
    served?;
    closed?;
    notify(Notice::Stopped);
    Ok(())
}

/// Serves `app` on `listener` until `stop` completes; then stops accepting, lets the
/// requests under way finish (at most the request time limit), and returns. A connection
/// that takes longer than `limits.header_timeout` to send a request's headers is closed.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    limits: Limits,
    stop: impl std::future::Future<Output = ()>,
) {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use hyper_util::server::conn::auto::Builder;
    use hyper_util::service::TowerToHyperService;

    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let builder = Arc::new(builder.http1_only());
    tokio::pin!(stop);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else {
                    // Out of file descriptors or a connection reset before it was taken:
                    // wait a little rather than spin.
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let service = TowerToHyperService::new(app.clone());
                let conn = builder
                    .serve_connection_with_upgrades(TokioIo::new(stream), service)
                    .into_owned();
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    let _ = conn.await;
                });
            }
            _ = &mut stop => break,
        }
    }
    drop(listener);
    let _ = tokio::time::timeout(limits.timeout, graceful.shutdown()).await;
}

/// Ctrl-C, or SIGTERM on Unix.
async fn stop_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}
