//! Golden TMX files: the writer's exact bytes for a fixed alignment, and the CLI's output for
//! the three-language fixture (with SOURCE_DATE_EPOCH set). Set UPDATE_GOLDEN=1 to rewrite them.

use std::path::PathBuf;

use alinea::align::multi::MultiBead;
use alinea::align::{Aligned, Segtype, Side};
use alinea::tmx::{self, WriteOptions};
use alinea::Lang;
use assert_cmd::Command;

fn data(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("crates/alinea/tests/data/tmx")
        .join(name)
}

fn golden(name: &str, actual: &str) {
    let path = data(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    assert_eq!(actual, expected, "{} differs", path.display());
}

fn fixed() -> Aligned {
    let side = |lang: Lang, units: &[&str]| Side {
        lang,
        name: "doc.txt".into(),
        units: units.iter().map(|s| s.to_string()).collect(),
    };
    Aligned {
        document: "doc".into(),
        segtype: Segtype::Paragraph,
        sides: vec![
            side(
                Lang::Fr,
                &[
                    "Titre",
                    "Premier « alinéa » & <suite>",
                    "Deuxième\u{1} alinéa",
                    "Fin",
                ],
            ),
            side(
                Lang::En,
                &["Title", "First \"paragraph\" & <more>", "Extra"],
            ),
            side(
                Lang::Ar,
                &["العنوان", "الفقرة الأولى", "الفقرة الثانية", "النهاية"],
            ),
        ],
        beads: vec![
            MultiBead {
                sides: vec![vec![0], vec![0], vec![0]],
                score: 0.93,
            },
            MultiBead {
                sides: vec![vec![1, 2], vec![1], vec![1, 2]],
                score: 0.61,
            },
            MultiBead {
                sides: vec![vec![], vec![2], vec![]],
                score: 0.0,
            },
            MultiBead {
                sides: vec![vec![3], vec![], vec![3]],
                score: 0.4,
            },
        ],
        inline: Vec::new(),
    }
}

#[test]
fn writer_golden_three_languages() {
    let opts = WriteOptions {
        creation_date: Some(tmx::write::creation_date(1_700_000_000).unwrap()),
        ..WriteOptions::default()
    };
    let w = tmx::write(&fixed(), &opts);
    assert_eq!(w.tus, 3);
    assert_eq!(w.removed_chars, 1);
    golden("writer-fr-en-ar.tmx", &String::from_utf8(w.bytes).unwrap());
}

#[test]
fn writer_golden_keep_unaligned_and_locales() {
    let opts = WriteOptions {
        creation_date: None,
        keep_unaligned: true,
        locales: tmx::write::parse_locales("fr=fr-CA,en=en-US,ar=ar-EG").unwrap(),
    };
    let mut a = fixed();
    a.segtype = Segtype::Sentence;
    let w = tmx::write(&a, &opts);
    assert_eq!(w.tus, 4);
    golden(
        "writer-keep-unaligned.tmx",
        &String::from_utf8(w.bytes).unwrap(),
    );
}

/// The CLI output with the confidences masked, so the golden file pins the format and the
/// beads of a plain 1–1 document set, not the aligner's scores.
fn masked(tmx: &str) -> String {
    tmx.lines()
        .map(|l| {
            if l.trim_start().starts_with("<prop type=\"x-confidence\">") {
                let indent = &l[..l.len() - l.trim_start().len()];
                format!("{indent}<prop type=\"x-confidence\">*</prop>")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn cli_golden_three_languages() {
    let out = Command::cargo_bin("alinea")
        .unwrap()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["align", "--input", "lines", "--format", "tmx"])
        .arg(data("resolution.fr.txt"))
        .arg(data("resolution.en.txt"))
        .arg(data("resolution.ar.txt"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tmx = String::from_utf8(out.stdout).unwrap();
    assert!(tmx.contains("creationdate=\"20231114T221320Z\""));
    golden("resolution.fr-en-ar.tmx", &masked(&tmx));
}
