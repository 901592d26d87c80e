//! `alinea build`: align every French document of the corpus with its English and Arabic
//! counterparts (same file name under `en/` and `ar/`) into `<out>/<doc>.tmx` and
//! `<out>/<doc>.html`, documents in parallel, with a progress bar and a summary.
//!
//! Output is byte-deterministic: the TMX `creationdate` is `SOURCE_DATE_EPOCH` when set, else
//! the fixed [`alinea::tmx::write::FIXED_CREATION_DATE`] (1970-01-01), so a rebuild of an
//! unchanged corpus changes nothing and CI can check `aligned/` is up to date.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alinea::align::Options;
use alinea::doc::InputMode;
use alinea::export::{self, Aligned, Segtype, Summary};
use alinea::tmx::{self, WriteOptions};
use alinea::{Error, Lang};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::align::{creation_date, load, warn};

#[derive(clap::Args)]
pub struct Args {
    /// The corpus folder, holding fr/, en/ and ar/.
    #[arg(long, default_value = "corpus")]
    corpus: PathBuf,
    /// Where the TMX files and review pages go (created if missing).
    #[arg(long, default_value = "aligned")]
    out: PathBuf,
    /// Align paragraphs, or sentences inside aligned paragraphs.
    #[arg(long, value_enum, default_value_t = super::align::Unit::Paragraph)]
    unit: super::align::Unit,
}

/// One document set to align: the French file and the counterparts found.
struct Job {
    name: String,
    files: Vec<(PathBuf, Lang)>,
}

/// What aligning one document gave.
struct Done {
    name: String,
    summary: Summary,
    warnings: Vec<String>,
}

/// The documents of `corpus/fr/` (sorted by name), each with the counterparts that exist.
fn jobs(corpus: &Path) -> anyhow::Result<(Vec<Job>, Vec<String>)> {
    let fr = corpus.join("fr");
    let entries = std::fs::read_dir(&fr).map_err(|e| Error::read(&fr, e))?;
    let mut names: Vec<String> = Vec::new();
    for e in entries {
        let e = e.map_err(|e| Error::read(&fr, e))?;
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') && e.path().is_file() {
            names.push(name);
        }
    }
    names.sort();
    let mut warnings = Vec::new();
    let mut out = Vec::new();
    for name in names {
        let mut files = vec![(fr.join(&name), Lang::Fr)];
        for lang in [Lang::En, Lang::Ar] {
            let p = corpus.join(lang.code()).join(&name);
            if p.is_file() {
                files.push((p, lang));
            } else {
                warnings.push(format!("{}: no {lang} counterpart ({})", name, p.display()));
            }
        }
        if files.len() == 1 {
            warnings.push(format!("{name}: skipped, nothing to align it with"));
            continue;
        }
        out.push(Job { name, files });
    }
    Ok((out, warnings))
}

fn stem(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string())
}

fn align_one(job: &Job, out: &Path, segtype: Segtype, opts: &WriteOptions) -> anyhow::Result<Done> {
    let (docs, mut warnings) = load(&job.files, InputMode::Auto)?;
    let aligned = Aligned::from_documents(&docs, segtype, &Options::default());
    let w = tmx::write(&aligned, opts);
    if w.removed_chars > 0 {
        warnings.push(format!(
            "{}: {} characters XML 1.0 does not allow were left out of the TMX",
            job.name, w.removed_chars
        ));
    }
    let html = export::html::write(&aligned);
    let base = stem(&job.name);
    alinea::io::write_atomic(&out.join(format!("{base}.tmx")), &w.bytes)?;
    alinea::io::write_atomic(&out.join(format!("{base}.html")), html.as_bytes())?;
    Ok(Done {
        name: job.name.clone(),
        summary: aligned.summary(),
        warnings,
    })
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (jobs, mut warnings) = jobs(&args.corpus)?;
    if jobs.is_empty() {
        warnings.push(format!(
            "{}: no document has a counterpart yet; nothing aligned",
            args.corpus.join("fr").display()
        ));
    }
    std::fs::create_dir_all(&args.out).map_err(|e| Error::read(&args.out, e))?;
    let opts = WriteOptions {
        creation_date: creation_date(|| tmx::write::FIXED_CREATION_DATE.to_string())?,
        ..WriteOptions::default()
    };
    let segtype = match args.unit {
        super::align::Unit::Paragraph => Segtype::Paragraph,
        super::align::Unit::Sentence => Segtype::Sentence,
    };

    let bar = ProgressBar::with_draw_target(
        Some(jobs.len() as u64),
        if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        },
    );
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
        bar.set_style(style);
    }
    let results: Vec<anyhow::Result<Done>> = jobs
        .par_iter()
        .map(|job| {
            let r = align_one(job, &args.out, segtype, &opts);
            bar.set_message(job.name.clone());
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();

    let mut total = Summary::default();
    let mut errors = 0;
    for r in results {
        match r {
            Ok(done) => {
                warnings.extend(done.warnings);
                eprintln!("alinea: {}: {}", done.name, done.summary);
                total.add(&done.summary);
            }
            Err(e) => {
                errors += 1;
                eprintln!("alinea: error: {e:#}");
            }
        }
    }
    for w in &warnings {
        warn(w);
    }
    let expected: Vec<String> = jobs
        .iter()
        .flat_map(|j| {
            let s = stem(&j.name);
            [format!("{s}.tmx"), format!("{s}.html")]
        })
        .collect();
    if let Ok(entries) = std::fs::read_dir(&args.out) {
        let mut stale: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| (n.ends_with(".tmx") || n.ends_with(".html")) && !expected.contains(n))
            .collect();
        stale.sort();
        for n in stale {
            warn(&format!(
                "{}: no longer made from the corpus (remove it if it is stale)",
                args.out.join(n).display()
            ));
        }
    }
    eprintln!(
        "alinea: built {} of {} documents into {}: {}",
        jobs.len() - errors,
        jobs.len(),
        args.out.display(),
        total
    );
    Ok(if errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
