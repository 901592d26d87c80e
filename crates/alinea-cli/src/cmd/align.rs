//! `alinea align`: align a pivot document with one or two translations and write the result as
//! TMX, beads, TSV, JSON or an HTML review page. The reading, languages, checks and rendering
//! are the library's (`alinea::align::align_files`, `alinea::export::render`); this module parses
//! arguments, prints and writes. With `--beads FILE` the alignment comes from a corrected beads
//! file (`alinea::align::reviewed::align_with_beads`) instead of the aligner.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alinea::align::{self, Options, Request, Segtype};
use alinea::doc::InputMode;
use alinea::export::{self, RenderOptions};
use alinea::tmx::{self, WriteOptions};
use alinea::{Error, Lang};
use anyhow::Context;
use clap::builder::TypedValueParser as _;

use super::report;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Input {
    /// Paragraph reading with all heuristics.
    Auto,
    /// One unit per non-empty line, no heuristics.
    Lines,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Unit {
    /// Paragraphs (units as the reader cuts them).
    Paragraph,
    /// Sentences inside aligned paragraphs.
    Sentence,
}

impl From<Unit> for Segtype {
    fn from(u: Unit) -> Segtype {
        match u {
            Unit::Paragraph => Segtype::Paragraph,
            Unit::Sentence => Segtype::Sentence,
        }
    }
}

impl From<Input> for InputMode {
    fn from(i: Input) -> InputMode {
        match i {
            Input::Auto => InputMode::Auto,
            Input::Lines => InputMode::Lines,
        }
    }
}

#[derive(clap::Args)]
pub struct Args {
    /// Languages of the files, in order (default: from each path, e.g. corpus/en/… or x.en.txt,
    /// else detected from the text, else fr, en, ar by position).
    #[arg(long, value_delimiter = ',')]
    langs: Option<Vec<String>>,
    /// How files are cut into units.
    #[arg(long, value_enum, default_value_t = Input::Auto)]
    input: Input,
    /// Align paragraphs, or sentences inside aligned paragraphs.
    #[arg(long, value_enum, default_value_t = Unit::Paragraph)]
    unit: Unit,
    /// Output format (default: from the extension of -o: .tmx, .beads, .tsv, .json, .html; tmx
    /// on standard output without -o).
    #[arg(long, value_parser = format_parser())]
    format: Option<export::Format>,
    /// Output file (default: standard output).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
    /// Language tags written in TMX, e.g. fr=fr-CA,en=en-US (default fr-FR, en-GB, ar).
    #[arg(long, value_name = "LANG=TAG,…")]
    locale: Option<String>,
    /// With TMX: also write bilingual files (OUT's name + .fr-en.tmx, .fr-ar.tmx) next to OUT.
    #[arg(long)]
    pairs: bool,
    /// With TMX: also write units that hold a single language, and those that are not
    /// translations (the same text in two languages, a side in the wrong script).
    #[arg(long)]
    keep_unaligned: bool,
    /// Sentence rules from an SRX 2.0 file instead of the built-in ones (with --unit sentence).
    #[arg(long, value_name = "FILE")]
    srx: Option<PathBuf>,
    /// Take the alignment from a corrected beads file (the review page's download) instead of
    /// aligning; the documents are read with the same --input, --unit and --srx as when it was
    /// made. Units marked wrong are left out of TMX, TSV and JSON.
    #[arg(long, value_name = "FILE")]
    beads: Option<PathBuf>,
    /// The pivot document, then one or two translations (or one XLIFF file, which holds both).
    #[arg(required = true, num_args = 1..=3, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// The TMX creation date: `SOURCE_DATE_EPOCH` when set, else none (the attribute is optional
/// and a made-up date would date every unit in a CAT tool).
pub(crate) fn creation_date() -> anyhow::Result<Option<String>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => {
            let secs: i64 = v.trim().parse().map_err(|_| {
                Error::Usage(format!(
                    "SOURCE_DATE_EPOCH={v:?} is not a number of seconds"
                ))
            })?;
            Ok(Some(tmx::write::creation_date(secs)?))
        }
        Err(_) => Ok(None),
    }
}

/// `--format`'s parser: the library's format names, offered to completions and `--help`.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = export::Format> {
    clap::builder::PossibleValuesParser::new(export::Format::ALL.map(export::Format::name))
        .map(|name| export::Format::from_name(&name).expect("a listed format name"))
}

/// `--format`, else the extension of `-o`, else TMX on standard output.
fn format_of(args: &Args) -> alinea::Result<export::Format> {
    match (args.format, &args.output) {
        (Some(f), _) => Ok(f),
        (None, Some(out)) => export::Format::from_path(out),
        (None, None) => Ok(export::Format::Tmx),
    }
}

/// `OUT` with `.fr-en.tmx` in place of its extension.
fn pair_path(out: &Path, a: &Lang, b: &Lang) -> PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    out.with_file_name(format!("{stem}.{a}-{b}.tmx"))
}

/// An alignment the aligner made, or one a reviewer corrected (`--beads`).
enum Alignment {
    Made(align::Aligned),
    Reviewed(align::reviewed::Reviewed),
}

impl Alignment {
    fn aligned(&self) -> &align::Aligned {
        match self {
            Alignment::Made(a) => a,
            Alignment::Reviewed(r) => &r.aligned,
        }
    }

    fn render(
        &self,
        format: export::Format,
        opts: &RenderOptions,
    ) -> alinea::Result<export::Rendered> {
        match self {
            Alignment::Made(a) => export::render(a, format, opts),
            Alignment::Reviewed(r) => export::render_reviewed(r, format, opts),
        }
    }

