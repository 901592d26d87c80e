//! Segmentation throughput on the UN parallel corpus development set (one sentence per line):
//! paragraph reading (`doc::read_str`), then sentence splitting of every line, for French,
//! English and Arabic. Reads `../shared/corpora/unpc-dev/UNv1.0.devset.{fr,en,ar}` relative to
//! the crate root (or the folder named by `ALINEA_UNPC_DEV`); skips what is absent.
//!
//! `cargo bench --bench segment` prints the time and throughput of each.

use std::path::{Path, PathBuf};

use alinea::doc::{self, InputMode};
use alinea::text::sentences;
use alinea::Lang;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn corpus_dir() -> PathBuf {
    std::env::var_os("ALINEA_UNPC_DEV").map_or_else(
        || {
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
                .join("../shared/corpora/unpc-dev")
        },
        PathBuf::from,
    )
}

fn bench(c: &mut Criterion) {
    let dir = corpus_dir();
    let mut group = c.benchmark_group("segment");
    group.sample_size(20);
    let mut found = false;
    for lang in [Lang::Fr, Lang::En, Lang::Ar] {
        let path = dir.join(format!("UNv1.0.devset.{}", lang.code()));
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("segment bench: {} not found, skipped", path.display());
            continue;
        };
        found = true;
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("paragraphs/{lang}"), |b| {
            b.iter(|| {
                let r = doc::read_str(&path, black_box(&text), Some(lang.clone()), InputMode::Auto)
                    .expect("dev set reads");
                r.document.units.len()
            })
        });
        group.bench_function(format!("sentences/{lang}"), |b| {
            b.iter(|| {
                black_box(&text)
                    .lines()
                    .map(|l| sentences::split(l, &lang).len())
                    .sum::<usize>()
            })
        });
        group.bench_function(format!("paragraphs+sentences/{lang}"), |b| {
            b.iter(|| {
                let r = doc::read_str(&path, black_box(&text), Some(lang.clone()), InputMode::Auto)
                    .expect("dev set reads");
                r.sentences().len()
            })
        });
    }
    if !found {
        eprintln!(
            "segment bench: no dev set under {} (set ALINEA_UNPC_DEV)",
            dir.display()
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
