//! Throughput of the linter's parts on English text: the term matcher against a 10k-term
//! termbase (words of the text itself, three per term), and the monolingual and bilingual
//! rules over units. The text is the UN dev set (../shared/corpora/unpc-dev) when present,
//! else a generated one. `cargo bench --bench lint` prints the median MB/s of each.

use std::time::Instant;

use alinea::lint::{self, Config, Doc, SourceUnit, Unit};
use alinea::termbase::{Concept, Status, Term, TermMatcher, Termbase};
use alinea::Lang;

fn dev(lang: &str) -> Option<String> {
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/unpc-dev/UNv1.0.devset."
    );
    std::fs::read_to_string(format!("{p}{lang}")).ok()
}

fn termbase(text: &str, n: usize) -> Termbase {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 4)
        .collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x as usize
    };
    let concepts = (0..n)
        .map(|i| {
            let t: Vec<&str> = (0..3).map(|_| words[next() % words.len()]).collect();
            let mut en = Term::new(Lang::En, t.join(" "));
            en.status = Some(Status::Preferred);
            let fr = Term::new(Lang::Fr, format!("terme {i}"));
            Concept {
                id: format!("c{i}"),
                terms: vec![fr, en],
                ..Concept::default()
            }
        })
        .collect();
    Termbase { concepts }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn rate(bytes: usize, f: impl Fn()) -> f64 {
    median(
        (0..5)
            .map(|_| {
                let t = Instant::now();
                f();
                bytes as f64 / 1e6 / t.elapsed().as_secs_f64()
            })
            .collect(),
    )
}

fn main() {
    let en = dev("en")
        .unwrap_or_else(|| "The Security Council adopted the resolution on 3 May.\n".repeat(8000));
    let fr = dev("fr").unwrap_or_else(|| {
        "Le Conseil de sécurité a adopté la résolution le 3 mai.\n".repeat(8000)
    });
    let tb = termbase(&en, 10_000);
    let m = TermMatcher::new(&tb);
    let lines: Vec<&str> = en.lines().collect();
    let bytes: usize = lines.iter().map(|l| l.len()).sum();
    let r = rate(bytes, || {
        for l in &lines {
            std::hint::black_box(m.find(l, &Lang::En));
        }
    });
    println!("TermMatcher::find, 10k terms: {r:.1} MB/s (median of 5, {bytes} bytes)");
    let units = |with_source: bool| -> Doc {
        Doc {
            path: "bench.en.txt".into(),
            lang: Lang::En,
            source_lang: with_source.then_some(Lang::Fr),
            text: None,
            read_only: None,
            units: lines
                .iter()
                .zip(fr.lines())
                .enumerate()
                .map(|(i, (t, s))| Unit {
                    id: i.to_string(),
                    text: t.to_string(),
                    offset: None,
                    places: Vec::new(),
                    line: i + 1,
                    column: 1,
                    place: None,
                    source: with_source.then(|| SourceUnit {
                        path: "bench.fr.txt".into(),
                        line: i + 1,
                        lang: Lang::Fr,
                        text: s.to_string(),
                        place: None,
                    }),
                })
                .collect(),
            diagnostics: Vec::new(),
        }
    };
    let config = Config::default();
    let mono = units(false);
    let r = rate(bytes, || {
        std::hint::black_box(lint::lint(std::slice::from_ref(&mono), &tb, &config));
    });
    println!("lint, monolingual units, 10k terms: {r:.1} MB/s");
    let bi = units(true);
    let both = bytes + fr.len();
    let r = rate(both, || {
        std::hint::black_box(lint::lint(std::slice::from_ref(&bi), &tb, &config));
    });
    println!("lint, bilingual aligned units (both sides), 10k terms: {r:.1} MB/s");
}
