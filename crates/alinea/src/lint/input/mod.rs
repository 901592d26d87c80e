//! The one place the linter acquires units: [`read`] picks a reader by the file's kind
//! ([`Kind::of`]) and returns [`Doc`]s.
//!
//! - Text and Markdown: paragraph units read by [`crate::doc`] (or one unit per line with
//!   `lines`), each unit's text the slice of the file it spans, so that positions are exact
//!   and fixes apply. With a source document, both are read the same way and aligned by
//!   [`Aligned::from_documents`] (paragraphs), then the sentences inside each paragraph
//!   pair are aligned ([`crate::align::multi::align_all`]); each sentence bead becomes a unit
//!   with its source when the sentences pair confidently and none is left alone, else the
//!   paragraph bead is the unit; a source paragraph without a counterpart is an empty unit
//!   (`structure/missing`).
//! - TMX (bilingual or multilingual), read by [`crate::tmx::read_bytes`]: one document per
//!   target language, each unit with the source variant of its translation unit; positions
//!   are those of each `<seg>` in the file, and a segment written as it reads (no entity,
//!   no inline tag) is a slice of the file, so that its fixes apply; any other segment has
//!   its characters placed in the file one by one (`seg_places`), for exact positions.
//!
//! - The document formats (Word, OpenDocument, HTML, PDF) through [`crate::doc::formats`],
//!   as text is, a finding's line being the unit's number; an XLIFF file (1.2, 2.x) holds
//!   its own source: each translated unit is checked against it (`xliff`).

use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Doc, SourceUnit, Unit};
use crate::align::{Aligned, Options, Segtype};
use crate::doc::formats::Format;
use crate::doc::{Document, InputMode, UnitKind};
use crate::input::lines::{line_starts, position_in};
use crate::text::lang::{Decision, Given};
use crate::{Error, Lang, Result};

mod tmx;
mod xliff;
use tmx::read_tmx;

/// What to read and how.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// The drafts' language (`--lang`), else from the path or the text.
    pub lang: Option<Lang>,
    /// The source document plain drafts are aligned with.
    pub source: Option<PathBuf>,
    /// The source's language (`--source-lang`); for TMX, which variant is the source.
    pub source_lang: Option<Lang>,
    pub mode: InputMode,
    /// The draft's and the source's bytes, when they are read already (the server's texts):
    /// the paths then only name them and tell their formats. The source's bytes come with a
    /// source path, and only with one.
    pub contents: Option<Contents>,
}

/// The bytes of the inputs of a [`Request`].
#[derive(Clone, Debug, Default)]
pub struct Contents {
    pub draft: Vec<u8>,
    pub source: Option<Vec<u8>>,
}

impl Request {
    fn draft_bytes(&self) -> Option<&[u8]> {
        self.contents.as_ref().map(|c| c.draft.as_slice())
    }

    fn source_bytes(&self) -> Option<&[u8]> {
        self.contents.as_ref().and_then(|c| c.source.as_deref())
    }
}

/// The kinds of input the linter reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text and Markdown (and anything else decoded as text).
    Text,
    Tmx,
}

impl Kind {
    /// The kind of `path`, by extension.
    pub fn of(path: &Path) -> Kind {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("tmx") => Kind::Tmx,
            _ => Kind::Text,
        }
    }
}

/// Reads `path` into documents (one per target language).
pub fn read(path: &Path, req: &Request) -> Result<Vec<Doc>> {
    if let Some(c) = &req.contents {
        if c.source.is_some() != req.source.is_some() {
            return Err(Error::Usage(
                "the source's contents are given with a source, and only with one".into(),
            ));
        }
    }
    match Kind::of(path) {
        Kind::Tmx => {
            if req.source.is_some() {
                return Err(Error::Usage(
                    "--source is for plain documents: a TMX file carries its own source".into(),
                ));
            }
            read_tmx(path, req)
        }
        Kind::Text => read_text(path, req).map(|d| vec![d]),
    }
}

/// The name of `format` when the text read from it is not the file itself, so that fixes
/// cannot be written back (see [`Doc::read_only`]).
fn read_only(format: Format) -> Option<&'static str> {
    (format != Format::Text).then(|| format.name())
}

