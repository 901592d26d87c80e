//! `alinea lookup` end to end, against the test glossary in tests/data/termbase.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn glossary() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("crates/alinea/tests/data/termbase/concepts.toml")
}

fn lookup(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("alinea")
        .unwrap()
        .arg("lookup")
        .arg("--termbase")
        .arg(glossary())
        .args(args)
        .assert()
}

/// The first hit as JSON.
fn first_hit(args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = lookup(&all).success().get_output().stdout.clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    v["hits"][0].clone()
}

fn terms(hit: &Value, lang: &str) -> Vec<(String, String)> {
    hit["concept"]["terms"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["lang"] == lang)
        .map(|t| {
            (
                t["text"].as_str().unwrap().to_string(),
                t["status"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn pair(text: &str, status: &str) -> (String, String) {
    (text.to_string(), status.to_string())
}

#[test]
fn cybercriminalite_returns_the_concept_in_three_languages() {
    let hit = first_hit(&["cybercriminalité"]);
    assert_eq!(hit["class"], "exact");
    assert_eq!(hit["concept"]["id"], "cybercrime");
    assert_eq!(
        terms(&hit, "fr"),
        [
            pair("cybercriminalité", "preferred"),
            pair("criminalité informatique", "admitted")
        ]
    );
    assert_eq!(
        terms(&hit, "en"),
        [
            pair("cybercrime", "preferred"),
            pair("computer crime", "deprecated")
        ]
    );
    assert_eq!(terms(&hit, "ar"), [pair("الجريمة السيبرانية", "preferred")]);
    assert!(hit["concept"]["languages"][0]["definition"]
        .as_str()
        .unwrap()
        .starts_with("Infractions"));
}

#[test]
fn tic_returns_ict_with_its_full_form() {
    let hit = first_hit(&["TIC"]);
    assert_eq!(hit["concept"]["id"], "ict");
    assert_eq!(hit["class"], "exact");
    assert_eq!(hit["matched"]["type"], "acronym");
    assert_eq!(
        hit["matched"]["expands"],
        "technologies de l'information et des communications"
    );
    assert_eq!(terms(&hit, "en").len(), 2);
    assert_eq!(terms(&hit, "ar").len(), 1);
    lookup(&["TIC"]).success().stdout(predicate::str::contains(
        "TIC · preferred · acronym of \"technologies de l'information et des communications\"",
    ));
}

#[test]
fn csirt_returns_the_team_concept() {
    let hit = first_hit(&["CSIRT"]);
    assert_eq!(hit["concept"]["id"], "csirt");
    assert_eq!(
        terms(&hit, "fr")[0],
        pair(
            "équipe d'intervention en cas d'incident de sécurité informatique",
            "preferred"
        )
    );
    assert_eq!(terms(&hit, "ar").len(), 1);
    lookup(&["CSIRT"])
        .success()
        .stdout(predicate::str::starts_with(
            "csirt  (exact match 1.00: fr \"CSIRT\")",
        ))
        .stdout(predicate::str::contains("abbreviated CSIRT"));
}

#[test]
fn ict_in_english() {
    let hit = first_hit(&["ICT", "--lang", "en"]);
    assert_eq!(hit["concept"]["id"], "ict");
    assert_eq!(hit["matched"]["lang"], "en");
    assert_eq!(hit["class"], "exact");
    assert_eq!(terms(&hit, "fr").len(), 2);
    // Restricted to Arabic, the Latin acronym matches nothing.
    lookup(&["ICT", "--lang", "ar"])
        .code(1)
        .stdout(predicate::str::contains("no match for \"ICT\""));
}

#[test]
fn arabic_query() {
    let hit = first_hit(&["الجريمة السيبرانية"]);
    assert_eq!(hit["concept"]["id"], "cybercrime");
    assert_eq!(hit["class"], "exact");
    assert_eq!(terms(&hit, "fr")[0], pair("cybercriminalité", "preferred"));
    // Diacritics, tatweel, ta marbuta as ha, a conjunction and a preposition on the article.
    for q in [
        "الجَرِيمَة السيبرانـية",
        "الجريمه السيبرانيه",
        "والجريمة السيبرانية",
        "بالجريمة السيبرانية",
    ] {
        let hit = first_hit(&[q]);
        assert_eq!(hit["concept"]["id"], "cybercrime", "{q}");
        assert_eq!(hit["class"], "normalised", "{q}");
    }
}

#[test]
fn normalised_stemmed_fuzzy_and_prefix_classes() {
    let cases = [
        ("cybercriminalite", "cybercrime", "normalised"),
        ("CYBERCRIMINALITÉ", "cybercrime", "normalised"),
        (
            "equipe d’intervention en cas d’incident de securite informatique",
            "csirt",
            "normalised",
        ),
        ("cybercrimes", "cybercrime", "stemmed"),
        (
            "équipes d'intervention en cas d'incidents de sécurité informatique",
            "csirt",
            "stemmed",
        ),
        (
            "computer security incident response teams",
            "csirt",
            "stemmed",
        ),
        ("cybercriminaltié", "cybercrime", "fuzzy"),
        ("cyber crime", "cybercrime", "fuzzy"),
        ("cybersecurty", "cybersecurity", "fuzzy"),
        ("cybersécu", "cybersecurity", "prefix"),
    ];
    for (q, id, class) in cases {
        let hit = first_hit(&[q]);
        assert_eq!(hit["concept"]["id"], id, "{q}");
        assert_eq!(hit["class"], class, "{q}");
    }
    lookup(&["cybercriminaltié"])
        .success()
        .stdout(predicate::str::contains(
            "(fuzzy match 0.73, distance 1: fr \"cybercriminalité\")",
        ));
}

#[test]
fn hits_are_ranked_and_limited() {
    let out = lookup(&["--format", "json", "cyber"])
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h["class"] == "prefix"));
    assert!(hits[0]["score"].as_f64() >= hits[1]["score"].as_f64());
    let out = lookup(&["--format", "json", "--limit", "1", "cyber"])
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["hits"].as_array().unwrap().len(), 1);
}

#[test]
fn batch_reads_queries_from_stdin() {
    let out = Command::cargo_bin("alinea")
        .unwrap()
        .args(["lookup", "--batch", "--format", "json", "--termbase"])
        .arg(glossary())
        .write_stdin("TIC\n\nnothing-like-it\nالأمن السيبراني\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines: Vec<Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "blank lines skipped");
    assert_eq!(lines[0]["query"], "TIC");
    assert_eq!(lines[0]["hits"][0]["concept"]["id"], "ict");
    assert_eq!(lines[1]["hits"].as_array().unwrap().len(), 0);
    assert_eq!(lines[2]["hits"][0]["concept"]["id"], "cybersecurity");
    Command::cargo_bin("alinea")
        .unwrap()
        .args(["lookup", "--batch", "--termbase"])
        .arg(glossary())
        .write_stdin("CSIRT\n")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("## CSIRT\ncsirt  (exact match"));
}

#[test]
fn several_termbases_and_formats() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("crates/alinea/tests/data/termbase");
    Command::cargo_bin("alinea")
        .unwrap()
        .args(["lookup", "--termbase"])
        .arg(dir.join("multiterm-v2.tbx"))
        .arg("--termbase")
        .arg(dir.join("synonyms.tsv"))
        .args(["--format", "json", "CERT"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"id\": \"c42\""))
        .stdout(predicate::str::contains("\"status\": \"superseded\""));
}

#[test]
fn default_termbase_is_the_glossary_of_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("glossary")).unwrap();
    std::fs::copy(glossary(), dir.path().join("glossary/concepts.toml")).unwrap();
    Command::cargo_bin("alinea")
        .unwrap()
        .current_dir(dir.path())
        .args(["lookup", "cybersecurity"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("cybersecurity  (exact match"));
}

