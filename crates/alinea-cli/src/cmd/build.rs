//! `alinea build`: align every French document of the corpus with its English and Arabic
//! counterparts (same file name under `en/` and `ar/`) into `<out>/<doc>.tmx` and
//! `<out>/<doc>.html`, documents in parallel, with a progress bar and a summary. The outputs
//! are written to temporary files and renamed together at the end: a failure to write leaves
//! every file of `<out>` as it was; a document that cannot be aligned is reported (exit 2)
//! and keeps its old files.
//!
//! Output is byte-deterministic: the TMX `creationdate` is `SOURCE_DATE_EPOCH` when set, else
//! the fixed [`alinea::tmx::write::FIXED_CREATION_DATE`] (1970-01-01), so a rebuild of an
//! unchanged corpus changes nothing and CI can check `aligned/` is up to date.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alinea::align::{self, Request, Segtype, Summary};
use alinea::diag::Diagnostic;
use alinea::export::{self, Format, RenderOptions};
use alinea::io::{AtomicFile, FileSet};
use alinea::tmx::{self, WriteOptions};
use alinea::{Error, Lang};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::align::creation_date;
use super::report;

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
    files: Vec<PathBuf>,
}

/// What aligning one document gave.
struct Done {
    name: String,
    summary: Summary,
    diagnostics: Vec<Diagnostic>,
}

/// The documents of `corpus/fr/`: those with at least one counterpart (sorted by name), the
/// number skipped for want of one, and warnings about missing counterparts.
fn jobs(corpus: &Path) -> anyhow::Result<(Vec<Job>, usize, Vec<Diagnostic>)> {
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
    let mut skipped = 0;
    for name in names {
        let pivot = fr.join(&name);
        let mut files = vec![pivot.clone()];
        let mut missing = Vec::new();
        for lang in [Lang::En, Lang::Ar] {
            let p = corpus.join(lang.code()).join(&name);
            if p.is_file() {
                files.push(p);
            } else {
                missing.push(
                    Diagnostic::warning(
                        "build/no-counterpart",
                        format!("no {lang} counterpart ({})", p.display()),
                    )
                    .at_path(&pivot),
                );
            }
        }
        if files.len() == 1 {
            skipped += 1;
            warnings.push(
                Diagnostic::warning(
                    "build/skipped",
                    "skipped, nothing to align it with (no en or ar counterpart)",
                )
                .at_path(&pivot),
            );
            continue;
        }
        warnings.extend(missing);
        out.push(Job { name, files });
    }
    Ok((out, skipped, warnings))
}

fn stem(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string())
}

/// Align one document set (languages from the corpus folders) and write its TMX and HTML to
/// temporary files, renamed into place with the rest of the build.
fn align_one(
    job: &Job,
    out: &Path,
    segtype: Segtype,
    opts: &RenderOptions,
) -> alinea::Result<(Done, FileSet)> {
    let request = Request {
        files: job.files.clone(),
        segtype,
        ..Request::default()
    };
    let outcome = align::align_files(&request)?;
    let mut diagnostics = outcome.diagnostics;
    let mut set = FileSet::new();
    for path in outputs(out, &job.name) {
        let format = Format::from_path(&path)?;
        let mut file = AtomicFile::create(&path)?;
        let d = export::render_file(&outcome.aligned, format, opts, &mut file)?;
        diagnostics.extend(d.into_iter().map(|d| d.at_path(&path)));
        set.add(file)?;
    }
    let done = Done {
        name: job.name.clone(),
        summary: outcome.aligned.summary(),
        diagnostics,
    };
    Ok((done, set))
}

/// The files made from the document `name` in `out`.
fn outputs(out: &Path, name: &str) -> [PathBuf; 2] {
    let base = stem(name);
    [
        out.join(format!("{base}.tmx")),
        out.join(format!("{base}.html")),
    ]
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (jobs, skipped, mut warnings) = jobs(&args.corpus)?;
    if jobs.is_empty() {
        warnings.push(
            Diagnostic::warning(
                "build/nothing-aligned",
                "no document has a counterpart yet; nothing aligned",
            )
            .at_path(args.corpus.join("fr")),
        );
    }
    std::fs::create_dir_all(&args.out).map_err(|e| Error::write(&args.out, e))?;
    let inputs: Vec<&PathBuf> = jobs.iter().flat_map(|j| &j.files).collect();
    for j in &jobs {
        for o in outputs(&args.out, &j.name) {
            alinea::io::check_not_input(&o, &inputs)?;
        }
    }
    let opts = RenderOptions {
        tmx: WriteOptions {
            creation_date: creation_date(|| tmx::write::FIXED_CREATION_DATE.to_string())?,
            ..WriteOptions::default()
        },
    };
    let segtype: Segtype = args.unit.into();

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
    let results: Vec<alinea::Result<(Done, FileSet)>> = jobs
        .par_iter()
        .map(|job| {
            let r = align_one(job, &args.out, segtype, &opts);
            bar.set_message(job.name.clone());
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();

    // Every output is in a temporary file: they are renamed together, so that a failure to
    // write (a full disk) leaves every file of aligned/ as it was. A document that cannot be
    // aligned is reported and keeps its old files; the others are written.
    let mut total = Summary::default();
    let mut failed = 0;
    let mut write_failed = false;
    let mut set = FileSet::new();
    for r in results {
        match r {
            Ok((done, files)) => {
                warnings.extend(done.diagnostics);
                report::status(&format!("{}: {}", done.name, done.summary));
                total.add(&done.summary);
                set.append(files);
            }
            Err(e) => {
                failed += 1;
                write_failed |= matches!(e, Error::Write { .. });
                warnings.push(Diagnostic::error("build/failed", e.to_string()));
            }
        }
    }
    if write_failed {
        drop(set);
    } else if let Err(e) = set.commit() {
        write_failed = true;
        warnings.push(Diagnostic::error("build/failed", e.to_string()));
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
            warnings.push(
                Diagnostic::warning(
                    "build/stale",
                    "no longer made from the corpus (remove it if it is stale)",
                )
                .at_path(args.out.join(n)),
            );
        }
    }
    super::terms::build::after_build(&args.out, write_failed, &mut warnings);
    report::diagnostics(&warnings);
    if write_failed {
        report::status(&format!(
            "could not write the outputs: nothing written, {} left as it was",
            args.out.display()
        ));
        return Ok(ExitCode::from(2));
    }
    report::status(&format!(
        "built {} of {} documents into {} ({skipped} skipped, no counterpart; {failed} failed): {}",
        jobs.len() - failed,
        jobs.len() + skipped,
        args.out.display(),
        total
    ));
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
