//! `alinea serve`: the team's termbase over HTTP, with a web page. Everything is in the
//! `alinea-server` crate; this module parses the arguments and prints what the server tells.

use std::path::PathBuf;
use std::process::ExitCode;

use alinea_server::{Config, Limits, Notice};

use super::report;

#[derive(clap::Args)]
pub struct Args {
    /// The address to listen on (localhost by default; 127.0.0.1:0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// The database file: created on first start from --termbase, opened afterwards.
    #[arg(long, value_name = "PATH", default_value = "alinea.db")]
    db: PathBuf,
    /// Termbase the database is created from (.toml .tbx .csv .tsv .json); repeat for
    /// several. Default: glossary/concepts.toml of the current folder, else the built-in
    /// glossary. Read only when the database does not exist yet.
    #[arg(long = "termbase", value_name = "PATH")]
    termbases: Vec<PathBuf>,
    /// Translation memory (TMX) for the concordance; repeat for several.
    #[arg(long = "tm", value_name = "TMX")]
    tms: Vec<PathBuf>,
    /// The tokens file: one `TOKEN NAME ROLE` per line (role: editor or admin). Without it
    /// nobody may edit.
    #[arg(long, value_name = "FILE")]
    tokens: Option<PathBuf>,
    /// The largest request body accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_body)]
    max_body: usize,
    /// How long a request may take, in seconds, before it is answered 503.
    #[arg(long, value_name = "SECONDS", default_value_t = Limits::default().timeout.as_secs())]
    timeout: u64,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = Config {
        addr: args.addr,
        db: args.db,
        termbases: args.termbases,
        tms: args.tms,
        tokens: args.tokens,
        limits: Limits {
            max_body: args.max_body,
            timeout: std::time::Duration::from_secs(args.timeout.max(1)),
            ..Limits::default()
        },
    };
    alinea_server::run(config, &|n| match n {
        // The URL on standard output, for people and for scripts that start the server.
        Notice::Listening { .. } => {
            println!("{n}");
            use std::io::Write;
            let _ = std::io::stdout().flush();
        }
        Notice::Diagnostic(d) => report::diagnostics(&[d]),
        other => report::status(&other.to_string()),
    })?;
    Ok(ExitCode::SUCCESS)
}
