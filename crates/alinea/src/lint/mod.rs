//! Linting drafts against a termbase: monolingual checks (deprecated terms, variants,
//! acronyms, typography, invisible characters) and, when each unit has its aligned source,
//! bilingual ones (missing or untranslated term equivalents, inconsistent renderings,
//! numbers, missing and untranslated units, repeated segments translated two ways).
//!
//! - `input`: the one place units are acquired (text and Markdown paragraphs, `lines`, TMX,
//!   documents aligned with their source) → [`Doc`]s.
//! - `rules`: the rule table (ids, default severities, help).
//! - `terms`: `term/*` and `acronym/*`; `structure`: `structure/*`, `consistency/segment`
//!   and `number/mismatch`; [`numbers`] and [`typography`]: pure functions over a text and
//!   its language.
//! - `config` (`alinea.toml`), `baseline` (accepted findings by fingerprint), `fix` (the
//!   safe fixes applied to files).
//!
//! Findings are [`Diagnostic`]s with the rule id as code and [`crate::diag::Details`]
//! (concept, expected, found, source, fix, fingerprint); they are rendered by [`crate::diag`].

pub mod baseline;
pub mod config;
pub mod fix;
pub mod input;
pub mod numbers;
pub mod rules;
mod structure;
mod terms;
pub mod typography;

use rayon::prelude::*;
use std::ops::Range;
use std::path::PathBuf;

use crate::diag::{Details, Diagnostic, Fix, Location, SourceRef};
use crate::input::lines::{line_starts, position_in};
use crate::termbase::{TermMatcher, Termbase};
use crate::Lang;

pub use config::Config;
pub use input::{read, Contents, Request};

/// The source of a translated unit.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceUnit {
    pub path: PathBuf,
    /// 1-based line of its first character.
    pub line: usize,
    pub lang: Lang,
    pub text: String,
    /// Where it stands in a structured original, as [`Unit::place`].
    pub place: Option<Box<str>>,
}

/// One unit of a draft.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// A name for the unit: its paragraph number, line number or TMX unit id.
    pub id: String,
    /// The text, as it stands in the file when [`Unit::offset`] is known. Empty for a source
    /// unit the draft lacks.
    pub text: String,
    /// The byte offset of the text in its file's text ([`Doc::text`]), when the text is a
    /// slice of it (positions are then exact and fixes can be applied).
    pub offset: Option<usize>,
    /// For a text that is not a slice of its file but whose characters were found in it one
    /// by one (a TMX segment with entities or inline codes): (byte in the text, byte in the
    /// file) at every character and at the end, so that findings are placed exactly (fixes
    /// need [`Unit::offset`]). Empty otherwise.
    pub places: Vec<(usize, usize)>,
    /// 1-based line and column (in characters) of the text's first character.
    pub line: usize,
    pub column: usize,
    /// Where the unit stands in a structured original (`paragraph 12`, `footnote 3` of a Word
    /// file), whose lines are the reading's, not the user's.
    pub place: Option<Box<str>>,
    pub source: Option<SourceUnit>,
}

/// A draft read into units, in one language.
#[derive(Clone, Debug)]
pub struct Doc {
    pub path: PathBuf,
    pub lang: Lang,
    /// The language of the aligned source, when there is one.
    pub source_lang: Option<Lang>,
    /// The file's decoded text, when the units' offsets point into it.
    pub text: Option<String>,
    /// When that text is not the file itself but what alinea reads of it (a Word,
    /// OpenDocument, HTML, PDF or XLIFF file), the format's name: fixes are not written to it.
    pub read_only: Option<&'static str>,
    pub units: Vec<Unit>,
    /// What reading and aligning noticed.
    pub diagnostics: Vec<Diagnostic>,
}

/// What the rules share: the termbase and its matcher, the settings.
pub struct Context<'a> {
    pub termbase: &'a Termbase,
    pub matcher: &'a TermMatcher,
    pub config: &'a Config,
}

/// A finding as a rule makes it: in a unit, with a byte range of the unit's text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Hit {
    pub rule: &'static str,
    pub unit: usize,
    pub span: Range<usize>,
    pub message: String,
    pub details: Details,
    /// (replacement, description) of the span.
    pub fix: Option<(String, String)>,
}

