//! TMX reading, streaming: translation units are returned one at a time from a buffered reader,
//! so a large memory is never held whole.
//!
//! Accepted: UTF-8 (with or without BOM) and UTF-16 with a BOM; `xml:lang` and the legacy `lang`
//! attribute; inline elements `bpt`, `ept`, `ph`, `it`, `ut` (their native codes dropped, or kept
//! as text on request), `hi` and `sub` (their text kept); `<prop>` of a `<tu>`.
//! Refused: a DOCTYPE with an internal subset (entity declarations) and any entity other than
//! XML's five and character references; a DOCTYPE that only names an external DTD is allowed and
//! not fetched. A malformed file gives [`Error::Parse`] with the line and column.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{Tu, Tuv};
use crate::{Error, Result};

/// How to read a TMX file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Keep the native codes of inline elements (`<bpt>{b}</bpt>` → `{b}`) in the text.
    pub keep_codes: bool,
}

/// A failure inside the stream: its byte offset in the UTF-8 text, and what went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StreamError {
    pub offset: u64,
    pub message: String,
}

/// UTF-16 (or any encoding_rs encoding) → UTF-8, as a reader.
struct Transcode<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    output: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: Read> Read for Transcode<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.pos == self.output.len() {
            if self.done {
                return Ok(0);
            }
            let n = self.inner.read(&mut self.input)?;
            let last = n == 0;
            let cap = self
                .decoder
                .max_utf8_buffer_length_without_replacement(n)
                .unwrap_or(n * 3 + 16);
            self.output.resize(cap, 0);
            let (res, _, written) = self.decoder.decode_to_utf8_without_replacement(
                &self.input[..n],
                &mut self.output,
                last,
            );
            if let encoding_rs::DecoderResult::Malformed(..) = res {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("is not valid {}", self.decoder.encoding().name()),
                ));
            }
            self.output.truncate(written);
            self.pos = 0;
            self.done = last;
        }
        let n = buf.len().min(self.output.len() - self.pos);
        buf[..n].copy_from_slice(&self.output[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Wrap raw bytes as UTF-8: a UTF-8 BOM is skipped, UTF-16 with a BOM is transcoded.
fn utf8_stream<'a, R: BufRead + 'a>(mut raw: R) -> std::io::Result<Box<dyn BufRead + 'a>> {
    let head = raw.fill_buf()?;
    match encoding_rs::Encoding::for_bom(head) {
        Some((enc, bom)) if enc == encoding_rs::UTF_8 => {
            raw.consume(bom);
            Ok(Box::new(raw))
        }
        Some((enc, _)) => Ok(Box::new(BufReader::new(Transcode {
            inner: raw,
            decoder: enc.new_decoder_with_bom_removal(),
            input: vec![0; 16 * 1024],
            output: Vec::new(),
            pos: 0,
            done: false,
        }))),
        None => Ok(Box::new(raw)),
    }
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
    reader: Reader<Box<dyn BufRead + 'a>>,
    opts: ReadOptions,
    buf: Vec<u8>,
    depth: usize,
    root_seen: bool,
    open: Vec<String>,
    tu: Option<Tu>,
    tuv: Option<Tuv>,
    seg: Option<String>,
    prop: Option<(String, String)>,
    /// Inline elements open inside the current `<seg>`: whether each suppresses text.
    inline: Vec<bool>,
    finished: bool,
}

fn attr(e: &BytesStart, names: &[&[u8]]) -> std::result::Result<Option<String>, String> {
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        if names.contains(&a.key.as_ref()) {
            let v = a.unescape_value().map_err(|e| e.to_string())?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

impl<'a> TuReader<'a> {
    /// Read from any buffered byte source (UTF-8, or UTF-16/UTF-8 with a BOM).
    pub fn new<R: BufRead + 'a>(raw: R, opts: ReadOptions) -> std::io::Result<Self> {
        let mut reader = Reader::from_reader(utf8_stream(raw)?);
        let cfg = reader.config_mut();
        cfg.check_end_names = true;
        cfg.trim_text(false);
        Ok(TuReader {
            reader,
            opts,
            buf: Vec::new(),
            depth: 0,
            root_seen: false,
            open: Vec::new(),
            tu: None,
            tuv: None,
            seg: None,
            prop: None,
            inline: Vec::new(),
            finished: false,
        })
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

    fn start(&mut self, e: &BytesStart) -> std::result::Result<(), String> {
        let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
        if self.depth == 0 {
            if self.root_seen {
                return Err(format!("<{name}> after the end of <tmx>"));
            }
            if name != "tmx" {
                return Err(format!(
                    "not a TMX file: the root element is <{name}>, not <tmx>"
                ));
            }
            self.root_seen = true;
        }
        self.depth += 1;
        self.open.push(name.clone());
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
                    return Err("<tu> inside another <tu>".into());
                }
                self.tu = Some(Tu {
                    id: attr(e, &[b"tuid"])?,
                    ..Tu::default()
                });
            }
            "tuv" => {
                if self.tu.is_none() || self.tuv.is_some() {
                    return Err("<tuv> outside a <tu>".into());
                }
                let lang = attr(e, &[b"xml:lang", b"lang"])?
                    .filter(|l| !l.trim().is_empty())
                    .ok_or("<tuv> without xml:lang")?;
                self.tuv = Some(Tuv {
                    lang,
                    text: String::new(),
                });
            }
            "seg" => {
                if self.tuv.is_none() {
                    return Err("<seg> outside a <tuv>".into());
                }
                self.seg = Some(String::new());
            }
            "prop" if self.tu.is_some() && self.tuv.is_none() => {
                let kind = attr(e, &[b"type"])?.ok_or("<prop> without type")?;
                self.prop = Some((kind, String::new()));
            }
            _ => {}
        }
        Ok(())
    }

    /// End of the element on top; a finished `<tu>` is returned.
    fn end(&mut self) -> Option<Tu> {
        self.depth = self.depth.saturating_sub(1);
        let name = self.open.pop().unwrap_or_default();
        if self.seg.is_some() && name != "seg" {
            self.inline.pop();
            return None;
        }
        match name.as_str() {
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
    pub fn next_tu(&mut self) -> std::result::Result<Option<Tu>, StreamError> {
        if self.finished {
            return Ok(None);
        }
        loop {
            let at = self.reader.buffer_position();
            // The buffer is taken out while the event borrows it, so that the event needs no
            // copy while `self` is updated.
            let mut buf = std::mem::take(&mut self.buf);
            buf.clear();
            let fail = |offset: u64, message: String| StreamError { offset, message };
            let event = match self.reader.read_event_into(&mut buf) {
                Ok(e) => e,
                Err(e) => {
                    self.finished = true;
                    return Err(fail(self.reader.error_position(), e.to_string()));
                }
            };
            let mut end = false;
            let result: std::result::Result<Option<Tu>, String> = match &event {
                Event::Decl(d) => match d.encoding() {
                    Some(Ok(enc)) => {
                        let enc = String::from_utf8_lossy(&enc).to_ascii_lowercase();
                        if matches!(
                            enc.as_str(),
                            "utf-8" | "utf8" | "utf-16" | "us-ascii" | "ascii"
                        ) {
                            Ok(None)
                        } else {
                            Err(format!(
                                "encoding {enc:?} is not supported; save the file as UTF-8"
                            ))
                        }
                    }
                    Some(Err(e)) => Err(e.to_string()),
                    None => Ok(None),
                },
                Event::DocType(d) => {
                    let d = String::from_utf8_lossy(d.as_ref());
                    if d.contains('[') || d.contains("<!ENTITY") {
                        Err("a DOCTYPE with declarations (entities) is refused".into())
                    } else {
                        Ok(None)
                    }
                }
                Event::Start(e) => self.start(e).map(|_| None),
                Event::Empty(e) => self.start(e).map(|_| self.end()),
                Event::End(_) => Ok(self.end()),
                Event::Text(t) => match t.unescape() {
                    Ok(s) => {
                        if self.depth == 0 && !s.trim().is_empty() {
                            Err("text outside the <tmx> element".into())
                        } else {
                            self.text(&s);
                            Ok(None)
                        }
                    }
                    Err(e) => Err(e.to_string()),
                },
                Event::CData(c) => {
                    let s = String::from_utf8_lossy(c.as_ref()).into_owned();
                    self.text(&s);
                    Ok(None)
                }
                Event::Comment(_) | Event::PI(_) => Ok(None),
                Event::Eof => {
                    self.finished = true;
                    if !self.root_seen {
                        Err("no <tmx> element: not a TMX file".into())
                    } else if let Some(open) = self.open.last() {
                        Err(format!("the file ends inside <{open}>"))
                    } else {
                        end = true;
                        Ok(None)
                    }
                }
            };
            drop(event);
            self.buf = buf;
            if end {
                return Ok(None);
            }
            match result {
                Ok(Some(tu)) => return Ok(Some(tu)),
                Ok(None) => {}
                Err(message) => {
                    self.finished = true;
                    return Err(fail(at, message));
                }
            }
        }
    }
}

impl Iterator for TuReader<'_> {
    type Item = std::result::Result<Tu, StreamError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_tu().transpose()
    }
}

