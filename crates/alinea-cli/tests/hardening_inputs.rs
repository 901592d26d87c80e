//! No command reads without bound: a device that never ends (`/dev/zero`), named with any
//! extension and given to any command that reads, is refused at once (as binary data) or at
//! the 1 GiB limit, with one line and exit 2.
#![cfg(target_os = "linux")]

mod common;

use std::path::Path;

use common::{alinea, outcome, root};

/// `/dev/zero` under the name `name` in `dir` (a symbolic link).
fn zero(dir: &Path, name: &str) -> String {
    let p = dir.join(name);
    std::os::unix::fs::symlink("/dev/zero", &p).unwrap();
    p.display().to_string()
}

fn refused_at_first_byte(args: &[&str]) {
    let (code, stdout, stderr) = outcome(alinea().arg("--quiet").args(args));
    assert_eq!(code, 2, "{args:?}: {stderr}");
    assert!(stdout.is_empty(), "{args:?}");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    assert!(stderr.contains("byte offset 0"), "{args:?}: {stderr}");
}

#[test]
fn dev_zero_is_refused_at_its_first_byte_by_every_command_that_reads_text() {
    let dir = tempfile::tempdir().unwrap();
    let g = root().join("glossary/concepts.toml").display().to_string();
    let doc = dir.path().join("d.txt");
    std::fs::write(&doc, "Le texte.\n").unwrap();
    let doc = doc.display().to_string();
    let db = dir.path().join("x.db").display().to_string();
    let (txt, html, xlf, tmx, toml) = (
        zero(dir.path(), "z.txt"),
        zero(dir.path(), "z.html"),
        zero(dir.path(), "z.xlf"),
        zero(dir.path(), "z.tmx"),
        zero(dir.path(), "z.toml"),
    );
    for args in [
        vec!["segment", "/dev/zero"],
        vec!["segment", &txt],
        vec!["segment", &html],
        vec!["segment", &xlf],
        vec!["align", &txt, &doc, "--langs", "fr,en"],
        vec!["align", &xlf],
        vec!["lint", &html, "--termbase", &g],
        vec!["lint", &doc, "--termbase", &g, "--baseline", &txt],
        vec!["terms", "extract", &txt],
        vec!["terms", "extract", &tmx],
        vec!["terms", "check", &toml],
        vec!["lookup", "x", "--termbase", &toml],
        vec!["lookup", "x", "--termbase", &g, "--tm", &tmx],
        vec![
            "serve",
            "--db",
            &db,
            "--addr",
            "127.0.0.1:0",
            "--termbase",
            &toml,
        ],
        vec![
            "serve",
            "--db",
            &db,
            "--addr",
            "127.0.0.1:0",
            "--termbase",
            &g,
            "--tm",
            &tmx,
        ],
    ] {
        refused_at_first_byte(&args);
    }
}
