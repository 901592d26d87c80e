use super::*;

fn blocks(name: &str, bytes: &[u8]) -> Vec<Block> {
    match from_bytes(Path::new(name), bytes, None).unwrap_or_else(|e| panic!("{e}")) {
        Read::One(s) => s.blocks.expect("a structured document"),
        Read::Aligned(_) => panic!("one document expected"),
    }
}

fn error(name: &str, bytes: &[u8]) -> String {
    match from_bytes(Path::new(name), bytes, None) {
        Ok(_) => panic!("{name}: read, an error expected"),
        Err(e) => e.to_string(),
    }
}

/// (kind, label, text, place) of each block.
fn summary(b: &[Block]) -> Vec<(UnitKind, Option<&str>, &str, &str)> {
    b.iter()
        .map(|b| {
            (
                b.kind,
                b.label.as_deref(),
                b.text.as_str(),
                b.place.as_str(),
            )
        })
        .collect()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn docx(document: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let doc =
        format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{document}</w:body></w:document>"#);
    let mut parts: Vec<(&str, &[u8])> = vec![("word/document.xml", doc.as_bytes())];
    for (n, t) in extra {
        parts.push((n, t.as_bytes()));
    }
    zip::write(&parts, true)
}

#[test]
fn formats_by_extension_then_content() {
    assert_eq!(
        Format::from_extension(Path::new("a.DOCX")),
        Some(Format::Docx)
    );
    assert_eq!(
        Format::from_extension(Path::new("a.htm")),
        Some(Format::Html)
    );
    assert_eq!(
        Format::from_extension(Path::new("a.xlf")),
        Some(Format::Xliff)
    );
    assert_eq!(Format::from_extension(Path::new("a.fr")), None);
    assert_eq!(Format::sniff(&docx("", &[])), Format::Docx);
    let odt = zip::write(
        &[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", b"<x/>"),
        ],
        false,
    );
    assert_eq!(Format::sniff(&odt), Format::Odt);
    assert_eq!(Format::sniff(b"%PDF-1.7\n"), Format::Pdf);
    assert_eq!(
        Format::sniff(b"<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">"),
        Format::Xliff
    );
    assert_eq!(Format::sniff(b"\n<!DOCTYPE html><html>"), Format::Html);
    assert_eq!(Format::sniff("Un texte.\n".as_bytes()), Format::Text);
}

#[test]
fn docx_paragraphs_headings_lists_tables_notes_and_changes() {
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#
    );
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
        </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let footnotes = format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
        <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Voir le rapport.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let item = |lvl: u8, t: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
        )
    };
    let body = format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr><w:r><w:t>Cybercriminalité</w:t></w:r></w:p>
        <w:p/>
        <w:p><w:r><w:t xml:space="preserve">Le texte </w:t></w:r><w:ins w:id="1"><w:r><w:t>ajouté</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>supprimé</w:delText></w:r></w:del><w:r><w:tab/><w:t>suit</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
        {}{}{}
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>A1</w:t></w:r></w:p><w:p><w:r><w:t>suite</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p><w:r><w:t>2. Un numéro tapé.</w:t></w:r></w:p>"#,
        item(0, "premier"),
        item(1, "sous-point"),
        item(0, "deuxième")
    );
    let d = docx(
        &body,
        &[
            ("word/styles.xml", &styles),
            ("word/numbering.xml", &numbering),
            ("word/footnotes.xml", &footnotes),
        ],
    );
    let b = blocks("t.docx", &d);
    use UnitKind::*;
    assert_eq!(
        summary(&b),
        vec![
            (Heading, None, "Cybercriminalité", "paragraph 1"),
            (Body, None, "Le texte ajouté suit.", "paragraph 3"),
            (Note, Some("1"), "Voir le rapport.", "footnote 1"),
            (ListItem, Some("1."), "premier", "paragraph 4"),
            (ListItem, Some("(a)"), "sous-point", "paragraph 5"),
            (ListItem, Some("2."), "deuxième", "paragraph 6"),
            (Body, None, "A1 suite", "table 1, row 1, cell 1"),
            (Body, None, "B1", "table 1, row 1, cell 2"),
            (ListItem, Some("2."), "Un numéro tapé.", "paragraph 7"),
        ]
    );
}

