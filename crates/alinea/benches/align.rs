//! Speed of a long pairwise alignment. Set ALINEA_BENCH_SRC and ALINEA_BENCH_TGT to two files of
//! one unit per line and ALINEA_BENCH_LANGS (default `fr,en`); without them, a synthetic pair of
//! 3,700 units is used. The reference figure uses the 40 documents of the UNPC dev benchmark
//! (see scripts/bench-align.sh) concatenated: `cat WORK/unpc/doc*/fr.txt > fr.txt`, same for en.

use alinea::align::{align_pair, Options};
use alinea::Lang;
use criterion::{criterion_group, criterion_main, Criterion};

fn synthetic(n: usize) -> (Vec<String>, Vec<String>) {
    let fr_words = [
        "rapport",
        "commission",
        "développement",
        "résolution",
        "organisation",
        "programme",
        "conseil",
        "national",
        "international",
        "session",
        "assemblée",
        "principes",
    ];
    let en_words = [
        "report",
        "commission",
        "development",
        "resolution",
        "organization",
        "programme",
        "council",
        "national",
        "international",
        "session",
        "assembly",
        "principles",
    ];
    let mut fr = Vec::with_capacity(n);
    let mut en = Vec::with_capacity(n);
    let mut x: u64 = 7;
    for i in 0..n {
        let mut f = format!("{}. ", i + 1);
        let mut e = format!("{}. ", i + 1);
        let len = 5 + (i * 7919) % 30;
        for _ in 0..len {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let k = (x >> 33) as usize % fr_words.len();
            f.push_str(fr_words[k]);
            f.push_str(" de la ");
            e.push_str(en_words[k]);
            e.push_str(" of the ");
        }
        fr.push(f);
        if i % 50 != 7 {
            en.push(e);
        }
    }
    (fr, en)
}

fn load() -> (Vec<String>, Vec<String>, Lang, Lang) {
    let langs = std::env::var("ALINEA_BENCH_LANGS").unwrap_or_else(|_| "fr,en".into());
    let (s, t) = langs
        .split_once(',')
        .expect("ALINEA_BENCH_LANGS is SRC,TGT");
    let (sl, tl) = (s.parse().expect("language"), t.parse().expect("language"));
    match (
        std::env::var("ALINEA_BENCH_SRC"),
        std::env::var("ALINEA_BENCH_TGT"),
    ) {
        (Ok(a), Ok(b)) => {
            let read = |p: &str| -> Vec<String> {
                std::fs::read_to_string(p)
                    .expect("readable bench file")
                    .lines()
                    .map(str::to_string)
                    .collect()
            };
            (read(&a), read(&b), sl, tl)
        }
        _ => {
            let (a, b) = synthetic(3700);
            (a, b, sl, tl)
        }
    }
}

fn bench(c: &mut Criterion) {
    let (src, tgt, sl, tl) = load();
    let s: Vec<&str> = src.iter().map(String::as_str).collect();
    let t: Vec<&str> = tgt.iter().map(String::as_str).collect();
    let opts = Options::default();
    // Build the shared lexicon once, outside the measurement.
    align_pair(&s[..1], &sl, &t[..1], &tl, &opts);
    let name = format!("align_pair {}x{} {}-{}", s.len(), t.len(), sl, tl);
    let mut g = c.benchmark_group("align");
    g.sample_size(20);
    g.bench_function(name, |b| b.iter(|| align_pair(&s, &sl, &t, &tl, &opts)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
