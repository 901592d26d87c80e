//! `alinea align` from the command line: formats, options, and bad input (clear message,
//! exit 2, no panic, no output file left behind).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn data(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("crates/alinea/tests/data/tmx")
        .join(name)
}

fn alinea() -> Command {
    let mut c = Command::cargo_bin("alinea").unwrap();
    c.env("SOURCE_DATE_EPOCH", "1700000000");
    c
}

fn fr() -> PathBuf {
    data("resolution.fr.txt")
}
fn en() -> PathBuf {
    data("resolution.en.txt")
}
fn ar() -> PathBuf {
    data("resolution.ar.txt")
}

fn run_ok(args: &[&str], files: &[&Path]) -> (String, String) {
    let out = alinea()
        .arg("align")
        .args(args)
        .args(files)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    (String::from_utf8(out.stdout).unwrap(), err)
}

fn run_err(args: &[&str], files: &[&Path]) -> String {
    let out = alinea()
        .arg("align")
        .args(args)
        .args(files)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.starts_with("alinea: error: ") || err.starts_with("error: "),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    err
}

/// Parse a beads line: `[0, 1]:[2]:0.5000`.
fn parse_bead(line: &str) -> (Vec<usize>, Vec<usize>, f64) {
    let parts: Vec<&str> = line.split(':').collect();
    assert_eq!(parts.len(), 3, "{line}");
    let ids = |p: &str| -> Vec<usize> {
        let inner = p
            .strip_prefix('[')
            .and_then(|p| p.strip_suffix(']'))
            .unwrap();
        inner
            .split(", ")
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect()
    };
    (ids(parts[0]), ids(parts[1]), parts[2].parse().unwrap())
}

#[test]
fn beads_cover_every_unit_once_in_order() {
    let (out, _) = run_ok(&["--input", "lines", "--format", "beads"], &[&fr(), &ar()]);
    let beads: Vec<_> = out.lines().map(parse_bead).collect();
    let src: Vec<usize> = beads.iter().flat_map(|b| b.0.clone()).collect();
    let tgt: Vec<usize> = beads.iter().flat_map(|b| b.1.clone()).collect();
    assert_eq!(src, (0..5).collect::<Vec<_>>());
    assert_eq!(tgt, (0..5).collect::<Vec<_>>());
    assert!(beads.iter().all(|b| (0.0..=1.0).contains(&b.2)));
}

/// A page number between the two halves of a sentence (a page break in one version only):
/// the two halves are one bead, the page number a bead of its own; in the TMX the halves make
/// one unit.
#[test]
fn a_page_number_inside_a_sentence_is_a_bead_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.fr.txt");
    let e = dir.path().join("a.en.txt");
    std::fs::write(
        &f,
        "Le Conseil a examiné le rapport annuel du Comité sur la sécurité alimentaire en 2019.\n\
         L'une d'elles concerne la réforme de la gouvernance, sur laquelle le Conseil n'avait pas encore pris de décision en 2012, et elle est en cours.\n\
         La séance est levée à 13 heures.\n",
    )
    .unwrap();
    std::fs::write(
        &e,
        "The Council considered the annual report of the Committee on food security in 2019.\n\
         One of these is governance reform, on which the Council had not reached\n\
         26/47\n\
         a decision in 2012, and it is under way.\n\
         The meeting rose at 1 p.m.\n",
    )
    .unwrap();
    let (out, _) = run_ok(
        &["--input", "lines", "--format", "beads"],
        &[f.as_path(), e.as_path()],
    );
    let beads: Vec<(Vec<usize>, Vec<usize>)> =
        out.lines().map(parse_bead).map(|b| (b.0, b.1)).collect();
    assert_eq!(
        beads,
        [
            (vec![0], vec![0]),
            (vec![1], vec![1, 3]),
            (vec![], vec![2]),
            (vec![2], vec![4]),
        ]
    );
    let (tmx, _) = run_ok(
        &["--input", "lines", "--format", "tmx"],
        &[f.as_path(), e.as_path()],
    );
    assert!(
        tmx.contains("<seg>One of these is governance reform, on which the Council had not reached a decision in 2012, and it is under way.</seg>"),
        "{tmx}"
    );
    assert!(!tmx.contains("26/47"), "{tmx}");
}

