//! `alinea completions SHELL`: the shell completion script on standard output, to be sourced
//! or saved where the shell looks for completions.

use std::process::ExitCode;

use anyhow::Context;
use clap_complete::Shell;

#[derive(clap::Args)]
pub struct Args {
    /// The shell to complete for (bash, zsh, fish, elvish, powershell).
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(args: Args, mut command: clap::Command) -> anyhow::Result<ExitCode> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "alinea", &mut out);
    super::write_stdout(&out).context("writing to standard output")?;
    Ok(ExitCode::SUCCESS)
}
