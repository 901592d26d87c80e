//! An alignment a reviewer corrected: the documents read as for [`super::align_files`], their
//! units cut the same way, and the beads taken from a corrected beads file
//! ([`crate::export::beads`]) instead of the aligner.
//!
//! Confidence: each bead keeps the confidence its line gives. The review page writes the
//! aligner's confidence for a bead the reviewer left as it was, and 1 with the mark `reviewed`
//! for a bead the reviewer made (a merge, the halves of a split): a person decided it. A bead
//! marked `wrong` stays in the alignment (every unit is in one bead) and in the review formats
//! (beads, HTML), and is left out of the outputs that pair texts (TMX, TSV, JSON):
//! [`Reviewed::without_wrong`]. Suspect beads ([`super::suspect`]) are found again from the
//! texts, whatever their confidence.

use std::borrow::Cow;
use std::path::Path;

use super::aligned::{Aligned, Segtype};
use super::pipeline::{load, Loaded, Request};
use crate::diag::Diagnostic;
use crate::doc::inline::{self, Tag};
use crate::doc::Document;
use crate::export::beads::{self, Corrected, ReadError};
use crate::Result;

/// A reviewer's marks on one bead.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mark {
    /// The reviewer made this bead (merged or split it).
    pub reviewed: bool,
    /// The reviewer says the bead's sides are not translations of each other.
    pub wrong: bool,
}

/// A corrected alignment: the alignment and each bead's marks.
#[derive(Clone, Debug, PartialEq)]
pub struct Reviewed {
    pub aligned: Aligned,
    /// `marks[i]` for `aligned.beads[i]`.
    pub marks: Vec<Mark>,
    /// What the formats that pair texts are written from, when made from documents: the beads
    /// marked wrong left out and the notes a translation moved paired
    /// ([`Aligned::pair_moved_notes`]); `None`: [`Reviewed::aligned`] without its wrong beads.
    pub texts: Option<Aligned>,
}

/// A corrected alignment made from files, with what a user should hear about it.
#[derive(Clone, Debug)]
pub struct ReviewedOutcome {
    pub reviewed: Reviewed,
    pub diagnostics: Vec<Diagnostic>,
}

impl Reviewed {
    /// How many beads are marked wrong.
    pub fn wrong(&self) -> usize {
        self.marks.iter().filter(|m| m.wrong).count()
    }

    /// How many beads the reviewer made.
    pub fn reviewed(&self) -> usize {
        self.marks.iter().filter(|m| m.reviewed).count()
    }

    /// The alignment without the beads marked wrong, for TMX, TSV and JSON: [`Reviewed::texts`]
    /// when there, else [`Reviewed::aligned`], borrowed when no bead is marked wrong.
    pub fn without_wrong(&self) -> Cow<'_, Aligned> {
        if let Some(t) = &self.texts {
            return Cow::Borrowed(t);
        }
        if self.wrong() == 0 {
            return Cow::Borrowed(&self.aligned);
        }
        let mut a = self.aligned.clone();
        let mut marks = self.marks.iter();
        a.beads
            .retain(|_| !marks.next().copied().unwrap_or_default().wrong);
        Cow::Owned(a)
    }
}

/// The units of `docs` at `segtype` level, as [`Aligned::from_documents`] makes them: the
/// documents' units, or each unit's sentences in order; with their inline tags (empty when no
/// document has any).
pub fn units(docs: &[Document], segtype: Segtype) -> (Vec<Vec<String>>, Vec<Vec<Vec<Tag>>>) {
    let tagged = docs
        .iter()
        .any(|d| d.units.iter().any(|u| !u.tags.is_empty()));
    let mut texts = Vec::with_capacity(docs.len());
    let mut tags = Vec::new();
    for d in docs {
        match segtype {
            Segtype::Paragraph => {
                texts.push(d.units.iter().map(|u| u.plain.to_string()).collect());
                if tagged {
                    tags.push(d.units.iter().map(|u| u.tags.to_vec()).collect());
                }
            }
            Segtype::Sentence => {
                let mut side = Vec::new();
                let mut side_tags = Vec::new();
                for u in &d.units {
                    let ranges = crate::text::sentences::split(&u.plain, &d.lang);
                    side.extend(ranges.iter().map(|r| u.plain[r.clone()].to_string()));
                    if tagged {
                        side_tags.extend(inline::split(&u.tags, &ranges));
                    }
                }
                texts.push(side);
                if tagged {
                    tags.push(side_tags);
                }
            }
        }
    }
    (texts, tags)
}

/// The corrected alignment of `docs` (read at `segtype` level) from a corrected beads file:
/// checked against the documents' units ([`Corrected::check`]).
pub fn from_corrected(
    docs: &[Document],
    segtype: Segtype,
    corrected: Corrected,
) -> Result<Reviewed, ReadError> {
    let (texts, tags) = units(docs, segtype);
    let sides: Vec<(&crate::Lang, &[String])> = docs
        .iter()
        .zip(&texts)
        .map(|(d, t)| (&d.lang, t.as_slice()))
        .collect();
    corrected.check(segtype, &sides)?;
    let aligned = Aligned::assemble(docs, segtype, texts, corrected.beads, tags);
    let mut reviewed = Reviewed {
        aligned,
        marks: corrected.marks,
        texts: None,
    };
    let mut texts = reviewed.without_wrong().into_owned();
    texts.pair_moved_notes(docs);
    reviewed.texts = Some(texts);
    Ok(reviewed)
}