fn given(lang: &Option<Lang>, by: &str) -> Option<Given> {
    lang.clone().map(|lang| Given {
        lang,
        by: by.into(),
    })
}

/// A draft or source as the linter keeps it: its document and its decoded text with the
/// text's lines. Unlike a [`crate::doc::Reading`], no map from each unit's plain text back to
/// the file is built: the linter uses units' spans only, and the map would be most of the
/// reading's time and memory.
struct Read {
    document: Document,
    format: Format,
    /// The decoded text, and where its lines start.
    text: String,
    starts: Vec<usize>,
}

impl Read {
    /// The decoded text.
    fn source(&self) -> &str {
        &self.text
    }

    /// Line and column (1-based, column in characters) of byte `at` of the text.
    fn position(&self, at: usize) -> (usize, usize) {
        position_in(&self.text, &self.starts, at)
    }
}

/// A draft or source read through the document readers ([`crate::doc::formats::read`]: text,
/// Markdown, Word, OpenDocument, HTML, PDF) into the units [`crate::doc::read_given`] gives.
/// For a structured format, lines and columns are those of the units one per line, i.e. the
/// line is the unit's number. An XLIFF file holds a source and its translation: as a draft
/// given with `--source`, or as a source, it is refused.
fn reading(
    path: &Path,
    bytes: Option<&[u8]>,
    lang: &Option<Lang>,
    by: &str,
    mode: InputMode,
) -> Result<Read> {
    let read = crate::doc::read_any_from(path, bytes)?;
    let source = match read {
        crate::doc::formats::Read::One(s) => s,
        crate::doc::formats::Read::Aligned(pair) => {
            let message = if by == "--lang" {
                "is an XLIFF file, which holds its own source: lint it without --source"
            } else {
                "is an XLIFF file (a source text and its translation), given as the source: lint the XLIFF file itself"
            };
            return Err(Error::Input {
                path: pair[0].path.clone(),
                message: message.into(),
            });
        }
    };
    let decision = decision(lang, by, &source);
    let document = crate::doc::source_document(&source, &decision, mode)?;
    Ok(Read {
        document,
        format: source.format,
        starts: line_starts(&source.text),
        text: source.text,
    })
}

/// The language of `source`: given (by the option `by`), declared, detected, else undetermined.
fn decision(lang: &Option<Lang>, by: &str, source: &crate::doc::formats::Source) -> Decision {
    crate::doc::decide_source(given(lang, by).as_ref(), source)
        .unwrap_or_else(|| Decision::fallback(Lang::Other("und".into())))
}

/// The slice of the file from the first to the last of `units` (consecutive indices).
fn spanned(r: &Read, units: &[usize]) -> Option<(usize, usize)> {
    let (f, l) = (units.first()?, units.last()?);
    let d = &r.document.units;
    Some((d[*f].span.start_byte, d[*l].span.end_byte))
}

/// The source text of `units` as [`spanned`] slices it, with the units the reader took out
/// of it blanked (a footnote standing inside a paragraph rejoined across a page break is its
/// own unit, not part of the paragraph): the same byte offsets, none of the note's words.
///
/// The mark of a note (`2` of a Word footnote) is blanked too when `marks` is false (the
/// translation wrote the note without one: reservations moved to the end as paragraphs).
fn source_text(r: &Read, units: &[usize], (s, e): (usize, usize), marks: bool) -> String {
    let mut text = r.source()[s..e].to_string();
    let d = &r.document.units;
    let Some(&last) = units.last() else {
        return text;
    };
    if !marks {
        for u in units.iter().map(|&i| &d[i]) {
            let Some(label) = u.label.as_deref().filter(|_| u.kind == UnitKind::Note) else {
                continue;
            };
            let a = u.span.start_byte - s;
            if text[a..].starts_with(label) {
                text.replace_range(a..a + label.len(), &" ".repeat(label.len()));
            }
        }
    }
    for u in d[last + 1..].iter().take_while(|u| u.span.start_byte < e) {
        if u.span.end_byte <= e {
            let (a, b) = (u.span.start_byte - s, u.span.end_byte - s);
            text.replace_range(a..b, &" ".repeat(b - a));
        }
    }
    text
}

