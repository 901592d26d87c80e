//! TMX reading, streaming: translation units are returned one at a time from a buffered reader,
//! so a large memory is never held whole.
//!
//! Accepted: UTF-8 (with or without BOM) and UTF-16 with a BOM; `xml:lang` and the legacy `lang`
//! attribute; inline elements `bpt`, `ept`, `ph`, `it`, `ut` (their native codes dropped, or kept
//! as text on request), `hi` and `sub` (their text kept); `<prop>` of a `<tu>`.
//! Decoding, the size limit and the XML safety rules (no entity declarations, no unknown
//! entities, a depth limit, one root) are the input layer's: [`crate::input`] and
//! [`crate::input::xml`]. A malformed file gives [`crate::Error::Parse`] with the line and column.

use std::io::Read;
use std::path::{Path, PathBuf};

use quick_xml::events::{BytesStart, Event};

use super::{Tu, Tuv};
use crate::input::{self, xml::XmlReader, Utf8Reader, MAX_BYTES};
use crate::Result;

/// How to read a TMX file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Keep the native codes of inline elements (`<bpt>{b}</bpt>` → `{b}`) in the text.
    pub keep_codes: bool,
}

/// Where an inline element leaves its text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Inline {
    /// Native code (`bpt`, `ept`, `ph`, `it`, `ut`).
    Code,
    /// Text (`sub`: translatable text inside a code).
    Text,
    /// Inherits (`hi` and anything else).
    Same,
}

/// A streaming reader of translation units.
pub struct TuReader<'a> {
    xml: XmlReader<'a>,
    opts: ReadOptions,
    buf: Vec<u8>,
    root_seen: bool,
    tu: Option<Tu>,
    tuv: Option<Tuv>,
    seg: Option<String>,
    prop: Option<(String, String)>,
    /// Inline elements open inside the current `<seg>`: whether each suppresses text.
    inline: Vec<bool>,
    finished: bool,
    /// The header's `srclang` (`None` before the header, when absent or `*all*`).
    srclang: Option<String>,
}

impl<'a> TuReader<'a> {
    /// Read raw bytes (UTF-8, or UTF-16/UTF-8 with a BOM; at most [`MAX_BYTES`]); `path` names
    /// them in errors.
    pub fn new(raw: impl Read + 'a, path: impl Into<PathBuf>, opts: ReadOptions) -> Self {
        Self::from_utf8(Utf8Reader::new(raw, MAX_BYTES), path, opts)
    }

    /// Read bytes already decoded to UTF-8 (from [`crate::input::open`]).
    pub fn from_utf8(utf8: impl Read + 'a, path: impl Into<PathBuf>, opts: ReadOptions) -> Self {
        TuReader {
            xml: XmlReader::new(utf8, path),
            opts,
            buf: Vec::new(),
            root_seen: false,
            tu: None,
            tuv: None,
            seg: None,
            prop: None,
            inline: Vec::new(),
            finished: false,
            srclang: None,
        }
    }

    /// The source language the header declares (`srclang`, unless `*all*`), once the header
    /// has been read (after the first [`TuReader::next_tu`]).
    pub fn srclang(&self) -> Option<&str> {
        self.srclang.as_deref()
    }

    fn suppressed(&self) -> bool {
        !self.opts.keep_codes && self.inline.last().copied().unwrap_or(false)
    }

    fn text(&mut self, s: &str) {
        let keep = !self.suppressed();
        if let Some(seg) = &mut self.seg {
            if keep {
                seg.push_str(s);
            }
        } else if let Some((_, v)) = &mut self.prop {
            v.push_str(s);
        }
    }

