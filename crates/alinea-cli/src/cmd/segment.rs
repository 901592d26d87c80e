//! `alinea segment`: print each unit of a document (paragraphs or sentences) so a user can
//! check the reading: id, kind, label, span (or place in a structured document) and text, as
//! tab-separated text or JSON. Files are read in their format (`alinea::doc::formats`).
//! `--srx` replaces the built-in sentence rules with an SRX file's (for `align` and `build`
//! too, through [`use_srx`]); `--export-srx` writes the built-in rules as SRX.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use alinea::diag::Diagnostic;
use alinea::doc::{self, InputMode, Unit};
use alinea::text::lang::Given;
use alinea::text::sentences;
use alinea::Lang;
use anyhow::Context;
use serde::Serialize;

use super::report;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Level {
    /// Paragraph units, as the reader cuts the file.
    Paragraph,
    /// Sentences, numbered paragraph.position.
    Sentence,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One tab-separated line per unit: id, kind, label, span, text.
    Text,
    /// The documents with their units, plain text, byte offsets and warnings.
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// Language of the files (fr, en, ar, …); default: from each path, else detected from the
    /// text, else und.
    #[arg(long)]
    lang: Option<String>,
    /// Units to print.
    #[arg(long, value_enum, default_value = "paragraph")]
    unit: Level,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// One unit per non-empty line, without the paragraph heuristics.
    #[arg(long)]
    lines: bool,
    /// Sentence rules from an SRX 2.0 file instead of the built-in ones.
    #[arg(long, value_name = "FILE")]
    srx: Option<PathBuf>,
    /// Write the built-in sentence rules as an SRX 2.0 file (`-`: standard output) and exit.
    #[arg(long, value_name = "FILE", conflicts_with = "srx")]
    export_srx: Option<PathBuf>,
    /// Files to read (`-`: standard input, named `<stdin>`).
    #[arg(required_unless_present = "export_srx")]
    files: Vec<PathBuf>,
}

/// Use the sentence rules of the SRX file `path` (if given) for the rest of the command: the
/// one place a command chooses its rules.
pub(crate) fn use_srx(path: Option<&Path>) -> anyhow::Result<()> {
    if let Some(path) = path {
        let srx = alinea::text::srx::Srx::read(path)?;
        sentences::use_rules(sentences::Rules::Srx(Arc::new(srx)));
    }
    Ok(())
}

/// `--export-srx`: the built-in rules as SRX, written atomically (or to standard output).
fn export_srx(path: &Path) -> anyhow::Result<ExitCode> {
    let xml = alinea::text::srx::builtin();
    if alinea::input::is_stdin(path) {
        let mut out = std::io::stdout().lock();
        out.write_all(xml.as_bytes())
            .and_then(|_| out.flush())
            .context("writing to standard output")?;
    } else {
        let mut file = alinea::io::AtomicFile::create(path)?;
        file.write_all(xml.as_bytes())
            .map_err(|e| alinea::Error::write(path, e))?;
        file.commit()?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct JsonUnit<'a> {
    id: String,
    #[serde(flatten)]
    unit: &'a Unit,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    path: String,
    lang: &'a Lang,
    warnings: &'a [Diagnostic],
    units: Vec<JsonUnit<'a>>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(path) = &args.export_srx {
        return export_srx(path);
    }
    use_srx(args.srx.as_deref())?;
    let given = args
        .lang
        .as_deref()
        .map(str::parse::<Lang>)
        .transpose()?
        .map(|lang| Given {
            lang,
            by: "--lang".into(),
        });
    let mode = if args.lines {
        InputMode::Lines
    } else {
        InputMode::Auto
    };
    // Read everything first: a bad file stops the command before anything is printed. An
    // XLIFF file gives two documents, its source and target texts.
    let mut readings = Vec::new();
    for path in &args.files {
        for source in doc::formats::read(path)?.into_sources() {
            let decision = doc::decide_source(given.as_ref(), &source).unwrap_or_else(|| {
                alinea::text::lang::Decision::fallback(Lang::Other("und".into()))
            });
            readings.push(doc::read_source(&source, &decision, mode)?);
        }
    }
    let sentences: Vec<Vec<doc::Sentence>> = readings
        .iter()
        .map(|r| match args.unit {
            Level::Sentence => r.sentences(),
            Level::Paragraph => Vec::new(),
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut docs = Vec::new();
    for (r, sents) in readings.iter().zip(&sentences) {
        let d = &r.document;
        report::diagnostics(&d.warnings);
        let units: Vec<(String, &Unit)> = match args.unit {
            Level::Paragraph => d.units.iter().map(|u| (u.index.to_string(), u)).collect(),
            Level::Sentence => sents
                .iter()
                .map(|s| (format!("{}.{}", s.paragraph, s.position), &s.unit))
                .collect(),
        };
        match args.format {
            Format::Text => {
                for (id, u) in &units {
                    let s = &u.span;
                    let at = match &u.place {
                        Some(place) => place.to_string(),
                        None => format!("{}:{}-{}:{}", s.line, s.column, s.end_line, s.end_column),
                    };
                    writeln!(
                        out,
                        "{id}\t{}\t{}\t{}:{at}\t{}",
                        u.kind.as_str(),
                        u.label.as_deref().unwrap_or("-"),
                        d.path.display(),
                        u.text
                    )
                    .context("writing to standard output")?;
                }
            }
            Format::Json => docs.push(JsonDoc {
                path: d.path.display().to_string(),
                lang: &d.lang,
                warnings: &d.warnings,
                units: units
                    .into_iter()
                    .map(|(id, unit)| JsonUnit { id, unit })
                    .collect(),
            }),
        }
    }
    if args.format == Format::Json {
        let json = if docs.len() == 1 {
            serde_json::to_string_pretty(&docs[0])
        } else {
            serde_json::to_string_pretty(&docs)
        }?;
        writeln!(out, "{json}").context("writing to standard output")?;
    }
    Ok(ExitCode::SUCCESS)
}
