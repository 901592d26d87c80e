//! `alinea segment`: print each unit of a document (paragraphs or sentences) so a user can
//! check the reading: id, kind, label, span (or place in a structured document) and text, as
//! tab-separated text or JSON. Files are read in their format (`alinea::doc::formats`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use alinea::diag::Diagnostic;
use alinea::doc::{self, InputMode, Unit};
use alinea::text::lang::Given;
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
    /// Files to read (`-`: standard input, named `<stdin>`).
    #[arg(required = true)]
    files: Vec<PathBuf>,
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
                        Some(place) => place.clone(),
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
