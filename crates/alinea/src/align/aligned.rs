//! The [`Aligned`] model: an alignment with its texts, what every output (TMX and the
//! [`crate::export`] formats) is written from, and [`Aligned::from_documents`], which aligns
//! documents (the pivot first) at paragraph or sentence level.

use std::collections::BTreeMap;

use super::multi::{self, MultiAlignment, MultiBead};
use super::Options;
use crate::doc::inline::{self, Tag};
use crate::doc::Document;
use crate::Lang;

/// Below this confidence a bead is flagged for review.
pub const LOW_CONFIDENCE: f64 = 0.5;

/// What a unit of an alignment is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Segtype {
    #[default]
    Paragraph,
    Sentence,
}

impl Segtype {
    /// The TMX `segtype` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Segtype::Paragraph => "paragraph",
            Segtype::Sentence => "sentence",
        }
    }
}

/// One document of an alignment: its language, file name and unit texts.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    pub lang: Lang,
    /// The file name the document was read from (no folder).
    pub name: String,
    /// Unit texts, indexed as in the beads.
    pub units: Vec<String>,
}

/// An alignment with its texts: what every output is written from. The pivot is `sides[0]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Aligned {
    /// The document set's name (the pivot's file stem).
    pub document: String,
    pub segtype: Segtype,
    pub sides: Vec<Side>,
    pub beads: Vec<MultiBead>,
    /// The inline tags of each side's units (`inline[d][i]` for `sides[d].units[i]`, at byte
    /// offsets in its text); empty when no document had any (text and Markdown have none).
    /// Only TMX carries them.
    pub inline: Vec<Vec<Vec<Tag>>>,
}

/// Counts for a summary line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Units per language, in side order.
    pub units: Vec<(Lang, usize)>,
    /// Beads by shape (`1-1-1`, `2-1-1`, `1-0-1` …).
    pub shapes: BTreeMap<String, usize>,
    pub beads: usize,
    /// Beads below [`LOW_CONFIDENCE`].
    pub low: usize,
    /// Suspect beads (not translations: the same text in two languages, a side in the wrong
    /// script), which the TMX leaves out unless asked to keep unaligned units.
    pub suspect: usize,
}

impl Aligned {
    /// Align documents (the pivot first) at `segtype` level.
    pub fn from_documents(docs: &[Document], segtype: Segtype, opts: &Options) -> Aligned {
        Aligned::from_documents_found(docs, segtype, opts).0
    }

    /// [`Aligned::from_documents`], with its suspect beads ([`super::suspect::find`]), found
    /// once for the cap, the warnings and the flags.
    pub(crate) fn from_documents_found(
        docs: &[Document],
        segtype: Segtype,
        opts: &Options,
    ) -> (Aligned, Vec<(usize, super::suspect::Suspicion)>) {
        let sides: Vec<(&Lang, Vec<&str>)> = docs
            .iter()
            .map(|d| (&d.lang, d.units.iter().map(|u| &*u.plain).collect()))
            .collect();
        let paragraphs = multi::align_all(&sides, opts);
        let mut aligned = Aligned::from_paragraphs(docs, paragraphs, segtype, opts);
        let found = super::suspect::find(&aligned);
        super::suspect::cap_found(&mut aligned, &found);
        (aligned, found)
    }

