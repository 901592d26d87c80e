//! HTML pages (`.html`, `.htm`), read leniently as browsers do: no page is refused for its
//! markup, only for holding no text.
//!
//! Each block element (`p`, `h1`–`h6`, `li`, `td`/`th`, `dt`/`dd`, `blockquote`, `pre`,
//! `caption`, `figcaption`, and text standing directly in a `div`, `section` …) is a unit,
//! placed at the `line:column` of its start tag; headings are headings, list items carry
//! the number an `ol` gives them (`start`, `type`, `reversed` aside, `value`), table cells are
//! placed as `table 1, row 2, cell 3` too. `script`, `style`, `template`, `noscript`, `svg`,
//! `math` and the `head` are dropped. `b`/`strong`, `i`/`em`, `u`, `sup` and `sub` are inline
//! tags, `br` a line-break mark; a link to a place in the page (`href="#…"`) inside a `sup`,
//! or one whose class, role or `epub:type` names a note (`footnote`, `fnref`, `noteref`), is a
//! footnote mark and its text (the note number) is left out. Entities: XML's five, numeric
//! references and the common named ones (Latin-1, typography); an unknown one is kept as
//! written. The `lang` of `<html>` (else of `<body>`) declares the page's language; `dir`
//! needs no handling (units keep their text in logical order).

mod entities;
mod tag;

use entities::decode_into;
use tag::{find_ci, NoTag, Tag};

use super::{collapse, Block};
use crate::doc::inline::{self, TagKind};
use crate::doc::UnitKind;

/// A page read into blocks, with its declared language.
pub(super) struct Page {
    pub blocks: Vec<Block>,
    pub lang: Option<String>,
}

/// Elements whose content is dropped.
const DROPPED: &[&str] = &[
    "script", "style", "template", "noscript", "svg", "math", "head", "iframe", "object",
];

/// Elements that start and end a unit.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "td",
    "th",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "caption",
    "figcaption",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "figure",
    "address",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "body",
    "html",
    "hr",
    "form",
    "fieldset",
    "legend",
    "details",
    "summary",
    "center",
];

/// An open list: ordered or not, the next number, the number type.
struct List {
    ordered: bool,
    next: i64,
    kind: String,
}

struct State<'a> {
    source: &'a str,
    out: Vec<Block>,
    text: String,
    /// Kind, label and place of the unit being gathered.
    current: Option<(UnitKind, Option<String>, String)>,
    lists: Vec<List>,
    /// Table, row, cell of the outermost table; tables open.
    cell: (usize, usize, usize),
    tables: usize,
    /// `sup` elements open.
    sups: usize,
    /// Inside a footnote reference link: its text is left out.
    in_note_ref: bool,
    /// The last place asked for: byte, line, column. Places are asked in the order of the
    /// page, so each is counted on from the one before (counting from the start each time
    /// made a page of many blocks quadratic).
    cursor: (usize, usize, usize),
}

/// The inline span an element stands for.
fn span_kind(name: &str) -> Option<TagKind> {
    Some(match name {
        "b" | "strong" => TagKind::Bold,
        "i" | "em" => TagKind::Italic,
        "u" => TagKind::Underline,
        "sup" => TagKind::Superscript,
        "sub" => TagKind::Subscript,
        _ => return None,
    })
}

impl State<'_> {
    /// Text between tags, its references resolved; left out inside a note reference.
    fn push_text(&mut self, raw: &str) {
        if self.in_note_ref {
            return;
        }
        let mut decoded = String::new();
        decode_into(raw, &mut decoded);
        inline::push_text(&mut self.text, &decoded);
    }

    /// Whether a link with `attrs` is a footnote reference: to a place in the page and inside
    /// a `sup`, or named a note reference by its class, role or `epub:type`.
    fn note_ref(&self, attrs: &[(String, String)]) -> bool {
        let get = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str());
        let local = get("href").is_some_and(|h| h.starts_with('#'));
        let named = ["class", "role", "epub:type"].iter().any(|k| {
            get(k).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                ["footnote", "fnref", "noteref", "endnote"]
                    .iter()
                    .any(|w| v.contains(w))
            })
        });
        local && (self.sups > 0 || named)
    }

    fn place(&mut self, at: usize) -> String {
        let (from, line, column) = self.cursor;
        let (line, column) = if at >= from {
            match crate::input::lines::position(&self.source[from..], at - from) {
                (1, c) => (line, column + c - 1),
                (l, c) => (line + l - 1, c),
            }
        } else {
            crate::input::lines::position(self.source, at)
        };
        self.cursor = (at, line, column);
        format!("{line}:{column}")
    }

    fn flush(&mut self) {
        let text = std::mem::take(&mut self.text);
        let Some((kind, label, place)) = self.current.take() else {
            if !collapse(&text).is_empty() {
                // Text outside any block (straight in <body>): a unit of its own.
                self.out.extend(super::docx::typed(&text, "?".into()));
            }
            return;
        };
        let block = match kind {
            UnitKind::Body if label.is_none() => super::docx::typed(&text, place),
            _ => Block::new(kind, label, &text, place),
        };
        self.out.extend(block);
    }

    /// A block element opens at byte `at`: the unit so far ends, the next one begins (a
    /// paragraph opening first thing in a list item or a heading stays part of it).
    fn open(&mut self, name: &str, attrs: &[(String, String)], at: usize) {
        let inside = matches!(name, "p" | "div" | "blockquote" | "pre" | "section")
            && collapse(&self.text).is_empty()
            && self.current.as_ref().is_some_and(|(kind, _, place)| {
                *kind != UnitKind::Body || place.contains("(table")
            });
        if inside {
            return;
        }
        self.flush();
        let get = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str());
        let place = self.place(at);
        let kind = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "caption" => UnitKind::Heading,
            "li" => UnitKind::ListItem,
            _ => UnitKind::Body,
        };
        match name {
            "ol" | "ul" => self.lists.push(List {
                ordered: name == "ol",
                next: get("start")
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(1),
                kind: get("type").unwrap_or("1").to_string(),
            }),
            "table" => {
                if self.tables == 0 {
                    self.cell = (self.cell.0 + 1, 0, 0);
                }
                self.tables += 1;
            }
            "tr" if self.tables == 1 => self.cell = (self.cell.0, self.cell.1 + 1, 0),
            "td" | "th" if self.tables == 1 => self.cell.2 += 1,
            _ => {}
        }
        let label = if name == "li" {
            self.lists.last_mut().and_then(|l| {
                if let Some(v) = get("value").and_then(|s| s.trim().parse().ok()) {
                    l.next = v;
                }
                let n = l.next;
                l.next += 1;
                l.ordered
                    .then(|| format!("{}.", super::number_in(n.max(1) as usize, &l.kind)))
            })
        } else {
            None
        };
        let place = match name {
            "td" | "th" if self.tables > 0 => format!(
                "{place} (table {}, row {}, cell {})",
                self.cell.0, self.cell.1, self.cell.2
            ),
            _ => place,
        };
        self.current = Some((kind, label, place));
    }

    fn close(&mut self, name: &str) {
        self.flush();
        match name {
            "ol" | "ul" => {
                self.lists.pop();
            }
            "table" => self.tables = self.tables.saturating_sub(1),
            _ => {}
        }
    }
}

