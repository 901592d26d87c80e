//! The shipped corpus and its gold alignments: every document has its counterparts, every gold
//! file matches the current reading, and a corpus file cannot change without its gold file
//! being looked at again (corpus/gold/MANIFEST pins each file's SHA-256).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use alinea::doc::{self, InputMode};
use alinea::Lang;
use sha2::{Digest, Sha256};

const DOCS: [&str; 5] = [
    "ipu-146-cybercrime",
    "igf-2022-parliamentary-outcome",
    "ipu-132-cyber-warfare",
    "ipu-2022-safe-cyberspace-democracy",
    "ecosoc-2019-19-cybercrime",
];

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn corpus_file(lang: &str, doc: &str) -> PathBuf {
    root().join("corpus").join(lang).join(format!("{doc}.txt"))
}

fn units(lang: &str, doc: &str) -> usize {
    let l: Lang = lang.parse().unwrap();
    doc::load(&corpus_file(lang, doc), Some(l), InputMode::Auto)
        .unwrap_or_else(|e| panic!("{e}"))
        .units
        .len()
}

/// Parse a gold file: one `[i, j]:[k]` bead per line.
pub fn parse_beads(path: &Path) -> Vec<(Vec<usize>, Vec<usize>)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, line)| {
            let side = |s: &str| -> Vec<usize> {
                let s = s.trim();
                assert!(
                    s.starts_with('[') && s.ends_with(']'),
                    "{}:{}: bad bead {line:?}",
                    path.display(),
                    n + 1
                );
                s[1..s.len() - 1]
                    .split(',')
                    .filter(|x| !x.trim().is_empty())
                    .map(|x| x.trim().parse().expect("index"))
                    .collect()
            };
            let mut parts = line.split(':');
            let src = side(parts.next().unwrap());
            let tgt = side(
                parts
                    .next()
                    .unwrap_or_else(|| panic!("{}:{}: no ':'", path.display(), n + 1)),
            );
            (src, tgt)
        })
        .collect()
}

/// Indices in range, each unit exactly once, consecutive inside a bead, monotone across beads.
fn check_cover(name: &str, beads: &[(Vec<usize>, Vec<usize>)], n_src: usize, n_tgt: usize) {
    for (side, n, pick) in [("source", n_src, 0usize), ("target", n_tgt, 1usize)] {
        let mut next = 0;
        for (k, b) in beads.iter().enumerate() {
            assert!(
                !b.0.is_empty() || !b.1.is_empty(),
                "{name}: bead {} is empty on both sides",
                k + 1
            );
            let ids = if pick == 0 { &b.0 } else { &b.1 };
            for &i in ids {
                assert_eq!(
                    i,
                    next,
                    "{name}: bead {} ({ids:?}): {side} unit {next} expected",
                    k + 1
                );
                next += 1;
            }
        }
        assert_eq!(
            next, n,
            "{name}: the gold covers {next} {side} units, the reading has {n}"
        );
    }
}

#[test]
fn every_document_has_its_counterparts_and_gold_files() {
    for doc in DOCS {
        for lang in ["fr", "en", "ar"] {
            assert!(
                corpus_file(lang, doc).is_file(),
                "missing corpus/{lang}/{doc}.txt"
            );
        }
        for pair in ["fr-en", "fr-ar"] {
            let g = root()
                .join("corpus/gold")
                .join(format!("{doc}.{pair}.beads"));
            assert!(g.is_file(), "missing {}", g.display());
        }
    }
}

#[test]
fn gold_files_match_the_current_reading() {
    for doc in DOCS {
        let n_fr = units("fr", doc);
        for lang in ["en", "ar"] {
            let name = format!("{doc}.fr-{lang}.beads");
            let beads = parse_beads(&root().join("corpus/gold").join(&name));
            check_cover(&name, &beads, n_fr, units(lang, doc));
        }
    }
}

#[test]
fn arabic_files_are_arabic_script() {
    for doc in DOCS {
        let text = std::fs::read_to_string(corpus_file("ar", doc)).unwrap();
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let arabic = text
            .chars()
            .filter(|c| matches!(*c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF))
            .filter(|c| c.is_alphabetic())
            .count();
        assert!(
            arabic as f64 >= 0.9 * letters as f64,
            "corpus/ar/{doc}.txt: only {arabic} of {letters} letters are Arabic script"
        );
    }
}

#[test]
fn corpus_files_match_the_manifest() {
    let manifest = root().join("corpus/gold/MANIFEST");
    let text = std::fs::read_to_string(&manifest).expect("corpus/gold/MANIFEST");
    let pinned: BTreeMap<String, String> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (hash, path) = l.split_once("  ").expect("`<sha256>  <path>` lines");
            (path.to_string(), hash.to_string())
        })
        .collect();
    let mut seen = 0;
    for doc in DOCS {
        for lang in ["fr", "en", "ar"] {
            let rel = format!("corpus/{lang}/{doc}.txt");
            let bytes = std::fs::read(root().join(&rel)).unwrap();
            let hash = format!("{:x}", Sha256::digest(&bytes));
            let want = pinned
                .get(&rel)
                .unwrap_or_else(|| panic!("{rel} is not in corpus/gold/MANIFEST"));
            assert_eq!(
                &hash, want,
                "{rel} changed since its gold alignments were checked: re-check corpus/gold/{doc}.fr-*.beads, then update corpus/gold/MANIFEST"
            );
            seen += 1;
        }
    }
    assert_eq!(
        seen,
        pinned.len(),
        "MANIFEST lists files that are not in the corpus"
    );
}

/// The aligner recovers every gold bead of the shipped corpus (paragraph level, fr-en and fr-ar).
#[test]
fn the_aligner_recovers_every_gold_bead() {
    let opts = alinea::align::Options::default();
    let mut missed = Vec::new();
    for doc in DOCS {
        let fr = doc::load(&corpus_file("fr", doc), Some(Lang::Fr), InputMode::Auto).unwrap();
        let fr_text: Vec<&str> = fr.units.iter().map(|u| &*u.plain).collect();
        for lang in ["en", "ar"] {
            let l: Lang = lang.parse().unwrap();
            let tgt = doc::load(&corpus_file(lang, doc), Some(l.clone()), InputMode::Auto).unwrap();
            let tgt_text: Vec<&str> = tgt.units.iter().map(|u| &*u.plain).collect();
            let got = alinea::align::align_pair(&fr_text, &Lang::Fr, &tgt_text, &l, &opts);
            let got: Vec<(Vec<usize>, Vec<usize>)> =
                got.beads.into_iter().map(|b| (b.src, b.tgt)).collect();
            let name = format!("{doc}.fr-{lang}.beads");
            for bead in parse_beads(&root().join("corpus/gold").join(&name)) {
                if !got.contains(&bead) {
                    missed.push(format!("{name}: {:?}:{:?}", bead.0, bead.1));
                }
            }
        }
    }
    assert!(
        missed.is_empty(),
        "gold beads not recovered:\n{}",
        missed.join("\n")
    );
}