/// Counts of a lint run.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub units: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    /// Findings left out because the baseline accepts them.
    pub baselined: usize,
}

impl Summary {
    /// The counts of `findings` over `docs`.
    pub fn of(docs: &[Doc], findings: &[Diagnostic], baselined: usize) -> Summary {
        use crate::diag::Severity::*;
        let count = |s| findings.iter().filter(|d| d.severity == s).count();
        Summary {
            files: {
                let mut p: Vec<&PathBuf> = docs.iter().map(|d| &d.path).collect();
                p.dedup();
                p.len()
            },
            units: docs.iter().map(|d| d.units.len()).sum(),
            findings: findings.len(),
            errors: count(Error),
            warnings: count(Warning),
            notes: count(Note),
            baselined,
        }
    }
}

/// Lints documents: per document, a `lint/no-termbase-language` warning when the termbase
/// has no term in its language (terms are then not checked), then [`lint_doc`]'s findings.
pub fn lint_docs(docs: &[Doc], cx: &Context) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    for d in docs {
        if !cx.matcher.langs().any(|l| l == &d.lang) {
            findings.push(
                Diagnostic::warning(
                    "lint/no-termbase-language",
                    format!("the termbase has no {} term: terms are not checked", d.lang),
                )
                .at_path(d.path.clone()),
            );
        }
        findings.extend(lint_doc(d, cx));
    }
    findings
}

/// Lints one document: every rule the settings leave on; findings in text order.
pub fn lint_doc(doc: &Doc, cx: &Context) -> Vec<Diagnostic> {
    let mut hits: Vec<Hit> = Vec::new();
    let on = |id: &str| cx.config.severity(id).is_some();
    if on("term/deprecated")
        || on("term/variant")
        || on("acronym/undefined")
        || on("term/missing-equivalent")
    {
        terms::check(doc, cx, &mut hits);
    }
    structure::check(doc, cx, &mut hits);
    let typography: Vec<Vec<typography::Issue>> = doc
        .units
        .par_iter()
        .map(|unit| typography::check(&unit.text, &doc.lang))
        .collect();
    for (u, issues) in typography.into_iter().enumerate() {
        hits.extend(issues.into_iter().map(|i| from_issue(u, i)));
    }
    let texts: Vec<&str> = doc.units.iter().map(|u| u.text.as_str()).collect();
    for (u, i) in typography::quotes(&texts, &doc.lang) {
        hits.push(from_issue(u, i));
    }
    let index = doc.text.as_deref().map(Lines::new);
    let mut out: Vec<(usize, usize, Diagnostic)> = hits
        .into_iter()
        .filter_map(|h| {
            let severity = cx.config.severity(h.rule)?;
            let unit = &doc.units[h.unit];
            let d = finding(doc, unit, index.as_ref(), h, severity);
            Some((
                d.location.as_ref().map_or(0, |l| l.line),
                d.location.as_ref().map_or(0, |l| l.column),
                d,
            ))
        })
        .collect();
    out.sort_by(|a, b| (a.0, a.1, a.2.code).cmp(&(b.0, b.1, b.2.code)));
    let mut diags: Vec<Diagnostic> = doc
        .diagnostics
        .iter()
        .filter(|d| cx.config.severity(d.code).is_some() || rules::get(d.code).is_none())
        .cloned()
        .collect();
    diags.extend(out.into_iter().map(|(_, _, d)| d));
    diags
}

fn from_issue(unit: usize, i: typography::Issue) -> Hit {
    let found = None;
    Hit {
        rule: i.rule,
        unit,
        span: i.span,
        message: i.message,
        details: Details {
            found,
            ..Details::default()
        },
        fix: i.fix.map(|f| {
            let d = if f.is_empty() {
                "delete the character".to_string()
            } else {
                format!("replace with {}", describe(&f))
            };
            (f, d)
        }),
    }
}

/// A replacement text, told with its invisible characters named.
fn describe(s: &str) -> String {
    let mut out = String::from("«");
    for c in s.chars() {
        match c {
            '\u{00A0}' => out.push_str("<U+00A0>"),
            '\u{202F}' => out.push_str("<U+202F>"),
            c => out.push(c),
        }
    }
    out.push('»');
    out
}

