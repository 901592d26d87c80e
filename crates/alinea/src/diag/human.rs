//! Diagnostics for people: `warning[code]: path:line:column: message`, then, when the file's
//! text is at hand and the diagnostic has a location, the lines concerned with carets under
//! the span (annotate-snippets), and `= help: …`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use annotate_snippets::{Level, Renderer, Snippet};

use super::{Diagnostic, Location, Severity};

/// The texts of the files diagnostics point into, so that their lines can be shown.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    texts: HashMap<PathBuf, Source>,
}

/// A file's text and where its lines start, so that placing a diagnostic does not scan it.
#[derive(Clone, Debug)]
struct Source {
    text: String,
    starts: Vec<usize>,
}

impl Sources {
    /// Keep `text` as the content of `path`.
    pub fn insert(&mut self, path: impl Into<PathBuf>, text: impl Into<String>) {
        let text = text.into();
        let starts = crate::input::lines::line_starts(&text);
        self.texts.insert(path.into(), Source { text, starts });
    }

    fn get(&self, path: &Path) -> Option<&Source> {
        self.texts.get(path)
    }
}

/// How the text is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Color {
    /// Plain text (files, pipes, tests).
    #[default]
    Never,
    /// ANSI colours (a terminal).
    Always,
}

fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Note => Level::Note,
    }
}

/// Byte offset of (line, column) in `src` (1-based, column in characters); the end of the
/// text when past it.
fn offset(src: &Source, line: usize, column: usize) -> usize {
    let text = src.text.as_str();
    let Some(&start) = src.starts.get(line.max(1) - 1) else {
        return text.len();
    };
    let rest = &text[start..];
    let end_of_line = rest.find('\n').unwrap_or(rest.len());
    rest[..end_of_line]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(start + end_of_line, |(i, _)| start + i)
}

/// The byte range a location covers in `src`, clamped to it and to character boundaries.
fn byte_range(src: &Source, l: &Location) -> (usize, usize) {
    let text = src.text.as_str();
    let (s, e) = match &l.bytes {
        Some(r) => (r.start, r.end),
        None => (
            offset(src, l.line, l.column),
            offset(src, l.end_line, l.end_column),
        ),
    };
    let clamp = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (s, e) = (clamp(s), clamp(e));
    (s, e.max(s))
}

/// The most characters a span's carets cover.
const MAX_CARETS: usize = 80;

/// One diagnostic as text, ending with a line feed.
pub fn render_one(d: &Diagnostic, sources: &Sources, color: Color) -> String {
    let renderer = match color {
        Color::Never => Renderer::plain(),
        Color::Always => Renderer::styled(),
    };
    let lvl = level(d.severity);
    // A structured original's place (a Word paragraph) after the reading's line and column.
    let part = d
        .details
        .as_ref()
        .and_then(|x| x.place.as_deref())
        .map_or(String::new(), |p| format!(" ({p})"));
    let title = match d.place() {
        Some(place) => format!("{place}{part}: {}", d.message),
        None => d.message.clone(),
    };
    let mut message = lvl.title(&title).id(d.code);
    let origin = d.path.as_deref().map(|p| p.display().to_string());
    let snippet_text;
    if let (Some(path), Some(loc)) = (d.path.as_deref(), &d.location) {
        if let Some(src) = sources.get(path) {
            let text = src.text.as_str();
            let (s, e) = byte_range(src, loc);
            // Show whole lines, from the one the span starts on to the one it ends on.
            let first_line = src.starts.partition_point(|&st| st <= s).max(1);
            let first = src.starts[first_line - 1];
            let last = text[e..].find('\n').map_or(text.len(), |i| e + i);
            snippet_text = &text[first..last];
            // A span over a whole long unit (a term missing from a paragraph) is marked over
            // its first characters only: the snippet's line is cut to the terminal, its carets
            // are not.
            let e = text[s..e]
                .char_indices()
                .nth(MAX_CARETS)
                .map_or(e, |(i, _)| s + i);
            let mut snippet = Snippet::source(snippet_text)
                .line_start(first_line)
                .fold(true)
                .annotation(lvl.span(s - first..e - first));
            if let Some(o) = origin.as_deref() {
                snippet = snippet.origin(o);
            }
            message = message.snippet(snippet);
        }
    }
    if let Some(help) = &d.help {
        message = message.footer(Level::Help.title(help));
    }
    let mut out = renderer.render(message).to_string();
    out.push('\n');
    out
}

/// All diagnostics, in order, each ending with a line feed.
pub fn render(diagnostics: &[Diagnostic], sources: &Sources, color: Color) -> String {
    diagnostics
        .iter()
        .map(|d| render_one(d, sources, color))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::samples;

    #[test]
    fn header_help_and_snippet_with_carets() {
        let d = samples();
        let mut sources = Sources::default();
        sources.insert("a.tbx", "<tbx>\n  <id>c1</id>\n</tbx>\n");
        let out = render(&d, &sources, Color::Never);
        assert!(
            out.starts_with(
                "warning[lang/contradicted]: doc.txt: declared as fr but the text looks like en\n"
            ),
            "{out}"
        );
        assert!(
            out.contains("= help: give the right language with --lang"),
            "{out}"
        );
        assert!(
            out.contains("error[termbase/duplicate-id]: a.tbx:2:3: concept id"),
            "{out}"
        );
        assert!(out.contains("2 |   <id>c1</id>"), "{out}");
        assert!(out.contains("^^^^"), "{out}");
        assert!(
            out.contains("note[align/summary]: nothing in particular"),
            "{out}"
        );
        assert_eq!(out.matches("[").count(), 3, "{out}");
    }

    #[test]
    fn a_long_span_is_marked_over_its_first_characters() {
        let line = "mot ".repeat(100);
        let text = format!("{line}\n");
        let l = Location {
            line: 1,
            column: 1,
            end_line: 1,
            end_column: line.chars().count() + 1,
            bytes: None,
        };
        let d = Diagnostic::error("term/missing-equivalent", "m")
            .at_path("f")
            .at(l);
        let mut sources = Sources::default();
        sources.insert("f", text);
        let out = render(&[d], &sources, Color::Never);
        let carets = out
            .lines()
            .find(|l| l.contains('^'))
            .map_or(0, |l| l.matches('^').count());
        assert_eq!(carets, MAX_CARETS, "{out}");
    }

    #[test]
    fn location_from_lines_and_columns_when_bytes_are_unknown() {
        let text = "première ligne\ndeuxième ligne é\n";
        let l = Location {
            line: 2,
            column: 10,
            end_line: 2,
            end_column: 15,
            bytes: None,
        };
        let src = Source {
            text: text.to_string(),
            starts: crate::input::lines::line_starts(text),
        };
        let (s, e) = byte_range(&src, &l);
        assert_eq!(&text[s..e], "ligne");
        // Past the end: clamped, never a panic.
        let far = Location::point(40, 3);
        assert_eq!(byte_range(&src, &far), (text.len(), text.len()));
        let d = Diagnostic::warning("x/y", "m").at_path("f").at(far);
        let mut sources = Sources::default();
        sources.insert("f", text);
        assert!(render_one(&d, &sources, Color::Never).contains("warning[x/y]"));
    }
}
