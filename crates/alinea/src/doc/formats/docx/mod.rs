//! Word documents (`.docx`, WordprocessingML in a zip archive).
//!
//! Read: the main part's paragraphs in order (`paragraph N`, counting every paragraph of the
//! body, empty ones too); headings (a paragraph style named `heading …`, `Title` or
//! `Subtitle`, or an outline level); lists with the numbers Word shows (`numbering.xml`:
//! formats, level texts such as `%1.` or `%1.%2`, start values and overrides); tables cell by
//! cell (`table 1, row 2, cell 3`: the paragraphs of a cell are one unit); footnotes and
//! endnotes as notes of their own (`footnote 3`, numbered in reference order), each right
//! after the paragraph or cell that refers to it, the reference a footnote mark in the text;
//! tracked changes as accepted (`w:ins` and `w:moveTo` kept, `w:del` and `w:moveFrom`
//! dropped); bold, italics, underline, superscript and subscript of runs (direct or from a
//! character style) as inline tags, line breaks as line-break marks, tabs as spaces; field
//! codes dropped, field results kept; text boxes as paragraphs of their own.
//!
//! Not read: headers, footers, comments; a numbered paragraph typed by hand (`1. Text`)
//! gets its label from the text, as in plain text.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::Event;

mod numbering;

use numbering::{numbering, styles, Counters, Numbering, Style};

use super::styling::{self, Run};
use super::{attr, input_error, local, part_name, xml_part, zip, Block};
use crate::doc::inline::{self, TagKind};
use crate::doc::UnitKind;
use crate::input::xml::XmlReader;
use crate::text::markup;
use crate::Result;

/// What holds a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Container {
    Body,
    /// Table, row and cell numbers (1-based) of the outermost table.
    Cell(usize, usize, usize),
    /// A footnote or endnote, by id.
    Note(String),
}

/// A paragraph as the part holds it.
#[derive(Debug)]
struct Para {
    text: String,
    style: Option<String>,
    /// `numId` and level.
    num: Option<(String, usize)>,
    outline: Option<usize>,
    container: Container,
    /// Footnote (`false`) and endnote (`true`) references, by id, in order.
    notes: Vec<(bool, String)>,
}