#[test]
fn errors_exit_2() {
    lookup(&["--lang", "klingon", "x"])
        .code(2)
        .stderr(predicate::str::contains(
            "--lang: unknown language code \"klingon\"",
        ));
    Command::cargo_bin("alinea")
        .unwrap()
        .args(["lookup", "--termbase"])
        .arg(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
                .join("crates/alinea/tests/data/termbase/malformed.tbx"),
        )
        .arg("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "malformed.tbx:7:42: malformed XML",
        ));
    Command::cargo_bin("alinea")
        .unwrap()
        .arg("lookup")
        .assert()
        .code(2);
}

/// The first hit of `query` in the shipped glossary, as (class, score, concept id, term).
fn shipped(query: &str) -> (String, f64, String, String) {
    let out = Command::cargo_bin("alinea")
        .unwrap()
        .arg("lookup")
        .arg("--termbase")
        .arg(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("glossary/concepts.toml"),
        )
        .args(["--format", "json", query])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let h = &v["hits"][0];
    (
        h["class"].as_str().unwrap().to_string(),
        h["score"].as_f64().unwrap(),
        h["concept"]["id"].as_str().unwrap().to_string(),
        h["matched"]["text"].as_str().unwrap().to_string(),
    )
}

fn hit(class: &str, score: f64, id: &str, term: &str) -> (String, f64, String, String) {
    (class.into(), score, id.into(), term.into())
}

