//! Character formatting of Word runs and OpenDocument spans: which of bold, italics,
//! underline, superscript and subscript apply, from direct formatting and character styles
//! (with the styles they are based on). Paragraph styles and document defaults are not inline
//! formatting and are not read here. The readers write what applies as the marks of
//! [`crate::doc::inline`].

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use super::{attr, local};
use crate::doc::inline::{self, TagKind};
use crate::input::xml::XmlReader;
use crate::Result;

/// The spans a reader knows, in the order their marks are written.
const SPANS: [TagKind; 5] = [
    TagKind::Bold,
    TagKind::Italic,
    TagKind::Underline,
    TagKind::Superscript,
    TagKind::Subscript,
];

/// Character properties: for each span kind, on, off, or not said (inherited).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Props([Option<bool>; 5]);

impl Props {
    fn set(&mut self, kind: TagKind, on: bool) {
        if let Some(i) = SPANS.iter().position(|&k| k == kind) {
            self.0[i] = Some(on);
        }
    }

    fn set_if_unsaid(&mut self, kind: TagKind, on: bool) {
        if let Some(i) = SPANS.iter().position(|&k| k == kind) {
            self.0[i].get_or_insert(on);
        }
    }

    /// Superscript, subscript or neither (they exclude each other).
    fn vertical(&mut self, sup: bool, sub: bool) {
        self.set(TagKind::Superscript, sup);
        self.set(TagKind::Subscript, sub);
    }

    /// These properties over `base`: what is said here wins.
    fn over(self, base: Props) -> Props {
        let mut out = self;
        for (o, b) in out.0.iter_mut().zip(base.0) {
            *o = o.or(b);
        }
        out
    }

    /// The kinds that are on.
    pub(super) fn on(self) -> Vec<TagKind> {
        SPANS
            .iter()
            .zip(self.0)
            .filter(|(_, v)| *v == Some(true))
            .map(|(&k, _)| k)
            .collect()
    }
}

/// The opening marks of `kinds`.
pub(super) fn opening(kinds: &[TagKind]) -> String {
    kinds.iter().map(|&k| inline::open(k)).collect()
}

/// The closing marks of `kinds`, innermost first.
pub(super) fn closing(kinds: &[TagKind]) -> String {
    kinds.iter().rev().map(|&k| inline::close(k)).collect()
}

/// Named character styles: their own properties and the style they are based on.
#[derive(Debug, Default)]
pub(super) struct Styles(HashMap<String, (Option<String>, Props)>);

impl Styles {
    /// The properties of style `name`, with those of the styles it is based on.
    pub(super) fn resolve(&self, name: &str) -> Props {
        let mut props = Props::default();
        let mut cur = Some(name.to_string());
        for _ in 0..10 {
            let Some((parent, own)) = cur.as_ref().and_then(|n| self.0.get(n)) else {
                break;
            };
            props = props.over(*own);
            cur = parent.clone();
        }
        props
    }
}

