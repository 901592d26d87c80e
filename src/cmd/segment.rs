//! `alinea segment`: print each unit of a document so a user can check the reading.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use alinea::doc::{self, InputMode};
use alinea::Lang;
use anyhow::Context;

#[derive(clap::Args)]
pub struct Args {
    /// Language of the files (fr, en, ar, …); default: from the path, else detected.
    #[arg(long)]
    lang: Option<String>,
    /// Files to read.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let lang = args.lang.as_deref().map(str::parse::<Lang>).transpose()?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in &args.files {
        let d = doc::load(path, lang.clone(), InputMode::Auto)?;
        for u in &d.units {
            writeln!(
                out,
                "{}\t{}\t{}:{}\t{}",
                u.index,
                u.kind.as_str(),
                path.display(),
                u.span.line,
                u.text
            )
            .context("writing to standard output")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
