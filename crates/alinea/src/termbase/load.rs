//! The termbase a command works with: the files it was given, merged into one, or by default
//! the glossary of the current folder, else the glossary built into the library. `alinea
//! lookup`, the server and the linter all load their termbase through [`load`].
//!
//! Merging rules:
//!
//! - The same file given twice (the same canonical path, whatever the spelling) is read once,
//!   with a note (`termbase/duplicate-file`): its concepts would otherwise be found twice.
//! - Two termbases that define the same concept id are an error ([`Error::Input`] naming both
//!   files), not a silent rename: a concept id is what `related` links and the lookup output
//!   refer to, so two concepts sharing one would make both ambiguous. The user renames one, or
//!   merges the two entries.
//! - The diagnostics of every file are kept, in the order the files were given, except a
//!   `termbase/dangling-link` whose target another of the termbases defines: links may cross
//!   files.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::validate::DANGLING_LINK;
use super::{read_file, read_str, Format, Termbase};
use crate::diag::Diagnostic;
use crate::{Error, Result};

/// Where the default termbase is looked for, relative to the current folder.
pub const DEFAULT_PATH: &str = "glossary/concepts.toml";

/// The name the built-in glossary goes by in messages.
pub const BUILT_IN_NAME: &str = "(built-in glossary)";

/// The curated glossary of the repository (glossary/concepts.toml), built into the library so
/// that lookup works from any folder.
pub const BUILT_IN: &str = include_str!("../../../../glossary/concepts.toml");

/// Code of the note for a termbase file given more than once.
pub const DUPLICATE_FILE: &str = "termbase/duplicate-file";

/// Code of the note saying which termbase is used when none was given.
pub const DEFAULT_USED: &str = "termbase/default";

/// Where a part of the merged termbase comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A file, as its path was given (or [`DEFAULT_PATH`]).
    File(PathBuf),
    /// The glossary built into the library ([`BUILT_IN`]).
    BuiltIn,
}

impl Origin {
    /// The path for messages: the file's, or [`BUILT_IN_NAME`].
    pub fn path(&self) -> &Path {
        match self {
            Origin::File(p) => p,
            Origin::BuiltIn => Path::new(BUILT_IN_NAME),
        }
    }
}

/// One termbase read into the merged one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub origin: Origin,
    /// Its concepts, as indices into [`Loaded::termbase`]'s concepts.
    pub concepts: Range<usize>,
}

/// The merged termbase, what was noticed while reading it, and where each part came from.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub termbase: Termbase,
    /// The validation warnings of every file, and a note per file given twice.
    pub diagnostics: Vec<Diagnostic>,
    /// One per termbase read, in order.
    pub sources: Vec<Source>,
}

/// Loads and merges the termbases at `paths` (see the module documentation); with no path,
/// [`DEFAULT_PATH`] if it is a file, else the built-in glossary.
pub fn load(paths: &[PathBuf]) -> Result<Loaded> {
    load_with_default(paths, Path::new(DEFAULT_PATH))
}

fn load_with_default(paths: &[PathBuf], default: &Path) -> Result<Loaded> {
    let mut loaded = Loaded {
        termbase: Termbase::default(),
        diagnostics: Vec::new(),
        sources: Vec::new(),
    };
    // Concept id → the source (index into `sources`) that defined it.
    let mut ids: HashMap<String, usize> = HashMap::new();
    if paths.is_empty() {
        // Only here, with no termbase named, is a default used; a named file that cannot be
        // read is an error below, never replaced by the default.
        let (origin, which) = if default.is_file() {
            (
                Origin::File(default.into()),
                "the glossary of the current folder",
            )
        } else {
            (Origin::BuiltIn, "the glossary built into alinea")
        };
        let note = Diagnostic::note(DEFAULT_USED, format!("no termbase given: using {which}"))
            .at_path(origin.path());
        add(&mut loaded, &mut ids, origin)?;
        loaded.diagnostics.insert(0, note);
        return Ok(loaded);
    }
    // Canonical path → the path as first given.
    let mut seen: HashMap<PathBuf, &Path> = HashMap::new();
    for p in paths {
        let canonical = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        if let Some(first) = seen.get(&canonical) {
            let same = if *first == p.as_path() {
                "given twice".to_string()
            } else {
                format!("the same file as {}", first.display())
            };
            loaded
                .diagnostics
                .push(Diagnostic::note(DUPLICATE_FILE, format!("{same}; read once")).at_path(p));
            continue;
        }
        seen.insert(canonical, p);
        add(&mut loaded, &mut ids, Origin::File(p.clone()))?;
    }
    if loaded.sources.len() > 1 {
        drop_links_across_files(&mut loaded, &ids);
    }
    Ok(loaded)
}

