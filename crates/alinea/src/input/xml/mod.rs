//! The one XML reader setup for every XML format alinea reads (TMX, TBX, and those to come):
//! quick-xml over decoded UTF-8, with the safety rules and the error places in one place.
//!
//! Invariants of [`XmlReader`]:
//! - nothing is ever expanded beyond XML's five predefined entities and character references:
//!   a DOCTYPE with an internal subset (entity declarations: billion laughs, external
//!   entities) is refused, an undefined entity is an error, and no DTD is ever fetched (a
//!   DOCTYPE that only names one is allowed);
//! - elements nest at most [`MAX_DEPTH`] deep;
//! - there is exactly one root element, no text outside it, and every element is closed;
//! - the file is well-formed in the ways quick-xml does not check by itself: no control
//!   character other than tab, line feed and carriage return, raw or as a character
//!   reference (`&#27;`); no attribute given twice; no `<` in an attribute value; an
//!   attribute has `=` and a quoted value;
//! - a declared encoding other than UTF-8, UTF-16 or ASCII is refused (the bytes were decoded
//!   by their BOM, see [`super::decode`]);
//! - every error is an [`Error::Parse`] with the line and column (in characters of the
//!   decoded text), except decoding failures of the stream, which keep their byte offset.
//!
//! Memory stays bounded by the largest event (plus what a caller keeps): the line count only
//! keeps the bytes since the start of the current event.
//!
//! For the termbase readers, [`parse`] builds one small tree ([`Node`]) per entry and hands it
//! to a callback.

use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use quick_xml::events::{BytesStart, BytesText, Event};
use quick_xml::Reader;

use super::lines::Counter;
use crate::{Error, Result};

/// How deep elements may nest.
pub const MAX_DEPTH: usize = 1000;

/// A safe, streaming XML reader over decoded UTF-8 bytes.
pub struct XmlReader<'a> {
    reader: Reader<BufReader<Counter<Box<dyn Read + 'a>>>>,
    path: PathBuf,
    /// Qualified names of the open elements, outermost first.
    open: Vec<String>,
    root: Option<String>,
    /// Stream offset of the start of the last event.
    at: u64,
    /// How deep elements may nest ([`MAX_DEPTH`] unless raised).
    max_depth: usize,
}

impl<'a> XmlReader<'a> {
    /// Reads the UTF-8 bytes of `utf8` (see [`super::open`] and [`super::Utf8Reader`] for raw
    /// files); `path` names them in errors.
    pub fn new(utf8: impl Read + 'a, path: impl Into<PathBuf>) -> Self {
        let boxed: Box<dyn Read + 'a> = Box::new(utf8);
        let mut reader = Reader::from_reader(BufReader::new(Counter::new(boxed)));
        let cfg = reader.config_mut();
        cfg.check_end_names = true;
        cfg.trim_text(false);
        XmlReader {
            reader,
            path: path.into(),
            open: Vec::new(),
            root: None,
            at: 0,
            max_depth: MAX_DEPTH,
        }
    }

    /// The same reader with another depth limit (for tests, and callers that know their input).
    pub fn with_max_depth(mut self, max_depth: usize) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// Reads decoded text.
    pub fn from_str(text: &'a str, path: impl Into<PathBuf>) -> Self {
        Self::new(text.as_bytes(), path)
    }

    /// The name of the input in errors.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many elements are open.
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// Byte offset (in the UTF-8 text) of the start of the last event.
    pub fn offset(&self) -> u64 {
        self.at
    }

    /// Line and column of byte `offset` of the text; exact for offsets from the start of the
    /// last event on.
    pub fn position(&self, offset: u64) -> (usize, usize) {
        self.reader.get_ref().get_ref().position(offset)
    }

    /// An [`Error::Parse`] at byte `offset`.
    pub fn error_at(&self, offset: u64, message: impl Into<String>) -> Error {
        let (line, column) = self.position(offset);
        Error::Parse {
            path: self.path.clone(),
            line,
            column,
            message: message.into(),
        }
    }

    /// An [`Error::Parse`] at the start of the last event.
    pub fn error(&self, message: impl Into<String>) -> Error {
        self.error_at(self.at, message)
    }

