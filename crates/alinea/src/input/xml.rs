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
        }
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
                if self.open.len() >= MAX_DEPTH {
                    return Err(self.error(format!(
                        "elements nested more than {MAX_DEPTH} deep (at <{name}>)"
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

    /// All text inside, markup dropped, trimmed.
    pub fn text(&self) -> String {
        fn walk(n: &Node, out: &mut String) {
            for c in &n.children {
                match c {
                    Child::Text(t) => out.push_str(t),
                    Child::Node(n) => walk(n, out),
                }
            }
        }
        let mut s = String::new();
        walk(self, &mut s);
        s.trim().to_string()
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
    mut on_entry: impl FnMut(&Root, Node) -> Result<()>,
) -> Result<Root> {
    let mut xml = XmlReader::from_str(text, path);
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

/// `s` escaped for XML text and attribute values.
pub(crate) fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    quick_xml::escape::escape(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(xml: &str) -> Result<Vec<Node>> {
        let mut v = Vec::new();
        parse(xml, Path::new("t.tbx"), &["e"], |_, n| {
            v.push(n);
            Ok(())
        })?;
        Ok(v)
    }

    /// Every event of `xml`, or the first error.
    fn events(xml: &str) -> Result<usize> {
        let mut r = XmlReader::from_str(xml, "t.xml");
        let mut buf = Vec::new();
        let mut n = 0;
        loop {
            match r.next(&mut buf)? {
                Event::Eof => break,
                Event::Text(t) => {
                    r.text(&t)?;
                }
                Event::Start(e) | Event::Empty(e) => {
                    r.attrs(&e)?;
                }
                _ => {}
            }
            n += 1;
        }
        Ok(n)
    }

    #[test]
    fn builds_entries_with_text_and_attributes() {
        let v = entries("<r><e id=\"a&amp;b\"><t>x &lt; y</t><u/></e><e/></r>").unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].attr("id"), Some("a&b"));
        assert_eq!(v[0].text(), "x < y");
        assert_eq!(v[0].elements().count(), 2);
    }

    #[test]
    fn errors_have_line_and_column() {
        let e = entries("<r>\n  <e>\n</r>").unwrap_err().to_string();
        assert!(e.starts_with("t.tbx:3:1: malformed XML"), "{e}");
        let e = entries("<r>\n<e>&lol;</e></r>").unwrap_err().to_string();
        assert!(e.contains("t.tbx:2:4: undefined entity &lol;"), "{e}");
        let e = entries("<r><e>").unwrap_err().to_string();
        assert!(e.contains("not closed"), "{e}");
        let e = entries("<!DOCTYPE r [<!ENTITY a \"b\">]><r/>").unwrap_err();
        assert!(e.to_string().contains("t.tbx:1:1: DOCTYPE"), "{e}");
        assert!(entries("<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\"><r/>").is_ok());
        let e = entries("<r/>\n<s/>").unwrap_err().to_string();
        assert!(e.contains("t.tbx:2:1: malformed XML: a second root"), "{e}");
        let e = entries("<r/>\nx").unwrap_err().to_string();
        assert!(e.contains("text outside the root"), "{e}");
        let e = entries("  ").unwrap_err().to_string();
        assert!(e.contains("no XML element"), "{e}");
    }

    #[test]
    fn refuses_entity_attacks() {
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n \
                      <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n\
                      <lolz>&lol2;</lolz>";
        let e = events(laughs).unwrap_err().to_string();
        assert!(e.starts_with("t.xml:2:1: DOCTYPE"), "{e}");
        let external = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        assert!(events(external)
            .unwrap_err()
            .to_string()
            .contains("DOCTYPE"));
        // Without the declaration the reference is just undefined.
        let e = events("<r a=\"&x;\"/>").unwrap_err().to_string();
        assert!(e.contains("undefined entity &x;"), "{e}");
        let mut r = XmlReader::from_str("<r a=\"&x;\"/>", "t.xml");
        let mut buf = Vec::new();
        match r.next(&mut buf).unwrap() {
            Event::Empty(e) => assert!(r.attrs(&e).is_err()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn depth_is_limited() {
        let ok = format!("{}{}", "<a>".repeat(MAX_DEPTH), "</a>".repeat(MAX_DEPTH));
        assert!(events(&ok).is_ok());
        let deep = format!("<r>\n{}", "<a>".repeat(2000));
        let e = events(&deep).unwrap_err().to_string();
        assert!(
            e.starts_with(&format!(
                "t.xml:2:{}: elements nested more than 1000",
                3 * 999 + 1
            )),
            "{e}"
        );
    }

    #[test]
    fn refuses_declared_legacy_encodings() {
        let e = events("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>").unwrap_err();
        assert!(e.to_string().contains("iso-8859-1"), "{e}");
        assert!(events("<?xml version=\"1.0\" encoding=\"UTF-16\"?><r/>").is_ok());
    }

    #[test]
    fn positions_survive_a_long_stream() {
        let mut xml = String::from("<r>\n");
        for i in 0..5000 {
            xml.push_str(&format!("  <e n=\"{i}\">é</e>\n"));
        }
        xml.push_str("  <e>&bad;</e>\n</r>\n");
        let e = events(&xml).unwrap_err().to_string();
        assert!(e.starts_with("t.xml:5002:6: undefined entity"), "{e}");
    }
}
