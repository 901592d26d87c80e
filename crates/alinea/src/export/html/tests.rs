//! The review page's tests: escaping of the table and of the embedded JSON, right-to-left
//! cells, the counts, the reviewer's marks.

use super::*;
use crate::align::aligned::tests::sample;
use crate::align::Side;
use crate::Lang;

fn trilingual() -> Aligned {
    let mut a = sample();
    a.sides.push(Side {
        lang: Lang::Ar,
        name: "doc.txt".into(),
        units: vec!["واحد".into(), "اثنان".into()],
    });
    a.beads[0].sides.push(vec![0]);
    a.beads[1].sides.push(vec![1]);
    a
}

/// The text of the embedded JSON element.
fn data(h: &str) -> serde_json::Value {
    let start = h.find("id=\"alinea-data\">").unwrap() + "id=\"alinea-data\">".len();
    let end = start + h[start..].find("</script>").unwrap();
    serde_json::from_str(&h[start..end]).unwrap()
}

#[test]
fn marks_rtl_low_and_escapes() {
    let mut a = trilingual();
    a.sides[0].units[0] = "<b>A & B</b>".into();
    let h = write(&a);
    assert!(h.contains("&lt;b&gt;A &amp; B&lt;/b&gt;"), "{h}");
    assert!(!h.contains("<b>A"));
    assert!(h.contains(
        "<td lang=\"ar\" dir=\"rtl\"><small>0</small><span data-u=\"0\">واحد</span></td>"
    ));
    assert_eq!(h.matches("<tr class=\"low\">").count(), 1);
    assert!(h.contains(
        "<td lang=\"fr\"><small>1-2</small><span data-u=\"1\">Deux</span> \
         <span data-u=\"2\">Trois</span></td>"
    ));
    assert!(
        h.contains("<p id=\"summary\">Paragraph alignment: units fr 3, en 2, ar 2;"),
        "{h}"
    );
    let d = data(&h);
    assert_eq!(d["sides"][2]["lang"], "ar");
    assert_eq!(d["sides"][2]["rtl"], true);
    assert_eq!(d["sides"][0]["rtl"], false);
    // The texts are in the table only: the data has each side's unit count.
    assert_eq!(d["sides"][0]["n"], 3);
    assert_eq!(d["sides"][0]["rest"], serde_json::json!([]));
    assert!(!h[h.find("id=\"alinea-data\"").unwrap()..].contains("A & B"));
    assert_eq!(d["beads"][1]["s"], serde_json::json!([[1, 2], [1], [1]]));
    assert_eq!(d["beads"][1]["score"], "0.4000");
}

#[test]
fn embedded_json_cannot_end_its_element() {
    let mut a = sample();
    let nasty = "a</script><script>alert(1)</script> <!-- b --> \u{2028}c\u{2029} &amp; \"q\" \\";
    a.sides[1].units[0] = nasty.into();
    // A unit in no bead: its text comes in the data.
    a.sides[1].units.push(nasty.into());
    a.document = "x</SCRIPT>".into();
    let h = write(&a);
    // The two closing tags are those of the data and of the script.
    assert_eq!(h.to_ascii_lowercase().matches("</script").count(), 2, "{h}");
    assert!(!h.contains("<!--"));
    let json = &h[h.find("id=\"alinea-data\">").unwrap()..];
    let json = &json[..json.find("</script>").unwrap()];
    assert!(
        !json.contains('\u{2028}') && !json.contains('\u{2029}'),
        "{json}"
    );
    let d = data(&h);
    assert_eq!(d["sides"][1]["n"], 3);
    assert_eq!(d["sides"][1]["rest"], serde_json::json!([[2, nasty]]));
    assert_eq!(d["document"], "x</SCRIPT>");
    assert!(!SCRIPT.contains("</") && !SCRIPT.contains("<!--"));
    assert_eq!(
        script_json(&"<\u{2028}>&"),
        "\"\\u003c\\u2028\\u003e\\u0026\""
    );
}

#[test]
fn counts_and_marks() {
    let a = trilingual();
    let h = write(&a);
    assert!(
        h.contains(
            "<p id=\"counts\" aria-live=\"polite\">Units: fr 3, en 2, ar 2. 2 beads, 1 flagged, \
             0 marked wrong, 0 made by the reviewer.</p>"
        ),
        "{h}"
    );
    let marks = [
        Mark {
            wrong: true,
            reviewed: false,
        },
        Mark {
            wrong: false,
            reviewed: true,
        },
    ];
    let h = write_reviewed(&a, &marks);
    assert!(
        h.contains("2 beads, 2 flagged, 1 marked wrong, 1 made by the reviewer."),
        "{h}"
    );
    assert!(h.contains(
        "<tr class=\"low wrong\"><td class=\"n\">1<small>0.90</small><small>wrong</small>"
    ));
    assert!(h.contains("<tr class=\"low reviewed\">"));
    let d = data(&h);
    assert_eq!(d["beads"][0]["wrong"], true);
    assert_eq!(d["beads"][1]["reviewed"], true);
    // The header the page downloads is the corrected form's.
    assert_eq!(d["header"], crate::export::beads::header(&a));
}

#[test]
fn a_side_empty_or_not_a_translation_is_flagged() {
    let mut a = sample();
    a.sides[1].units[0] = "Un".into();
    a.beads[0].sides[0] = vec![0];
    a.sides[0].units[0] = "Un".into();
    a.beads[0].score = 0.95;
    let h = write(&a);
    let d = data(&h);
    assert_eq!(d["beads"][0]["suspect"], a.summary().suspect > 0);
    let mut b = sample();
    b.beads[0].sides[1].clear();
    b.beads[1].sides[1] = vec![0, 1];
    assert!(write(&b).contains("2 beads, 2 flagged"));
}

/// [`script_json`] as first written: every character looked at and pushed.
fn script_json_reference(value: &str) -> String {
    let json = serde_json::to_string(value).unwrap();
    let mut out = String::new();
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

proptest::proptest! {
    #[test]
    fn script_json_copies_runs_as_the_reference_escapes_characters(
        s in "[a<>&\u{2028}\u{2029}é\"\\\\ا\u{1F600} ]{0,40}"
    ) {
        proptest::prop_assert_eq!(script_json(&s), script_json_reference(&s));
    }
}
