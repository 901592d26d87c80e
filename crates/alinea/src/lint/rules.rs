//! The rule table: every rule's stable id, default severity, description and help text.

use crate::diag::sarif::RuleMeta;
use crate::diag::Severity;

/// One rule.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// What the rule finds, in one line.
    pub short: &'static str,
    /// What to do about a finding.
    pub help: &'static str,
    /// Whether the rule needs an aligned source.
    pub bilingual: bool,
}

const fn rule(
    id: &'static str,
    severity: Severity,
    bilingual: bool,
    short: &'static str,
    help: &'static str,
) -> Rule {
    Rule {
        id,
        severity,
        short,
        help,
        bilingual,
    }
}

use Severity::{Error, Warning};

/// Every rule, by family.
pub const RULES: [Rule; 19] = [
    rule(
        "term/deprecated",
        Error,
        false,
        "A deprecated or superseded term is used.",
        "Use the preferred term of the concept (the fix replaces it when there is one).",
    ),
    rule(
        "term/missing-equivalent",
        Error,
        true,
        "A source term is present and none of its approved equivalents is in the target unit.",
        "Use one of the expected terms, or add the rendering to the termbase if it is right.",
    ),
    rule(
        "term/untranslated",
        Warning,
        true,
        "A source term is left in the source language in the target unit.",
        "Translate the term with one of the expected equivalents.",
    ),
    rule(
        "term/variant",
        Warning,
        false,
        "Two terms of one concept are mixed in one document.",
        "Keep to one term of the concept throughout the document.",
    ),
    rule(
        "term/inconsistent",
        Warning,
        true,
        "One source term is rendered two ways in one document.",
        "Render the source term the same way throughout the document.",
    ),
    rule(
        "number/mismatch",
        Error,
        true,
        "A number, date, percentage, document symbol, URL or paragraph label differs between source and target.",
        "Copy the value of the source (digits, separators and date forms may follow the target language).",
    ),
    rule(
        "structure/missing",
        Error,
        true,
        "A source unit has no target unit.",
        "Translate the missing paragraph or sentence.",
    ),
    rule(
        "structure/untranslated",
        Error,
        true,
        "The target unit is the source, or is in the source language.",
        "Translate the unit.",
    ),
    rule(
        "consistency/segment",
        Warning,
        true,
        "One source segment is translated two different ways in one document.",
        "Use the same translation for repeated segments unless the context requires otherwise.",
    ),
    rule(
        "acronym/undefined",
        Warning,
        false,
        "An acronym is used before or without its expansion.",
        "Spell the acronym out at its first use, with the acronym in parentheses.",
    ),
    rule(
        "acronym/mismatch",
        Warning,
        true,
        "The source's acronym is kept in the target where the target language has its own.",
        "Use the target language's acronym.",
    ),
    rule(
        "typography/fr-spacing",
        Warning,
        false,
        "French spacing: a no-break space before ; : ! ? and inside « ».",
        "Use U+202F before ; ! ? and U+00A0 before : and inside « » (the fix does).",
    ),
    rule(
        "typography/ar-punctuation",
        Warning,
        false,
        "Latin punctuation in Arabic text.",
        "Use the Arabic comma, semicolon and question mark (، ؛ ؟).",
    ),
    rule(
        "typography/apostrophe",
        Warning,
        false,
        "Straight and typographic apostrophes mixed in one document.",
        "Use one kind of apostrophe throughout (the fix uses the document's majority).",
    ),
    rule(
        "typography/quotes",
        Warning,
        false,
        "Straight quotes in a document that uses typographic quotes.",
        "Use the language's quotation marks (« » in French, “ ” in English).",
    ),
    rule(
        "typography/doubled-word",
        Warning,
        false,
        "The same word twice in a row.",
        "Delete one of them unless the repetition is meant.",
    ),
    rule(
        "script/invisible",
        Warning,
        false,
        "An invisible or bidi control character.",
        "Delete it unless it is needed for display (the fix deletes zero-width spaces).",
    ),
    rule(
        "lint/no-alignment",
        Warning,
        true,
        "A document given with a source could not be aligned unit by unit.",
        "Check that the source is the right document.",
    ),
    rule(
        "lint/no-termbase-language",
        Warning,
        false,
        "The termbase has no term in the document's language.",
        "Give a termbase with terms in this language.",
    ),
];

/// The rule with `id`.
pub fn get(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// The rules' metadata for SARIF.
pub fn sarif_meta() -> Vec<RuleMeta<'static>> {
    RULES
        .iter()
        .map(|r| RuleMeta {
            id: r.id,
            short: r.short,
            help: r.help,
        })
        .collect()
}

/// Whether `pattern` names `id`: the id itself, its family (`term`, `term/*`) or `*`.
pub fn matches(pattern: &str, id: &str) -> bool {
    let p = pattern.trim_end_matches("/*");
    p == "*" || p == id || id.split('/').next() == Some(p)
}