    /// The alignment of `docs` whose units are aligned as `paragraphs` already (an XLIFF
    /// file's pairs, a reviewer's beads): at sentence level, the sentences are aligned inside
    /// each bead. Confidences are the beads' own.
    pub fn from_paragraphs(
        docs: &[Document],
        paragraphs: MultiAlignment,
        segtype: Segtype,
        opts: &Options,
    ) -> Aligned {
        let sides: Vec<(&Lang, Vec<&str>)> = docs
            .iter()
            .map(|d| (&d.lang, d.units.iter().map(|u| &*u.plain).collect()))
            .collect();
        let tagged = docs
            .iter()
            .any(|d| d.units.iter().any(|u| !u.tags.is_empty()));
        let mut tags: Vec<Vec<Vec<Tag>>> = Vec::new();
        let (units, alignment): (Vec<Vec<String>>, MultiAlignment) = match segtype {
            Segtype::Paragraph => {
                if tagged {
                    tags = docs
                        .iter()
                        .map(|d| d.units.iter().map(|u| u.tags.to_vec()).collect())
                        .collect();
                }
                (
                    sides
                        .iter()
                        .map(|(_, u)| u.iter().map(|s| s.to_string()).collect())
                        .collect(),
                    paragraphs,
                )
            }
            Segtype::Sentence => {
                let s = multi::sentence_level(&sides, &paragraphs, opts);
                if tagged {
                    tags = docs
                        .iter()
                        .zip(&s.sentences)
                        .map(|(d, sents)| sentence_tags(d, sents))
                        .collect();
                }
                (
                    s.sentences
                        .into_iter()
                        .map(|v| v.into_iter().map(|(_, t)| t).collect())
                        .collect(),
                    s.alignment,
                )
            }
        };
        Aligned::assemble(docs, segtype, units, alignment.beads, tags)
    }

    /// The alignment of `docs` whose units at `segtype` level are `units` (per document), with
    /// their inline tags (`inline`, empty when none has any), as `beads` pair them: named after
    /// the first document, each side after its file.
    pub fn assemble(
        docs: &[Document],
        segtype: Segtype,
        units: Vec<Vec<String>>,
        beads: Vec<MultiBead>,
        inline: Vec<Vec<Vec<Tag>>>,
    ) -> Aligned {
        let document = docs
            .first()
            .map(|d| document_name(&d.path, &d.lang))
            .unwrap_or_default();
        Aligned {
            document,
            segtype,
            sides: docs
                .iter()
                .zip(units)
                .map(|(d, units)| Side {
                    lang: d.lang.clone(),
                    name: d
                        .path
                        .file_name()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    units,
                })
                .collect(),
            beads,
            inline,
        }
    }

    /// Pairs the notes that one document moved away from the pivot's place
    /// ([`super::notes::pair_moved`]; `docs` as aligned). The beads are then no longer
    /// monotone for the documents that moved notes: for the outputs that pair texts, not
    /// for a beads file or a review page.
    pub fn pair_moved_notes(&mut self, docs: &[Document]) -> bool {
        self.segtype == Segtype::Paragraph && super::notes::pair_moved(&mut self.beads, docs)
    }