/// A draft without a source: its units are where [`crate::doc::source_spans`] says they
/// stand, each unit's text the slice of the file it spans. An XLIFF file is a draft with its
/// source ([`xliff::read_xliff`]).
fn read_alone(path: &Path, req: &Request) -> Result<Doc> {
    let read = crate::doc::read_any_from(path, req.draft_bytes())?;
    let source = match read {
        crate::doc::formats::Read::One(s) => s,
        crate::doc::formats::Read::Aligned(pair) => return xliff::read_xliff(*pair, req),
    };
    let decision = decision(&req.lang, "--lang", &source);
    let crate::doc::Spans {
        spans,
        places,
        warnings: diagnostics,
    } = crate::doc::source_spans(&source, &decision, req.mode)?;
    let text = source.text;
    // Each unit's text copied out of the file, in parallel for a long draft.
    let units = spans
        .par_iter()
        .enumerate()
        .map(|(i, span)| Unit {
            id: (i + 1).to_string(),
            text: text[span.start_byte..span.end_byte].to_string(),
            offset: Some(span.start_byte),
            places: Vec::new(),
            line: span.line,
            column: span.column,
            place: places.get(i).cloned().flatten(),
            source: None,
        })
        .collect();
    Ok(Doc {
        path: source.path,
        lang: decision.lang,
        source_lang: None,
        text: Some(text),
        read_only: read_only(source.format),
        units,
        diagnostics,
    })
}

fn read_text(path: &Path, req: &Request) -> Result<Doc> {
    let Some(src_path) = &req.source else {
        return read_alone(path, req);
    };
    // The draft and its source are read side by side; the draft's error comes first.
    let (target, source) = rayon::join(
        || reading(path, req.draft_bytes(), &req.lang, "--lang", req.mode),
        || {
            reading(
                src_path,
                req.source_bytes(),
                &req.source_lang,
                "--source-lang",
                req.mode,
            )
        },
    );
    let mut target = target?;
    let mut diagnostics = target.document.warnings.clone();
    let lang = target.document.lang.clone();
    let mut source = source?;
    let src_lang = source.document.lang.clone();
    check_source_lang(&source, req, &lang)?;
    diagnostics.extend(source.document.warnings.iter().cloned());
    // The documents lent to the aligner, then taken back.
    let docs = [source.document, target.document];
    let mut aligned = Aligned::from_documents(&docs, Segtype::Paragraph, &Options::default());
    // A note the translation moved (reservations at the end) is checked against its source.
    aligned.pair_moved_notes(&docs);
    [source.document, target.document] = docs;
    let text = target.source();
    let mut units = Vec::new();
    let mut last_end = 0;
    // The first target unit of each bead's followers: a bead whose units stand past it holds
    // notes moved out of place (`align::notes`), which do not say where a missing
    // translation would stand.
    let mut next_first = vec![usize::MAX; aligned.beads.len() + 1];
    for (b, bead) in aligned.beads.iter().enumerate().rev() {
        next_first[b] = bead.sides[1].first().copied().unwrap_or(next_first[b + 1]);
    }
    for (b, bead) in aligned.beads.iter().enumerate() {
        let src_span = spanned(&source, &bead.sides[0]);
        // A note's mark is told only against a note's mark.
        let marks = bead.sides[1]
            .iter()
            .any(|&i| target.document.units[i].label.is_some());
        let src_text = src_span.map(|r| source_text(&source, &bead.sides[0], r, marks));
        // The place in a structured original of the first unit of a side of the bead.
        let place = |r: &Read, side: &[usize]| {
            side.first()
                .and_then(|&i| r.document.units[i].place.clone())
        };
        let src_place = place(&source, &bead.sides[0]);
        let tgt_place = place(&target, &bead.sides[1]);
        let src = src_span
            .zip(src_text.as_ref())
            .map(|((s, _), t)| SourceUnit {
                path: source.document.path.clone(),
                line: source.position(s).0,
                lang: src_lang.clone(),
                text: t.clone(),
                place: src_place.clone(),
            });
        match spanned(&target, &bead.sides[1]) {
            Some((s, e)) => {
                // Sentence by sentence when the paragraph's sentences pair one to one.
                let sentences = src_span.zip(src_text.as_ref()).and_then(|((ss, _), st)| {
                    sentence_pairs(st, &src_lang, &text[s..e], &lang).map(|pairs| (ss, st, pairs))
                });
                match sentences {
                    Some((ss, st, pairs)) => {
                        for (k, (sr, tr)) in pairs.into_iter().enumerate() {
                            let (line, column) = target.position(s + tr.start);
                            units.push(Unit {
                                id: format!("{}.{}", b + 1, k + 1),
                                text: text[s + tr.start..s + tr.end].to_string(),
                                offset: Some(s + tr.start),
                                places: Vec::new(),
                                line,
                                column,
                                place: tgt_place.clone(),
                                source: Some(SourceUnit {
                                    path: source.document.path.clone(),
                                    line: source.position(ss + sr.start).0,
                                    lang: src_lang.clone(),
                                    text: st[sr.start..sr.end].to_string(),
                                    place: src_place.clone(),
                                }),
                            });
                        }
                    }
                    None => {
                        let (line, column) = target.position(s);
                        units.push(Unit {
                            id: (b + 1).to_string(),
                            text: text[s..e].to_string(),
                            offset: Some(s),
                            places: Vec::new(),
                            line,
                            column,
                            place: tgt_place,
                            source: src,
                        });
                    }
                }
                if bead.sides[1].last().is_some_and(|&l| l < next_first[b + 1]) {
                    last_end = e;
                }
            }
            None => {
                let (line, column) = target.position(last_end);
                units.push(Unit {
                    id: (b + 1).to_string(),
                    text: String::new(),
                    offset: Some(last_end),
                    places: Vec::new(),
                    line,
                    column,
                    place: None,
                    source: src,
                });
            }
        }
    }
    Ok(Doc {
        path: target.document.path,
        lang,
        source_lang: Some(src_lang),
        text: Some(target.text),
        read_only: read_only(target.format),
        units,
        diagnostics,
    })
}

