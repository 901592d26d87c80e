//! OpenDocument text (`.odt`: `content.xml` in a zip archive).
//!
//! Read: paragraphs (`text:p`) and headings (`text:h`, and paragraphs in a `Title`,
//! `Subtitle` or `Heading` style) in order (`paragraph N`, empty ones counted); lists with the
//! numbers the list style gives (`style:num-format`, prefix, suffix, displayed levels, start
//! values, `text:continue-numbering`); tables cell by cell; footnotes and endnotes
//! (`text:note`) as notes of their own right after their paragraph; tracked changes as
//! accepted (the `text:tracked-changes` region, which holds deleted text, is left out);
//! `text:s` spaces and tabs as spaces; bold, italics, underline, superscript and subscript of
//! `text:span`s (their text styles, automatic or named) as inline tags, line breaks and note
//! references (in place of their citation) as marks; comments (`office:annotation`) left out.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::Event;

use super::styling;
use super::{attr, input_error, local, number_in, part_name, xml_part, zip, Block};
use crate::doc::inline::{self, TagKind};
use crate::doc::UnitKind;
use crate::input::xml::XmlReader;
use crate::Result;

/// One level of a list style: number format (empty for bullets), prefix, suffix, start,
/// how many levels the number shows.
#[derive(Clone, Debug, Default)]
struct Level {
    format: String,
    prefix: String,
    suffix: String,
    start: usize,
    display: usize,
}

/// List styles (levels by number, 1-based) and paragraph styles (parent, list style).
#[derive(Debug, Default)]
struct Styles {
    lists: HashMap<String, HashMap<usize, Level>>,
    /// Paragraph style → (parent style, list style).
    paragraphs: HashMap<String, (Option<String>, Option<String>)>,
}

fn read_styles(text: &str, name: &Path, into: &mut Styles) -> Result<()> {
    let mut xml = XmlReader::from_str(text, name);
    let mut buf = Vec::new();
    let mut list: Option<String> = None;
    loop {
        let e = match xml.next(&mut buf)? {
            Event::Start(e) | Event::Empty(e) => e.into_owned(),
            Event::Eof => break,
            _ => continue,
        };
        match local(e.name().as_ref()) {
            b"list-style" => list = attr(&e, b"name"),
            b"style" => {
                if let Some(n) = attr(&e, b"name") {
                    into.paragraphs.insert(
                        n,
                        (attr(&e, b"parent-style-name"), attr(&e, b"list-style-name")),
                    );
                }
            }
            n @ (b"list-level-style-number" | b"list-level-style-bullet") => {
                let (Some(l), Some(level)) = (
                    &list,
                    attr(&e, b"level").and_then(|v| v.parse::<usize>().ok()),
                ) else {
                    continue;
                };
                let number = n == b"list-level-style-number";
                into.lists.entry(l.clone()).or_default().insert(
                    level,
                    Level {
                        format: if number {
                            attr(&e, b"num-format").unwrap_or_default()
                        } else {
                            String::new()
                        },
                        prefix: attr(&e, b"num-prefix").unwrap_or_default(),
                        suffix: attr(&e, b"num-suffix").unwrap_or_default(),
                        start: attr(&e, b"start-value")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1),
                        display: attr(&e, b"display-levels")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1),
                    },
                );
            }
            _ => {}
        }
    }
    Ok(())
}

impl Styles {
    /// Whether paragraph style `name` (or one it is based on) is a title or heading style.
    fn heading(&self, name: &str) -> bool {
        let mut cur = Some(name.to_string());
        for _ in 0..10 {
            let Some(n) = cur else { break };
            let lower = n.to_ascii_lowercase();
            if lower == "title" || lower == "subtitle" || lower.starts_with("heading") {
                return true;
            }
            cur = self.paragraphs.get(&n).and_then(|(p, _)| p.clone());
        }
        false
    }

    fn list_of(&self, name: &str) -> Option<String> {
        let mut cur = Some(name.to_string());
        for _ in 0..10 {
            let n = cur?;
            let (parent, list) = self.paragraphs.get(&n)?;
            if list.is_some() {
                return list.clone();
            }
            cur = parent.clone();
        }
        None
    }
}

/// An open list: its style, and whether the item open in it has had its number.
struct List {
    style: Option<String>,
    numbered: bool,
    header: bool,
    start: Option<usize>,
}

