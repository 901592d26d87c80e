//! Termbase formats end to end: golden TBX, round trips between every format, a
//! MultiTerm-style TBX v2 import, and bad input through `alinea terms`.

use std::path::{Path, PathBuf};

use alinea::termbase::{self, Format, Gender, Status, TermType, Termbase};
use alinea::Lang;
use assert_cmd::Command;
use predicates::prelude::*;

fn data(name: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("crates/alinea/tests/data/termbase")
        .join(name)
}

fn fixture() -> Termbase {
    termbase::read_file(&data("concepts.toml"))
        .unwrap()
        .termbase
}

fn alinea() -> Command {
    Command::cargo_bin("alinea").unwrap()
}

fn reread(tb: &Termbase, format: Format) -> Termbase {
    let text = termbase::to_string(tb, format).unwrap();
    termbase::read_str(&text, format, Path::new("x"))
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
        .termbase
}

#[test]
fn tbx_output_matches_the_golden_files() {
    let tb = fixture();
    let v3 = termbase::to_string(&tb, Format::TbxV3).unwrap();
    assert_eq!(v3, std::fs::read_to_string(data("concepts.tbx")).unwrap());
    assert!(v3.contains(
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"
    ));
    let v2 = termbase::to_string(&tb, Format::TbxV2).unwrap();
    assert_eq!(
        v2,
        std::fs::read_to_string(data("concepts.v2.tbx")).unwrap()
    );
    assert!(v2.contains("<martif type=\"TBX-Basic\""));
    let csv = termbase::to_string(&tb, Format::Csv).unwrap();
    assert_eq!(csv, std::fs::read_to_string(data("concepts.csv")).unwrap());
}

#[test]
fn every_lossless_format_round_trips_the_fixture() {
    let tb = fixture();
    for f in [Format::TbxV3, Format::TbxV2, Format::Toml, Format::Json] {
        assert_eq!(reread(&tb, f), tb, "{f:?}");
    }
}

#[test]
fn acronym_links_survive_tbx() {
    let tb = reread(&fixture(), Format::TbxV3);
    let ict = tb.concepts.iter().find(|c| c.id == "ict").unwrap();
    let tic = ict.terms.iter().find(|t| t.text == "TIC").unwrap();
    assert_eq!(tic.term_type, Some(TermType::Acronym));
    assert_eq!(
        tic.expands.as_deref(),
        Some("technologies de l'information et des communications")
    );
    let text = termbase::to_string(&fixture(), Format::TbxV3).unwrap();
    assert!(text.contains(
        "<ref type=\"crossReference\" target=\"ict-fr-1\">technologies de l&apos;information"
    ));
}

