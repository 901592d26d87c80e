//! Rendering an [`Aligned`] alignment in one of the output formats, chosen once here.
//!
//! - [`Format`]: TMX, beads, TSV, JSON or HTML, by name or by an output file's extension.
//! - [`render`]: an alignment → the bytes of one format, with the diagnostics rendering gave;
//!   [`render_file`]: the same into an [`AtomicFile`], TMX streamed.
//! - [`beads`]: `[0, 1]:[2]:0.83` lines (two documents, for scorers), and the corrected form
//!   with a header and the reviewer's marks (any number of documents), written and read.
//! - [`tsv`]: one row per unit, indices and text per language.
//! - [`json`]: units, beads and confidences.
//! - [`html`]: one self-contained review page.
//!
//! [`render_reviewed`] renders a corrected alignment ([`crate::align::reviewed`]): the beads
//! marked wrong are left out of TMX, TSV and JSON, kept with their marks in beads and HTML.
//!
//! TMX is written by [`crate::tmx::write()`].

pub mod beads;
pub mod html;
pub mod json;
pub mod tsv;

use std::fmt;
use std::io::Write;
use std::path::Path;

use crate::align::reviewed::Reviewed;
use crate::align::Aligned;
use crate::diag::Diagnostic;
use crate::io::AtomicFile;
use crate::tmx::{self, WriteOptions};
use crate::{Error, Result};

/// An output format for alignments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// TMX 1.4b.
    Tmx,
    /// `[i, j]:[k]:score` lines (two documents only).
    Beads,
    /// Tab-separated rows.
    Tsv,
    /// One JSON object.
    Json,
    /// A self-contained review page.
    Html,
}

/// Extensions recognised by [`Format::from_path`].
const EXTENSIONS: [(&str, Format); 6] = [
    ("tmx", Format::Tmx),
    ("beads", Format::Beads),
    ("tsv", Format::Tsv),
    ("json", Format::Json),
    ("html", Format::Html),
    ("htm", Format::Html),
];

/// Makes `a` (aligned from `documents`) what `format` is written from: for the formats that
/// pair texts, notes a translation moved are paired ([`Format::pairs_texts`]). The one place
/// this is decided, for `alinea align`, `alinea build` and the server. Returns whether the
/// beads changed (the suspect flags found before then still hold when they did not).
pub fn prepare(a: &mut Aligned, documents: &[crate::doc::Document], format: Format) -> bool {
    format.pairs_texts() && a.pair_moved_notes(documents)
}

impl Format {
    /// Whether the format pairs texts (TMX, TSV, JSON), so that notes a translation moved are
    /// paired in it ([`crate::align::Aligned::pair_moved_notes`]); a beads file and a review
    /// page keep the monotone alignment a reviewer corrects.
    pub fn pairs_texts(self) -> bool {
        !matches!(self, Format::Beads | Format::Html)
    }

    /// Every format, in the order they are listed to users.
    pub const ALL: [Format; 5] = [
        Format::Tmx,
        Format::Beads,
        Format::Tsv,
        Format::Json,
        Format::Html,
    ];

    /// The format's name (`tmx`, `beads`, `tsv`, `json`, `html`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Tmx => "tmx",
            Format::Beads => "beads",
            Format::Tsv => "tsv",
            Format::Json => "json",
            Format::Html => "html",
        }
    }

    /// The format called `name` (case-insensitive); [`Error::Usage`] naming the known ones
    /// otherwise.
    pub fn from_name(name: &str) -> Result<Format> {
        let lower = name.trim().to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.name() == lower)
            .ok_or_else(|| {
                Error::Usage(format!(
                    "unknown output format {name:?} (known: {})",
                    Format::ALL.map(Format::name).join(", ")
                ))
            })
    }

    /// The format an output file's extension names (`.tmx`, `.beads`, `.tsv`, `.json`,
    /// `.html`/`.htm`, case-insensitive); [`Error::Usage`] naming the known extensions for any
    /// other (nothing is written in a format the user did not ask for).
    pub fn from_path(path: &Path) -> Result<Format> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        EXTENSIONS
            .iter()
            .find(|(e, _)| Some(*e) == ext.as_deref())
            .map(|&(_, f)| f)
            .ok_or_else(|| {
                let known: Vec<String> = EXTENSIONS.iter().map(|(e, _)| format!(".{e}")).collect();
                Error::Usage(format!(
                    "cannot tell the output format of {}: known extensions are {} (or give --format)",
                    path.display(),
                    known.join(", ")
                ))
            })
    }

    /// Whether the format can hold an alignment of `documents` documents ([`Error::Usage`] if
    /// not: beads hold two).
    pub fn check(self, documents: usize) -> Result<()> {
        if self == Format::Beads && documents != 2 {
            return Err(Error::Usage(format!(
                "the beads format holds two documents, not {documents} (use tmx, tsv, json or html)"
            )));
        }
        Ok(())
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How to render (what applies to the format at hand; TMX has options of its own).
#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    pub tmx: WriteOptions,
}

