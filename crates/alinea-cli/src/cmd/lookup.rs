//! `alinea lookup`: find a term in one or more termbases and print the whole concept in every
//! language, optionally with a bilingual concordance from translation memories.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use alinea::termbase::answer::answer;
use alinea::termbase::concordance::{Line, Memory};
use alinea::termbase::{self, Concept, Hit, Index, Query, Term, TermType};
use alinea::{Error, Lang};
use anyhow::Context;

use super::report;

#[derive(clap::Args)]
pub struct Args {
    /// The term to look up, in any language (not empty; give none with --batch).
    #[arg(required_unless_present = "batch")]
    query: Option<String>,
    /// Language of the query: fr, en, ar … or auto (Arabic terms for Arabic script, the
    /// others otherwise).
    #[arg(long, default_value = "auto")]
    lang: String,
    /// Termbase to search (.toml .tbx .csv .tsv .json; `-`: standard input, format told by
    /// its content); repeat for several (a file given twice is read once; a concept id
    /// defined in two files is an error). Default:
    /// glossary/concepts.toml of the current folder, else the glossary built into alinea.
    #[arg(long = "termbase", value_name = "PATH")]
    termbases: Vec<PathBuf>,
    /// Translation memory (TMX) for a bilingual concordance; repeat for several. The
    /// memories are read and indexed once, for every query. A query that matches no concept
    /// gets the concordance of the phrase itself (exit 0 if it occurs).
    #[arg(long = "tm", value_name = "TMX")]
    tms: Vec<PathBuf>,
    /// Output format: text for people, json for programs (one object per query).
    #[arg(long, value_enum, default_value_t = OutFormat::Text)]
    format: OutFormat,
    /// At most this many concepts per query (and concordance lines per concept); at least 1.
    #[arg(long, default_value_t = 5)]
    limit: usize,
    /// Read queries from standard input, one per line (empty lines are skipped); exit 0
    /// whether or not they match.
    #[arg(long, conflicts_with = "query")]
    batch: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutFormat {
    /// The concept in every language, one block per hit.
    Text,
    /// One JSON object per query: the query and its hits.
    Json,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let lang = match args.lang.as_str() {
        "auto" => None,
        code => Some(termbase::parse_lang(code).map_err(|m| Error::Usage(format!("--lang: {m}")))?),
    };
    if args.limit == 0 {
        return Err(Error::Usage("--limit must be at least 1".into()).into());
    }
    if !args.batch && args.query.as_deref().unwrap_or_default().trim().is_empty() {
        return Err(Error::Usage("empty query: give a term to look up".into()).into());
    }
    let loaded = termbase::load(&args.termbases)?;
    report::diagnostics(&loaded.diagnostics);
    let tb = loaded.termbase;
    // The memories are read once and indexed, for every query.
    let mut memory = Memory::new();
    for p in &args.tms {
        memory.add_file(p, Default::default())?;
    }
    let index = Index::new(tb);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let respond = |query: &str, out: &mut dyn Write| -> anyhow::Result<bool> {
        let a = answer(
            &index,
            &memory,
            &Query {
                text: query,
                lang: lang.clone(),
                limit: args.limit,
            },
        );
        match args.format {
            OutFormat::Json => {
                let json = if args.batch {
                    serde_json::to_string(&a)?
                } else {
                    serde_json::to_string_pretty(&a)?
                };
                writeln!(out, "{json}")?;
            }
            OutFormat::Text => {
                if args.batch {
                    writeln!(out, "## {}", shown(query))?;
                }
                if a.hits.is_empty() {
                    writeln!(out, "no match for {query:?}")?;
                    if !a.concordance.is_empty() {
                        writeln!(out, "concordance of {query:?}:")?;
                        print_lines(out, &a.concordance, "  ")?;
                    }
                }
                for (i, h) in a.hits.iter().enumerate() {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    print_hit(out, h.concept, &h.hit, &h.concordance)?;
                }
                if args.batch {
                    writeln!(out)?;
                }
            }
        }
        Ok(a.found())
    };
    if args.batch {
        for line in std::io::stdin().lock().lines() {
            let line = line.context("reading queries from standard input")?;
            let q = line.trim();
            if !q.is_empty() {
                respond(q, &mut out)?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let query = args.query.as_deref().unwrap_or_default();
    let found = respond(query, &mut out)?;
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `s` safe to print on a terminal: control characters (C0 but the line feed, DEL, C1: an
/// escape sequence, a carriage return that overwrites the line …) written as `\u{1b}`.
fn shown(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && c != '\n') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() && c != '\n' {
            write!(out, "\\u{{{:x}}}", c as u32).expect("writing to a String");
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn term_line(c: &Concept, t: &Term) -> String {
    let mut parts = vec![shown(&t.text).into_owned()];
    if let Some(s) = t.status {
        parts.push(s.as_str().to_string());
    }
    match (t.term_type, &t.expands) {
        (Some(tt), Some(full)) => parts.push(format!("{} of {full:?}", tt.as_str())),
        (Some(tt), None) => parts.push(tt.as_str().to_string()),
        (None, Some(full)) => parts.push(format!("short for {full:?}")),
        (None, None) => {}
    }
    if let Some(p) = t.pos {
        parts.push(p.as_str().to_string());
    }
    if let Some(g) = t.gender {
        parts.push(g.as_str().to_string());
    }
    let short: Vec<Cow<str>> = c
        .terms
        .iter()
        .filter(|u| u.lang == t.lang && u.expands.as_deref() == Some(t.text.as_str()))
        .filter(|u| {
            matches!(
                u.term_type,
                Some(TermType::Acronym | TermType::Abbreviation) | None
            )
        })
        .map(|u| shown(&u.text))
        .collect();
    if !short.is_empty() {
        parts.push(format!("abbreviated {}", short.join(", ")));
    }
    parts.join(" · ")
}

fn highlight(text: &str, spans: &[std::ops::Range<usize>]) -> String {
    let mut s = String::new();
    let mut at = 0;
    for r in spans {
        s.push_str(&text[at..r.start]);
        s.push_str("[[");
        s.push_str(&text[r.clone()]);
        s.push_str("]]");
        at = r.end;
    }
    s.push_str(&text[at..]);
    s
}

fn print_hit(out: &mut dyn Write, c: &Concept, h: &Hit, lines: &[Line]) -> anyhow::Result<()> {
    let m = &c.terms[h.term];
    let distance = h
        .distance
        .map(|d| format!(", distance {d}"))
        .unwrap_or_default();
    writeln!(
        out,
        "{}  ({} match {:.2}{distance}: {} {:?})",
        shown(&c.id),
        h.class.as_str(),
        h.score,
        m.lang,
        m.text
    )?;
    if let Some(s) = &c.subject {
        writeln!(out, "  subject: {}", shown(s))?;
    }
    for lang in c.langs() {
        let mut first = true;
        for t in c.terms.iter().filter(|t| t.lang == lang) {
            let tag = if first { lang.code() } else { "" };
            writeln!(out, "  {tag:<3} {}", term_line(c, t))?;
            first = false;
            if let Some(ctx) = &t.context {
                let src = t
                    .context_source
                    .as_deref()
                    .map(|s| format!(" ({})", shown(s)))
                    .unwrap_or_default();
                writeln!(out, "      context: {}{src}", shown(ctx))?;
            }
            for n in &t.notes {
                writeln!(out, "      note: {}", shown(n))?;
            }
        }
        if first {
            writeln!(out, "  {:<3} —", lang.code())?;
        }
        if let Some(d) = c.definition(&lang) {
            writeln!(out, "      definition: {}", shown(d))?;
        }
    }
    for n in &c.notes {
        writeln!(out, "  note: {}", shown(n))?;
    }
    if !c.related.is_empty() {
        writeln!(out, "  related: {}", shown(&c.related.join(", ")))?;
    }
    if !c.sources.is_empty() {
        writeln!(out, "  sources: {}", shown(&c.sources.join(", ")))?;
    }
    if !lines.is_empty() {
        writeln!(out, "  concordance:")?;
        print_lines(out, lines, "    ")?;
    }
    Ok(())
}

/// Concordance lines: where each unit is (document, unit), then its variants, terms marked.
fn print_lines(out: &mut dyn Write, lines: &[Line], indent: &str) -> anyhow::Result<()> {
    for l in lines {
        writeln!(out, "{indent}{}", shown(&l.place()))?;
        for v in &l.variants {
            let lang = v
                .lang
                .parse::<Lang>()
                .map(|l| l.to_string())
                .unwrap_or(v.lang.clone());
            writeln!(
                out,
                "{indent}  {lang:<3} {}",
                shown(&highlight(&v.text, &v.spans))
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn control_characters_are_escaped_for_the_terminal() {
        assert_eq!(
            shown("a\u{1b}[31mb\rc\u{9b}d\te"),
            "a\\u{1b}[31mb\\u{d}c\\u{9b}d\\u{9}e"
        );
        assert_eq!(shown("ligne\nسطر"), "ligne\nسطر");
    }
}
