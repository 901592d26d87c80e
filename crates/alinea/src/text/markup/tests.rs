//! Unit tests of `markup`.

use super::*;

fn inline(s: &str) -> String {
    let mut m = Mapped::default();
    strip_inline(s, 0, &mut m);
    m.text
}

#[test]
fn strips_markdown_residue() {
    assert_eq!(inline("**Nous, parlementaires,**"), "Nous, parlementaires,");
    assert_eq!(inline("*réunis* dans le cadre"), "réunis dans le cadre");
    assert_eq!(inline("***Faire face***"), "Faire face");
    assert_eq!(inline("le 17<sup>e</sup> Forum"), "le 17e Forum");
    assert_eq!(
        inline("la 146^e Assemblée, le 1^{er} mai"),
        "la 146e Assemblée, le 1er mai"
    );
    assert_eq!(
        inline("[https://x.org/WN\\\\_dMEN](https://x.org/WN_dMEN)"),
        "https://x.org/WN_dMEN"
    );
    assert_eq!(
        inline("du [\\*Guide to key issues\\*](https://a.b/c(d)) ;"),
        "du Guide to key issues ;"
    );
    assert_eq!(
        inline("WN\\_x snake_case a*b 2 * 3"),
        "WN_x snake_case a*b 2 * 3"
    );
    assert_eq!(inline("(Manama, 15 mars 2023)*"), "(Manama, 15 mars 2023)");
    assert_eq!(inline("a < b et c > d"), "a < b et c > d");
    assert_eq!(inline("x^2"), "x2");
    assert_eq!(inline("_italique_ mot"), "italique mot");
}

#[test]
fn labels() {
    for (s, n) in [
        ("1. texte", Some(2)),
        ("1)", Some(2)),
        ("11. x", Some(3)),
        ("a) x", Some(2)),
        ("(a) x", Some(3)),
        ("(iv) x", Some(4)),
        ("iv) x", Some(3)),
        ("IV. Titre", Some(3)),
        ("(أ) نص", Some("(أ)".len())),
        ("١) نص", Some("١)".len())),
        ("(١٢)", Some("(١٢)".len())),
        ("هـ) نص", Some("هـ)".len())),
        ("1.2. x", Some(4)),
        ("1- x", Some(2)),
        ("2019/19. Favoriser", None),
        ("11-15 MARS", None),
        ("M. Dupont", None),
        ("1er décembre", None),
        ("3.5 millions", None),
        ("1234. x", None),
        ("Mme X", None),
        ("(Manama, 15 mars)", None),
    ] {
        assert_eq!(label_len(s), n, "{s}");
    }
}

#[test]
fn label_keys() {
    for (l, k) in [
        ("1.", "1"),
        ("1)", "1"),
        ("(1)", "1"),
        ("١)", "1"),
        ("١٢-", "12"),
        ("a)", "a"),
        ("(a)", "a"),
        ("(أ)", "a"),
        ("(ب)", "b"),
        ("هـ)", "e"),
        ("(iv)", "iv"),
        ("IV.", "IV"),
        ("1.2.", "1.2"),
        ("¹", "1"),
        ("²³", "23"),
        ("*", "*"),
    ] {
        assert_eq!(label_key(l).as_deref(), Some(k), "{l}");
    }
    assert_eq!(label_key("M."), None);
    assert_eq!(label_key("2019/19."), None);
}

#[test]
fn line_starts() {
    let st = line_start("- a) des approches");
    assert!(st.bullet);
    assert_eq!(st.label, Some(2..4));
    assert_eq!(&"- a) des approches"[st.rest..], "des approches");
    let st = line_start("## Créer un cyberspace");
    assert_eq!(st.hashes, 2);
    assert_eq!(st.label, None);
    let st = line_start("* La délégation de l'Inde");
    assert!(st.note_mark);
    let st = line_start("¹ Voir *Documents officiels*");
    assert!(st.note_mark);
    assert_eq!(st.label, Some(0..2));
    let st = line_start("*réunis* dans le cadre");
    assert_eq!(st.label, None);
    assert_eq!(st.rest, 0);
}

#[test]
fn map_points_back_to_source() {
    let line = "1. *Accueille* les <sup>e</sup>";
    let m = strip_line(line, 100).collapse();
    assert_eq!(m.text, "1. Accueille les e");
    assert_eq!(m.source(3), Some(104));
    assert_eq!(strip("## Titre\n- a) *x*\n"), "Titre a) x");
}

