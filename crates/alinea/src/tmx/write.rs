//! TMX 1.4b writing: one `<tu>` per aligned unit, with `x-document`, `x-units` and
//! `x-confidence` properties and one `<tuv xml:lang>` per language; a unit's inline tags
//! (from Word, OpenDocument, HTML) as inline elements ([`super::inline`]). Text is escaped by
//! quick-xml's writer; characters XML 1.0 forbids are removed and counted. The bytes depend only
//! on the input and the options (the creation date is an option), so output is reproducible.

use std::collections::BTreeMap;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::io::Write;

use super::{Tu, Tuv};
use crate::align::aligned::{range_label, Aligned, Segtype};
use crate::align::suspect;
use crate::doc::inline::Tag;
use crate::{Error, Lang, Result};

/// A fixed `creationdate` (the Unix epoch), for tests and fallbacks that need one.
pub const FIXED_CREATION_DATE: &str = "19700101T000000Z";

/// How to write a TMX file.
#[derive(Clone, Debug, Default)]
pub struct WriteOptions {
    /// BCP 47 tags per language, overriding [`default_locale`].
    pub locales: BTreeMap<Lang, String>,
    /// Also write units that hold a single language, and those that are not translations
    /// ([`crate::align::suspect`]).
    pub keep_unaligned: bool,
    /// The header's optional `creationdate`, `YYYYMMDDThhmmssZ`; `None` leaves it out (so
    /// that CAT tools do not date the units to a made-up day).
    pub creation_date: Option<String>,
}

/// What was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    pub bytes: Vec<u8>,
    /// Translation units written.
    pub tus: usize,
    /// Characters XML 1.0 does not allow, removed from the text.
    pub removed_chars: usize,
}

/// The header of a TMX file.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub segtype: Segtype,
    /// The source language's tag (`fr-FR`).
    pub srclang: String,
    /// The optional `creationdate`, left out when `None`.
    pub creation_date: Option<String>,
}

/// The tag alinea writes for a language: `fr-FR`, `en-GB`, `ar`, else the bare code.
pub fn default_locale(lang: &Lang) -> String {
    match lang {
        Lang::Fr => "fr-FR".into(),
        Lang::En => "en-GB".into(),
        Lang::Ar => "ar".into(),
        Lang::Other(code) => code.clone(),
    }
}

/// Parse `fr=fr-FR,en=en-US` into a locale map, checking each tag's shape (BCP 47 subtags:
/// letters and digits, 1–8 characters, joined by `-`, starting with the language's own code).
pub fn parse_locales(spec: &str) -> Result<BTreeMap<Lang, String>> {
    let mut map = BTreeMap::new();
    for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (lang, tag) = item.split_once('=').ok_or_else(|| {
            Error::Usage(format!(
                "--locale: expected LANG=TAG (fr=fr-CA), got {item:?}"
            ))
        })?;
        let lang: Lang = lang.trim().parse()?;
        let tag = tag.trim();
        let well_formed = !tag.is_empty()
            && tag.split('-').all(|p| {
                (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric())
            });
        if !well_formed || tag.parse::<Lang>().ok().as_ref() != Some(&lang) {
            return Err(Error::Usage(format!(
                "--locale: {tag:?} is not a BCP 47 tag for {lang} (e.g. {})",
                default_locale(&lang)
            )));
        }
        map.insert(lang, tag.to_string());
    }
    Ok(map)
}

/// `YYYYMMDDThhmmssZ` for a Unix time.
pub fn creation_date(unix_seconds: i64) -> Result<String> {
    let t = time::OffsetDateTime::from_unix_timestamp(unix_seconds)
        .map_err(|e| Error::Usage(format!("creation date {unix_seconds}: {e}")))?;
    let f = time::macros::format_description!("[year][month][day]T[hour][minute][second]Z");
    t.format(&f)
        .map_err(|e| Error::Usage(format!("creation date {unix_seconds}: {e}")))
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Whether every character of `s` is one XML 1.0 allows ([`is_xml_char`]), by its bytes: a
/// `str` holds no surrogate, so the only ones it may hold that XML forbids are the C0 controls
/// but tab, line feed and carriage return, and U+FFFE and U+FFFF (`EF BF BE`, `EF BF BF`).
fn all_xml_chars(s: &str) -> bool {
    let b = s.as_bytes();
    // Text without control characters or 0xEF bytes (almost all), in one vectorised pass.
    if b.iter().fold(true, |ok, &c| ok & (c >= 0x20) & (c != 0xEF)) {
        return true;
    }
    b.iter().enumerate().all(|(i, &c)| match c {
        0x09 | 0x0A | 0x0D => true,
        0x00..=0x1F => false,
        0xEF => !matches!(b.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])),
        _ => true,
    })
}

