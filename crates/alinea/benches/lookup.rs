//! Termbase load and lookup at scale, on a synthetic termbase of 1M terms (250k concepts, each
//! with a French, an English, an Arabic term and an English acronym), whose words come from
//! a vocabulary of 60,000 words per language.
//!
//! `cargo bench --bench lookup` prints first a latency distribution (median, p90, p99, max)
//! over 10,000 mixed queries and the load time of each file format (read + index, median of
//! three for TSV and JSON, one for TBX and TOML), then runs the criterion benchmarks of
//! each match class. `ALINEA_BENCH_TERMS` changes the size.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use alinea::termbase::{self, Concept, Format, Index, Query, Status, Term, TermType, Termbase};
use alinea::Lang;
use criterion::Criterion;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Syllables: onset × vowel × coda, a few hundred per language, so that words and their
/// trigrams vary about as much as in a real terminology.
fn syllables(onsets: &[&str], vowels: &[&str], codas: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for o in onsets {
        for v in vowels {
            for c in codas {
                out.push(format!("{o}{v}{c}"));
            }
        }
    }
    out
}

fn fr_syllables() -> Vec<String> {
    syllables(
        &[
            "", "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "gr", "pr",
            "tr", "qu",
        ],
        &[
            "a", "e", "i", "o", "u", "é", "è", "ou", "on", "an", "in", "eau",
        ],
        &["", "", "r", "s", "l", "n", "x", "ct"],
    )
}

fn en_syllables() -> Vec<String> {
    syllables(
        &[
            "", "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
            "th", "st", "pr", "tr",
        ],
        &["a", "e", "i", "o", "u", "y", "ea", "oo", "ai"],
        &["", "", "r", "s", "l", "n", "t", "ng", "ck"],
    )
}

const AR: &[&str] = &[
    "ا", "ب", "ت", "ج", "ح", "د", "ر", "س", "ع", "ف", "ق", "ك", "ل", "م", "ن", "ه", "و", "ي", "ة",
    "أ", "ى", "ش", "ص", "ط", "خ", "ز", "ث", "ض", "غ", "ظ", "ذ",
];

fn word<S: AsRef<str>>(rng: &mut Rng, syl: &[S], min: usize, max: usize) -> String {
    let n = min + rng.below(max - min + 1);
    (0..n).map(|_| syl[rng.below(syl.len())].as_ref()).collect()
}

