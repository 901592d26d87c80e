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

#[cfg(test)]
mod tests;