#[test]
fn bad_word_files_are_one_clear_error() {
    let e = error("x.docx", b"Just text, not a zip.");
    assert!(e.starts_with("x.docx: is not a Word document"), "{e}");
    let e = error("x.docx", &zip::write(&[("other.xml", b"<a/>")], false));
    assert!(
        e.contains("is not a Word document (WordprocessingML)"),
        "{e}"
    );
    let e = error(
        "x.docx",
        &zip::write(&[("word/document.xml", b"<html/>")], false),
    );
    assert!(
        e.contains("x.docx:word/document.xml:1:1: is not WordprocessingML"),
        "{e}"
    );
    let e = error(
        "x.docx",
        &zip::write(&[("word/document.xml", b"<w:document><w:body>")], false),
    );
    assert!(e.contains("x.docx:word/document.xml:"), "{e}");
    let mut z = docx("<w:p><w:r><w:t>Texte.</w:t></w:r></w:p>", &[]);
    let n = z.len();
    z.truncate(n - 10);
    let e = error("x.docx", &z);
    assert!(e.contains("is not a valid zip archive"), "{e}");
    let e = error(
        "x.docx",
        &docx("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>", &[]),
    );
    assert_eq!(e, "x.docx: is a Word (.docx) document with no text in it");
    // The entity rules of every XML reader apply.
    let bomb = b"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaa\">]><w:document/>";
    let e = error("x.docx", &zip::write(&[("word/document.xml", bomb)], true));
    assert!(
        e.contains("DOCTYPE with entity declarations is refused"),
        "{e}"
    );
}

#[test]
fn odt_headings_lists_notes_tables_and_changes() {
    let content = r#"<?xml version="1.0"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
<office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix=")" style:num-format="a"/></text:list-style></office:automatic-styles>
<office:body><office:text>
<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>effacé</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:h text:outline-level="1">Titre</text:h>
<text:p>Un<text:s text:c="2"/>texte<text:change text:change-id="c1"/> avec note<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>La note.</text:p></text:note-body></text:note>.<office:annotation><text:p>commentaire</text:p></office:annotation></text:p>
<text:list text:style-name="L1"><text:list-item><text:p>premier</text:p></text:list-item><text:list-item><text:p>second</text:p></text:list-item></text:list>
<table:table><table:table-row><table:table-cell><text:p>A1</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>"#;
    let odt = zip::write(
        &[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", content.as_bytes()),
        ],
        true,
    );
    use UnitKind::*;
    assert_eq!(
        summary(&blocks("t.odt", &odt)),
        vec![
            (Heading, None, "Titre", "paragraph 1"),
            (Body, None, "Un texte avec note.", "paragraph 2"),
            (Note, Some("1"), "La note.", "footnote 1"),
            (ListItem, Some("a)"), "premier", "paragraph 3"),
            (ListItem, Some("b)"), "second", "paragraph 4"),
            (Body, None, "A1", "table 1, row 1, cell 1"),
        ]
    );
    let e = error(
        "t.odt",
        &zip::write(
            &[(
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            )],
            false,
        ),
    );
    assert!(e.contains("is not an OpenDocument text"), "{e}");
}

#[test]
fn html_blocks_lists_tables_and_dropped_code() {
    let page = r#"<!DOCTYPE html>
<html lang="fr" dir="ltr"><head><title>T</title><style>p { color: red }</style></head>
<body><script>var x = "<p>non</p>";</script>
<h1>Cybercriminalit&eacute;</h1>
<p>Un&nbsp;paragraphe <b>gras</b><br>et la suite &amp; fin.</p>
<ol start="3"><li><p>troisième</p></li><li value="7">septième</li></ol>
<table><tr><td>A1</td><td>B1</td></tr></table>
<div>Texte nu</div><!-- <p>commentaire</p> -->
</body></html>"#;
    let r = from_bytes(Path::new("p.html"), page.as_bytes(), None).unwrap();
    let Read::One(s) = r else { panic!() };
    assert_eq!(s.declared.as_ref().map(|(l, _)| l), Some(&Lang::Fr));
    use UnitKind::*;
    assert_eq!(
        summary(s.blocks.as_ref().unwrap()),
        vec![
            (Heading, None, "Cybercriminalité", "4:1"),
            (
                Body,
                None,
                "Un\u{a0}paragraphe gras et la suite & fin.",
                "5:1"
            ),
            (ListItem, Some("3."), "troisième", "6:15"),
            (ListItem, Some("7."), "septième", "6:40"),
            (Body, None, "A1", "7:12 (table 1, row 1, cell 1)"),
            (Body, None, "B1", "7:23 (table 1, row 1, cell 2)"),
            (Body, None, "Texte nu", "8:1"),
        ]
    );
    let e = error("p.html", b"<html><body><script>x</script> </body></html>");
    assert_eq!(e, "p.html: is an HTML document with no text in it");
}

