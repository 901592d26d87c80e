//! Outputs are never one of the inputs, sets of files are replaced whole or not at all, and
//! temporary files are recognisable and removed on SIGTERM.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const FR: &str = "La 146e Assemblée de l'Union interparlementaire,\n\ncondamnant toutes les formes de cybercriminalité,\n\n1. invite les parlements à adopter des lois.\n";
const EN: &str = "The 146th Assembly of the Inter-Parliamentary Union,\n\nCondemning all forms of cybercrime,\n\n1. Invites parliaments to adopt laws.\n";
const AR: &str = "إن الجمعية الـ146 للاتحاد البرلماني الدولي،\n\nإذ تدين جميع أشكال الجرائم الإلكترونية،\n\n1. تدعو البرلمانات إلى اعتماد قوانين.\n";

const TOML: &str = "# The team's only copy, with comments.\n[[concept]]\nid = \"a\"\n\n[[concept.term]]\nlang = \"en\"\ntext = \"alpha\"\n";

fn alinea() -> Command {
    let mut c = Command::cargo_bin("alinea").unwrap();
    c.env_remove("SOURCE_DATE_EPOCH");
    c
}

/// The three documents in `dir`, as fr.txt, en.txt, ar.txt.
fn documents(dir: &Path) -> [PathBuf; 3] {
    let paths = ["fr.txt", "en.txt", "ar.txt"].map(|n| dir.join(n));
    for (p, t) in paths.iter().zip([FR, EN, AR]) {
        std::fs::write(p, t).unwrap();
    }
    paths
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".alinea-tmp-"))
        .collect()
}

/// Runs `cmd`, expects exit 2 with a message naming the clash, on one line.
fn refused(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("is also an input"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn align_refuses_to_write_over_an_input_also_through_links() {
    let dir = tempfile::tempdir().unwrap();
    let [fr, en, _] = documents(dir.path());
    refused(alinea().args(["align", "-o"]).arg(&fr).arg(&fr).arg(&en));
    refused(
        alinea()
            .args(["align", "--format", "tmx", "-o"])
            .arg(&en)
            .arg(&fr)
            .arg(&en),
    );
    let hard = dir.path().join("hard.tmx");
    std::fs::hard_link(&fr, &hard).unwrap();
    refused(alinea().args(["align", "-o"]).arg(&hard).arg(&fr).arg(&en));
    #[cfg(unix)]
    {
        let sym = dir.path().join("sym.tmx");
        std::os::unix::fs::symlink(&en, &sym).unwrap();
        refused(alinea().args(["align", "-o"]).arg(&sym).arg(&fr).arg(&en));
    }
    assert_eq!(std::fs::read_to_string(&fr).unwrap(), FR);
    assert_eq!(std::fs::read_to_string(&en).unwrap(), EN);
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn align_pairs_refuse_a_pair_file_that_is_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let [fr, en, ar] = documents(dir.path());
    let out = dir.path().join("out.tmx");
    // out.fr-ar.tmx, one of the pair files, is a hard link to the Arabic document.
    std::fs::hard_link(&ar, dir.path().join("out.fr-ar.tmx")).unwrap();
    refused(
        alinea()
            .args(["align", "--pairs", "-o"])
            .arg(&out)
            .args([&fr, &en, &ar]),
    );
    assert_eq!(std::fs::read_to_string(&ar).unwrap(), AR);
    assert!(!out.exists(), "nothing written");
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn terms_convert_refuses_to_write_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.toml");
    std::fs::write(&g, TOML).unwrap();
    refused(alinea().args(["terms", "convert"]).arg(&g).arg(&g));
    #[cfg(unix)]
    {
        let sym = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&g, &sym).unwrap();
        refused(alinea().args(["terms", "convert"]).arg(&g).arg(&sym));
    }
    assert_eq!(std::fs::read_to_string(&g).unwrap(), TOML);
    // Another file is fine.
    alinea()
        .args(["terms", "convert"])
        .arg(&g)
        .arg(dir.path().join("g.tbx"))
        .assert()
        .success();
}

fn corpus(dir: &Path) {
    for (lang, text) in [("fr", FR), ("en", EN), ("ar", AR)] {
        std::fs::create_dir_all(dir.join("corpus").join(lang)).unwrap();
        for doc in ["res-a.txt", "res-b.txt"] {
            std::fs::write(dir.join("corpus").join(lang).join(doc), text).unwrap();
        }
    }
}

#[test]
fn build_refuses_an_output_that_is_an_input() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let aligned = dir.path().join("aligned");
    std::fs::create_dir_all(&aligned).unwrap();
    // aligned/res-b.html is a hard link to an input document.
    std::fs::hard_link(
        dir.path().join("corpus/en/res-b.txt"),
        aligned.join("res-b.html"),
    )
    .unwrap();
    refused(alinea().current_dir(dir.path()).arg("build"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("corpus/en/res-b.txt")).unwrap(),
        EN
    );
    assert!(!aligned.join("res-a.tmx").exists(), "nothing written");
}