    /// The units of `bead` on side `d` that its text holds: all of them, but page furniture
    /// with nothing to translate beside the others (a page number between the two halves of
    /// a sentence) when the side has other units: [`super::furniture::set_apart`].
    fn text_units<'a>(&'a self, bead: &'a MultiBead, d: usize) -> Vec<(usize, &'a str)> {
        let units: Vec<(usize, &str)> = bead.sides[d]
            .iter()
            .filter_map(|&i| self.sides[d].units.get(i).map(|u| (i, u.as_str())))
            .collect();
        let texts: Vec<&str> = units.iter().map(|&(_, u)| u).collect();
        match super::furniture::set_apart(&texts) {
            None => units,
            Some(apart) => units
                .into_iter()
                .zip(apart)
                .filter(|&(_, furniture)| !furniture)
                .map(|(u, _)| u)
                .collect(),
        }
    }

    /// The text of `bead` on side `d`: its units joined with a space (page furniture beside
    /// them left out: [`Aligned::text_units`]).
    pub fn text(&self, bead: &MultiBead, d: usize) -> String {
        self.text_units(bead, d)
            .into_iter()
            .map(|(_, u)| u)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The alignment restricted to the sides `keep` (e.g. `[0, 2]` for fr–ar), dropping beads
    /// left with no unit.
    pub fn project(&self, keep: &[usize]) -> Aligned {
        Aligned {
            document: self.document.clone(),
            segtype: self.segtype,
            sides: keep.iter().map(|&d| self.sides[d].clone()).collect(),
            beads: self
                .beads
                .iter()
                .map(|b| MultiBead {
                    sides: keep.iter().map(|&d| b.sides[d].clone()).collect(),
                    score: b.score,
                })
                .filter(|b| b.filled() > 0)
                .collect(),
            inline: if self.inline.is_empty() {
                Vec::new()
            } else {
                keep.iter().map(|&d| self.inline[d].clone()).collect()
            },
        }
    }

    /// The inline tags of `bead` on side `d`, at byte offsets in [`Aligned::text`] (its units
    /// joined with a space).
    pub fn tags(&self, bead: &MultiBead, d: usize) -> Vec<Tag> {
        let Some(side) = self.inline.get(d) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut at = 0;
        for (i, text) in self.text_units(bead, d) {
            out.extend(side.get(i).into_iter().flatten().map(|t| t.shifted(at)));
            at += text.len() + 1;
        }
        out
    }

    /// Unit counts, beads by shape, low-confidence count.
    pub fn summary(&self) -> Summary {
        self.summary_given(&super::suspect::flags(self))
    }

    /// [`Aligned::summary`], the beads' suspect flags ([`super::suspect::flags`]) given.
    pub(crate) fn summary_given(&self, suspect: &[bool]) -> Summary {
        let mut s = Summary {
            units: self
                .sides
                .iter()
                .map(|d| (d.lang.clone(), d.units.len()))
                .collect(),
            beads: self.beads.len(),
            ..Summary::default()
        };
        // One buffer for the shapes: a document has few distinct ones.
        let mut shape = String::new();
        for b in &self.beads {
            shape.clear();
            b.write_shape(&mut shape);
            match s.shapes.get_mut(shape.as_str()) {
                Some(n) => *n += 1,
                None => {
                    s.shapes.insert(shape.clone(), 1);
                }
            }
            if is_low(b) {
                s.low += 1;
            }
        }
        s.suspect = suspect.iter().filter(|&&f| f).count();
        s
    }
}

/// The tags of a document's sentences (`sentences`: paragraph index and text, in order, as
/// [`multi::sentence_level`] cut them): each paragraph's tags split at its sentences, whose
/// places are found again in the paragraph's text in order.
fn sentence_tags(doc: &Document, sentences: &[(usize, String)]) -> Vec<Vec<Tag>> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut k = 0;
    while k < sentences.len() {
        let p = sentences[k].0;
        let n = sentences[k..].iter().take_while(|(q, _)| *q == p).count();
        let (plain, tags) = doc
            .units
            .get(p)
            .map_or(("", &[][..]), |u| (&*u.plain, &u.tags[..]));
        let mut cursor = 0;
        let ranges: Vec<std::ops::Range<usize>> = sentences[k..k + n]
            .iter()
            .map(|(_, s)| {
                let start = plain
                    .get(cursor..)
                    .and_then(|rest| rest.find(s.as_str()))
                    .map_or(cursor, |i| cursor + i);
                cursor = (start + s.len()).min(plain.len());
                start..cursor
            })
            .collect();
        out.extend(inline::split(tags, &ranges));
        k += n;
    }
    out
}

/// A document set's name from its pivot's path: the file stem without a language suffix
/// (`corpus/fr/ipu-146.txt` → `ipu-146`, `resolution.fr.txt` → `resolution`).
pub fn document_name(path: &std::path::Path, lang: &Lang) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    for sep in ['.', '_', '-'] {
        if let Some(base) = stem.strip_suffix(&format!("{sep}{}", lang.code())) {
            if !base.is_empty() {
                return base.to_string();
            }
        }
    }
    stem
}

/// Whether a bead should be reviewed: low confidence, or a side left empty.
pub fn is_low(b: &MultiBead) -> bool {
    b.score < LOW_CONFIDENCE || b.filled() < b.sides.len()
}

