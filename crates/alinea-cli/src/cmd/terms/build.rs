//! `alinea terms build`: mine the aligned corpus and merge the candidates with the curated
//! glossary into a separate termbase of proposed entries (the glossary is only read), and
//! report the curated concepts found again with their English and Arabic terms.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alinea::diag::Diagnostic;
use alinea::mine::corpus::{self, Built};
use alinea::mine::Options;

use crate::cmd::report;

#[derive(clap::Args)]
pub struct Args {
    /// The aligned corpus: a folder of .tmx files.
    #[arg(long, default_value = "aligned")]
    corpus: PathBuf,
    /// The curated glossary (default: glossary/concepts.toml of the current folder, else the
    /// built-in one).
    #[arg(long)]
    glossary: Option<PathBuf>,
    /// The mined termbase to write (format by extension; default `<corpus>/terms/mined.tbx`,
    /// with the review page `review.html` beside it).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// List the curated concepts found again.
    #[arg(long)]
    list: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let paths: Vec<PathBuf> = args.glossary.iter().cloned().collect();
    let loaded = alinea::termbase::load(&paths)?;
    report::diagnostics(&loaded.diagnostics);
    let built = match &args.output {
        Some(o) => {
            let files = corpus::tmx_files(&args.corpus)?;
            let inputs: Vec<&PathBuf> = files.iter().chain(paths.iter()).collect();
            alinea::io::check_not_input(o, &inputs)?;
            let built = corpus::mine(&args.corpus, &loaded.termbase, &Options::default())?;
            corpus::write(&built, o, None)?;
            built
        }
        None => corpus::build_into(&args.corpus, &loaded.termbase)?,
    };
    report::diagnostics(&built.mined.diagnostics);
    if args.list {
        let mut out = std::io::stdout().lock();
        for r in &built.merged.rediscovered {
            writeln!(out, "{}\t{}\t{}\t{}", r.concept, r.fr, r.en, r.ar)?;
        }
    }
    summary(
        &built,
        args.output
            .as_deref()
            .unwrap_or(&args.corpus.join(corpus::FOLDER)),
    );
    Ok(ExitCode::SUCCESS)
}

/// The status line after mining the corpus (also printed by `alinea build`).
pub fn summary(built: &Built, out: &Path) {
    report::status(&format!(
        "mined {} units of {} files into {}: {} curated concepts found again (en and ar), {} proposed terms, {} proposed concepts",
        built.mined.units,
        built.files.len(),
        out.display(),
        built.merged.rediscovered.len(),
        built.merged.proposed_terms,
        built.merged.proposed_concepts
    ));
}

/// What `alinea build` runs once the corpus is aligned: mine `aligned` against the default
/// glossary into `<aligned>/terms/` (not when a document failed: the build reports it and
/// the folder is not whole); a failure to mine is one more diagnostic of the build.
pub fn after_build(aligned: &Path, some_failed: bool, warnings: &mut Vec<Diagnostic>) {
    if some_failed {
        return;
    }
    let built = alinea::termbase::load(&[])
        .and_then(|loaded| corpus::build_into(aligned, &loaded.termbase));
    match built {
        Ok(built) => {
            warnings.extend(built.mined.diagnostics.iter().cloned());
            summary(&built, &aligned.join(corpus::FOLDER));
        }
        Err(e) => warnings.push(Diagnostic::warning(
            "build/mining",
            format!("terms not mined: {e}"),
        )),
    }
}
