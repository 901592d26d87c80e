//! No writing command writes over one of its inputs (the same path, or the same file through
//! a symbolic or hard link), including those that read a termbase, a glossary, a
//! configuration or summaries besides their documents; and writing through a symbolic link
//! replaces the file it points to, not the link.

mod common;

use std::path::{Path, PathBuf};

use common::{alinea, outcome, root};

/// Exit 2, one line saying the output is an input, and `kept` unchanged.
fn refused(args: &[&str], kept: &[(&Path, Vec<u8>)]) {
    let (code, stdout, stderr) = outcome(alinea().args(args));
    assert_eq!(code, 2, "{args:?}: {stderr}");
    assert!(stdout.is_empty(), "{args:?}: {stdout}");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    assert!(stderr.contains("is also an input"), "{args:?}: {stderr}");
    for (p, bytes) in kept {
        assert_eq!(
            &std::fs::read(p).unwrap(),
            bytes,
            "{args:?}: {} changed",
            p.display()
        );
    }
}

struct Files {
    _dir: tempfile::TempDir,
    glossary: PathBuf,
    doc: PathBuf,
    tmx: PathBuf,
}

impl Files {
    fn new() -> Files {
        let dir = tempfile::tempdir().unwrap();
        let glossary = dir.path().join("g.toml");
        std::fs::copy(root().join("glossary/concepts.toml"), &glossary).unwrap();
        let doc = dir.path().join("d.txt");
        std::fs::write(&doc, "Le Conseil de sécurité et la cybercriminalité.\n").unwrap();
        let tmx = dir.path().join("m.tmx");
        std::fs::copy(root().join("aligned/ipu-146-cybercrime.tmx"), &tmx).unwrap();
        Files {
            _dir: dir,
            glossary,
            doc,
            tmx,
        }
    }

    fn dir(&self) -> &Path {
        self._dir.path()
    }

    fn kept(&self) -> Vec<(&Path, Vec<u8>)> {
        [&self.glossary, &self.doc, &self.tmx]
            .into_iter()
            .map(|p| (p.as_path(), std::fs::read(p).unwrap()))
            .collect()
    }

    /// A symbolic link (on Unix; else a hard link) and a hard link to `p`.
    fn links(&self, p: &Path) -> [String; 2] {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let sym = self.dir().join(format!("sym-{name}"));
        let hard = self.dir().join(format!("hard-{name}"));
        #[cfg(unix)]
        std::os::unix::fs::symlink(p, &sym).unwrap();
        #[cfg(not(unix))]
        std::fs::hard_link(p, &sym).unwrap();
        std::fs::hard_link(p, &hard).unwrap();
        [sym, hard].map(|p| p.display().to_string())
    }
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn terms_extract_refuses_to_write_over_its_glossary_or_a_memory() {
    let f = Files::new();
    let (g, tmx) = (s(&f.glossary), s(&f.tmx));
    let kept = f.kept();
    let [gsym, ghard] = f.links(&f.glossary);
    let [tsym, thard] = f.links(&f.tmx);
    for out in [&g, &gsym, &ghard] {
        refused(
            &[
                "terms",
                "extract",
                &tmx,
                "--glossary",
                &g,
                "--format",
                "tbx",
                "-o",
                out,
            ],
            &kept,
        );
    }
    for out in [&tmx, &tsym, &thard] {
        refused(
            &["terms", "extract", &tmx, "--glossary", &g, "-o", out],
            &kept,
        );
    }
}

#[test]
fn terms_build_refuses_to_write_over_its_glossary() {
    let f = Files::new();
    let g = s(&f.glossary);
    let kept = f.kept();
    let corpus = f.dir().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(&f.tmx, corpus.join("m.tmx")).unwrap();
    let corpus = s(&corpus);
    for out in f.links(&f.glossary).iter().chain([&g]) {
        refused(
            &[
                "terms",
                "build",
                "--corpus",
                &corpus,
                "--glossary",
                &g,
                "-o",
                out,
            ],
            &kept,
        );
    }
}

#[test]
fn lint_refuses_a_baseline_written_over_a_document_termbase_or_configuration() {
    let f = Files::new();
    let (g, doc) = (s(&f.glossary), s(&f.doc));
    let config = f.dir().join("lint.toml");
    std::fs::write(&config, "lang = \"fr\"\n").unwrap();
    let c = s(&config);
    let mut kept = f.kept();
    kept.push((config.as_path(), std::fs::read(&config).unwrap()));
    let [dsym, dhard] = f.links(&f.doc);
    let [gsym, _] = f.links(&f.glossary);
    for out in [&doc, &dsym, &dhard, &g, &gsym, &c] {
        refused(
            &[
                "lint",
                &doc,
                "--termbase",
                &g,
                "--config",
                &c,
                "--write-baseline",
                out,
            ],
            &kept,
        );
    }
    // Over the baseline it reads: allowed (read whole before), and rewritten.
    let b = f.dir().join("b.json");
    let b = s(&b);
    let (code, _, stderr) =
        outcome(alinea().args(["lint", &doc, "--termbase", &g, "--write-baseline", &b]));
    assert!(code <= 1, "{stderr}");
    let (code, _, stderr) = outcome(alinea().args([
        "lint",
        &doc,
        "--termbase",
        &g,
        "--baseline",
        &b,
        "--write-baseline",
        &b,
    ]));
    assert!(code <= 1, "{stderr}");
}

#[test]
fn align_beads_and_html_refuse_an_input_through_links() {
    let f = Files::new();
    let en = f.dir().join("en.txt");
    std::fs::write(&en, "The Security Council and cybercrime.\n").unwrap();
    let (doc, e) = (s(&f.doc), s(&en));
    let mut kept = f.kept();
    kept.push((en.as_path(), std::fs::read(&en).unwrap()));
    let [dsym, dhard] = f.links(&f.doc);
    for format in ["beads", "html", "tsv", "json"] {
        for out in [&dsym, &dhard] {
            refused(&["align", &doc, &e, "--format", format, "-o", out], &kept);
        }
    }
}

#[test]
fn merged_summaries_refuse_to_overwrite_one_of_the_shards() {
    let dir = tempfile::tempdir().unwrap();
    let shard = dir.path().join("summary-0-of-1.json");
    let (code, _, stderr) = outcome(alinea().args([
        "build",
        "--out",
        &s(&dir.path().join("out")),
        "--summary",
        &s(&shard),
    ]));
    assert_eq!(code, 0, "{stderr}");
    let kept = vec![(shard.as_path(), std::fs::read(&shard).unwrap())];
    refused(
        &[
            "build",
            "--merge-summaries",
            &s(&shard),
            "--summary",
            &s(&shard),
        ],
        &kept,
    );
}

#[cfg(unix)]
#[test]
fn an_output_given_as_a_symbolic_link_replaces_the_file_it_points_to() {
    let f = Files::new();
    let en = f.dir().join("en.txt");
    std::fs::write(&en, "The Security Council and cybercrime.\n").unwrap();
    let real = f.dir().join("real.tmx");
    std::fs::write(&real, "old").unwrap();
    let link = f.dir().join("link.tmx");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (code, _, stderr) = outcome(alinea().args([
        "align",
        &s(&f.doc),
        &s(&en),
        "--langs",
        "fr,en",
        "-o",
        &s(&link),
    ]));
    assert_eq!(code, 0, "{stderr}");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().contains("<tmx"));
}
