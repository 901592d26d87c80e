//! Lint's reading of a TMX draft: one document per target language, each unit with the
//! source variant of its translation unit, placed where its `<seg>` stands in the file.

use std::path::Path;

use super::Request;
use crate::input::LineIndex;
use crate::lint::{Doc, SourceUnit, Unit};
use crate::{Error, Lang, Result};

/// Where the content of each `<seg>` of a TMX text starts, in file order.
fn seg_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(j) = text[i..].find("<seg") {
        let at = i + j + 4;
        let next = text[at..].chars().next();
        if matches!(next, Some('>' | ' ' | '\t' | '\n' | '\r')) {
            match text[at..].find('>') {
                Some(k) => out.push(at + k + 1),
                None => break,
            }
        }
        i = at;
    }
    out
}

/// Where each character of a segment's text stands in the file, for a segment that is not a
/// slice of it (entities, inline codes, CDATA): pairs (byte in `text`, byte in `file`) at every
/// character and at the end, found by reading the segment's content from byte `start` as the
/// TMX reader does (the five XML entities and character references decoded, the content of
/// `bpt`, `ept`, `ph`, `it` and `ut` left out, the tags of `hi` and `sub` dropped). Empty when
/// that reading does not give `text` back.
fn seg_places(file: &str, start: usize, text: &str) -> Vec<(usize, usize)> {
    let mut places = Vec::with_capacity(text.len() / 4 + 2);
    let mut got = String::with_capacity(text.len());
    let b = file.as_bytes();
    let mut i = start;
    // Depth inside an inline code whose content is left out.
    let mut code_depth = 0usize;
    while i < b.len() {
        let rest = &file[i..];
        // The segment ends here whatever was read (`</seg>` cannot stand inside its content
        // or an attribute), so the walk never goes past it.
        if rest.starts_with("</seg>") {
            places.push((got.len(), i));
            return if got == text && code_depth == 0 {
                places
            } else {
                Vec::new()
            };
        }
        if let Some(body) = rest.strip_prefix("<![CDATA[") {
            let Some(end) = body.find("]]>") else { break };
            for (k, c) in body[..end].char_indices() {
                if code_depth == 0 {
                    places.push((got.len(), i + 9 + k));
                    got.push(c);
                }
            }
            i += 9 + end + 3;
        } else if rest.starts_with("<!--") {
            let Some(end) = rest.find("-->") else { break };
            i += end + 3;
        } else if rest.starts_with('<') {
            let Some(end) = tag_end(rest) else { break };
            let tag = &rest[1..end];
            let closing = tag.starts_with('/');
            let empty = tag.ends_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            if matches!(name.as_str(), "bpt" | "ept" | "ph" | "it" | "ut") && !empty {
                if closing {
                    code_depth = code_depth.saturating_sub(1);
                } else {
                    code_depth += 1;
                }
            }
            i += end + 1;
        } else if rest.starts_with('&') {
            let Some(end) = rest.find(';') else { break };
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            let Some(c) = c else { break };
            if code_depth == 0 {
                places.push((got.len(), i));
                got.push(c);
            }
            i += end + 1;
        } else {
            let c = rest.chars().next().unwrap_or_default();
            if code_depth == 0 {
                places.push((got.len(), i));
                got.push(c);
            }
            i += c.len_utf8();
        }
        if got.len() > text.len() {
            break;
        }
    }
    Vec::new()
}

/// A translation unit's variant in the draft's language, as [`read_tmx`] finds it.
struct Target {
    text: String,
    /// Line and column of the segment's content.
    pos: (usize, usize),
    /// Its byte offset, when the text is a slice of the file.
    offset: Option<usize>,
    /// Its characters' places otherwise ([`seg_places`]).
    places: Vec<(usize, usize)>,
}

/// The byte of the `>` that closes the tag `tag` starts with, past quoted attribute values.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote = None;
    for (k, c) in tag.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(k),
            _ => {}
        }
    }
    None
}