/// Words per language in the synthetic vocabulary: a terminology of 1M terms reuses its words
/// (ALINEA_BENCH_VOCAB=0 draws every word afresh, the worst case for stemming).
fn vocabulary_size() -> usize {
    std::env::var("ALINEA_BENCH_VOCAB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60_000)
}

fn vocabulary(rng: &mut Rng, syl: &[String], n: usize) -> Vec<String> {
    (0..n).map(|_| word(rng, syl, 2, 4)).collect()
}

/// One to three words: from the vocabulary (more often its first words), or fresh.
fn phrase(rng: &mut Rng, vocab: &[String], syl: &[String]) -> String {
    let words = 1 + rng.below(3);
    let mut out: Vec<String> = Vec::new();
    for _ in 0..words {
        if vocab.is_empty() {
            out.push(word(rng, syl, 2, 4));
        } else {
            let i = rng.below(vocab.len()).min(rng.below(vocab.len()));
            out.push(vocab[i].clone());
        }
    }
    out.join(" ")
}

fn term(lang: Lang, text: String, tt: TermType) -> Term {
    let mut t = Term::new(lang, text);
    t.status = Some(Status::Preferred);
    t.term_type = Some(tt);
    t
}

fn synthetic(terms: usize) -> Termbase {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (fr_syl, en_syl) = (fr_syllables(), en_syllables());
    let n = vocabulary_size();
    let (fr_voc, en_voc) = (
        vocabulary(&mut rng, &fr_syl, n),
        vocabulary(&mut rng, &en_syl, n),
    );
    let ar_voc: Vec<String> = (0..n)
        .map(|_| format!("ال{}", word(&mut rng, AR, 3, 6)))
        .collect();
    let concepts = terms / 4;
    let mut tb = Termbase::default();
    for i in 0..concepts {
        let fr = phrase(&mut rng, &fr_voc, &fr_syl);
        let en = phrase(&mut rng, &en_voc, &en_syl);
        let ar_syl: Vec<String> = if ar_voc.is_empty() {
            AR.iter().map(|s| s.to_string()).collect()
        } else {
            Vec::new()
        };
        let ar = phrase(&mut rng, &ar_voc, &ar_syl);
        let acronym: String = en
            .split(' ')
            .map(|w| w[..1].to_ascii_uppercase())
            .chain(std::iter::once(format!("{}", i % 100)))
            .collect();
        let mut short = term(Lang::En, acronym, TermType::Acronym);
        short.expands = Some(en.clone());
        tb.concepts.push(Concept {
            id: format!("c{i}"),
            terms: vec![
                term(Lang::Fr, fr, TermType::FullForm),
                term(Lang::En, en, TermType::FullForm),
                short,
                term(Lang::Ar, ar, TermType::FullForm),
            ],
            ..Concept::default()
        });
    }
    tb
}

/// Queries of every class: exact, normalised (case, accents), stemmed (plural), fuzzy (one
/// edit), prefix, and misses.
fn queries(tb: &Termbase, n: usize) -> Vec<String> {
    let mut rng = Rng(42);
    let en_syl = en_syllables();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let c = &tb.concepts[rng.below(tb.concepts.len())];
        let t = &c.terms[rng.below(c.terms.len())].text;
        let q = match i % 10 {
            0..=2 => t.clone(),
            3 => t.to_uppercase(),
            4 => t.replace('é', "e"),
            5 => format!("{t}s"),
            6 | 7 => {
                // Drop one character.
                let chars: Vec<char> = t.chars().collect();
                let k = rng.below(chars.len());
                chars
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != k)
                    .map(|(_, c)| c)
                    .collect()
            }
            8 => t.chars().take(5).collect(),
            _ => word(&mut rng, &en_syl, 2, 3) + "zq",
        };
        out.push(q);
    }
    out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p) as usize).min(sorted.len() - 1)]
}

fn latency_report(index: &Index, qs: &[String]) {
    let mut times = Vec::with_capacity(qs.len());
    let mut hits = 0usize;
    for q in qs {
        let start = Instant::now();
        let h = index.lookup(&Query {
            text: q,
            lang: None,
            limit: 5,
        });
        times.push(start.elapsed());
        hits += usize::from(!h.is_empty());
    }
    let classes = [
        "exact", "exact", "exact", "upper", "accents", "plural", "drop", "drop", "prefix", "miss",
    ];
    for (ci, name) in classes.iter().enumerate().skip(2) {
        let mut t: Vec<Duration> = times.iter().skip(ci).step_by(10).copied().collect();
        t.sort();
        println!(
            "  {name}: median {:?}, p99 {:?}",
            percentile(&t, 0.5),
            percentile(&t, 0.99)
        );
    }
    times.sort();
    println!(
        "lookup over {} queries on {} terms: median {:?}, p90 {:?}, p99 {:?}, max {:?} ({} with hits)",
        qs.len(),
        index.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.9),
        percentile(&times, 0.99),
        times[times.len() - 1],
        hits
    );
}

fn load_report(tb: &Termbase, dir: &Path) {
    for (name, format, times) in [
        ("terms.tsv", Format::Tsv, 3),
        ("terms.json", Format::Json, 3),
        ("terms.tbx", Format::TbxV3, 1),
        ("terms.toml", Format::Toml, 1),
    ] {
        let path = dir.join(name);
        termbase::write_file(&path, tb, format).unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        let mut runs = Vec::new();
        let mut read_only = Vec::new();
        let mut fuzzy = Vec::new();
        for _ in 0..times {
            let start = Instant::now();
            let checked = termbase::read_file(&path).unwrap();
            let read = start.elapsed();
            let index = Index::new(checked.termbase);
            runs.push(start.elapsed());
            read_only.push(read);
            let start = Instant::now();
            index.prepare_fuzzy();
            fuzzy.push(start.elapsed());
            black_box(index.len());
        }
        runs.sort();
        read_only.sort();
        fuzzy.sort();
        let mid = runs.len() / 2;
        println!(
            "load {name} ({} MB): {:?} (read {:?} + index {:?}, median of {times}; \
             the fuzzy trigram index, built on the first fuzzy query: {:?})",
            size / 1_000_000,
            runs[mid],
            read_only[mid],
            runs[mid].saturating_sub(read_only[mid]),
            fuzzy[mid]
        );
    }
}

