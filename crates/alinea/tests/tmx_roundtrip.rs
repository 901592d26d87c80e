//! TMX round trips: what the writer writes, the reader reads back unchanged (bar the characters
//! XML 1.0 forbids, which the writer removes), from bytes and from a file, in UTF-8 and UTF-16.

use std::path::Path;

use alinea::align::Segtype;
use alinea::tmx::write::{write_tus, xml_clean, Header};
use alinea::tmx::{read_bytes, read_path, ReadOptions, Tu, Tuv};
use proptest::prelude::*;

fn header() -> Header {
    Header {
        segtype: Segtype::Sentence,
        srclang: "fr-FR".into(),
        creation_date: Some("20240101T000000Z".into()),
    }
}

fn clean_tu(tu: &Tu) -> Tu {
    let c = |s: &str| xml_clean(s).0;
    Tu {
        id: tu.id.as_deref().map(c),
        props: tu.props.iter().map(|(k, v)| (c(k), c(v))).collect(),
        variants: tu
            .variants
            .iter()
            .map(|v| Tuv {
                lang: c(&v.lang),
                text: c(&v.text),
            })
            .collect(),
    }
}

/// Text as found in documents: any characters but carriage returns (which XML readers turn into
/// line feeds), including markup characters, quotes, Arabic, controls and no-break spaces.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-zA-Zéàç &<>\"'’;/=!-]{0,12}",
            "[\u{0621}-\u{064A}\u{0660}-\u{0669} ]{0,8}",
            Just("\u{00A0}\u{202F}\t\n".to_string()),
            Just("\u{1}\u{B}\u{FFFE}".to_string()),
            Just("]]>".to_string()),
            any::<char>()
                .prop_filter("no CR", |c| *c != '\r')
                .prop_map(String::from),
        ],
        0..6,
    )
    .prop_map(|v| v.concat())
}

fn attr_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 :&<>\"'-]{1,12}"
}

fn tu() -> impl Strategy<Value = Tu> {
    (
        prop::option::of("[0-9a-z-]{1,6}"),
        prop::collection::vec((attr_text(), attr_text()), 0..3),
        prop::collection::vec(
            (
                prop::sample::select(vec!["fr-FR", "en-GB", "ar", "de"]),
                text(),
            ),
            1..4,
        ),
    )
        .prop_map(|(id, props, vars)| Tu {
            id,
            props,
            variants: vars
                .into_iter()
                .map(|(lang, text)| Tuv {
                    lang: lang.to_string(),
                    text,
                })
                .collect(),
        })
}

proptest! {
    #[test]
    fn write_then_read_gives_the_units_back(tus in prop::collection::vec(tu(), 0..8)) {
        let w = write_tus(&header(), &tus);
        let back = read_bytes(&w.bytes, Path::new("t.tmx"), ReadOptions::default()).unwrap();
        let expected: Vec<Tu> = tus.iter().map(clean_tu).collect();
        prop_assert_eq!(back, expected);
    }
}

#[test]
fn round_trip_through_files_in_utf8_and_utf16() {
    let tus = vec![Tu {
        id: Some("1".into()),
        props: vec![("x-units".into(), "fr:3-4 en:3 ar:3".into())],
        variants: vec![
            Tuv {
                lang: "fr-FR".into(),
                text: "L’Union « interparlementaire » & <co>".into(),
            },
            Tuv {
                lang: "ar".into(),
                text: "الاتحاد البرلماني الدولي ١٤٦".into(),
            },
        ],
    }];
    let w = write_tus(&header(), &tus);
    let dir = tempfile::tempdir().unwrap();
    let p8 = dir.path().join("u8.tmx");
    std::fs::write(&p8, &w.bytes).unwrap();
    assert_eq!(read_path(&p8, ReadOptions::default()).unwrap(), tus);

    let text = String::from_utf8(w.bytes)
        .unwrap()
        .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let p16 = dir.path().join("u16.tmx");
    std::fs::write(&p16, &le).unwrap();
    assert_eq!(read_path(&p16, ReadOptions::default()).unwrap(), tus);
}

#[test]
fn file_errors_name_the_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.tmx");
    std::fs::write(
        &p,
        "<tmx version=\"1.4\">\n<header/>\n<body>\n  <tu><tuv xml:lang=\"fr\"><seg>a</tuv></tu>\n</body></tmx>\n",
    )
    .unwrap();
    let e = read_path(&p, ReadOptions::default()).unwrap_err();
    let msg = e.to_string();
    assert!(matches!(e, alinea::Error::Parse { line: 4, .. }), "{msg}");
    assert!(msg.starts_with(&format!("{}:4:", p.display())), "{msg}");

    // The same error in UTF-16: the position is still in characters of the text.
    let text = std::fs::read_to_string(&p).unwrap();
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    std::fs::write(&p, &be).unwrap();
    let e16 = read_path(&p, ReadOptions::default()).unwrap_err();
    assert_eq!(e16.to_string(), msg);

    let missing = dir.path().join("missing.tmx");
    assert!(matches!(
        read_path(&missing, ReadOptions::default()),
        Err(alinea::Error::Read { .. })
    ));
    assert!(read_path(dir.path(), ReadOptions::default()).is_err());
}
