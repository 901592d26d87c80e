//! Reading a corrected beads file (see the [module documentation](super)): the header, then the
//! beads with their marks, checked to cover every unit of every side exactly once, in order.
//! Every error names its line and column (1-based, columns in characters).

use std::path::Path;

use crate::align::multi::MultiBead;
use crate::align::reviewed::Mark;
use crate::align::Segtype;
use crate::{Error, Lang};

/// One side as the header names it.
#[derive(Clone, Debug, PartialEq)]
pub struct SideHeader {
    pub lang: Lang,
    /// How many units the side had when the file was written.
    pub units: usize,
    /// [`super::units_hash`] of those units.
    pub hash: String,
    /// The document's file name.
    pub file: String,
    /// The header line naming this side.
    pub line: usize,
}

/// The header of a corrected beads file.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub document: String,
    pub segtype: Segtype,
    pub sides: Vec<SideHeader>,
}

/// A corrected beads file, read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Corrected {
    pub header: Header,
    pub beads: Vec<MultiBead>,
    /// The reviewer's marks, one per bead.
    pub marks: Vec<Mark>,
    /// The line of each bead.
    pub lines: Vec<usize>,
}

/// What is wrong in a beads file, at a line and column.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("line {line}, column {column}: {kind}")]
pub struct ReadError {
    pub line: usize,
    pub column: usize,
    pub kind: ReadErrorKind,
}

/// What is wrong, without its place.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ReadErrorKind {
    #[error(
        "not a corrected beads file: it does not start with `{}` (download one from the review page, alinea align --format html)",
        super::MAGIC
    )]
    NoHeader,
    #[error("{0}")]
    Header(String),
    #[error("{0}")]
    Syntax(String),
    #[error("this bead has {found} sides; the header names {expected} documents")]
    Sides { found: usize, expected: usize },
    #[error("this bead has no unit on any side")]
    EmptyBead,
    #[error("{lang} unit {unit} is past the document's {units} units")]
    OutOfRange {
        lang: Lang,
        unit: usize,
        units: usize,
    },
    #[error("{lang} {} in no bead (this bead goes on with unit {next})", units_label(*.from, *.to))]
    Skipped {
        lang: Lang,
        from: usize,
        to: usize,
        next: usize,
    },
    #[error("{lang} unit {unit} is in an earlier bead too (the next unit is {expected})")]
    Repeated {
        lang: Lang,
        unit: usize,
        expected: usize,
    },
    #[error("the file ends with {lang} {} in no bead", units_range(*.from, *.to))]
    Uncovered { lang: Lang, from: usize, to: usize },
    #[error(
        "this file was made for {expected} documents, {found} are given: give the same documents in the same order"
    )]
    DocumentCount { expected: usize, found: usize },
    #[error("this side is in {expected}, the document given is in {found}")]
    Language { expected: Lang, found: Lang },
    #[error(
        "this file was made with --unit {}, not --unit {}",
        expected.as_str(),
        found.as_str()
    )]
    Unit { expected: Segtype, found: Segtype },
    #[error(
        "the {lang} units are not those this file was made for ({file}: {expected} units, now {found}{}): give the same documents with the same --input, --unit and --srx",
        if expected == found { ", texts differ" } else { "" }
    )]
    Units {
        lang: Lang,
        file: String,
        expected: usize,
        found: usize,
    },
}

fn units_range(from: usize, to: usize) -> String {
    if from == to {
        format!("unit {from}")
    } else {
        format!("units {from}-{to}")
    }
}

fn units_label(from: usize, to: usize) -> String {
    if from == to {
        format!("unit {from} is")
    } else {
        format!("units {from}-{to} are")
    }
}

impl ReadError {
    fn at(line: usize, column: usize, kind: ReadErrorKind) -> Self {
        ReadError { line, column, kind }
    }

    /// The library's [`Error::Parse`] for this error in the file `path`.
    pub fn into_error(self, path: &Path) -> Error {
        Error::Parse {
            path: path.to_path_buf(),
            line: self.line,
            column: self.column,
            message: self.kind.to_string(),
        }
    }
}

