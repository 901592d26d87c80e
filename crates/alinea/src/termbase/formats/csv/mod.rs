//! CSV and TSV termbases: one concept per row, a header row of language codes (`fr`, `en`,
//! `ar` …), several synonyms per cell separated by `;` or `|`, and optional columns: `id`,
//! `subject`, `sources`, `related`, `note`, `definition_<lang>` (Indonesian, whose code is
//! `id`, goes by a tag such as `id-ID`), and per language
//! `<lang>_status`, `<lang>_type`, `<lang>_pos`, `<lang>_gender` (one value per synonym, same
//! separators). The header line decides between `,` and `;` for a `.csv` file; TSV has no
//! quoting. Refused with the line and column: a field past the header's columns, a quote never
//! closed, a column given twice, more statuses (types …) than terms. What CSV cannot carry is
//! counted by [`not_carried`] (contexts, term notes, acronym links, transactions …).

use std::path::Path;

use rayon::prelude::*;

use crate::termbase::model::{Concept, Gender, Pos, Status, Term, TermType, Termbase};
use crate::termbase::validate::parse_lang;
use crate::termbase::{ConceptPos, Positions};
use crate::{Error, Lang, Result};

mod write;

pub(crate) use write::{not_carried, write};

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

/// The header of a language's terms column: its code, except for Indonesian, whose code `id`
/// names the id column: it is written `id-ID`, which reads back as Indonesian.
fn terms_column(lang: &Lang) -> String {
    match column(lang.code()) {
        Ok(Col::Terms(_)) => lang.code().to_string(),
        _ => format!("{}-{}", lang.code(), lang.code().to_ascii_uppercase()),
    }
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

/// The delimiter of a `.csv` file: `,`, or `;` (the default of French spreadsheets) when the
/// header line holds more semicolons than commas outside quotes.
fn csv_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for b in header.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// How a file is split into fields.
#[derive(Clone, Copy)]
struct Dialect {
    delimiter: u8,
    /// CSV quoting (`"`); TSV has none.
    quoting: bool,
}

impl Dialect {
    /// The byte offsets in `text` where the fields of the record starting at byte `start`
    /// begin, and where the record ends (its line break, or the end of the text); with the
    /// offset of a quote still open at the end of the text.
    fn fields(self, text: &str, start: usize) -> (Vec<usize>, usize, Option<usize>) {
        let b = text.as_bytes();
        let mut starts = vec![start];
        let mut open: Option<usize> = None;
        let mut i = start;
        while i < b.len() {
            let c = b[i];
            if open.is_some() {
                if c == b'"' {
                    if b.get(i + 1) == Some(&b'"') {
                        i += 1;
                    } else {
                        open = None;
                    }
                }
            } else if c == b'"' && self.quoting {
                open = Some(i);
            } else if c == self.delimiter {
                starts.push(i + 1);
            } else if c == b'\n' || c == b'\r' {
                return (starts, i, None);
            }
            i += 1;
        }
        (starts, b.len(), open)
    }
}

/// Reads CSV (`delimiter` `,`: `;` is taken instead when the header says so) or TSV (tab,
/// no quoting).
pub(crate) fn read(text: &str, delimiter: u8, path: &Path) -> Result<(Termbase, Positions)> {
    let dialect = Dialect {
        delimiter: if delimiter == b',' {
            csv_delimiter(text)
        } else {
            delimiter
        },
        quoting: delimiter != b'\t',
    };
    let at = |offset: usize, message: String| Error::parse_at(path, text, offset, message);
    let mut rdr = ::csv::ReaderBuilder::new()
        .delimiter(dialect.delimiter)
        .quoting(dialect.quoting)
        .flexible(true)
        .from_reader(text.as_bytes());
    let csv_err = |e: ::csv::Error| {
        let offset = e.position().map_or(0, |p| p.byte() as usize);
        at(offset, e.to_string())
    };
    let header = rdr.headers().map_err(csv_err)?.clone();
    let (header_at, _, _) = dialect.fields(text, 0);
    // Where header field `k` starts; the start of the file when this splitter and the CSV
    // reader see the header differently (a quoted line break, say).
    let field_at = |k: usize| header_at.get(k).copied().unwrap_or(0);
    let mut cols: Vec<Col> = Vec::new();
    for (k, h) in header.iter().enumerate() {
        let col = column(h).map_err(|m| at(field_at(k), m))?;
        if col != Col::Note {
            if let Some(first) = cols.iter().position(|c| *c == col) {
                return Err(at(
                    field_at(k),
                    format!(
                        "column {:?} is the same as column {} ({:?}) of the header: give each \
                         column once",
                        h.trim(),
                        first + 1,
                        header.get(first).unwrap_or("").trim()
                    ),
                ));
            }
        }
        cols.push(col);
    }
    if !cols.iter().any(|c| matches!(c, Col::Terms(_))) {
        return Err(at(
            0,
            "the header has no language column (expected codes such as fr, en, ar)".into(),
        ));
    }
    // The records are split serially, the concepts built on every thread, the ids given in
    // order; the first error in file order wins, as in a serial read.
    let mut rows: Vec<(usize, usize, ::csv::ByteRecord)> = Vec::new();
    let mut read_err = None;
    // One record read into, then copied at its size: fewer and smaller allocations than a
    // fresh record per row.
    let mut rec = ::csv::ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => {
                let (line, byte) = rec
                    .position()
                    .map_or((0, 0), |p| (p.line() as usize, p.byte() as usize));
                rows.push((line, byte, rec.clone()));
            }
            Ok(false) => break,
            Err(e) => {
                read_err = Some(csv_err(e));
                break;
            }
        }
    }
    // A quote never closed makes the rest of the file one field: refused at the quote.
    if let Some(&(_, byte, _)) = rows.last() {
        if let (_, _, Some(quote)) = dialect.fields(text, byte) {
            return Err(at(
                quote,
                "this quote is never closed: the rest of the file would be one field \
                 (double a quote inside a quoted field: \"\")"
                    .into(),
            ));
        }
    }
    let lines: Vec<usize> = rows.iter().map(|r| r.0).collect();
    let cx = RowCx {
        cols: &cols,
        dialect,
        text,
        path,
    };
    let built: Vec<Result<Option<Concept>>> = rows
        .into_par_iter()
        .map(|(_, byte, rec)| cx.row(byte, rec))
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

