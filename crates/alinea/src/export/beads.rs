//! The beads format: one bead per line, `[i, j]:[k]:score`, 0-based unit indices, `[]` for an
//! empty side, in document order (the format alignment scorers read). Two documents only.

use std::fmt::Write;

use crate::align::Aligned;
use crate::{Error, Result};

/// Write the beads of a two-document alignment.
pub fn write(a: &Aligned) -> Result<String> {
    if a.sides.len() != 2 {
        return Err(Error::Usage(format!(
            "the beads format holds two documents, not {} (use tmx, tsv, json or html)",
            a.sides.len()
        )));
    }
    let mut out = String::new();
    for b in &a.beads {
        let list = |ix: &[usize]| {
            ix.iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "[{}]:[{}]:{:.4}",
            list(&b.sides[0]),
            list(&b.sides[1]),
            b.score
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::aligned::tests::sample;

    #[test]
    fn writes_scorer_format() {
        assert_eq!(
            write(&sample()).unwrap(),
            "[0]:[0]:0.9000\n[1, 2]:[1]:0.4000\n"
        );
    }

    #[test]
    fn refuses_three_documents() {
        let mut a = sample();
        a.sides.push(a.sides[1].clone());
        for b in &mut a.beads {
            b.sides.push(vec![]);
        }
        assert!(write(&a).unwrap_err().to_string().contains("two documents"));
    }
}
