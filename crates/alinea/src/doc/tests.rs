//! Unit tests of `doc`.

use super::*;

/// The aligner's untraced reading gives the very document the traced one does.
#[test]
fn read_document_is_the_document_of_read_decided() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus"));
    let mut seen = 0;
    for lang in ["fr", "en", "ar"] {
        let Ok(entries) = std::fs::read_dir(root.join(lang)) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            let text = std::fs::read_to_string(&path).unwrap();
            let decision = decide(None, &path, &text);
            for mode in [InputMode::Auto, InputMode::Lines] {
                let traced = read_decided(&path, &text, &decision, mode).unwrap();
                let plain = read_document(&path, &text, &decision, mode).unwrap();
                assert_eq!(
                    serde_json::to_string(&traced.document).unwrap(),
                    serde_json::to_string(&plain).unwrap(),
                    "{}",
                    path.display()
                );
                seen += 1;
            }
        }
    }
    assert!(seen >= 30, "{seen} readings compared");
}

/// The steps reading `make(n)` into paragraphs and sentences takes, at `n` and `10 n`:
/// linear growth (within 12 times), never the 100 times of a quadratic reader.
fn grows_linearly(name: &str, make: impl Fn(usize) -> String) {
    let steps = |n: usize| {
        let text = make(n);
        crate::text::steps::count(|| {
            let r = read_str(Path::new("t.txt"), &text, Some(Lang::Fr), InputMode::Auto)
                .expect("reads");
            let _ = r.sentences();
        })
    };
    let (small, large) = (steps(1_000), steps(10_000));
    assert!(
        large <= 12 * small,
        "{name}: {small} steps at 1000, {large} at 10000"
    );
}

const LONG: &str =
    "Une phrase qui est assez longue pour compter comme du corps de texte et qui finit sur de";

#[test]
fn reading_is_linear_on_adversarial_documents() {
    grows_linearly("page-break joins", |n| format!("{LONG}\n\n").repeat(n));
    grows_linearly("joins over furniture", |n| {
        format!(
            "{LONG}\n\n{}{}",
            "3\n\n".repeat(n),
            "suite de\n\n".repeat(n)
        )
    });
    grows_linearly("short lines ending a clause", |n| "Abc,\n".repeat(n));
    grows_linearly("one paragraph of many sentences", |n| {
        "ab. Cd ef\n".repeat(n)
    });
    grows_linearly("bare labels", |n| "1.\n".repeat(n));
    grows_linearly("nested links", |n| {
        format!("Texte {}x{} fin.\n", "[".repeat(n), "](u)".repeat(n))
    });
    grows_linearly("labels on one line", |n| "1. ".repeat(n));
    grows_linearly("notes between parts", |n| {
        format!("{LONG}\n\n{}", "¹ Note.\n\nsuite et de\n\n".repeat(n))
    });
}

#[test]
fn page_breaks_join_many_parts_into_one_unit() {
    let text = format!("{LONG}\n\n").repeat(300);
    let d = from_text(Path::new("t.txt"), &text, Some(Lang::Fr), InputMode::Auto).unwrap();
    assert_eq!(d.units.len(), 1);
    assert_eq!(d.units[0].plain.len(), 300 * LONG.len() + 299);
}

#[test]
fn parts_are_joined_with_a_space_and_one_part_is_not_copied() {
    assert_eq!(super::joined([]), "");
    assert!(matches!(
        super::joined(["a b"]),
        std::borrow::Cow::Borrowed("a b")
    ));
    assert_eq!(super::joined(["a", "b", "c"]), "a b c");
}
