//! CSV and TSV termbases: one concept per row, a header row of language codes (`fr`, `en`,
//! `ar` …), several synonyms per cell separated by `;` or `|`, and optional columns: `id`,
//! `subject`, `sources`, `related`, `note`, `definition_<lang>`, and per language
//! `<lang>_status`, `<lang>_type`, `<lang>_pos`, `<lang>_gender` (one value per synonym, same
//! separators). Transactions, links, contexts and language notes are not carried.

use std::path::Path;

use rayon::prelude::*;

use crate::termbase::model::{lang_rank, Concept, Gender, Pos, Status, Term, TermType, Termbase};
use crate::termbase::validate::parse_lang;
use crate::termbase::{ConceptPos, Positions};
use crate::{Error, Lang, Result};

#[derive(Clone, Debug, PartialEq)]
enum Col {
    Id,
    Subject,
    Sources,
    Related,
    Note,
    Terms(Lang),
    Status(Lang),
    Type(Lang),
    Pos(Lang),
    Gender(Lang),
    Definition(Lang),
}

fn column(name: &str) -> std::result::Result<Col, String> {
    let n = name.trim().to_ascii_lowercase();
    Ok(match n.as_str() {
        "id" | "concept" | "concept_id" => Col::Id,
        "subject" | "subject_field" | "domain" => Col::Subject,
        "sources" | "source" => Col::Sources,
        "related" => Col::Related,
        "note" | "notes" => Col::Note,
        _ => {
            if let Some(l) = n.strip_prefix("definition_") {
                return parse_lang(l).map(Col::Definition);
            }
            if let Some((l, what)) = n.split_once('_') {
                let make: Option<fn(Lang) -> Col> = match what {
                    "status" => Some(Col::Status),
                    "type" => Some(Col::Type),
                    "pos" => Some(Col::Pos),
                    "gender" => Some(Col::Gender),
                    "definition" => Some(Col::Definition),
                    _ => None,
                };
                if let Some(make) = make {
                    return parse_lang(l).map(make);
                }
            }
            match parse_lang(&n) {
                Ok(l) => Col::Terms(l),
                Err(_) => {
                    return Err(format!(
                        "unknown column or language code {:?} in the header",
                        name.trim()
                    ))
                }
            }
        }
    })
}

fn split(cell: &str) -> Vec<String> {
    cell.split([';', '|'])
        .map(|s| s.trim().to_string())
        .collect()
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

pub(crate) fn read(text: &str, delimiter: u8, path: &Path) -> Result<(Termbase, Positions)> {
    let syntax = |line: usize, column: usize, message: String| Error::Parse {
        path: path.into(),
        line,
        column,
        message,
    };
    let mut rdr = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let csv_err = |e: ::csv::Error| {
        let line = e.position().map_or(1, |p| p.line() as usize);
        syntax(line, 1, e.to_string())
    };
    let header = rdr.headers().map_err(csv_err)?.clone();
    let mut cols = Vec::new();
    let mut col_at = 1;
    for h in header.iter() {
        cols.push(column(h).map_err(|m| syntax(1, col_at, m))?);
        col_at += h.chars().count() + 1;
    }
    if !cols.iter().any(|c| matches!(c, Col::Terms(_))) {
        return Err(syntax(
            1,
            1,
            "the header has no language column (expected codes such as fr, en, ar)".into(),
        ));
    }
    // The records are split serially, the concepts built on every thread, the ids given in
    // order; the first error in file order wins, as in a serial read.
    let mut rows: Vec<(usize, ::csv::ByteRecord)> = Vec::new();
    let mut read_err = None;
    // One record read into, then copied at its size: fewer and smaller allocations than a
    // fresh record per row.
    let mut rec = ::csv::ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => rows.push((rec.position().map_or(0, |p| p.line() as usize), rec.clone())),
            Ok(false) => break,
            Err(e) => {
                read_err = Some(csv_err(e));
                break;
            }
        }
    }
    let lines: Vec<usize> = rows.iter().map(|r| r.0).collect();
    let built: Vec<Result<Option<Concept>>> = rows
        .into_par_iter()
        .map(|(line, rec)| row(&cols, line, rec, &syntax))
        .collect();
    let mut tb = Termbase::default();
    let mut pos = Positions::default();
    let mut ids: rustc_hash::FxHashSet<String> = Default::default();
    for (b, line) in built.into_iter().zip(lines) {
        let Some(mut c) = b? else { continue };
        if c.id.is_empty() {
            let base = c
                .terms
                .iter()
                .find(|t| t.lang == Lang::En)
                .or(c.terms.first())
                .map(|t| slug(&t.text))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| format!("row-{line}"));
            let mut id = base.clone();
            let mut n = 2;
            while ids.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            c.id = id;
        }
        ids.insert(c.id.clone());
        pos.concepts.push(ConceptPos {
            at: (line, 1),
            terms: vec![(line, 1); c.terms.len()],
        });
        tb.concepts.push(c);
    }
    match read_err {
        Some(e) => Err(e),
        None => Ok((tb, pos)),
    }
}

