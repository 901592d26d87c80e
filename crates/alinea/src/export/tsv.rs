//! TSV: a header, then one row per unit: its confidence, the unit indices of each language
//! (`3-4`), and the text of each language. Tabs and line breaks in text become spaces; nothing
//! is quoted.

use crate::align::aligned::{range_label, Aligned};

fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Write the alignment as TSV.
pub fn write(a: &Aligned) -> String {
    let mut head = vec!["score".to_string()];
    head.extend(a.sides.iter().map(|s| format!("{}_units", s.lang)));
    head.extend(a.sides.iter().map(|s| s.lang.to_string()));
    let mut out = head.join("\t");
    out.push('\n');
    for b in &a.beads {
        let mut row = vec![format!("{:.4}", b.score)];
        row.extend(b.sides.iter().map(|ix| range_label(ix)));
        row.extend((0..a.sides.len()).map(|d| clean(&a.text(b, d))));
        out.push_str(&row.join("\t"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::aligned::tests::sample;

    #[test]
    fn writes_rows() {
        let mut a = sample();
        a.sides[0].units[0] = "Un\ttab".into();
        assert_eq!(
            write(&a),
            "score\tfr_units\ten_units\tfr\ten\n0.9000\t0\t0\tUn tab\tOne\n0.4000\t1-2\t1\tDeux Trois\tTwo and three\n"
        );
    }
}