/// Read a corrected beads file (the text of the file). Checks the syntax, and that the beads
/// cover every unit of every side the header names exactly once, in order.
pub fn read(text: &str) -> Result<Corrected, ReadError> {
    let mut lines = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((first_no, first)) = lines.next() else {
        return Err(ReadError::at(1, 1, ReadErrorKind::NoHeader));
    };
    if first.trim_start_matches('\u{feff}').trim_end() != super::MAGIC {
        return Err(ReadError::at(first_no, 1, ReadErrorKind::NoHeader));
    }
    let mut document = None;
    let mut segtype = None;
    let mut sides: Vec<SideHeader> = Vec::new();
    let mut beads = Vec::new();
    let mut marks = Vec::new();
    let mut bead_lines = Vec::new();
    let mut next: Vec<usize> = Vec::new();
    let mut last = first_no;
    for (no, line) in lines {
        last = no;
        if let Some(rest) = line.strip_prefix('#') {
            if !beads.is_empty() {
                continue; // a comment among the beads
            }
            let rest = rest.trim();
            let (key, value) = rest.split_once(' ').unwrap_or((rest, ""));
            let value = value.trim();
            let bad = |m: String| ReadError::at(no, 1, ReadErrorKind::Header(m));
            match key {
                "document" => document = Some(value.to_string()),
                "unit" => {
                    segtype = Some(match value {
                        "paragraph" => Segtype::Paragraph,
                        "sentence" => Segtype::Sentence,
                        _ => {
                            return Err(bad(format!(
                                "unknown unit {value:?} (expected paragraph or sentence)"
                            )))
                        }
                    })
                }
                "side" => sides.push(side_header(no, value)?),
                _ => {} // a comment
            }
            continue;
        }
        if beads.is_empty() {
            // The header is complete.
            if sides.len() < 2 {
                return Err(ReadError::at(
                    no,
                    1,
                    ReadErrorKind::Header(format!(
                        "the header names {} documents (`# side` lines); a beads file needs two or three",
                        sides.len()
                    )),
                ));
            }
            if segtype.is_none() {
                return Err(ReadError::at(
                    no,
                    1,
                    ReadErrorKind::Header("the header has no `# unit` line".into()),
                ));
            }
            next = vec![0; sides.len()];
        }
        let (bead, mark) = bead(no, line, &sides, &mut next)?;
        beads.push(bead);
        marks.push(mark);
        bead_lines.push(no);
    }
    if beads.is_empty() {
        return Err(ReadError::at(
            last + 1,
            1,
            ReadErrorKind::Header("the file ends before its first bead".into()),
        ));
    }
    for (s, &n) in sides.iter().zip(&next) {
        if n < s.units {
            return Err(ReadError::at(
                last,
                1,
                ReadErrorKind::Uncovered {
                    lang: s.lang.clone(),
                    from: n,
                    to: s.units - 1,
                },
            ));
        }
    }
    Ok(Corrected {
        header: Header {
            document: document.unwrap_or_default(),
            segtype: segtype.unwrap_or_default(),
            sides,
        },
        beads,
        marks,
        lines: bead_lines,
    })
}

/// `fr 3 sha256:… name.txt` (the value of a `# side` line).
fn side_header(no: usize, value: &str) -> Result<SideHeader, ReadError> {
    let bad = |m: &str| {
        ReadError::at(
            no,
            1,
            ReadErrorKind::Header(format!(
                "{m}: a side line is `# side LANG UNITS sha256:HASH FILE`"
            )),
        )
    };
    let mut parts = value.splitn(4, ' ');
    let lang = parts
        .next()
        .and_then(|l| l.parse::<Lang>().ok())
        .ok_or_else(|| bad("no language code"))?;
    let units = parts
        .next()
        .and_then(|n| n.parse::<usize>().ok())
        .ok_or_else(|| bad("no unit count"))?;
    let hash = parts
        .next()
        .filter(|h| {
            h.strip_prefix("sha256:")
                .is_some_and(|x| x.len() == 64 && x.bytes().all(|b| b.is_ascii_hexdigit()))
        })
        .ok_or_else(|| bad("no sha256: hash of 64 hex digits"))?
        .to_ascii_lowercase();
    let file = parts.next().unwrap_or("").to_string();
    Ok(SideHeader {
        lang,
        units,
        hash,
        file,
        line: no,
    })
}

/// A cursor over one line, positions in bytes, columns reported in characters.
struct Cursor<'a> {
    line: &'a str,
    no: usize,
    pos: usize,
}