/// Where index building goes: folding, stemming, Arabic skeletons, sorting.
fn breakdown(tb: &Termbase) {
    use alinea::termbase::normalize::{lookup_key, skeleton_key, stem_key};
    let texts: Vec<(&str, &Lang)> = tb
        .concepts
        .iter()
        .flat_map(|c| c.terms.iter().map(|t| (t.text.as_str(), &t.lang)))
        .collect();
    let start = Instant::now();
    let folded: Vec<String> = texts.iter().map(|(t, _)| lookup_key(t)).collect();
    let t_fold = start.elapsed();
    let start = Instant::now();
    let stems: usize = texts.iter().map(|(t, l)| stem_key(t, l).len()).sum();
    let t_stem = start.elapsed();
    let start = Instant::now();
    let skeletons: usize = texts
        .iter()
        .filter(|(_, l)| **l == Lang::Ar)
        .map(|(t, _)| skeleton_key(t).len())
        .sum();
    let t_skeleton = start.elapsed();
    let start = Instant::now();
    let mut sorted = folded.clone();
    sorted.sort_unstable();
    let t_sort = start.elapsed();
    println!(
        "one thread, {} terms: lookup_key {t_fold:?}, stem {t_stem:?}, Arabic skeleton \
         {t_skeleton:?}, sort {t_sort:?} ({stems}, {skeletons})",
        texts.len()
    );
}

fn main() {
    let n: usize = std::env::var("ALINEA_BENCH_TERMS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let tb = synthetic(n);
    breakdown(&tb);
    let start = Instant::now();
    let index = Index::new(tb.clone());
    println!("index {} terms: {:?}", index.len(), start.elapsed());
    let start = Instant::now();
    index.prepare_fuzzy();
    println!(
        "fuzzy trigram index (built on the first fuzzy query): {:?}",
        start.elapsed()
    );
    let qs = queries(&tb, 10_000);
    latency_report(&index, &qs);
    if std::env::var_os("ALINEA_BENCH_LATENCY_ONLY").is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    load_report(&tb, dir.path());

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    let t = &tb.concepts[tb.concepts.len() / 2].terms[0].text;
    let chars: Vec<char> = t.chars().collect();
    let fuzzy: String = chars[..chars.len() - 2]
        .iter()
        .chain(&chars[chars.len() - 1..])
        .collect();
    // An Arabic term in the plural of its words (a skeleton match, unless the stems
    // already agree) and a French term after an article.
    let ar = &tb.concepts[tb.concepts.len() / 2].terms[3].text;
    let ar_plural: String = ar
        .split(' ')
        .map(|w| format!("{w}ات"))
        .collect::<Vec<_>>()
        .join(" ");
    let cases = [
        ("exact", t.clone()),
        ("root", ar_plural),
        ("article", format!("la {t}")),
        ("normalised", t.to_uppercase()),
        ("stemmed", format!("{t}s")),
        ("fuzzy", fuzzy),
        ("prefix", chars[..4].iter().collect()),
        ("miss", "zqzqzqzq".to_string()),
    ];
    let mut g = c.benchmark_group("lookup_1M");
    for (name, q) in &cases {
        g.bench_function(*name, |b| {
            b.iter(|| {
                index.lookup(&Query {
                    text: black_box(q),
                    lang: None,
                    limit: 5,
                })
            })
        });
    }
    g.finish();
    let mut g = c.benchmark_group("index_1M");
    g.sample_size(10);
    g.bench_function("build", |b| {
        b.iter(|| Index::new(black_box(tb.clone())).len())
    });
    g.finish();
    c.final_summary();
}
