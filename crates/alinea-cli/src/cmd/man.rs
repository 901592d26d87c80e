//! `alinea man`: the manual page (roff) on standard output, or, with `--dir DIR`, one page per
//! command (`alinea.1`, `alinea-align.1`, `alinea-terms-convert.1` …) written into DIR.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

#[derive(clap::Args)]
pub struct Args {
    /// Write alinea.1 and one page per command into this folder (created if missing) instead
    /// of printing the main page.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

fn page(command: &clap::Command) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut out)
        .context("rendering the manual page")?;
    Ok(out)
}

/// Every page: the command itself, then its subcommands depth first, named `parent-child`.
fn pages(
    command: &clap::Command,
    name: &str,
    out: &mut Vec<(String, Vec<u8>)>,
) -> anyhow::Result<()> {
    let named = command.clone().name(name.to_string());
    out.push((format!("{name}.1"), page(&named)?));
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        pages(sub, &format!("{name}-{}", sub.get_name()), out)?;
    }
    Ok(())
}

pub fn run(args: Args, mut command: clap::Command) -> anyhow::Result<ExitCode> {
    command.build();
    match &args.dir {
        None => {
            super::write_stdout(&page(&command)?).context("writing to standard output")?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("{}: cannot create", dir.display()))?;
            let mut all = Vec::new();
            pages(&command, "alinea", &mut all)?;
            for (name, bytes) in &all {
                alinea::io::write_atomic(&Path::new(dir).join(name), bytes)?;
            }
            super::report::status(&format!(
                "{} manual pages written to {}",
                all.len(),
                dir.display()
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}
