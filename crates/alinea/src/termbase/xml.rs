//! Safe, streaming XML reading for termbase files: quick-xml events, one small tree per entry
//! (`conceptEntry`, `termEntry`) handed to a callback, so memory stays bounded by the largest
//! entry. Entity declarations are refused and undefined entities are errors: nothing is ever
//! expanded beyond the five predefined entities and character references. Every error names
//! the line and column.

use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::{Error, Result};

/// 1-based line and column (in characters) of byte `offset` in `bytes`.
pub(crate) fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
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

/// A syntax error at byte `offset` of `text`.
pub(crate) fn syntax(text: &str, path: &Path, offset: usize, message: String) -> Error {
    let (line, column) = line_col(text.as_bytes(), offset);
    Error::Parse {
        path: path.into(),
        line,
        column,
        message,
    }
}

fn local(name: &[u8]) -> String {
    let s = String::from_utf8_lossy(name);
    match s.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => s.into_owned(),
    }
}

fn escape_message(e: &quick_xml::escape::EscapeError) -> String {
    match e {
        quick_xml::escape::EscapeError::UnrecognizedEntity(_, name) => format!(
            "undefined entity &{name}; (entity declarations and external entities are not supported)"
        ),
        other => other.to_string(),
    }
}

fn xml_message(e: &quick_xml::Error) -> String {
    match e {
        quick_xml::Error::Escape(esc) => escape_message(esc),
        other => format!("malformed XML: {other}"),
    }
}

fn start_node(e: &BytesStart, offset: usize, text: &str, path: &Path) -> Result<Node> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| syntax(text, path, offset, format!("malformed XML: {err}")))?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let value = a
            .unescape_value()
            .map_err(|err| syntax(text, path, offset, xml_message(&err)))?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Node {
        name: local(e.name().as_ref()),
        attrs,
        children: Vec::new(),
        offset,
    })
}

/// Streams `text`, calling `on_entry` with each element named one of `entry_names` (and
/// everything inside it). Returns the root element.
pub(crate) fn parse(
    text: &str,
    path: &Path,
    entry_names: &[&str],
    mut on_entry: impl FnMut(&Root, Node) -> Result<()>,
) -> Result<Root> {
    let mut reader = Reader::from_str(text);
    let mut root: Option<Root> = None;
    let mut open: Vec<String> = Vec::new();
    // The entry being built: a stack of open nodes inside it.
    let mut building: Vec<Node> = Vec::new();
    loop {
        let offset = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            let at = match e {
                quick_xml::Error::Escape(_) => offset,
                _ => reader.error_position() as usize,
            };
            syntax(text, path, at, xml_message(&e))
        })?;
        match event {
            Event::DocType(d) => {
                let body = String::from_utf8_lossy(&d);
                if body.contains('[') || body.contains("ENTITY") {
                    return Err(syntax(
                        text,
                        path,
                        offset,
                        "DOCTYPE with entity declarations is refused (no entity is expanded)"
                            .into(),
                    ));
                }
                // A bare `<!DOCTYPE martif SYSTEM "…">` names a DTD, which is never fetched.
            }
            Event::Start(e) | Event::Empty(e) if open.is_empty() && root.is_some() => {
                let _ = e;
                return Err(syntax(
                    text,
                    path,
                    offset,
                    "malformed XML: a second root element".into(),
                ));
            }
            Event::Start(e) => {
                let node = start_node(&e, offset, text, path)?;
                if root.is_none() {
                    root = Some(Root {
                        name: node.name.clone(),
                        attrs: node.attrs.clone(),
                    });
                }
                open.push(node.name.clone());
                if !building.is_empty() || entry_names.contains(&node.name.as_str()) {
                    building.push(node);
                }
            }
            Event::Empty(e) => {
                let node = start_node(&e, offset, text, path)?;
                if root.is_none() {
                    root = Some(Root {
                        name: node.name.clone(),
                        attrs: node.attrs.clone(),
                    });
                }
                if let Some(parent) = building.last_mut() {
                    parent.children.push(Child::Node(node));
                } else if entry_names.contains(&node.name.as_str()) {
                    on_entry(root.as_ref().expect("root set"), node)?;
                }
            }
            Event::End(_) => {
                open.pop();
                if let Some(node) = building.pop() {
                    match building.last_mut() {
                        Some(parent) => parent.children.push(Child::Node(node)),
                        None => on_entry(root.as_ref().expect("root set"), node)?,
                    }
                }
            }
            Event::Text(t) => {
                let s = t
                    .unescape()
                    .map_err(|e| syntax(text, path, offset, xml_message(&e)))?;
                if open.is_empty() && !s.trim().is_empty() {
                    return Err(syntax(
                        text,
                        path,
                        offset,
                        "malformed XML: text outside the root element".into(),
                    ));
                }
                if let Some(parent) = building.last_mut() {
                    parent.children.push(Child::Text(s.into_owned()));
                }
            }
            Event::CData(c) => {
                if let Some(parent) = building.last_mut() {
                    parent
                        .children
                        .push(Child::Text(String::from_utf8_lossy(&c).into_owned()));
                }
            }
            Event::Eof => {
                if let Some(name) = open.last() {
                    return Err(syntax(
                        text,
                        path,
                        text.len(),
                        format!("malformed XML: unexpected end of file, <{name}> is not closed"),
                    ));
                }
                break;
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    root.ok_or_else(|| syntax(text, path, 0, "no XML element in the file".into()))
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
        assert_eq!(line_col("ab\ncé\nd".as_bytes(), 6), (2, 3));
    }
}
