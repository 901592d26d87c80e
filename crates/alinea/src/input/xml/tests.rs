//! Unit tests of `xml`.

use super::*;

fn entries(xml: &str) -> Result<Vec<Node>> {
    let mut v = Vec::new();
    parse(xml, Path::new("t.tbx"), &["e"], |_, n| {
        v.push(n);
        Ok(())
    })?;
    Ok(v)
}

/// Every event of `xml`, or the first error.
fn events(xml: &str) -> Result<usize> {
    let mut r = XmlReader::from_str(xml, "t.xml");
    let mut buf = Vec::new();
    let mut n = 0;
    loop {
        match r.next(&mut buf)? {
            Event::Eof => break,
            Event::Text(t) => {
                r.text(&t)?;
            }
            Event::Start(e) | Event::Empty(e) => {
                r.attrs(&e)?;
            }
            _ => {}
        }
        n += 1;
    }
    Ok(n)
}

#[test]
fn builds_entries_with_text_and_attributes() {
    let v = entries("<r><e id=\"a&amp;b\"><t>x &lt; y</t><u/></e><e/></r>").unwrap();
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].attr("id"), Some("a&b"));
    assert_eq!(v[0].text(), "x < y");
    assert_eq!(v[0].elements().count(), 2);
}

#[test]
fn errors_have_line_and_column() {
    let e = entries("<r>\n  <e>\n</r>").unwrap_err().to_string();
    assert!(e.starts_with("t.tbx:3:1: malformed XML"), "{e}");
    let e = entries("<r>\n<e>&lol;</e></r>").unwrap_err().to_string();
    assert!(e.contains("t.tbx:2:4: undefined entity &lol;"), "{e}");
    let e = entries("<r><e>").unwrap_err().to_string();
    assert!(e.contains("not closed"), "{e}");
    let e = entries("<!DOCTYPE r [<!ENTITY a \"b\">]><r/>").unwrap_err();
    assert!(e.to_string().contains("t.tbx:1:1: DOCTYPE"), "{e}");
    assert!(entries("<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\"><r/>").is_ok());
    let e = entries("<r/>\n<s/>").unwrap_err().to_string();
    assert!(e.contains("t.tbx:2:1: malformed XML: a second root"), "{e}");
    let e = entries("<r/>\nx").unwrap_err().to_string();
    assert!(e.contains("text outside the root"), "{e}");
    let e = entries("  ").unwrap_err().to_string();
    assert!(e.contains("no XML element"), "{e}");
}

