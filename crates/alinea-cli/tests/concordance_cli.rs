//! `lookup --tm`: each concordance line names its document and unit; a phrase that is no term
//! still gets a concordance; Arabic first words with an attached preposition are marked.

use assert_cmd::Command;

const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="paragraph" o-tmf="t" adminlang="en" srclang="fr-FR" datatype="plaintext"/>
<body>
<tu tuid="19"><prop type="x-document">ipu-146</prop><prop type="x-units">fr:18 en:18 ar:18</prop>
<tuv xml:lang="fr-FR"><seg>réaffirmant le cadre relatif au comportement responsable des États et ses graves conséquences,</seg></tuv>
<tuv xml:lang="en-GB"><seg>Reaffirming the framework for responsible State behaviour and its serious consequences,</seg></tuv>
<tuv xml:lang="ar"><seg>وإذ تعيد تأكيد الإطار المتعلق بسلوك الدول المسؤول،</seg></tuv>
</tu>
</body></tmx>
"#;

fn lookup(args: &[&str]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let tm = dir.path().join("m.tmx");
    std::fs::write(&tm, TMX).unwrap();
    let out = Command::cargo_bin("alinea")
        .unwrap()
        .arg("lookup")
        .args(args)
        .arg("--tm")
        .arg(&tm)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn concordance_lines_name_document_and_unit_and_mark_arabic_prepositions() {
    let (code, out) = lookup(&["comportement responsable des États"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("    ipu-146, unit 19 (fr:18 en:18 ar:18)\n"),
        "{out}"
    );
    assert!(!out.contains("unit 19 19"), "{out}");
    assert!(out.contains("[[بسلوك الدول المسؤول]]"), "{out}");
}

#[test]
fn a_phrase_that_is_no_term_gets_a_concordance() {
    let (code, out) = lookup(&["graves conséquences"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("no match for \"graves conséquences\""),
        "{out}"
    );
    assert!(out.contains("[[graves conséquences]]"), "{out}");
    let (code, out) = lookup(&["graves conséquences", "--format", "json"]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["concordance"][0]["document"], "ipu-146");
    assert_eq!(v["concordance"][0]["id"], "19");
    let (code, out) = lookup(&["nulle part ailleurs"]);
    assert_eq!(code, Some(1), "{out}");
}