/// An alignment rendered in one format.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// What rendering had to change (`tmx/removed-chars`), not tied to a file: the caller
    /// knows where the bytes go.
    pub diagnostics: Vec<Diagnostic>,
}

/// The warning for characters left out of a TMX.
fn removed_chars(n: usize) -> Option<Diagnostic> {
    (n > 0).then(|| {
        Diagnostic::warning(
            "tmx/removed-chars",
            format!(
                "{n} characters XML 1.0 does not allow (control characters) were left out of the TMX"
            ),
        )
        .with_help("the input holds control characters; check how it was extracted")
    })
}

/// The warning that a format other than TMX leaves out the inline tags `a` has (bold,
/// footnote marks … from Word, OpenDocument, HTML): their units' plain text is written.
fn no_inline(a: &Aligned, format: Format) -> Option<Diagnostic> {
    let n = a.inline.iter().flatten().filter(|t| !t.is_empty()).count();
    (n > 0 && matches!(format, Format::Tsv | Format::Json | Format::Html)).then(|| {
        Diagnostic::warning(
            "export/inline-dropped",
            format!(
                "the inline formatting of {n} units (bold, italics, footnote marks, line breaks) \
                 is not in the {format} output: only TMX carries it"
            ),
        )
        .with_help("write a TMX (`-o out.tmx`) to keep it as inline elements")
    })
}

/// Render `a` as `format`.
pub fn render(a: &Aligned, format: Format, opts: &RenderOptions) -> Result<Rendered> {
    format.check(a.sides.len())?;
    let mut diagnostics: Vec<Diagnostic> = no_inline(a, format).into_iter().collect();
    let bytes = match format {
        Format::Tmx => {
            let w = tmx::write(a, &opts.tmx);
            diagnostics.extend(removed_chars(w.removed_chars));
            w.bytes
        }
        Format::Beads => beads::write(a)?.into_bytes(),
        Format::Tsv => tsv::write(a).into_bytes(),
        Format::Json => json::write(a).into_bytes(),
        Format::Html => html::write(a).into_bytes(),
    };
    Ok(Rendered { bytes, diagnostics })
}

/// Render `a` as `format` into `file` (not committed): the same bytes as [`render`], TMX
/// streamed unit by unit so that it is never held whole in memory. Returns what rendering
/// had to change.
pub fn render_file(
    a: &Aligned,
    format: Format,
    opts: &RenderOptions,
    file: &mut AtomicFile,
) -> Result<Vec<Diagnostic>> {
    let target = file.target().to_path_buf();
    if format == Format::Tmx {
        let c =
            tmx::write::write_to(a, &opts.tmx, &mut *file).map_err(|e| Error::write(&target, e))?;
        return Ok(removed_chars(c.removed_chars).into_iter().collect());
    }
    let r = render(a, format, opts)?;
    file.write_all(&r.bytes)
        .map_err(|e| Error::write(&target, e))?;
    Ok(r.diagnostics)
}

/// [`render_file`] with the suspect flags of `a`'s beads found already
/// ([`crate::align::Outcome::suspect`], still theirs when [`prepare`] changed nothing): the
/// TMX and the review page do not look for them again. The same bytes.
pub fn render_file_flagged(
    a: &Aligned,
    format: Format,
    opts: &RenderOptions,
    suspect: &[bool],
    file: &mut AtomicFile,
) -> Result<Vec<Diagnostic>> {
    let target = file.target().to_path_buf();
    match format {
        Format::Tmx => {
            let c = tmx::write::write_to_flagged(a, &opts.tmx, suspect, &mut *file)
                .map_err(|e| Error::write(&target, e))?;
            Ok(removed_chars(c.removed_chars).into_iter().collect())
        }
        Format::Html => {
            format.check(a.sides.len())?;
            file.write_all(html::write_flagged(a, suspect).as_bytes())
                .map_err(|e| Error::write(&target, e))?;
            Ok(no_inline(a, format).into_iter().collect())
        }
        _ => render_file(a, format, opts, file),
    }
}

/// Render a corrected alignment ([`Reviewed`]) as `format`: the review formats keep every
/// bead with its marks (beads: the corrected form with its header, any number of documents;
/// HTML: the page with the marks), the others ([`render`]) leave out the beads marked wrong.
pub fn render_reviewed(r: &Reviewed, format: Format, opts: &RenderOptions) -> Result<Rendered> {
    let bytes = match format {
        Format::Beads => beads::write_corrected(&r.aligned, &r.marks).into_bytes(),
        Format::Html => html::write_reviewed(&r.aligned, &r.marks).into_bytes(),
        Format::Tmx | Format::Tsv | Format::Json => {
            return render(&r.without_wrong(), format, opts)
        }
    };
    let diagnostics = no_inline(&r.aligned, format).into_iter().collect();
    Ok(Rendered { bytes, diagnostics })
}