    fn start(&mut self, e: &BytesStart) -> Result<()> {
        let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
        if !self.root_seen {
            if name != "tmx" {
                return Err(self.xml.error(format!(
                    "not a TMX file: the root element is <{name}>, not <tmx>"
                )));
            }
            self.root_seen = true;
        }
        if self.seg.is_some() {
            let kind = match name.as_str() {
                "bpt" | "ept" | "ph" | "it" | "ut" => Inline::Code,
                "sub" => Inline::Text,
                _ => Inline::Same,
            };
            let parent = self.inline.last().copied().unwrap_or(false);
            self.inline.push(match kind {
                Inline::Code => true,
                Inline::Text => false,
                Inline::Same => parent,
            });
            return Ok(());
        }
        match name.as_str() {
            "tu" => {
                if self.tu.is_some() {
                    return Err(self.xml.error("<tu> inside another <tu>"));
                }
                self.tu = Some(Tu {
                    id: self.xml.attr(e, &["tuid"])?,
                    ..Tu::default()
                });
            }
            "tuv" => {
                if self.tu.is_none() || self.tuv.is_some() {
                    return Err(self.xml.error("<tuv> outside a <tu>"));
                }
                let lang = self
                    .xml
                    .attr(e, &["xml:lang", "lang"])?
                    .filter(|l| !l.trim().is_empty())
                    .ok_or_else(|| self.xml.error("<tuv> without xml:lang"))?;
                self.tuv = Some(Tuv {
                    lang,
                    text: String::new(),
                });
            }
            "seg" => {
                if self.tuv.is_none() {
                    return Err(self.xml.error("<seg> outside a <tuv>"));
                }
                self.seg = Some(String::new());
            }
            "header" if self.tu.is_none() => {
                self.srclang = self
                    .xml
                    .attr(e, &["srclang"])?
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty() && l != "*all*");
            }
            "prop" if self.tu.is_some() && self.tuv.is_none() => {
                let kind = self
                    .xml
                    .attr(e, &["type"])?
                    .ok_or_else(|| self.xml.error("<prop> without type"))?;
                self.prop = Some((kind, String::new()));
            }
            _ => {}
        }
        Ok(())
    }

    /// End of element `name`; a finished `<tu>` is returned.
    fn end(&mut self, name: &[u8]) -> Option<Tu> {
        let name = String::from_utf8_lossy(name);
        if self.seg.is_some() && name != "seg" {
            self.inline.pop();
            return None;
        }
        match name.as_ref() {
            "seg" => {
                let text = self.seg.take().unwrap_or_default();
                if let Some(v) = &mut self.tuv {
                    v.text.push_str(&text);
                }
                self.inline.clear();
            }
            "tuv" => {
                if let (Some(tu), Some(v)) = (&mut self.tu, self.tuv.take()) {
                    tu.variants.push(v);
                }
            }
            "prop" => {
                if let (Some(tu), Some(p)) = (&mut self.tu, self.prop.take()) {
                    tu.props.push(p);
                }
            }
            "tu" => return self.tu.take(),
            _ => {}
        }
        None
    }

    /// The next translation unit, `None` at the end of the file.
    pub fn next_tu(&mut self) -> Result<Option<Tu>> {
        if self.finished {
            return Ok(None);
        }
        let result = self.step();
        if !matches!(result, Ok(Some(_))) {
            self.finished = true;
        }
        result
    }

    fn step(&mut self) -> Result<Option<Tu>> {
        loop {
            // The buffer is taken out while the event borrows it, so that the event needs no
            // copy while `self` is updated.
            let mut buf = std::mem::take(&mut self.buf);
            let event = self.xml.next(&mut buf)?;
            let result = match &event {
                Event::Start(e) => self.start(e).map(|_| None),
                Event::Empty(e) => self.start(e).map(|_| self.end(e.name().as_ref())),
                Event::End(e) => Ok(self.end(e.name().as_ref())),
                Event::Text(t) => self.xml.text(t).map(|s| {
                    self.text(&s);
                    None
                }),
                Event::CData(c) => {
                    let s = String::from_utf8_lossy(c.as_ref()).into_owned();
                    self.text(&s);
                    Ok(None)
                }
                Event::Eof => return Ok(None),
                Event::Decl(_) | Event::DocType(_) | Event::Comment(_) | Event::PI(_) => Ok(None),
            };
            drop(event);
            self.buf = buf;
            if let Some(tu) = result? {
                return Ok(Some(tu));
            }
        }
    }
}

impl Iterator for TuReader<'_> {
    type Item = Result<Tu>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_tu().transpose()
    }
}

/// Read every translation unit of a TMX file (`-`: standard input).
pub fn read_path(path: &Path, opts: ReadOptions) -> Result<Vec<Tu>> {
    let (name, utf8) = input::open(path)?;
    TuReader::from_utf8(utf8, name, opts).collect()
}