/// 64-bit FNV-1a, stable across builds and platforms (fingerprints are stored in files).
fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0xff)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// A document's text and where its lines start, for the places of findings (the text
/// borrowed, not copied).
struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        Lines {
            text,
            starts: line_starts(text),
        }
    }

    /// Line and column (1-based, column in characters) of byte `at`.
    fn position(&self, at: usize) -> (usize, usize) {
        position_in(self.text, &self.starts, at)
    }
}

fn finding(
    doc: &Doc,
    unit: &Unit,
    index: Option<&Lines>,
    h: Hit,
    severity: crate::diag::Severity,
) -> Diagnostic {
    let span = h.span.start.min(unit.text.len())..h.span.end.min(unit.text.len());
    // Where a byte of the text stands in the file: by its offset, or its placed characters.
    let in_file = |at: usize| -> Option<usize> {
        match unit.offset {
            Some(off) => Some(off + at),
            None => {
                let k = unit.places.partition_point(|&(t, _)| t < at);
                unit.places.get(k).filter(|p| p.0 == at).map(|p| p.1)
            }
        }
    };
    let location = match (in_file(span.start).zip(in_file(span.end)), index) {
        (Some((start, end)), Some(ix)) => {
            let (line, column) = ix.position(start);
            let (end_line, end_column) = ix.position(end);
            Location {
                line,
                column,
                end_line,
                end_column,
                bytes: Some(start..end),
            }
        }
        _ => {
            // Positions inside a unit whose text is neither a slice of the file nor placed
            // in it: the unit's place, counted on as if the unit were written on one line.
            let before = unit.text[..span.start].chars().count();
            let len = unit.text[span.clone()].chars().count();
            Location {
                line: unit.line,
                column: unit.column + before,
                end_line: unit.line,
                end_column: unit.column + before + len,
                bytes: None,
            }
        }
    };
    let found_text = &unit.text[span.clone()];
    let mut details = h.details;
    let whole_unit = matches!(
        h.rule,
        "structure/missing" | "term/missing-equivalent" | "number/mismatch"
    );
    if details.found.is_none() && !found_text.is_empty() && !whole_unit {
        details.found = Some(found_text.to_string());
    }
    if details.source.is_none() {
        details.source = unit.source.as_ref().map(|s| SourceRef {
            path: s.path.clone(),
            line: s.line,
            place: s.place.as_deref().map(String::from),
        });
    }
    details.place = unit.place.as_deref().map(String::from);
    let rule = rules::get(h.rule);
    let fix = h.fix.filter(|_| unit.offset.is_some());
    let help = match (&fix, rule) {
        (Some((_, d)), _) => Some(format!("fix: {d}")),
        (None, Some(r)) if !details.expected.is_empty() => {
            Some(format!("expected: {}", details.expected.join(" | "))).or(Some(r.help.to_string()))
        }
        (None, Some(r)) => Some(r.help.to_string()),
        (None, None) => None,
    };
    details.fix = fix.map(|(replacement, description)| Fix {
        replacement,
        description,
    });
    // Stable across edits elsewhere: the rule, the file's name, the unit's text and what was
    // found, not the line.
    let name = doc
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let src = unit.source.as_ref().map_or("", |s| s.text.as_str());
    details.fingerprint = Some(format!(
        "{:016x}",
        fnv(&[h.rule, &name, &unit.text, src, found_text, &h.message])
    ));
    let mut d = Diagnostic::new(h.rule, severity, h.message)
        .at_path(doc.path.clone())
        .at(location)
        .with_details(details);
    d.help = help;
    d
}

/// Lints every document with the termbase `tb` and `config`.
pub fn lint(docs: &[Doc], tb: &Termbase, config: &Config) -> Vec<Diagnostic> {
    let matcher = TermMatcher::new(tb);
    let cx = Context {
        termbase: tb,
        matcher: &matcher,
        config,
    };
    docs.iter().flat_map(|d| lint_doc(d, &cx)).collect()
}

#[cfg(test)]
mod tests;