/// `s` without the characters XML 1.0 forbids, and how many were removed.
pub fn xml_clean(s: &str) -> (String, usize) {
    let (c, n) = xml_cleaned(s);
    (c.into_owned(), n)
}

/// [`xml_cleaned`], the characters removed added to `removed`.
fn counted<'s>(s: &'s str, removed: &mut usize) -> std::borrow::Cow<'s, str> {
    let (c, n) = xml_cleaned(s);
    *removed += n;
    c
}

/// [`xml_clean`], borrowing `s` when it has nothing to remove (almost always).
fn xml_cleaned(s: &str) -> (std::borrow::Cow<'_, str>, usize) {
    if all_xml_chars(s) {
        return (std::borrow::Cow::Borrowed(s), 0);
    }
    let kept: String = s.chars().filter(|&c| is_xml_char(c)).collect();
    let removed = s.chars().count() - kept.chars().count();
    (std::borrow::Cow::Owned(kept), removed)
}

/// The translation units of an alignment: one per bead holding at least two languages and not
/// [suspect](crate::align::suspect::is_suspect) (every bead with `keep_unaligned`), numbered
/// from 1.
pub fn tus(a: &Aligned, opts: &WriteOptions) -> Vec<Tu> {
    tu_iter(a, opts).collect()
}

/// The translation units of [`tus`], made one at a time.
pub fn tu_iter<'a>(a: &'a Aligned, opts: &'a WriteOptions) -> impl Iterator<Item = Tu> + 'a {
    units(a, opts, None).map(|(tu, _)| tu)
}

/// The translation units of [`tus`] with the inline tags of each variant; `suspect`, the
/// suspect flags of `a`'s beads when they are known already (found here otherwise).
fn units<'a>(
    a: &'a Aligned,
    opts: &'a WriteOptions,
    suspect: Option<&'a [bool]>,
) -> impl Iterator<Item = (Tu, Vec<Vec<Tag>>)> + 'a {
    let tag = |lang: &Lang| {
        opts.locales
            .get(lang)
            .cloned()
            .unwrap_or_else(|| default_locale(lang))
    };
    let tags: Vec<String> = a.sides.iter().map(|s| tag(&s.lang)).collect();
    let suspect: std::borrow::Cow<'a, [bool]> = match suspect {
        _ if opts.keep_unaligned => std::borrow::Cow::Borrowed(&[]),
        Some(known) => {
            debug_assert_eq!(known, suspect::flags(a), "stale suspect flags");
            std::borrow::Cow::Borrowed(known)
        }
        None => std::borrow::Cow::Owned(suspect::flags(a)),
    };
    a.beads
        .iter()
        .enumerate()
        .filter(move |&(k, b)| {
            b.filled() > 0 && (opts.keep_unaligned || (b.filled() >= 2 && !suspect[k]))
        })
        .map(|(_, b)| b)
        .enumerate()
        .map(move |(n, b)| {
            let units: Vec<String> = a
                .sides
                .iter()
                .zip(&b.sides)
                .filter(|(_, ix)| !ix.is_empty())
                .map(|(s, ix)| format!("{}:{}", s.lang, range_label(ix)))
                .collect();
            let present: Vec<usize> = (0..a.sides.len())
                .filter(|&d| !b.sides[d].is_empty())
                .collect();
            let inline = present.iter().map(|&d| a.tags(b, d)).collect();
            let tu = Tu {
                id: Some((n + 1).to_string()),
                props: vec![
                    ("x-document".into(), a.document.clone()),
                    ("x-units".into(), units.join(" ")),
                    ("x-confidence".into(), format!("{:.2}", b.score)),
                ],
                variants: present
                    .iter()
                    .map(|&d| Tuv {
                        lang: tags[d].clone(),
                        text: a.text(b, d),
                    })
                    .collect(),
            };
            (tu, inline)
        })
}

fn header_of(a: &Aligned, opts: &WriteOptions) -> Header {
    let srclang = a
        .sides
        .first()
        .map(|s| {
            opts.locales
                .get(&s.lang)
                .cloned()
                .unwrap_or_else(|| default_locale(&s.lang))
        })
        .unwrap_or_else(|| "*all*".into());
    Header {
        segtype: a.segtype,
        srclang,
        creation_date: opts.creation_date.clone(),
    }
}

/// Write an alignment as TMX 1.4b.
pub fn write(a: &Aligned, opts: &WriteOptions) -> Written {
    let mut bytes = Vec::new();
    let c = write_to(a, opts, &mut bytes).expect("writing to memory");
    Written {
        bytes,
        tus: c.tus,
        removed_chars: c.removed_chars,
    }
}