    fn xml_error(&self, e: &quick_xml::Error) -> Error {
        match e {
            quick_xml::Error::Io(io) => super::io_error(&self.path, io),
            quick_xml::Error::Escape(esc) => self.error(escape_message(esc)),
            other => self.error_at(
                self.reader.error_position(),
                format!("malformed XML: {other}"),
            ),
        }
    }

    /// The next event, checked against the rules above. `buf` holds the event's bytes.
    pub fn next<'b>(&mut self, buf: &'b mut Vec<u8>) -> Result<Event<'b>> {
        buf.clear();
        self.at = self.reader.buffer_position();
        let at = self.at;
        self.reader.get_mut().get_mut().forget_until(at);
        let event = match self.reader.read_event_into(buf) {
            Ok(e) => e,
            Err(e) => return Err(self.xml_error(&e)),
        };
        self.well_formed(&event)?;
        match &event {
            Event::Decl(d) => match d.encoding() {
                Some(Ok(enc)) => {
                    let enc = String::from_utf8_lossy(&enc).to_ascii_lowercase();
                    if !matches!(
                        enc.as_str(),
                        "utf-8"
                            | "utf8"
                            | "utf-16"
                            | "utf-16le"
                            | "utf-16be"
                            | "us-ascii"
                            | "ascii"
                    ) {
                        return Err(self.error(format!(
                            "encoding {enc:?} is not supported; save the file as UTF-8"
                        )));
                    }
                }
                Some(Err(e)) => return Err(self.error(format!("malformed XML: {e}"))),
                None => {}
            },
            Event::DocType(d) => {
                let body = String::from_utf8_lossy(d.as_ref());
                if body.contains('[') || body.contains("ENTITY") {
                    return Err(self.error(
                        "DOCTYPE with entity declarations is refused (no entity is expanded)",
                    ));
                }
            }
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if self.open.is_empty() {
                    if let Some(root) = &self.root {
                        return Err(self.error(format!(
                            "malformed XML: a second root element <{name}> after </{root}>"
                        )));
                    }
                    self.root = Some(name.clone());
                }
                if self.open.len() >= self.max_depth {
                    return Err(self.error(format!(
                        "elements nested more than {} deep (at <{name}>)",
                        self.max_depth
                    )));
                }
                if matches!(event, Event::Start(_)) {
                    self.open.push(name);
                }
            }
            Event::End(_) => {
                self.open.pop();
            }
            Event::Text(t) => {
                if self.open.is_empty() && !t.iter().all(u8::is_ascii_whitespace) {
                    return Err(self.error("malformed XML: text outside the root element"));
                }
            }
            Event::CData(_) => {
                if self.open.is_empty() {
                    return Err(self.error("malformed XML: text outside the root element"));
                }
            }
            Event::Eof => {
                if let Some(name) = self.open.last() {
                    return Err(self.error(format!(
                        "malformed XML: the file ends inside <{name}> (not closed)"
                    )));
                }
                if self.root.is_none() {
                    return Err(self.error("no XML element in the file"));
                }
            }
            Event::Comment(_) | Event::PI(_) => {}
        }
        Ok(event)
    }

    /// The checks of the module documentation that quick-xml leaves to its caller, on the
    /// event just read: control characters (raw, or referenced in text and attribute values),
    /// and the attributes of a tag.
    fn well_formed(&self, event: &Event) -> Result<()> {
        let end = self.reader.buffer_position();
        let raw = self.reader.get_ref().get_ref().bytes(self.at, end);
        if let Some(i) = raw.iter().position(|&b| not_xml_char(b.into())) {
            return Err(self.error_at(
                self.at + i as u64,
                format!(
                    "malformed XML: control character U+{:04X} is not allowed in XML",
                    raw[i]
                ),
            ));
        }
        if matches!(event, Event::Text(_) | Event::Start(_) | Event::Empty(_)) {
            if let Some((i, c)) = control_reference(raw) {
                return Err(self.error_at(
                    self.at + i as u64,
                    format!(
                        "malformed XML: the character reference to control character U+{c:04X} is not allowed in XML"
                    ),
                ));
            }
        }
        if let Event::Start(e) | Event::Empty(e) = event {
            // Offsets of quick-xml's attribute errors count from the byte after `<`.
            let tag = self.at + 1;
            let content: &[u8] = e;
            for a in e.attributes() {
                let a = a.map_err(|err| self.attr_error(tag, &err))?;
                if let Some(i) = a.value.iter().position(|&b| b == b'<') {
                    let value_at = a.value.as_ptr() as usize - content.as_ptr() as usize;
                    return Err(self.error_at(
                        tag + (value_at + i) as u64,
                        format!(
                            "malformed XML: `<` in the value of attribute {} (write &lt;)",
                            String::from_utf8_lossy(a.key.as_ref())
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    fn attr_error(&self, tag: u64, e: &quick_xml::events::attributes::AttrError) -> Error {
        use quick_xml::events::attributes::AttrError as A;
        let (at, message) = match *e {
            A::ExpectedEq(p) => (p, "an attribute name without `=` after it".to_string()),
            A::ExpectedValue(p) => (p, "an attribute without a value".to_string()),
            A::UnquotedValue(p) => (p, "an attribute value without quotes".to_string()),
            A::ExpectedQuote(p, q) => {
                (p, format!("an attribute value not closed by {}", q as char))
            }
            A::Duplicated(p, first) => {
                let (line, column) = self.position(tag + first as u64);
                (
                    p,
                    format!("an attribute given twice (first at {line}:{column})"),
                )
            }
        };
        self.error_at(tag + at as u64, format!("malformed XML: {message}"))
    }

    /// The text of a text event, entities resolved.
    pub fn text(&self, t: &BytesText) -> Result<String> {
        t.unescape()
            .map(|s| s.into_owned())
            .map_err(|e| self.error(xml_message(&e)))
    }

    /// The attributes of a start tag (qualified names, e.g. `xml:lang`), values unescaped.
    pub fn attrs(&self, e: &BytesStart) -> Result<Vec<(String, String)>> {
        let mut attrs = Vec::new();
        for a in e.attributes() {
            let a = a.map_err(|err| self.error(format!("malformed XML: {err}")))?;
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let value = a
                .unescape_value()
                .map_err(|err| self.error(xml_message(&err)))?;
            attrs.push((key, value.into_owned()));
        }
        Ok(attrs)
    }

    /// The value of the first attribute named one of `names`.
    pub fn attr(&self, e: &BytesStart, names: &[&str]) -> Result<Option<String>> {
        Ok(self
            .attrs(e)?
            .into_iter()
            .find(|(k, _)| names.contains(&k.as_str()))
            .map(|(_, v)| v))
    }
}

/// Control characters XML 1.0 does not allow: below U+0020 except tab, line feed and carriage
/// return.
fn not_xml_char(c: u32) -> bool {
    c < 0x20 && !matches!(c, 0x09 | 0x0A | 0x0D)
}

/// The first character reference (`&#27;`, `&#x1B;`) in `raw` to a character XML does not
/// allow: its offset and the character. References that do not parse are left to quick-xml.
fn control_reference(raw: &[u8]) -> Option<(usize, u32)> {
    let mut from = 0;
    while let Some(i) = raw[from..].windows(2).position(|w| w == b"&#") {
        let at = from + i;
        from = at + 2;
        let Some(len) = raw[from..].iter().take(12).position(|&b| b == b';') else {
            continue;
        };
        let num = std::str::from_utf8(&raw[from..from + len]).unwrap_or("");
        let code = match num.strip_prefix('x') {
            Some(hex) => u32::from_str_radix(hex, 16),
            None => num.parse(),
        };
        if let Ok(c) = code {
            if not_xml_char(c) {
                return Some((at, c));
            }
        }
    }
    None
}

fn escape_message(e: &quick_xml::escape::EscapeError) -> String {
    match e {
        quick_xml::escape::EscapeError::UnrecognizedEntity(_, name) => format!(
            "undefined entity &{name}; (entity declarations and external entities are not supported)"
        ),
        other => format!("malformed XML: {other}"),
    }
}

fn xml_message(e: &quick_xml::Error) -> String {
    match e {
        quick_xml::Error::Escape(esc) => escape_message(esc),
        other => format!("malformed XML: {other}"),
    }
}

/// An element: local name, attributes (qualified names, e.g. `xml:lang`), children.
#[derive(Debug, Default)]
pub(crate) struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Child>,
    /// Byte offset of the start tag.
    pub offset: usize,
}

#[derive(Debug)]
pub(crate) enum Child {
    Node(Node),
    Text(String),
}

impl Node {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The element children.
    pub fn elements(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().filter_map(|c| match c {
            Child::Node(n) => Some(n),
            Child::Text(_) => None,
        })
    }

    /// All text inside, markup dropped, trimmed. Walks the tree with a stack of its own, so
    /// that no nesting depth can overflow the call stack.
    pub fn text(&self) -> String {
        let mut s = String::new();
        let mut stack: Vec<std::slice::Iter<Child>> = vec![self.children.iter()];
        while let Some(top) = stack.last_mut() {
            match top.next() {
                Some(Child::Text(t)) => s.push_str(t),
                Some(Child::Node(n)) => stack.push(n.children.iter()),
                None => {
                    stack.pop();
                }
            }
        }
        s.trim().to_string()
    }
}

impl Drop for Node {
    /// Drops the descendants one level at a time from a heap stack: the derived drop would
    /// recurse once per level and overflow the call stack on deeply nested input.
    fn drop(&mut self) {
        if !self.children.iter().any(|c| matches!(c, Child::Node(_))) {
            return;
        }
        let mut stack: Vec<Vec<Child>> = vec![std::mem::take(&mut self.children)];
        while let Some(children) = stack.pop() {
            for c in children {
                if let Child::Node(mut n) = c {
                    if !n.children.is_empty() {
                        stack.push(std::mem::take(&mut n.children));
                    }
                }
            }
        }
    }
}

/// The root element as read, before any entry.
#[derive(Debug, Default)]
pub(crate) struct Root {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

fn local(name: &[u8]) -> String {
    let s = String::from_utf8_lossy(name);
    match s.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => s.into_owned(),
    }
}

fn start_node(xml: &XmlReader, e: &BytesStart) -> Result<Node> {
    Ok(Node {
        name: local(e.name().as_ref()),
        attrs: xml.attrs(e)?,
        children: Vec::new(),
        offset: xml.offset() as usize,
    })
}

/// Streams `text`, calling `on_entry` with each element named one of `entry_names` (and
/// everything inside it), so that memory stays bounded by the largest entry. Returns the root
/// element.
pub(crate) fn parse(
    text: &str,
    path: &Path,
    entry_names: &[&str],
    on_entry: impl FnMut(&Root, Node) -> Result<()>,
) -> Result<Root> {
    parse_with(XmlReader::from_str(text, path), entry_names, on_entry)
}

/// [`parse`] with a reader set up by the caller (another depth limit).
pub(crate) fn parse_with(
    mut xml: XmlReader,
    entry_names: &[&str],
    mut on_entry: impl FnMut(&Root, Node) -> Result<()>,
) -> Result<Root> {
    let mut root: Option<Root> = None;
    // The entry being built: a stack of open nodes inside it.
    let mut building: Vec<Node> = Vec::new();
    let mut buf = Vec::new();
    loop {
        match xml.next(&mut buf)? {
            Event::Start(e) => {
                let node = start_node(&xml, &e)?;
                root.get_or_insert_with(|| Root {
                    name: node.name.clone(),
                    attrs: node.attrs.clone(),
                });
                if !building.is_empty() || entry_names.contains(&node.name.as_str()) {
                    building.push(node);
                }
            }
            Event::Empty(e) => {
                let node = start_node(&xml, &e)?;
                let root = root.get_or_insert_with(|| Root {
                    name: node.name.clone(),
                    attrs: node.attrs.clone(),
                });
                if let Some(parent) = building.last_mut() {
                    parent.children.push(Child::Node(node));
                } else if entry_names.contains(&node.name.as_str()) {
                    on_entry(root, node)?;
                }
            }
            Event::End(_) => {
                if let Some(node) = building.pop() {
                    match building.last_mut() {
                        Some(parent) => parent.children.push(Child::Node(node)),
                        None => on_entry(root.as_ref().expect("root set"), node)?,
                    }
                }
            }
            Event::Text(t) => {
                let s = xml.text(&t)?;
                if let Some(parent) = building.last_mut() {
                    parent.children.push(Child::Text(s));
                }
            }
            Event::CData(c) => {
                if let Some(parent) = building.last_mut() {
                    parent
                        .children
                        .push(Child::Text(String::from_utf8_lossy(&c).into_owned()));
                }
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    Ok(root.expect("the reader refuses a file without an element"))
}

#[cfg(test)]
mod tests;
