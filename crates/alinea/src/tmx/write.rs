//! TMX 1.4b writing: one `<tu>` per aligned unit, with `x-document`, `x-units` and
//! `x-confidence` properties and one `<tuv xml:lang>` per language. Text is escaped by
//! quick-xml's writer; characters XML 1.0 forbids are removed and counted. The bytes depend only
//! on the input and the options (the creation date is an option), so output is reproducible.

use std::collections::BTreeMap;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::{Tu, Tuv};
use crate::align::aligned::{range_label, Aligned, Segtype};
use crate::{Error, Lang, Result};

/// The `creationdate` used when nothing else is asked for in reproducible output
/// (`alinea build` without `SOURCE_DATE_EPOCH`): the Unix epoch.
pub const FIXED_CREATION_DATE: &str = "19700101T000000Z";

/// How to write a TMX file.
#[derive(Clone, Debug)]
pub struct WriteOptions {
    /// BCP 47 tags per language, overriding [`default_locale`].
    pub locales: BTreeMap<Lang, String>,
    /// Also write units that hold a single language.
    pub keep_unaligned: bool,
    /// The header's `creationdate`, `YYYYMMDDThhmmssZ`.
    pub creation_date: String,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            locales: BTreeMap::new(),
            keep_unaligned: false,
            creation_date: FIXED_CREATION_DATE.to_string(),
        }
    }
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
    pub creation_date: String,
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

/// `s` without the characters XML 1.0 forbids, and how many were removed.
pub fn xml_clean(s: &str) -> (String, usize) {
    if s.chars().all(is_xml_char) {
        return (s.to_string(), 0);
    }
    let kept: String = s.chars().filter(|&c| is_xml_char(c)).collect();
    let removed = s.chars().count() - kept.chars().count();
    (kept, removed)
}

/// The translation units of an alignment: one per bead holding at least two languages (every
/// bead with `keep_unaligned`), numbered from 1.
pub fn tus(a: &Aligned, opts: &WriteOptions) -> Vec<Tu> {
    let tag = |lang: &Lang| {
        opts.locales
            .get(lang)
            .cloned()
            .unwrap_or_else(|| default_locale(lang))
    };
    let mut out = Vec::new();
    for b in &a.beads {
        if b.filled() == 0 || (b.filled() < 2 && !opts.keep_unaligned) {
            continue;
        }
        let units: Vec<String> = a
            .sides
            .iter()
            .zip(&b.sides)
            .filter(|(_, ix)| !ix.is_empty())
            .map(|(s, ix)| format!("{}:{}", s.lang, range_label(ix)))
            .collect();
        out.push(Tu {
            id: Some((out.len() + 1).to_string()),
            props: vec![
                ("x-document".into(), a.document.clone()),
                ("x-units".into(), units.join(" ")),
                ("x-confidence".into(), format!("{:.2}", b.score)),
            ],
            variants: a
                .sides
                .iter()
                .enumerate()
                .filter(|(d, _)| !b.sides[*d].is_empty())
                .map(|(d, s)| Tuv {
                    lang: tag(&s.lang),
                    text: a.text(b, d),
                })
                .collect(),
        });
    }
    out
}

/// Write an alignment as TMX 1.4b.
pub fn write(a: &Aligned, opts: &WriteOptions) -> Written {
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
    let header = Header {
        segtype: a.segtype,
        srclang,
        creation_date: opts.creation_date.clone(),
    };
    write_tus(&header, &tus(a, opts))
}

/// Element text with `&`, `<` and `>` escaped (quotes and apostrophes stay as they are).
fn text_event(s: &str) -> BytesText<'_> {
    BytesText::from_escaped(quick_xml::escape::partial_escape(s))
}

/// Write translation units under a header.
pub fn write_tus(header: &Header, tus: &[Tu]) -> Written {
    let mut removed = 0usize;
    let mut clean = |s: &str| {
        let (c, n) = xml_clean(s);
        removed += n;
        c
    };
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing to a Vec cannot fail.
    let ev = |w: &mut Writer<Vec<u8>>, e: Event| {
        w.write_event(e).expect("writing to memory");
    };
    ev(
        &mut w,
        Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)),
    );
    ev(
        &mut w,
        Event::Start(BytesStart::new("tmx").with_attributes([("version", "1.4")])),
    );
    let version = env!("CARGO_PKG_VERSION");
    ev(
        &mut w,
        Event::Empty(BytesStart::new("header").with_attributes([
            ("creationtool", "alinea"),
            ("creationtoolversion", version),
            ("segtype", header.segtype.as_str()),
            ("o-tmf", "alinea"),
            ("adminlang", "en"),
            ("srclang", header.srclang.as_str()),
            ("datatype", "plaintext"),
            ("creationdate", header.creation_date.as_str()),
        ])),
    );
    ev(&mut w, Event::Start(BytesStart::new("body")));
    for tu in tus {
        let mut start = BytesStart::new("tu");
        if let Some(id) = &tu.id {
            start.push_attribute(("tuid", clean(id).as_str()));
        }
        ev(&mut w, Event::Start(start));
        for (k, v) in &tu.props {
            let k = clean(k);
            let v = clean(v);
            ev(
                &mut w,
                Event::Start(BytesStart::new("prop").with_attributes([("type", k.as_str())])),
            );
            ev(&mut w, Event::Text(text_event(&v)));
            ev(&mut w, Event::End(BytesEnd::new("prop")));
        }
        for v in &tu.variants {
            let lang = clean(&v.lang);
            ev(
                &mut w,
                Event::Start(BytesStart::new("tuv").with_attributes([("xml:lang", lang.as_str())])),
            );
            let text = clean(&v.text);
            ev(&mut w, Event::Start(BytesStart::new("seg")));
            ev(&mut w, Event::Text(text_event(&text)));
            ev(&mut w, Event::End(BytesEnd::new("seg")));
            ev(&mut w, Event::End(BytesEnd::new("tuv")));
        }
        ev(&mut w, Event::End(BytesEnd::new("tu")));
    }
    ev(&mut w, Event::End(BytesEnd::new("body")));
    ev(&mut w, Event::End(BytesEnd::new("tmx")));
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Written {
        bytes,
        tus: tus.len(),
        removed_chars: removed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::aligned::tests::sample;

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
