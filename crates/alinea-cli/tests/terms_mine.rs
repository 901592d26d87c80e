//! `alinea terms extract` and `alinea terms build`: candidates from documents and TMX, the
//! JSON contract, the stopping threshold, bad input, and the merge with the glossary.

mod common;

use common::{alinea, assert_one_line_error, outcome};

const FR: &str = "Les éoliennes à axe horizontal produisent de l'énergie. Le rotor de l'éolienne \
tourne. Les pales du rotor sont longues. Une éolienne à axe horizontal a un rotor et des pales. \
Le rotor de l'éolienne porte trois pales. Les technologies de l'information et des \
communications (TIC) servent au réglage. Les TIC aident le rotor.\n\n\
La vitesse du vent fait tourner le rotor de l'éolienne. L'éolienne à axe horizontal est la \
plus courante.\n";

fn tmx(units: &[(&str, &str, &str)]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"paragraph\" o-tmf=\"t\" adminlang=\"en\" srclang=\"fr\" datatype=\"plaintext\"/><body>\n",
    );
    for (fr, en, ar) in units {
        s.push_str("<tu>");
        for (l, t) in [("fr", fr), ("en", en), ("ar", ar)] {
            if !t.is_empty() {
                s.push_str(&format!("<tuv xml:lang=\"{l}\"><seg>{t}</seg></tuv>"));
            }
        }
        s.push_str("</tu>\n");
    }
    s.push_str("</body></tmx>\n");
    s
}

/// Units where each term meets different words, so that association tells them apart.
fn varied() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut units = Vec::new();
    for _ in 0..2 {
        units.extend([
            (
                "La cybercriminalité progresse.",
                "Cybercrime is growing.",
                "الجريمة السيبرانية تتزايد.",
            ),
            (
                "Il faut combattre la cybercriminalité.",
                "Cybercrime must be fought.",
                "يجب مكافحة الجريمة السيبرانية.",
            ),
            (
                "La cybercriminalité coûte cher.",
                "Cybercrime is costly.",
                "الجريمة السيبرانية مكلفة.",
            ),
            (
                "Le Conseil de sécurité a adopté une résolution.",
                "The Security Council adopted a resolution.",
                "اعتمد مجلس الأمن قرارا.",
            ),
            (
                "Le Conseil de sécurité se réunit.",
                "The Security Council meets.",
                "يجتمع مجلس الأمن.",
            ),
            (
                "Le Conseil de sécurité progresse.",
                "The Security Council is growing.",
                "مجلس الأمن تتزايد.",
            ),
        ]);
    }
    units
}

#[test]
fn french_document_gives_ranked_candidates_with_forms_and_contexts() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("doc.txt");
    std::fs::write(&p, FR).unwrap();
    let (code, out, err) = outcome(alinea().args(["terms", "extract", "--lang", "fr"]).arg(&p));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let list = v.as_array().unwrap();
    let texts: Vec<&str> = list.iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"rotor"), "{texts:?}");
    assert!(!texts.contains(&"les"), "no function word");
    // Past the tool's own cut (a two-paragraph document says little about what is a term),
    // the longer candidates with their forms and contexts.
    let (code, out, err) = outcome(
        alinea()
            .args(["terms", "extract", "--lang", "fr", "--limit", "30"])
            .arg(&p),
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let list = v.as_array().unwrap();
    let texts: Vec<&str> = list.iter().map(|c| c["text"].as_str().unwrap()).collect();
    let axe = list
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .unwrap()
                .starts_with("éolienne à axe horizontal")
        })
        .unwrap_or_else(|| panic!("{texts:?}"));
    assert_eq!(axe["freq"], 3);
    assert_eq!(
        axe["forms"].as_array().unwrap().len(),
        2,
        "singular and plural"
    );
    assert_eq!(axe["contexts"][0]["doc"], "doc.txt");
    let tic = list
        .iter()
        .find(|c| c["text"] == "TIC")
        .expect("the acronym");
    assert_eq!(
        tic["expansion"],
        "technologies de l'information et des communications"
    );
    // The tool stops by itself; --limit overrides.
    let (_, out, _) = outcome(
        alinea()
            .args([
                "terms", "extract", "--lang", "fr", "--format", "tsv", "--limit", "3",
            ])
            .arg(&p),
    );
    assert_eq!(out.lines().count(), 4, "header and three rows: {out}");
}

#[test]
fn tmx_gives_equivalents_of_the_french_pivot() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("m.tmx");
    let units = varied();
    std::fs::write(&p, tmx(&units)).unwrap();
    let (code, out, err) = outcome(
        alinea()
            .args(["terms", "extract", "--no-glossary", "--limit", "50"])
            .arg(&p),
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let cs = v
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == "Conseil de sécurité")
        .expect("candidate");
    assert_eq!(cs["lang"], "fr");
    assert_eq!(cs["equivalents"]["en"][0]["text"], "Security Council");
    assert_eq!(cs["equivalents"]["ar"][0]["text"], "مجلس الأمن");
}

#[test]
fn bad_input_is_told() {
    let dir = tempfile::tempdir().unwrap();
    // One language: a warning, candidates without equivalents.
    let one = dir.path().join("one.tmx");
    std::fs::write(&one, tmx(&[("Le rotor tourne.", "", ""); 3])).unwrap();
    let (code, _, err) = outcome(alinea().args(["terms", "extract"]).arg(&one));
    assert_eq!(code, 0);
    assert!(err.contains("mine/one-language"), "{err}");
    // Empty: an error naming the file.
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    assert_one_line_error(
        outcome(
            alinea()
                .args(["terms", "extract", "--lang", "fr"])
                .arg(&empty),
        ),
        &empty,
        &["empty"],
    );
    // Mixed languages: the other one is left out, with a warning.
    let fr = dir.path().join("a.fr.txt");
    let en = dir.path().join("b.en.txt");
    std::fs::write(&fr, FR).unwrap();
    std::fs::write(&en, "The rotor turns.\n").unwrap();
    let (code, _, err) = outcome(alinea().args(["terms", "extract"]).arg(&fr).arg(&en));
    assert_eq!(code, 0);
    assert!(
        err.contains("mine/mixed-languages") && err.contains("b.en.txt"),
        "{err}"
    );
}

#[test]
fn build_merges_with_the_glossary_without_touching_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("aligned");
    std::fs::create_dir_all(&corpus).unwrap();
    let units = varied();
    std::fs::write(corpus.join("a.tmx"), tmx(&units)).unwrap();
    let out = dir.path().join("mined.tbx");
    let (code, stdout, err) = outcome(
        alinea()
            .args(["terms", "build", "--list", "--corpus"])
            .arg(&corpus)
            .arg("-o")
            .arg(&out),
    );
    assert_eq!(code, 0, "{err}");
    assert!(stdout.starts_with("cybercrime\t"), "{stdout}");
    assert!(err.contains("1 curated concepts found again"), "{err}");
    let tbx = std::fs::read_to_string(&out).unwrap();
    assert!(tbx.contains("cybercriminalité"));
    // An empty corpus is an error.
    let empty = dir.path().join("none");
    std::fs::create_dir_all(&empty).unwrap();
    assert_one_line_error(
        // (The glossary named: the note on the default one is not what is checked here.)
        outcome(
            alinea()
                .args([
                    "terms",
                    "build",
                    "--glossary",
                    "glossary/concepts.toml",
                    "--corpus",
                ])
                .arg(&empty),
        ),
        &empty,
        &["no .tmx file"],
    );
}