/// What was written to a stream.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Translation units written.
    pub tus: usize,
    /// Characters XML 1.0 does not allow, removed from the text.
    pub removed_chars: usize,
}

/// Write an alignment as TMX 1.4b to `out`, one unit at a time (the same bytes as [`write`];
/// nothing but the unit being written is held in memory).
pub fn write_to(a: &Aligned, opts: &WriteOptions, out: impl Write) -> std::io::Result<Counts> {
    write_units_to(&header_of(a, opts), units(a, opts, None), out)
}

/// [`write_to`] with the suspect flags of `a`'s beads found already
/// ([`crate::align::Outcome::suspect`]), so that they are not looked for again.
pub fn write_to_flagged(
    a: &Aligned,
    opts: &WriteOptions,
    suspect: &[bool],
    out: impl Write,
) -> std::io::Result<Counts> {
    write_units_to(&header_of(a, opts), units(a, opts, Some(suspect)), out)
}

/// Element text with `&`, `<` and `>` escaped (quotes and apostrophes stay as they are).
fn text_event(s: &str) -> BytesText<'_> {
    BytesText::from_escaped(crate::text::escape::escape_text(s))
}

/// Write translation units under a header.
pub fn write_tus(header: &Header, tus: &[Tu]) -> Written {
    let mut bytes = Vec::new();
    let c = write_tus_to(header, tus.iter(), &mut bytes).expect("writing to memory");
    Written {
        bytes,
        tus: c.tus,
        removed_chars: c.removed_chars,
    }
}

/// Write translation units under a header to `out`, as they come.
pub fn write_tus_to<T: std::borrow::Borrow<Tu>>(
    header: &Header,
    tus: impl IntoIterator<Item = T>,
    out: impl Write,
) -> std::io::Result<Counts> {
    write_units_to(header, tus.into_iter().map(|t| (t, Vec::new())), out)
}

/// Write translation units, each with the inline tags of its variants (none: plain text),
/// under a header to `out`.
fn write_units_to<T: std::borrow::Borrow<Tu>>(
    header: &Header,
    tus: impl IntoIterator<Item = (T, Vec<Vec<Tag>>)>,
    out: impl Write,
) -> std::io::Result<Counts> {
    let mut removed = 0usize;
    let mut count = 0usize;
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(
        BytesStart::new("tmx").with_attributes([("version", "1.4")]),
    ))?;
    let version = env!("CARGO_PKG_VERSION");
    let mut head = BytesStart::new("header").with_attributes([
        ("creationtool", "alinea"),
        ("creationtoolversion", version),
        ("segtype", header.segtype.as_str()),
        ("o-tmf", "alinea"),
        ("adminlang", "en"),
        ("srclang", header.srclang.as_str()),
        ("datatype", "plaintext"),
    ]);
    if let Some(date) = &header.creation_date {
        head.push_attribute(("creationdate", date.as_str()));
    }
    w.write_event(Event::Empty(head))?;
    w.write_event(Event::Start(BytesStart::new("body")))?;
    // The start tags with an attribute, made in one buffer.
    let mut tag = String::new();
    for (tu, tags) in tus {
        let tu = tu.borrow();
        count += 1;
        let tagged = tags.iter().any(|t| !t.is_empty());
        let xs = if tagged {
            let refs: Vec<&[Tag]> = tags.iter().map(Vec::as_slice).collect();
            super::inline::number(&refs)
        } else {
            Vec::new()
        };
        let start = match &tu.id {
            Some(id) => start_with(&mut tag, "tu", "tuid", &counted(id, &mut removed)),
            None => BytesStart::new("tu"),
        };
        w.write_event(Event::Start(start))?;
        for (k, v) in &tu.props {
            let k = counted(k, &mut removed);
            let v = counted(v, &mut removed);
            w.write_event(Event::Start(start_with(&mut tag, "prop", "type", &k)))?;
            w.write_event(Event::Text(text_event(&v)))?;
            w.write_event(Event::End(BytesEnd::new("prop")))?;
        }
        for (k, v) in tu.variants.iter().enumerate() {
            let lang = counted(&v.lang, &mut removed);
            w.write_event(Event::Start(start_with(&mut tag, "tuv", "xml:lang", &lang)))?;
            w.write_event(Event::Start(BytesStart::new("seg")))?;
            match (tags.get(k).filter(|t| !t.is_empty()), xs.get(k)) {
                (Some(t), Some(x)) => {
                    let seg = super::inline::segment(&v.text, t, x, &mut |s: &str| {
                        counted(s, &mut removed).into_owned()
                    });
                    w.write_event(Event::Text(BytesText::from_escaped(seg)))?;
                }
                _ => {
                    let text = counted(&v.text, &mut removed);
                    w.write_event(Event::Text(text_event(&text)))?;
                }
            }
            w.write_event(Event::End(BytesEnd::new("seg")))?;
            w.write_event(Event::End(BytesEnd::new("tuv")))?;
        }
        w.write_event(Event::End(BytesEnd::new("tu")))?;
    }
    w.write_event(Event::End(BytesEnd::new("body")))?;
    w.write_event(Event::End(BytesEnd::new("tmx")))?;
    let mut out = w.into_inner();
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(Counts {
        tus: count,
        removed_chars: removed,
    })
}