#[test]
fn xliff_pairs_from_versions_1_2_and_2_0() {
    let v12 = r#"<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="fr-FR" target-language="en-GB"><body>
<trans-unit id="1"><source>Le <g id="1">texte</g><x id="2"/>.</source><target>The <g id="1">text</g>.</target>
<alt-trans><source>Autre</source><target>Other</target></alt-trans></trans-unit>
<trans-unit id="2"><source>Sans cible.</source></trans-unit>
<trans-unit id="3"><source>A. B.</source><seg-source><mrk mid="0" mtype="seg">A.</mrk> <mrk mid="1" mtype="seg">B.</mrk></seg-source>
<target><mrk mid="0" mtype="seg">One.</mrk> <mrk mid="1" mtype="seg">Two <ph id="1">&lt;br/&gt;</ph>bis.</mrk></target></trans-unit>
</body></file></xliff>"#;
    let Read::Aligned(pair) = from_bytes(Path::new("f.xlf"), v12.as_bytes(), None).unwrap() else {
        panic!("two documents expected")
    };
    let [a, b] = *pair;
    let texts = |s: &Source| {
        s.blocks
            .as_ref()
            .unwrap()
            .iter()
            .map(|b| format!("{} @ {}", b.text, b.place))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        texts(&a),
        [
            "Le texte. @ unit 1",
            "A. @ unit 3, segment 0",
            "B. @ unit 3, segment 1"
        ]
    );
    assert_eq!(
        texts(&b),
        [
            "The text. @ unit 1",
            "One. @ unit 3, segment 0",
            "Two bis. @ unit 3, segment 1"
        ]
    );
    assert_eq!(a.declared.as_ref().unwrap().0, Lang::Fr);
    assert_eq!(b.declared.as_ref().unwrap().0, Lang::En);
    assert_eq!(a.warnings.len(), 1);
    assert_eq!(a.warnings[0].code, "xliff/no-target");

    let v20 = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="ar">
<file id="f"><unit id="u1"><originalData><data id="d1">&lt;b&gt;</data></originalData>
<segment><source><pc id="1">Texte</pc><ph id="2" dataRef="d1"/> un<cp hex="00A0"/>deux.</source><target>نص.</target></segment>
<ignorable><source> </source></ignorable></unit></file></xliff>"#;
    let Read::Aligned(pair) = from_bytes(Path::new("f.xliff"), v20.as_bytes(), None).unwrap()
    else {
        panic!("two documents expected")
    };
    assert_eq!(
        texts(&pair[0]),
        ["Texte un\u{a0}deux. @ unit u1, segment 1"]
    );
    assert_eq!(texts(&pair[1]), ["نص. @ unit u1, segment 1"]);
    assert_eq!(pair[1].declared.as_ref().unwrap().0, Lang::Ar);

    let e = error(
        "f.xlf",
        br#"<xliff version="1.2"><file><body><trans-unit id="1"><source>Seul.</source><target/></trans-unit></body></file></xliff>"#,
    );
    assert!(
        e.contains(
            "f.xlf: is an XLIFF file with no translated unit: none of its 1 units has a target"
        ),
        "{e}"
    );
    let e = error("f.xlf", b"<tmx version=\"1.4\"/>");
    assert!(e.contains("is not XLIFF"), "{e}");
}

#[test]
fn pdf_refusals_and_paragraphs() {
    let e = error(
        "e.pdf",
        b"%PDF-1.4\ntrailer << /Root 1 0 R /Encrypt 5 0 R >>\n%%EOF",
    );
    assert!(e.starts_with("e.pdf: is an encrypted PDF"), "{e}");
    let e = error("e.pdf", b"not a pdf");
    assert!(e.contains("is not a PDF file"), "{e}");
    let text = "Un paragraphe assez long pour remplir toute une ligne de la page, qui\n\
                continue ici et se termine.\n\
                1.demande aux parlements de faire ce qui est nécessaire, et ce qui est\n\
                utile aussi,\n\
                une ligne de plus qui est assez longue pour être une ligne pleine du texte\n\u{c}Page deux.\n";
    let p = pdf::paragraphs(text);
    assert_eq!(
        p,
        "Un paragraphe assez long pour remplir toute une ligne de la page, qui\n\
         continue ici et se termine.\n\n\
         1. demande aux parlements de faire ce qui est nécessaire, et ce qui est\n\
         utile aussi,\n\n\
         une ligne de plus qui est assez longue pour être une ligne pleine du texte\n\n\
         Page deux.\n\n"
    );
    assert!(pdf::paragraphs("2La délégation a parlé.\n3D printing\n")
        .starts_with("² La délégation a parlé.\n3D printing"));
}