/// An open paragraph.
struct Para {
    text: String,
    heading: bool,
    style: Option<String>,
    /// The notes it refers to: endnote or not, text.
    notes: Vec<(bool, String)>,
}

/// Reads a `.odt` file's units.
pub(super) fn read(path: &Path, bytes: &[u8]) -> Result<Vec<Block>> {
    if !zip::is_zip(bytes) {
        return Err(input_error(
            path,
            "is not an OpenDocument text: a .odt file is a zip archive, and this is not one",
        ));
    }
    let archive = zip::Archive::new(bytes).map_err(|e| super::zip_error(path, &e))?;
    if let Some(m) = archive
        .read("mimetype")
        .map_err(|e| super::zip_error(path, &e))?
    {
        let m = String::from_utf8_lossy(&m);
        if !m
            .trim()
            .starts_with("application/vnd.oasis.opendocument.text")
        {
            return Err(input_error(
                path,
                format!("is not an OpenDocument text: its mimetype is {}", m.trim()),
            ));
        }
    }
    let Some(content) = xml_part(&archive, path, "content.xml")? else {
        let what = if archive.contains("word/document.xml") {
            " (it looks like a Word file: name it .docx)"
        } else {
            ""
        };
        return Err(input_error(
            path,
            format!("is not an OpenDocument text: the archive holds no content.xml{what}"),
        ));
    };
    let mut styles = Styles::default();
    let mut chars = styling::Styles::default();
    if let Some(t) = xml_part(&archive, path, "styles.xml")? {
        read_styles(&t, &part_name(path, "styles.xml"), &mut styles)?;
        styling::odf_styles(&t, &part_name(path, "styles.xml"), &mut chars)?;
    }
    read_styles(&content, &part_name(path, "content.xml"), &mut styles)?;
    styling::odf_styles(&content, &part_name(path, "content.xml"), &mut chars)?;
    body(&content, &part_name(path, "content.xml"), &styles, &chars)
}