/// `3-4` for consecutive indices 3 and 4, `3` for one, empty for none.
pub fn range_label(ix: &[usize]) -> String {
    match ix {
        [] => String::new(),
        [one] => one.to_string(),
        [first, .., last] => format!("{first}-{last}"),
    }
}

impl Summary {
    /// Add another summary's counts to this one (languages matched by position).
    pub fn add(&mut self, other: &Summary) {
        for (lang, n) in &other.units {
            match self.units.iter_mut().find(|(l, _)| l == lang) {
                Some((_, m)) => *m += n,
                None => self.units.push((lang.clone(), *n)),
            }
        }
        for (k, v) in &other.shapes {
            *self.shapes.entry(k.clone()).or_default() += v;
        }
        self.beads += other.beads;
        self.low += other.low;
        self.suspect += other.suspect;
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let units: Vec<String> = self.units.iter().map(|(l, n)| format!("{l} {n}")).collect();
        let mut shapes: Vec<(&String, &usize)> = self.shapes.iter().collect();
        shapes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let shapes: Vec<String> = shapes.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        if self.units.is_empty() {
            return f.write_str("no units");
        }
        write!(
            f,
            "units {}; {} beads ({}); {} to review",
            units.join(", "),
            self.beads,
            shapes.join(", "),
            self.low
        )?;
        if self.suspect > 0 {
            write!(
                f,
                "; {} not translation{}, left out of TMX",
                self.suspect,
                if self.suspect == 1 { "" } else { "s" }
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn sample() -> Aligned {
        Aligned {
            document: "doc".into(),
            segtype: Segtype::Paragraph,
            sides: vec![
                Side {
                    lang: Lang::Fr,
                    name: "doc.txt".into(),
                    units: vec!["Un".into(), "Deux".into(), "Trois".into()],
                },
                Side {
                    lang: Lang::En,
                    name: "doc.txt".into(),
                    units: vec!["One".into(), "Two and three".into()],
                },
            ],
            beads: vec![
                MultiBead {
                    sides: vec![vec![0], vec![0]],
                    score: 0.9,
                },
                MultiBead {
                    sides: vec![vec![1, 2], vec![1]],
                    score: 0.4,
                },
            ],
            inline: Vec::new(),
        }
    }

    #[test]
    fn summary_counts_shapes_and_low() {
        let s = sample().summary();
        assert_eq!(s.beads, 2);
        assert_eq!(s.low, 1);
        assert_eq!(s.shapes.get("2-1"), Some(&1));
        assert_eq!(
            s.to_string(),
            "units fr 3, en 2; 2 beads (1-1: 1, 2-1: 1); 1 to review"
        );
    }

    #[test]
    fn document_names() {
        use std::path::Path;
        assert_eq!(
            document_name(Path::new("corpus/fr/ipu-146.txt"), &Lang::Fr),
            "ipu-146"
        );
        assert_eq!(
            document_name(Path::new("a/resolution.fr.txt"), &Lang::Fr),
            "resolution"
        );
        assert_eq!(
            document_name(Path::new("x_de.txt"), &Lang::Other("de".into())),
            "x"
        );
        assert_eq!(document_name(Path::new("fr.txt"), &Lang::Fr), "fr");
    }

    #[test]
    fn text_and_labels() {
        let a = sample();
        assert_eq!(a.text(&a.beads[1], 0), "Deux Trois");
        assert_eq!(range_label(&[3, 4]), "3-4");
        assert_eq!(range_label(&[3]), "3");
        assert_eq!(range_label(&[]), "");
    }

    #[test]
    fn projection_drops_empty_beads() {
        let mut a = sample();
        a.beads.push(MultiBead {
            sides: vec![vec![], vec![2]],
            score: 0.0,
        });
        a.sides[1].units.push("Extra".into());
        let p = a.project(&[0]);
        assert_eq!(p.beads.len(), 2);
        assert_eq!(p.sides.len(), 1);
    }
}