/// The files of `dir` (not folders) with their contents.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn pairs_are_written_all_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let [fr, en, ar] = documents(dir.path());
    let out = dir.path().join("out.tmx");
    for name in ["out.tmx", "out.fr-en.tmx"] {
        std::fs::write(dir.path().join(name), "old").unwrap();
    }
    // The last file of the set cannot be replaced: a folder stands where it should go.
    std::fs::create_dir(dir.path().join("out.fr-ar.tmx")).unwrap();
    let before = snapshot(dir.path());
    let o = alinea()
        .args(["align", "--pairs", "-o"])
        .arg(&out)
        .args([&fr, &en, &ar])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("out.fr-ar.tmx"), "{err}");
    assert_eq!(snapshot(dir.path()), before, "the old set is untouched");
    assert!(leftovers(dir.path()).is_empty());
    // Once the way is clear, the whole set is written.
    std::fs::remove_dir(dir.path().join("out.fr-ar.tmx")).unwrap();
    alinea()
        .args(["align", "--pairs", "-o"])
        .arg(&out)
        .args([&fr, &en, &ar])
        .assert()
        .success();
    for name in ["out.tmx", "out.fr-en.tmx", "out.fr-ar.tmx"] {
        let s = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(s.starts_with("<?xml"), "{name}");
    }
}

/// `build` writes per document: a document whose output cannot be replaced keeps all its old
/// files; the others are written.
#[test]
fn build_writes_each_document_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    alinea()
        .current_dir(dir.path())
        .arg("build")
        .assert()
        .success();
    let aligned = dir.path().join("aligned");
    // Change the corpus, and make one output impossible to replace.
    std::fs::write(
        dir.path().join("corpus/fr/res-a.txt"),
        FR.replace("146e", "147e"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("corpus/fr/res-b.txt"),
        FR.replace("146e", "147e"),
    )
    .unwrap();
    std::fs::remove_file(aligned.join("res-b.html")).unwrap();
    std::fs::create_dir(aligned.join("res-b.html")).unwrap();
    let before = snapshot(&aligned);
    let o = alinea()
        .current_dir(dir.path())
        .arg("build")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("res-b.html: cannot write"), "{err}");
    let after = snapshot(&aligned);
    let file = |v: &[(String, Vec<u8>)], n: &str| v.iter().find(|(m, _)| m == n).cloned();
    assert_eq!(
        file(&after, "res-b.tmx"),
        file(&before, "res-b.tmx"),
        "the failing document keeps its old TMX"
    );
    for n in ["res-a.tmx", "res-a.html"] {
        assert_ne!(file(&after, n), file(&before, n), "{n} is written");
    }
    assert!(String::from_utf8(file(&after, "res-a.tmx").unwrap().1)
        .unwrap()
        .contains("147e"));
    assert!(leftovers(&aligned).is_empty());
}

/// SIGTERM while a large TMX is being written: the temporary file is removed before exit.
#[cfg(unix)]
#[test]
fn sigterm_removes_the_temporary_file() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let (mut fr, mut en) = (String::new(), String::new());
    for i in 0..40_000 {
        fr.push_str(&format!(
            "Le paragraphe {i} de la résolution sur la sécurité des technologies de l'information.\n"
        ));
        en.push_str(&format!(
            "Paragraph {i} of the resolution on the security of information technologies.\n"
        ));
    }
    std::fs::write(dir.path().join("fr.txt"), fr).unwrap();
    std::fs::write(dir.path().join("en.txt"), en).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("alinea");
    let mut child = std::process::Command::new(bin)
        .current_dir(dir.path())
        .args([
            "align", "--input", "lines", "-o", "out.tmx", "fr.txt", "en.txt",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the temporary file to appear.
    let start = Instant::now();
    let mut seen = None;
    while start.elapsed() < Duration::from_secs(120) {
        if let Some(n) = leftovers(dir.path()).pop() {
            seen = Some(n);
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let Some(name) = seen else {
        // Finished before we could look: nothing to check here but the absence of leftovers.
        child.wait().unwrap();
        assert!(leftovers(dir.path()).is_empty());
        return;
    };
    assert!(name.ends_with("-out.tmx"), "{name}");
    std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    if status.success() {
        // The write ended before the signal arrived: the file was renamed, not left behind.
        assert!(leftovers(dir.path()).is_empty());
        return;
    }
    assert_eq!(status.code(), Some(130), "{status:?}");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
    assert!(!dir.path().join("out.tmx").exists());
}
