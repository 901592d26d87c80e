//! The checks alinea's readers are fuzzed against, in one place: the cargo-fuzz targets in
//! `fuzz/` call [`Target::check`] on libFuzzer's inputs, and the smoke test of this crate
//! calls it on the repository's own files and on mutations of them, on stable, in
//! `cargo test`.
//!
//! Every check panics when an oracle fails; refusing the input with an error is always fine.
//!
//! - [`Target::Text`]: decoding (whole and streamed in small chunks give the same text or
//!   the same refusal), then paragraph units (both input modes) and sentences, whose spans must lie
//!   on character boundaries of the text.
//! - [`Target::Tmx`]: the TMX reader (whole and streamed in small chunks both fail or read
//!   the same units); the units read, written back and read again are the same units.
//! - [`Target::TmxWrite`]: an alignment made from the input, written as TMX by alinea, is
//!   read back by the TMX reader as the units the writer meant.
//! - [`Target::Tbx`], [`Target::Csv`], [`Target::Tsv`], [`Target::Json`], [`Target::Toml`]:
//!   a termbase read, written in the same format (TBX: v3 and v2) and read again is the same
//!   model; written as JSON and read again, too.
//! - [`Target::Docx`], [`Target::Odt`], [`Target::Html`], [`Target::Xliff`], [`Target::Pdf`]:
//!   the document readers (see [`documents`]).
//! - [`Target::Beads`]: a corrected beads file ([`beads`]): read, it covers every unit of every
//!   side once, in order; its beads written back under its header read again the same.

pub mod documents;
pub mod seeds;

use std::io::Read;
use std::path::Path;

use alinea::align::multi::MultiBead;
use alinea::align::{Aligned, Segtype, Side};
use alinea::doc::{self, InputMode};
use alinea::input::{self, Utf8Reader, MAX_BYTES};
use alinea::termbase::{self, Format};
use alinea::tmx::write::{tus, write_tus, xml_clean, Header};
use alinea::tmx::{self, ReadOptions, Tu, TuReader, Tuv, WriteOptions};
use alinea::Lang;

/// A fuzz target: a reader and its oracles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Text,
    Tmx,
    TmxWrite,
    Tbx,
    Csv,
    Tsv,
    Json,
    Toml,
    Docx,
    Odt,
    Html,
    Xliff,
    Pdf,
    Beads,
}

impl Target {
    /// Every target, in the order they are listed.
    pub const ALL: [Target; 14] = [
        Target::Text,
        Target::Tmx,
        Target::TmxWrite,
        Target::Tbx,
        Target::Csv,
        Target::Tsv,
        Target::Json,
        Target::Toml,
        Target::Docx,
        Target::Odt,
        Target::Html,
        Target::Xliff,
        Target::Pdf,
        Target::Beads,
    ];

    /// The target's name: the name of its `cargo fuzz` target and seed folder.
    pub fn name(self) -> &'static str {
        match self {
            Target::Text => "text",
            Target::Tmx => "tmx",
            Target::TmxWrite => "tmx_write",
            Target::Tbx => "tbx",
            Target::Csv => "csv",
            Target::Tsv => "tsv",
            Target::Json => "json",
            Target::Toml => "toml",
            Target::Docx => "docx",
            Target::Odt => "odt",
            Target::Html => "html",
            Target::Xliff => "xliff",
            Target::Pdf => "pdf",
            Target::Beads => "beads",
        }
    }

    /// Runs the target's oracles on `data`; panics when one fails.
    pub fn check(self, data: &[u8]) {
        match self {
            Target::Text => text(data),
            Target::Tmx => tmx_round_trip(data),
            Target::TmxWrite => aligned_tmx(data),
            Target::Tbx => termbase_round_trip(Format::TbxV3, data),
            Target::Csv => termbase_round_trip(Format::Csv, data),
            Target::Tsv => termbase_round_trip(Format::Tsv, data),
            Target::Json => termbase_round_trip(Format::Json, data),
            Target::Toml => termbase_round_trip(Format::Toml, data),
            Target::Docx => documents::docx(data),
            Target::Odt => documents::odt(data),
            Target::Html => documents::html(data),
            Target::Xliff => documents::xliff(data),
            Target::Pdf => documents::pdf(data),
            Target::Beads => beads(data),
        }
    }
}

/// A reader that hands out `data` in small pieces of varying sizes (1 to 7 bytes), so that
/// streaming readers meet every boundary a file read may bring.
struct Chunked<'a> {
    data: &'a [u8],
    turn: usize,
}

impl<'a> Chunked<'a> {
    fn new(data: &'a [u8]) -> Self {
        Chunked { data, turn: 0 }
    }
}

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.turn += 1;
        let n = (self.turn % 7 + 1).min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

