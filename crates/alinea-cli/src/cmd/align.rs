//! `alinea align`: align a pivot document with one or two translations and write the result as
//! TMX, beads, TSV, JSON or an HTML review page. Also the loading and checking shared with
//! `alinea build`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alinea::align::Options;
use alinea::doc::{self, Document, InputMode};
use alinea::export::{self, checks, Aligned, Segtype};
use alinea::tmx::{self, WriteOptions};
use alinea::{Error, Lang};
use anyhow::Context;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Input {
    /// Paragraph reading with all heuristics.
    Auto,
    /// One unit per non-empty line, no heuristics.
    Lines,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Unit {
    Paragraph,
    Sentence,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Tmx,
    Beads,
    Tsv,
    Json,
    Html,
}

#[derive(clap::Args)]
pub struct Args {
    /// Languages of the files, in order (default: from the paths, e.g. corpus/en/…, else fr,en,ar).
    #[arg(long, value_delimiter = ',')]
    langs: Option<Vec<String>>,
    /// How files are cut into units.
    #[arg(long, value_enum, default_value_t = Input::Auto)]
    input: Input,
    /// Align paragraphs, or sentences inside aligned paragraphs.
    #[arg(long, value_enum, default_value_t = Unit::Paragraph)]
    unit: Unit,
    /// Output format (default: from the extension of -o, else tmx).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Output file (default: standard output).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
    /// Language tags written in TMX, e.g. fr=fr-CA,en=en-US (default fr-FR, en-GB, ar).
    #[arg(long, value_name = "LANG=TAG,…")]
    locale: Option<String>,
    /// With TMX: also write bilingual files (OUT's name + .fr-en.tmx, .fr-ar.tmx) next to OUT.
    #[arg(long)]
    pairs: bool,
    /// With TMX: also write units that hold a single language.
    #[arg(long)]
    keep_unaligned: bool,
    /// The pivot document, then one or two translations.
    #[arg(required = true, num_args = 2..=3, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Print a warning on standard error.
pub(crate) fn warn(message: &str) {
    eprintln!("alinea: warning: {message}");
}

/// A language named by a path: a folder (`corpus/en/x.txt`) or a suffix (`x.en.txt`, `x_en.txt`).
fn lang_from_path(path: &Path) -> Option<Lang> {
    let known = |s: &str| match s {
        "fr" | "en" | "ar" => s.parse::<Lang>().ok(),
        _ => None,
    };
    let stem = path.file_stem()?.to_string_lossy().to_ascii_lowercase();
    if let Some(l) = stem.rsplit(['.', '_', '-']).next().and_then(known) {
        if stem.len() > 2 {
            return Some(l);
        }
    }
    path.parent()?
        .components()
        .next_back()
        .and_then(|c| known(&c.as_os_str().to_string_lossy().to_ascii_lowercase()))
}

/// The language of each file: `--langs`, else the paths, else fr, en, ar in order.
fn languages(langs: Option<&[String]>, files: &[PathBuf]) -> anyhow::Result<Vec<Lang>> {
    let langs: Vec<Lang> = match langs {
        Some(l) => {
            if l.len() != files.len() {
                return Err(Error::Usage(format!(
                    "--langs names {} languages for {} files",
                    l.len(),
                    files.len()
                ))
                .into());
            }
            l.iter()
                .map(|s| s.trim().parse::<Lang>())
                .collect::<Result<_, _>>()?
        }
        None => {
            let from_paths: Vec<Option<Lang>> = files.iter().map(|f| lang_from_path(f)).collect();
            if from_paths.iter().all(Option::is_some) {
                from_paths.into_iter().flatten().collect()
            } else {
                [Lang::Fr, Lang::En, Lang::Ar][..files.len()].to_vec()
            }
        }
    };
    for (i, l) in langs.iter().enumerate() {
        if langs[..i].contains(l) {
            return Err(Error::Usage(format!(
                "language {l} is given twice; each file needs its own language (--langs)"
            ))
            .into());
        }
    }
    Ok(langs)
}

/// Load the documents and collect the warnings a user should see before trusting the result.
pub(crate) fn load(
    files: &[(PathBuf, Lang)],
    mode: InputMode,
) -> alinea::Result<(Vec<Document>, Vec<String>)> {
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    for (path, lang) in files {
        let d = doc::load(path, Some(lang.clone()), mode)?;
        warnings.extend(d.warnings.iter().cloned());
        if d.warnings.is_empty() {
            warnings.extend(checks::language(&d));
        }
        docs.push(d);
    }
    warnings.extend(checks::lengths(&docs));
    Ok((docs, warnings))
}

/// The TMX creation date: `SOURCE_DATE_EPOCH` when set, else `fallback`.
pub(crate) fn creation_date(fallback: impl FnOnce() -> String) -> anyhow::Result<String> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => {
            let secs: i64 = v.trim().parse().map_err(|_| {
                Error::Usage(format!(
                    "SOURCE_DATE_EPOCH={v:?} is not a number of seconds"
                ))
            })?;
            Ok(tmx::write::creation_date(secs)?)
        }
        Err(_) => Ok(fallback()),
    }
}

fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    tmx::write::creation_date(secs).unwrap_or_else(|_| tmx::write::FIXED_CREATION_DATE.into())
}

fn format_of(args: &Args) -> Format {
    if let Some(f) = args.format {
        return f;
    }
    let ext = args
        .output
        .as_deref()
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("beads") => Format::Beads,
        Some("tsv") => Format::Tsv,
        Some("json") => Format::Json,
        Some("html" | "htm") => Format::Html,
        _ => Format::Tmx,
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

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let format = format_of(&args);
    let langs = languages(args.langs.as_deref(), &args.files)?;
    if format != Format::Tmx && (args.pairs || args.keep_unaligned || args.locale.is_some()) {
        return Err(Error::Usage(
            "--pairs, --keep-unaligned and --locale apply to TMX output (--format tmx)".into(),
        )
        .into());
    }
    if args.pairs && args.output.is_none() {
        return Err(Error::Usage("--pairs needs an output file (-o OUT.tmx)".into()).into());
    }
    if format == Format::Beads && args.files.len() != 2 {
        return Err(Error::Usage(format!(
            "the beads format holds two documents, not {} (use tmx, tsv, json or html)",
            args.files.len()
        ))
        .into());
    }
    let locales = match &args.locale {
        Some(spec) => tmx::write::parse_locales(spec)?,
        None => Default::default(),
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
    let mode = match args.input {
        Input::Auto => InputMode::Auto,
        Input::Lines => InputMode::Lines,
    };
    let files: Vec<(PathBuf, Lang)> = args.files.iter().cloned().zip(langs).collect();
    let (docs, warnings) = load(&files, mode)?;
    for w in &warnings {
        warn(w);
    }
    let segtype = match args.unit {
        Unit::Paragraph => Segtype::Paragraph,
        Unit::Sentence => Segtype::Sentence,
    };
    let aligned = Aligned::from_documents(&docs, segtype, &Options::default());

    // Everything is made in memory first, then written.
    let mut outputs: Vec<(Option<PathBuf>, Vec<u8>)> = Vec::new();
    match format {
        Format::Tmx => {
            let opts = WriteOptions {
                locales,
                keep_unaligned: args.keep_unaligned,
                creation_date: creation_date(now)?,
            };
            let mut removed = 0;
            let w = tmx::write(&aligned, &opts);
            removed += w.removed_chars;
            outputs.push((args.output.clone(), w.bytes));
            if let (true, Some(out)) = (args.pairs, &args.output) {
                for d in 1..aligned.sides.len() {
                    let pair = aligned.project(&[0, d]);
                    let w = tmx::write(&pair, &opts);
                    let path = pair_path(out, &pair.sides[0].lang, &pair.sides[1].lang);
                    outputs.push((Some(path), w.bytes));
                }
            }
            if removed > 0 {
                warn(&format!(
                    "{removed} characters XML 1.0 does not allow (control characters) were left out of the TMX"
                ));
            }
        }
        Format::Beads => {
            outputs.push((args.output.clone(), export::beads::write(&aligned)?.into()))
        }
        Format::Tsv => outputs.push((args.output.clone(), export::tsv::write(&aligned).into())),
        Format::Json => outputs.push((args.output.clone(), export::json::write(&aligned).into())),
        Format::Html => outputs.push((args.output.clone(), export::html::write(&aligned).into())),
    }
    for (path, bytes) in &outputs {
        match path {
            Some(p) => alinea::io::write_atomic(p, bytes)?,
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes)
                    .and_then(|_| out.flush())
                    .context("writing to standard output")?;
            }
        }
    }
    eprintln!(
        "alinea: {} ({}): {}",
        aligned.document,
        segtype.as_str(),
        aligned.summary()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_paths_and_flags() {
        let files = |v: &[&str]| v.iter().map(PathBuf::from).collect::<Vec<_>>();
        let l = languages(None, &files(&["corpus/fr/a.txt", "corpus/ar/a.txt"])).unwrap();
        assert_eq!(l, vec![Lang::Fr, Lang::Ar]);
        let l = languages(None, &files(&["a.en.txt", "a.fr.txt"])).unwrap();
        assert_eq!(l, vec![Lang::En, Lang::Fr]);
        let l = languages(None, &files(&["x.txt", "y.txt", "z.txt"])).unwrap();
        assert_eq!(l, vec![Lang::Fr, Lang::En, Lang::Ar]);
        let de = vec!["de".to_string(), "fr".to_string()];
        let l = languages(Some(&de), &files(&["x.txt", "y.txt"])).unwrap();
        assert_eq!(l, vec![Lang::Other("de".into()), Lang::Fr]);
        assert!(languages(Some(&de[..1]), &files(&["x.txt", "y.txt"])).is_err());
        let twice = vec!["fr".to_string(), "fr-CA".to_string()];
        assert!(languages(Some(&twice), &files(&["x.txt", "y.txt"])).is_err());
        assert_eq!(
            pair_path(Path::new("out/a.tmx"), &Lang::Fr, &Lang::Ar),
            PathBuf::from("out/a.fr-ar.tmx")
        );
    }
}