pub(super) fn read_tmx(path: &Path, req: &Request) -> Result<Vec<Doc>> {
    let input = match req.draft_bytes() {
        Some(b) => crate::input::Text {
            path: path.to_path_buf(),
            text: crate::input::decode_bytes(b, path)?,
        },
        None => crate::input::read_text(path)?,
    };
    let tus = crate::tmx::read_bytes(input.text.as_bytes(), &input.path, Default::default())?;
    let index = LineIndex::new(&input.text);
    let starts = seg_starts(&input.text);
    let lang_of = |s: &str| s.parse::<Lang>().ok();
    // The source: given, else the language most units start with.
    let source_lang = match &req.source_lang {
        Some(l) => l.clone(),
        None => {
            let mut counts: Vec<(Lang, usize)> = Vec::new();
            for tu in &tus {
                if let Some(l) = tu.variants.first().and_then(|v| lang_of(&v.lang)) {
                    match counts.iter_mut().find(|(x, _)| x == &l) {
                        Some(c) => c.1 += 1,
                        None => counts.push((l, 1)),
                    }
                }
            }
            counts
                .into_iter()
                .max_by_key(|c| c.1)
                .map(|c| c.0)
                .ok_or_else(|| Error::Input {
                    path: input.path.clone(),
                    message: "no translation unit with a language".into(),
                })?
        }
    };
    let mut langs: Vec<Lang> = Vec::new();
    for tu in &tus {
        for v in &tu.variants {
            if let Some(l) = lang_of(&v.lang) {
                if l != source_lang && !langs.contains(&l) {
                    langs.push(l);
                }
            }
        }
    }
    if let Some(want) = &req.lang {
        if !langs.contains(want) {
            return Err(Error::Input {
                path: input.path.clone(),
                message: format!(
                    "no {want} variant besides the {source_lang} source (--lang {want})"
                ),
            });
        }
        langs.retain(|l| l == want);
    }
    let mut docs = Vec::new();
    for lang in langs {
        let mut units = Vec::new();
        let mut seg = 0;
        let mut last = (1, 1);
        for (t, tu) in tus.iter().enumerate() {
            let mut src: Option<SourceUnit> = None;
            let mut tgt: Option<Target> = None;
            for v in &tu.variants {
                let start = starts.get(seg).copied();
                let pos = start.map_or(last, |b| index.position(b));
                seg += 1;
                match lang_of(&v.lang) {
                    Some(l) if l == source_lang && src.is_none() => {
                        src = Some(SourceUnit {
                            path: input.path.clone(),
                            line: pos.0,
                            lang: source_lang.clone(),
                            text: v.text.clone(),
                            place: None,
                        })
                    }
                    Some(l) if l == lang && tgt.is_none() => {
                        // A segment written as it reads (no entity, no inline tag) is a
                        // slice of the file: its findings have exact places and fixes.
                        let verbatim = start.filter(|&b| {
                            input.text[b..]
                                .strip_prefix(v.text.as_str())
                                .is_some_and(|rest| rest.starts_with("</seg>"))
                        });
                        // Otherwise its characters are placed one by one (no fixes).
                        let places = match (verbatim, start) {
                            (None, Some(b)) => seg_places(&input.text, b, &v.text),
                            _ => Vec::new(),
                        };
                        tgt = Some(Target {
                            text: v.text.clone(),
                            pos,
                            offset: verbatim,
                            places,
                        })
                    }
                    _ => {}
                }
                last = pos;
            }
            let id = tu.id.clone().unwrap_or_else(|| (t + 1).to_string());
            let Target {
                text,
                pos: (line, column),
                offset,
                places,
            } = tgt.unwrap_or(Target {
                text: String::new(),
                pos: last,
                offset: None,
                places: Vec::new(),
            });
            if text.is_empty() && src.is_none() {
                continue;
            }
            units.push(Unit {
                id,
                text,
                offset,
                places,
                line,
                column,
                place: None,
                source: src,
            });
        }
        docs.push(Doc {
            path: input.path.clone(),
            lang,
            source_lang: Some(source_lang.clone()),
            text: Some(input.text.clone()),
            read_only: None,
            units,
            diagnostics: Vec::new(),
        });
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_with_entities_and_codes_is_placed_character_by_character() {
        let file = "<seg>R &amp; D <bpt i=\"1\">&lt;b&gt;</bpt>the<ept i=\"1\">&lt;/b&gt;</ept> \
                    <hi>the</hi> <![CDATA[a<b]]>&#233;</seg>";
        let start = 5;
        let text = "R & D the the a<bé";
        let places = seg_places(file, start, text);
        assert_eq!(places.len(), text.chars().count() + 1);
        // Every character maps to where it is written.
        for &(t, f) in &places[..places.len() - 1] {
            let c = text[t..].chars().next().unwrap();
            let raw = &file[f..];
            assert!(
                raw.starts_with(c) || raw.starts_with('&'),
                "{c:?} at {f}: {raw:?}"
            );
        }
        let the = text.find("the").unwrap();
        let at = places.iter().find(|p| p.0 == the).unwrap().1;
        assert!(file[at..].starts_with("the<ept"));
        assert_eq!(places.last().unwrap().1, file.find("</seg>").unwrap());
        // A text the file does not give back is not placed.
        assert!(seg_places(file, start, "R & D").is_empty());
        // A `>` inside an attribute value is not the tag's end.
        let quoted = "<seg>a <ph x=\"1>2\"/>b</seg>";
        assert_eq!(seg_places(quoted, 5, "a b").len(), 4);
    }

    #[test]
    fn seg_contents_are_found_in_order() {
        let t =
            "<tu><tuv xml:lang=\"fr\"><seg>a</seg></tuv><tuv><seg >b</seg><segment/></tuv></tu>";
        let s = seg_starts(t);
        assert_eq!(s.len(), 2);
        assert_eq!(&t[s[0]..s[0] + 1], "a");
        assert_eq!(&t[s[1]..s[1] + 1], "b");
    }
}