/// Decoding whole and streamed agree; the text is then read as a document in both modes, its
/// units and sentences cut on character boundaries.
pub fn text(data: &[u8]) {
    let path = Path::new("fuzz.txt");
    let whole = input::decode_bytes(data, path).map_err(|e| e.to_string());
    let mut streamed = Vec::new();
    let streamed = Utf8Reader::new(Chunked::new(data), MAX_BYTES)
        .read_to_end(&mut streamed)
        .map(|_| String::from_utf8(streamed).expect("the decoder writes UTF-8"))
        .map_err(|e| input::io_error(path, &e).to_string());
    // Both give the same text, or the same refusal: its wording is chosen from the file's
    // bytes around the bad one, never from how the input was cut.
    assert_eq!(whole, streamed, "decoding whole and streamed differ");
    let Ok(text) = whole else { return };
    let lang = [None, Some(Lang::Fr), Some(Lang::En), Some(Lang::Ar)][data.len() % 4].clone();
    for mode in [InputMode::Auto, InputMode::Lines] {
        let Ok(reading) = doc::read_str(path, &text, lang.clone(), mode) else {
            continue;
        };
        let units = &reading.document.units;
        for (i, u) in units.iter().enumerate() {
            assert_eq!(u.index, i, "unit index");
            check_span(&text, &u.span, "unit");
        }
        for s in reading.sentences() {
            assert!(s.paragraph < units.len(), "sentence of no paragraph");
            check_span(&text, &s.unit.span, "sentence");
        }
    }
}

fn check_span(text: &str, span: &doc::Span, what: &str) {
    let (s, e) = (span.start_byte, span.end_byte);
    assert!(
        s <= e && e <= text.len(),
        "{what} span {s}..{e} out of the text"
    );
    assert!(
        text.is_char_boundary(s) && text.is_char_boundary(e),
        "{what} span {s}..{e} not on character boundaries"
    );
    assert!(
        (span.line, span.column) <= (span.end_line, span.end_column),
        "{what} span ends before it starts: {span:?}"
    );
}

/// `tu` as the writer writes it: the characters XML 1.0 forbids removed.
fn cleaned(tu: &Tu) -> Tu {
    let c = |s: &str| xml_clean(s).0;
    Tu {
        id: tu.id.as_deref().map(c),
        props: tu.props.iter().map(|(k, v)| (c(k), c(v))).collect(),
        variants: tu
            .variants
            .iter()
            .map(|v| Tuv {
                lang: c(&v.lang),
                text: c(&v.text),
            })
            .collect(),
    }
}

fn read_tmx(bytes: &[u8], opts: ReadOptions) -> Result<Vec<Tu>, String> {
    tmx::read_bytes(bytes, Path::new("fuzz.tmx"), opts).map_err(|e| e.to_string())
}

/// Reading whole and streamed agree; what is read, written back and read again is the same.
pub fn tmx_round_trip(data: &[u8]) {
    let opts = ReadOptions {
        keep_codes: data.len() % 2 == 1,
    };
    let whole = read_tmx(data, opts);
    let streamed: Result<Vec<Tu>, String> = TuReader::new(Chunked::new(data), "fuzz.tmx", opts)
        .collect::<alinea::Result<_>>()
        .map_err(|e| e.to_string());
    // Both fail, or both read the same units. (Which error comes first may differ: a stream
    // is decoded a buffer at a time, so a malformed tag can be met before a bad byte further
    // on, or after it.)
    match (&whole, &streamed) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "reading whole and streamed differ"),
        (Err(_), Err(_)) => {}
        _ => panic!("reading whole and streamed differ:\n{whole:?}\n{streamed:?}"),
    }
    let Ok(units) = whole else { return };
    let header = Header {
        segtype: Segtype::Sentence,
        srclang: "fr-FR".into(),
        creation_date: Some(tmx::write::FIXED_CREATION_DATE.into()),
    };
    let written = write_tus(&header, &units);
    assert_eq!(written.tus, units.len());
    let back = read_tmx(&written.bytes, ReadOptions::default()).unwrap_or_else(|e| {
        panic!(
            "the TMX written from what was read does not read: {e}\n{}",
            String::from_utf8_lossy(&written.bytes)
        )
    });
    let expected: Vec<Tu> = units.iter().map(cleaned).collect();
    assert_eq!(back, expected, "TMX read, written and read again differs");
}

