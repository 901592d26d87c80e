//! From files to an alignment, for every front end (the `alinea` commands, a server): read the
//! documents, decide their languages, collect what a user should hear before trusting the
//! result ([`Diagnostic`]s), and align.
//!
//! Languages: a language given for a file wins; else its path; else the language its text is
//! detected in; else a positional default — fr, en, ar in file order, or the first of them no
//! other file has when that one is taken. Two files in one language are refused.
//!
//! Files are read in their format ([`doc::formats`]: text, Word, OpenDocument, HTML, PDF). An
//! XLIFF file holds an aligned pair already: given alone, it is its two documents and their
//! alignment unit by unit (a language its header declares counts as given).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::aligned::{Aligned, Segtype};
use super::Options;
use crate::diag::Diagnostic;
use crate::doc::{self, formats, Document, InputMode, LangSource};
use crate::text::lang::{Decision, Given};
use crate::{Error, Lang, Result};

/// The positional default languages, in file order.
const DEFAULTS: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Ar];

/// What to read and how.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// The pivot, then its translations.
    pub files: Vec<PathBuf>,
    /// The files' bytes, one per file in order, when the caller has read them already (a
    /// batch reads each input once, to fingerprint it and to align it); `None`: read here.
    /// They are parsed as the files would be (format by extension, else by content) and
    /// held as long as the request.
    pub contents: Option<Vec<Vec<u8>>>,
    /// Languages the user gave, one per file in order (`None`: from paths and texts).
    pub langs: Option<Vec<Lang>>,
    /// How the languages were given, as the user would recognise it (`--langs`), for messages.
    pub langs_by: String,
    /// How files are cut into units.
    pub mode: InputMode,
    /// Align paragraphs, or sentences inside aligned paragraphs.
    pub segtype: Segtype,
    pub options: Options,
}

/// Documents read for alignment, with what a user should hear about them.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// In file order, the pivot first.
    pub documents: Vec<Document>,
    /// Per-document warnings (`lang/contradicted`), then `align/length-ratio`.
    /// ([`align_files`] adds `align/untranslated` and `align/wrong-script`.)
    pub diagnostics: Vec<Diagnostic>,
    /// The documents came aligned unit by unit (an XLIFF file): unit `i` of each is one bead.
    pub given: bool,
}

/// An alignment made from files.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub aligned: Aligned,
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
    /// Whether each bead of `aligned` is suspect, as aligned ([`super::suspect::flags`]; the
    /// formats that pair moved notes change the beads: ask again after
    /// [`crate::export::prepare`]).
    pub suspect: Vec<bool>,
}

/// Read `req.files` and align them: [`load`], then [`Aligned::from_documents`].
pub fn align_files(req: &Request) -> Result<Outcome> {
    let Loaded {
        documents,
        mut diagnostics,
        given,
    } = load(req)?;
    let (aligned, found) = if given {
        let aligned = given_alignment(&documents, req.segtype, &req.options);
        let found = super::suspect::find(&aligned);
        (aligned, found)
    } else {
        Aligned::from_documents_found(&documents, req.segtype, &req.options)
    };
    if let Some(pivot) = documents.first() {
        diagnostics.extend(super::suspect::diagnostics_of(
            &aligned,
            &found,
            &pivot.path,
        ));
    }
    let suspect = super::suspect::flags_of(&aligned, &found);
    Ok(Outcome {
        aligned,
        documents,
        diagnostics,
        suspect,
    })
}