#[test]
fn beads_need_two_files() {
    let e = run_err(&["--format", "beads"], &[&fr(), &en(), &ar()]);
    assert!(e.contains("two documents"), "{e}");
}

#[test]
fn format_follows_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (ext, probe) in [
        ("beads", "[0]:[0]:"),
        ("tsv", "score\tfr_units\ten_units\tfr\ten\n"),
        ("json", "\"beads\": ["),
        ("html", "<!DOCTYPE html>"),
        ("tmx", "<tmx version=\"1.4\">"),
    ] {
        let out = dir.path().join(format!("r.{ext}"));
        let (stdout, _) = run_ok(
            &["--input", "lines", "-o", out.to_str().unwrap()],
            &[&fr(), &en()],
        );
        assert!(stdout.is_empty());
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains(probe), "{ext}: {text}");
    }
}

#[test]
fn json_holds_units_beads_and_confidences() {
    let (out, _) = run_ok(
        &["--input", "lines", "--format", "json"],
        &[&fr(), &en(), &ar()],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["document"], "resolution");
    assert_eq!(v["documents"][2]["lang"], "ar");
    assert_eq!(v["documents"][0]["units"].as_array().unwrap().len(), 5);
    let beads = v["beads"].as_array().unwrap();
    assert!(!beads.is_empty());
    for b in beads {
        assert!(b["fr"].is_array() && b["en"].is_array() && b["ar"].is_array());
        assert!(b["score"].as_f64().unwrap() <= 1.0);
    }
}

#[test]
fn html_page_is_escaped_and_marks_arabic_rtl() {
    let (out, _) = run_ok(
        &["--input", "lines", "--format", "html"],
        &[&fr(), &en(), &ar()],
    );
    assert!(out.contains("<td lang=\"ar\" dir=\"rtl\">"));
    assert!(out.contains("<td lang=\"en\">"));
    assert!(out.contains("&lt;sic&gt;"), "English text escaped");
    assert!(!out.contains("<sic>"));
    // Self-contained: the editor's script and its data are inline, nothing is fetched.
    assert!(out.contains("<script type=\"application/json\" id=\"alinea-data\">"));
    assert!(
        !out.contains(" src=") && !out.contains(" href="),
        "self-contained"
    );
    assert!(!out.contains("http"), "self-contained");
}

#[test]
fn tsv_has_a_row_per_unit() {
    let (out, _) = run_ok(
        &["--input", "lines", "--format", "tsv"],
        &[&fr(), &en(), &ar()],
    );
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("score\tfr_units\ten_units\tar_units\tfr\ten\tar")
    );
    for l in lines {
        assert_eq!(l.split('\t').count(), 7, "{l}");
    }
}

#[test]
fn sentence_units_split_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("f.txt");
    let e = dir.path().join("e.txt");
    std::fs::write(
        &f,
        "Première phrase. Deuxième phrase.\n\nTroisième phrase.\n",
    )
    .unwrap();
    std::fs::write(&e, "First sentence. Second sentence.\n\nThird sentence.\n").unwrap();
    let (out, _) = run_ok(&["--unit", "sentence", "--format", "beads"], &[&f, &e]);
    assert_eq!(out.lines().count(), 3, "{out}");
    let (tmx, _) = run_ok(&["--unit", "sentence"], &[&f, &e]);
    assert!(tmx.contains("segtype=\"sentence\""));
    assert!(tmx.contains("<seg>Second sentence.</seg>"), "{tmx}");
}

#[test]
fn other_languages_and_locales() {
    let dir = tempfile::tempdir().unwrap();
    let de = dir.path().join("de.txt");
    std::fs::write(
        &de,
        "Die Versammlung der Union.\nSie verurteilt alle Formen.\n",
    )
    .unwrap();
    let f = dir.path().join("f.txt");
    std::fs::write(
        &f,
        "L'Assemblée de l'Union.\nElle condamne toutes les formes.\n",
    )
    .unwrap();
    let (tmx, _) = run_ok(&["--langs", "de,fr", "--input", "lines"], &[&de, &f]);
    assert!(tmx.contains("srclang=\"de\""));
    assert!(tmx.contains("<tuv xml:lang=\"de\">"));
    assert!(tmx.contains("<tuv xml:lang=\"fr-FR\">"));
    let (tmx, _) = run_ok(
        &[
            "--langs",
            "de,fr",
            "--input",
            "lines",
            "--locale",
            "de=de-CH,fr=fr-BE",
        ],
        &[&de, &f],
    );
    assert!(tmx.contains("srclang=\"de-CH\""));
    assert!(tmx.contains("<tuv xml:lang=\"fr-BE\">"));
    let e = run_err(&["--locale", "fr=en-GB"], &[&fr(), &en()]);
    assert!(e.contains("--locale"), "{e}");
    let e = run_err(&["--langs", "fr"], &[&fr(), &en()]);
    assert!(e.contains("--langs"), "{e}");
    let e = run_err(&["--langs", "fr,zz9"], &[&fr(), &en()]);
    assert!(e.contains("zz9"), "{e}");
}

