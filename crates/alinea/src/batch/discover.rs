//! The document sets of a corpus: every file of `corpus/fr/` with its counterparts of the same
//! name under `en/` and `ar/`, and the check that no output is one of the inputs, both in
//! time linear in the number of documents (each folder is listed once; each input's identity
//! is looked up once).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::Shard;
use crate::diag::Diagnostic;
use crate::{Error, Lang, Result};

/// One document set to align: the French file, then the counterparts found (en, ar order).
#[derive(Clone, Debug, PartialEq)]
pub struct DocSet {
    /// The French file's name (`ipu-146.txt`).
    pub name: String,
    pub files: Vec<PathBuf>,
}

impl DocSet {
    /// The name without its extension, which the outputs are named after.
    pub fn stem(&self) -> String {
        Path::new(&self.name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.name.clone())
    }

    /// The files made from this document in `out`: its TMX and its review page.
    pub fn outputs(&self, out: &Path) -> [PathBuf; 2] {
        let base = self.stem();
        [
            out.join(format!("{base}.tmx")),
            out.join(format!("{base}.html")),
        ]
    }
}

/// What a corpus holds.
#[derive(Clone, Debug, Default)]
pub struct Discovery {
    /// The document sets with at least one counterpart, sorted by name (in the shard asked for).
    pub docs: Vec<DocSet>,
    /// Every output name (`x.tmx`, `x.html`) the whole corpus makes, whatever the shard: what
    /// is not among them in the output folder is stale.
    pub all_outputs: HashSet<String>,
    /// Every input of the whole corpus, whatever the shard.
    pub all_inputs: Vec<PathBuf>,
    /// Documents of the shard with no counterpart at all, left out.
    pub no_counterpart: usize,
    /// `build/no-counterpart` and `build/skipped` warnings, in name order.
    pub warnings: Vec<Diagnostic>,
}