/// Read every translation unit of TMX bytes; `path` names them in errors.
pub fn read_bytes(bytes: &[u8], path: &Path, opts: ReadOptions) -> Result<Vec<Tu>> {
    TuReader::new(bytes, path, opts).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    fn read(s: &str) -> Result<Vec<Tu>> {
        read_bytes(s.as_bytes(), Path::new("t.tmx"), ReadOptions::default())
    }

    const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="fr-FR" datatype="plaintext">
    <prop type="x-header">ignored</prop>
  </header>
  <body>
    <tu tuid="7">
      <prop type="x-document">doc &amp; co</prop>
      <note>a note</note>
      <tuv xml:lang="fr-FR"><prop type="x-tuv">no</prop><seg>Le <bpt i="1">&lt;b&gt;</bpt>texte<ept i="1">&lt;/b&gt;</ept><ph x="2"/> <hi>gras</hi> <![CDATA[a<b]]></seg></tuv>
      <tuv lang="EN"><seg>The <ph>{1}<sub>note</sub></ph>text</seg></tuv>
    </tu>
    <tu><tuv xml:lang="ar"><seg/></tuv></tu>
  </body>
</tmx>
"#;

    #[test]
    fn reads_units_props_langs_and_inline() {
        let tus = read(TMX).unwrap();
        assert_eq!(tus.len(), 2);
        let mut r = TuReader::new(TMX.as_bytes(), "t.tmx", ReadOptions::default());
        assert_eq!(r.srclang(), None);
        r.next_tu().unwrap();
        assert_eq!(r.srclang(), Some("fr-FR"));
        assert_eq!(tus[0].id.as_deref(), Some("7"));
        assert_eq!(tus[0].props, vec![("x-document".into(), "doc & co".into())]);
        assert_eq!(tus[0].variants[0].lang, "fr-FR");
        assert_eq!(tus[0].variants[0].text, "Le texte gras a<b");
        assert_eq!(tus[0].variants[1].lang, "EN");
        assert_eq!(tus[0].variants[1].text, "The notetext");
        assert_eq!(tus[1].id, None);
        assert_eq!(tus[1].variants[0].text, "");
    }

    #[test]
    fn keeps_codes_on_request() {
        let opts = ReadOptions { keep_codes: true };
        let tus = read_bytes(TMX.as_bytes(), Path::new("t.tmx"), opts).unwrap();
        assert_eq!(tus[0].variants[0].text, "Le <b>texte</b> gras a<b");
        assert_eq!(tus[0].variants[1].text, "The {1}notetext");
    }

    #[test]
    fn reads_utf16_with_bom() {
        for (big_endian, bom) in [(false, &[0xFF, 0xFE][..]), (true, &[0xFE, 0xFF][..])] {
            let text = TMX.replace("UTF-8", "UTF-16").replace("gras", "عربي");
            let mut bytes = bom.to_vec();
            for u in text.encode_utf16() {
                let b = if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                };
                bytes.extend_from_slice(&b);
            }
            let tus = read_bytes(&bytes, Path::new("t.tmx"), ReadOptions::default()).unwrap();
            assert_eq!(tus[0].variants[0].text, "Le texte عربي a<b");
        }
        let mut bom8 = vec![0xEF, 0xBB, 0xBF];
        bom8.extend_from_slice(TMX.as_bytes());
        assert_eq!(
            read_bytes(&bom8, Path::new("t.tmx"), ReadOptions::default())
                .unwrap()
                .len(),
            2
        );
    }

    fn err(s: &str) -> (usize, usize, String) {
        match read(s).unwrap_err() {
            Error::Parse {
                line,
                column,
                message,
                ..
            } => (line, column, message),
            e => panic!("not a syntax error: {e}"),
        }
    }

    #[test]
    fn refuses_entities_and_bad_structure_with_position() {
        let (l, _, m) = err("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY x \"y\">]>\n<tmx/>");
        assert_eq!(l, 2);
        assert!(m.contains("DOCTYPE"), "{m}");
        let (l, _, m) = err(&format!("<tmx><body>\n{}", "<hi>".repeat(2000)));
        assert_eq!(l, 2);
        assert!(m.contains("nested more than 1000"), "{m}");
        let (l, c, m) = err("<tmx>\n<body>\n  <tu><tuv xml:lang=\"fr\"><seg>a &bogus; b</seg></tuv></tu></body></tmx>");
        assert_eq!(l, 3, "{m}");
        assert!(c > 1);
        assert!(m.contains("bogus"), "{m}");
        let (l, c, m) = err("<tmx><body>\n<tu>\n  <tuv><seg>x</seg></tuv></tu></body></tmx>");
        assert_eq!((l, c), (3, 3));
        assert!(m.contains("xml:lang"), "{m}");
        let (l, _, m) = err("<tmx><body>\n<tu></tuv></tu></body></tmx>");
        assert_eq!(l, 2);
        assert!(m.contains("tuv"), "{m}");
        let (_, _, m) = err("<tmx><body><tu>");
        assert!(m.contains("ends inside <tu>"), "{m}");
        let (_, _, m) = err("<html><body/></html>");
        assert!(m.contains("not a TMX file"), "{m}");
        let (_, _, m) = err("just text");
        assert!(m.contains("outside"), "{m}");
        let (_, _, m) = err("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><tmx/>");
        assert!(m.contains("ISO-8859-1") || m.contains("iso-8859-1"), "{m}");
    }

    #[test]
    fn bad_utf16_is_an_error_not_a_panic() {
        let bytes = [0xFF, 0xFE, b'<', 0, 0x00, 0xD8, b'a', 0];
        assert!(read_bytes(&bytes, Path::new("t.tmx"), ReadOptions::default()).is_err());
    }
}