/// Line and column (1-based, column in characters) of a byte offset in UTF-8 text.
fn locate(mut text: impl BufRead, offset: u64) -> (usize, usize) {
    let mut line = 1;
    let mut last_line = Vec::new();
    let mut seen = 0u64;
    let mut chunk = Vec::new();
    while seen < offset {
        chunk.clear();
        match text.read_until(b'\n', &mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let take = (n as u64).min(offset - seen) as usize;
                seen += take as u64;
                if chunk[..take].ends_with(b"\n") {
                    line += 1;
                    last_line.clear();
                } else {
                    last_line.extend_from_slice(&chunk[..take]);
                }
            }
        }
    }
    (
        line,
        String::from_utf8_lossy(&last_line).chars().count() + 1,
    )
}

fn collect<'a>(
    raw: impl BufRead + 'a,
    path: &Path,
    opts: ReadOptions,
    reopen: impl Fn() -> std::io::Result<Box<dyn BufRead + 'a>>,
) -> Result<Vec<Tu>> {
    let syntax = |e: StreamError| {
        let (line, column) = reopen().map(|r| locate(r, e.offset)).unwrap_or((0, 0));
        Error::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: e.message,
        }
    };
    let reader = TuReader::new(raw, opts).map_err(|e| Error::read(path, e))?;
    reader.map(|r| r.map_err(syntax)).collect()
}

