//! JSON: the documents (language, file, unit texts) and the beads with their confidences.
//!
//! ```json
//! {"document": "doc", "unit": "paragraph",
//!  "documents": [{"lang": "fr", "file": "doc.txt", "units": ["…"]}, …],
//!  "beads": [{"fr": [0], "en": [0], "score": 0.9}, …]}
//! ```

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::align::multi::MultiBead;
use crate::align::Aligned;

#[derive(Serialize)]
struct Out<'a> {
    document: &'a str,
    unit: &'a str,
    documents: Vec<Doc<'a>>,
    beads: Vec<BeadOut<'a>>,
}

#[derive(Serialize)]
struct Doc<'a> {
    lang: &'a str,
    file: &'a str,
    units: &'a [String],
}

struct BeadOut<'a> {
    langs: Vec<&'a str>,
    bead: &'a MultiBead,
}

impl Serialize for BeadOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.langs.len() + 1))?;
        for (lang, ix) in self.langs.iter().zip(&self.bead.sides) {
            m.serialize_entry(lang, ix)?;
        }
        m.serialize_entry("score", &((self.bead.score * 10000.0).round() / 10000.0))?;
        m.end()
    }
}

/// Write the alignment as pretty-printed JSON.
pub fn write(a: &Aligned) -> String {
    let langs: Vec<&str> = a.sides.iter().map(|s| s.lang.code()).collect();
    let out = Out {
        document: &a.document,
        unit: a.segtype.as_str(),
        documents: a
            .sides
            .iter()
            .map(|s| Doc {
                lang: s.lang.code(),
                file: &s.name,
                units: &s.units,
            })
            .collect(),
        beads: a
            .beads
            .iter()
            .map(|bead| BeadOut {
                langs: langs.clone(),
                bead,
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::aligned::tests::sample;

    #[test]
    fn writes_units_beads_scores() {
        let v: serde_json::Value = serde_json::from_str(&write(&sample())).unwrap();
        assert_eq!(v["unit"], "paragraph");
        assert_eq!(v["documents"][1]["lang"], "en");
        assert_eq!(v["documents"][0]["units"][2], "Trois");
        assert_eq!(v["beads"][1]["fr"], serde_json::json!([1, 2]));
        assert_eq!(v["beads"][1]["score"], 0.4);
    }
}