#[test]
fn a_leading_article_is_not_part_of_the_term() {
    assert_eq!(
        shipped("la cybercriminalité"),
        hit("normalised", 0.85, "cybercrime", "cybercriminalité")
    );
    assert_eq!(
        shipped("les États Membres"),
        hit("stemmed", 0.75, "member-state", "État Membre")
    );
    assert_eq!(
        shipped("the cybercrime"),
        hit("normalised", 0.85, "cybercrime", "cybercrime")
    );
    assert_eq!(
        shipped("l’Union interparlementaire"),
        hit("normalised", 0.85, "ipu", "Union interparlementaire")
    );
    lookup(&["--lang", "de", "la cybercriminalité"])
        .code(1)
        .stdout(predicate::str::contains("no match"));
}

#[test]
fn arabic_plurals_match_by_root() {
    assert_eq!(
        shipped("الجرائم السيبرانية"),
        hit("root", 0.7, "cybercrime", "الجريمة السيبرانية")
    );
    assert_eq!(
        shipped("جرائم سيبرانية"),
        hit("root", 0.7, "cybercrime", "الجريمة السيبرانية")
    );
    assert_eq!(
        shipped("فرق الاستجابة لحوادث أمن الحاسوب"),
        hit("root", 0.7, "csirt", "فريق الاستجابة لحوادث أمن الحاسوب")
    );
    assert_eq!(
        shipped("الهجمات السيبرانية"),
        hit("root", 0.7, "cyberattack", "الهجوم السيبراني")
    );
    assert_eq!(
        shipped("الدول الأعضاء"),
        hit("root", 0.7, "member-state", "الدولة العضو")
    );
    Command::cargo_bin("alinea")
        .unwrap()
        .arg("lookup")
        .arg("--termbase")
        .arg(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("glossary/concepts.toml"),
        )
        .arg("الجرائم السيبرانية")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "cybercrime  (root match 0.70: ar \"الجريمة السيبرانية\")",
        ));
}

#[test]
fn arabic_plural_prefix_finds_the_longer_terms() {
    let out = Command::cargo_bin("alinea")
        .unwrap()
        .arg("lookup")
        .arg("--termbase")
        .arg(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("glossary/concepts.toml"),
        )
        .args(["--format", "json", "فرق الاستجابة"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let mut ids: Vec<&str> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            assert_eq!(h["class"], "prefix");
            h["concept"]["id"].as_str().unwrap()
        })
        .collect();
    ids.sort();
    assert_eq!(ids, ["cert", "csirt"]);
}

#[test]
fn the_same_termbase_twice_gives_each_hit_once() {
    let out = Command::cargo_bin("alinea")
        .unwrap()
        .args(["lookup", "--format", "json", "--termbase"])
        .arg(glossary())
        .arg("--termbase")
        .arg(glossary())
        .arg("cyber")
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["concept"]["id"].as_str().unwrap())
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert!(!ids.is_empty());
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("note[termbase/duplicate-file]: ")
            && stderr.contains("given twice; read once"),
        "{stderr}"
    );
}

#[test]
fn a_concept_id_in_two_termbases_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.toml");
    std::fs::copy(glossary(), &copy).unwrap();
    Command::cargo_bin("alinea")
        .unwrap()
        .args(["lookup", "--termbase"])
        .arg(glossary())
        .arg("--termbase")
        .arg(&copy)
        .arg("CSIRT")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(format!(
            "alinea: error: {}: concept id \"cybercrime\" is also defined in {}",
            copy.display(),
            glossary().display()
        )));
}

#[test]
fn limit_0_and_an_empty_query_are_usage_errors() {
    let one_line = |s: &[u8]| s.iter().filter(|&&b| b == b'\n').count() == 1;
    for args in [&["--limit", "0", "CSIRT"][..], &[""], &["   "]] {
        let out = lookup(args).code(2).stdout("").get_output().clone();
        assert!(one_line(&out.stderr), "{args:?}: {:?}", out.stderr);
        assert!(
            out.stderr.starts_with(b"alinea: error: "),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    lookup(&["--limit", "0", "CSIRT"]).stderr(predicate::str::contains("--limit"));
    lookup(&[""]).stderr(predicate::str::contains("empty query"));
    // In a batch, empty and blank lines are skipped.
    Command::cargo_bin("alinea")
        .unwrap()
        .args(["lookup", "--batch", "--termbase"])
        .arg(glossary())
        .write_stdin("\n   \nCSIRT\n\n")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("## CSIRT\n"))
        .stdout(predicate::str::contains("## ").count(1));
}

#[test]
fn an_unknown_termbase_extension_is_a_usage_error() {
    Command::cargo_bin("alinea")
        .unwrap()
        .args(["lookup", "--termbase", "terms.docx", "x"])
        .assert()
        .code(2)
        .stderr(
            "alinea: error: terms.docx: unknown termbase format (expected a .toml, .tbx, .csv, .tsv or .json file)\n",
        );
}
