//! Escaping text for XML and HTML: the one place alinea's writers (TMX, TBX, the review page,
//! the mined termbase's page, a TMX segment `lint --fix` rewrites) escape what they write. The output is byte for byte that of `quick_xml::escape`
//! (`&lt;`, `&gt;`, `&amp;`, and with quotes `&apos;`, `&quot;`), found by vectorised searches
//! (`memchr`) that skip the runs with nothing to escape, which is most of any text, and
//! borrowed when nothing is.

use std::borrow::Cow;

/// `s` escaped for XML or HTML text and attribute values: `<`, `>`, `&`, `'` and `"`.
pub fn escape(s: &str) -> Cow<'_, str> {
    escape_with(s, true)
}

/// `s` escaped for element text only: `<`, `>` and `&` (quotes stay as they are).
pub fn escape_text(s: &str) -> Cow<'_, str> {
    escape_with(s, false)
}

fn escape_with(s: &str, quotes: bool) -> Cow<'_, str> {
    let b = s.as_bytes();
    // The next markup character and the next quote at or after a position, each searched
    // again only once passed (a text full of apostrophes is not searched again for `<`).
    let markup = |from: usize| memchr::memchr3(b'<', b'>', b'&', &b[from..]).map(|i| from + i);
    let quote = |from: usize| {
        if quotes {
            memchr::memchr2(b'\'', b'"', &b[from..]).map(|i| from + i)
        } else {
            None
        }
    };
    let (mut next_markup, mut next_quote) = (markup(0), quote(0));
    if next_markup.is_none() && next_quote.is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + s.len() / 8 + 8);
    let mut pos = 0;
    loop {
        let i = match (next_markup, next_quote) {
            (Some(m), Some(q)) => m.min(q),
            (Some(m), None) => m,
            (None, Some(q)) => q,
            (None, None) => break,
        };
        out.push_str(&s[pos..i]);
        out.push_str(match b[i] {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' => "&amp;",
            b'\'' => "&apos;",
            _ => "&quot;",
        });
        pos = i + 1;
        if next_markup == Some(i) {
            next_markup = markup(pos);
        } else {
            next_quote = quote(pos);
        }
    }
    out.push_str(&s[pos..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_same_bytes_as_quick_xml(s in "[a<>&'\"é\\u{0600} \t\n]{0,40}") {
            proptest::prop_assert_eq!(escape(&s), quick_xml::escape::escape(s.as_str()));
            proptest::prop_assert_eq!(
                escape_text(&s),
                quick_xml::escape::partial_escape(s.as_str())
            );
        }
    }

    #[test]
    fn borrowed_when_nothing_is_escaped() {
        assert!(matches!(escape("l’Union"), Cow::Borrowed(_)));
        assert!(matches!(escape_text("l'Union \"x\""), Cow::Borrowed(_)));
        assert_eq!(
            escape("a<b & 'c' \"d\">"),
            "a&lt;b &amp; &apos;c&apos; &quot;d&quot;&gt;"
        );
        assert_eq!(escape_text("a<b & 'c'"), "a&lt;b &amp; 'c'");
    }
}