#[test]
fn numbers_in_list_formats() {
    assert_eq!(number_in(3, "decimal"), "3");
    assert_eq!(number_in(28, "lowerLetter"), "ab");
    assert_eq!(number_in(14, "upperRoman"), "XIV");
    assert_eq!(number_in(2, "arabicAbjad"), "ب");
    assert_eq!(number_in(12, "hindiNumbers"), "١٢");
}

#[test]
fn blocks_become_units_with_places_and_sentences() {
    let page = b"<html><body><h1>Titre</h1><p>Une phrase. Une autre phrase.</p></body></html>";
    let Read::One(source) = from_bytes(Path::new("p.html"), page, None).unwrap() else {
        panic!()
    };
    let decision = crate::text::lang::Decision::fallback(Lang::Fr);
    let r = crate::doc::read_source(&source, &decision, crate::doc::InputMode::Auto).unwrap();
    let u = &r.document.units;
    assert_eq!(u.len(), 2);
    assert_eq!(u[1].place.as_deref(), Some("1:27"));
    assert_eq!(&*u[1].plain, "Une phrase. Une autre phrase.");
    let s = r.sentences();
    assert_eq!(s.len(), 3);
    assert_eq!(&*s[2].unit.plain, "Une autre phrase.");
    assert_eq!(s[2].unit.place.as_deref(), Some("1:27"));
    assert_eq!(
        &r.source()[s[2].unit.span.start_byte..s[2].unit.span.end_byte],
        "Une autre phrase."
    );
}

/// A fuzz finding: a stray `=` before a value, then a letter of two bytes, cut the tag in
/// the middle of the letter.
#[test]
fn html_stray_equals_before_a_multibyte_letter() {
    let b = blocks("p.html", "<p =\"x\"ج>texte</p>".as_bytes());
    assert_eq!(b[0].text, "texte");
}

/// (kind, start, end) of a block's tags.
fn tags(b: &Block) -> Vec<(crate::doc::inline::TagKind, usize, usize)> {
    b.tags.iter().map(|t| (t.kind, t.start, t.end)).collect()
}

#[test]
fn word_runs_and_note_references_are_inline_tags() {
    use crate::doc::inline::TagKind::*;
    let footnotes = format!(
        r#"<w:footnotes {W}><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Note.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style></w:styles>"#
    );
    let b = blocks(
        "t.docx",
        &docx(
            r#"<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>1. Gras</w:t></w:r><w:r><w:t xml:space="preserve"> puis </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>italique</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="2"/></w:r><w:r><w:br/><w:t>fin</w:t></w:r><w:del><w:r><w:rPr><w:b/></w:rPr><w:t>ôté</w:t></w:r></w:del></w:p>"#,
            &[
                ("word/footnotes.xml", footnotes.as_str()),
                ("word/styles.xml", styles.as_str()),
            ],
        ),
    );
    assert_eq!(b[0].label.as_deref(), Some("1."));
    assert_eq!(b[0].text, "Gras puis italique fin");
    assert_eq!(
        tags(&b[0]),
        vec![
            (Bold, 0, 4),
            (Italic, 10, 18),
            (Footnote, 18, 18),
            (LineBreak, 18, 18)
        ]
    );
    assert_eq!(b[1].text, "Note.");
    assert!(b[1].tags.is_empty());
}

#[test]
fn html_inline_elements_and_note_links_are_tags() {
    use crate::doc::inline::TagKind::*;
    let page = r##"<html><body><p>Le <strong>Conseil</strong> m<sup>2</sup>
        <em>organisée</em><sup><a href="#fn2">2</a></sup> et<br>fin
        <a class="footnote-ref" href="#fn3"><sup>3</sup></a> FORGED</p></body></html>"##
        .replace("FORGED", "\u{FDD0}");
    let b = blocks("p.html", page.as_bytes());
    assert_eq!(b[0].text, "Le Conseil m2 organisée et fin \u{FFFD}");
    assert_eq!(
        tags(&b[0]),
        vec![
            (Bold, 3, 10),
            (Superscript, 12, 13),
            (Italic, 14, 24),
            (Footnote, 24, 24),
            (LineBreak, 27, 27),
            (Footnote, 31, 31)
        ]
    );
}

#[test]
fn html_places_are_counted_on_from_the_block_before() {
    // Lines and columns (in characters) after multibyte letters, on one line and across lines.
    let page = "<p>é</p>\n<p>ab</p><p>été</p>\n\n  <li>y</li>";
    let b = blocks("p.html", page.as_bytes());
    let places: Vec<&str> = b.iter().map(|b| b.place.as_str()).collect();
    assert_eq!(places, ["1:1", "2:1", "2:10", "4:3"]);
}

