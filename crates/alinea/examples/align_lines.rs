//! Tuning harness: align two files of one unit per line and print the beads as
//! `[i, j]:[k]:score`, one per line.
//!
//! usage: align_lines --langs SRC,TGT [--no-lexicon] [--no-realign] SRC_FILE TGT_FILE
//!        align_lines --langs SRC,TGT [...] --batch LIST   (LIST: `src<TAB>tgt<TAB>out` lines;
//!        the pairs are aligned in parallel and each result is written to its `out` file)

use std::process::ExitCode;

use alinea::align::{align_many, Options, PairAlignment, PairInput};
use alinea::Lang;

fn read_lines(path: &str) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(text.lines().map(str::to_string).collect())
}

fn format_beads(a: &PairAlignment) -> String {
    let ids = |v: &[usize]| {
        v.iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    a.beads
        .iter()
        .map(|b| format!("[{}]:[{}]:{:.3}\n", ids(&b.src), ids(&b.tgt), b.score))
        .collect()
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut langs = None;
    let mut batch = None;
    let mut files = Vec::new();
    let mut opts = Options::default();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--langs" => langs = args.next(),
            "--batch" => batch = args.next(),
            "--no-lexicon" => opts.lexicon = false,
            "--no-realign" => opts.realign = false,
            _ => files.push(a),
        }
    }
    let langs = langs.ok_or("--langs SRC,TGT is required")?;
    let (s, t) = langs.split_once(',').ok_or("--langs takes SRC,TGT")?;
    let (sl, tl): (Lang, Lang) = (
        s.parse().map_err(|e| format!("{e}"))?,
        t.parse().map_err(|e| format!("{e}"))?,
    );
    let jobs: Vec<(String, String, Option<String>)> = match batch {
        Some(list) => read_lines(&list)?
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                if f.len() != 3 {
                    return Err(format!("{list}: expected src<TAB>tgt<TAB>out: {l}"));
                }
                Ok((f[0].to_string(), f[1].to_string(), Some(f[2].to_string())))
            })
            .collect::<Result<_, _>>()?,
        None if files.len() == 2 => vec![(files[0].clone(), files[1].clone(), None)],
        None => return Err("expected SRC_FILE TGT_FILE or --batch LIST".into()),
    };
    let texts: Vec<(Vec<String>, Vec<String>)> = jobs
        .iter()
        .map(|(s, t, _)| Ok((read_lines(s)?, read_lines(t)?)))
        .collect::<Result<_, String>>()?;
    let refs: Vec<(Vec<&str>, Vec<&str>)> = texts
        .iter()
        .map(|(s, t)| {
            (
                s.iter().map(String::as_str).collect(),
                t.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let inputs: Vec<PairInput> = refs
        .iter()
        .map(|(s, t)| PairInput {
            src: s,
            src_lang: &sl,
            tgt: t,
            tgt_lang: &tl,
        })
        .collect();
    let results = align_many(&inputs, &opts);
    for ((_, _, out), res) in jobs.iter().zip(&results) {
        let text = format_beads(res);
        match out {
            Some(path) => std::fs::write(path, text).map_err(|e| format!("{path}: {e}"))?,
            None => print!("{text}"),
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("align_lines: error: {e}");
            ExitCode::from(2)
        }
    }
}