/// The concept of one record (`None` for a blank one), its id still to be given.
fn row(
    cols: &[Col],
    line: usize,
    rec: ::csv::ByteRecord,
    syntax: &(impl Fn(usize, usize, String) -> Error + Sync),
) -> Result<Option<Concept>> {
    // The fields of a `str` split at ASCII delimiters and unquoted are UTF-8.
    let rec =
        ::csv::StringRecord::from_byte_record(rec).map_err(|e| syntax(line, 1, e.to_string()))?;
    if rec.iter().all(|f| f.trim().is_empty()) {
        return Ok(None);
    }
    let mut c = Concept::default();
    // Per-language attribute lists, applied once the terms are known.
    let mut attrs: Vec<(Col, Vec<String>)> = Vec::new();
    for (col, cell) in cols.iter().zip(rec.iter()) {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        match col {
            Col::Id => c.id = cell.to_string(),
            Col::Subject => c.subject = Some(cell.to_string()),
            Col::Sources => c.sources = split(cell).into_iter().filter(|s| !s.is_empty()).collect(),
            Col::Related => c.related = split(cell).into_iter().filter(|s| !s.is_empty()).collect(),
            Col::Note => c.notes.push(cell.to_string()),
            Col::Definition(l) => c.lang_info_mut(l).definition = Some(cell.to_string()),
            Col::Terms(l) => {
                for t in split(cell).into_iter().filter(|s| !s.is_empty()) {
                    c.terms.push(Term::new(l.clone(), t));
                }
            }
            other => attrs.push((other.clone(), split(cell))),
        }
    }
    for (col, values) in attrs {
        let (lang, what) = match &col {
            Col::Status(l) => (l, "status"),
            Col::Type(l) => (l, "type"),
            Col::Pos(l) => (l, "pos"),
            Col::Gender(l) => (l, "gender"),
            _ => unreachable!("only per-term attributes are deferred"),
        };
        let terms: Vec<&mut Term> = c.terms.iter_mut().filter(|t| &t.lang == lang).collect();
        for (t, v) in terms.into_iter().zip(values) {
            if v.is_empty() {
                continue;
            }
            let bad = |expected: String| {
                syntax(
                    line,
                    1,
                    format!("unknown {what} {v:?} (expected one of: {expected})"),
                )
            };
            match col {
                Col::Status(_) => {
                    t.status = Some(Status::parse(&v).ok_or_else(|| bad(Status::expected()))?)
                }
                Col::Type(_) => {
                    t.term_type =
                        Some(TermType::parse(&v).ok_or_else(|| bad(TermType::expected()))?)
                }
                Col::Pos(_) => t.pos = Some(Pos::parse(&v).ok_or_else(|| bad(Pos::expected()))?),
                Col::Gender(_) => {
                    t.gender = Some(Gender::parse(&v).ok_or_else(|| bad(Gender::expected()))?)
                }
                _ => {}
            }
        }
    }
    Ok(Some(c))
}

fn join(v: impl IntoIterator<Item = String>) -> String {
    let items: Vec<String> = v.into_iter().collect();
    if items.iter().all(|s| s.is_empty()) {
        return String::new();
    }
    items.join(" | ")
}

/// The termbase as CSV (`,`) or TSV (tab).
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
            c.to_string(),
            format!("{c}_status"),
            format!("{c}_type"),
            format!("{c}_pos"),
            format!("{c}_gender"),
        ]);
    }
    header.extend(def_langs.iter().map(|l| format!("definition_{}", l.code())));
    header.extend([
        "sources".to_string(),
        "related".to_string(),
        "note".to_string(),
    ]);
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
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
        row.push(c.notes.join(" | "));
        w.write_record(&row).map_err(io)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::Encode(format!("writing CSV: {e}")))?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_synonyms_statuses_and_definitions() {
        let csv = "fr,fr_status,en,definition_en\n\
                   cybercriminalité; criminalité informatique,preferred;admitted,cybercrime,Crime using computers.\n";
        let (tb, _) = read(csv, b',', Path::new("t.csv")).unwrap();
        let c = &tb.concepts[0];
        assert_eq!(c.id, "cybercrime");
        assert_eq!(c.terms.len(), 3);
        assert_eq!(c.terms[1].text, "criminalité informatique");
        assert_eq!(c.terms[1].status, Some(Status::Admitted));
        assert_eq!(c.definition(&Lang::En), Some("Crime using computers."));
    }

    #[test]
    fn header_errors_name_the_column() {
        let e = read("fr\tfrench\nx\ty\n", b'\t', Path::new("t.tsv")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.tsv:1:4: unknown column or language code \"french\" in the header"
        );
        let e = read("fr,fr_status\nx,great\n", b',', Path::new("t.csv")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("t.csv:2:1: unknown status \"great\""),
            "{e}"
        );
    }

    #[test]
    fn round_trip_keeps_what_csv_holds() {
        let csv = "id,subject,fr,fr_status,fr_type,fr_pos,fr_gender,en,en_status,en_type,en_pos,en_gender,\
                   definition_fr,sources,related,note\n\
                   ict,ICT,TIC | technologies,preferred | admitted,acronym | fullForm,noun | noun, | f,\
                   ICT,preferred,acronym,,,déf,a | b,x,n\n";
        let (tb, _) = read(csv, b',', Path::new("t.csv")).unwrap();
        let again = write(&tb, b',').unwrap();
        assert_eq!(again, csv);
    }
}
