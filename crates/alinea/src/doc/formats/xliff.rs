//! XLIFF 1.2 and 2.x: the source and target of each unit, an aligned pair already.
//!
//! XLIFF 1.2: each `trans-unit`'s `source` and `target` (`alt-trans` proposals left out); a
//! unit segmented in `seg-source` (`mrk mtype="seg"`, as Okapi writes it) gives one pair per
//! segment, matched by `mid`. XLIFF 2.x: each `segment`'s `source` and `target`. Inline
//! codes: the text of `g`, `mrk`, `pc` is kept; native code (`ph`, `bpt`, `ept`, `it`,
//! `originalData`) and placeholders (`x`, `bx`, `ex`, `sc`, `ec`, `sm`, `em`) are left out;
//! `cp` is its character. Languages: `source-language`/`target-language` of the first `file`
//! (1.2), `srcLang`/`trgLang` (2.x). A unit without a target (or whose source or target is
//! empty) is left out with an `xliff/no-target` warning; a file where no unit has one is
//! refused.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::Event;

use super::{attr, input_error, local, Block, Format, Read, Source};
use crate::diag::Diagnostic;
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
                    push(&mut pending, capture, &mut mrk, &s);
                }
                continue;
            }
            Event::CData(t) => {
                if capture.is_some() && code == 0 {
                    let s = String::from_utf8_lossy(t).into_owned();
                    push(&mut pending, capture, &mut mrk, &s);
                }
                continue;
            }
            Event::End(_) => {
                let n = stack.pop().unwrap_or_default();
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
            }
            b"mrk" if capture.is_some() && !empty => match mrk.as_mut() {
                Some(m) => m.2 += 1,
                None if attr(&e, b"mtype").as_deref() == Some("seg") => {
                    mrk = Some((attr(&e, b"mid").unwrap_or_default(), String::new(), 0));
                }
                None => {}
            },
            b"ph" | b"bpt" | b"ept" | b"it" | b"originalData" | b"notes" | b"note" if !empty => {
                code = 1;
            }
            b"cp" if capture.is_some() => {
                let c = attr(&e, b"hex")
                    .and_then(|h| u32::from_str_radix(&h, 16).ok())
                    .and_then(char::from_u32)
                    .filter(|c| !c.is_control() || c.is_whitespace());
                if let Some(c) = c {
                    push(&mut pending, capture, &mut mrk, &c.to_string());
                }
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

fn push(
    pending: &mut Option<Pending>,
    capture: Option<Part>,
    mrk: &mut Option<(String, String, usize)>,
    s: &str,
) {
    let Some(p) = pending.as_mut() else { return };
    if let Some((_, m, _)) = mrk.as_mut() {
        m.push_str(s);
    }
    match capture {
        Some(Part::Source) => p.source.push_str(s),
        Some(Part::Target) => p.target.get_or_insert_with(String::new).push_str(s),
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
