//! `alinea lint` end to end: outputs (human golden file, the JSON contract, SARIF), exit
//! codes, baselines, fixes, inputs (lines, TMX, Word, XLIFF) and bad input.

mod common;

use std::path::Path;

use common::{alinea, assert_one_line_error, outcome};
use serde_json::Value;

const T: &str = "crates/alinea-cli/tests/lint";

fn lint(args: &[&str]) -> (i32, String, String) {
    let tb = format!("{T}/terms.toml");
    let mut c = alinea();
    c.args(["lint", "--termbase", &tb]).args(args);
    outcome(&mut c)
}

fn draft() -> Vec<String> {
    vec![
        "--source".into(),
        format!("{T}/draft.fr.txt"),
        format!("{T}/draft.en.txt"),
    ]
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn human_output_matches_the_golden_file() {
    let (code, out, _) = lint(&args(&draft()));
    assert_eq!(code, 1);
    let golden = std::fs::read_to_string(common::root().join(T).join("draft.en.human")).unwrap();
    assert_eq!(out, golden);
}

#[test]
fn json_follows_the_contract() {
    let mut a = draft();
    a.extend(["--format".into(), "json".into()]);
    let (code, out, _) = lint(&args(&a));
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    let f = v["findings"].as_array().unwrap();
    let rules: Vec<&str> = f.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(
        rules,
        [
            "term/deprecated",
            "term/missing-equivalent",
            "number/mismatch"
        ]
    );
    assert_eq!(f[0]["severity"], "error");
    assert_eq!(f[0]["path"], format!("{T}/draft.en.txt"));
    assert_eq!(
        (f[0]["line"].as_u64(), f[0]["column"].as_u64()),
        (Some(1), Some(5))
    );
    assert_eq!(
        (f[0]["end_line"].as_u64(), f[0]["end_column"].as_u64()),
        (Some(1), Some(19))
    );
    assert_eq!(f[0]["expected"][0], "Security Council");
    assert_eq!(f[0]["found"], "Safety Council");
    assert_eq!(f[0]["concept"], "security-council");
    assert_eq!(f[0]["source"]["path"], format!("{T}/draft.fr.txt"));
    assert_eq!(f[0]["source"]["line"], 1);
    assert_eq!(f[0]["fix"]["replacement"], "Security Council");
    assert_eq!(f[2]["found"], "47.1");
    assert_eq!(v["summary"]["errors"], 3);
    assert_eq!(v["summary"]["units"], 3);
}

#[test]
fn sarif_has_rules_regions_and_fixes() {
    let mut a = draft();
    a.extend(["--format".into(), "sarif".into()]);
    let (code, out, _) = lint(&args(&a));
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().all(|r| r["help"]["text"].is_string()));
    let r = &run["results"][0];
    assert_eq!(r["ruleId"], "term/deprecated");
    assert_eq!(
        r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        5
    );
    assert_eq!(
        r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "Security Council"
    );
    assert!(r["partialFingerprints"]["alinea/v1"].is_string());
}

#[test]
fn a_clean_draft_exits_0() {
    let (code, out, _) = lint(&[
        "--source",
        &format!("{T}/draft.fr.txt"),
        &format!("{T}/clean.en.txt"),
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
}

#[test]
fn a_baseline_accepts_known_findings() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.txt");
    let mut a = draft();
    a.extend(["--write-baseline".into(), base.display().to_string()]);
    assert_eq!(lint(&args(&a)).0, 1);
    let mut b = draft();
    b.extend(["--baseline".into(), base.display().to_string()]);
    let (code, out, _) = lint(&args(&b));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("(3 accepted by the baseline)"), "{out}");
}

#[test]
fn fix_replaces_deprecated_terms_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("memo.en.txt");
    std::fs::write(&f, "The Safety Council met.\n").unwrap();
    let (code, out, _) = lint(&["--fix", &f.display().to_string()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("replace « Safety Council » with « Security Council »"),
        "{out}"
    );
    assert!(out.contains("1 fix applied in 1 file"), "{out}");
    assert_eq!(
        std::fs::read_to_string(&f).unwrap(),
        "The Security Council met.\n"
    );
}