/// The regular files (or links to one) of `dir`, by name; no hidden file. A missing `dir` is
/// empty, except for the pivot folder (`required`), which is an error.
fn files_of(dir: &Path, required: bool) -> Result<Vec<String>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::read(dir, e)),
    };
    let mut names = Vec::new();
    for e in entries {
        let e = e.map_err(|e| Error::read(dir, e))?;
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let is_file = match e.file_type() {
            Ok(t) if t.is_symlink() => e.path().is_file(),
            Ok(t) => t.is_file(),
            Err(_) => false,
        };
        if is_file {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// The document sets of `corpus` (see the module documentation), those of `shard` only when
/// one is given. Errors: `corpus/fr/` cannot be listed.
pub fn discover(corpus: &Path, shard: Option<Shard>) -> Result<Discovery> {
    let fr = corpus.join("fr");
    let names = files_of(&fr, true)?;
    let others: Vec<(Lang, HashSet<String>)> = [Lang::En, Lang::Ar]
        .into_iter()
        .map(|l| {
            let files = files_of(&corpus.join(l.code()), false)?;
            Ok((l, files.into_iter().collect()))
        })
        .collect::<Result<_>>()?;
    let mut found = Discovery::default();
    for name in names {
        let pivot = fr.join(&name);
        let mut files = vec![pivot.clone()];
        let mut missing = Vec::new();
        for (lang, present) in &others {
            let p = corpus.join(lang.code()).join(&name);
            if present.contains(&name) {
                files.push(p);
            } else {
                missing.push(
                    Diagnostic::warning(
                        "build/no-counterpart",
                        format!("no {lang} counterpart ({})", p.display()),
                    )
                    .at_path(&pivot),
                );
            }
        }
        if files.len() == 1 {
            if shard.is_none_or(|s| s.contains(&name)) {
                found.no_counterpart += 1;
                found.warnings.push(
                    Diagnostic::warning(
                        "build/skipped",
                        "skipped, nothing to align it with (no en or ar counterpart)",
                    )
                    .at_path(&pivot),
                );
            }
            continue;
        }
        let doc = DocSet { name, files };
        for o in doc.outputs(Path::new("")) {
            found.all_outputs.insert(o.to_string_lossy().into_owned());
        }
        found.all_inputs.extend(doc.files.iter().cloned());
        if shard.is_none_or(|s| s.contains(&doc.name)) {
            found.warnings.extend(missing);
            found.docs.push(doc);
        }
    }
    Ok(found)
}

/// The identities of a set of input files, to refuse an output that is one of them (the same
/// file, also through a link) with one lookup per output.
pub struct Inputs {
    ids: HashMap<FileId, PathBuf>,
}

#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

fn file_id(p: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(p).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(p).ok()
    }
}

impl Inputs {
    pub fn new(paths: &[PathBuf]) -> Inputs {
        let ids = paths
            .iter()
            .filter_map(|p| file_id(p).map(|id| (id, p.clone())))
            .collect();
        Inputs { ids }
    }

    /// [`Error::Usage`] if `output` exists and is one of the inputs.
    pub fn check(&self, output: &Path) -> Result<()> {
        let Some(input) = file_id(output).and_then(|id| self.ids.get(&id)) else {
            return Ok(());
        };
        Err(Error::Usage(format!(
            "the output {} is also an input ({}); refusing to overwrite it: give another output folder",
            output.display(),
            input.display()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(dir: &Path, docs: &[(&str, &[&str])]) {
        for l in ["fr", "en", "ar"] {
            std::fs::create_dir_all(dir.join(l)).unwrap();
        }
        for (name, langs) in docs {
            for l in *langs {
                std::fs::write(dir.join(l).join(name), "x").unwrap();
            }
        }
    }

    #[test]
    fn finds_counterparts_and_skips_lone_documents() {
        let dir = tempfile::tempdir().unwrap();
        corpus(
            dir.path(),
            &[
                ("b.txt", &["fr", "en", "ar"]),
                ("a.txt", &["fr", "en"]),
                ("c.txt", &["fr"]),
                ("d.txt", &["en", "ar"]),
                (".hidden", &["fr", "en"]),
            ],
        );
        let d = discover(dir.path(), None).unwrap();
        let names: Vec<&str> = d.docs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "b.txt"]);
        assert_eq!(d.docs[1].files.len(), 3);
        assert!(d.docs[0].files[1].ends_with("en/a.txt"));
        assert_eq!(d.no_counterpart, 1);
        let codes: Vec<&str> = d.warnings.iter().map(|w| w.code).collect();
        assert_eq!(codes, ["build/no-counterpart", "build/skipped"]);
        assert!(d.all_outputs.contains("a.tmx") && d.all_outputs.contains("b.html"));
        assert_eq!(d.all_inputs.len(), 5);
    }

    #[test]
    fn shards_partition_the_documents_and_keep_every_output_known() {
        let dir = tempfile::tempdir().unwrap();
        let names: Vec<String> = (0..40).map(|i| format!("d{i}.txt")).collect();
        let docs: Vec<(&str, &[&str])> = names
            .iter()
            .map(|n| (n.as_str(), &["fr", "en"][..]))
            .collect();
        corpus(dir.path(), &docs);
        let mut seen = Vec::new();
        for i in 0..3 {
            let d = discover(dir.path(), Some(Shard { index: i, count: 3 })).unwrap();
            assert_eq!(d.all_outputs.len(), 80);
            seen.extend(d.docs.into_iter().map(|d| d.name));
        }
        seen.sort();
        let mut all = names.clone();
        all.sort();
        assert_eq!(seen, all);
    }

    #[test]
    fn a_missing_pivot_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let e = discover(&dir.path().join("nowhere"), None).unwrap_err();
        assert!(e.to_string().contains("nowhere"), "{e}");
    }

    #[test]
    fn an_output_that_is_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.tmx");
        std::fs::write(&input, "x").unwrap();
        let inputs = Inputs::new(std::slice::from_ref(&input));
        assert!(inputs.check(&dir.path().join("b.tmx")).is_ok());
        let e = inputs.check(&input).unwrap_err();
        assert!(e.to_string().contains("is also an input"), "{e}");
        let hard = dir.path().join("hard.tmx");
        std::fs::hard_link(&input, &hard).unwrap();
        assert!(inputs.check(&hard).is_err());
    }
}
