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

/// Why a `<` starts no tag.
enum NoTag {
    /// It is followed by no name: an ordinary character.
    Text,
    /// The tag runs to the end of the page (no `>`, or a quote never closed).
    Unclosed,
}

/// A tag: name (lower case), attributes, whether it closes or closes itself, its length.
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    closing: bool,
    self_closing: bool,
    len: usize,
}

impl Tag {
    /// The tag `s` starts with (`s` starts with `<`), or why there is none.
    fn parse(s: &str) -> Result<Tag, NoTag> {
        let b = s.as_bytes();
        let mut i = 1;
        let closing = b.get(1) == Some(&b'/');
        if closing {
            i += 1;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'-' | b':' | b'_')) {
            i += 1;
        }
        if i == start || !b[start].is_ascii_alphabetic() {
            return Err(NoTag::Text);
        }
        let name = s[start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                None => return Err(NoTag::Unclosed),
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') => {
                    self_closing = true;
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let k0 = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let key = s[k0..i].to_ascii_lowercase();
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = s[i + 1..].find(q as char).ok_or(NoTag::Unclosed)? + i + 1;
                        decode_into(&s[i + 1..end], &mut value);
                        i = end + 1;
                    }
                    _ => {
                        let v0 = i;
                        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                        decode_into(&s[v0..i], &mut value);
                    }
                }
            }
            // (Each turn moves on: past a name, or past a stray `=` and its value.)
            if !key.is_empty() {
                attrs.push((key, value));
            }
        }
        Ok(Tag {
            name,
            attrs,
            closing,
            self_closing,
            len: i,
        })
    }
}

/// Where `needle` (ASCII, lower case) first occurs in `hay`, ignoring ASCII case.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Named entities alinea resolves: XML's five, Latin-1 letters and signs, typography.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("iexcl", '¡'),
    ("cent", '¢'),
    ("pound", '£'),
    ("curren", '¤'),
    ("yen", '¥'),
    ("brvbar", '¦'),
    ("sect", '§'),
    ("uml", '¨'),
    ("copy", '©'),
    ("ordf", 'ª'),
    ("laquo", '«'),
    ("not", '¬'),
    ("shy", '\u{ad}'),
    ("reg", '®'),
    ("macr", '¯'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("acute", '´'),
    ("micro", 'µ'),
    ("para", '¶'),
    ("middot", '·'),
    ("cedil", '¸'),
    ("sup1", '¹'),
    ("ordm", 'º'),
    ("raquo", '»'),
    ("frac14", '¼'),
    ("frac12", '½'),
    ("frac34", '¾'),
    ("iquest", '¿'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Aring", 'Å'),
    ("AElig", 'Æ'),
    ("Ccedil", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Euml", 'Ë'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Iuml", 'Ï'),
    ("ETH", 'Ð'),
    ("Ntilde", 'Ñ'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("times", '×'),
    ("Oslash", 'Ø'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Uuml", 'Ü'),
    ("Yacute", 'Ý'),
    ("THORN", 'Þ'),
    ("szlig", 'ß'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("aelig", 'æ'),
    ("ccedil", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("eth", 'ð'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("divide", '÷'),
    ("oslash", 'ø'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("thorn", 'þ'),
    ("yuml", 'ÿ'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Yuml", 'Ÿ'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("hellip", '…'),
    ("euro", '€'),
    ("bull", '•'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("trade", '™'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("prime", '′'),
];

/// Appends `s` to `out` with its character and entity references resolved (an unknown or
/// malformed one kept as written, a reference to a control character dropped).
fn decode_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let end = rest[1..]
            .char_indices()
            .take(32)
            .find(|&(_, c)| c == ';' || !(c.is_ascii_alphanumeric() || c == '#'))
            .filter(|&(_, c)| c == ';')
            .map(|(i, _)| i + 1);
        let resolved = end.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                }?;
                char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace())?
            } else {
                ENTITIES.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)?
            };
            Some((c, e + 1))
        });
        match resolved {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}