/// `--fix` never writes the text it reads from a Word file back into it: the file is left
/// byte for byte, the run says why, and the findings with fixes are still reported.
#[test]
fn fix_leaves_a_word_file_as_it_is_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("x.fr.docx");
    let original = std::fs::read(
        common::root().join("crates/alinea/tests/fixtures/docs/ipu-146-cybercrime.fr.docx"),
    )
    .unwrap();
    std::fs::write(&docx, &original).unwrap();
    let txt = dir.path().join("y.fr.txt");
    std::fs::write(&txt, "Il dit : oui.\n").unwrap();
    let (code, out, err) = lint(&[
        "--fix",
        &txt.display().to_string(),
        &docx.display().to_string(),
    ]);
    assert!(code < 2, "{err}");
    assert_eq!(std::fs::read(&docx).unwrap(), original);
    assert!(out.contains("1 fix applied in 1 file"), "{out}");
    assert!(out.contains("not fixed"), "{out}");
    assert!(
        out.contains("Word (.docx) file is read, not written"),
        "{out}"
    );
    assert!(out.contains("typography/fr-spacing"), "{out}");
    assert_eq!(
        std::fs::read_to_string(&txt).unwrap(),
        "Il dit\u{a0}: oui.\n"
    );
}

#[test]
fn fix_rewrites_tmx_segments_written_as_they_read() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("memo.tmx");
    let tu = |fr: &str, en: &str| {
        format!(
            "<tu><tuv xml:lang=\"fr\"><seg>{fr}</seg></tuv><tuv xml:lang=\"en\"><seg>{en}</seg></tuv></tu>\n"
        )
    };
    let before = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"fr\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" o-tmf=\"t\" creationtool=\"t\" creationtoolversion=\"1\"/><body>\n{}{}</body></tmx>\n",
        tu("Le Conseil de sécurité se réunit.", "The Safety Council meets."),
        tu("R&amp;D et Conseil de sécurité.", "R&amp;D and the Safety Council.")
    );
    std::fs::write(&f, &before).unwrap();
    let (code, out, _) = lint(&["--fix", &f.display().to_string()]);
    // The escaped segment is told, not rewritten: exit 1.
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("1 fix applied in 1 file"), "{out}");
    let after = std::fs::read_to_string(&f).unwrap();
    assert_eq!(
        after,
        before.replacen(
            "The Safety Council meets.",
            "The Security Council meets.",
            1
        )
    );
}

#[test]
fn findings_in_tmx_segments_with_entities_and_codes_point_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("memo.tmx");
    let line = "<tu><tuv xml:lang=\"fr\"><seg>R&amp;D et la note.</seg></tuv><tuv xml:lang=\"en\"><seg>R&amp;D <bpt i=\"1\">&lt;b&gt;</bpt>and<ept i=\"1\">&lt;/b&gt;</ept> the the note.</seg></tuv></tu>";
    let text = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"fr\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" o-tmf=\"t\" creationtool=\"t\" creationtoolversion=\"1\"/><body>\n{line}\n</body></tmx>\n"
    );
    std::fs::write(&f, &text).unwrap();
    let (_, out, _) = lint(&["--format", "json", &f.display().to_string()]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let doubled = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["rule"] == "typography/doubled-word")
        .unwrap_or_else(|| panic!("{out}"));
    // Columns in characters of the file's line 3, past the entity and the inline code.
    let at = line.find("the the").unwrap();
    assert_eq!(doubled["line"], 3);
    assert_eq!(doubled["column"], at as u64 + 1, "{out}");
    assert_eq!(
        doubled["end_column"],
        (at + "the the".len()) as u64 + 1,
        "{out}"
    );
}

#[test]
fn lines_and_tmx_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("l.en.txt");
    std::fs::write(&f, "Fine.\nThe Safety Council\nmet.\n").unwrap();
    let (code, out, _) = lint(&[
        "--input",
        "lines",
        "--format",
        "json",
        &f.display().to_string(),
    ]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["findings"][0]["line"], 2);
    assert_eq!(v["summary"]["units"], 3);

    let (code, out, _) = lint(&["--format", "json", &format!("{T}/pair.tmx")]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["term/deprecated", "number/mismatch"]);
    assert_eq!(v["findings"][0]["line"], 4);
    assert_eq!(v["findings"][1]["found"], "4");
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("draft.en.txt");
    std::fs::write(&bin, b"\x00\x01\x02binary\x00\xff\xfe\x00").unwrap();
    assert_one_line_error(lint(&[&bin.display().to_string()]), &bin, &[]);

    let missing = Path::new("no/such/termbase.tbx");
    let mut c = alinea();
    c.args([
        "lint",
        "--termbase",
        "no/such/termbase.tbx",
        &format!("{T}/clean.en.txt"),
    ]);
    assert_one_line_error(outcome(&mut c), missing, &[]);

    // The French draft given as the source of the English one, but declared Arabic.
    let src = format!("{T}/draft.fr.txt");
    assert_one_line_error(
        lint(&[
            "--source",
            &src,
            "--source-lang",
            "ar",
            &format!("{T}/clean.en.txt"),
        ]),
        Path::new(&src),
        &["ar", "fr"],
    );
    // The source in the draft's own language.
    assert_one_line_error(
        lint(&[
            "--source",
            &format!("{T}/clean.en.txt"),
            &format!("{T}/draft.en.txt"),
        ]),
        Path::new(&format!("{T}/clean.en.txt")),
        &["en"],
    );
}

