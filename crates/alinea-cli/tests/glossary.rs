//! The shipped glossary (glossary/concepts.toml) answers the reference queries from the
//! repository root, where `alinea lookup` finds it without `--termbase`, and the aligned corpus
//! gives bilingual concordance.

use assert_cmd::Command;
use serde_json::Value;

fn lookup(args: &[&str]) -> Value {
    let out = Command::cargo_bin("alinea")
        .unwrap()
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .arg("lookup")
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The concept of the best hit, and its preferred term in each language.
fn best(args: &[&str]) -> (String, Vec<(String, String)>) {
    let v = lookup(&[args, &["--limit", "1"]].concat());
    let c = &v["hits"][0]["concept"];
    let preferred = c["terms"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] == "preferred")
        .map(|t| {
            (
                t["lang"].as_str().unwrap().to_string(),
                t["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (c["id"].as_str().unwrap().to_string(), preferred)
}

fn has(terms: &[(String, String)], lang: &str, text: &str) -> bool {
    terms.iter().any(|(l, t)| l == lang && t == text)
}

#[test]
fn reference_queries_find_their_concepts_in_three_languages() {
    let (id, t) = best(&["cybercriminalité"]);
    assert_eq!(id, "cybercrime");
    assert!(
        has(&t, "en", "cybercrime") && has(&t, "ar", "الجريمة السيبرانية"),
        "{t:?}"
    );

    let (id, t) = best(&["TIC"]);
    assert!(
        has(&t, "en", "information and communications technologies"),
        "{id} {t:?}"
    );
    assert!(has(&t, "ar", "تكنولوجيا المعلومات والاتصالات"), "{t:?}");

    let (_, t) = best(&["CSIRT"]);
    assert!(
        has(
            &t,
            "fr",
            "équipe d'intervention en cas d'incident de sécurité informatique"
        ),
        "{t:?}"
    );

    let (id_en, _) = best(&["ICT", "--lang", "en"]);
    assert_eq!(id_en, id, "ICT and TIC are one concept");

    let (id, t) = best(&["الجريمة السيبرانية"]);
    assert_eq!(id, "cybercrime");
    assert!(has(&t, "fr", "cybercriminalité"), "{t:?}");
}

#[test]
fn deprecated_spellings_are_flagged() {
    let v = lookup(&["cyber-sécurité"]);
    let m = &v["hits"][0]["matched"];
    assert_eq!(m["status"], "deprecated", "{m}");
    assert_eq!(v["hits"][0]["concept"]["id"], "cybersecurity");
}

#[test]
fn misspelt_and_inflected_queries_reach_the_concept() {
    for q in [
        "cybercriminalite",
        "cybercriminaltié",
        "cyber crime",
        "cybercrimes",
    ] {
        let (id, _) = best(&[q]);
        assert_eq!(id, "cybercrime", "query {q:?}");
    }
}

#[test]
fn concordance_from_the_aligned_corpus() {
    let v = lookup(&[
        "CSIRT",
        "--limit",
        "3",
        "--tm",
        "aligned/ipu-146-cybercrime.tmx",
    ]);
    let text = v.to_string();
    assert!(
        text.contains("computer security incident response teams"),
        "{text}"
    );
    assert!(text.contains("أفرقة الاستجابة لحوادث أمن الحاسوب"), "{text}");
}

#[test]
fn the_built_in_glossary_answers_from_any_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("alinea")
        .unwrap()
        .current_dir(dir.path())
        .args(["lookup", "--format", "json", "--limit", "1", "CSIRT"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["hits"][0]["concept"]["id"], "csirt", "{v}");
}