#[test]
fn csv_keeps_terms_statuses_types_and_definitions() {
    let tb = fixture();
    let back = reread(&tb, Format::Csv);
    let tsv = reread(&tb, Format::Tsv);
    assert_eq!(back, tsv);
    for (a, b) in tb.concepts.iter().zip(&back.concepts) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.subject, b.subject);
        assert_eq!(a.sources, b.sources);
        let key = |c: &alinea::termbase::Concept| {
            c.terms
                .iter()
                .map(|t| {
                    (
                        t.lang.clone(),
                        t.text.clone(),
                        t.status,
                        t.term_type,
                        t.pos,
                        t.gender,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(key(a), key(b));
        assert_eq!(a.definition(&Lang::En), b.definition(&Lang::En));
    }
}

#[test]
fn tsv_with_synonyms_and_generated_ids() {
    let tb = termbase::read_file(&data("synonyms.tsv")).unwrap().termbase;
    assert_eq!(tb.concepts.len(), 2);
    let ict = &tb.concepts[0];
    let fr: Vec<&str> = ict
        .terms
        .iter()
        .filter(|t| t.lang == Lang::Fr)
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(
        fr,
        ["TIC", "technologies de l’information et des communications"]
    );
    assert_eq!(ict.terms[0].status, Some(Status::Preferred));
    assert_eq!(
        tb.concepts[1].id, "cybercrime",
        "id made from the English term"
    );
    assert_eq!(tb.concepts[1].terms[0].status, None);
}

#[test]
fn multiterm_style_tbx_v2_imports() {
    let checked = termbase::read_file(&data("multiterm-v2.tbx")).unwrap();
    // The one data category alinea does not read is said, with its place.
    let w: Vec<String> = checked.warnings.iter().map(|d| d.to_string()).collect();
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].ends_with(
            "multiterm-v2.tbx:26:9: <admin type=\"customerSubset\"> in <termEntry> is not read \
             by alinea: left out [termbase/tbx-ignored]"
        ),
        "{w:?}"
    );
    let tb = checked.termbase;
    assert_eq!(tb.concepts.len(), 2);
    let c = &tb.concepts[0];
    assert_eq!(c.id, "c42");
    assert_eq!(c.subject.as_deref(), Some("Cybersecurity"));
    assert_eq!(c.transactions.len(), 2);
    assert_eq!(c.transactions[0].kind, "origination");
    assert_eq!(c.transactions[0].by.as_deref(), Some("jdupont"));
    assert_eq!(c.transactions[1].date.as_deref(), Some("2021-11-02"));
    assert_eq!(c.links[0].target, "https://www.first.org/");
    assert_eq!(c.links[0].label.as_deref(), Some("FIRST"));
    assert_eq!(c.notes, ["Checked against the ITU glossary."]);
    let fr = &c.languages[0];
    assert_eq!(fr.lang, Lang::Fr, "FR-FR read as fr");
    assert_eq!(fr.definition_source.as_deref(), Some("ITU-T X.1056"));
    assert_eq!(fr.notes.len(), 1);
    let full = &c.terms[0];
    assert_eq!(full.status, Some(Status::Preferred));
    assert_eq!(full.gender, Some(Gender::F));
    assert_eq!(
        full.context_source.as_deref(),
        Some("ecosoc-2019-19-cybercrime")
    );
    assert_eq!(full.transactions.len(), 1);
    let csirt = &c.terms[1];
    assert_eq!(csirt.text, "CSIRT");
    assert_eq!(
        csirt.expands.as_deref(),
        Some(full.text.as_str()),
        "ref to the tig id"
    );
    assert_eq!(csirt.status, Some(Status::Admitted));
    let en: Vec<_> = c.terms.iter().filter(|t| t.lang == Lang::En).collect();
    assert_eq!(en.len(), 2, "ntig/termGrp read");
    assert_eq!(en[0].source.as_deref(), Some("ITU-T X.1056"));
    assert_eq!(en[1].status, Some(Status::Superseded));
    assert_eq!(tb.concepts[1].terms[1].lang, Lang::Ar);
    // And what was imported goes out and back in both TBX versions unchanged.
    assert_eq!(reread(&tb, Format::TbxV3), tb);
    assert_eq!(reread(&tb, Format::TbxV2), tb);
}

#[test]
fn convert_writes_each_format_and_reads_it_back() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["out.tbx", "out.csv", "out.tsv", "out.json", "out.toml"] {
        let out = dir.path().join(name);
        alinea()
            .args(["terms", "convert"])
            .arg(data("concepts.toml"))
            .arg(&out)
            .assert()
            .success()
            .stdout(predicate::str::contains(
                "4 concepts, 19 terms (fr 7, en 8, ar 4)",
            ));
        alinea()
            .args(["terms", "check"])
            .arg(&out)
            .assert()
            .success()
            .stdout(predicate::str::contains("ok, 4 concepts, 19 terms"));
    }
    let v2 = dir.path().join("v2.tbx");
    alinea()
        .args(["terms", "convert", "--tbx-version", "2"])
        .arg(data("concepts.toml"))
        .arg(&v2)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&v2).unwrap().contains("<martif"));
    let back = dir.path().join("back.toml");
    alinea()
        .args(["terms", "convert"])
        .arg(&v2)
        .arg(&back)
        .assert()
        .success();
    let again = termbase::read_file(&back).unwrap().termbase;
    assert_eq!(again, fixture());
}

#[test]
fn stats_counts() {
    alinea()
        .args(["terms", "stats"])
        .arg(data("concepts.toml"))
        .assert()
        .success()
        .stdout(predicate::str::contains("concepts\t4\nterms\t19\n"))
        .stdout(predicate::str::contains("deprecated\t1\n"))
        .stdout(predicate::str::contains("acronyms and abbreviations\t4\n"));
}

fn fails(args: &[&str], file: &str, message: &str) {
    let mut cmd = alinea();
    cmd.args(args).arg(data(file));
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("out.tbx");
    if args.contains(&"convert") {
        cmd.arg(&target);
    }
    cmd.assert()
        .code(2)
        .stderr(predicate::str::starts_with("alinea: error: "))
        .stderr(predicate::str::contains(message))
        .stderr(predicate::str::contains("panicked").not());
    assert!(!target.exists(), "no output on error");
}