/// The least confidence of every sentence bead for a paragraph to be checked sentence by
/// sentence.
const SENTENCE_CONFIDENCE: f64 = 0.5;

/// The sentences of an aligned paragraph pair, paired (byte ranges in each text), when
/// both have more than one sentence and the sentence alignment inside the pair is one to
/// one (or joins and splits, never a sentence without a counterpart) and confident;
/// otherwise `None`, and the paragraph is checked whole (a sentence moved across the
/// paragraph would raise false alarms).
fn sentence_pairs(
    source: &str,
    src_lang: &Lang,
    target: &str,
    lang: &Lang,
) -> Option<Vec<(Range<usize>, Range<usize>)>> {
    // Most paragraphs are one sentence: the target is split only when the source is not.
    let s = crate::text::sentences::split(source, src_lang);
    if s.len() < 2 {
        return None;
    }
    let t = crate::text::sentences::split(target, lang);
    if t.len() < 2 {
        return None;
    }
    let sides = [
        (src_lang, s.iter().map(|r| &source[r.clone()]).collect()),
        (lang, t.iter().map(|r| &target[r.clone()]).collect()),
    ];
    let beads = crate::align::multi::align_all(&sides, &Options::default()).beads;
    if beads.len() < 2 {
        return None;
    }
    let mut out = Vec::with_capacity(beads.len());
    for b in &beads {
        let (bs, bt) = (&b.sides[0], &b.sides[1]);
        if bs.is_empty() || bt.is_empty() || b.score < SENTENCE_CONFIDENCE {
            return None;
        }
        let span = |v: &[usize], r: &[Range<usize>]| r[v[0]].start..r[v[v.len() - 1]].end;
        out.push((span(bs, &s), span(bt, &t)));
    }
    Some(out)
}

/// A source in the wrong language is an input error: the language given for it (or the
/// draft's) is not the one its text is written in.
fn check_source_lang(source: &Read, req: &Request, target: &Lang) -> Result<()> {
    let detected = crate::text::lang::detect(source.source());
    let lang = &source.document.lang;
    let path = source.document.path.clone();
    if let (Some(given), Some(d)) = (&req.source_lang, &detected) {
        if d != given && distinct_scripts(d, given) {
            return Err(Error::Input {
                path,
                message: format!(
                    "the source is given as {given} (--source-lang) but its text is in {d}"
                ),
            });
        }
    }
    if lang == target || detected.as_ref() == Some(target) && req.source_lang.is_none() {
        return Err(Error::Input {
            path,
            message: format!(
                "the source is in {target}, the draft's language: give the source document (or its language with --source-lang)"
            ),
        });
    }
    Ok(())
}