fn body(text: &str, name: &Path, styles: &Styles, chars: &styling::Styles) -> Result<Vec<Block>> {
    // The formatting each open `text:span` turned on.
    let mut spans: Vec<Vec<TagKind>> = Vec::new();
    let mut xml = XmlReader::from_str(text, name);
    let mut buf = Vec::new();
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut out = Vec::new();
    let mut paras: Vec<Para> = Vec::new();
    let mut lists: Vec<List> = Vec::new();
    // Counters per list style: the current number at each level (1-based index - 1).
    let mut counters: HashMap<String, Vec<usize>> = HashMap::new();
    // Open notes: endnote or not, depth of `paras` when the note began, text so far.
    let mut notes: Vec<(bool, usize, String)> = Vec::new();
    let mut skip = 0usize;
    let (mut paragraph, mut footnote, mut endnote) = (0, 0, 0);
    let (mut table, mut row, mut cell, mut tables) = (0, 0, 0, 0usize);
    let mut cell_text: Option<(String, Vec<(bool, String)>)> = None;
    let mut in_body = false;
    loop {
        let event = xml.next(&mut buf)?;
        let (e, empty) = match &event {
            Event::Start(e) => (e.clone().into_owned(), false),
            Event::Empty(e) => (e.clone().into_owned(), true),
            Event::Text(t) => {
                if skip == 0 {
                    if let Some(p) = paras.last_mut() {
                        inline::push_text(&mut p.text, &xml.text(t)?);
                    }
                }
                continue;
            }
            Event::End(_) => {
                let n = stack.pop().unwrap_or_default();
                if n == b"span" && skip == 0 && in_body {
                    let kinds = spans.pop().unwrap_or_default();
                    if let Some(p) = paras.last_mut() {
                        p.text.push_str(&styling::closing(&kinds));
                    }
                }
                let ctx = Ctx {
                    styles,
                    out: &mut out,
                    paras: &mut paras,
                    lists: &mut lists,
                    counters: &mut counters,
                    notes: &mut notes,
                };
                end(
                    &n,
                    ctx,
                    &mut skip,
                    &mut paragraph,
                    (&mut footnote, &mut endnote),
                    (table, row, cell, &mut tables),
                    &mut cell_text,
                );
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let n = local(e.name().as_ref()).to_vec();
        if stack.is_empty() && n != b"document-content" && n != b"document" {
            return Err(xml.error(format!(
                "is not an OpenDocument text: the root element is <{}>",
                String::from_utf8_lossy(e.name().as_ref())
            )));
        }
        match n.as_slice() {
            b"tracked-changes"
            | b"annotation"
            | b"note-citation"
            | b"automatic-styles"
            | b"font-face-decls"
            | b"scripts"
            | b"table-of-content-source" => skip += 1,
            _ if skip > 0 => {}
            b"text" if stack.last().is_some_and(|p| p == b"body") => in_body = true,
            _ if !in_body => {}
            b"p" | b"h" => {
                let style = attr(&e, b"style-name");
                paras.push(Para {
                    text: String::new(),
                    heading: n == b"h" || style.as_deref().is_some_and(|s| styles.heading(s)),
                    style,
                    notes: Vec::new(),
                })
            }
            b"s" => {
                let c = attr(&e, b"c")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1usize);
                if let Some(p) = paras.last_mut() {
                    p.text.push_str(&" ".repeat(c.min(100)));
                }
            }
            b"tab" => {
                if let Some(p) = paras.last_mut() {
                    p.text.push(' ');
                }
            }
            b"line-break" => {
                if let Some(p) = paras.last_mut() {
                    p.text.push(inline::mark(TagKind::LineBreak));
                }
            }
            b"span" if !empty => {
                let kinds = attr(&e, b"style-name")
                    .map(|s| chars.resolve(&s).on())
                    .unwrap_or_default();
                if let Some(p) = paras.last_mut() {
                    p.text.push_str(&styling::opening(&kinds));
                }
                spans.push(kinds);
            }
            b"note" => {
                let end = attr(&e, b"note-class").is_some_and(|c| c == "endnote");
                if let Some(p) = paras.last_mut() {
                    p.text.push(inline::mark(if end {
                        TagKind::Endnote
                    } else {
                        TagKind::Footnote
                    }));
                }
                notes.push((end, paras.len(), String::new()));
            }
            b"list" => {
                let continues = attr(&e, b"continue-numbering").is_some_and(|v| v == "true")
                    || attr(&e, b"continue-list").is_some();
                let style =
                    attr(&e, b"style-name").or_else(|| lists.last().and_then(|l| l.style.clone()));
                if lists.is_empty() && !continues {
                    if let Some(s) = &style {
                        counters.remove(s);
                    }
                }
                lists.push(List {
                    style,
                    numbered: false,
                    header: false,
                    start: None,
                });
            }
            b"list-item" | b"list-header" => {
                if let Some(l) = lists.last_mut() {
                    l.numbered = false;
                    l.header = n == b"list-header";
                    l.start = attr(&e, b"start-value").and_then(|v| v.parse().ok());
                }
            }
            b"table" => {
                if tables == 0 {
                    table += 1;
                    row = 0;
                }
                tables += 1;
            }
            b"table-row" if tables == 1 => {
                row += 1;
                cell = 0;
            }
            b"table-cell" if tables == 1 => {
                cell += 1;
                cell_text = Some((String::new(), Vec::new()));
            }
            _ => {}
        }
        if empty {
            let ctx = Ctx {
                styles,
                out: &mut out,
                paras: &mut paras,
                lists: &mut lists,
                counters: &mut counters,
                notes: &mut notes,
            };
            end(
                &n,
                ctx,
                &mut skip,
                &mut paragraph,
                (&mut footnote, &mut endnote),
                (table, row, cell, &mut tables),
                &mut cell_text,
            );
        } else {
            stack.push(n);
        }
    }
    Ok(out)
}

struct Ctx<'a> {
    styles: &'a Styles,
    out: &'a mut Vec<Block>,
    paras: &'a mut Vec<Para>,
    lists: &'a mut Vec<List>,
    counters: &'a mut HashMap<String, Vec<usize>>,
    notes: &'a mut Vec<(bool, usize, String)>,
}

