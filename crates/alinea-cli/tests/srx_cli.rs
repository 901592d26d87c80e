//! `--srx` and `--export-srx`: the built-in rules exported as SRX segment the corpus as the
//! built-in rules do; another SRX file changes the sentences of `segment` and `align`; a bad
//! SRX file is one error line naming its place, exit 2.

mod common;

use common::{alinea, assert_one_line_error, outcome};

const DOC: &str = "corpus/fr/ipu-146-cybercrime.txt";

fn sentences(extra: &[&str]) -> String {
    let mut c = alinea();
    c.args(["-q", "segment", "--unit", "sentence", "--lang", "fr"])
        .args(extra)
        .arg(DOC);
    let (code, out, err) = outcome(&mut c);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn exported_rules_segment_like_the_builtin_ones() {
    let dir = tempfile::tempdir().unwrap();
    let srx = dir.path().join("builtin.srx");
    let (code, _, err) = outcome(alinea().args(["segment", "--export-srx"]).arg(&srx));
    assert_eq!(code, 0, "{err}");
    let xml = std::fs::read_to_string(&srx).unwrap();
    assert!(xml.contains("<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">"));
    let builtin = sentences(&[]);
    assert!(builtin.lines().count() > 60);
    assert_eq!(sentences(&["--srx", srx.to_str().unwrap()]), builtin);
}

const BREAK_EVERY_DOT: &str = r#"<srx version="2.0"><header cascade="yes"/><body><languagerules>
<languagerule languagerulename="all"><rule break="yes"><beforebreak>\.</beforebreak>
<afterbreak>\s</afterbreak></rule></languagerule></languagerules><maprules>
<languagemap languagepattern=".*" languagerulename="all"/></maprules></body></srx>"#;

#[test]
fn another_srx_file_changes_the_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let srx = dir.path().join("dots.srx");
    std::fs::write(&srx, BREAK_EVERY_DOT).unwrap();
    let text = dir.path().join("t.fr.txt");
    std::fs::write(&text, "M. Dupont est arrivé. Il a parlé.\n").unwrap();
    let run = |extra: &[&str]| {
        let mut c = alinea();
        c.args(["-q", "segment", "--unit", "sentence", "--lang", "fr"])
            .args(extra)
            .arg(&text);
        outcome(&mut c).1.lines().count()
    };
    assert_eq!(run(&[]), 2);
    assert_eq!(run(&["--srx", srx.to_str().unwrap()]), 3);
    // align --unit sentence takes the rules too.
    let en = dir.path().join("t.en.txt");
    std::fs::write(&en, "Mr Dupont arrived. He spoke.\n").unwrap();
    let align = |extra: &[&str]| {
        let mut c = alinea();
        c.args(["-q", "align", "--unit", "sentence", "--format", "tsv"])
            .args(extra)
            .arg(&text)
            .arg(&en);
        let (code, out, err) = outcome(&mut c);
        assert_eq!(code, 0, "{err}");
        out
    };
    // Three French sentences (units 0, 1, 2) with the file, two without.
    let without = align(&[]);
    assert!(!without.contains("\t2\t"), "{without}");
    let with = align(&["--srx", srx.to_str().unwrap()]);
    assert!(with.contains("\t2\t"), "{with}");
}

#[test]
fn bad_srx_files_are_one_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "notxml.srx",
            "this is not XML <".to_string(),
            "notxml.srx:1:",
        ),
        (
            "norules.srx",
            BREAK_EVERY_DOT.replace(
                r#"<rule break="yes"><beforebreak>\.</beforebreak>
<afterbreak>\s</afterbreak></rule>"#,
                "",
            ),
            "no segmentation rule",
        ),
        (
            "badregex.srx",
            BREAK_EVERY_DOT.replace(r"<beforebreak>\.", r"<beforebreak>[\."),
            "badregex.srx:2:",
        ),
        (
            "lookaround.srx",
            BREAK_EVERY_DOT.replace(r"<afterbreak>\s", r"<afterbreak>(?=\s)"),
            "look-ahead",
        ),
    ];
    for (name, body, word) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, body).unwrap();
        let mut c = alinea();
        c.args(["segment", "--unit", "sentence", "--srx"])
            .arg(&path)
            .arg(DOC);
        assert_one_line_error(outcome(&mut c), &path, &[word]);
    }
}
