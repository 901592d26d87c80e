//! Refitting data for the confidence model: aligns document pairs and writes, for every bead,
//! its units and the features its confidence is computed from.
//!
//! usage: bead_features --langs SRC,TGT LIST   (LIST: `src<TAB>tgt<TAB>out` lines, one unit
//! per line in each file; each `out` gets a header line, then
//! `src_ids<TAB>tgt_ids<TAB>confidence<TAB>feature…` per bead, ids comma-separated)

use std::process::ExitCode;

use alinea::align::{align_pair_with_features, Options, CONFIDENCE_FEATURES};
use alinea::Lang;
use rayon::prelude::*;

fn read_lines(path: &str) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(text.lines().map(str::to_string).collect())
}

fn ids(v: &[usize]) -> String {
    v.iter().map(usize::to_string).collect::<Vec<_>>().join(",")
}

fn one(src: &str, tgt: &str, out: &str, sl: &Lang, tl: &Lang) -> Result<(), String> {
    let (a, b) = (read_lines(src)?, read_lines(tgt)?);
    let s: Vec<&str> = a.iter().map(String::as_str).collect();
    let t: Vec<&str> = b.iter().map(String::as_str).collect();
    let mut text = format!("src\ttgt\tconfidence\t{}\n", CONFIDENCE_FEATURES.join("\t"));
    for (bead, f) in align_pair_with_features(&s, sl, &t, tl, &Options::default()) {
        let f: Vec<String> = f.iter().map(|x| format!("{x:.6}")).collect();
        text.push_str(&format!(
            "{}\t{}\t{:.6}\t{}\n",
            ids(&bead.src),
            ids(&bead.tgt),
            bead.score,
            f.join("\t")
        ));
    }
    std::fs::write(out, text).map_err(|e| format!("{out}: {e}"))
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [flag, langs, list] = &args[..] else {
        return Err("usage: bead_features --langs SRC,TGT LIST".into());
    };
    if flag != "--langs" {
        return Err("usage: bead_features --langs SRC,TGT LIST".into());
    }
    let (s, t) = langs.split_once(',').ok_or("--langs takes SRC,TGT")?;
    let sl: Lang = s.parse().map_err(|e| format!("{e}"))?;
    let tl: Lang = t.parse().map_err(|e| format!("{e}"))?;
    let jobs: Vec<Vec<String>> = read_lines(list)?
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    jobs.par_iter()
        .map(|j| match &j[..] {
            [src, tgt, out] => one(src, tgt, out, &sl, &tl),
            _ => Err(format!("{list}: expected src<TAB>tgt<TAB>out")),
        })
        .collect::<Result<Vec<()>, String>>()
        .map(|_| ())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bead_features: {e}");
            ExitCode::from(2)
        }
    }
}