/// Drops the `termbase/dangling-link` warnings whose target is a concept of another
/// termbase. Validation warns of a file's dangling links in the order of its concepts and of
/// their `related` ids, so the k-th such warning of a file is its k-th related id that the
/// file itself does not define.
fn drop_links_across_files(loaded: &mut Loaded, ids: &HashMap<String, usize>) {
    let mut resolved: Vec<Vec<bool>> = Vec::with_capacity(loaded.sources.len());
    for (s, source) in loaded.sources.iter().enumerate() {
        let concepts = &loaded.termbase.concepts[source.concepts.clone()];
        let flags = concepts
            .iter()
            .flat_map(|c| &c.related)
            .filter_map(|r| match ids.get(r) {
                Some(&owner) if owner == s => None,
                Some(_) => Some(true),
                None => Some(false),
            })
            .collect();
        resolved.push(flags);
    }
    let mut next = vec![0usize; loaded.sources.len()];
    loaded.diagnostics.retain(|d| {
        if d.code != DANGLING_LINK {
            return true;
        }
        let Some(s) = loaded
            .sources
            .iter()
            .position(|src| d.path.as_deref() == Some(src.origin.path()))
        else {
            return true;
        };
        let k = next[s];
        next[s] += 1;
        !resolved[s].get(k).copied().unwrap_or(false)
    });
}