#[test]
fn refuses_entity_attacks() {
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n \
                  <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n\
                  <lolz>&lol2;</lolz>";
    let e = events(laughs).unwrap_err().to_string();
    assert!(e.starts_with("t.xml:2:1: DOCTYPE"), "{e}");
    let external = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
    assert!(events(external)
        .unwrap_err()
        .to_string()
        .contains("DOCTYPE"));
    // Without the declaration the reference is just undefined.
    let e = events("<r a=\"&x;\"/>").unwrap_err().to_string();
    assert!(e.contains("undefined entity &x;"), "{e}");
    let mut r = XmlReader::from_str("<r a=\"&x;\"/>", "t.xml");
    let mut buf = Vec::new();
    match r.next(&mut buf).unwrap() {
        Event::Empty(e) => assert!(r.attrs(&e).is_err()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn depth_is_limited() {
    let ok = format!("{}{}", "<a>".repeat(MAX_DEPTH), "</a>".repeat(MAX_DEPTH));
    assert!(events(&ok).is_ok());
    let deep = format!("<r>\n{}", "<a>".repeat(2000));
    let e = events(&deep).unwrap_err().to_string();
    assert!(
        e.starts_with(&format!(
            "t.xml:2:{}: elements nested more than 1000",
            3 * 999 + 1
        )),
        "{e}"
    );
}

/// A chain of `depth` elements, each the only child of the one above, `x` at the bottom.
fn chain(depth: usize) -> Node {
    let node = |children| Node {
        name: "hi".into(),
        attrs: Vec::new(),
        children,
        offset: 0,
    };
    let mut n = node(vec![Child::Text("x".into())]);
    for _ in 1..depth {
        n = node(vec![Child::Node(n)]);
    }
    n
}

#[test]
fn text_and_drop_of_a_million_deep_element_do_not_overflow() {
    // Whatever the depth limit, walking and dropping a tree never recurse per level.
    let deep = chain(1_000_000);
    assert_eq!(deep.text(), "x");
    drop(deep);
}

#[test]
fn nesting_past_the_limit_parses_when_the_limit_is_raised() {
    let n = 200_000;
    let xml = format!("<r><e>{}x{}</e></r>", "<hi>".repeat(n), "</hi>".repeat(n));
    let mut texts = Vec::new();
    let reader = XmlReader::from_str(&xml, "t.tbx").with_max_depth(usize::MAX);
    parse_with(reader, &["e"], |_, node| {
        texts.push(node.text());
        Ok(())
    })
    .unwrap();
    assert_eq!(texts, ["x"]);
    let e = entries(&xml).unwrap_err().to_string();
    assert!(e.contains("nested more than 1000 deep"), "{e}");
}

#[test]
fn control_characters_raw_or_referenced_are_refused_at_their_place() {
    let e = events("<r>\n  a\u{c}b</r>").unwrap_err().to_string();
    assert!(
        e.starts_with("t.xml:2:4: malformed XML: control character U+000C"),
        "{e}"
    );
    let e = events("<r>\nab&#27;[31m</r>").unwrap_err().to_string();
    assert!(
        e.starts_with(
            "t.xml:2:3: malformed XML: the character reference to control character U+001B"
        ),
        "{e}"
    );
    let e = events("<r a=\"&#x1b;\"/>").unwrap_err().to_string();
    assert!(
        e.starts_with("t.xml:1:7: malformed XML: the character"),
        "{e}"
    );
    let e = events("<r>&#0;</r>").unwrap_err().to_string();
    assert!(e.contains("U+0000"), "{e}");
    // Tab, line feed, carriage return, as references or raw, and DEL are allowed; so is
    // `&#27;` where it is not a reference (a comment, CDATA).
    assert!(
        events("<r a=\"&#9;&#xA;&#13;\">\t\r\n&#x9;\u{7f}<!-- &#27; --><![CDATA[&#27;]]></r>")
            .is_ok()
    );
}

#[test]
fn malformed_attributes_are_refused_at_their_place() {
    let e = events("<r>\n<e id=\"c\" id=\"d\"/></r>")
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("t.xml:2:11: malformed XML: an attribute given twice (first at 2:4)"),
        "{e}"
    );
    let e = events("<r>\n<e id=\"c<d\"/></r>").unwrap_err().to_string();
    assert!(
        e.starts_with("t.xml:2:9: malformed XML: `<` in the value of attribute id"),
        "{e}"
    );
    let e = events("<r><e id=c/></r>").unwrap_err().to_string();
    assert!(
        e.contains("malformed XML: an attribute value without quotes"),
        "{e}"
    );
    // The checks hold whether or not the caller reads the attributes.
    let mut r = XmlReader::from_str("<r x=\"1\" x=\"2\"/>", "t.xml");
    assert!(r.next(&mut Vec::new()).is_err());
    assert!(events("<r a=\"x &gt; y\" b='&lt;'/>").is_ok());
}

#[test]
fn refuses_declared_legacy_encodings() {
    let e = events("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>").unwrap_err();
    assert!(e.to_string().contains("iso-8859-1"), "{e}");
    assert!(events("<?xml version=\"1.0\" encoding=\"UTF-16\"?><r/>").is_ok());
}

#[test]
fn positions_survive_a_long_stream() {
    let mut xml = String::from("<r>\n");
    for i in 0..5000 {
        xml.push_str(&format!("  <e n=\"{i}\">é</e>\n"));
    }
    xml.push_str("  <e>&bad;</e>\n</r>\n");
    let e = events(&xml).unwrap_err().to_string();
    assert!(e.starts_with("t.xml:5002:6: undefined entity"), "{e}");
}