/// An OOXML on/off value (`w:val` absent, `1`, `true`, `on` → on).
fn on_off(e: &BytesStart) -> bool {
    !matches!(
        attr(e, b"val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// Applies a WordprocessingML run property element (a child of `w:rPr`) to `props`; `style`
/// receives a `w:rStyle`.
fn word_property(name: &[u8], e: &BytesStart, props: &mut Props, style: &mut Option<String>) {
    match name {
        b"b" => props.set(TagKind::Bold, on_off(e)),
        b"bCs" => props.set_if_unsaid(TagKind::Bold, on_off(e)),
        b"i" => props.set(TagKind::Italic, on_off(e)),
        b"iCs" => props.set_if_unsaid(TagKind::Italic, on_off(e)),
        b"u" => props.set(TagKind::Underline, on_off(e)),
        b"vertAlign" => match attr(e, b"val").as_deref() {
            Some("superscript") => props.vertical(true, false),
            Some("subscript") => props.vertical(false, true),
            _ => props.vertical(false, false),
        },
        b"rStyle" => *style = attr(e, b"val"),
        _ => {}
    }
}

/// The character styles of a WordprocessingML `styles.xml`.
pub(super) fn word_styles(text: &str, name: &Path) -> Result<Styles> {
    let mut xml = XmlReader::from_str(text, name);
    let mut buf = Vec::new();
    let mut out = Styles::default();
    let mut current: Option<(String, Option<String>, Props)> = None;
    let mut in_rpr = false;
    loop {
        let event = xml.next(&mut buf)?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let n = local(e.name().as_ref()).to_vec();
                match (n.as_slice(), current.as_mut()) {
                    (b"style", _) => {
                        current = attr(&e, b"styleId")
                            .filter(|_| attr(&e, b"type").as_deref() == Some("character"))
                            .map(|id| (id, None, Props::default()));
                    }
                    (b"basedOn", Some((_, based, _))) => *based = attr(&e, b"val"),
                    (b"rPr", Some(_)) => in_rpr = !empty,
                    (_, Some((_, _, props))) if in_rpr => {
                        word_property(&n, &e, props, &mut None);
                    }
                    _ => {}
                }
            }
            Event::End(e) => match local(e.name().as_ref()) {
                b"rPr" => in_rpr = false,
                b"style" => {
                    if let Some((id, based, props)) = current.take() {
                        out.0.insert(id, (based, props));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The run a Word paragraph reader is in: its properties as they are read, and the spans
/// whose opening marks it wrote.
#[derive(Debug, Default)]
pub(super) struct Run {
    props: Props,
    style: Option<String>,
    open: Vec<TagKind>,
}

impl Run {
    /// A `w:r` begins.
    pub(super) fn begin(&mut self) {
        *self = Run::default();
    }

    /// An element `name` inside `w:rPr` of a run.
    pub(super) fn property(&mut self, name: &[u8], e: &BytesStart) {
        word_property(name, e, &mut self.props, &mut self.style);
    }

    /// The run's `w:rPr` ends: the opening marks of what applies.
    pub(super) fn opening(&mut self, styles: &Styles) -> String {
        let base = self
            .style
            .as_deref()
            .map_or_else(Props::default, |s| styles.resolve(s));
        self.open = self.props.over(base).on();
        opening(&self.open)
    }

    /// The run ends: the closing marks of what it opened.
    pub(super) fn closing(&mut self) -> String {
        closing(&std::mem::take(&mut self.open))
    }
}

/// Reads the OpenDocument text styles (`style:family="text"`, automatic or named) of a
/// `styles.xml` or `content.xml` into `into`.
pub(super) fn odf_styles(text: &str, name: &Path, into: &mut Styles) -> Result<()> {
    let mut xml = XmlReader::from_str(text, name);
    let mut buf = Vec::new();
    let mut current: Option<(String, Option<String>, Props)> = None;
    loop {
        match xml.next(&mut buf)? {
            Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                b"style" => {
                    current = attr(&e, b"name")
                        .filter(|_| attr(&e, b"family").as_deref() == Some("text"))
                        .map(|n| (n, attr(&e, b"parent-style-name"), Props::default()));
                }
                b"text-properties" => {
                    if let Some((_, _, props)) = current.as_mut() {
                        *props = odf_properties(&e);
                    }
                }
                _ => {}
            },
            Event::End(e) if local(e.name().as_ref()) == b"style" => {
                if let Some((n, parent, props)) = current.take() {
                    into.0.insert(n, (parent, props));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(())
}

/// The properties a `style:text-properties` element says.
fn odf_properties(e: &BytesStart) -> Props {
    let mut p = Props::default();
    let weight = |v: String| v == "bold" || v.parse::<u32>().is_ok_and(|w| w >= 600);
    if let Some(v) = attr(e, b"font-weight").or_else(|| attr(e, b"font-weight-complex")) {
        p.set(TagKind::Bold, weight(v));
    }
    if let Some(v) = attr(e, b"font-style").or_else(|| attr(e, b"font-style-complex")) {
        p.set(TagKind::Italic, v == "italic" || v == "oblique");
    }
    if let Some(v) = attr(e, b"text-underline-style") {
        p.set(TagKind::Underline, v != "none");
    }
    if let Some(v) = attr(e, b"text-position") {
        let first = v.split_whitespace().next().unwrap_or("");
        let percent = first.trim_end_matches('%').parse::<f64>().unwrap_or(0.0);
        p.vertical(
            first == "super" || percent > 0.0,
            first == "sub" || percent < 0.0,
        );
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_character_styles_inherit_and_direct_formatting_wins() {
        let styles = r#"<w:styles xmlns:w="w">
          <w:style w:type="paragraph" w:styleId="Heading1"><w:rPr><w:b/></w:rPr></w:style>
          <w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
          <w:style w:type="character" w:styleId="StrongItalic"><w:basedOn w:val="Strong"/>
            <w:rPr><w:i/></w:rPr></w:style>
          <w:style w:type="character" w:styleId="Sup"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
        </w:styles>"#;
        let s = word_styles(styles, Path::new("styles.xml")).unwrap();
        assert!(s.resolve("Heading1").on().is_empty());
        assert_eq!(
            s.resolve("StrongItalic").on(),
            vec![TagKind::Bold, TagKind::Italic]
        );
        let mut run = Run::default();
        run.begin();
        let q = quick_xml::events::BytesStart::from_content(r#"rStyle w:val="StrongItalic""#, 6);
        run.property(b"rStyle", &q);
        let off = quick_xml::events::BytesStart::from_content(r#"b w:val="0""#, 1);
        run.property(b"b", &off);
        assert_eq!(run.opening(&s), opening(&[TagKind::Italic]));
        assert_eq!(run.closing(), closing(&[TagKind::Italic]));
        assert_eq!(run.closing(), "");
    }

    #[test]
    fn odf_text_properties() {
        let content = r#"<office:document-content xmlns:office="o" xmlns:style="s" xmlns:fo="f">
          <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
          <style:style style:name="T2" style:family="text" style:parent-style-name="T1"><style:text-properties style:text-position="33% 58%" fo:font-style="italic"/></style:style>
          <style:style style:name="P1" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
        </office:document-content>"#;
        let mut s = Styles::default();
        odf_styles(content, Path::new("content.xml"), &mut s).unwrap();
        assert_eq!(
            s.resolve("T2").on(),
            vec![TagKind::Bold, TagKind::Italic, TagKind::Superscript]
        );
        assert!(s.resolve("P1").on().is_empty());
    }
}