/// Read `req.files` with their languages (see the module documentation) and collect their
/// diagnostics. Errors: [`Error::Usage`] when `req.langs` does not name one language per file
/// or names one twice; [`Error::Input`] when two files come out in the same language otherwise;
/// the reading errors of [`crate::input::read_text`] (`-` is standard input, at most once).
pub fn load(req: &Request) -> Result<Loaded> {
    if req
        .files
        .iter()
        .filter(|p| crate::input::is_stdin(p))
        .count()
        > 1
    {
        return Err(Error::Usage(
            "standard input (-) can be read only once; give the other documents as files".into(),
        ));
    }
    let reads: Vec<formats::Read> = match &req.contents {
        Some(contents) if contents.len() != req.files.len() => {
            return Err(Error::Usage(format!(
                "the contents of {} files given for {} files",
                contents.len(),
                req.files.len()
            )))
        }
        // The files are read side by side; an error is that of the first file in order.
        Some(contents) => first_error(
            req.files
                .par_iter()
                .zip(contents)
                .map(|(p, b)| formats::from_bytes(p, b, Some(p)))
                .collect(),
        )?,
        None => first_error(req.files.par_iter().map(|p| formats::read(p)).collect())?,
    };
    let given = matches!(reads.as_slice(), [formats::Read::Aligned(_)]);
    if !given {
        if let Some(i) = reads
            .iter()
            .position(|r| matches!(r, formats::Read::Aligned(_)))
        {
            return Err(Error::Usage(format!(
                "{} holds a source and its translation already (XLIFF): align it alone",
                req.files[i].display()
            )));
        }
        if let [only] = req.files.as_slice() {
            return Err(Error::Input {
                path: crate::input::name(only),
                message: "is one document: give its translations too (only an XLIFF file holds a source and its translation)".into(),
            });
        }
    }
    let inputs: Vec<formats::Source> = reads
        .into_iter()
        .flat_map(formats::Read::into_sources)
        .collect();
    if let Some(langs) = &req.langs {
        check_given(langs, inputs.len(), &req.langs_by)?;
    }
    let decisions: Vec<Option<Decision>> = inputs
        .par_iter()
        .enumerate()
        .map(|(i, source)| {
            let given = req.langs.as_ref().map(|l| Given {
                lang: l[i].clone(),
                by: req.langs_by.clone(),
            });
            doc::decide_source(given.as_ref(), source)
        })
        .collect();
    let decisions = with_defaults(decisions);
    let paths: Vec<PathBuf> = inputs.iter().map(|s| s.path.clone()).collect();
    check_distinct(&paths, &decisions, &req.langs_by)?;
    // The documents are built side by side, each text dropped once its units are built.
    let documents: Vec<Document> = first_error(
        inputs
            .into_par_iter()
            .zip(&decisions)
            .map(|(input, decision)| doc::source_document(&input, decision, req.mode))
            .collect(),
    )?;
    let mut diagnostics: Vec<Diagnostic> = documents
        .iter()
        .flat_map(|d| d.warnings.iter().cloned())
        .collect();
    diagnostics.extend(length_ratio(&documents));
    Ok(Loaded {
        documents,
        diagnostics,
        given,
    })
}

/// The values of `results`, or the error of the first that failed (in the files' order, as
/// when they were read one after the other).
fn first_error<T>(results: Vec<Result<T>>) -> Result<Vec<T>> {
    results.into_iter().collect()
}

/// The alignment of documents that came aligned unit by unit (an XLIFF file): unit `i` of
/// each document is bead `i`, with confidence 1; at sentence level, the sentences are aligned
/// inside each bead.
fn given_alignment(documents: &[Document], segtype: Segtype, opts: &super::Options) -> Aligned {
    let n = documents.iter().map(|d| d.units.len()).min().unwrap_or(0);
    let beads = (0..n)
        .map(|i| super::multi::MultiBead {
            sides: vec![vec![i]; documents.len()],
            score: 1.0,
        })
        .collect();
    let given = super::multi::MultiAlignment { beads };
    Aligned::from_paragraphs(documents, given, segtype, opts)
}

fn check_given(langs: &[Lang], files: usize, by: &str) -> Result<()> {
    if langs.len() != files {
        return Err(Error::Usage(format!(
            "{by} names {} languages for {files} files",
            langs.len()
        )));
    }
    for (i, l) in langs.iter().enumerate() {
        if langs[..i].contains(l) {
            return Err(Error::Usage(format!(
                "language {l} is given twice in {by}; each file needs its own language"
            )));
        }
    }
    Ok(())
}

