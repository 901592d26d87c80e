//! `alinea build`: align every French document of the corpus with its English and Arabic
//! counterparts (same file name under `en/` and `ar/`) into `<out>/<doc>.tmx` and
//! `<out>/<doc>.html`, documents in parallel, with a progress bar, per-document status and a
//! summary file. The work is `alinea::batch`: each document's two files are written together
//! as soon as it is aligned (never half-written); a document that cannot be aligned is
//! reported (exit 2) and keeps its old files while the others are written; a document whose
//! inputs, options and alinea build are unchanged since the last run is skipped (the state in
//! `<out>/.alinea-build/`), so an interrupted run resumes. `--shard I/N` takes a
//! deterministic share of the documents; `--merge-summaries` joins the shards' summaries.
//!
//! Output is byte-deterministic: the TMX `creationdate` is `SOURCE_DATE_EPOCH` when set, else
//! left out (it is optional in TMX), so a rebuild of an
//! unchanged corpus changes nothing and CI can check `aligned/` is up to date. The state and
//! the summary (which holds timings) stay in `<out>/.alinea-build/`, which git ignores.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use alinea::batch::{self, Batch, Done, Inputs, Shard, State, Status, Summary, STATE_DIR};
use alinea::diag::Diagnostic;
use alinea::export::RenderOptions;
use alinea::tmx::WriteOptions;
use alinea::Error;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::align::creation_date;
use super::report;

/// Per-document status lines are printed when a run aligns at most this many documents;
/// beyond, the summary file has them.
const STATUS_LINES: usize = 50;

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
    /// Align only shard I of N (I from 0), a share of the documents fixed by their names:
    /// one machine per shard (see the README's Batches).
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    shard: Option<Shard>,
    /// Where to write the summary (JSON: per document and totals); default
    /// <out>/.alinea-build/summary.json (summary-I-of-N.json for a shard).
    #[arg(long, value_name = "FILE")]
    summary: Option<PathBuf>,
    /// Align every document again, even those unchanged since the last run.
    #[arg(long)]
    force: bool,
    /// Sentence rules from an SRX 2.0 file instead of the built-in ones (with --unit sentence).
    #[arg(long, value_name = "FILE")]
    srx: Option<PathBuf>,
    /// Worker threads (default: two per core, so that the disk's waits overlap alignment).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Merge the summaries of several shards into one (written to --summary, else standard
    /// output) instead of building.
    #[arg(long, value_name = "SUMMARY", num_args = 1.., conflicts_with_all = ["shard", "force"])]
    merge_summaries: Vec<PathBuf>,
}

fn parse_shard(s: &str) -> Result<Shard, String> {
    s.parse::<Shard>().map_err(|e| e.to_string())
}