#[test]
fn html_tag_left_open_at_the_end_of_the_page_is_text() {
    let b = blocks("p.html", b"<p>un</p><p>x <y et la suite");
    assert_eq!(b.last().unwrap().text, "x <y et la suite");
    // A quote never closed keeps the tag open to the end, whatever follows.
    let b = blocks("p.html", b"<p>un</p><p>deux <a title=\"t<b>trois");
    assert_eq!(b.last().unwrap().text, "deux <a title=\"t<b>trois");
    // Many of them: all text, read once.
    let page = format!("<p>texte {}", "<a x=\"".repeat(2000));
    let b = blocks("p.html", page.as_bytes());
    assert_eq!(b[0].text.matches("<a").count(), 2000);
}

/// Each block's tags as `kind start..end`.
fn tags_of(s: &Source) -> Vec<String> {
    s.blocks
        .as_ref()
        .unwrap()
        .iter()
        .map(|b| {
            b.tags
                .iter()
                .map(|t| format!("{:?} {}..{}", t.kind, t.start, t.end))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect()
}

#[test]
fn xliff_inline_codes_are_tags() {
    let v12 = r#"<xliff version="1.2"><file source-language="fr" target-language="en"><body>
<trans-unit id="1"><source>Le <g id="1" ctype="bold">texte</g><x id="2"/> <bx id="3" rid="7"/>lu<ex id="4" rid="7"/> <bpt id="5" ctype="italic">{i}</bpt>ici<ept id="5">{/i}</ept><ph id="6" ctype="lb">&lt;br/&gt;</ph>fin<it id="8" pos="open">{u}</it>.</source>
<target>The <g id="1" ctype="bold">text</g><x id="2"/> <bx id="3" rid="7"/>read<ex id="4" rid="7"/> <bpt id="5" ctype="italic">{i}</bpt>here<ept id="5">{/i}</ept> end.</target></trans-unit>
<trans-unit id="2"><source>A. B.</source><seg-source><mrk mid="0" mtype="seg"><g id="1">A</g>.</mrk> <mrk mid="1" mtype="seg">B.</mrk></seg-source>
<target><mrk mid="0" mtype="seg"><g id="1">One</g>.</mrk> <mrk mid="1" mtype="seg">Two.</mrk></target></trans-unit>
</body></file></xliff>"#;
    let Read::Aligned(pair) = from_bytes(Path::new("f.xlf"), v12.as_bytes(), None).unwrap() else {
        panic!("two documents expected")
    };
    assert_eq!(
        pair[0].blocks.as_ref().unwrap()[0].text,
        "Le texte lu ici fin."
    );
    assert_eq!(
        tags_of(&pair[0]),
        [
            "Bold 3..8, Placeholder 8..8, Code 9..11, Italic 12..15, LineBreak 15..15, Placeholder 19..19",
            "Code 0..1",
            ""
        ]
    );
    assert_eq!(
        tags_of(&pair[1]),
        [
            "Bold 4..8, Placeholder 8..8, Code 9..13, Italic 14..18",
            "Code 0..3",
            ""
        ]
    );

    let v20 = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">
<file id="f"><unit id="u1">
<segment><source><pc id="1" type="fmt" subType="xlf:i">Texte</pc> <sc id="2" subType="xlf:u"/>souligné<ec startRef="2"/><ph id="3" subType="xlf:lb"/>suite<ec id="4" isolated="yes"/>.</source>
<target><pc id="1">Text</pc> <sc id="2"/>underlined<ec startRef="2"/> more.</target></segment></unit></file></xliff>"#;
    let Read::Aligned(pair) = from_bytes(Path::new("f.xliff"), v20.as_bytes(), None).unwrap()
    else {
        panic!("two documents expected")
    };
    assert_eq!(
        tags_of(&pair[0]),
        ["Italic 0..5, Underline 6..15, LineBreak 15..15, Placeholder 21..21"]
    );
    assert_eq!(tags_of(&pair[1]), ["Code 0..4, Code 5..15"]);

    // A reserved character in the file is text, not a tag.
    let forged = "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>a\u{FDD0}b</source><target>c</target></trans-unit></body></file></xliff>";
    let Read::Aligned(pair) = from_bytes(Path::new("f.xlf"), forged.as_bytes(), None).unwrap()
    else {
        panic!("two documents expected")
    };
    assert_eq!(pair[0].blocks.as_ref().unwrap()[0].text, "a\u{FFFD}b");
    assert_eq!(tags_of(&pair[0]), [""]);
}
