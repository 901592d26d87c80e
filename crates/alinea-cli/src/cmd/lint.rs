//! `alinea lint`: check drafts against a termbase (and their source): parses the arguments
//! and `alinea.toml`, calls [`alinea::lint`], renders the findings (human, JSON, SARIF),
//! applies fixes or writes a baseline on request. Exit 0: no error-level finding; 1: some;
//! 2: a usage or input error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alinea::diag::human::Sources;
use alinea::diag::{self, Severity};
use alinea::doc::InputMode;
use alinea::lint::{self, baseline::Baseline, Config, Doc, Request, Summary};
use alinea::termbase::{self, TermMatcher};
use alinea::{Error, Lang};

use super::report;

#[derive(clap::Args)]
pub struct Args {
    /// Drafts to check: text or Markdown, Word, OpenDocument, HTML or PDF, TMX (bilingual or
    /// multilingual) or XLIFF (1.2, 2.x), whose units carry their source.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Termbase (.toml .tbx .csv .tsv .json); repeat for several. Default: those of
    /// alinea.toml, else glossary/concepts.toml of the current folder, else the built-in
    /// glossary.
    #[arg(long = "termbase", value_name = "PATH")]
    termbases: Vec<PathBuf>,
    /// Language of the drafts (default: from the path, else detected); for TMX, the target
    /// language checked (default: every language but the source).
    #[arg(long)]
    lang: Option<String>,
    /// The source document the drafts translate: aligned with each draft, then checked unit
    /// by unit.
    #[arg(long, value_name = "FILE")]
    source: Option<PathBuf>,
    /// Language of the source (default: from its path, else detected); for TMX, which
    /// variant is the source (default: the language most units start with).
    #[arg(long)]
    source_lang: Option<String>,
    /// How plain drafts are cut into units: paragraphs (auto) or one per line.
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    input: InputArg,
    /// Output format of the findings, on standard output.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// Settings file (default: alinea.toml of the current folder, when there is one).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Leave out the findings this baseline accepts.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write a baseline accepting every finding of this run to FILE.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Apply the safe fixes (deprecated term → the single preferred one, typography) to the
    /// files, all written at once, and say what changed.
    #[arg(long)]
    fix: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum InputArg {
    Auto,
    Lines,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    Human,
    Json,
    Sarif,
}

fn lang_arg(flag: &str, v: &Option<String>) -> Result<Option<Lang>, Error> {
    v.as_deref()
        .map(|c| termbase::parse_lang(c).map_err(|m| Error::Usage(format!("{flag}: {m}"))))
        .transpose()
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = match &args.config {
        Some(p) => Config::read(p)?,
        None if Path::new("alinea.toml").is_file() => Config::read(Path::new("alinea.toml"))?,
        None => Config::default(),
    };
    let req = Request {
        lang: lang_arg("--lang", &args.lang)?.or(config.lang.clone()),
        source: args.source.clone(),
        source_lang: lang_arg("--source-lang", &args.source_lang)?.or(config.source_lang.clone()),
        mode: match args.input {
            InputArg::Auto => InputMode::Auto,
            InputArg::Lines => InputMode::Lines,
        },
        contents: None,
    };
    if args.fix && args.format != FormatArg::Human {
        return Err(Error::Usage("--fix reports in human form: leave out --format".into()).into());
    }
    let termbases = if args.termbases.is_empty() {
        config.termbases.clone()
    } else {
        args.termbases.clone()
    };
    if let Some(out) = &args.write_baseline {
        // (Over the baseline read with --baseline is fine: it is read whole first.)
        let config_file = args
            .config
            .clone()
            .or_else(|| Some(PathBuf::from("alinea.toml")).filter(|p| p.is_file()));
        let inputs: Vec<&PathBuf> = (args.files.iter())
            .chain(&termbases)
            .chain(&args.source)
            .chain(&config_file)
            .collect();
        alinea::io::check_not_input(out, &inputs)?;
    }
    // The termbase is loaded and its terms keyed while the drafts are read; the termbase's
    // error comes first.
    let (loaded, docs) = rayon::join(
        || {
            termbase::load(&termbases).map(|loaded| {
                let matcher = TermMatcher::new(&loaded.termbase);
                let langs: Vec<Lang> = req.lang.iter().chain(&req.source_lang).cloned().collect();
                matcher.prepare(&langs);
                (loaded, matcher)
            })
        },
        || -> alinea::Result<Vec<Doc>> {
            let mut docs: Vec<Doc> = Vec::new();
            for f in &args.files {
                docs.extend(lint::read(f, &req)?);
            }
            Ok(docs)
        },
    );
    let (loaded, matcher) = loaded?;
    report::diagnostics(&loaded.diagnostics);
    let tb = loaded.termbase;
    if tb.concepts.is_empty() {
        return Err(Error::Input {
            path: termbases.first().cloned().unwrap_or_default(),
            message: "the termbase has no concept: nothing to check terms against".into(),
        }
        .into());
    }
    let docs = docs?;
    // The languages of the drafts and sources, keyed now if no option named them.
    let langs: Vec<Lang> = docs
        .iter()
        .flat_map(|d| std::iter::once(d.lang.clone()).chain(d.source_lang.clone()))
        .collect();
    matcher.prepare(&langs);
    let cx = lint::Context {
        termbase: &tb,
        matcher: &matcher,
        config: &config,
    };
    let mut findings = lint::lint_docs(&docs, &cx);
    if let Some(p) = &args.write_baseline {
        alinea::io::write_atomic(p, lint::baseline::render(&findings).as_bytes())?;
        report::status(&format!(
            "wrote {} ({} findings accepted)",
            p.display(),
            findings.len()
        ));
    }
    let mut baselined = 0;
    if let Some(p) = &args.baseline {
        let (kept, n) = Baseline::read(p)?.filter(findings);
        findings = kept;
        baselined = n;
    }
    let summary = Summary::of(&docs, &findings, baselined);
    if args.fix {
        let lint::fix::Plan { changes, unwritten } = lint::fix::plan(&docs, &findings);
        lint::fix::write(&changes)?;
        let mut out = String::new();
        for c in &changes {
            for a in &c.applied {
                out.push_str(&format!("fixed {}:{a}\n", c.path.display()));
            }
        }
        let n: usize = changes.iter().map(|c| c.applied.len()).sum();
        out.push_str(&format!(
            "{n} fix{} applied in {} file{}\n",
            if n == 1 { "" } else { "es" },
            changes.len(),
            if changes.len() == 1 { "" } else { "s" }
        ));
        for u in &unwritten {
            out.push_str(&format!(
                "not fixed {}: a {} file is read, not written ({} fix{} left; alinea writes fixes to text, Markdown and TMX files)\n",
                u.path.display(),
                u.format,
                u.fixes,
                if u.fixes == 1 { "" } else { "es" }
            ));
        }
        super::write_stdout(out.as_bytes())?;
        // What is left after the fixes: the findings whose fixes were not applied too.
        let applied: std::collections::HashSet<usize> = changes
            .iter()
            .flat_map(|c| c.findings.iter().copied())
            .collect();
        findings = findings
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !applied.contains(i))
            .map(|(_, d)| d)
            .collect();
    }
    match args.format {
        FormatArg::Human => {
            let mut sources = Sources::default();
            for d in &docs {
                if let Some(t) = &d.text {
                    sources.insert(d.path.clone(), t.clone());
                }
            }
            if !args.fix {
                let mut out = diag::human::render(&findings, &sources, Default::default());
                out.push_str(&format!(
                    "{} file{}, {} units: {} errors, {} warnings, {} notes{}\n",
                    summary.files,
                    if summary.files == 1 { "" } else { "s" },
                    summary.units,
                    summary.errors,
                    summary.warnings,
                    summary.notes,
                    if baselined > 0 {
                        format!(" ({baselined} accepted by the baseline)")
                    } else {
                        String::new()
                    }
                ));
                super::write_stdout(out.as_bytes())?;
            }
        }
        FormatArg::Json => {
            let s = serde_json::to_value(&summary)?;
            super::write_stdout(diag::json::render_findings(&findings, s).as_bytes())?;
        }
        FormatArg::Sarif => {
            let log = diag::sarif::log_with_rules(
                &findings,
                env!("CARGO_PKG_VERSION"),
                &lint::rules::sarif_meta(),
            );
            let mut s = serde_json::to_string_pretty(&log)?;
            s.push('\n');
            super::write_stdout(s.as_bytes())?;
        }
    }
    let errors = findings.iter().any(|d| d.severity == Severity::Error);
    // The process ends with this command: the drafts, their units and the termbase's index
    // are left to the system rather than handed back to the allocator block by block, which
    // took one thread a twentieth of the run on a large draft.
    std::mem::forget((docs, tb, matcher, findings));
    Ok(if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
