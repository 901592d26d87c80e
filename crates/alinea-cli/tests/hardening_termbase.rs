//! The termbase a command works with: one the user named must be read, or the command fails
//! (exit 2, one line naming it); the default glossary is used only when none was named, and
//! then with a note saying which.

mod common;

use common::{alinea, assert_one_line_error, outcome};

/// Every command that loads a termbase, with `missing` named as its termbase.
fn commands_naming(missing: &str, dir: &std::path::Path) -> Vec<Vec<String>> {
    let doc = dir.join("a.txt");
    std::fs::write(&doc, "Le texte.\n").unwrap();
    let doc = doc.display().to_string();
    let db = dir.join("x.db").display().to_string();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        s(&["lookup", "sécurité", "--termbase", missing]),
        s(&[
            "lookup",
            "--termbase",
            "glossary/concepts.toml",
            "--termbase",
            missing,
            "TIC",
        ]),
        s(&["lint", &doc, "--termbase", missing]),
        s(&[
            "terms",
            "build",
            "--corpus",
            "aligned",
            "--glossary",
            missing,
        ]),
        s(&[
            "terms",
            "extract",
            "aligned/ipu-146-cybercrime.tmx",
            "--glossary",
            missing,
        ]),
        s(&[
            "--quiet",
            "serve",
            "--db",
            &db,
            "--addr",
            "127.0.0.1:0",
            "--termbase",
            missing,
        ]),
    ]
}

#[test]
fn a_named_termbase_that_is_missing_is_an_error_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.toml");
    let m = missing.display().to_string();
    for args in commands_naming(&m, dir.path()) {
        let got = outcome(alinea().args(&args));
        assert_one_line_error(got, &missing, &["No such file"]);
        assert!(
            !dir.path().join("x.db").exists(),
            "{args:?}: no database made"
        );
    }
}

#[test]
fn the_default_glossary_is_used_only_when_none_is_named_with_a_note() {
    // From the workspace root: the glossary of the current folder.
    let (code, stdout, stderr) = outcome(alinea().args(["lookup", "CSIRT"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(!stdout.is_empty());
    assert!(
        stderr.contains("note[termbase/default]")
            && stderr.contains("no termbase given: using the glossary of the current folder"),
        "{stderr}"
    );
    // From a folder without one: the built-in glossary, said so.
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) =
        outcome(alinea().current_dir(dir.path()).args(["lookup", "CSIRT"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("CSIRT"), "{stdout}");
    assert!(
        stderr.contains("using the glossary built into alinea"),
        "{stderr}"
    );
    // Named: no note; --quiet: none either.
    let (_, _, stderr) =
        outcome(alinea().args(["lookup", "--termbase", "glossary/concepts.toml", "CSIRT"]));
    assert!(!stderr.contains("termbase/default"), "{stderr}");
    let (_, _, stderr) = outcome(alinea().args(["--quiet", "lookup", "CSIRT"]));
    assert!(stderr.is_empty(), "{stderr}");
}
