//! Writing a termbase as CSV or TSV: the header and rows ([`write()`]), and the count of what
//! those formats leave out or change ([`not_carried`]).

use super::terms_column;
use crate::termbase::model::{lang_rank, Gender, Pos, Status, Term, TermType, Termbase};
use crate::{Error, Lang, Result};

fn join(v: impl IntoIterator<Item = String>) -> String {
    let items: Vec<String> = v.into_iter().collect();
    if items.iter().all(|s| s.is_empty()) {
        return String::new();
    }
    items.join(" | ")
}

/// Whether a value holds a synonym separator (`;` or `|`): read back, it would be split.
fn splits(s: &str) -> bool {
    s.contains([';', '|'])
}

/// Whether a value holds what a TSV field cannot (a tab or a line break; written as spaces).
fn tsv_unsafe(s: &str) -> bool {
    s.contains(['\t', '\n', '\r'])
}

/// What writing `tb` as CSV (`,`) or TSV (tab) leaves out or changes: one count per kind, the
/// counts of what is left out first.
pub(crate) fn not_carried(tb: &Termbase, delimiter: u8) -> Vec<(&'static str, usize)> {
    let mut counts: Vec<(&'static str, usize)> = vec![
        ("term contexts", 0),
        ("term notes", 0),
        ("acronym and abbreviation links (expands)", 0),
        ("term sources", 0),
        ("transactions", 0),
        ("external links", 0),
        ("language notes", 0),
        ("definition sources", 0),
        (
            "terms, sources or related ids holding ; or | (read back as several)",
            0,
        ),
        (
            "values holding a tab or a line break (written with spaces)",
            0,
        ),
    ];
    let mut add = |i: usize, n: usize| counts[i].1 += n;
    for c in &tb.concepts {
        add(4, c.transactions.len());
        add(5, c.links.len());
        for l in &c.languages {
            add(6, l.notes.len());
            add(7, usize::from(l.definition_source.is_some()));
        }
        add(
            8,
            c.sources
                .iter()
                .chain(&c.related)
                .filter(|s| splits(s))
                .count(),
        );
        for t in &c.terms {
            add(
                0,
                usize::from(t.context.is_some() || t.context_source.is_some()),
            );
            add(1, t.notes.len());
            add(2, usize::from(t.expands.is_some()));
            add(3, usize::from(t.source.is_some()));
            add(4, t.transactions.len());
            add(8, usize::from(splits(&t.text)));
        }
        if delimiter == b'\t' {
            let values = std::iter::once(&c.id)
                .chain(&c.subject)
                .chain(&c.notes)
                .chain(&c.sources)
                .chain(&c.related)
                .chain(c.languages.iter().filter_map(|l| l.definition.as_ref()))
                .chain(c.terms.iter().map(|t| &t.text));
            add(9, values.filter(|v| tsv_unsafe(v)).count());
        }
    }
    counts.retain(|&(_, n)| n > 0);
    counts
}

/// The termbase as CSV (`,`) or TSV (tab; no quoting: a tab or a line break in a value is
/// written as a space).
pub(crate) fn write(tb: &Termbase, delimiter: u8) -> Result<String> {
    let mut langs: Vec<Lang> = Vec::new();
    let mut def_langs: Vec<Lang> = Vec::new();
    for c in &tb.concepts {
        for l in c.langs() {
            if !langs.contains(&l) {
                langs.push(l);
            }
        }
        for l in c.languages.iter().filter(|l| l.definition.is_some()) {
            if !def_langs.contains(&l.lang) {
                def_langs.push(l.lang.clone());
            }
        }
    }
    langs.sort_by_key(lang_rank);
    def_langs.sort_by_key(lang_rank);
    let mut header = vec!["id".to_string(), "subject".to_string()];
    for l in &langs {
        let c = l.code();
        header.extend([
            terms_column(l),
            format!("{c}_status"),
            format!("{c}_type"),
            format!("{c}_pos"),
            format!("{c}_gender"),
        ]);
    }
    header.extend(def_langs.iter().map(|l| format!("definition_{}", l.code())));
    // One `note` column per note of the concept that has most (several note columns add up
    // on reading), so that notes holding ` | ` or `;` come back as they were.
    let note_columns = tb
        .concepts
        .iter()
        .map(|c| c.notes.len())
        .max()
        .unwrap_or(0)
        .max(1);
    header.extend(["sources".to_string(), "related".to_string()]);
    header.extend(std::iter::repeat_n("note".to_string(), note_columns));
    let tsv = delimiter == b'\t';
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .quote_style(if tsv {
            ::csv::QuoteStyle::Never
        } else {
            ::csv::QuoteStyle::Necessary
        })
        .from_writer(Vec::new());
    let io = |e: ::csv::Error| Error::Encode(format!("writing CSV: {e}"));
    w.write_record(&header).map_err(io)?;
    for c in &tb.concepts {
        let mut row = vec![c.id.clone(), c.subject.clone().unwrap_or_default()];
        for l in &langs {
            let terms: Vec<&Term> = c.terms.iter().filter(|t| &t.lang == l).collect();
            row.push(join(terms.iter().map(|t| t.text.clone())));
            row.push(join(
                terms
                    .iter()
                    .map(|t| t.status.map_or("", Status::as_str).to_string()),
            ));
            row.push(join(
                terms
                    .iter()
                    .map(|t| t.term_type.map_or("", TermType::as_str).to_string()),
            ));
            row.push(join(
                terms
                    .iter()
                    .map(|t| t.pos.map_or("", Pos::as_str).to_string()),
            ));
            row.push(join(
                terms
                    .iter()
                    .map(|t| t.gender.map_or("", Gender::as_str).to_string()),
            ));
        }
        for l in &def_langs {
            row.push(c.definition(l).unwrap_or("").to_string());
        }
        row.push(join(c.sources.iter().cloned()));
        row.push(join(c.related.iter().cloned()));
        for k in 0..note_columns {
            row.push(c.notes.get(k).cloned().unwrap_or_default());
        }
        if tsv {
            for v in row.iter_mut().filter(|v| tsv_unsafe(v)) {
                *v = v.replace(['\t', '\n', '\r'], " ");
            }
        }
        w.write_record(&row).map_err(io)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::Encode(format!("writing CSV: {e}")))?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8"))
}
