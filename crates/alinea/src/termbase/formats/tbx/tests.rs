//! Unit tests of `termbase::formats::tbx`.

use std::path::Path;

use super::write::process_status;
use super::*;
use crate::diag::Severity;
use crate::termbase::model::{Concept, Termbase};
use crate::Lang;

const UNREAD: &str = r#"<martif type="TBX-Basic" xml:lang="en"><text><body>
<termEntry id="c1">
  <descrip type="definition">First.</descrip>
  <descrip type="Usage">x</descrip>
  <langSet xml:lang="en">
    <descrip type="definition">Second.</descrip>
    <tig><term>alpha</term><termNote type="usage">common</termNote><termNote type="geographicalUsage">UK</termNote></tig>
    <foo/>
  </langSet>
</termEntry>
<termEntry id="c2"><langSet xml:lang="en"><tig><term>beta</term><termNote type="usage">rare</termNote></tig></langSet></termEntry>
</body></text></martif>
"#;

#[test]
fn unknown_elements_and_term_note_types_are_warned_of_with_their_place() {
    let (tb, _, w) = read(UNREAD, Path::new("u.tbx")).unwrap();
    assert_eq!(tb.concepts.len(), 2);
    assert_eq!(tb.concepts[0].definition(&Lang::En), Some("First."));
    let got: Vec<String> = w.iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        [
            "u.tbx:4:3: <descrip type=\"Usage\"> in <termEntry> is not read by alinea: left out [termbase/tbx-ignored]",
            "u.tbx:6:5: a second definition in en for one concept is not read by alinea: left out [termbase/tbx-ignored]",
            "u.tbx:7:28: <termNote type=\"usage\"> in <tig> is not read by alinea: left out (2 times; the first here) [termbase/tbx-ignored]",
            "u.tbx:7:68: <termNote type=\"geographicalUsage\"> in <tig> is not read by alinea: left out [termbase/tbx-ignored]",
            "u.tbx:8:5: <foo> in <langSet> is not read by alinea: left out [termbase/tbx-ignored]",
        ]
    );
    assert!(w.iter().all(|d| d.severity == Severity::Warning));
}

#[test]
fn what_alinea_writes_it_reads_without_a_warning() {
    let built_in = crate::termbase::read_str(
        crate::termbase::load::BUILT_IN,
        crate::termbase::Format::Toml,
        Path::new("g.toml"),
    )
    .unwrap()
    .termbase;
    for version in [2, 3] {
        let text = write(&built_in, version);
        let (_, _, w) = read(&text, Path::new("g.tbx")).unwrap();
        assert!(w.is_empty(), "TBX v{version}: {w:?}");
    }
}

#[test]
fn process_status_is_a_term_note_both_ways() {
    let mut t = crate::termbase::model::Term::new(Lang::En, "wind turbine");
    t.notes = vec![
        format!("{PROCESS_STATUS}provisionallyProcessed"),
        "seen 3 times".into(),
    ];
    let mut c = Concept {
        id: "m1".into(),
        terms: vec![t],
        ..Concept::default()
    };
    c.canonicalize();
    let tb = Termbase { concepts: vec![c] };
    for version in [2, 3] {
        let text = write(&tb, version);
        assert!(
            text.contains("<termNote type=\"processStatus\">provisionallyProcessed</termNote>"),
            "v{version}: {text}"
        );
        assert!(!text.contains("<note>processStatus"), "v{version}");
        let (back, _, w) = read(&text, Path::new("m.tbx")).unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            back.concepts[0].terms[0].notes,
            tb.concepts[0].terms[0].notes
        );
    }
    assert_eq!(process_status("processStatus: provisional"), None);
}
