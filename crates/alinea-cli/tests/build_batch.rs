//! `alinea build` as a batch, on corpora generated in temporary folders: unchanged documents
//! skipped by content, the summary file, shards that together make the whole corpus and whose
//! summaries merge, a failing document that does not stop the others, and an interrupted run
//! that resumes.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const FR: [&str; 4] = [
    "condamnant toutes les formes de cybercriminalité et réaffirmant la nécessité de lutter contre ces actes",
    "invite les parlements à adopter des lois qui protègent les citoyens dans le cyberespace",
    "prie le Secrétaire général de lui présenter un rapport sur l'application de la présente résolution",
    "décide de rester saisi de la question et d'examiner les progrès accomplis à sa prochaine session",
];
const EN: [&str; 4] = [
    "Condemning all forms of cybercrime and reaffirming the need to combat such acts",
    "Invites parliaments to adopt laws that protect citizens in cyberspace",
    "Requests the Secretary-General to submit a report on the implementation of the present resolution",
    "Decides to remain seized of the matter and to review the progress made at its next session",
];
const AR: [&str; 4] = [
    "إذ تدين جميع أشكال الجرائم الإلكترونية وتؤكد من جديد ضرورة مكافحة هذه الأفعال",
    "تدعو البرلمانات إلى اعتماد قوانين تحمي المواطنين في الفضاء الإلكتروني",
    "تطلب إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار",
    "تقرر أن تبقي المسألة قيد نظرها وأن تستعرض التقدم المحرز في دورتها المقبلة",
];

/// Document `i` in `lang`: `paras` numbered paragraphs, different for every document.
fn text(lang: &str, i: usize, paras: usize) -> String {
    let pool = match lang {
        "fr" => FR,
        "en" => EN,
        _ => AR,
    };
    (0..paras)
        .map(|k| format!("{}. {} ({}).", k + 1, pool[(i + k) % 4], 100 * i + k))
        .collect::<Vec<_>>()
        .join("\n\n")
        + "\n"
}

/// `n` document triples `doc-NNN.txt` under `dir/corpus`.
fn corpus(dir: &Path, n: usize, paras: usize) {
    for lang in ["fr", "en", "ar"] {
        let d = dir.join("corpus").join(lang);
        std::fs::create_dir_all(&d).unwrap();
        for i in 0..n {
            std::fs::write(d.join(format!("doc-{i:03}.txt")), text(lang, i, paras)).unwrap();
        }
    }
}

fn alinea(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("alinea").unwrap();
    c.current_dir(dir).env_remove("SOURCE_DATE_EPOCH");
    c
}

/// Run `alinea build ARGS` in `dir`: (exit code, stderr).
fn build(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = alinea(dir).arg("build").args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The output files of `dir` (no folder), by name.
fn outputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect();
    v.sort();
    v
}

