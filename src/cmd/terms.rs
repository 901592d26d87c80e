//! `alinea terms …` (being built).

use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Convert a termbase between formats (by extension).
    Convert {
        input: std::path::PathBuf,
        output: std::path::PathBuf,
    },
}

pub fn run(_command: Command) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`terms` is not available in this build yet")
}