/// What building a concept from a record needs.
struct RowCx<'a> {
    cols: &'a [Col],
    dialect: Dialect,
    text: &'a str,
    path: &'a Path,
}

impl RowCx<'_> {
    /// An error at field `k` of the record starting at byte `start`.
    fn err(&self, start: usize, k: usize, message: String) -> Error {
        let (fields, end, _) = self.dialect.fields(self.text, start);
        let offset = fields.get(k).copied().unwrap_or(end);
        Error::parse_at(self.path, self.text, offset, message)
    }

    /// The concept of the record starting at byte `start` (`None` for a blank one), its id
    /// still to be given.
    fn row(&self, start: usize, rec: ::csv::ByteRecord) -> Result<Option<Concept>> {
        // The fields of a `str` split at ASCII delimiters and unquoted are UTF-8.
        let rec = ::csv::StringRecord::from_byte_record(rec)
            .map_err(|e| self.err(start, 0, e.to_string()))?;
        if rec.iter().all(|f| f.trim().is_empty()) {
            return Ok(None);
        }
        if let Some(k) = (self.cols.len()..rec.len()).find(|&k| !rec[k].trim().is_empty()) {
            return Err(self.err(
                start,
                k,
                format!(
                    "field {} ({:?}) has no column: the header has {} (a delimiter in a value \
                     that should be quoted?)",
                    k + 1,
                    rec[k].trim(),
                    self.cols.len()
                ),
            ));
        }
        let mut c = Concept::default();
        // Per-language attribute lists, applied once the terms are known.
        let mut attrs: Vec<(usize, &Col, Vec<String>)> = Vec::new();
        for (k, (col, cell)) in self.cols.iter().zip(rec.iter()).enumerate() {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            match col {
                Col::Id => c.id = cell.to_string(),
                Col::Subject => c.subject = Some(cell.to_string()),
                Col::Sources => {
                    c.sources = split(cell).into_iter().filter(|s| !s.is_empty()).collect()
                }
                Col::Related => {
                    c.related = split(cell).into_iter().filter(|s| !s.is_empty()).collect()
                }
                Col::Note => c.notes.push(cell.to_string()),
                Col::Definition(l) => c.lang_info_mut(l).definition = Some(cell.to_string()),
                Col::Terms(l) => {
                    if cell.contains(['\n', '\r']) {
                        return Err(self.err(
                            start,
                            k,
                            "a term over several lines (a quote not closed where it should \
                             be?)"
                                .into(),
                        ));
                    }
                    for t in split(cell).into_iter().filter(|s| !s.is_empty()) {
                        c.terms.push(Term::new(l.clone(), t));
                    }
                }
                other => attrs.push((k, other, split(cell))),
            }
        }
        for (k, col, values) in attrs {
            let (lang, what) = match col {
                Col::Status(l) => (l, "status"),
                Col::Type(l) => (l, "type"),
                Col::Pos(l) => (l, "pos"),
                Col::Gender(l) => (l, "gender"),
                _ => unreachable!("only per-term attributes are deferred"),
            };
            let terms: Vec<&mut Term> = c.terms.iter_mut().filter(|t| &t.lang == lang).collect();
            if values.len() > terms.len() && values[terms.len()..].iter().any(|v| !v.is_empty()) {
                return Err(self.err(
                    start,
                    k,
                    format!(
                        "{} {what} values for {} {} term(s): give one per term, in the order \
                         of the terms",
                        values.len(),
                        terms.len(),
                        lang.code()
                    ),
                ));
            }
            for (t, v) in terms.into_iter().zip(values) {
                if v.is_empty() {
                    continue;
                }
                let bad = |expected: String| {
                    self.err(
                        start,
                        k,
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
                    Col::Pos(_) => {
                        t.pos = Some(Pos::parse(&v).ok_or_else(|| bad(Pos::expected()))?)
                    }
                    Col::Gender(_) => {
                        t.gender = Some(Gender::parse(&v).ok_or_else(|| bad(Gender::expected()))?)
                    }
                    _ => {}
                }
            }
        }
        Ok(Some(c))
    }
}

#[cfg(test)]
mod tests;
