//! Property: whatever the model holds, TBX v3, TBX v2, the glossary source (TOML) and JSON
//! give it back unchanged.

use std::path::Path;

use alinea::termbase::{
    self, Concept, Format, Gender, LangInfo, Link, Pos, Status, Term, TermType, Termbase,
    Transaction,
};
use alinea::Lang;
use proptest::prelude::*;

/// Text with XML and TOML specials, French and Arabic letters; no leading or trailing space.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Zéà&<>\"'\\\\ج١؟#\\[\\]=]([a-zA-Z éàœ&<>\"'\\\\ججة.,;|\n-]{0,14}[a-zé&<>'\"ج])?"
}

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![
        Just(Lang::Fr),
        Just(Lang::En),
        Just(Lang::Ar),
        Just(Lang::Other("de".into()))
    ]
}

fn pick<T: Copy + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(proptest::sample::select(all))
}

fn transaction() -> impl Strategy<Value = Transaction> {
    (
        text(),
        proptest::option::of(text()),
        proptest::option::of(text()),
    )
        .prop_map(|(kind, date, by)| Transaction { kind, date, by })
}

fn term() -> impl Strategy<Value = Term> {
    (
        (
            lang(),
            text(),
            pick(Status::ALL),
            pick(TermType::ALL),
            pick(Pos::ALL),
            pick(Gender::ALL),
        ),
        (
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(text()),
        ),
        proptest::collection::vec(text(), 0..2),
        proptest::collection::vec(transaction(), 0..2),
    )
        .prop_map(
            |(
                (lang, text, status, term_type, pos, gender),
                (expands, context, context_source, source),
                notes,
                transactions,
            )| {
                Term {
                    lang,
                    text,
                    status,
                    term_type,
                    pos,
                    gender,
                    expands,
                    context,
                    context_source,
                    source,
                    notes,
                    transactions,
                }
            },
        )
}

fn lang_info() -> impl Strategy<Value = LangInfo> {
    (
        lang(),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::collection::vec(text(), 0..2),
    )
        .prop_map(|(lang, definition, definition_source, notes)| LangInfo {
            lang,
            definition,
            definition_source,
            notes,
        })
}

fn concept() -> impl Strategy<Value = Concept> {
    (
        "[a-z][a-z0-9-]{0,8}",
        proptest::option::of(text()),
        proptest::collection::vec(text(), 0..3),
        proptest::collection::vec("[a-z][a-z-]{0,6}", 0..2),
        proptest::collection::vec(text(), 0..2),
        proptest::collection::vec(
            (text(), proptest::option::of(text()))
                .prop_map(|(target, label)| Link { target, label }),
            0..2,
        ),
        proptest::collection::vec(transaction(), 0..2),
        proptest::collection::vec(lang_info(), 0..3),
        (proptest::collection::vec(term(), 1..5), any::<bool>()),
    )
        .prop_map(
            |(
                id,
                subject,
                sources,
                related,
                notes,
                links,
                transactions,
                mut languages,
                (mut terms, link_acronym),
            )| {
                languages.sort_by_key(|l| l.lang.code().to_string());
                languages.dedup_by(|a, b| a.lang == b.lang);
                // Sometimes make the first term expand to another term of its language.
                if link_acronym {
                    let first = terms[0].lang.clone();
                    if let Some(full) = terms.iter().skip(1).find(|t| t.lang == first) {
                        let full = full.text.clone();
                        terms[0].expands = Some(full);
                    }
                }
                let mut c = Concept {
                    id,
                    subject,
                    sources,
                    related,
                    notes,
                    links,
                    transactions,
                    languages,
                    terms,
                };
                c.canonicalize();
                c
            },
        )
}

fn termbase() -> impl Strategy<Value = Termbase> {
    proptest::collection::vec(concept(), 1..4).prop_map(|mut concepts| {
        for (i, c) in concepts.iter_mut().enumerate() {
            c.id = format!("c{i}-{}", c.id);
        }
        Termbase { concepts }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn lossless_formats_round_trip(tb in termbase()) {
        for f in [Format::TbxV3, Format::TbxV2, Format::Toml, Format::Json] {
            let text = termbase::to_string(&tb, f).unwrap();
            let back = termbase::read_str(&text, f, Path::new("x"))
                .map_err(|e| TestCaseError::fail(format!("{f:?}: {e}\n{text}")))?
                .termbase;
            prop_assert_eq!(&back, &tb, "{:?}\n{}", f, text);
        }
    }
}