/// Read every translation unit of a TMX file.
pub fn read_path(path: &Path, opts: ReadOptions) -> Result<Vec<Tu>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::read(path, e))?;
    if meta.is_dir() {
        return Err(Error::Input {
            path: path.to_path_buf(),
            message: "is a directory, not a TMX file".into(),
        });
    }
    let open =
        || -> std::io::Result<Box<dyn BufRead>> { utf8_stream(BufReader::new(File::open(path)?)) };
    let file = File::open(path).map_err(|e| Error::read(path, e))?;
    collect(BufReader::new(file), path, opts, open)
}

/// Read every translation unit of TMX bytes; `path` names them in errors.
pub fn read_bytes(bytes: &[u8], path: &Path, opts: ReadOptions) -> Result<Vec<Tu>> {
    collect(bytes, path, opts, || utf8_stream(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for (enc, bom) in [
            (encoding_rs::UTF_16LE, &[0xFF, 0xFE][..]),
            (encoding_rs::UTF_16BE, &[0xFE, 0xFF][..]),
        ] {
            let text = TMX.replace("UTF-8", "UTF-16").replace("gras", "عربي");
            let mut bytes = bom.to_vec();
            for u in text.encode_utf16() {
                let b = if enc == encoding_rs::UTF_16LE {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
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