/// Pieces that make and unmake markup, for comparing with the reference stripper.
const PIECES: &[&str] = &[
    "[",
    "]",
    "(",
    ")",
    "(u)",
    "](u)",
    "<",
    ">",
    "<sup>",
    "</sup>",
    "<b/>",
    "<br //>",
    "<span x>",
    "<strongest>",
    "^",
    "^{",
    "}",
    "^e",
    "*",
    "**",
    "_",
    "__",
    "\\",
    "\\\\",
    "\\*",
    "\\_",
    "a",
    "mot",
    " ",
    "\u{A0}",
    "é",
    "نص",
    "1",
    ".",
    "/",
    "\t",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    #[test]
    fn the_linear_stripper_matches_the_recursive_one(
        picks in proptest::collection::vec(0..PIECES.len(), 0..40),
        base in 0usize..1000,
    ) {
        let s: String = picks.iter().map(|&i| PIECES[i]).collect();
        let mut fast = Mapped::default();
        strip_inline(&s, base, &mut fast);
        let mut slow = Mapped::default();
        super::reference::strip_inline_reference(&s, base, &mut slow);
        proptest::prop_assert_eq!(fast, slow, "{:?}", s);
    }
}

/// The steps [`strip_inline`] takes on `make(n)`, at `n` and `10 n`: the second must stay
/// within 12 times the first (linear growth, and some slack), never the 100 times of a
/// quadratic reader.
fn grows_linearly(name: &str, make: impl Fn(usize) -> String) {
    let steps = |n: usize| {
        let s = make(n);
        crate::text::steps::count(|| {
            let mut m = Mapped::default();
            strip_inline(&s, 0, &mut m);
            let _ = line_start(&s);
        })
    };
    let (small, large) = (steps(2_000), steps(20_000));
    assert!(
        large <= 12 * small,
        "{name}: {small} steps at 2000, {large} at 20000"
    );
}

#[test]
fn stripping_is_linear_on_adversarial_lines() {
    grows_linearly("nested links", |n| {
        format!("Texte {}x{} fin.", "[".repeat(n), "](u)".repeat(n))
    });
    grows_linearly("open brackets", |n| format!("Texte {}", "[".repeat(n)));
    grows_linearly("links without url", |n| "[x](((".repeat(n));
    grows_linearly("parens and brackets", |n| {
        format!("{}{}", "(".repeat(n), "]".repeat(n))
    });
    grows_linearly("unclosed tags", |n| "<a".repeat(n));
    grows_linearly("one long tag", |n| format!("{}>", "<a".repeat(n)));
    grows_linearly("slashed tags", |n| format!("{}>", "<b///".repeat(n)));
    grows_linearly("carets", |n| "^{".repeat(n));
    grows_linearly("nested carets", |n| {
        format!("{}x{}", "^{".repeat(n), "}".repeat(n))
    });
    grows_linearly("stars", |n| "a *".repeat(n));
    grows_linearly("backslashes", |n| "\\".repeat(n));
    grows_linearly("labels", |n| "(".repeat(n));
}

#[test]
fn nested_links_keep_their_text() {
    let n = 50_000;
    let s = format!("Texte {}x{} fin.", "[".repeat(n), "](u)".repeat(n));
    let mut m = Mapped::default();
    strip_inline(&s, 0, &mut m);
    assert_eq!(m.text, "Texte x fin.");
    for (at, c) in m.text.char_indices() {
        assert!(s[m.source(at).unwrap()..].starts_with(c), "{at}");
    }
}

/// The per-character map that [`Mapped`]'s runs stand for: `(text byte, source byte)` of
/// every character, and the lookup it answers.
#[derive(Default)]
struct NaiveMap {
    text: String,
    map: Vec<(usize, usize)>,
}

impl NaiveMap {
    fn push(&mut self, c: char, src: usize) {
        self.map.push((self.text.len(), src));
        self.text.push(c);
    }

    fn push_str(&mut self, s: &str, src: usize) {
        for (i, c) in s.char_indices() {
            self.push(c, src + i);
        }
    }

    fn source(&self, at: usize) -> Option<usize> {
        let i = self.map.partition_point(|&(t, _)| t < at);
        self.map.get(i).map(|&(_, s)| s)
    }
}