/// Read `req.files` as [`super::align_files`] does and take their alignment from the corrected
/// beads file `beads_path` (read with [`crate::input::read_text`]). Errors: those of reading;
/// [`crate::Error::Parse`] naming the beads file's line and column for a malformed file or one made
/// for other documents or units.
pub fn align_with_beads(req: &Request, beads_path: &Path) -> Result<ReviewedOutcome> {
    let text = crate::input::read_text(beads_path)?;
    let corrected = beads::read(&text.text).map_err(|e| e.into_error(&text.path))?;
    drop(text.text);
    let Loaded {
        documents,
        mut diagnostics,
        ..
    } = load(req)?;
    let reviewed = from_corrected(&documents, req.segtype, corrected)
        .map_err(|e| e.into_error(&crate::input::name(beads_path)))?;
    if let Some(pivot) = documents.first() {
        diagnostics.extend(super::suspect::diagnostics(&reviewed.aligned, &pivot.path));
    }
    Ok(ReviewedOutcome {
        reviewed,
        diagnostics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::multi::MultiBead;
    use crate::align::Options;
    use crate::doc::{from_text, InputMode};
    use crate::Lang;

    fn docs() -> Vec<Document> {
        vec![
            from_text(
                Path::new("d.fr.txt"),
                "Premier paragraphe. Deuxième phrase.\n\nTroisième.\n\nQuatrième.\n",
                Some(Lang::Fr),
                InputMode::Auto,
            )
            .unwrap(),
            from_text(
                Path::new("d.en.txt"),
                "First paragraph. Second sentence.\n\nThird and fourth.\n",
                Some(Lang::En),
                InputMode::Auto,
            )
            .unwrap(),
        ]
    }

    #[test]
    fn units_are_those_of_the_aligner() {
        let mut docs = docs();
        // Bold across the first paragraph's two sentences.
        docs[0].units[0].tags = vec![Tag {
            kind: crate::doc::inline::TagKind::Bold,
            start: 9,
            end: 30,
            cut_before: false,
            cut_after: false,
        }]
        .into();
        for segtype in [Segtype::Paragraph, Segtype::Sentence] {
            let a = Aligned::from_documents(&docs, segtype, &Options::default());
            let (texts, tags) = units(&docs, segtype);
            let got: Vec<Vec<String>> = a.sides.iter().map(|s| s.units.clone()).collect();
            assert_eq!(texts, got, "{segtype:?}");
            assert_eq!(tags, a.inline, "{segtype:?}");
            assert!(!tags.is_empty());
        }
    }

    #[test]
    fn a_corrected_file_round_trips_and_wrong_beads_leave_the_pairs() {
        let docs = docs();
        let a = Aligned::from_documents(&docs, Segtype::Paragraph, &Options::default());
        let merged = Aligned {
            beads: vec![
                MultiBead {
                    sides: vec![vec![0], vec![0]],
                    score: 0.75,
                },
                MultiBead {
                    sides: vec![vec![1, 2], vec![1]],
                    score: 1.0,
                },
            ],
            ..a
        };
        let marks = [
            Mark {
                wrong: true,
                reviewed: false,
            },
            Mark {
                wrong: false,
                reviewed: true,
            },
        ];
        let text = beads::write_corrected(&merged, &marks);
        let r = from_corrected(&docs, Segtype::Paragraph, beads::read(&text).unwrap()).unwrap();
        assert_eq!(r.aligned, merged);
        assert_eq!(r.marks, marks);
        assert_eq!((r.wrong(), r.reviewed()), (1, 1));
        assert_eq!(r.without_wrong().beads, vec![merged.beads[1].clone()]);
        // The same file against the documents at sentence level: refused on the unit kind.
        let e = from_corrected(&docs, Segtype::Sentence, beads::read(&text).unwrap()).unwrap_err();
        assert!(e.to_string().contains("--unit paragraph"), "{e}");
    }

    #[test]
    fn other_documents_are_refused_at_their_side_line() {
        let docs = docs();
        let a = Aligned::from_documents(&docs, Segtype::Paragraph, &Options::default());
        let text = beads::write_corrected(&a, &[]);
        let mut other = docs.clone();
        other[1].units[0].plain = format!("{}!", other[1].units[0].plain).into();
        let e =
            from_corrected(&other, Segtype::Paragraph, beads::read(&text).unwrap()).unwrap_err();
        assert_eq!((e.line, e.column), (5, 1));
        let msg = e.to_string();
        assert!(msg.contains("the en units are not those"), "{msg}");
        assert!(msg.contains("texts differ"), "{msg}");
        assert!(msg.contains("--input, --unit and --srx"), "{msg}");
        let mut swapped = docs.clone();
        swapped.swap(0, 1);
        let e =
            from_corrected(&swapped, Segtype::Paragraph, beads::read(&text).unwrap()).unwrap_err();
        assert!(e.to_string().contains("this side is in fr"), "{e}");
        let e = from_corrected(&docs[..1], Segtype::Paragraph, beads::read(&text).unwrap())
            .unwrap_err();
        assert!(
            e.to_string().contains("made for 2 documents, 1 are given"),
            "{e}"
        );
    }
}
