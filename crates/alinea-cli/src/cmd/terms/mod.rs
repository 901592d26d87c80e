//! `alinea terms …`: convert a termbase between formats, check it, count it; mine candidate
//! terms from documents or TMX (`extract`), and the aligned corpus against the glossary
//! (`build`).

pub mod build;
pub mod extract;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alinea::termbase::{self, Format, Stats};

use super::report;
use anyhow::Context;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Convert a termbase between formats, chosen by extension: .toml (glossary source),
    /// .tbx (TBX v3 TBX-Basic; v2 `martif` is detected on reading), .csv, .tsv, .json.
    Convert {
        /// The termbase to read; its format comes from the extension (and, for TBX, from the
        /// root element); `-` reads standard input, its format told by its content.
        input: PathBuf,
        /// The file to write (atomically); its format comes from the extension.
        output: PathBuf,
        /// TBX version to write: 3 (ISO 30042:2019, default) or 2 (martif, for older tools).
        #[arg(long)]
        tbx_version: Option<u8>,
    },
    /// Validate termbase files: print their counts on standard output and their warnings on
    /// standard error; the first invalid file is an error (exit 2).
    Check {
        /// The termbase files to check (.toml .tbx .csv .tsv .json; `-`: standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print counts per language, status and type.
    Stats {
        /// The termbase file to count (.toml .tbx .csv .tsv .json; `-`: standard input).
        file: PathBuf,
        /// Output format: text (one `name<TAB>count` line each) or json.
        #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
        format: StatsFormat,
    },
    /// Mine candidate terms from text documents of one language, or from TMX files (with
    /// equivalents across languages), ranked by termhood; the list stops at the tool's own
    /// threshold unless --limit is given.
    Extract(extract::Args),
    /// Mine the aligned corpus (its .tmx files) and merge the candidates with the curated
    /// glossary into a separate termbase of proposed entries, plus a review page.
    Build(build::Args),
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum StatsFormat {
    /// One `name<TAB>count` line per count.
    Text,
    /// The counts as one JSON object.
    Json,
}

pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Convert {
            input,
            output,
            tbx_version,
        } => convert(&input, &output, tbx_version),
        Command::Check { files } => check(&files),
        Command::Stats { file, format } => stats(&file, format),
        Command::Extract(args) => extract::run(args),
        Command::Build(args) => build::run(args),
    }
}

fn summary(s: &Stats) -> String {
    let per: Vec<String> = s.per_lang.iter().map(|(l, n)| format!("{l} {n}")).collect();
    format!(
        "{} concepts, {} terms ({})",
        s.concepts,
        s.terms,
        per.join(", ")
    )
}

fn convert(input: &Path, output: &Path, tbx_version: Option<u8>) -> anyhow::Result<ExitCode> {
    let format = Format::from_path(output, tbx_version)?;
    alinea::io::check_not_input(output, &[input])?;
    let checked = termbase::read_file(input)?;
    report::diagnostics(&checked.warnings);
    report::diagnostics(&termbase::not_carried(&checked.termbase, format, output));
    termbase::write_file(output, &checked.termbase, format)?;
    writeln!(
        std::io::stdout().lock(),
        "{} → {} ({}): {}",
        input.display(),
        output.display(),
        format.name(),
        summary(&checked.termbase.stats())
    )
    .context("writing to standard output")?;
    Ok(ExitCode::SUCCESS)
}

fn check(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    for f in files {
        let checked = termbase::read_file(f)?;
        writeln!(
            out,
            "{}: ok, {}, {} warning(s)",
            f.display(),
            summary(&checked.termbase.stats()),
            checked.warnings.len()
        )?;
        out.flush()?;
        report::diagnostics(&checked.warnings);
    }
    Ok(ExitCode::SUCCESS)
}

fn stats(file: &Path, format: StatsFormat) -> anyhow::Result<ExitCode> {
    let checked = termbase::read_file(file)?;
    let s = checked.termbase.stats();
    let mut out = std::io::stdout().lock();
    match format {
        StatsFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&s)?)?,
        StatsFormat::Text => {
            writeln!(out, "concepts\t{}", s.concepts)?;
            writeln!(out, "terms\t{}", s.terms)?;
            for (l, n) in &s.per_lang {
                writeln!(out, "terms {l}\t{n}")?;
            }
            writeln!(out, "definitions\t{}", s.definitions)?;
            writeln!(out, "preferred\t{}", s.preferred)?;
            writeln!(out, "admitted\t{}", s.admitted)?;
            writeln!(out, "deprecated\t{}", s.deprecated)?;
            writeln!(out, "superseded\t{}", s.superseded)?;
            writeln!(out, "acronyms and abbreviations\t{}", s.abbreviations)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
