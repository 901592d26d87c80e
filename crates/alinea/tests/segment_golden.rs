//! Golden tests for the paragraph reading of the French corpus and of small English and
//! Arabic documents: unit count, kinds, labels, lines and the first and last words of each
//! unit. The goldens live in `tests/data/segment/*.golden`; regenerate them after a deliberate
//! change with `UPDATE_GOLDEN=1 cargo test --test segment_golden` and review the diff.

use std::path::{Path, PathBuf};

use alinea::doc::{self, Document, InputMode, UnitKind};
use alinea::Lang;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

const FRENCH: &[&str] = &[
    "ecosoc-2019-19-cybercrime",
    "igf-2022-parliamentary-outcome",
    "ipu-132-cyber-warfare",
    "ipu-146-cybercrime",
    "ipu-2022-safe-cyberspace-democracy",
];

fn load(rel: &str) -> Document {
    doc::load(&root().join(rel), None, InputMode::Auto).unwrap()
}

fn summary(plain: &str) -> String {
    let words: Vec<&str> = plain.split_whitespace().collect();
    if words.len() <= 8 {
        words.join(" ")
    } else {
        format!(
            "{} … {}",
            words[..4].join(" "),
            words[words.len() - 4..].join(" ")
        )
    }
}

fn render(rel: &str, d: &Document) -> String {
    let mut out = format!("# {rel}: {} units, lang {}\n", d.units.len(), d.lang);
    for u in &d.units {
        out.push_str(&format!(
            "{}\t{}\t{}\tL{}-{}\t{}\n",
            u.index,
            u.kind.as_str(),
            u.label.as_deref().unwrap_or("-"),
            u.span.line,
            u.span.end_line,
            summary(&u.plain)
        ));
    }
    out
}

fn check_golden(rel: &str, golden: &str) {
    let d = load(rel);
    let got = render(rel, &d);
    let path: &Path = &root().join("crates/alinea/tests/data/segment").join(golden);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
            path.display()
        )
    });
    if got != want {
        let diff: Vec<String> = want
            .lines()
            .zip(got.lines())
            .filter(|(w, g)| w != g)
            .take(5)
            .map(|(w, g)| format!("- {w}\n+ {g}"))
            .collect();
        panic!(
            "{rel} differs from {golden} ({} vs {} lines):\n{}",
            want.lines().count(),
            got.lines().count(),
            diff.join("\n")
        );
    }
}

#[test]
fn french_corpus_matches_goldens() {
    for name in FRENCH {
        check_golden(
            &format!("corpus/fr/{name}.txt"),
            &format!("fr-{name}.golden"),
        );
    }
}

#[test]
fn english_and_arabic_samples_match_goldens() {
    check_golden(
        "crates/alinea/tests/data/segment/en/sample.txt",
        "en-sample.golden",
    );
    check_golden(
        "crates/alinea/tests/data/segment/ar/sample.txt",
        "ar-sample.golden",
    );
}

fn find<'a>(d: &'a Document, start: &str) -> &'a alinea::doc::Unit {
    d.units
        .iter()
        .find(|u| u.plain.starts_with(start))
        .unwrap_or_else(|| panic!("no unit starts with {start:?}"))
}

#[test]
fn ecosoc_page_break_and_footnotes() {
    let d = load("corpus/fr/ecosoc-2019-19-cybercrime.txt");
    assert_eq!(d.lang, Lang::Fr);
    let u = find(&d, "Rappelant en outre sa résolution 70/174");
    assert!(
        u.plain
            .contains("de la prévention de la criminalité et de la justice pénale"),
        "{}",
        u.plain
    );
    assert_eq!((u.span.line, u.span.end_line), (31, 35));
    let n = find(
        &d,
        "Voir Documents officiels du Conseil économique et social, 2017",
    );
    assert_eq!(n.kind, UnitKind::Note);
    assert_eq!(n.label.as_deref(), Some("¹"));
    // Paragraph 6 goes on after the footnote that interrupts it.
    let six = d
        .units
        .iter()
        .find(|u| u.label.as_deref() == Some("6."))
        .unwrap();
    assert!(six.plain.ends_with("ayant trait à la cybercriminalité ;"));
    assert_eq!(
        find(&d, "Nations Unies, Recueil des Traités").kind,
        UnitKind::Note
    );
    assert_eq!(find(&d, "Distr. générale").kind, UnitKind::Furniture);
    // Operative paragraphs 1 to 14, each a unit of its own.
    let labels: Vec<&str> = d
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::ListItem)
        .filter_map(|u| u.label.as_deref())
        .collect();
    let want: Vec<String> = (1..=14).map(|i| format!("{i}.")).collect();
    assert_eq!(labels, want);
}

#[test]
fn ipu_132_labels_without_blank_lines() {
    let d = load("corpus/fr/ipu-132-cyber-warfare.txt");
    let labels: Vec<&str> = d.units.iter().filter_map(|u| u.label.as_deref()).collect();
    let mut want: Vec<String> = (1..=15).map(|i| format!("{i})")).collect();
    want.extend((1..=12).map(|i| format!("{i}.")));
    assert_eq!(labels, want);
    let one = &d.units[1];
    assert_eq!(one.label.as_deref(), Some("1)"));
    assert!(one
        .plain
        .starts_with("convaincue, au vu des immenses avantages"));
    assert_eq!((one.span.line, one.span.end_line), (2, 3));
    assert_eq!(find(&d, "au niveau national").kind, UnitKind::Heading);
    assert_eq!(find(&d, "au niveau international").kind, UnitKind::Heading);
    assert_eq!(d.units.len(), 30);
}