/// Reads the termbase of `origin` into `loaded`; an error if one of its concept ids is
/// already defined by an earlier source.
fn add(loaded: &mut Loaded, ids: &mut HashMap<String, usize>, origin: Origin) -> Result<()> {
    let checked = match &origin {
        Origin::File(p) => read_file(p)?,
        Origin::BuiltIn => read_str(BUILT_IN, Format::Toml, Path::new(BUILT_IN_NAME))?,
    };
    let index = loaded.sources.len();
    for c in &checked.termbase.concepts {
        // Ids are unique within one termbase (validation): a clash is with an earlier one.
        if let Some(&first) = ids.get(&c.id) {
            return Err(Error::Input {
                path: origin.path().into(),
                message: format!(
                    "concept id {:?} is also defined in {}; give each concept one id across termbases",
                    c.id,
                    loaded.sources[first].origin.path().display()
                ),
            });
        }
        ids.insert(c.id.clone(), index);
    }
    let start = loaded.termbase.concepts.len();
    loaded.termbase.concepts.extend(checked.termbase.concepts);
    loaded.diagnostics.extend(checked.warnings);
    loaded.sources.push(Source {
        origin,
        concepts: start..loaded.termbase.concepts.len(),
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;

    const A: &str =
        "[[concept]]\nid = \"a\"\n\n[[concept.term]]\nlang = \"en\"\ntext = \"alpha\"\n";
    const B: &str = "[[concept]]\nid = \"b\"\n\n[[concept.term]]\nlang = \"en\"\ntext = \"beta\"\n";

    fn files(texts: &[(&str, &str)]) -> (tempfile::TempDir, Vec<PathBuf>) {
        let dir = tempfile::tempdir().unwrap();
        let paths = texts
            .iter()
            .map(|(name, text)| {
                let p = dir.path().join(name);
                std::fs::write(&p, text).unwrap();
                p
            })
            .collect();
        (dir, paths)
    }

    #[test]
    fn no_path_is_the_default_file_else_the_built_in_glossary() {
        let (dir, paths) = files(&[("a.toml", A)]);
        let l = load_with_default(&[], &paths[0]).unwrap();
        assert_eq!(l.sources.len(), 1);
        assert_eq!(l.sources[0].origin, Origin::File(paths[0].clone()));
        assert_eq!(l.termbase.concepts.len(), 1);
        let l = load_with_default(&[], &dir.path().join("missing.toml")).unwrap();
        assert_eq!(l.sources[0].origin, Origin::BuiltIn);
        assert_eq!(l.sources[0].origin.path(), Path::new(BUILT_IN_NAME));
        assert!(l.termbase.concepts.len() > 10);
        assert_eq!(l.sources[0].concepts, 0..l.termbase.concepts.len());
    }

    #[test]
    fn the_default_termbase_is_used_with_a_note_saying_which() {
        let (dir, paths) = files(&[("a.toml", A)]);
        let l = load_with_default(&[], &paths[0]).unwrap();
        assert_eq!(l.diagnostics.len(), 1, "{:?}", l.diagnostics);
        let d = &l.diagnostics[0];
        assert_eq!((d.code, d.severity), (DEFAULT_USED, Severity::Note));
        assert_eq!(d.path.as_deref(), Some(paths[0].as_path()));
        assert!(
            d.message.contains("the glossary of the current folder"),
            "{d:?}"
        );
        let l = load_with_default(&[], &dir.path().join("missing.toml")).unwrap();
        let d = &l.diagnostics[0];
        assert_eq!(d.code, DEFAULT_USED);
        assert_eq!(d.path.as_deref(), Some(Path::new(BUILT_IN_NAME)));
        assert!(d.message.contains("built into alinea"), "{d:?}");
    }

    #[test]
    fn a_named_termbase_that_is_missing_is_an_error_not_the_default() {
        let (dir, paths) = files(&[("a.toml", A)]);
        let missing = dir.path().join("missing.toml");
        // The default exists; still, the file named is what was asked for.
        let e = load_with_default(std::slice::from_ref(&missing), &paths[0]).unwrap_err();
        assert!(
            e.to_string()
                .starts_with(&format!("{}: ", missing.display())),
            "{e}"
        );
        let e = load_with_default(&[paths[0].clone(), missing.clone()], &paths[0]).unwrap_err();
        assert!(e.to_string().contains("missing.toml"), "{e}");
    }

    #[test]
    fn several_files_are_merged_in_order() {
        let (_dir, paths) = files(&[("a.toml", A), ("b.toml", B)]);
        let l = load(&paths).unwrap();
        let ids: Vec<&str> = l.termbase.concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(l.sources[0].concepts, 0..1);
        assert_eq!(l.sources[1].concepts, 1..2);
        assert!(l.diagnostics.is_empty());
    }

    #[test]
    fn the_same_file_twice_is_read_once_with_a_note() {
        let (dir, paths) = files(&[("a.toml", A)]);
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let other_spelling = dir.path().join("sub/../a.toml");
        let l = load(&[paths[0].clone(), paths[0].clone(), other_spelling.clone()]).unwrap();
        assert_eq!(l.termbase.concepts.len(), 1);
        assert_eq!(l.sources.len(), 1);
        assert_eq!(l.diagnostics.len(), 2, "{:?}", l.diagnostics);
        assert!(l
            .diagnostics
            .iter()
            .all(|d| d.code == DUPLICATE_FILE && d.severity == Severity::Note));
        assert_eq!(l.diagnostics[0].message, "given twice; read once");
        assert_eq!(
            l.diagnostics[1].path.as_deref(),
            Some(other_spelling.as_path())
        );
        assert!(l.diagnostics[1].message.contains("the same file as"));
    }

    #[test]
    fn a_concept_id_in_two_termbases_is_an_error_naming_both() {
        let (_dir, paths) = files(&[("a.toml", A), ("b.toml", B), ("a2.toml", A)]);
        let e = load(&paths).unwrap_err();
        assert!(matches!(e, Error::Input { .. }), "{e:?}");
        let msg = e.to_string();
        assert!(
            msg.starts_with(&format!("{}: ", paths[2].display())),
            "{msg}"
        );
        assert!(
            msg.contains(&format!(
                "concept id \"a\" is also defined in {}",
                paths[0].display()
            )),
            "{msg}"
        );
    }

    #[test]
    fn warnings_of_every_file_are_kept() {
        let dangling = A.replace("id = \"a\"", "id = \"c\"\nrelated = [\"nowhere\"]");
        let (_dir, paths) = files(&[("a.toml", A), ("c.toml", &dangling)]);
        let l = load(&paths).unwrap();
        assert_eq!(l.diagnostics.len(), 1);
        assert_eq!(l.diagnostics[0].path.as_deref(), Some(paths[1].as_path()));
    }

    #[test]
    fn links_may_cross_files() {
        let linked = A.replace(
            "id = \"a\"",
            "id = \"c\"\nrelated = [\"b\", \"nowhere\", \"b\"]",
        );
        let (_dir, paths) = files(&[("c.toml", &linked), ("b.toml", B)]);
        let alone = load(&paths[..1]).unwrap();
        assert_eq!(alone.diagnostics.len(), 3, "{:?}", alone.diagnostics);
        let l = load(&paths).unwrap();
        assert_eq!(l.diagnostics.len(), 1, "{:?}", l.diagnostics);
        assert_eq!(l.diagnostics[0].code, DANGLING_LINK);
        assert!(l.diagnostics[0].message.contains("\"nowhere\""));
    }

    #[test]
    fn a_missing_file_is_a_read_error() {
        let e = load(&[PathBuf::from("/nonexistent/x.toml")]).unwrap_err();
        assert!(matches!(e, Error::Read { .. }), "{e:?}");
    }
}