#[test]
fn bad_input_gives_one_clear_error_and_exit_2() {
    let check = &["terms", "check"];
    let convert = &["terms", "convert"];
    fails(check, "malformed.tbx", "malformed.tbx:7:42: malformed XML");
    fails(convert, "malformed.tbx", "expected `</term>`");
    fails(
        check,
        "billion-laughs.tbx",
        "billion-laughs.tbx:2:1: DOCTYPE with entity declarations is refused",
    );
    fails(
        convert,
        "external-entity.tbx",
        "external-entity.tbx:5:45: undefined entity &secret;",
    );
    fails(
        check,
        "unknown-lang.toml",
        "unknown-lang.toml:9:8: unknown language code \"xx\"",
    );
    fails(
        convert,
        "duplicate-ids.toml",
        "duplicate-ids.toml:8:1: duplicate concept id \"cybercrime\" (first at line 1)",
    );
    fails(
        check,
        "empty.toml",
        "empty.toml: empty termbase: no concept",
    );
    fails(
        check,
        "no-term.toml",
        "no-term.toml:1:1: concept \"cybercrime\" has no term",
    );
    fails(check, "nowhere.tbx", "nowhere.tbx");
}

#[test]
fn unknown_formats_and_versions_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    alinea()
        .args(["terms", "convert"])
        .arg(data("concepts.toml"))
        .arg(dir.path().join("out.docx"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown termbase format"));
    alinea()
        .args(["terms", "convert", "--tbx-version", "4"])
        .arg(data("concepts.toml"))
        .arg(dir.path().join("out.tbx"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown TBX version 4"));
}

#[test]
fn tbx_errors_inside_entries_name_the_place() {
    let bad = |body: &str| {
        let text = format!(
            "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n\
             <text><body>\n<conceptEntry id=\"a\">\n{body}\n</conceptEntry>\n</body></text></tbx>"
        );
        termbase::read_str(&text, Format::TbxV3, Path::new("t.tbx"))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        bad("<langSec xml:lang=\"zz\"><termSec><term>x</term></termSec></langSec>"),
        "t.tbx:4:1: unknown language code \"zz\" (expected an ISO 639 code such as fr, en, ar)"
    );
    assert!(bad("<langSec xml:lang=\"en\"><termSec><term>x</term><termNote type=\"administrativeStatus\">best</termNote></termSec></langSec>")
        .starts_with("t.tbx:4:47: unknown administrativeStatus \"best\""));
    assert!(
        bad("<langSec xml:lang=\"en\"><termSec></termSec></langSec>").contains("without a <term>")
    );
    let not_tbx = termbase::read_str("<html/>", Format::TbxV3, Path::new("t.tbx")).unwrap_err();
    assert!(not_tbx.to_string().contains("not a TBX file"), "{not_tbx}");
}

/// The committed glossary/alinea.tbx is what `alinea terms convert` makes of
/// glossary/concepts.toml.
#[test]
fn committed_glossary_tbx_is_up_to_date() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("glossary");
    let src = root.join("concepts.toml");
    if !src.exists() {
        eprintln!("skipped: glossary/concepts.toml does not exist yet");
        return;
    }
    let tb = termbase::read_file(&src).unwrap().termbase;
    let expected = termbase::to_string(&tb, Format::TbxV3).unwrap();
    let committed = std::fs::read_to_string(root.join("alinea.tbx")).unwrap_or_default();
    assert!(
        committed == expected,
        "glossary/alinea.tbx is stale: run `alinea terms convert glossary/concepts.toml glossary/alinea.tbx`"
    );
}

/// A termbase with a dangling link and a dangling expansion.
const DANGLING: &str = "[[concept]]\nid = \"x\"\nrelated = [\"nowhere\"]\n\n[[concept.term]]\nlang = \"en\"\ntext = \"ICT\"\nexpands = \"zzz\"\n";

#[test]
fn check_prints_warnings_as_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("w.toml");
    std::fs::write(&file, DANGLING).unwrap();
    alinea()
        .current_dir(dir.path())
        .args(["terms", "check", "w.toml"])
        .assert()
        .success()
        .stdout("w.toml: ok, 1 concepts, 1 terms (en 1), 2 warning(s)\n")
        .stderr(predicate::str::contains(
            "warning[termbase/dangling-link]: w.toml:1:1: concept \"x\": related concept \"nowhere\" does not exist",
        ))
        .stderr(predicate::str::contains(
            "warning[termbase/dangling-expansion]: w.toml:5:1: ",
        ));
    alinea()
        .current_dir(dir.path())
        .args(["--quiet", "terms", "check", "w.toml"])
        .assert()
        .success()
        .stderr("");
}