#[test]
fn ipu_146_notes_letterhead_and_page_breaks() {
    let d = load("corpus/fr/ipu-146-cybercrime.txt");
    let india = find(&d, "La délégation de l'Inde");
    assert_eq!(india.kind, UnitKind::Note);
    assert_eq!(india.label.as_deref(), Some("*"));
    assert_eq!(
        find(&d, "La délégation de la Fédération de Russie").kind,
        UnitKind::Note
    );
    // The preamble paragraphs on either side stay body text.
    assert_eq!(
        find(&d, "rappelant également les résolutions annuelles").kind,
        UnitKind::Body
    );
    assert_eq!(
        find(&d, "rappelant en outre la Convention").kind,
        UnitKind::Body
    );
    // Each letterhead line is a heading of its own.
    for line in [
        "146e ASSEMBLÉE DE L'UIP",
        "المنامة، البحرين",
        "MANAMA, BAHREÏN",
    ] {
        assert_eq!(find(&d, line).kind, UnitKind::Heading, "{line}");
    }
    let two = d
        .units
        .iter()
        .find(|u| u.label.as_deref() == Some("2."))
        .unwrap();
    assert!(two
        .plain
        .contains("ainsi que de prévoir dans ces lois une compétence extraterritoriale"));
    let labels = d
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::ListItem)
        .count();
    assert_eq!(labels, 26);
}

#[test]
fn igf_letterhead_title_lists_and_page_break() {
    let d = load("corpus/fr/igf-2022-parliamentary-outcome.txt");
    assert_eq!(&*d.units[0].plain, "Union interparlementaire");
    assert_eq!(&*d.units[1].plain, "Pour la démocratie. Pour tous.");
    assert_eq!(d.units[0].kind, UnitKind::Heading);
    assert_eq!(d.units[1].kind, UnitKind::Heading);
    // A bold title wrapped with a two-space line break is one heading, markup stripped.
    assert_eq!(
        &*d.units[2].plain,
        "Document final du segment parlementaire organisé à l'occasion du 17e Forum sur la gouvernance de l'Internet de l'ONU"
    );
    assert!(d.units[2].text.starts_with("**Document final"));
    let a = find(&d, "envisager la ratification");
    assert_eq!(a.label.as_deref(), Some("a)"));
    assert!(a
        .plain
        .contains("et des instruments régionaux tels que la Convention de l'Union africaine"));
    let link = find(&d, "accueillons avec intérêt la publication");
    assert!(
        link.plain.contains("Guide to key digital policy issues"),
        "{}",
        link.plain
    );
    assert!(!link.plain.contains("https://"), "{}", link.plain);
}

#[test]
fn ipu_2022_headings_and_links() {
    let d = load("corpus/fr/ipu-2022-safe-cyberspace-democracy.txt");
    let h = find(&d, "Créer un cyberspace sûr pour la démocratie");
    assert_eq!(h.kind, UnitKind::Heading);
    assert!(h.text.starts_with("## "));
    let url = d
        .units
        .iter()
        .find(|u| &*u.plain == "https://us06web.zoom.us/webinar/register/WN_dMEN_hv2QGO5vUyrHFry0g")
        .expect("link text unescaped");
    assert_eq!(url.kind, UnitKind::Body);
    assert_eq!(find(&d, "Inscription").kind, UnitKind::Heading);
}

#[test]
fn arabic_sample_reading() {
    let d = load("crates/alinea/tests/data/segment/ar/sample.txt");
    assert_eq!(d.lang, Lang::Ar);
    let labels: Vec<&str> = d.units.iter().filter_map(|u| u.label.as_deref()).collect();
    assert_eq!(labels, ["١)", "٢)", "¹", "١-", "٢-", "(أ)", "(ب)"]);
    let two = d
        .units
        .iter()
        .find(|u| u.label.as_deref() == Some("٢)"))
        .unwrap();
    assert!(two.plain.ends_with(
        "اللجنة المخصصة في هذا الصدد؛ وإذ ترحب بمشاركة الاتحاد في المشاورات المتعددة أصحاب المصلحة،"
    ));
    assert_eq!(find(&d, "A/RES/74/247").kind, UnitKind::Furniture);
    assert_eq!(find(&d, "٣").kind, UnitKind::Furniture);
    assert_eq!(find(&d, "الجمعية الـ ١٤٦").kind, UnitKind::Heading);
    assert_eq!(find(&d, "انظر الوثائق الرسمية").kind, UnitKind::Note);
}

#[test]
fn english_sample_reading() {
    let d = load("crates/alinea/tests/data/segment/en/sample.txt");
    assert_eq!(d.lang, Lang::En);
    let u = find(&d, "Recalling its resolution 73/187");
    assert!(u
        .plain
        .contains("countering the use of the Internet for criminal purposes"));
    assert_eq!(find(&d, "Page 3").kind, UnitKind::Furniture);
    assert_eq!(find(&d, "GE.19-12345").kind, UnitKind::Furniture);
    assert_eq!(find(&d, "Distr.: General").kind, UnitKind::Furniture);
    assert_eq!(find(&d, "The delegation of India").kind, UnitKind::Note);
    assert_eq!(find(&d, "Introduction").kind, UnitKind::Heading);
    let a = d
        .units
        .iter()
        .find(|u| u.label.as_deref() == Some("(a)"))
        .unwrap();
    assert_eq!(a.kind, UnitKind::ListItem);
}
