//! Baselines: the fingerprints of accepted findings, one a line (`fingerprint rule path`,
//! `#` comments), so that a team can adopt the linter on an old document and hear only of
//! new findings. A fingerprint ([`crate::diag::Details::fingerprint`]) does not depend on
//! the line a finding is on.

use std::collections::HashSet;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::Result;

/// The fingerprints of a baseline.
#[derive(Clone, Debug, Default)]
pub struct Baseline {
    known: HashSet<String>,
}

fn fingerprint(d: &Diagnostic) -> Option<&str> {
    d.details.as_deref()?.fingerprint.as_deref()
}

impl Baseline {
    /// Reads a baseline file.
    pub fn read(path: &Path) -> Result<Baseline> {
        Ok(Baseline::parse(&crate::input::read_text(path)?.text))
    }

    /// Reads the text of a baseline.
    pub fn parse(text: &str) -> Baseline {
        let known = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_whitespace().next())
            .map(String::from)
            .collect();
        Baseline { known }
    }

    /// The findings the baseline does not accept, and how many it accepted.
    pub fn filter(&self, findings: Vec<Diagnostic>) -> (Vec<Diagnostic>, usize) {
        let before = findings.len();
        let kept: Vec<Diagnostic> = findings
            .into_iter()
            .filter(|d| fingerprint(d).is_none_or(|f| !self.known.contains(f)))
            .collect();
        let n = before - kept.len();
        (kept, n)
    }
}

/// The baseline accepting `findings`, as text.
pub fn render(findings: &[Diagnostic]) -> String {
    let mut out = String::from("# alinea lint baseline: fingerprint rule path\n");
    let mut seen = HashSet::new();
    for d in findings {
        if let Some(f) = fingerprint(d) {
            if seen.insert(f) {
                let path = d.path.as_deref().map(|p| p.display().to_string());
                out.push_str(&format!("{f} {} {}\n", d.code, path.unwrap_or_default()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Details;

    #[test]
    fn a_baseline_accepts_what_it_lists() {
        let mk = |fp: &str| {
            Diagnostic::warning("x/y", "m").with_details(Details {
                fingerprint: Some(fp.into()),
                ..Details::default()
            })
        };
        let all = vec![mk("aa"), mk("bb"), Diagnostic::warning("x/z", "n")];
        let b = Baseline::parse(&render(&all[..1]));
        let (kept, n) = b.filter(all);
        assert_eq!(n, 1);
        assert_eq!(kept.len(), 2);
        assert_eq!(
            kept[0].details.as_ref().unwrap().fingerprint.as_deref(),
            Some("bb")
        );
    }
}