/// (rule, message) of each finding of a JSON lint run, sorted; the message only for term and
/// number findings (a structure finding names a line, which differs between formats).
fn rules_and_messages(out: &str) -> Vec<(String, String)> {
    let v: Value = serde_json::from_str(out).unwrap();
    let mut got: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let rule = f["rule"].as_str().unwrap();
            let m = match rule.split('/').next() {
                Some("term" | "number") => f["message"].as_str().unwrap(),
                _ => "",
            };
            (rule.to_string(), m.to_string())
        })
        .collect();
    got.sort();
    got
}

/// A Word draft with its Word source is read through the document readers: it holds the
/// same units as the corpus text it was made from, so the linter finds the same things
/// (footnotes stand elsewhere: in the Word file each follows the paragraph citing it).
#[test]
fn word_documents_are_linted_like_the_text_they_hold() {
    let docs = "crates/alinea/tests/fixtures/docs";
    let run = glossary_lint;
    let (code_docx, docx, err) = run(
        &format!("{docs}/ipu-146-cybercrime.fr.docx"),
        &format!("{docs}/ipu-146-cybercrime.en.docx"),
    );
    assert!(code_docx < 2, "{err}");
    let (code_txt, txt, err) = run(
        "corpus/fr/ipu-146-cybercrime.txt",
        "corpus/en/ipu-146-cybercrime.txt",
    );
    assert!(code_txt < 2, "{err}");
    let (d, t) = (rules_and_messages(&docx), rules_and_messages(&txt));
    assert!(!d.is_empty());
    assert_eq!(d, t);
    // Each finding says where it stands in the Word files: a paragraph, a footnote.
    let v: Value = serde_json::from_str(&docx).unwrap();
    for f in v["findings"].as_array().unwrap() {
        let place = f["place"].as_str().unwrap_or("");
        assert!(
            place.starts_with("paragraph ") || place.starts_with("footnote "),
            "{f}"
        );
        let source = f["source"]["place"].as_str().unwrap_or("");
        assert!(
            source.starts_with("paragraph ") || source.starts_with("footnote "),
            "{f}"
        );
    }
    let v: Value = serde_json::from_str(&txt).unwrap();
    assert!(v["findings"][0]["place"].is_null());
}

