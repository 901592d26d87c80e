//! TMX 1.4b structure rules, checked on what `alinea align` writes: the root and its version,
//! the header's required attributes and their values, `tu` → `prop`* `tuv`+ and `tuv` → one
//! `seg` nesting, well-formed language tags, and the source language in every unit.

use std::path::PathBuf;

use assert_cmd::Command;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

const REQUIRED: &[&str] = &[
    "creationtool",
    "creationtoolversion",
    "segtype",
    "o-tmf",
    "adminlang",
    "srclang",
    "datatype",
];

fn attrs(e: &BytesStart) -> Vec<(String, String)> {
    e.attributes()
        .map(|a| {
            let a = a.unwrap();
            (
                String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                a.unescape_value().unwrap().into_owned(),
            )
        })
        .collect()
}

fn get<'a>(attrs: &'a [(String, String)], k: &str) -> Option<&'a str> {
    attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
}

/// A BCP 47 tag's shape: a 2–3 letter language, then 1–8 character alphanumeric subtags.
fn is_lang_tag(t: &str) -> bool {
    let mut parts = t.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Check a TMX file against the 1.4b structure rules; `source_everywhere` asks that every unit
/// hold the srclang variant. Returns the number of units.
fn check(xml: &str, source_everywhere: bool) -> Result<usize, String> {
    let mut r = Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut srclang = String::new();
    let (mut tus, mut header_seen, mut body_seen) = (0, false, false);
    let (mut tuv_in_tu, mut langs_in_tu) = (0, Vec::<String>::new());
    let mut segs_in_tuv = 0;
    loop {
        let ev = r.read_event().map_err(|e| e.to_string())?;
        let (start, empty) = match &ev {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
            let a = attrs(&e);
            let parent = path.last().map(String::as_str).unwrap_or("");
            match (parent, name.as_str()) {
                ("", "tmx") => {
                    if get(&a, "version") != Some("1.4") {
                        return Err("tmx version is not 1.4".into());
                    }
                }
                ("tmx", "header") => {
                    if body_seen || header_seen {
                        return Err("header must come once, before body".into());
                    }
                    header_seen = true;
                    for k in REQUIRED {
                        if get(&a, k).is_none_or(str::is_empty) {
                            return Err(format!("header lacks {k}"));
                        }
                    }
                    let seg = get(&a, "segtype").unwrap();
                    if !["block", "paragraph", "sentence", "phrase"].contains(&seg) {
                        return Err(format!("bad segtype {seg}"));
                    }
                    srclang = get(&a, "srclang").unwrap().to_string();
                    if srclang != "*all*" && !is_lang_tag(&srclang) {
                        return Err(format!("bad srclang {srclang}"));
                    }
                    if let Some(d) = get(&a, "creationdate") {
                        let ok = d.len() == 16
                            && d.as_bytes()[8] == b'T'
                            && d.ends_with('Z')
                            && d[..8]
                                .bytes()
                                .chain(d[9..15].bytes())
                                .all(|b| b.is_ascii_digit());
                        if !ok {
                            return Err(format!("bad creationdate {d}"));
                        }
                    }
                }
                ("tmx", "body") => {
                    if !header_seen {
                        return Err("body before header".into());
                    }
                    body_seen = true;
                }
                ("body", "tu") => {
                    tus += 1;
                    tuv_in_tu = 0;
                    langs_in_tu.clear();
                }
                ("tu", "prop" | "note") => {
                    if tuv_in_tu > 0 {
                        return Err("prop/note after a tuv".into());
                    }
                    if name == "prop" && get(&a, "type").is_none() {
                        return Err("prop without type".into());
                    }
                }
                ("tu", "tuv") => {
                    tuv_in_tu += 1;
                    segs_in_tuv = 0;
                    let lang = get(&a, "xml:lang").ok_or("tuv without xml:lang")?;
                    if !is_lang_tag(lang) {
                        return Err(format!("bad language tag {lang}"));
                    }
                    if langs_in_tu.iter().any(|l| l == lang) {
                        return Err(format!("two {lang} variants in one tu"));
                    }
                    langs_in_tu.push(lang.to_string());
                }
                ("tuv", "seg") => segs_in_tuv += 1,
                ("seg", _) => return Err(format!("unexpected <{name}> in seg")),
                (p, n) => return Err(format!("<{n}> not allowed in <{p}>")),
            }
            if !empty {
                path.push(name);
            } else if name == "tuv" || name == "tu" {
                return Err(format!("empty <{name}/>"));
            }
            continue;
        }
        match ev {
            Event::End(e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                if name == "tuv" && segs_in_tuv != 1 {
                    return Err(format!("tuv with {segs_in_tuv} seg"));
                }
                if name == "tu" {
                    if tuv_in_tu == 0 {
                        return Err("tu without tuv".into());
                    }
                    if source_everywhere && !langs_in_tu.contains(&srclang) {
                        return Err(format!("tu {tus} lacks the {srclang} variant"));
                    }
                }
                path.pop();
            }
            Event::Text(t) => {
                let parent = path.last().map(String::as_str).unwrap_or("");
                if !matches!(parent, "seg" | "prop" | "note")
                    && !t.unescape().unwrap().trim().is_empty()
                {
                    return Err(format!("text in <{parent}>"));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !body_seen {
        return Err("no body".into());
    }
    Ok(tus)
}

fn data(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("crates/alinea/tests/data/tmx")
        .join(name)
}

fn align(extra: &[&str], files: &[&str]) -> String {
    let mut cmd = Command::cargo_bin("alinea").unwrap();
    cmd.args(["align", "--input", "lines"]).args(extra);
    for f in files {
        cmd.arg(data(f));
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const FR: &str = "resolution.fr.txt";
const EN: &str = "resolution.en.txt";
const AR: &str = "resolution.ar.txt";

#[test]
fn written_tmx_follows_the_structure_rules() {
    assert_eq!(check(&align(&[], &[FR, EN, AR]), true), Ok(5));
    assert_eq!(check(&align(&[], &[FR, AR]), true), Ok(5));
    assert_eq!(
        check(&align(&["--unit", "sentence"], &[FR, EN, AR]), true).map(|n| n >= 5),
        Ok(true)
    );
    assert_eq!(
        check(
            &align(&["--locale", "fr=fr-CH,ar=ar-LB"], &[FR, EN, AR]),
            true
        ),
        Ok(5)
    );
    assert_eq!(check(&align(&["--langs", "de,fr"], &[EN, FR]), true), Ok(5));
    assert!(check(&align(&["--keep-unaligned"], &[FR, EN, AR]), false).is_ok());
}

#[test]
fn golden_files_follow_the_structure_rules() {
    for name in [
        "writer-fr-en-ar.tmx",
        "writer-keep-unaligned.tmx",
        "resolution.fr-en-ar.tmx",
    ] {
        let xml = std::fs::read_to_string(data(name)).unwrap();
        assert!(
            check(&xml, false).is_ok(),
            "{name}: {:?}",
            check(&xml, false)
        );
    }
}

#[test]
fn the_checker_catches_broken_files() {
    let good = align(&[], &[FR, EN]);
    assert!(check(&good, true).is_ok());
    let broken = [
        good.replacen(" o-tmf=\"alinea\"", "", 1),
        good.replacen("segtype=\"paragraph\"", "segtype=\"page\"", 1),
        good.replacen("xml:lang=\"en-GB\"", "xml:lang=\"english\"", 1),
        good.replacen("<seg>", "", 1).replacen("</seg>", "", 1),
        good.replacen("<seg>", "<seg><seg/>", 1),
        good.replacen("version=\"1.4\"", "version=\"2.0\"", 1),
        // The optional date, when given, must be well formed.
        good.replacen("<header ", "<header creationdate=\"20231114\" ", 1),
    ];
    for (i, b) in broken.iter().enumerate() {
        assert!(check(b, true).is_err(), "broken variant {i} passed");
    }
    // A unit without the source language breaks the srclang rule.
    let no_src = good.replacen("xml:lang=\"fr-FR\"", "xml:lang=\"de\"", 1);
    assert!(check(&no_src, true).is_err());
}