/// What identifies this program for the fingerprints: the version and the executable's size
/// and modification time, so that a rebuilt `alinea` aligns every document again; and the
/// SRX rules in use, by content.
fn tool_identity(srx: Option<&std::path::Path>) -> anyhow::Result<String> {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{} {mtime}", m.len())
        })
        .unwrap_or_default();
    let rules = match srx {
        Some(path) => {
            let text = alinea::input::read_text(path)?;
            format!(" srx {}", text.text) // hashed into each fingerprint
        }
        None => String::new(),
    };
    Ok(format!("alinea {} {exe}{rules}", batch::VERSION))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.merge_summaries.is_empty() {
        return merge(&args.merge_summaries, args.summary.as_deref());
    }
    let started = Instant::now();
    super::segment::use_srx(args.srx.as_deref())?;
    let found = batch::discover(&args.corpus, args.shard)?;
    let mut warnings = found.warnings.clone();
    if found.docs.is_empty() {
        warnings.push(
            Diagnostic::warning(
                "build/nothing-aligned",
                "no document has a counterpart yet; nothing aligned",
            )
            .at_path(args.corpus.join("fr")),
        );
    }
    std::fs::create_dir_all(&args.out).map_err(|e| Error::write(&args.out, e))?;
    let inputs = Inputs::new(&found.all_inputs);
    for d in &found.docs {
        for o in d.outputs(&args.out) {
            inputs.check(&o)?;
        }
    }
    let render = RenderOptions {
        tmx: WriteOptions {
            creation_date: creation_date()?,
            ..WriteOptions::default()
        },
    };
    let label = args.shard.map(|s| s.file_label());
    let job = Batch {
        corpus: args.corpus.clone(),
        out: args.out.clone(),
        segtype: args.unit.into(),
        render,
        tool: tool_identity(args.srx.as_deref())?,
        force: args.force,
        threads: args.jobs.unwrap_or(0),
        state_file: State::path(&args.out, label.as_deref()),
    };

    let bar = progress_bar(found.docs.len());
    let mut bytes = 0u64;
    let done = batch::run(&job, &found.docs, |d: &Done| {
        bytes += d.record.input_bytes;
        let secs = started.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!(
            "{:.1} MB/s  {}",
            bytes as f64 / 1e6 / secs,
            d.record.name
        ));
        bar.inc(1);
    })?;
    bar.finish_and_clear();

    let aligned = done
        .iter()
        .filter(|d| d.record.status == Status::Aligned)
        .count();
    let mut by_name: Vec<&Done> = done.iter().collect();
    by_name.sort_by(|a, b| a.record.name.cmp(&b.record.name));
    for d in &by_name {
        warnings.extend(d.diagnostics.iter().cloned());
        if aligned <= STATUS_LINES && d.record.status == Status::Aligned {
            report::status(&format!("{}: {}", d.record.name, figures(&d.record)));
        }
    }
    warnings.extend(stale(&args.out, &found.all_outputs));
    // Mining reads every TMX of the output folder: after a whole run, not after a shard's
    // share (mine the merged folder with `alinea terms build`), and not over failed writes.
    let failed = done.iter().any(|d| d.record.status == Status::Failed);
    if args.shard.is_none() {
        super::terms::build::after_build(&args.out, failed, &mut warnings);
    }
    report::diagnostics(&warnings);

    let summary = Summary::new(
        done.into_iter().map(|d| d.record).collect(),
        found.no_counterpart,
        args.shard.map(|s| s.to_string()).into_iter().collect(),
        started.elapsed().as_millis() as u64,
    );
    let summary_path = args.summary.clone().unwrap_or_else(|| {
        let name = match &label {
            Some(l) => format!("summary-{l}.json"),
            None => "summary.json".into(),
        };
        args.out.join(STATE_DIR).join(name)
    });
    if let Some(dir) = summary_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    }
    alinea::io::write_atomic(&summary_path, summary.to_json().as_bytes())?;

    let t = &summary.totals;
    let shard = args
        .shard
        .map_or(String::new(), |s| format!(" (shard {s})"));
    report::status(&format!(
        "built {} of {} documents into {}{shard} ({} skipped, no counterpart; {} failed): {} aligned, {} unchanged; {}",
        t.aligned + t.unchanged,
        t.documents + t.no_counterpart,
        args.out.display(),
        t.no_counterpart,
        t.failed,
        t.aligned,
        t.unchanged,
        totals(t)
    ));
    report::status(&format!(
        "{:.1} MB in {:.1} s ({} MB/s); summary in {}",
        t.input_bytes as f64 / 1e6,
        summary.wall_ms as f64 / 1e3,
        summary.mb_per_s,
        summary_path.display()
    ));
    Ok(if t.failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn progress_bar(len: usize) -> ProgressBar {
    let target = if std::io::IsTerminal::is_terminal(&std::io::stderr()) && !report::quiet() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(len as u64), target);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} eta {eta}  {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// `units fr 12, en 12, ar 11; 12 beads; 1 to review; confidence 0.93`.
fn figures(r: &batch::Record) -> String {
    describe(&r.units, r.beads, r.low, r.confidence)
}

fn totals(t: &batch::Totals) -> String {
    let mut s = describe(&t.units, t.beads, t.low, t.confidence);
    if t.suspect > 0 {
        s.push_str(&format!(
            "; {} not translation{}, left out of TMX",
            t.suspect,
            if t.suspect == 1 { "" } else { "s" }
        ));
    }
    s
}

fn describe(units: &BTreeMap<String, usize>, beads: usize, low: usize, c: Option<f64>) -> String {
    if units.is_empty() {
        return "no units".into();
    }
    // fr, en, ar first, as the corpus folders are.
    let order = |l: &str| ["fr", "en", "ar"].iter().position(|x| *x == l).unwrap_or(3);
    let mut u: Vec<(&String, &usize)> = units.iter().collect();
    u.sort_by_key(|(l, _)| (order(l), (*l).clone()));
    let u: Vec<String> = u.iter().map(|(l, n)| format!("{l} {n}")).collect();
    let c = c.map_or(String::new(), |c| format!("; mean confidence {c:.2}"));
    format!("units {}; {beads} beads; {low} to review{c}", u.join(", "))
}

/// `build/stale` warnings for the TMX and HTML files of `out` the corpus no longer makes.
fn stale(out: &Path, expected: &std::collections::HashSet<String>) -> Vec<Diagnostic> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Vec::new();
    };
    let mut stale: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| (n.ends_with(".tmx") || n.ends_with(".html")) && !expected.contains(n))
        .collect();
    stale.sort();
    stale
        .into_iter()
        .map(|n| {
            Diagnostic::warning(
                "build/stale",
                "no longer made from the corpus (remove it if it is stale)",
            )
            .at_path(out.join(n))
        })
        .collect()
}

/// `--merge-summaries`: one summary of the shards' summaries, to `to` or standard output.
fn merge(paths: &[PathBuf], to: Option<&Path>) -> anyhow::Result<ExitCode> {
    if let Some(to) = to {
        alinea::io::check_not_input(to, paths)?;
    }
    let parts = paths
        .iter()
        .map(|p| Ok((p.clone(), Summary::read(p)?)))
        .collect::<alinea::Result<Vec<_>>>()?;
    let merged = Summary::merge(parts)?;
    match to {
        Some(p) => alinea::io::write_atomic(p, merged.to_json().as_bytes())?,
        None => super::write_stdout(merged.to_json().as_bytes())?,
    }
    let t = &merged.totals;
    report::status(&format!(
        "merged {} summaries: {} documents ({} aligned, {} unchanged, {} failed)",
        paths.len(),
        t.documents,
        t.aligned,
        t.unchanged,
        t.failed
    ));
    Ok(if t.failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