/// Fill the files nothing told the language of: the default for their position, or the first
/// default no other file has.
fn with_defaults(decisions: Vec<Option<Decision>>) -> Vec<Decision> {
    let mut taken: Vec<Lang> = decisions.iter().flatten().map(|d| d.lang.clone()).collect();
    decisions
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            d.unwrap_or_else(|| {
                let lang = DEFAULTS
                    .get(i)
                    .filter(|l| !taken.contains(l))
                    .or_else(|| DEFAULTS.iter().find(|l| !taken.contains(l)))
                    .cloned()
                    .unwrap_or_else(|| Lang::Other("und".into()));
                taken.push(lang.clone());
                Decision::fallback(lang)
            })
        })
        .collect()
}

fn describe(d: &Decision) -> String {
    match d.source {
        LangSource::Flag => format!("given by {}", d.given_by.as_deref().unwrap_or("the caller")),
        LangSource::Path => "from its path".into(),
        LangSource::Detected => "detected from its text".into(),
        LangSource::Default => "by default".into(),
    }
}

fn check_distinct(files: &[PathBuf], decisions: &[Decision], by: &str) -> Result<()> {
    for (i, d) in decisions.iter().enumerate() {
        if let Some(j) = decisions[..i].iter().position(|e| e.lang == d.lang) {
            return Err(Error::Input {
                path: files[i].clone(),
                message: format!(
                    "is in {} ({}), like {} ({}); each file needs its own language (give them with {by})",
                    d.lang,
                    describe(d),
                    files[j].display(),
                    describe(&decisions[j])
                ),
            });
        }
    }
    Ok(())
}

