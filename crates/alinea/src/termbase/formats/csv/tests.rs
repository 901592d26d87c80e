//! Unit tests of `termbase::formats::csv`.

use super::*;

/// The CSV reader skips a blank first line; the splitter that places header errors does
/// not. An error in the header must still be an error, not an index out of bounds.
#[test]
fn a_header_error_after_a_blank_line_is_an_error_not_a_panic() {
    for text in [
        "\nfr,fr\nx,y\n",
        "\n\nfr,en,xx-bad!\na,b,c\n",
        "\"fr\nx\",fr\na,b\n",
    ] {
        assert!(read(text, b',', Path::new("t.csv")).is_err(), "{text:?}");
    }
}

#[test]
fn reads_synonyms_statuses_and_definitions() {
    let csv = "fr,fr_status,en,definition_en\n\
               cybercriminalité; criminalité informatique,preferred;admitted,cybercrime,Crime using computers.\n";
    let (tb, _) = read(csv, b',', Path::new("t.csv")).unwrap();
    let c = &tb.concepts[0];
    assert_eq!(c.id, "cybercrime");
    assert_eq!(c.terms.len(), 3);
    assert_eq!(c.terms[1].text, "criminalité informatique");
    assert_eq!(c.terms[1].status, Some(Status::Admitted));
    assert_eq!(c.definition(&Lang::En), Some("Crime using computers."));
}

#[test]
fn header_errors_name_the_column() {
    let e = read("fr\tfrench\nx\ty\n", b'\t', Path::new("t.tsv")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.tsv:1:4: unknown column or language code \"french\" in the header"
    );
    let e = read("fr,fr_status\nx,great\n", b',', Path::new("t.csv")).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("t.csv:2:3: unknown status \"great\""),
        "{e}"
    );
}

#[test]
fn round_trip_keeps_what_csv_holds() {
    let csv =
        "id,subject,fr,fr_status,fr_type,fr_pos,fr_gender,en,en_status,en_type,en_pos,en_gender,\
               definition_fr,sources,related,note\n\
               ict,ICT,TIC | technologies,preferred | admitted,acronym | fullForm,noun | noun, | f,\
               ICT,preferred,acronym,,,déf,a | b,x,n\n";
    let (tb, _) = read(csv, b',', Path::new("t.csv")).unwrap();
    let again = write(&tb, b',').unwrap();
    assert_eq!(again, csv);
}

fn err(text: &str, delimiter: u8) -> String {
    let path = if delimiter == b'\t' { "t.tsv" } else { "t.csv" };
    read(text, delimiter, Path::new(path))
        .unwrap_err()
        .to_string()
}

#[test]
fn extra_fields_are_an_error_at_their_column() {
    let e = err("fr,en\nchat,cat,Katze\n", b',');
    assert!(
        e.starts_with("t.csv:2:10: field 3 (\"Katze\") has no column"),
        "{e}"
    );
    // Empty fields past the header hold nothing: a spreadsheet's trailing commas.
    let (tb, _) = read("fr,en\nchat,cat,,\n", b',', Path::new("t.csv")).unwrap();
    assert_eq!(tb.concepts[0].terms.len(), 2);
}

#[test]
fn an_unclosed_quote_is_an_error_at_the_quote() {
    let e = err("fr,en\nchat,cat\n\"chien,dog\nvache,cow\n", b',');
    assert!(
        e.starts_with("t.csv:3:1: this quote is never closed"),
        "{e}"
    );
    // Closed further down by a stray quote: a term over several lines.
    let e = err("fr,en\n\"chien,dog\nvache,c\"ow\n", b',');
    assert!(e.starts_with("t.csv:2:1: a term over several lines"), "{e}");
}

#[test]
fn tsv_is_read_without_csv_quoting() {
    let (tb, _) = read(
        "fr\ten\tnote\n\"chat\" persan\tPersian cat\tsaid \"miaou\n",
        b'\t',
        Path::new("t.tsv"),
    )
    .unwrap();
    let c = &tb.concepts[0];
    assert_eq!(c.terms[0].text, "\"chat\" persan");
    assert_eq!(c.terms[1].text, "Persian cat");
    assert_eq!(c.notes, ["said \"miaou"]);
    // Written back unquoted, and read the same.
    let again = write(&tb, b'\t').unwrap();
    assert!(again.contains("\"chat\" persan\t"), "{again}");
    assert_eq!(read(&again, b'\t', Path::new("t.tsv")).unwrap().0, tb);
}

#[test]
fn a_duplicate_header_column_is_an_error() {
    let e = err("fr,en,en\nchat,cat,kitty\n", b',');
    assert!(
        e.starts_with("t.csv:1:7: column \"en\" is the same as column 2 (\"en\")"),
        "{e}"
    );
    let e = err("fr\tfr_status\tFR-fr\nchat\tpreferred\tmatou\n", b'\t');
    assert!(
        e.starts_with("t.tsv:1:14: column \"FR-fr\" is the same as column 1"),
        "{e}"
    );
    // Several note columns add up.
    let (tb, _) = read("fr,note,note\nchat,a,b\n", b',', Path::new("t.csv")).unwrap();
    assert_eq!(tb.concepts[0].notes, ["a", "b"]);
}

#[test]
fn more_statuses_than_synonyms_is_an_error() {
    let e = err(
        "fr,fr_status\nchat; matou,preferred; admitted; deprecated\n",
        b',',
    );
    assert!(
        e.starts_with("t.csv:2:13: 3 status values for 2 fr term(s)"),
        "{e}"
    );
    // Fewer is fine: the others have none.
    let (tb, _) = read(
        "fr,fr_status\nchat; matou,preferred\n",
        b',',
        Path::new("t.csv"),
    )
    .unwrap();
    assert_eq!(tb.concepts[0].terms[1].status, None);
}

#[test]
fn semicolon_csv_is_detected_from_the_header() {
    let text = "fr;en;ar\nchat;cat;قطة\n\"chien; toutou\";dog;كلب\n";
    let (tb, _) = read(text, b',', Path::new("t.csv")).unwrap();
    assert_eq!(tb.concepts.len(), 2);
    let texts: Vec<&str> = tb.concepts[1]
        .terms
        .iter()
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(texts, ["chien", "toutou", "dog", "كلب"]);
    // A comma header with semicolons in its cells stays a comma CSV.
    let (tb, _) = read("fr,en\nchat; matou,cat\n", b',', Path::new("t.csv")).unwrap();
    assert_eq!(tb.concepts[0].terms.len(), 3);
}