#[test]
fn pairs_writes_bilingual_files_next_to_out() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("res.tmx");
    run_ok(
        &["--input", "lines", "--pairs", "-o", out.to_str().unwrap()],
        &[&fr(), &en(), &ar()],
    );
    let main = std::fs::read_to_string(&out).unwrap();
    let fr_en = std::fs::read_to_string(dir.path().join("res.fr-en.tmx")).unwrap();
    let fr_ar = std::fs::read_to_string(dir.path().join("res.fr-ar.tmx")).unwrap();
    assert_eq!(main.matches("<tuv ").count(), 15);
    assert_eq!(fr_en.matches("<tuv xml:lang=\"en-GB\">").count(), 5);
    assert!(!fr_en.contains("xml:lang=\"ar\""));
    assert!(!fr_ar.contains("en-GB"));
    assert!(fr_ar.contains("<prop type=\"x-units\">fr:0 ar:0</prop>"));
    let e = run_err(&["--pairs"], &[&fr(), &en()]);
    assert!(e.contains("-o"), "{e}");
    let e = run_err(
        &["--pairs", "--format", "json", "-o", "x.json"],
        &[&fr(), &en()],
    );
    assert!(e.contains("TMX"), "{e}");
}

#[test]
fn unaligned_units_only_with_keep_unaligned() {
    let dir = tempfile::tempdir().unwrap();
    let short = dir.path().join("short.txt");
    let full = std::fs::read_to_string(en()).unwrap();
    let lines: Vec<&str> = full.lines().collect();
    std::fs::write(&short, lines[..4].join("\n")).unwrap();
    let (tmx, _) = run_ok(&["--input", "lines", "--langs", "fr,en"], &[&fr(), &short]);
    let with = tmx.matches("<tu ").count();
    let (tmx_keep, _) = run_ok(
        &["--input", "lines", "--langs", "fr,en", "--keep-unaligned"],
        &[&fr(), &short],
    );
    // Whether the aligner leaves the fifth French line alone or joins it to the fourth English
    // one, every unit written by default holds both languages, and the kept file holds every
    // French line.
    assert!(tmx_keep.matches("<tu ").count() >= with);
    assert_eq!(tmx.matches("<tuv ").count(), 2 * with);
    // Every French unit is in the kept file.
    for l in std::fs::read_to_string(fr()).unwrap().lines() {
        let first_words: String = l.chars().take(12).collect();
        let escaped = first_words.replace('&', "&amp;");
        assert!(tmx_keep.contains(&escaped), "{l}");
    }
}

