//! XLIFF 1.2 and 2.x: the source and target of each unit, an aligned pair already.
//!
//! XLIFF 1.2: each `trans-unit`'s `source` and `target` (`alt-trans` proposals left out); a
//! unit segmented in `seg-source` (`mrk mtype="seg"`, as Okapi writes it) gives one pair per
//! segment, matched by `mid`. XLIFF 2.x: each `segment`'s `source` and `target`.
//!
//! Inline codes become the unit's tags ([`crate::doc::inline`]), so that a TMX written from
//! the file keeps them: paired codes (`g`, `bx`/`ex`, `bpt`/`ept` in 1.2; `pc`, `sc`/`ec` in
//! 2.x, paired by `rid`/`id` and `startRef`) are spans, bold, italic, underline, superscript
//! or subscript when their `ctype` (1.2) or `subType` (2.x, `xlf:b`, `xlf:i`, `xlf:u`) says so,
//! else [`TagKind::Code`]; standalone codes (`x`, `ph`, `it`, an isolated `sc`/`ec`) are
//! marks, a line break for `ctype="lb"` or `subType="xlf:lb"`, else
//! [`TagKind::Placeholder`]. The native code inside `ph`, `bpt`, `ept`, `it` and
//! `originalData` is not text; the text of `g`, `pc`, `mrk`, `sm`/`em` annotations is; `cp`
//! is its character. The codes' ids and native data are not carried: a TMX gets alinea's
//! own codes for them (`<g>`, `<x/>`). Languages: `source-language`/`target-language` of the first `file`
//! (1.2), `srcLang`/`trgLang` (2.x). A unit without a target (or whose source or target is
//! empty) is left out with an `xliff/no-target` warning; a file where no unit has one is
//! refused.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::Event;

use quick_xml::events::BytesStart;

use super::{attr, input_error, local, Block, Format, Read, Source};
use crate::diag::Diagnostic;
use crate::doc::inline::{self, TagKind};
use crate::doc::UnitKind;
use crate::input::xml::XmlReader;
use crate::Result;

/// What a captured piece of text is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Source,
    Target,
    SegSource,
}

/// The formatting a code's `ctype` (1.2) or `subType` (2.x) names, if any.
fn named_kind(e: &BytesStart) -> Option<TagKind> {
    let t = attr(e, b"ctype").or_else(|| attr(e, b"subType"))?;
    let t = t.to_ascii_lowercase();
    let t = t
        .strip_prefix("x-")
        .or_else(|| t.strip_prefix("xlf:"))
        .unwrap_or(&t);
    Some(match t {
        "bold" | "b" => TagKind::Bold,
        "italic" | "i" => TagKind::Italic,
        "underlined" | "underline" | "u" => TagKind::Underline,
        "superscript" | "sup" => TagKind::Superscript,
        "subscript" | "sub" => TagKind::Subscript,
        "lb" => TagKind::LineBreak,
        _ => return None,
    })
}

/// The kind of a paired code: a formatting span, else a generic code.
fn span_kind(e: &BytesStart) -> TagKind {
    named_kind(e)
        .filter(|k| !k.is_mark())
        .unwrap_or(TagKind::Code)
}

/// The kind of a standalone code: a line break, else a generic placeholder.
fn mark_kind(e: &BytesStart) -> TagKind {
    match named_kind(e) {
        Some(TagKind::LineBreak) => TagKind::LineBreak,
        _ => TagKind::Placeholder,
    }
}

/// What pairs a begin code with its end: `rid` or `id` (1.2 `bx`/`ex`, `bpt`/`ept`), `id`
/// and `startRef` (2.x `sc`/`ec`).
fn pair_key(e: &BytesStart) -> String {
    attr(e, b"rid")
        .or_else(|| attr(e, b"startRef"))
        .or_else(|| attr(e, b"id"))
        .unwrap_or_default()
}

/// The unit (1.2) or segment (2.x) being read.
#[derive(Default)]
struct Pending {
    place: String,
    source: String,
    target: Option<String>,
    /// `seg-source` segments by `mid`, in order, and the target's.
    seg_source: Vec<(String, String)>,
    seg_target: HashMap<String, String>,
}