fn statuses(summary: &Value) -> Vec<(String, String)> {
    summary["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["name"].as_str().unwrap().to_string(),
                d["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn unchanged_documents_are_skipped_and_changed_ones_aligned_again() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 4, 3);
    let (code, err) = build(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("4 aligned, 0 unchanged"), "{err}");
    let aligned = dir.path().join("aligned");
    let first = outputs(&aligned);
    assert_eq!(first.len(), 8);

    // The summary: per document status, units, confidence, timings; totals.
    let s = json(&aligned.join(".alinea-build/summary.json"));
    assert_eq!(s["totals"]["documents"], 4);
    assert_eq!(s["totals"]["aligned"], 4);
    assert_eq!(s["totals"]["units"]["fr"], 12);
    let d = &s["documents"][0];
    assert_eq!(d["name"], "doc-000.txt");
    assert_eq!(d["status"], "aligned");
    assert_eq!(d["units"]["ar"], 3);
    assert_eq!(d["beads"], 3);
    let c = d["confidence"].as_f64().unwrap();
    assert!(c > 0.5 && c <= 1.0, "{c}");
    assert!(d["ms"]["align"].is_u64() && d["ms"]["write"].is_u64());
    let bytes: u64 = ["fr", "en", "ar"]
        .iter()
        .map(|l| {
            std::fs::metadata(dir.path().join(format!("corpus/{l}/doc-000.txt")))
                .unwrap()
                .len()
        })
        .sum();
    assert_eq!(d["input_bytes"], bytes);

    // Nothing changed: nothing aligned, no byte written differently.
    let (code, err) = build(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 aligned, 4 unchanged"), "{err}");
    assert_eq!(outputs(&aligned), first);
    let s = json(&aligned.join(".alinea-build/summary.json"));
    assert_eq!(s["documents"][0]["status"], "unchanged");
    assert_eq!(
        s["documents"][0]["beads"], 3,
        "figures kept from the run that aligned it"
    );

    // One input changed, one output removed: those two are aligned again.
    std::fs::write(
        dir.path().join("corpus/en/doc-001.txt"),
        text("en", 1, 3).replace("Invites", "Strongly invites"),
    )
    .unwrap();
    std::fs::remove_file(aligned.join("doc-002.html")).unwrap();
    let (code, err) = build(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("2 aligned, 2 unchanged"), "{err}");
    let s = json(&aligned.join(".alinea-build/summary.json"));
    assert_eq!(
        statuses(&s),
        [
            ("doc-000.txt".into(), "unchanged".into()),
            ("doc-001.txt".into(), "aligned".into()),
            ("doc-002.txt".into(), "aligned".into()),
            ("doc-003.txt".into(), "unchanged".into()),
        ]
    );
    assert!(std::fs::read_to_string(aligned.join("doc-001.tmx"))
        .unwrap()
        .contains("Strongly invites"));

    // Another unit, or --force: everything again.
    let (_, err) = build(dir.path(), &["--unit", "sentence"]);
    assert!(err.contains("4 aligned, 0 unchanged"), "{err}");
    let (_, err) = build(dir.path(), &["--unit", "sentence", "--force"]);
    assert!(err.contains("4 aligned, 0 unchanged"), "{err}");
    let (_, err) = build(dir.path(), &["--unit", "sentence"]);
    assert!(err.contains("0 aligned, 4 unchanged"), "{err}");

    // No temporary file or journal is left behind.
    let names: Vec<String> = std::fs::read_dir(aligned.join(".alinea-build"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.contains(&"state.json".to_string()), "{names:?}");
    assert!(!names.iter().any(|n| n.ends_with(".journal")), "{names:?}");
    assert!(outputs(&aligned)
        .iter()
        .all(|(n, _)| !n.starts_with(".alinea-tmp")));
}

#[test]
fn a_failing_document_is_reported_in_the_summary_and_the_others_are_written() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 3, 2);
    // Not text: the document cannot be read.
    std::fs::write(
        dir.path().join("corpus/ar/doc-001.txt"),
        [0u8, 159, 146, 150, 0],
    )
    .unwrap();
    let summary = dir.path().join("report/s.json");
    let (code, err) = build(dir.path(), &["--summary", "report/s.json"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("doc-001.txt"), "{err}");
    assert!(
        err.contains("(0 skipped, no counterpart; 1 failed)"),
        "{err}"
    );
    let s = json(&summary);
    assert_eq!(s["totals"]["failed"], 1);
    assert_eq!(s["totals"]["aligned"], 2);
    let d = &s["documents"][1];
    assert_eq!(d["status"], "failed");
    assert!(d["error"].as_str().unwrap().contains("doc-001.txt"), "{d}");
    let aligned = dir.path().join("aligned");
    assert!(aligned.join("doc-000.tmx").exists() && aligned.join("doc-002.html").exists());
    assert!(!aligned.join("doc-001.tmx").exists());

    // Repaired, the next run aligns it alone.
    std::fs::write(dir.path().join("corpus/ar/doc-001.txt"), text("ar", 1, 2)).unwrap();
    let (code, err) = build(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 aligned, 2 unchanged"), "{err}");
}

#[test]
fn shards_make_the_whole_corpus_and_their_summaries_merge() {
    let whole = tempfile::tempdir().unwrap();
    corpus(whole.path(), 12, 2);
    let (code, err) = build(whole.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let expected = outputs(&whole.path().join("aligned"));

    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 12, 2);
    let mut counts = Vec::new();
    for i in 0..3 {
        let (code, err) = build(dir.path(), &["--shard", &format!("{i}/3")]);
        assert_eq!(code, 0, "{err}");
        assert!(err.contains(&format!("(shard {i}/3)")), "{err}");
        let s = json(
            &dir.path()
                .join(format!("aligned/.alinea-build/summary-{i}-of-3.json")),
        );
        assert_eq!(s["shards"][0], format!("{i}/3"));
        counts.push(s["totals"]["documents"].as_u64().unwrap());
    }
    assert_eq!(counts.iter().sum::<u64>(), 12);
    assert!(counts.iter().all(|&c| c < 12), "{counts:?}");
    // Together, the shards wrote what one run writes.
    assert_eq!(outputs(&dir.path().join("aligned")), expected);
    // A run over the whole corpus afterwards skips what the shards made.
    let (_, err) = build(dir.path(), &["--summary", "whole.json"]);
    assert!(err.contains("0 aligned, 12 unchanged"), "{err}");

    // The shards' summaries merge into one.
    let parts: Vec<PathBuf> = (0..3)
        .map(|i| PathBuf::from(format!("aligned/.alinea-build/summary-{i}-of-3.json")))
        .collect();
    let out = alinea(dir.path())
        .args(["build", "--merge-summaries"])
        .args(&parts)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(merged["shards"], serde_json::json!(["0/3", "1/3", "2/3"]));
    assert_eq!(merged["totals"]["documents"], 12);
    assert_eq!(merged["totals"]["aligned"], 12);
    let whole_summary = json(&dir.path().join("whole.json"));
    assert_eq!(merged["totals"]["units"], whole_summary["totals"]["units"]);
    assert_eq!(merged["totals"]["beads"], whole_summary["totals"]["beads"]);
    let names: Vec<String> = statuses(&merged).into_iter().map(|(n, _)| n).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);

    // The same shard twice is refused, naming both files; a bad shard is a usage error.
    let (code, err) = {
        let o = alinea(dir.path())
            .args(["build", "--merge-summaries"])
            .args([&parts[0], &parts[1], &parts[0]])
            .output()
            .unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    assert_eq!(code, Some(2));
    assert!(
        err.contains("summary-0-of-3.json") && err.contains("also in"),
        "{err}"
    );
    let (code, err) = build(dir.path(), &["--shard", "3/3"]);
    assert_eq!(code, 2);
    assert!(err.contains("less than N"), "{err}");
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_whole_documents_and_resumes() {
    use std::time::{Duration, Instant};

    // Enough documents that the run cannot finish between the third journal line and the
    // signal, even on a fast machine.
    const DOCS: usize = 300;
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), DOCS, 40);
    let clean = tempfile::tempdir().unwrap();
    corpus(clean.path(), DOCS, 40);
    let (code, err) = build(clean.path(), &["-j", "2"]);
    assert_eq!(code, 0, "{err}");

    let bin = assert_cmd::cargo::cargo_bin("alinea");
    let mut child = std::process::Command::new(bin)
        .current_dir(dir.path())
        .env_remove("SOURCE_DATE_EPOCH")
        .args(["build", "-j", "2"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Interrupt once some documents are done.
    let journal = dir.path().join("aligned/.alinea-build/state.journal");
    let start = Instant::now();
    while std::fs::read(&journal).map_or(0, |j| j.iter().filter(|&&b| b == b'\n').count()) < 3 {
        assert!(start.elapsed() < Duration::from_secs(120), "no progress");
        std::thread::sleep(Duration::from_millis(5));
    }
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    let aligned = dir.path().join("aligned");
    let files = outputs(&aligned);
    assert!(
        files.iter().all(|(n, _)| !n.starts_with(".alinea-tmp")),
        "temporary files removed"
    );
    assert_eq!(status.code(), Some(130), "interrupted");
    // What is there is whole.
    let clean_files = outputs(&clean.path().join("aligned"));
    assert!(files.len() < clean_files.len(), "{}", files.len());
    for f in &files {
        assert!(clean_files.contains(f), "{} is whole", f.0);
    }
    let (code, err) = build(dir.path(), &["-j", "2"]);
    assert_eq!(code, 0, "{err}");
    let s = json(&aligned.join(".alinea-build/summary.json"));
    let unchanged = s["totals"]["unchanged"].as_u64().unwrap();
    assert!(
        unchanged >= 3,
        "the documents done before the interruption are skipped: {err}"
    );
    assert_eq!(outputs(&aligned), outputs(&clean.path().join("aligned")));
}