/// An XLIFF file (1.2, and 2.x segment by segment) is a draft with its source: each
/// translated unit is checked against its source, the finding placed by the XLIFF unit; a
/// unit without a target is said; `--source` beside it is refused, and `--fix` leaves the
/// file as it is.
#[test]
fn xliff_drafts_are_checked_unit_by_unit_against_their_source() {
    let dir = tempfile::tempdir().unwrap();
    let v12 = dir.path().join("memo.xlf");
    std::fs::write(
        &v12,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="fr" target-language="en" datatype="plaintext" original="memo"><body>
<trans-unit id="a1"><source>Le Conseil de sécurité a adopté la résolution le 10 décembre 1976.</source>
<target>The <g id="1">Safety Council</g> adopted the resolution on 10 December 1976.</target></trans-unit>
<trans-unit id="a2"><source>La cybercriminalité touche 47,7 % des États.</source>
<target>Cybercrime affects 48.7 per cent of States.</target></trans-unit>
<trans-unit id="a3"><source>Le Conseil de sécurité se réunit.</source></trans-unit>
</body></file></xliff>
"#,
    )
    .unwrap();
    let v12s = v12.display().to_string();
    let (code, out, err) = lint(&["--format", "json", &v12s]);
    assert_eq!(code, 1, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let found: Vec<(String, String, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["place"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert!(
        found.contains(&("term/deprecated".into(), "unit a1".into(), 1)),
        "{found:?}"
    );
    assert!(
        found.contains(&("number/mismatch".into(), "unit a2".into(), 2)),
        "{found:?}"
    );
    assert!(found.iter().any(|f| f.0 == "xliff/no-target"), "{found:?}");
    assert_eq!(v["summary"]["units"], 2);
    // XLIFF 2: each segment.
    let v2 = dir.path().join("memo2.xlf");
    std::fs::write(
        &v2,
        r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en"><file id="f">
<unit id="u1"><segment id="s1"><source>Le Conseil de sécurité se réunit.</source><target>The Board meets.</target></segment>
<segment id="s2"><source>Il y a 3 points.</source><target>There are 3 items.</target></segment></unit>
</file></xliff>
"#,
    )
    .unwrap();
    let (code, out, err) = lint(&["--format", "json", &v2.display().to_string()]);
    assert_eq!(code, 1, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "term/missing-equivalent", "{out}");
    assert_eq!(f["place"], "unit u1, segment s1", "{out}");
    assert_eq!(f["source"]["place"], "unit u1, segment s1", "{out}");
    assert_eq!(v["findings"].as_array().unwrap().len(), 1, "{out}");
    // Its own source: no --source beside it.
    let src = format!("{T}/draft.fr.txt");
    assert_one_line_error(
        lint(&["--source", &src, &v12s]),
        &v12,
        &["XLIFF", "without --source"],
    );
    // Fixes are told, never written into the XLIFF file.
    let before = std::fs::read(&v12).unwrap();
    let (code, out, _) = lint(&["--fix", &v12s]);
    assert_eq!(code, 1);
    assert!(out.contains("not fixed"), "{out}");
    assert_eq!(std::fs::read(&v12).unwrap(), before);
}

/// `alinea lint --format json` of `draft` against the glossary with `source` as its source:
/// exit code, standard output and standard error.
fn glossary_lint(source: &str, draft: &str) -> (i32, String, String) {
    let mut c = alinea();
    c.args([
        "lint",
        "--format",
        "json",
        "--termbase",
        "glossary/concepts.toml",
        "--source",
        source,
        draft,
    ]);
    outcome(&mut c)
}

/// [`glossary_lint`]'s findings: their rules and lines.
fn glossary_findings(source: &str, draft: &str) -> Vec<(String, u64)> {
    let (code, out, err) = glossary_lint(source, draft);
    assert!(code < 2, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// A footnote standing inside a paragraph rejoined across a page break (ecosoc paragraph 6
/// and its note ² in the French) is its own unit: its numbers are not the paragraph's, so
/// the translation of the paragraph is not told they are missing.
#[test]
fn a_note_inside_a_rejoined_paragraph_is_not_part_of_its_source() {
    let found = glossary_findings(
        "corpus/fr/ecosoc-2019-19-cybercrime.txt",
        "corpus/en/ecosoc-2019-19-cybercrime.txt",
    );
    assert!(
        !found.iter().any(|(r, _)| r == "number/mismatch"),
        "{found:?}"
    );
}

/// Reservations the translations moved to the end (ipu-146: after the operative paragraphs
/// in English and Arabic, after the preamble in French) are paired with their source by
/// mark and numbers: no source unit without a translation, and a changed number in a moved
/// note is told.
#[test]
fn moved_notes_are_checked_against_their_source() {
    let source = "corpus/fr/ipu-146-cybercrime.txt";
    for lang in ["en", "ar"] {
        let found = glossary_findings(source, &format!("corpus/{lang}/ipu-146-cybercrime.txt"));
        assert!(
            !found.iter().any(|(r, _)| r == "structure/missing"),
            "{lang}: {found:?}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("ipu-146-cybercrime.en.txt");
    let text = std::fs::read_to_string(common::root().join("corpus/en/ipu-146-cybercrime.txt"))
        .unwrap()
        .replace(
            "reservations on paragraph 25.",
            "reservations on paragraph 24.",
        );
    std::fs::write(&draft, text).unwrap();
    let found = glossary_findings(source, draft.to_str().unwrap());
    assert!(
        found.contains(&("number/mismatch".to_string(), 112)),
        "{found:?}"
    );
}