/// `align/length-ratio` warnings for translations more than three times longer or shorter (in
/// characters) than the pivot `docs[0]`, each about the translation's file.
pub fn length_ratio(docs: &[Document]) -> Vec<Diagnostic> {
    let len = |d: &Document| -> usize { d.units.iter().map(|u| u.plain.chars().count()).sum() };
    let Some((pivot, rest)) = docs.split_first() else {
        return Vec::new();
    };
    let p = len(pivot).max(1) as f64;
    let name = |path: &Path| path.display().to_string();
    rest.iter()
        .filter_map(|d| {
            let t = len(d).max(1) as f64;
            let message = if t >= p {
                let ratio = t / p;
                (ratio > 3.0).then(|| {
                    format!(
                        "this translation ({}) is {ratio:.1}× longer than the pivot {} ({})",
                        d.lang,
                        name(&pivot.path),
                        pivot.lang
                    )
                })
            } else {
                let ratio = p / t;
                (ratio > 3.0).then(|| {
                    format!(
                        "the pivot {} ({}) is {ratio:.1}× longer than this translation ({})",
                        name(&pivot.path),
                        pivot.lang,
                        d.lang
                    )
                })
            }?;
            Some(
                Diagnostic::warning("align/length-ratio", message)
                    .at_path(&d.path)
                    .with_help("aligned anyway; check the files are translations of each other"),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;
    use crate::doc::from_text;

    fn doc(text: &str, lang: Lang) -> Document {
        from_text(Path::new("x.txt"), text, Some(lang), InputMode::Lines).unwrap()
    }

    #[test]
    fn flags_length_ratio() {
        let fr = doc("Un texte court.", Lang::Fr);
        let en = doc(&"A much longer English text. ".repeat(3), Lang::En);
        let w = length_ratio(&[fr.clone(), en.clone()]);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].code, "align/length-ratio");
        assert_eq!(w[0].severity, Severity::Warning);
        assert_eq!(w[0].path.as_deref(), Some(Path::new("x.txt")));
        assert!(w[0].message.contains("× longer than the pivot"), "{}", w[0]);
        let w = length_ratio(&[en, fr.clone()]);
        assert!(w[0].message.contains("× longer than this translation"));
        let en = doc("A short text here.", Lang::En);
        assert!(length_ratio(&[fr, en]).is_empty());
    }

    fn decided(lang: Option<Lang>) -> Option<Decision> {
        lang.map(|l| Decision {
            lang: l,
            source: LangSource::Detected,
            detected: None,
            given_by: None,
        })
    }

    #[test]
    fn defaults_follow_positions_and_avoid_taken_languages() {
        let langs = |v: Vec<Option<Lang>>| -> Vec<(Lang, LangSource)> {
            with_defaults(v.into_iter().map(decided).collect())
                .into_iter()
                .map(|d| (d.lang, d.source))
                .collect()
        };
        use LangSource::{Default as D, Detected as T};
        assert_eq!(
            langs(vec![None, Some(Lang::Ar)]),
            vec![(Lang::Fr, D), (Lang::Ar, T)]
        );
        assert_eq!(
            langs(vec![None, None, None]),
            vec![(Lang::Fr, D), (Lang::En, D), (Lang::Ar, D)]
        );
        assert_eq!(
            langs(vec![Some(Lang::En), None]),
            vec![(Lang::En, T), (Lang::Fr, D)]
        );
        assert_eq!(
            langs(vec![None, Some(Lang::Fr), None]),
            vec![(Lang::En, D), (Lang::Fr, T), (Lang::Ar, D)]
        );
    }

    #[test]
    fn given_languages_are_checked() {
        let e = check_given(&[Lang::Fr], 2, "--langs").unwrap_err();
        assert!(matches!(e, Error::Usage(_)));
        assert!(e.to_string().contains("--langs"));
        let e = check_given(&[Lang::Fr, Lang::Fr], 2, "--langs").unwrap_err();
        assert!(matches!(e, Error::Usage(_)));
        assert!(check_given(&[Lang::Other("de".into()), Lang::Fr], 2, "--langs").is_ok());
        let files = vec![PathBuf::from("a.txt"), PathBuf::from("b.txt")];
        let same = with_defaults(vec![decided(Some(Lang::Fr)), decided(Some(Lang::Fr))]);
        let e = check_distinct(&files, &same, "--langs").unwrap_err();
        assert!(matches!(e, Error::Input { .. }));
        assert!(e.to_string().contains("detected from its text"), "{e}");
    }

    #[test]
    fn contents_given_are_read_as_the_files_would_be() {
        let dir = std::env::temp_dir().join(format!("alinea-contents-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (fr, en) = (dir.join("doc.fr.txt"), dir.join("doc.en.txt"));
        let texts: [&[u8]; 2] = [
            b"Le Conseil a adopt\xc3\xa9 la r\xc3\xa9solution.\n\nLa s\xc3\xa9ance est lev\xc3\xa9e.\n",
            b"The Council adopted the resolution.\n\nThe meeting rose.\n",
        ];
        std::fs::write(&fr, texts[0]).unwrap();
        std::fs::write(&en, texts[1]).unwrap();
        let read = Request {
            files: vec![fr.clone(), en.clone()],
            ..Request::default()
        };
        let from_files = align_files(&read).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        // The same names, the files gone: the bytes given are what is read.
        let given = Request {
            contents: Some(texts.iter().map(|t| t.to_vec()).collect()),
            ..read.clone()
        };
        let from_bytes = align_files(&given).unwrap();
        assert_eq!(from_bytes.aligned, from_files.aligned);
        assert_eq!(from_bytes.suspect, from_files.suspect);
        // One text for two files is a caller's error, said as such.
        let short = Request {
            contents: Some(vec![texts[0].to_vec()]),
            ..read
        };
        assert!(matches!(align_files(&short), Err(Error::Usage(_))));
    }

    #[test]
    fn loads_with_languages_from_the_text_over_the_default() {
        let dir = std::env::temp_dir().join(format!("alinea-pipeline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let a = dir.join("a.txt");
        let b = dir.join("b.txt");
        std::fs::write(&a, "Un.\n").unwrap();
        std::fs::write(&b, "أعرب وفد الهند عن تحفظات على الفقرة 25.\n").unwrap();
        let req = Request {
            files: vec![a, b],
            langs_by: "--langs".into(),
            ..Request::default()
        };
        let out = align_files(&req).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        let langs: Vec<(Lang, LangSource)> = out
            .documents
            .iter()
            .map(|d| (d.lang.clone(), d.lang_source))
            .collect();
        assert_eq!(
            langs,
            vec![
                (Lang::Fr, LangSource::Default),
                (Lang::Ar, LangSource::Detected)
            ]
        );
        assert!(out
            .diagnostics
            .iter()
            .all(|d| d.code != "lang/contradicted"));
        assert_eq!(out.aligned.sides[1].lang, Lang::Ar);
    }
}