impl Cursor<'_> {
    fn column(&self, pos: usize) -> usize {
        self.line[..pos].chars().count() + 1
    }

    fn error(&self, pos: usize, kind: ReadErrorKind) -> ReadError {
        ReadError::at(self.no, self.column(pos), kind)
    }

    fn syntax(&self, message: String) -> ReadError {
        self.error(self.pos, ReadErrorKind::Syntax(message))
    }

    fn spaces(&mut self) {
        while self.line[self.pos..].starts_with([' ', '\t']) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, c: char) -> bool {
        self.spaces();
        if self.line[self.pos..].starts_with(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn found(&self) -> String {
        match self.line[self.pos..].chars().next() {
            Some(c) => format!("{c:?}"),
            None => "the end of the line".into(),
        }
    }

    /// A run of ASCII digits as a number (at most 18 digits).
    fn number(&mut self) -> Option<(usize, usize)> {
        self.spaces();
        let start = self.pos;
        let len = self.line[start..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if len == 0 || len > 18 {
            return None;
        }
        self.pos += len;
        self.line[start..self.pos].parse().ok().map(|n| (n, start))
    }

    /// `[i, j, …]`: the numbers with their positions.
    fn list(&mut self) -> Result<Vec<(usize, usize)>, ReadError> {
        if !self.eat('[') {
            return Err(self.syntax(format!("expected `[`, found {}", self.found())));
        }
        let mut out = Vec::new();
        if self.eat(']') {
            return Ok(out);
        }
        loop {
            let n = self.number().ok_or_else(|| {
                self.syntax(format!("expected a unit number, found {}", self.found()))
            })?;
            out.push(n);
            if self.eat(']') {
                return Ok(out);
            }
            if !self.eat(',') {
                return Err(self.syntax(format!("expected `,` or `]`, found {}", self.found())));
            }
        }
    }
}

/// A confidence written as a decimal number (`0.8125`, `1`) between 0 and 1.
fn confidence(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || s.len() > 24 {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| (0.0..=1.0).contains(v))
}

/// One bead line: its lists, score and marks, checked against the units covered so far
/// (`next[d]`, advanced).
fn bead(
    no: usize,
    line: &str,
    sides: &[SideHeader],
    next: &mut [usize],
) -> Result<(MultiBead, Mark), ReadError> {
    let mut c = Cursor { line, no, pos: 0 };
    let mut lists = Vec::new();
    let list_start = c.pos;
    loop {
        lists.push(c.list()?);
        if !c.eat(':') {
            return Err(c.syntax(format!("expected `:` after a list, found {}", c.found())));
        }
        c.spaces();
        if !c.line[c.pos..].starts_with('[') {
            break;
        }
    }
    if lists.len() != sides.len() {
        return Err(c.error(
            list_start,
            ReadErrorKind::Sides {
                found: lists.len(),
                expected: sides.len(),
            },
        ));
    }
    let score_start = c.pos;
    let end = line[c.pos..].find(':').map_or(line.len(), |i| c.pos + i);
    let score_text = line[c.pos..end].trim();
    let score = confidence(score_text).ok_or_else(|| {
        c.error(
            score_start,
            ReadErrorKind::Syntax(format!(
                "expected a confidence between 0 and 1, found {score_text:?}"
            )),
        )
    })?;
    c.pos = end;
    let mut mark = Mark::default();
    while c.pos < line.len() {
        c.pos += 1; // the ':'
        let start = c.pos;
        let end = line[start..].find(':').map_or(line.len(), |i| start + i);
        let flag = line[start..end].trim();
        let seen = match flag {
            "reviewed" => std::mem::replace(&mut mark.reviewed, true),
            "wrong" => std::mem::replace(&mut mark.wrong, true),
            _ => {
                return Err(c.error(
                    start,
                    ReadErrorKind::Syntax(format!(
                        "unknown mark {flag:?} (expected reviewed or wrong)"
                    )),
                ))
            }
        };
        if seen {
            return Err(c.error(
                start,
                ReadErrorKind::Syntax(format!("the mark {flag} is given twice")),
            ));
        }
        c.pos = end;
    }
    if lists.iter().all(Vec::is_empty) {
        return Err(c.error(list_start, ReadErrorKind::EmptyBead));
    }
    for ((list, s), n) in lists.iter().zip(sides).zip(next.iter_mut()) {
        for &(i, at) in list {
            let kind = if i >= s.units {
                ReadErrorKind::OutOfRange {
                    lang: s.lang.clone(),
                    unit: i,
                    units: s.units,
                }
            } else if i > *n {
                ReadErrorKind::Skipped {
                    lang: s.lang.clone(),
                    from: *n,
                    to: i - 1,
                    next: i,
                }
            } else if i < *n {
                ReadErrorKind::Repeated {
                    lang: s.lang.clone(),
                    unit: i,
                    expected: *n,
                }
            } else {
                *n += 1;
                continue;
            };
            return Err(c.error(at, kind));
        }
    }
    let bead = MultiBead {
        sides: lists
            .into_iter()
            .map(|l| l.into_iter().map(|(i, _)| i).collect())
            .collect(),
        score,
    };
    Ok((bead, mark))
}

impl Corrected {
    /// Check the file against the documents' units (`sides`: language and units per document,
    /// in order) at `segtype`: the same number of documents, languages, unit kind, and units
    /// (their [`super::units_hash`]). The error names the header line of the first side that
    /// differs.
    pub fn check(&self, segtype: Segtype, sides: &[(&Lang, &[String])]) -> Result<(), ReadError> {
        let first = self.header.sides.first().map_or(1, |s| s.line);
        if sides.len() != self.header.sides.len() {
            return Err(ReadError::at(
                first,
                1,
                ReadErrorKind::DocumentCount {
                    expected: self.header.sides.len(),
                    found: sides.len(),
                },
            ));
        }
        if segtype != self.header.segtype {
            return Err(ReadError::at(
                first,
                1,
                ReadErrorKind::Unit {
                    expected: self.header.segtype,
                    found: segtype,
                },
            ));
        }
        for (h, (lang, units)) in self.header.sides.iter().zip(sides) {
            if &h.lang != *lang {
                return Err(ReadError::at(
                    h.line,
                    1,
                    ReadErrorKind::Language {
                        expected: h.lang.clone(),
                        found: (*lang).clone(),
                    },
                ));
            }
            if h.units != units.len() || h.hash != super::units_hash(units) {
                return Err(ReadError::at(
                    h.line,
                    1,
                    ReadErrorKind::Units {
                        lang: h.lang.clone(),
                        file: h.file.clone(),
                        expected: h.units,
                        found: units.len(),
                    },
                ));
            }
        }
        Ok(())
    }
}
