//! `alinea terms extract`: candidate terms of documents (one language) or TMX files (every
//! language, with equivalents of the pivot's candidates), in JSON, TSV, CSV or TBX.

use std::path::PathBuf;
use std::process::ExitCode;

use alinea::mine::{self, render, Options};
use alinea::Lang;
use anyhow::Context;

use crate::cmd::report;

#[derive(clap::Args)]
pub struct Args {
    /// Text documents (any format `alinea segment` reads) of one language, or .tmx files.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The documents' language (default: from the path or the text).
    #[arg(long)]
    lang: Option<Lang>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutFormat::Json)]
    format: OutFormat,
    /// Print this many candidates per language, past the tool's own threshold if need be.
    #[arg(long)]
    limit: Option<usize>,
    /// The lowest frequency a candidate may have.
    #[arg(long, default_value_t = 1)]
    min_freq: u32,
    /// Termbases whose concepts boost equivalents (TMX input; default: the glossary of the
    /// current folder, else the built-in one).
    #[arg(long)]
    glossary: Vec<PathBuf>,
    /// Use no glossary for equivalents (association alone).
    #[arg(long, conflicts_with = "glossary")]
    no_glossary: bool,
    /// Write here (atomically) instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Every candidate, whatever its score (for evaluation).
    #[arg(long, hide = true)]
    all: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum OutFormat {
    Json,
    Tsv,
    Csv,
    Tbx,
    /// The termhood model's features, one TSV row per candidate (for fitting the model:
    /// `scripts/train-termhood.py`).
    #[value(hide = true)]
    Features,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.limit == Some(0) {
        return Err(alinea::Error::Usage("--limit must be at least 1".into()).into());
    }
    let opts = Options {
        limit: args.limit,
        min_freq: args.min_freq.max(1),
        all: args.all,
        ..Options::default()
    };
    let tmx = args
        .inputs
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("tmx")))
        .count();
    if tmx > 0 && tmx < args.inputs.len() {
        return Err(alinea::Error::Usage(
            "give either .tmx files or text documents, not both".into(),
        )
        .into());
    }
    if let Some(o) = &args.output {
        let inputs: Vec<&PathBuf> = args.inputs.iter().chain(&args.glossary).collect();
        alinea::io::check_not_input(o, &inputs)?;
    }
    let mined = if tmx > 0 {
        if args.no_glossary {
            mine::mine_tmx(&args.inputs, &opts, None)?
        } else {
            let loaded = alinea::termbase::load(&args.glossary)?;
            report::diagnostics(&loaded.diagnostics);
            mine::mine_tmx(&args.inputs, &opts, Some(&loaded.termbase))?
        }
    } else {
        mine::mine_documents(&args.inputs, args.lang.clone(), &opts)?
    };
    report::diagnostics(&mined.diagnostics);
    let text = match args.format {
        OutFormat::Json => render::render(&mined.candidates, render::Format::Json)?,
        OutFormat::Tsv => render::render(&mined.candidates, render::Format::Tsv)?,
        OutFormat::Csv => render::render(&mined.candidates, render::Format::Csv)?,
        OutFormat::Tbx => render::render(&mined.candidates, render::Format::Tbx)?,
        OutFormat::Features => render::render(&mined.candidates, render::Format::Features)?,
    };
    match &args.output {
        Some(o) => alinea::io::write_atomic(o, text.as_bytes())?,
        None => {
            super::super::write_stdout(text.as_bytes()).context("writing to standard output")?
        }
    }
    report::status(&format!(
        "{} candidates from {} units",
        mined.candidates.len(),
        mined.units
    ));
    Ok(ExitCode::SUCCESS)
}