#[test]
fn collapsed_texts_are_told_without_collapsing() {
    for t in ["a b", "a\u{a0}b", "l'État\u{202f}: oui", "x", "ع ب"] {
        assert!(collapsed(t), "{t:?}");
    }
    for t in [
        "",
        " a",
        "a ",
        "a  b",
        "a\nb",
        "a\tb",
        "a \u{a0}b",
        "\u{a0}a",
        "a\u{2003}b",
        "a\u{85}b",
        "a\u{3000}b",
    ] {
        assert!(!collapsed(t), "{t:?}");
    }
    // Either way, the same text and map as collapsing would make.
    let mut m = Mapped::default();
    m.push_str("la ", 3);
    m.push_str("Charte\u{a0}", 20);
    m.push_str("des", 40);
    let c = m.collapse();
    assert_eq!(c, m);
    assert_eq!(c.source(3), Some(20));
}

proptest::proptest! {
    /// The runs answer every lookup as a map of every character would, before and after
    /// collapsing white space, whatever the order and gaps of the source offsets.
    #[test]
    fn runs_answer_as_a_map_of_every_character(
        ops in proptest::collection::vec(
            (proptest::prop_oneof![
                proptest::strategy::Just("ab"), proptest::strategy::Just("é"),
                proptest::strategy::Just(" "), proptest::strategy::Just("\u{a0}"),
                proptest::strategy::Just("\n\t"), proptest::strategy::Just("ع ب"),
                proptest::strategy::Just("x"), proptest::strategy::Just("\u{202f}"),
                proptest::strategy::Just("\u{2003}"),
            ], 0usize..3, proptest::bool::ANY, 0usize..20),
            0..30,
        )
    ) {
        let (mut runs, mut naive) = (Mapped::default(), NaiveMap::default());
        let mut src: usize = 0;
        for (piece, gap, one_char, back) in ops {
            // Offsets move on by the piece's length plus a gap, or jump back.
            src = if back > 15 { src.saturating_sub(back) } else { src + gap };
            if one_char {
                let c = piece.chars().next().unwrap();
                runs.push(c, src);
                naive.push(c, src);
                src += 1;
            } else {
                runs.push_str(piece, src);
                naive.push_str(piece, src);
                src += piece.len();
            }
        }
        proptest::prop_assert_eq!(&runs.text, &naive.text);
        for at in 0..=runs.text.len() + 1 {
            proptest::prop_assert_eq!(runs.source(at), naive.source(at), "at {}", at);
        }
        let collapsed = runs.collapse();
        let mut expected = NaiveMap::default();
        let mut pending: Option<(char, usize, usize)> = None;
        for (i, c) in naive.text.chars().enumerate() {
            let s = naive.map[i].1;
            if c.is_whitespace() {
                pending = Some(pending.map_or((c, s, 1), |(p, s0, n)| (p, s0, n + 1)));
            } else {
                if let Some((p, s0, n)) = pending.take() {
                    if !expected.text.is_empty() {
                        let keep = n == 1 && matches!(p, '\u{00A0}' | '\u{202F}');
                        expected.push(if keep { p } else { ' ' }, s0);
                    }
                }
                expected.push(c, s);
            }
        }
        proptest::prop_assert_eq!(&collapsed.text, &expected.text);
        for at in 0..=collapsed.text.len() + 1 {
            proptest::prop_assert_eq!(collapsed.source(at), expected.source(at), "collapsed at {}", at);
        }
    }
}

proptest::proptest! {
    /// Text without a byte that may start markup is copied as it stands, so that a reader
    /// may skip stripping it.
    #[test]
    fn text_without_markup_bytes_is_kept_as_it_stands(s in "[a-z*_\\[\\]<>^\\\\ é«»&;:()]{0,30}") {
        let mut m = Mapped::untracked();
        strip_inline(&s, 0, &mut m);
        if !has_inline_markup(&s) {
            proptest::prop_assert_eq!(&m.text, &s);
        }
    }
}

proptest::proptest! {
    /// The vectorised search finds the first byte that may start markup, as a byte-by-byte
    /// search does.
    #[test]
    fn the_next_mark_is_the_first_of_the_six_bytes(s in "[a-z*_\\[\\]<>^\\\\ é«»]{0,40}") {
        let slow = s
            .bytes()
            .position(|b| matches!(b, b'\\' | b'<' | b'^' | b'[' | b'*' | b'_'));
        proptest::prop_assert_eq!(next_inline_mark(s.as_bytes()), slow);
    }
}