    fn render_file(
        &self,
        format: export::Format,
        opts: &RenderOptions,
        file: &mut alinea::io::AtomicFile,
    ) -> alinea::Result<Vec<alinea::diag::Diagnostic>> {
        match self {
            Alignment::Made(a) => export::render_file(a, format, opts, file),
            Alignment::Reviewed(r) => export::render_reviewed_file(r, format, opts, file),
        }
    }

    /// What the bilingual TMX files (`--pairs`) are made from: without the beads marked wrong.
    fn paired(&self) -> std::borrow::Cow<'_, align::Aligned> {
        match self {
            Alignment::Made(a) => std::borrow::Cow::Borrowed(a),
            Alignment::Reviewed(r) => r.without_wrong(),
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs: Vec<PathBuf> = args.files.iter().chain(&args.beads).cloned().collect();
    if let Some(out) = &args.output {
        // (The pairs' names depend on the languages: they are checked once those are known.)
        alinea::io::check_not_input(out, &inputs)?;
    }
    let format = format_of(&args)?;
    if format != export::Format::Tmx && (args.pairs || args.keep_unaligned || args.locale.is_some())
    {
        return Err(Error::Usage(
            "--pairs, --keep-unaligned and --locale apply to TMX output (--format tmx)".into(),
        )
        .into());
    }
    if args.pairs && args.output.is_none() {
        return Err(Error::Usage("--pairs needs an output file (-o OUT.tmx)".into()).into());
    }
    // One file is an XLIFF file, two documents (the library refuses any other single file).
    // A corrected alignment's beads file holds any number of documents.
    if args.beads.is_none() {
        format.check(args.files.len().max(2))?;
    }
    let langs = args
        .langs
        .as_ref()
        .map(|l| l.iter().map(|s| s.trim().parse::<Lang>()).collect())
        .transpose()?;
    let locales = match &args.locale {
        Some(spec) => tmx::write::parse_locales(spec)?,
        None => Default::default(),
    };
    let creation_date = if format == export::Format::Tmx {
        creation_date()?
    } else {
        None
    };
    if let Some(out) = &args.output {
        let dir = out.parent().filter(|d| !d.as_os_str().is_empty());
        if let Some(dir) = dir.filter(|d| !d.is_dir()) {
            return Err(Error::Input {
                path: out.clone(),
                message: format!("output folder {} does not exist", dir.display()),
            }
            .into());
        }
    }
    super::segment::use_srx(args.srx.as_deref())?;
    let request = Request {
        files: args.files.clone(),
        contents: None,
        langs,
        langs_by: "--langs".into(),
        mode: args.input.into(),
        segtype: args.unit.into(),
        options: Options::default(),
    };
    let alignment = match &args.beads {
        None => {
            let mut outcome = align::align_files(&request)?;
            report::diagnostics(&outcome.diagnostics);
            export::prepare(&mut outcome.aligned, &outcome.documents, format);
            Alignment::Made(outcome.aligned)
        }
        Some(beads) => {
            let outcome = align::reviewed::align_with_beads(&request, beads)?;
            report::diagnostics(&outcome.diagnostics);
            Alignment::Reviewed(outcome.reviewed)
        }
    };
    let aligned = alignment.aligned();

    let opts = RenderOptions {
        tmx: WriteOptions {
            locales,
            keep_unaligned: args.keep_unaligned,
            creation_date,
        },
    };
    match &args.output {
        None => {
            let main = alignment.render(format, &opts)?;
            report::diagnostics(&main.diagnostics);
            let mut out = std::io::stdout().lock();
            out.write_all(&main.bytes)
                .and_then(|_| out.flush())
                .context("writing to standard output")?;
        }
        Some(out) => {
            // Every file is written to a temporary file, then all are renamed together: a
            // failure leaves the old files as they were.
            let mut set = alinea::io::FileSet::new();
            let mut file = alinea::io::AtomicFile::create(out)?;
            let diagnostics = alignment.render_file(format, &opts, &mut file)?;
            set.add(file)?;
            if args.pairs {
                let paired = alignment.paired();
                for d in 1..paired.sides.len() {
                    let pair = paired.project(&[0, d]);
                    let path = pair_path(out, &pair.sides[0].lang, &pair.sides[1].lang);
                    alinea::io::check_not_input(&path, &inputs)?;
                    let mut file = alinea::io::AtomicFile::create(&path)?;
                    // The characters left out are those of the main file, reported below.
                    export::render_file(&pair, format, &opts, &mut file)?;
                    set.add(file)?;
                }
            }
            let diagnostics: Vec<_> = diagnostics.into_iter().map(|d| d.at_path(out)).collect();
            report::diagnostics(&diagnostics);
            set.commit()?;
        }
    }
    let mut status = format!(
        "{} ({}): {}",
        aligned.document,
        aligned.segtype.as_str(),
        aligned.summary()
    );
    if let Alignment::Reviewed(r) = &alignment {
        let kept = matches!(format, export::Format::Beads | export::Format::Html);
        status.push_str(&format!(
            "; reviewed: {} made by the reviewer, {} marked wrong{}",
            r.reviewed(),
            r.wrong(),
            match (r.wrong(), kept) {
                (0, _) => String::new(),
                (_, true) => ", kept with their mark".into(),
                (_, false) => format!(", left out of {format}"),
            }
        ));
    }
    report::status(&status);
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_paths() {
        assert_eq!(
            pair_path(Path::new("out/a.tmx"), &Lang::Fr, &Lang::Ar),
            PathBuf::from("out/a.fr-ar.tmx")
        );
    }
}