fn emit_notes(out: &mut Vec<Block>, notes: Vec<(bool, String)>, counts: (&mut usize, &mut usize)) {
    let (footnote, endnote) = counts;
    for (end, text) in notes {
        let (n, word) = if end {
            *endnote += 1;
            (*endnote, "endnote")
        } else {
            *footnote += 1;
            (*footnote, "footnote")
        };
        out.extend(Block::new(
            UnitKind::Note,
            Some(n.to_string()),
            &text,
            format!("{word} {n}"),
        ));
    }
}

/// Closing the element `n`.
fn end(
    n: &[u8],
    ctx: Ctx,
    skip: &mut usize,
    paragraph: &mut usize,
    counts: (&mut usize, &mut usize),
    (table, row, cell, tables): (usize, usize, usize, &mut usize),
    cell_text: &mut Option<(String, Vec<(bool, String)>)>,
) {
    match n {
        b"tracked-changes"
        | b"annotation"
        | b"note-citation"
        | b"automatic-styles"
        | b"font-face-decls"
        | b"scripts"
        | b"table-of-content-source" => *skip = skip.saturating_sub(1),
        _ if *skip > 0 => {}
        b"p" | b"h" => {
            let Some(p) = ctx.paras.pop() else { return };
            // A paragraph inside a note belongs to the note.
            if let Some(note) = ctx.notes.last_mut().filter(|nt| nt.1 == ctx.paras.len()) {
                note.2.push(' ');
                note.2.push_str(&p.text);
                return;
            }
            if let Some((text, notes)) = cell_text.as_mut().filter(|_| *tables > 0) {
                text.push(' ');
                text.push_str(&p.text);
                notes.extend(p.notes);
                return;
            }
            *paragraph += 1;
            let place = format!("paragraph {paragraph}");
            let list_style = ctx
                .lists
                .last()
                .and_then(|l| l.style.clone())
                .or_else(|| p.style.as_deref().and_then(|s| ctx.styles.list_of(s)));
            let block = match ctx.lists.last_mut() {
                Some(l) if !l.numbered && !l.header => {
                    l.numbered = true;
                    let level = ctx.lists.len();
                    let label = list_style.and_then(|s| {
                        let levels = ctx.styles.lists.get(&s)?;
                        let counts = ctx.counters.entry(s.clone()).or_default();
                        if counts.len() < level {
                            counts.resize(level, 0);
                        }
                        let this = levels.get(&level);
                        let start = ctx.lists.last().and_then(|l| l.start);
                        counts[level - 1] = match start {
                            Some(s) => s,
                            None if counts[level - 1] == 0 => this.map_or(1, |l| l.start),
                            None => counts[level - 1] + 1,
                        };
                        counts.truncate(level);
                        let this = this?;
                        if this.format.is_empty() {
                            return None;
                        }
                        let shown = this.display.clamp(1, level);
                        let numbers: Vec<String> = (level - shown..level)
                            .map(|k| {
                                let f = levels.get(&(k + 1)).map_or("1", |l| l.format.as_str());
                                number_in(counts[k].max(1), f)
                            })
                            .collect();
                        Some(format!(
                            "{}{}{}",
                            this.prefix,
                            numbers.join("."),
                            this.suffix
                        ))
                    });
                    let kind = if p.heading {
                        UnitKind::Heading
                    } else {
                        UnitKind::ListItem
                    };
                    Block::new(kind, label.filter(|l| !l.trim().is_empty()), &p.text, place)
                }
                _ if p.heading => Block::new(UnitKind::Heading, None, &p.text, place),
                _ => super::docx::typed(&p.text, place),
            };
            ctx.out.extend(block);
            emit_notes(ctx.out, p.notes, counts);
        }
        b"note" => {
            if let Some((endnote, _, text)) = ctx.notes.pop() {
                match ctx.paras.last_mut() {
                    Some(p) => p.notes.push((endnote, text)),
                    None => emit_notes(ctx.out, vec![(endnote, text)], counts),
                }
            }
        }
        b"list" => {
            ctx.lists.pop();
        }
        b"table" => *tables = tables.saturating_sub(1),
        b"table-cell" if *tables == 1 => {
            if let Some((text, notes)) = cell_text.take() {
                ctx.out.extend(Block::new(
                    UnitKind::Body,
                    None,
                    &text,
                    format!("table {table}, row {row}, cell {cell}"),
                ));
                emit_notes(ctx.out, notes, counts);
            }
        }
        _ => {}
    }
}