/// Reads the page `source`.
pub(super) fn read(source: &str) -> Page {
    let mut st = State {
        source,
        out: Vec::new(),
        text: String::new(),
        current: None,
        lists: Vec::new(),
        cell: (0, 0, 0),
        tables: 0,
        sups: 0,
        in_note_ref: false,
        cursor: (0, 1, 1),
    };
    let mut lang = None;
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let Some(lt) = source[i..].find('<').map(|k| i + k) else {
            st.push_text(&source[i..]);
            break;
        };
        st.push_text(&source[i..lt]);
        i = lt;
        let rest = &source[i..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(bytes.len(), |k| i + k + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(bytes.len(), |k| i + k + 1);
            continue;
        }
        let tag = match Tag::parse(rest) {
            Ok(tag) => tag,
            Err(NoTag::Text) => {
                // A `<` that starts no tag is text.
                st.text.push('<');
                i += 1;
                continue;
            }
            Err(NoTag::Unclosed) => {
                // A tag still open at the end of the page: it and the rest are text. (Trying
                // each later `<` as a tag would read to the end again for each one.)
                decode_into(rest, &mut st.text);
                break;
            }
        };
        let at = i;
        i += tag.len;
        if tag.closing {
            if BLOCKS.contains(&tag.name.as_str()) {
                st.close(&tag.name);
            } else if let Some(kind) = span_kind(&tag.name) {
                if kind == TagKind::Superscript {
                    st.sups = st.sups.saturating_sub(1);
                }
                st.text.push(inline::close(kind));
            } else if tag.name == "a" {
                st.in_note_ref = false;
            }
            continue;
        }
        if (tag.name == "html" || tag.name == "body") && lang.is_none() {
            lang = tag
                .attrs
                .iter()
                .find(|(k, _)| k == "lang" || k == "xml:lang")
                .map(|(_, v)| v.clone())
                .filter(|v| !v.trim().is_empty());
        }
        if DROPPED.contains(&tag.name.as_str()) && !tag.self_closing {
            // Skip to the matching end tag (not nested: these do not nest in practice).
            let end = format!("</{}", tag.name);
            i = find_ci(&source[i..], &end).map_or(bytes.len(), |k| {
                let after = i + k;
                source[after..]
                    .find('>')
                    .map_or(bytes.len(), |g| after + g + 1)
            });
            continue;
        }
        match tag.name.as_str() {
            "br" => st.text.push(inline::mark(TagKind::LineBreak)),
            "a" if !tag.self_closing && st.note_ref(&tag.attrs) => {
                st.text.push(inline::mark(TagKind::Footnote));
                st.in_note_ref = true;
            }
            n if span_kind(n).is_some() && !tag.self_closing => {
                let kind = span_kind(n).unwrap_or(TagKind::Bold);
                if kind == TagKind::Superscript {
                    st.sups += 1;
                }
                st.text.push(inline::open(kind));
            }
            n if BLOCKS.contains(&n) => {
                st.open(n, &tag.attrs, at);
                if tag.self_closing || n == "hr" {
                    st.close(n);
                }
            }
            _ => {}
        }
    }
    st.flush();
    // Units outside any block were placed "?": give them the place of the unit before.
    let mut last = "1:1".to_string();
    for b in &mut st.out {
        if b.place == "?" {
            b.place = last.clone();
        } else {
            last = b.place.clone();
        }
    }
    Page {
        blocks: st.out,
        lang,
    }
}