/// Reads an XLIFF file.
pub(super) fn read(path: &Path, text: &str) -> Result<Read> {
    let mut xml = XmlReader::from_str(text, path);
    let mut buf = Vec::new();
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let (mut src_lang, mut tgt_lang): (Option<String>, Option<String>) = (None, None);
    let mut version = String::new();
    let mut unit_id = String::new();
    let mut segments_in_unit = 0;
    let mut pending: Option<Pending> = None;
    let mut capture: Option<Part> = None;
    let mut mrk: Option<(String, String, usize)> = None;
    let mut code = 0usize;
    // The kinds of the `g`/`pc` spans open, and of begin codes by their pairing key.
    let mut spans: Vec<TagKind> = Vec::new();
    let mut paired: HashMap<String, TagKind> = HashMap::new();
    let mut pairs: Vec<(Block, Block)> = Vec::new();
    let (mut units, mut untranslated, mut first_untranslated) = (0usize, 0usize, None);
    let mut finish = |p: Pending| {
        let mut found = Vec::new();
        if p.seg_source.is_empty() {
            found.push((p.place.clone(), p.source, p.target));
        } else {
            for (mid, s) in p.seg_source {
                let t = p.seg_target.get(&mid).cloned();
                found.push((format!("{}, segment {mid}", p.place), s, t));
            }
        }
        for (place, s, t) in found {
            units += 1;
            let src = Block::new(UnitKind::Body, None, &s, place.clone());
            let tgt = t.and_then(|t| Block::new(UnitKind::Body, None, &t, place.clone()));
            match (src, tgt) {
                (Some(a), Some(b)) => pairs.push((a, b)),
                _ => {
                    untranslated += 1;
                    first_untranslated.get_or_insert(place);
                }
            }
        }
    };
    loop {
        let event = xml.next(&mut buf)?;
        let (e, empty) = match &event {
            Event::Start(e) => (e.clone().into_owned(), false),
            Event::Empty(e) => (e.clone().into_owned(), true),
            Event::Text(t) => {
                if capture.is_some() && code == 0 {
                    let s = xml.text(t)?;
                    push(&mut pending, capture, &mut mrk, &s, false);
                }
                continue;
            }
            Event::CData(t) => {
                if capture.is_some() && code == 0 {
                    let s = String::from_utf8_lossy(t).into_owned();
                    push(&mut pending, capture, &mut mrk, &s, false);
                }
                continue;
            }
            Event::End(_) => {
                let n = stack.pop().unwrap_or_default();
                if code == 0 && capture.is_some() && matches!(n.as_slice(), b"g" | b"pc") {
                    let kind = spans.pop().unwrap_or(TagKind::Code);
                    let close = inline::close(kind).to_string();
                    push(&mut pending, capture, &mut mrk, &close, true);
                }
                end(
                    &n,
                    &mut capture,
                    &mut mrk,
                    &mut code,
                    &mut pending,
                    &mut finish,
                );
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let n = local(e.name().as_ref()).to_vec();
        let parent = stack.last().map(Vec::as_slice).unwrap_or_default();
        if stack.is_empty() {
            if n != b"xliff" {
                return Err(xml.error(format!(
                    "is not XLIFF: the root element is <{}>",
                    String::from_utf8_lossy(e.name().as_ref())
                )));
            }
            version = attr(&e, b"version").unwrap_or_default();
            src_lang = attr(&e, b"srcLang");
            tgt_lang = attr(&e, b"trgLang");
        }
        match n.as_slice() {
            _ if code > 0 && !empty => code += 1,
            _ if code > 0 => {}
            b"file" => {
                if src_lang.is_none() {
                    src_lang = attr(&e, b"source-language");
                }
                if tgt_lang.is_none() {
                    tgt_lang = attr(&e, b"target-language");
                }
            }
            b"trans-unit" => {
                pending = Some(Pending {
                    place: format!("unit {}", attr(&e, b"id").unwrap_or_default()),
                    ..Pending::default()
                });
            }
            b"unit" => {
                unit_id = attr(&e, b"id").unwrap_or_default();
                segments_in_unit = 0;
            }
            b"segment" => {
                segments_in_unit += 1;
                let id = attr(&e, b"id").unwrap_or_else(|| segments_in_unit.to_string());
                pending = Some(Pending {
                    place: format!("unit {unit_id}, segment {id}"),
                    ..Pending::default()
                });
            }
            b"source" | b"target" | b"seg-source"
                if pending.is_some() && matches!(parent, b"trans-unit" | b"segment") =>
            {
                let part = match n.as_slice() {
                    b"source" => Part::Source,
                    b"target" => Part::Target,
                    _ => Part::SegSource,
                };
                if part == Part::Target {
                    if let Some(p) = pending.as_mut() {
                        p.target.get_or_insert_with(String::new);
                    }
                }
                capture = (!empty).then_some(part);
                spans.clear();
                paired.clear();
            }
            b"mrk" if capture.is_some() && !empty => match mrk.as_mut() {
                Some(m) => m.2 += 1,
                None if attr(&e, b"mtype").as_deref() == Some("seg") => {
                    mrk = Some((attr(&e, b"mid").unwrap_or_default(), String::new(), 0));
                }
                None => {}
            },
            b"cp" if capture.is_some() => {
                let c = attr(&e, b"hex")
                    .and_then(|h| u32::from_str_radix(&h, 16).ok())
                    .and_then(char::from_u32)
                    .filter(|c| !c.is_control() || c.is_whitespace());
                if let Some(c) = c {
                    push(&mut pending, capture, &mut mrk, &c.to_string(), false);
                }
            }
            b"g" | b"pc" if capture.is_some() && !empty => {
                let kind = span_kind(&e);
                spans.push(kind);
                let open = inline::open(kind).to_string();
                push(&mut pending, capture, &mut mrk, &open, true);
            }
            b"x" | b"ph" | b"it" | b"bx" | b"bpt" | b"sc" | b"ex" | b"ept" | b"ec"
                if capture.is_some() =>
            {
                let isolated = n == b"it" || attr(&e, b"isolated").as_deref() == Some("yes");
                let c = match n.as_slice() {
                    b"x" | b"ph" | b"it" => inline::mark(mark_kind(&e)),
                    _ if isolated => inline::mark(TagKind::Placeholder),
                    b"bx" | b"bpt" | b"sc" => {
                        let kind = span_kind(&e);
                        paired.insert(pair_key(&e), kind);
                        inline::open(kind)
                    }
                    _ => {
                        let kind = paired.get(&pair_key(&e)).copied();
                        inline::close(kind.unwrap_or(TagKind::Code))
                    }
                };
                push(&mut pending, capture, &mut mrk, &c.to_string(), true);
                if !empty {
                    code = 1;
                }
            }
            // Native code and notes, outside the text or not in it.
            b"ph" | b"bpt" | b"ept" | b"it" | b"originalData" | b"notes" | b"note" if !empty => {
                code = 1;
            }
            _ => {}
        }
        if empty {
            if matches!(n.as_slice(), b"trans-unit" | b"segment") {
                end(
                    &n,
                    &mut capture,
                    &mut mrk,
                    &mut code,
                    &mut pending,
                    &mut finish,
                );
            }
        } else {
            stack.push(n);
        }
    }
    let version_ok = version.starts_with("1.") || version.starts_with("2.");
    if !version_ok {
        return Err(input_error(
            path,
            format!("is XLIFF of version {version:?}; alinea reads XLIFF 1.2 and 2.x"),
        ));
    }
    if pairs.is_empty() {
        let message = if units == 0 {
            "is an XLIFF file with no translation unit".to_string()
        } else {
            format!(
                "is an XLIFF file with no translated unit: none of its {units} units has a target, so there is no aligned pair to read"
            )
        };
        return Err(input_error(path, message));
    }
    let (sources, targets): (Vec<Block>, Vec<Block>) = pairs.into_iter().unzip();
    let declared = |l: Option<String>, what: &str| {
        l.and_then(|l| Some((l.parse().ok()?, format!("its XLIFF header ({what} {l})"))))
    };
    let mut a = Source::blocks(path.to_path_buf(), Format::Xliff, sources)?;
    a.declared = declared(src_lang, "source language");
    let mut b = Source::blocks(path.to_path_buf(), Format::Xliff, targets)?;
    b.declared = declared(tgt_lang, "target language");
    if untranslated > 0 {
        a.warnings.push(
            Diagnostic::warning(
                "xliff/no-target",
                format!(
                    "{untranslated} of {units} units have no target (or an empty source) and are left out (the first: {})",
                    first_untranslated.unwrap_or_default()
                ),
            )
            .at_path(path),
        );
    }
    Ok(Read::Aligned(Box::new([a, b])))
}

/// Appends text (`mark`: false; reserved characters in it made harmless) or a tag mark to
/// what is being captured.
fn push(
    pending: &mut Option<Pending>,
    capture: Option<Part>,
    mrk: &mut Option<(String, String, usize)>,
    s: &str,
    mark: bool,
) {
    let Some(p) = pending.as_mut() else { return };
    let put = |out: &mut String| {
        if mark {
            out.push_str(s)
        } else {
            inline::push_text(out, s)
        }
    };
    if let Some((_, m, _)) = mrk.as_mut() {
        put(m);
    }
    match capture {
        Some(Part::Source) => put(&mut p.source),
        Some(Part::Target) => put(p.target.get_or_insert_with(String::new)),
        _ => {}
    }
}

fn end(
    n: &[u8],
    capture: &mut Option<Part>,
    mrk: &mut Option<(String, String, usize)>,
    code: &mut usize,
    pending: &mut Option<Pending>,
    finish: &mut impl FnMut(Pending),
) {
    if *code > 0 {
        *code -= 1;
        return;
    }
    match n {
        b"mrk" => {
            if let Some(m) = mrk.as_mut().filter(|m| m.2 > 0) {
                m.2 -= 1;
                return;
            }
            if let (Some((mid, text, _)), Some(p)) = (mrk.take(), pending.as_mut()) {
                match capture {
                    Some(Part::SegSource) => p.seg_source.push((mid, text)),
                    Some(Part::Target) => {
                        p.seg_target.insert(mid, text);
                    }
                    _ => {}
                }
            }
        }
        b"source" | b"target" | b"seg-source" => *capture = None,
        b"trans-unit" | b"segment" => {
            if let Some(p) = pending.take() {
                finish(p);
            }
        }
        _ => {}
    }
}
