//! `alinea build` on a corpus made in a temporary folder: TMX and HTML per document, byte
//! deterministic, tolerant of a missing counterpart. The batch side (resuming, shards,
//! summaries, interruption) is in `build_batch.rs`.

use std::path::Path;

use assert_cmd::Command;

const FR: &str = "La 146e Assemblée de l'Union interparlementaire,\n\ncondamnant toutes les formes de cybercriminalité et réaffirmant la nécessité de lutter contre ces actes,\n\n1. invite les parlements à adopter des lois qui protègent les citoyens dans le cyberespace.\n";
const EN: &str = "The 146th Assembly of the Inter-Parliamentary Union,\n\nCondemning all forms of cybercrime and reaffirming the need to combat such acts,\n\n1. Invites parliaments to adopt laws that protect citizens in cyberspace.\n";
const AR: &str = "إن الجمعية الـ146 للاتحاد البرلماني الدولي،\n\nإذ تدين جميع أشكال الجرائم الإلكترونية وتؤكد من جديد ضرورة مكافحة هذه الأفعال،\n\n1. تدعو البرلمانات إلى اعتماد قوانين تحمي المواطنين في الفضاء الإلكتروني.\n";

fn corpus(dir: &Path) {
    for (lang, text) in [("fr", FR), ("en", EN), ("ar", AR)] {
        std::fs::create_dir_all(dir.join("corpus").join(lang)).unwrap();
        std::fs::write(dir.join("corpus").join(lang).join("res-a.txt"), text).unwrap();
    }
    // A second document with no Arabic counterpart yet.
    std::fs::write(dir.join("corpus/fr/res-b.txt"), FR).unwrap();
    std::fs::write(dir.join("corpus/en/res-b.txt"), EN).unwrap();
    // A third with no counterpart at all.
    std::fs::write(dir.join("corpus/fr/res-c.txt"), FR).unwrap();
}

fn build(dir: &Path) -> (bool, String) {
    let out = Command::cargo_bin("alinea")
        .unwrap()
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .arg("build")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    // The outputs: the state and summary folder (`.alinea-build/`) is not one.
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
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
fn builds_every_document_deterministically() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let (ok, err) = build(dir.path());
    assert!(ok, "{err}");
    let aligned = dir.path().join("aligned");
    let files = snapshot(&aligned);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["res-a.html", "res-a.tmx", "res-b.html", "res-b.tmx"]
    );

    // Missing counterparts are warned about; what exists is aligned.
    assert!(err.contains("res-b.txt: no ar counterpart"), "{err}");
    assert!(err.contains("res-c.txt: skipped"), "{err}");
    assert!(
        err.contains("built 2 of 3 documents into aligned (1 skipped, no counterpart; 0 failed)"),
        "{err}"
    );
    assert!(err.contains("to review"), "{err}");

    let a = String::from_utf8(files[1].1.clone()).unwrap();
    // Without SOURCE_DATE_EPOCH the optional date is left out.
    assert!(!a.contains("creationdate"), "{a}");
    assert!(a.contains("<prop type=\"x-document\">res-a</prop>"));
    assert_eq!(a.matches("<tu ").count(), 3);
    assert_eq!(a.matches("<tuv xml:lang=\"ar\">").count(), 3);
    let b = String::from_utf8(files[3].1.clone()).unwrap();
    assert!(!b.contains("xml:lang=\"ar\""));
    let tus = alinea::tmx::read_path(&aligned.join("res-a.tmx"), Default::default()).unwrap();
    assert_eq!(tus[1].variants[1].lang, "en-GB");
    let html = String::from_utf8(files[0].1.clone()).unwrap();
    assert!(html.contains("dir=\"rtl\""));

    // A rebuild changes no byte (and skips the unchanged documents).
    let (ok, err) = build(dir.path());
    assert!(ok, "{err}");
    assert!(err.contains("0 aligned, 2 unchanged"), "{err}");
    assert_eq!(snapshot(&aligned), files);

    // SOURCE_DATE_EPOCH sets the date.
    Command::cargo_bin("alinea")
        .unwrap()
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["build", "--out", "dated"])
        .assert()
        .success();
    let dated = std::fs::read_to_string(dir.path().join("dated/res-a.tmx")).unwrap();
    assert!(dated.contains("creationdate=\"20231114T221320Z\""));
}

#[test]
fn a_missing_corpus_is_an_error_and_a_stale_file_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("alinea")
        .unwrap()
        .current_dir(dir.path())
        .args(["build", "--corpus", "nowhere"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nowhere"), "{err}");
    assert!(!err.contains("panicked"));

    corpus(dir.path());
    std::fs::create_dir_all(dir.path().join("aligned")).unwrap();
    std::fs::write(dir.path().join("aligned/old.tmx"), "x").unwrap();
    let (ok, err) = build(dir.path());
    assert!(ok);
    assert!(err.contains("old.tmx: no longer made"), "{err}");
}

#[test]
fn a_bad_document_fails_the_build_but_not_the_others() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    std::fs::write(dir.path().join("corpus/ar/res-b.txt"), "").unwrap();
    let (ok, err) = build(dir.path());
    assert!(!ok);
    assert!(err.contains("res-b.txt") && err.contains("error"), "{err}");
    assert!(
        err.contains("(1 skipped, no counterpart; 1 failed)"),
        "{err}"
    );
    assert!(dir.path().join("aligned/res-a.tmx").exists());
    assert!(!dir.path().join("aligned/res-b.tmx").exists());
}
