//! Mining the aligned corpus (`aligned/*.tmx`) and merging it with the curated glossary: what
//! `alinea terms build` and `alinea build` do. The mined termbase and its review page go to
//! `<aligned>/terms/` ([`TERMBASE_FILE`], [`REVIEW_FILE`]), written together atomically; the
//! glossary is only read.

use std::path::{Path, PathBuf};

use crate::text::escape::escape;

use super::merge::{self, Merged};
use super::{mine_tmx, Mined, Options};
use crate::io::FileSet;
use crate::termbase::{self, Termbase};
use crate::{Error, Lang, Result};

/// The folder of the aligned corpus the mined files go to.
pub const FOLDER: &str = "terms";
/// The mined termbase (TBX v3), in [`FOLDER`].
pub const TERMBASE_FILE: &str = "mined.tbx";
/// The review page, in [`FOLDER`].
pub const REVIEW_FILE: &str = "review.html";

/// What mining the corpus gave.
pub struct Built {
    pub mined: Mined,
    pub merged: Merged,
    /// The TMX files mined.
    pub files: Vec<PathBuf>,
}

/// The TMX files of `dir`, sorted by name.
pub fn tmx_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::read(dir, e))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "tmx"))
        .collect();
    files.sort();
    Ok(files)
}

/// Mine the TMX files of `dir` and merge them with `glossary`.
pub fn mine(dir: &Path, glossary: &Termbase, opts: &Options) -> Result<Built> {
    let files = tmx_files(dir)?;
    if files.is_empty() {
        return Err(Error::Input {
            path: dir.to_path_buf(),
            message: "no .tmx file to mine (run `alinea build` first)".into(),
        });
    }
    let mined = mine_tmx(&files, opts, Some(glossary))?;
    let pivot = mined.pivot.clone().unwrap_or(Lang::Fr);
    let merged = merge::merge(&mined.candidates, &pivot, glossary);
    Ok(Built {
        mined,
        merged,
        files,
    })
}

/// Write the mined termbase to `termbase_out` and, when given, the review page, together.
pub fn write(built: &Built, termbase_out: &Path, review_out: Option<&Path>) -> Result<()> {
    let mut set = FileSet::new();
    let tbx = termbase::to_string(
        &built.merged.termbase,
        termbase::Format::from_path(termbase_out, None)?,
    )?;
    set.add_bytes(termbase_out, tbx.as_bytes())?;
    if let Some(r) = review_out {
        set.add_bytes(r, review(built).as_bytes())?;
    }
    set.commit()
}

/// Mine `aligned` (its TMX files) against `glossary` and write `<aligned>/terms/`.
pub fn build_into(aligned: &Path, glossary: &Termbase) -> Result<Built> {
    let built = mine(aligned, glossary, &Options::default())?;
    let folder = aligned.join(FOLDER);
    std::fs::create_dir_all(&folder).map_err(|e| Error::write(&folder, e))?;
    write(
        &built,
        &folder.join(TERMBASE_FILE),
        Some(&folder.join(REVIEW_FILE)),
    )?;
    Ok(built)
}

/// The review page: every candidate of the pivot language with its equivalents, contexts and
/// a hint (curated concept found again, new equivalent, new concept).
pub fn review(built: &Built) -> String {
    let m = &built.merged;
    let mut h = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Mined terms</title>\n<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}.ar{direction:rtl}.known{background:#eef8ee}.new{background:#fff8e6}</style></head>\n<body>\n<h1>Mined terms</h1>\n",
    );
    h.push_str(&format!(
        "<p>{} units mined from {} files; {} curated concepts found again with their English and Arabic terms, {} proposed terms for curated concepts, {} proposed concepts. Everything here is proposed: accept it into the glossary source by hand, or leave it.</p>\n",
        built.mined.units,
        built.files.len(),
        m.rediscovered.len(),
        m.proposed_terms,
        m.proposed_concepts
    ));
    h.push_str("<table>\n<tr><th>#</th><th>term</th><th>freq</th><th>score</th><th>en</th><th>ar</th><th>contexts</th><th>hint</th></tr>\n");
    let known: std::collections::BTreeSet<&str> =
        m.rediscovered.iter().map(|r| r.fr.as_str()).collect();
    let curated: std::collections::BTreeSet<String> = m
        .termbase
        .concepts
        .iter()
        .filter(|c| !c.id.starts_with("mined-"))
        .flat_map(|c| {
            c.terms
                .iter()
                .map(|t| termbase::normalize::lookup_key(&t.text))
        })
        .collect();
    let pivot = built.mined.pivot.clone();
    for (i, c) in built
        .mined
        .candidates
        .iter()
        .filter(|c| Some(&c.lang) == pivot.as_ref())
        .enumerate()
    {
        let eq = |l: &str| {
            c.equivalents
                .get(l)
                .map(|es| {
                    es.iter()
                        .map(|e| {
                            format!("{} <small>({})</small>", escape(e.text.as_str()), e.score)
                        })
                        .collect::<Vec<_>>()
                        .join("<br>")
                })
                .unwrap_or_default()
        };
        let ctx = c
            .contexts
            .iter()
            .map(|x| {
                format!(
                    "<small>{} #{}</small> {}",
                    escape(x.doc.as_str()),
                    x.unit,
                    escape(x.text.as_str())
                )
            })
            .collect::<Vec<_>>()
            .join("<br>");
        let (class, hint) = if known.contains(c.text.as_str()) {
            ("known", "curated: found again, accept nothing")
        } else if curated.contains(&termbase::normalize::lookup_key(&c.text)) {
            ("known", "curated: check the proposed equivalents")
        } else {
            ("new", "new: accept as a concept or reject")
        };
        h.push_str(&format!(
            "<tr class=\"{class}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"ar\">{}</td><td>{ctx}</td><td>{hint}</td></tr>\n",
            i + 1,
            escape(c.text.as_str()),
            c.freq,
            c.score,
            eq("en"),
            eq("ar"),
        ));
    }
    h.push_str("</table>\n</body>\n</html>\n");
    h
}