#[test]
fn output_is_byte_deterministic() {
    let a = run_ok(&["--input", "lines"], &[&fr(), &en(), &ar()]).0;
    let b = run_ok(&["--input", "lines"], &[&fr(), &en(), &ar()]).0;
    assert_eq!(a, b);
    assert!(a.contains("creationdate=\"20231114T221320Z\""));
    // Without SOURCE_DATE_EPOCH the optional date is left out (not the time of the run).
    let undated = alinea()
        .env_remove("SOURCE_DATE_EPOCH")
        .args(["align", "--input", "lines"])
        .args([fr(), en()])
        .output()
        .unwrap();
    assert!(undated.status.success());
    let undated = String::from_utf8(undated.stdout).unwrap();
    assert!(
        undated.contains("<header ") && !undated.contains("creationdate"),
        "{undated}"
    );
    let out = alinea()
        .env("SOURCE_DATE_EPOCH", "soon")
        .args(["align"])
        .args([fr(), en()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SOURCE_DATE_EPOCH"));
}

#[test]
fn control_characters_do_not_break_the_tmx() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("f.txt");
    let e = dir.path().join("e.txt");
    // U+FFFF is valid UTF-8 and passes the reader, but XML 1.0 forbids it.
    std::fs::write(&f, "Un\u{FFFF} texte.\nDeux.\n").unwrap();
    std::fs::write(&e, "A text.\nTwo.\n").unwrap();
    let (tmx, err) = run_ok(&["--input", "lines"], &[&f, &e]);
    assert!(!tmx.contains('\u{FFFF}'));
    assert!(
        err.contains("warning[tmx/removed-chars]: 1 characters XML 1.0 does not allow"),
        "{err}"
    );
    let tus = alinea::tmx::read_bytes(
        tmx.as_bytes(),
        Path::new("out.tmx"),
        alinea::tmx::ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(tus.len(), 2);
}

#[test]
fn bad_input_is_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let blank = dir.path().join("blank.txt");
    std::fs::write(&blank, "\n \n\n").unwrap();
    let binary = dir.path().join("bin.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150]).unwrap();
    let missing = dir.path().join("missing.txt");

    for bad in [&empty, &blank, &binary, &missing] {
        let e = run_err(&[], &[&fr(), bad]);
        assert!(
            e.contains(bad.file_name().unwrap().to_str().unwrap()),
            "{e}"
        );
    }
    let e = run_err(&[], &[&fr(), dir.path()]);
    assert!(e.contains("directory"), "{e}");

    // An output folder that does not exist: error, nothing written.
    let out = dir.path().join("nope").join("out.tmx");
    let e = run_err(&["-o", out.to_str().unwrap()], &[&fr(), &en()]);
    assert!(e.contains("does not exist"), "{e}");
    assert!(!out.exists());

    // A failure leaves no half-written output, and an existing output untouched.
    let out = dir.path().join("out.tmx");
    std::fs::write(&out, "previous").unwrap();
    run_err(&["-o", out.to_str().unwrap()], &[&fr(), &empty]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous");
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 4, "no temporary file left");

    // One file that is not XLIFF: nothing to align it with.
    alinea()
        .args(["align"])
        .arg(fr())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("give its translations too"));
}

#[test]
fn contradicted_language_and_length_ratio_warn_but_align() {
    // English given as Arabic.
    let (_, err) = run_ok(
        &["--input", "lines", "--langs", "fr,ar", "--format", "beads"],
        &[&fr(), &en()],
    );
    assert!(err.contains("warning[lang/contradicted]: "), "{err}");
    assert!(
        err.contains("resolution.en.txt: declared as ar by --langs but the text looks like en"),
        "{err}"
    );

    // A translation far longer than its pivot.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("f.txt");
    std::fs::write(&f, "Courte.\n").unwrap();
    let (out, err) = run_ok(
        &["--input", "lines", "--langs", "fr,en", "--format", "beads"],
        &[&f, &en()],
    );
    assert!(err.contains("warning[align/length-ratio]: "), "{err}");
    assert!(err.contains("× longer than the pivot"), "{err}");
    assert!(!out.is_empty());
}

/// Reservations moved to the end in English and Arabic (ipu-146) are one translation unit
/// with the French in a TMX; a beads file keeps the monotone alignment a reviewer corrects
/// (the French note without a counterpart, the moved notes without the French).
#[test]
fn moved_notes_are_paired_in_a_tmx_not_in_a_beads_file() {
    let corpus = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus"));
    let file = |l: &str| corpus.join(l).join("ipu-146-cybercrime.txt");
    let (fr, en, ar) = (file("fr"), file("en"), file("ar"));
    let (tmx, _) = run_ok(&["--format", "tmx"], &[&fr, &en, &ar]);
    let tu = tmx
        .split("<tu ")
        .find(|tu| tu.contains("a exprimé des réserves sur le paragraphe 25"))
        .expect("the French reservation in a unit");
    assert!(
        tu.contains("expressed reservations on paragraph 25"),
        "{tu}"
    );
    assert!(tu.contains("أبدى وفد الهند تحفظات على الفقرة 25"), "{tu}");
    let (beads, _) = run_ok(&["--format", "beads"], &[&fr, &en]);
    assert!(beads.lines().any(|l| l.starts_with("[19]:[]")), "{beads}");
    assert!(beads.lines().any(|l| l.starts_with("[]:[65")), "{beads}");
}
