//! The model as JSON: written pretty-printed, one concept after another; read in pieces on
//! several threads when large (see [`json_parallel`]).

use std::path::Path;

use crate::termbase::model::{Concept, Termbase};
use crate::termbase::Positions;
use crate::{Error, Result};

/// The termbase as pretty-printed JSON, with a final line break.
pub(super) fn write(tb: &Termbase) -> Result<String> {
    let mut s = serde_json::to_string_pretty(tb)
        .map_err(|e| Error::Encode(format!("serialising JSON: {e}")))?;
    s.push('\n');
    Ok(s)
}

pub(super) fn read(text: &str, path: &Path) -> Result<(Termbase, Positions)> {
    if let Some(tb) = json_parallel(text) {
        return Ok((tb, Positions::default()));
    }
    let tb: Termbase = serde_json::from_str(text).map_err(|e| Error::Parse {
        path: path.into(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    Ok((tb, Positions::default()))
}

/// How many pieces a large JSON termbase is cut into for [`json_parallel`].
const JSON_PIECES_PER_THREAD: usize = 4;
/// Below this size a JSON termbase is read in one piece.
const JSON_PARALLEL_MIN: usize = 1 << 20;

/// Reads `{"concepts": [ … ]}` in pieces on several threads. The array is cut after a `,`
/// that ends a line and sits between `}` and `{`: a line break is never inside a JSON
/// string, and a cut inside a concept leaves a piece with unbalanced brackets, which fails.
/// `None` (read it in one piece, for the exact error) when the text is small, has another
/// shape, or any piece fails.
fn json_parallel(text: &str) -> Option<Termbase> {
    use rayon::prelude::*;
    if text.len() < JSON_PARALLEL_MIN {
        return None;
    }
    let b = text.as_bytes();
    let ws = |c: &u8| c.is_ascii_whitespace();
    let skip = |mut i: usize| {
        while i < b.len() && ws(&b[i]) {
            i += 1;
        }
        i
    };
    // The frame: `{ "concepts" : [` … `] }`.
    let mut i = skip(0);
    for want in [&b"{"[..], b"\"concepts\"", b":", b"["] {
        if !b[i..].starts_with(want) {
            return None;
        }
        i = skip(i + want.len());
    }
    let mut end = b.len();
    for want in [b'}', b']'] {
        while end > i && ws(&b[end - 1]) {
            end -= 1;
        }
        if end <= i || b[end - 1] != want {
            return None;
        }
        end -= 1;
    }
    let body = &text[i..end];
    // The indentation of the first concept: a cut is made only before a `{` indented alike.
    let line_start = b[..i].iter().rposition(|&c| c == b'\n')? + 1;
    let indent = &b[line_start..i];
    if !indent.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let pieces = rayon::current_num_threads().max(1) * JSON_PIECES_PER_THREAD;
    let mut cuts = vec![0];
    for k in 1..pieces {
        let from = (body.len() * k / pieces).max(*cuts.last().expect("starts with 0"));
        if let Some(at) = json_cut(body.as_bytes(), from, indent) {
            if at > *cuts.last().expect("starts with 0") {
                cuts.push(at);
            }
        }
    }
    if cuts.len() < 2 {
        return None;
    }
    cuts.push(body.len());
    let parts: Vec<Option<Vec<Concept>>> = cuts
        .windows(2)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|w| {
            // Each piece but the first starts with the `,` it was cut at.
            let piece = &body[w[0]..w[1]];
            let piece = if w[0] > 0 { &piece[1..] } else { piece };
            let mut wrapped = String::with_capacity(piece.len() + 2);
            wrapped.push('[');
            wrapped.push_str(piece);
            wrapped.push(']');
            let v: Vec<Concept> = serde_json::from_str(&wrapped).ok()?;
            (!v.is_empty()).then_some(v)
        })
        .collect();
    let mut concepts = Vec::new();
    for p in parts {
        concepts.extend(p?);
    }
    Some(Termbase { concepts })
}

/// The first cut point at or after `from`: the offset of a `,` between `}` and `{` that is
/// followed by a line break, the `{` being indented by `indent`.
fn json_cut(b: &[u8], from: usize, indent: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let nl = at + b[at..].iter().position(|&c| c == b'\n')?;
        at = nl + 1;
        let mut k = nl;
        while k > 0 && b[k - 1].is_ascii_whitespace() {
            k -= 1;
        }
        if k < 2 || b[k - 1] != b',' {
            continue;
        }
        let comma = k - 1;
        let mut j = comma;
        while j > 0 && b[j - 1].is_ascii_whitespace() {
            j -= 1;
        }
        if j == 0 || b[j - 1] != b'}' {
            continue;
        }
        if b[at..].starts_with(indent) && b.get(at + indent.len()) == Some(&b'{') {
            return Some(comma);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::termbase::{read_str, Concept, Format, Term};

    fn big_json() -> (Termbase, String) {
        let mut tb = Termbase::default();
        for i in 0..6000 {
            let mut c = Concept {
                id: format!("c{i}"),
                notes: vec![format!("note }},\n{{ {i}")],
                terms: vec![
                    Term::new(crate::Lang::Fr, format!("terme {i}")),
                    Term::new(crate::Lang::En, format!("term {i}")),
                ],
                ..Concept::default()
            };
            c.lang_info_mut(&crate::Lang::En).definition = Some("x".repeat(150));
            tb.concepts.push(c);
        }
        let text = crate::termbase::to_string(&tb, Format::Json).unwrap();
        assert!(text.len() > JSON_PARALLEL_MIN);
        (tb, text)
    }

    #[test]
    fn json_in_pieces_reads_the_same() {
        let (tb, text) = big_json();
        assert_eq!(json_parallel(&text).as_ref(), Some(&tb));
        let read = read_str(&text, Format::Json, Path::new("t.json")).unwrap();
        assert_eq!(read.termbase, tb);
        // Compact JSON has no line to cut at: read in one piece.
        let compact = serde_json::to_string(&tb).unwrap();
        assert_eq!(json_parallel(&compact), None);
        let read = read_str(&compact, Format::Json, Path::new("t.json")).unwrap();
        assert_eq!(read.termbase, tb);
    }

    #[test]
    fn json_in_pieces_reports_errors_in_place() {
        let (_, text) = big_json();
        let bad = text.replacen("\"id\": \"c4000\"", "\"id\": 4000", 1);
        assert_eq!(json_parallel(&bad), None);
        let line = bad[..bad.find("\"id\": 4000").unwrap()].lines().count();
        let err = read_str(&bad, Format::Json, Path::new("t.json")).unwrap_err();
        assert!(
            err.to_string().starts_with(&format!("t.json:{line}:")),
            "{err}"
        );
        // Two concepts not separated by a comma: no piece may hide it.
        let cut = text.find("},\n    {").unwrap() + 1;
        let bad = format!("{}{}", &text[..cut], &text[cut + 1..]);
        assert!(read_str(&bad, Format::Json, Path::new("t.json")).is_err());
    }

    #[test]
    fn json_errors_carry_line_and_column() {
        let err = read_str(
            "{\"concepts\": [\n  {\"id\": 3}]}",
            Format::Json,
            Path::new("t.json"),
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("t.json:2:"), "{err}");
    }

    #[test]
    fn two_language_entries_for_one_language_are_an_error_naming_it() {
        let text = r#"{"concepts": [{"id": "c", "terms": [{"lang": "en", "text": "cat"}],
            "languages": [{"lang": "en", "definition": "A feline."},
                          {"lang": "en", "definition": "A pet."}]}]}"#;
        let e = read_str(text, Format::Json, Path::new("t.json")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.json: concept \"c\" has two language entries for \"en\" (two definitions or \
             note lists for one language): merge them into one"
        );
    }
}