/// Whether two languages can be told apart by the detector with confidence (Arabic from the
/// Latin-script ones, French from English).
fn distinct_scripts(a: &Lang, b: &Lang) -> bool {
    let known = |l: &Lang| matches!(l, Lang::Fr | Lang::En | Lang::Ar);
    known(a) && known(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_checked_sentence_by_sentence_when_their_sentences_pair() {
        let fr = "Le Conseil a tenu douze séances en 2019 à New York. Il a adopté cinq résolutions sur la cybercriminalité et la sécurité.";
        let en = "The Council held twelve meetings in 2019 in New York. It adopted five resolutions on cybercrime and security.";
        let pairs = sentence_pairs(fr, &Lang::Fr, en, &Lang::En).unwrap();
        assert_eq!(pairs.len(), 2);
        assert!(en[pairs[1].1.clone()].starts_with("It adopted"));
        assert!(fr[pairs[1].0.clone()].starts_with("Il a adopté"));
        // One sentence on a side: the paragraph is the unit.
        assert!(sentence_pairs(fr, &Lang::Fr, "The Council met.", &Lang::En).is_none());
    }

    #[test]
    fn contents_given_read_as_the_files_would() {
        let dir = tempfile::tempdir().unwrap();
        let fr = "Le Conseil de sécurité a tenu 12 séances.\n\nIl a adopté 5 résolutions.\n";
        let en = "The Security Council held 12 meetings.\n\nIt adopted 5 resolutions.\n";
        let tmx = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n\
            <header srclang=\"fr\" segtype=\"paragraph\" datatype=\"plaintext\" \
            o-tmf=\"x\" adminlang=\"en\" creationtool=\"x\" creationtoolversion=\"1\"/>\n\
            <body><tu><tuv xml:lang=\"fr\"><seg>Le Conseil a tenu 12 séances.</seg></tuv>\
            <tuv xml:lang=\"en\"><seg>The Council held 13 meetings.</seg></tuv></tu></body>\n\
            </tmx>\n"
            .as_bytes()
            .to_vec();
        let (draft, source, memory) = (
            dir.path().join("a.en.txt"),
            dir.path().join("a.fr.txt"),
            dir.path().join("b.tmx"),
        );
        std::fs::write(&draft, en).unwrap();
        std::fs::write(&source, fr).unwrap();
        std::fs::write(&memory, &tmx).unwrap();
        let on_disk = Request {
            source: Some(source.clone()),
            ..Request::default()
        };
        let given = Request {
            contents: Some(Contents {
                draft: en.as_bytes().to_vec(),
                source: Some(fr.as_bytes().to_vec()),
            }),
            ..on_disk.clone()
        };
        let debug = |d: Vec<Doc>| format!("{d:?}");
        assert_eq!(
            debug(read(&draft, &given).unwrap()),
            debug(read(&draft, &on_disk).unwrap())
        );
        // The bytes are read, not the files: gone, they are not missed.
        let alone = |bytes: &[u8]| Request {
            contents: Some(Contents {
                draft: bytes.to_vec(),
                source: None,
            }),
            ..Request::default()
        };
        let from_file = debug(read(&memory, &Request::default()).unwrap());
        std::fs::remove_file(&memory).unwrap();
        assert_eq!(debug(read(&memory, &alone(&tmx)).unwrap()), from_file);
        std::fs::remove_file(&draft).unwrap();
        assert_eq!(
            read(&draft, &alone(en.as_bytes())).unwrap()[0].units.len(),
            2
        );
        // The source's bytes without a source, or a source without its bytes: refused.
        let e = read(
            &draft,
            &Request {
                source: None,
                ..given.clone()
            },
        )
        .unwrap_err();
        assert!(matches!(e, Error::Usage(_)), "{e}");
        let e = read(
            &draft,
            &Request {
                source: Some(source),
                ..alone(en.as_bytes())
            },
        );
        assert!(matches!(e, Err(Error::Usage(_))));
    }
}