/// An alignment made from `data`: the text (lossily decoded) cut at U+001E into the document
/// name and up to four sides; each side cut at U+001F into a language code (alinea's
/// reading of it, else fr, en, ar, de by position) and its units. Bead `k` takes one unit of
/// each side (two when the side's code is of even length), from where the last bead left
/// off.
pub fn alignment(data: &[u8]) -> (Aligned, WriteOptions) {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\u{1e}');
    let document = parts.next().unwrap_or_default().to_string();
    let defaults = [Lang::Fr, Lang::En, Lang::Ar, Lang::Other("de".into())];
    let mut sides = Vec::new();
    let mut steps = Vec::new();
    for (d, part) in parts.take(4).enumerate() {
        let mut pieces = part.split('\u{1f}');
        let code = pieces.next().unwrap_or_default();
        let lang = code.parse().unwrap_or_else(|_| defaults[d].clone());
        steps.push(if code.len() % 2 == 0 { 2 } else { 1 });
        sides.push(Side {
            lang,
            name: format!("side{d}.txt"),
            units: pieces.map(str::to_string).collect(),
        });
    }
    let mut beads = Vec::new();
    let mut next = vec![0usize; sides.len()];
    while sides.iter().zip(&next).any(|(s, &n)| n < s.units.len()) {
        let k = beads.len();
        let bead_sides = sides
            .iter()
            .zip(next.iter_mut())
            .zip(&steps)
            .map(|((s, n), &step)| {
                let end = (*n + step).min(s.units.len());
                let ix: Vec<usize> = (*n..end).collect();
                *n = end;
                ix
            })
            .collect();
        beads.push(MultiBead {
            sides: bead_sides,
            score: (k as f64 * 0.37) % 1.0,
        });
    }
    let opts = WriteOptions {
        keep_unaligned: document.len() % 2 == 1,
        ..WriteOptions::default()
    };
    let segtype = if document.len() % 3 == 0 {
        Segtype::Paragraph
    } else {
        Segtype::Sentence
    };
    let a = Aligned {
        document,
        segtype,
        sides,
        beads,
        inline: Vec::new(),
    };
    (a, opts)
}

/// A TMX alinea writes from an alignment reads back as the units it meant to write.
pub fn aligned_tmx(data: &[u8]) {
    let (a, opts) = alignment(data);
    let meant = tus(&a, &opts);
    let written = tmx::write(&a, &opts);
    assert_eq!(written.tus, meant.len());
    let back = read_tmx(&written.bytes, ReadOptions::default()).unwrap_or_else(|e| {
        panic!(
            "alinea's TMX does not read: {e}\n{}",
            String::from_utf8_lossy(&written.bytes)
        )
    });
    let expected: Vec<Tu> = meant.iter().map(cleaned).collect();
    assert_eq!(back, expected, "alinea's TMX reads back differently");
}

/// A termbase read in `format`, written in that format (TBX: both versions) and in JSON, reads
/// back as the same model.
pub fn termbase_round_trip(format: Format, data: &[u8]) {
    let path = Path::new("fuzz");
    let Ok(text) = input::decode_bytes(data, path) else {
        return;
    };
    let Ok(read) = termbase::read_str(&text, format, path) else {
        return;
    };
    let tb = read.termbase;
    let again: &[Format] = match format {
        Format::TbxV3 | Format::TbxV2 => &[Format::TbxV3, Format::TbxV2, Format::Json],
        Format::Json => &[Format::Json],
        other => &[other, Format::Json],
    };
    for &f in again {
        let written = termbase::to_string(&tb, f)
            .unwrap_or_else(|e| panic!("{f:?}: the termbase read cannot be written: {e}"));
        let back = termbase::read_str(&written, f, path)
            .unwrap_or_else(|e| panic!("{f:?}: what was written does not read: {e}\n{written}"))
            .termbase;
        assert_eq!(
            back, tb,
            "{f:?}: read, written and read again differs\n{written}"
        );
    }
}

/// A corrected beads file: read or refused at a place inside the text; read, its beads cover
/// every unit of every side the header names once, in order, and written back (bead lines
/// under the same header lines) read again as the same beads and marks (confidences to the
/// four decimals written).
pub fn beads(data: &[u8]) {
    use alinea::export::beads::{bead_line, read};
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines = text.split('\n').count();
    let c = match read(text) {
        Ok(c) => c,
        Err(e) => {
            assert!(
                e.line >= 1 && e.line <= lines + 1,
                "error line {} of {lines}",
                e.line
            );
            assert!(e.column >= 1, "error column {}", e.column);
            return;
        }
    };
    assert_eq!(c.beads.len(), c.marks.len());
    assert_eq!(c.beads.len(), c.lines.len());
    assert!(
        c.lines.windows(2).all(|w| w[0] < w[1]),
        "bead lines in order"
    );
    for (d, side) in c.header.sides.iter().enumerate() {
        let covered: Vec<usize> = c.beads.iter().flat_map(|b| b.sides[d].clone()).collect();
        assert_eq!(
            covered,
            (0..side.units).collect::<Vec<_>>(),
            "side {d} covered once"
        );
    }
    assert!(c
        .beads
        .iter()
        .all(|b| b.filled() > 0 && (0.0..=1.0).contains(&b.score)));
    let mut again: String = text
        .split('\n')
        .take(c.lines[0] - 1)
        .map(|l| format!("{l}\n"))
        .collect();
    for (b, m) in c.beads.iter().zip(&c.marks) {
        again.push_str(&bead_line(b, *m));
        again.push('\n');
    }
    let r = read(&again).expect("beads written back read again");
    assert_eq!(r.header, c.header);
    assert_eq!(r.marks, c.marks);
    for (x, y) in r.beads.iter().zip(&c.beads) {
        assert_eq!(x.sides, y.sides);
        assert!(
            (x.score - y.score).abs() <= 0.00005 + f64::EPSILON,
            "{} {}",
            x.score,
            y.score
        );
    }
}