/// [`render_reviewed`] into `file` (not committed), TMX streamed as by [`render_file`].
pub fn render_reviewed_file(
    r: &Reviewed,
    format: Format,
    opts: &RenderOptions,
    file: &mut AtomicFile,
) -> Result<Vec<Diagnostic>> {
    match format {
        Format::Tmx | Format::Tsv | Format::Json => {
            render_file(&r.without_wrong(), format, opts, file)
        }
        Format::Beads | Format::Html => {
            let target = file.target().to_path_buf();
            let out = render_reviewed(r, format, opts)?;
            file.write_all(&out.bytes)
                .map_err(|e| Error::write(&target, e))?;
            Ok(out.diagnostics)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::aligned::tests::sample;

    #[test]
    fn formats_by_name_and_extension() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()).unwrap(), f);
            assert_eq!(
                Format::from_path(Path::new(&format!("out/x.{}", f.name().to_uppercase())))
                    .unwrap(),
                f
            );
        }
        assert_eq!(Format::from_path(Path::new("x.htm")).unwrap(), Format::Html);
        for bad in ["x.txt", "x", "tmx"] {
            let e = Format::from_path(Path::new(bad)).unwrap_err();
            assert!(matches!(e, Error::Usage(_)));
            assert!(e.to_string().contains(".tmx, .beads"), "{e}");
        }
        let e = Format::from_name("xml").unwrap_err();
        assert!(e.to_string().contains("tmx, beads, tsv, json, html"), "{e}");
    }

    #[test]
    fn render_reports_removed_characters() {
        let mut a = sample();
        a.sides[0].units[0] = "Un\u{1}".into();
        let r = render(&a, Format::Tmx, &RenderOptions::default()).unwrap();
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(r.diagnostics[0].code, "tmx/removed-chars");
        let r = render(&sample(), Format::Beads, &RenderOptions::default()).unwrap();
        assert_eq!(r.bytes, b"[0]:[0]:0.9000\n[1, 2]:[1]:0.4000\n");
        assert!(r.diagnostics.is_empty());
        let mut three = sample();
        three.sides.push(three.sides[1].clone());
        assert!(render(&three, Format::Beads, &RenderOptions::default()).is_err());
    }

    #[test]
    fn render_file_writes_the_bytes_of_render() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = sample();
        a.sides[0].units[0] = "Un\u{1}".into();
        for f in Format::ALL {
            let path = dir.path().join(format!("x.{}", f.name()));
            let mut file = AtomicFile::create(&path).unwrap();
            let d = render_file(&a, f, &RenderOptions::default(), &mut file).unwrap();
            file.commit().unwrap();
            let r = render(&a, f, &RenderOptions::default()).unwrap();
            assert_eq!(std::fs::read(&path).unwrap(), r.bytes, "{f}");
            assert_eq!(d, r.diagnostics, "{f}");
            // With the suspect flags given: the same bytes and diagnostics.
            let flagged = dir.path().join(format!("flagged.{}", f.name()));
            let mut file = AtomicFile::create(&flagged).unwrap();
            let flags = crate::align::suspect::flags(&a);
            let d =
                render_file_flagged(&a, f, &RenderOptions::default(), &flags, &mut file).unwrap();
            file.commit().unwrap();
            assert_eq!(std::fs::read(&flagged).unwrap(), r.bytes, "{f}");
            assert_eq!(d, r.diagnostics, "{f}");
        }
    }

    #[test]
    fn reviewed_alignments_leave_wrong_beads_out_of_the_pairs_only() {
        use crate::align::reviewed::Mark;
        let mut three = sample();
        three.sides.push(three.sides[1].clone());
        for b in &mut three.beads {
            b.sides.push(b.sides[1].clone());
        }
        let r = Reviewed {
            texts: None,
            aligned: three,
            marks: vec![
                Mark::default(),
                Mark {
                    wrong: true,
                    reviewed: false,
                },
            ],
        };
        let opts = RenderOptions::default();
        let beads = render_reviewed(&r, Format::Beads, &opts).unwrap().bytes;
        let beads = String::from_utf8(beads).unwrap();
        assert!(
            beads.ends_with("[0]:[0]:[0]:0.9000\n[1, 2]:[1]:[1]:0.4000:wrong\n"),
            "{beads}"
        );
        let tmx =
            String::from_utf8(render_reviewed(&r, Format::Tmx, &opts).unwrap().bytes).unwrap();
        assert_eq!(tmx.matches("<tu ").count(), 1, "{tmx}");
        assert!(!tmx.contains("Deux"));
        let json =
            String::from_utf8(render_reviewed(&r, Format::Json, &opts).unwrap().bytes).unwrap();
        assert_eq!(json.matches("\"score\"").count(), 1, "{json}");
        let html =
            String::from_utf8(render_reviewed(&r, Format::Html, &opts).unwrap().bytes).unwrap();
        assert!(html.contains("1 marked wrong"));
        let dir = tempfile::tempdir().unwrap();
        for f in Format::ALL {
            let path = dir.path().join(format!("x.{}", f.name()));
            let mut file = AtomicFile::create(&path).unwrap();
            render_reviewed_file(&r, f, &opts, &mut file).unwrap();
            file.commit().unwrap();
            let want = render_reviewed(&r, f, &opts).unwrap().bytes;
            assert_eq!(std::fs::read(&path).unwrap(), want, "{f}");
        }
    }
}
