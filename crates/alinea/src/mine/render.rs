//! Mined candidates as JSON (the contract: `[{"lang", "text", "freq", "score", "forms",
//! "equivalents": {"en": [{"text", "score", "freq"}]}, "contexts": [{"doc", "unit",
//! "text"}]}]`), TSV or CSV (one row per candidate: lang, text, freq, score, forms joined
//! by ` | `, equivalents as `en=text (score); ar=…`, the first context), or TBX (one
//! proposed concept per candidate, evidence as notes: [`super::merge::proposed`]), or the
//! termhood model's features (TSV, for fitting the model).

use super::{Candidate, Equivalent};
use crate::termbase::{self, Format as TbFormat};
use crate::{Error, Result};

/// An output format of `terms extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Tsv,
    Csv,
    Tbx,
    /// One TSV row per candidate with the termhood model's features, the data
    /// `scripts/train-termhood.py` fits the model on.
    Features,
}

impl Format {
    /// By name (`json`, `tsv`, `csv`, `tbx`).
    pub fn from_name(s: &str) -> Option<Format> {
        Some(match s {
            "json" => Format::Json,
            "tsv" => Format::Tsv,
            "csv" => Format::Csv,
            "tbx" => Format::Tbx,
            "features" => Format::Features,
            _ => return None,
        })
    }
}

const HEADER: [&str; 8] = [
    "lang",
    "text",
    "freq",
    "score",
    "forms",
    "expansion",
    "equivalents",
    "context",
];

fn equivalents(c: &Candidate) -> String {
    c.equivalents
        .iter()
        .map(|(l, es)| {
            let list: Vec<String> = es
                .iter()
                .map(|Equivalent { text, score, .. }| format!("{text} ({score})"))
                .collect();
            format!("{l}={}", list.join(" | "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Render `candidates` in `format`.
pub fn render(candidates: &[Candidate], format: Format) -> Result<String> {
    match format {
        Format::Json => serde_json::to_string_pretty(candidates)
            .map(|s| s + "\n")
            .map_err(|e| Error::Encode(e.to_string())),
        Format::Tsv | Format::Csv => {
            let mut w = csv::WriterBuilder::new()
                .delimiter(if format == Format::Tsv { b'\t' } else { b',' })
                .quote_style(if format == Format::Tsv {
                    csv::QuoteStyle::Never
                } else {
                    csv::QuoteStyle::Necessary
                })
                .from_writer(Vec::new());
            let enc = |e: csv::Error| Error::Encode(e.to_string());
            w.write_record(HEADER).map_err(enc)?;
            let clean = |s: &str| {
                if format == Format::Tsv {
                    s.replace(['\t', '\n', '\r'], " ")
                } else {
                    s.to_string()
                }
            };
            for c in candidates {
                w.write_record([
                    c.lang.code().to_string(),
                    clean(&c.text),
                    c.freq.to_string(),
                    c.score.to_string(),
                    clean(&c.forms.join(" | ")),
                    clean(c.expansion.as_deref().unwrap_or("")),
                    clean(&equivalents(c)),
                    clean(c.contexts.first().map_or("", |x| x.text.as_str())),
                ])
                .map_err(enc)?;
            }
            let bytes = w.into_inner().map_err(|e| Error::Encode(e.to_string()))?;
            String::from_utf8(bytes).map_err(|e| Error::Encode(e.to_string()))
        }
        Format::Tbx => termbase::to_string(&super::merge::proposed(candidates), TbFormat::TbxV3),
        Format::Features => Ok(features(candidates)),
    }
}

/// [`Format::Features`]: language, text, forms, score, then the features by name.
fn features(candidates: &[Candidate]) -> String {
    use std::fmt::Write;
    let mut s = format!(
        "lang\ttext\tforms\tscore\t{}\n",
        super::termhood::FEATURES.join("\t")
    );
    let clean = |t: &str| t.replace(['\t', '\n', '\r'], " ");
    for c in candidates {
        let _ = write!(
            s,
            "{}\t{}\t{}\t{}",
            c.lang,
            clean(&c.text),
            clean(&c.forms.join(" | ")),
            c.score
        );
        for x in &c.features {
            let _ = write!(s, "\t{x}");
        }
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mine::Context;
    use crate::Lang;
    use std::collections::BTreeMap;

    fn sample() -> Vec<Candidate> {
        let mut eq = BTreeMap::new();
        eq.insert(
            "en".to_string(),
            vec![Equivalent {
                text: "Security Council".into(),
                score: 0.9,
                freq: 3,
                joint: 3,
            }],
        );
        vec![Candidate {
            lang: Lang::Fr,
            text: "Conseil de sécurité".into(),
            freq: 3,
            score: 0.8,
            forms: vec!["Conseil de sécurité".into()],
            expansion: None,
            equivalents: eq,
            contexts: vec![Context {
                doc: "a.txt".into(),
                unit: 0,
                text: "Le Conseil de sécurité\tsiège.".into(),
            }],
            termhood: Default::default(),
            features: Vec::new(),
        }]
    }

    #[test]
    fn json_follows_the_contract() {
        let v: serde_json::Value =
            serde_json::from_str(&render(&sample(), Format::Json).unwrap()).unwrap();
        assert_eq!(v[0]["lang"], "fr");
        assert_eq!(v[0]["equivalents"]["en"][0]["text"], "Security Council");
        assert_eq!(v[0]["contexts"][0]["doc"], "a.txt");
    }

    #[test]
    fn tsv_one_row_per_candidate_tabs_cleaned() {
        let s = render(&sample(), Format::Tsv).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].split('\t').count(), HEADER.len());
        assert!(lines[1].contains("en=Security Council (0.9)"));
    }

    #[test]
    fn features_one_named_column_each() {
        let mut cands = sample();
        cands[0].features = (0..crate::mine::termhood::N_FEATURES)
            .map(|i| i as f64)
            .collect();
        let s = render(&cands, Format::Features).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        let header: Vec<&str> = lines[0].split('\t').collect();
        assert_eq!(&header[..4], ["lang", "text", "forms", "score"]);
        assert_eq!(header[4..], crate::mine::termhood::FEATURES);
        let row: Vec<&str> = lines[1].split('\t').collect();
        assert_eq!(row.len(), header.len());
        assert_eq!(row[1], "Conseil de sécurité");
        assert_eq!(row[5], "1");
    }

    #[test]
    fn tbx_marks_candidates_proposed() {
        let s = render(&sample(), Format::Tbx).unwrap();
        assert!(s.contains("Conseil de sécurité") && s.contains("Security Council"));
        assert!(s.contains("<termNote type=\"processStatus\">provisionallyProcessed</termNote>"));
        assert!(s.contains("proposal"));
    }
}