/// The start tag `name key="value"` as [`BytesStart::push_attribute`] writes it (the value
/// escaped), made in `buf`: no buffer is allocated and grown for each element.
fn start_with<'b>(buf: &'b mut String, name: &str, key: &str, value: &str) -> BytesStart<'b> {
    buf.clear();
    buf.push_str(name);
    buf.push(' ');
    buf.push_str(key);
    buf.push_str("=\"");
    buf.push_str(&quick_xml::escape::escape(value));
    buf.push('"');
    BytesStart::from_content(buf.as_str(), name.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::aligned::tests::sample;

    proptest::proptest! {
        #[test]
        fn the_byte_check_agrees_with_the_character_check(
            s in "[a\u{0}\u{8}\t\n\r\u{1F}\u{7F}\u{FFFD}\u{FFFE}\u{FFFF}\u{EFFF}\u{10000}é ]{0,30}"
        ) {
            proptest::prop_assert_eq!(all_xml_chars(&s), s.chars().all(is_xml_char));
            let (c, n) = xml_cleaned(&s);
            proptest::prop_assert!(c.chars().all(is_xml_char));
            proptest::prop_assert_eq!(c.chars().count() + n, s.chars().count());
        }
    }

    #[test]
    fn a_start_tag_made_in_a_buffer_is_written_as_quick_xml_makes_it() {
        let written = |e: BytesStart| {
            let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
            w.write_event(Event::Start(e)).unwrap();
            String::from_utf8(w.into_inner()).unwrap()
        };
        let mut buf = String::from("stale");
        for value in ["fr", "x-confidence", "a \"q\" & <b> 'c'", "", "é\u{1F600}"] {
            let expected = written(BytesStart::new("prop").with_attributes([("type", value)]));
            let made = start_with(&mut buf, "prop", "type", value);
            assert_eq!(made.name().as_ref(), b"prop");
            assert_eq!(written(made), expected, "{value}");
        }
        assert_eq!(buf, "prop type=\"é\u{1F600}\"");
    }

    #[test]
    fn dates_and_locales() {
        assert_eq!(creation_date(0).unwrap(), FIXED_CREATION_DATE);
        assert_eq!(creation_date(1_700_000_000).unwrap(), "20231114T221320Z");
        let m = parse_locales("fr=fr-CA, en=en-US,ar=ar-EG").unwrap();
        assert_eq!(m[&Lang::Fr], "fr-CA");
        assert_eq!(m[&Lang::Ar], "ar-EG");
        assert!(parse_locales("fr").is_err());
        assert!(parse_locales("fr=en-GB").is_err());
        assert!(parse_locales("fr=fr_FR").is_err());
        assert!(parse_locales("fr=fr-<x>").is_err());
    }

    #[test]
    fn writes_escaped_clean_text() {
        let mut a = sample();
        a.sides[0].units[0] = "A & <B> \"q\"\u{1}\u{FFFF}".into();
        let w = write(&a, &WriteOptions::default());
        let s = String::from_utf8(w.bytes).unwrap();
        assert_eq!(w.removed_chars, 2);
        assert_eq!(w.tus, 2);
        assert!(s.contains("<seg>A &amp; &lt;B&gt; \"q\"</seg>"), "{s}");
        assert!(
            s.contains("<prop type=\"x-units\">fr:1-2 en:1</prop>"),
            "{s}"
        );
        assert!(s.contains("<tuv xml:lang=\"en-GB\">"));
        assert!(s.contains("srclang=\"fr-FR\""));
    }

    #[test]
    fn unaligned_units_only_when_asked() {
        let mut a = sample();
        a.beads.push(crate::align::multi::MultiBead {
            sides: vec![vec![], vec![2]],
            score: 0.0,
        });
        a.sides[1].units.push("Extra".into());
        assert_eq!(tus(&a, &WriteOptions::default()).len(), 2);
        let keep = WriteOptions {
            keep_unaligned: true,
            ..WriteOptions::default()
        };
        let t = tus(&a, &keep);
        assert_eq!(t.len(), 3);
        assert_eq!(t[2].variants.len(), 1);
        assert_eq!(t[2].props[1].1, "en:2");
    }
}
