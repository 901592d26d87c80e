//! Run one fuzz target's oracle over files, as the fuzzer would, to profile a slow target or
//! replay a corpus under a debugger: `cargo run --release -p alinea-oracles --example replay --
//! TARGET [--max-len N] [--repeat K] FILE…` (inputs cut to N bytes, default 4096, as
//! `-max_len=4096`; every file K times). Prints the executions and their rate.

use std::time::Instant;

use alinea_oracles::Target;

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args
        .next()
        .expect("usage: replay TARGET [--max-len N] [--repeat K] FILE…");
    let target = Target::ALL
        .into_iter()
        .find(|t| t.name() == name)
        .unwrap_or_else(|| panic!("no target {name}"));
    let (mut max_len, mut repeat, mut files) = (4096usize, 1usize, Vec::new());
    while let Some(a) = args.next() {
        match a.as_str() {
            "--max-len" => max_len = args.next().and_then(|n| n.parse().ok()).expect("N"),
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).expect("K"),
            _ => files.push(a),
        }
    }
    let inputs: Vec<Vec<u8>> = files
        .iter()
        .map(|f| {
            let mut d = std::fs::read(f).unwrap_or_else(|e| panic!("{f}: {e}"));
            d.truncate(max_len);
            d
        })
        .collect();
    let start = Instant::now();
    let mut runs = 0u64;
    for _ in 0..repeat {
        for d in &inputs {
            target.check(d);
            runs += 1;
        }
    }
    let s = start.elapsed().as_secs_f64();
    println!(
        "{runs} executions in {s:.2} s: {:.0} a second",
        runs as f64 / s
    );
}