/// Reads the paragraphs of an XML part (the body, footnotes or endnotes), their runs'
/// formatting (with the character styles `chars`) as the marks of [`inline`].
fn paragraphs(text: &str, name: &Path, root: &str, chars: &styling::Styles) -> Result<Vec<Para>> {
    let mut run = Run::default();
    let mut xml = XmlReader::from_str(text, name);
    let mut buf = Vec::new();
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut open: Vec<Para> = Vec::new();
    let mut out = Vec::new();
    let mut skip = 0usize;
    let mut in_t = false;
    // Outermost table: its number, row and cell; how deep tables are nested.
    let (mut table, mut row, mut cell, mut tables) = (0, 0, 0, 0usize);
    let mut note: Option<String> = None;
    let container = |tables: usize, note: &Option<String>, t, r, c| match note {
        Some(id) => Container::Note(id.clone()),
        None if tables > 0 => Container::Cell(t, r, c),
        None => Container::Body,
    };
    loop {
        let event = xml.next(&mut buf)?;
        let (e, empty) = match &event {
            Event::Start(e) => (Some(e.clone().into_owned()), false),
            Event::Empty(e) => (Some(e.clone().into_owned()), true),
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                if skip == 0 {
                    end_run(&name, &stack, &mut run, chars, &mut open);
                }
                close(
                    &name,
                    &mut skip,
                    &mut in_t,
                    &mut open,
                    &mut out,
                    &mut tables,
                    &mut note,
                );
                continue;
            }
            Event::Text(t) => {
                if in_t && skip == 0 {
                    if let Some(p) = open.last_mut() {
                        inline::push_text(&mut p.text, &xml.text(t)?);
                    }
                }
                continue;
            }
            Event::CData(t) => {
                if in_t && skip == 0 {
                    if let Some(p) = open.last_mut() {
                        inline::push_text(&mut p.text, &String::from_utf8_lossy(t));
                    }
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let Some(e) = e else { continue };
        let name = local(e.name().as_ref()).to_vec();
        if stack.is_empty() && name != root.as_bytes() {
            return Err(xml.error(format!(
                "is not WordprocessingML: the root element is <{}>, not <w:{root}>",
                String::from_utf8_lossy(e.name().as_ref())
            )));
        }
        let parent = stack.last().map(Vec::as_slice).unwrap_or_default();
        let in_ppr = parent == b"pPr"
            && stack.len() >= 2
            && stack[stack.len() - 2].as_slice() == b"p".as_slice();
        match name.as_slice() {
            b"del" | b"moveFrom" | b"Fallback" | b"pPrChange" | b"rPrChange" | b"instrText" => {
                skip += 1
            }
            _ if skip > 0 => {}
            b"p" => open.push(Para {
                text: String::new(),
                style: None,
                num: None,
                outline: None,
                container: container(tables, &note, table, row, cell),
                notes: Vec::new(),
            }),
            b"t" => in_t = true,
            b"r" => run.begin(),
            _ if parent == b"rPr" && stack.len() >= 2 && stack[stack.len() - 2] == b"r" => {
                run.property(&name, &e)
            }
            b"tab" if parent == b"r" => push(&mut open, " "),
            b"br" | b"cr" => push(&mut open, &inline::mark(TagKind::LineBreak).to_string()),
            b"noBreakHyphen" => push(&mut open, "\u{2011}"),
            b"footnoteReference" | b"endnoteReference" => {
                let endnote = name.as_slice() == b"endnoteReference";
                if let (Some(p), Some(id)) = (open.last_mut(), attr(&e, b"id")) {
                    p.notes.push((endnote, id));
                    let kind = if endnote {
                        TagKind::Endnote
                    } else {
                        TagKind::Footnote
                    };
                    p.text.push(inline::mark(kind));
                }
            }
            b"pStyle" if in_ppr => {
                if let Some(p) = open.last_mut() {
                    p.style = attr(&e, b"val");
                }
            }
            b"outlineLvl" if in_ppr => {
                if let Some(p) = open.last_mut() {
                    p.outline = attr(&e, b"val").and_then(|v| v.parse().ok());
                }
            }
            b"ilvl" | b"numId" if parent == b"numPr" => {
                if let Some(p) = open.last_mut() {
                    let v = attr(&e, b"val").unwrap_or_default();
                    let num = p.num.get_or_insert((String::new(), 0));
                    if name.as_slice() == b"ilvl" {
                        num.1 = v.parse().unwrap_or(0);
                    } else {
                        num.0 = v;
                    }
                }
            }
            b"tbl" => {
                if tables == 0 {
                    table += 1;
                    row = 0;
                }
                tables += 1;
            }
            b"tr" if tables == 1 => {
                row += 1;
                cell = 0;
            }
            b"tc" if tables == 1 => cell += 1,
            b"footnote" | b"endnote" if stack.len() == 1 => {
                let kind = attr(&e, b"type").unwrap_or_default();
                note = attr(&e, b"id").filter(|_| kind.is_empty() || kind == "normal");
                if note.is_none() {
                    skip += 1; // separators
                }
            }
            _ => {}
        }
        if empty {
            end_run(&name, &stack, &mut run, chars, &mut open);
            close(
                &name,
                &mut skip,
                &mut in_t,
                &mut open,
                &mut out,
                &mut tables,
                &mut note,
            );
        } else {
            stack.push(name);
        }
    }
    Ok(out)
}

/// The end of `name` (its parents `stack`) for the run being read: the end of a run's
/// properties writes the opening marks of its formatting, the end of the run their closing
/// ones.
fn end_run(
    name: &[u8],
    stack: &[Vec<u8>],
    run: &mut Run,
    chars: &styling::Styles,
    open: &mut [Para],
) {
    match name {
        b"rPr" if stack.last().is_some_and(|p| p == b"r") => push(open, &run.opening(chars)),
        b"r" => push(open, &run.closing()),
        _ => {}
    }
}

fn push(open: &mut [Para], s: &str) {
    if let Some(p) = open.last_mut() {
        p.text.push_str(s);
    }
}

/// Closing the element `name`.
fn close(
    name: &[u8],
    skip: &mut usize,
    in_t: &mut bool,
    open: &mut Vec<Para>,
    out: &mut Vec<Para>,
    tables: &mut usize,
    note: &mut Option<String>,
) {
    match name {
        b"del" | b"moveFrom" | b"Fallback" | b"pPrChange" | b"rPrChange" | b"instrText" => {
            *skip = skip.saturating_sub(1)
        }
        b"footnote" | b"endnote" if *skip > 0 && note.is_none() => *skip -= 1,
        _ if *skip > 0 => {}
        b"t" => *in_t = false,
        b"p" => out.extend(open.pop()),
        b"tbl" => *tables = tables.saturating_sub(1),
        b"footnote" | b"endnote" => *note = None,
        _ => {}
    }
}

/// The target of the relationship of `type_suffix` (`/styles`, `/footnotes` …) in a `.rels`
/// part, made relative to the archive root (`word/`).
fn relationships(text: &str, name: &Path) -> Result<Vec<(String, String)>> {
    let mut xml = XmlReader::from_str(text, name);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match xml.next(&mut buf)? {
            Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == b"Relationship" => {
                if let (Some(t), Some(target)) = (attr(&e, b"Type"), attr(&e, b"Target")) {
                    out.push((t, target));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn resolve(dir: &str, target: &str) -> String {
    let target = target.trim_start_matches('/');
    if target.starts_with("word/") || dir.is_empty() {
        target.to_string()
    } else {
        format!("{dir}/{target}")
    }
}

/// Reads a `.docx` file's units.
pub(super) fn read(path: &Path, bytes: &[u8]) -> Result<Vec<Block>> {
    if !zip::is_zip(bytes) {
        return Err(input_error(
            path,
            "is not a Word document: a .docx file is a zip archive, and this is not one",
        ));
    }
    let archive = zip::Archive::new(bytes).map_err(|e| super::zip_error(path, &e))?;
    let mut main = "word/document.xml".to_string();
    if let Some(rels) = xml_part(&archive, path, "_rels/.rels")? {
        if let Some((_, t)) = relationships(&rels, &part_name(path, "_rels/.rels"))?
            .into_iter()
            .find(|(t, _)| t.ends_with("/officeDocument"))
        {
            main = resolve("", &t);
        }
    }
    let Some(document) = xml_part(&archive, path, &main)? else {
        let what = if archive.contains("content.xml") {
            " (it looks like an OpenDocument file: name it .odt)"
        } else {
            ""
        };
        return Err(input_error(
            path,
            format!("is not a Word document (WordprocessingML): the archive holds no {main}{what}"),
        ));
    };
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let dir = dir.to_string();
    let rels_name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let mut parts: HashMap<&str, String> = HashMap::new();
    if let Some(rels) = xml_part(&archive, path, &rels_name)? {
        for (t, target) in relationships(&rels, &part_name(path, &rels_name))? {
            for kind in ["styles", "numbering", "footnotes", "endnotes"] {
                if t.ends_with(&format!("/{kind}")) {
                    parts.insert(kind, resolve(&dir, &target));
                }
            }
        }
    }
    let part = |kind: &str| -> Result<Option<(String, String)>> {
        let name = parts
            .get(kind)
            .cloned()
            .unwrap_or_else(|| resolve(&dir, &format!("{kind}.xml")));
        Ok(xml_part(&archive, path, &name)?.map(|t| (name, t)))
    };
    let styles = match part("styles")? {
        Some((n, t)) => styles(&t, &part_name(path, &n))?,
        None => HashMap::new(),
    };
    let numbering = match part("numbering")? {
        Some((n, t)) => numbering(&t, &part_name(path, &n))?,
        None => Numbering::default(),
    };
    let chars = match part("styles")? {
        Some((n, t)) => styling::word_styles(&t, &part_name(path, &n))?,
        None => styling::Styles::default(),
    };
    let mut notes: HashMap<(bool, String), String> = HashMap::new();
    for (endnote, kind, root) in [
        (false, "footnotes", "footnotes"),
        (true, "endnotes", "endnotes"),
    ] {
        if let Some((n, t)) = part(kind)? {
            for p in paragraphs(&t, &part_name(path, &n), root, &chars)? {
                if let Container::Note(id) = p.container {
                    let text = notes.entry((endnote, id)).or_default();
                    text.push(' ');
                    text.push_str(&p.text);
                }
            }
        }
    }
    let body = paragraphs(&document, &part_name(path, &main), "document", &chars)?;
    Ok(assemble(body, &styles, &numbering, notes))
}

/// The units of the body's paragraphs, notes after the paragraph or cell that refers to them.
fn assemble(
    body: Vec<Para>,
    styles: &HashMap<String, Style>,
    numbering: &Numbering,
    mut notes: HashMap<(bool, String), String>,
) -> Vec<Block> {
    let mut out = Vec::new();
    let mut counters = Counters::default();
    let mut paragraph = 0;
    let (mut footnote, mut endnote) = (0, 0);
    let mut i = 0;
    let style_chain = |id: &Option<String>| {
        let mut chain = Vec::new();
        let mut cur = id.clone();
        while let Some(s) = cur.as_ref().and_then(|id| styles.get(id)) {
            if chain.len() > 10 {
                break;
            }
            chain.push(s);
            cur = s.based_on.clone();
        }
        chain
    };
    while i < body.len() {
        let p = &body[i];
        let mut refs = p.notes.clone();
        let block = match &p.container {
            Container::Cell(t, r, c) => {
                let mut text = p.text.clone();
                while body.get(i + 1).is_some_and(|q| q.container == p.container) {
                    i += 1;
                    text.push(' ');
                    text.push_str(&body[i].text);
                    refs.extend(body[i].notes.iter().cloned());
                }
                Block::new(
                    UnitKind::Body,
                    None,
                    &text,
                    format!("table {t}, row {r}, cell {c}"),
                )
            }
            _ => {
                paragraph += 1;
                let chain = style_chain(&p.style);
                let outline = p.outline.or_else(|| chain.iter().find_map(|s| s.outline));
                let heading = outline.is_some_and(|l| l < 9)
                    || chain.iter().any(|s| {
                        let n = s.name.to_ascii_lowercase();
                        n.starts_with("heading") || n == "title" || n == "subtitle"
                    });
                let num = p.num.clone().or_else(|| {
                    chain
                        .iter()
                        .find_map(|s| s.num.clone())
                        .map(|n| (n, outline.unwrap_or(0)))
                });
                let num = num.filter(|(n, _)| !n.is_empty() && n != "0");
                let place = format!("paragraph {paragraph}");
                match num {
                    Some((n, level)) => {
                        let label = counters.next(numbering, &n, level);
                        let kind = if heading {
                            UnitKind::Heading
                        } else {
                            UnitKind::ListItem
                        };
                        Block::new(kind, label, &p.text, place)
                    }
                    None if heading => Block::new(UnitKind::Heading, None, &p.text, place),
                    None => typed(&p.text, place),
                }
            }
        };
        out.extend(block);
        for (end, id) in refs {
            let (n, word) = if end {
                endnote += 1;
                (endnote, "endnote")
            } else {
                footnote += 1;
                (footnote, "footnote")
            };
            if let Some(text) = notes.remove(&(end, id)) {
                out.extend(Block::new(
                    UnitKind::Note,
                    Some(n.to_string()),
                    &text,
                    format!("{word} {n}"),
                ));
            }
        }
        i += 1;
    }
    // Notes no paragraph refers to, at the end.
    let mut rest: Vec<((bool, String), String)> = notes.into_iter().collect();
    rest.sort_by(|a, b| a.0.cmp(&b.0));
    for ((end, id), text) in rest {
        let word = if end { "endnote" } else { "footnote" };
        out.extend(Block::new(
            UnitKind::Note,
            None,
            &text,
            format!("{word} with id {id}"),
        ));
    }
    out
}

/// A paragraph without structure: a label typed at its start (`1.`, `a)`, `*`) is its label,
/// as in plain text.
///
/// Formatting marks before the label (a paragraph bold from its number on) are kept for the
/// text after it.
pub(super) fn typed(text: &str, place: String) -> Option<Block> {
    let whole = super::collapse(text);
    let lead = whole.len() - whole.trim_start_matches(inline::is_mark).len();
    let (marks, text) = whole.split_at(lead);
    let st = markup::line_start(text);
    match st.label.clone() {
        Some(r) if st.rest < text.len() => {
            let kind = if st.note_mark {
                UnitKind::Note
            } else {
                UnitKind::ListItem
            };
            let rest = format!("{marks}{}", &text[st.rest..]);
            Block::new(kind, Some(text[r].to_string()), &rest, place)
        }
        _ => Block::new(UnitKind::Body, None, &whole, place),
    }
}
