//! SRX 2.0 segmentation rules (as Okapi and OmegaT write them): [`Srx::parse`] reads a file,
//! [`Srx::split`] cuts a paragraph into sentences with them, [`builtin`] writes the built-in
//! rules of [`super::sentences`] as an SRX file.
//!
//! Semantics (SRX 2.0): the `maprules` map a language code to language rules by the regular
//! expressions of their `languagemap`s (matched against the whole code, case-insensitively).
//! With `cascade="yes"` every matching map's rules apply, in map order; with `cascade="no"`
//! only the first's. At each position between two characters the rules are tried in that
//! order: the first whose `beforebreak` matches the text ending there and whose `afterbreak`
//! matches the text starting there decides (`break="yes"`: a sentence ends; `"no"`: it does
//! not). No rule matching: no break. An absent or empty pattern matches anything.
//!
//! Patterns are Java/ICU regular expressions, translated by [`java::translate`]; what cannot
//! be translated is an [`Error::Parse`] naming the file, line and column. Each `beforebreak` is
//! matched against the text before the position (a pattern looking right of it sees the end of
//! the text), each `afterbreak` against the text after it.

pub mod builtin;
pub mod java;

use std::ops::Range;
use std::path::{Path, PathBuf};

use quick_xml::events::Event;
use regex::Regex;

use crate::input::xml::XmlReader;
use crate::{Error, Lang, Result};

pub use builtin::builtin;

/// One rule of a language rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// `break="yes"`: a sentence ends where the rule matches.
    pub brk: bool,
    /// `(?:beforebreak)$`, `None` when absent or empty.
    before: Option<Regex>,
    /// `^(?:afterbreak)`, `None` when absent or empty.
    after: Option<Regex>,
}

impl Rule {
    fn matches(&self, text: &str, at: usize) -> bool {
        self.before.as_ref().is_none_or(|b| b.is_match(&text[..at]))
            && self.after.as_ref().is_none_or(|a| a.is_match(&text[at..]))
    }
}

/// A named list of rules (`languagerule`).
#[derive(Clone, Debug)]
pub struct LanguageRule {
    pub name: String,
    pub rules: Vec<Rule>,
}

/// Segmentation rules read from an SRX file.
#[derive(Clone, Debug)]
pub struct Srx {
    /// The file the rules came from.
    pub path: PathBuf,
    pub cascade: bool,
    pub languagerules: Vec<LanguageRule>,
    /// `languagemap`s: a pattern over language codes → an index in `languagerules`.
    maps: Vec<(Regex, usize)>,
}

/// The text content being read, and where it started.
struct Pending {
    kind: Pattern,
    text: String,
    /// Byte offset in the file of the first character of the content.
    at: u64,
    /// Whether the content is the raw text (no entity): positions in it are exact.
    exact: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Pattern {
    Before,
    After,
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

impl Srx {
    /// Read the SRX file at `path` (through [`crate::input::read_text`]).
    pub fn read(path: &Path) -> Result<Srx> {
        let text = crate::input::read_text(path)?;
        Srx::parse(&text.text, &text.path)
    }

    /// Parse the SRX text `text`; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Srx> {
        let mut r = XmlReader::from_str(text, path);
        let mut buf = Vec::new();
        let mut srx = Srx {
            path: path.to_path_buf(),
            cascade: false,
            languagerules: Vec::new(),
            maps: Vec::new(),
        };
        let mut root_seen = false;
        // The rule being read: its break value and its two patterns with their places.
        let mut rule: Option<(bool, Vec<Pending>)> = None;
        let mut pending: Option<Pending> = None;
        // languagemaps are resolved at the end (they may come before their rules).
        let mut maps: Vec<(String, String, u64)> = Vec::new();
        loop {
            let ev = r.next(&mut buf)?;
            match ev {
                Event::Eof => break,
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let empty = matches!(ev, Event::Empty(_));
                    let name = local(e.name().as_ref()).to_vec();
                    if !root_seen {
                        root_seen = true;
                        if name != b"srx" {
                            return Err(r.error(format!(
                                "not an SRX file: the root element is <{}>, not <srx>",
                                String::from_utf8_lossy(e.name().as_ref())
                            )));
                        }
                        continue;
                    }
                    match name.as_slice() {
                        b"header" => {
                            srx.cascade = r
                                .attr(e, &["cascade"])?
                                .is_some_and(|v| v.trim().eq_ignore_ascii_case("yes"));
                        }
                        b"languagerule" => {
                            let name = r.attr(e, &["languagerulename"])?.ok_or_else(|| {
                                r.error("<languagerule> without a languagerulename")
                            })?;
                            srx.languagerules.push(LanguageRule {
                                name,
                                rules: Vec::new(),
                            });
                        }
                        b"rule" => {
                            if srx.languagerules.is_empty() {
                                return Err(r.error("<rule> outside a <languagerule>"));
                            }
                            let brk = match r.attr(e, &["break"])?.as_deref().map(str::trim) {
                                None | Some("yes") => true,
                                Some("no") => false,
                                Some(other) => {
                                    return Err(r.error(format!(
                                        "break={other:?}: it is \"yes\" or \"no\""
                                    )))
                                }
                            };
                            if empty {
                                srx.push_rule(brk, Vec::new(), text)?;
                            } else {
                                rule = Some((brk, Vec::new()));
                            }
                        }
                        b"beforebreak" | b"afterbreak" if rule.is_some() && !empty => {
                            let kind = if name == b"beforebreak" {
                                Pattern::Before
                            } else {
                                Pattern::After
                            };
                            pending = Some(Pending {
                                kind,
                                text: String::new(),
                                at: r.offset(),
                                exact: true,
                            });
                        }
                        b"languagemap" => {
                            let pattern = r.attr(e, &["languagepattern"])?;
                            let target = r.attr(e, &["languagerulename"])?;
                            match (pattern, target) {
                                (Some(p), Some(t)) => maps.push((p, t, r.offset())),
                                _ => {
                                    return Err(r.error(
                                        "<languagemap> needs languagepattern and languagerulename",
                                    ))
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Event::Text(ref t) => {
                    if let Some(p) = pending.as_mut() {
                        let unescaped = r.text(t)?;
                        if p.text.is_empty() {
                            p.at = r.offset();
                        }
                        if unescaped.as_bytes() != &t[..] || !p.text.is_empty() {
                            p.exact = false;
                        }
                        p.text.push_str(&unescaped);
                    }
                }
                Event::CData(ref t) => {
                    if let Some(p) = pending.as_mut() {
                        p.exact = false;
                        p.text.push_str(&String::from_utf8_lossy(t.as_ref()));
                    }
                }
                Event::End(ref e) => match local(e.name().as_ref()) {
                    b"beforebreak" | b"afterbreak" => {
                        if let (Some(p), Some((_, pats))) = (pending.take(), rule.as_mut()) {
                            pats.push(p);
                        }
                    }
                    b"rule" => {
                        if let Some((brk, pats)) = rule.take() {
                            srx.push_rule(brk, pats, text)?;
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        if srx.languagerules.iter().all(|l| l.rules.is_empty()) {
            return Err(Error::parse_at(
                path,
                text,
                0,
                "the SRX file holds no segmentation rule (<languagerule> with <rule>)".into(),
            ));
        }
        if maps.is_empty() {
            return Err(Error::parse_at(
                path,
                text,
                0,
                "the SRX file maps no language to its rules (<maprules> with <languagemap>)".into(),
            ));
        }
        for (pattern, target, at) in maps {
            let place = |message: String| Error::parse_at(path, text, at as usize, message);
            let Some(ix) = srx.languagerules.iter().position(|l| l.name == target) else {
                return Err(place(format!(
                    "<languagemap> names the language rule {target:?}, which is not defined"
                )));
            };
            let translated = java::translate(&pattern)
                .map_err(|e| place(format!("languagepattern {pattern:?}: {}", e.message)))?;
            let re = Regex::new(&format!("(?i)^(?:{translated})$"))
                .map_err(|e| place(format!("languagepattern {pattern:?}: {}", short(&e))))?;
            srx.maps.push((re, ix));
        }
        Ok(srx)
    }

    fn push_rule(&mut self, brk: bool, pats: Vec<Pending>, file: &str) -> Result<()> {
        let mut rule = Rule {
            brk,
            before: None,
            after: None,
        };
        for p in pats {
            if p.text.is_empty() {
                continue;
            }
            // Where a character of the pattern is in the file (the pattern's start when
            // entities moved the characters).
            let place = |char_at: usize, message: String| {
                let offset = if p.exact {
                    p.text
                        .char_indices()
                        .nth(char_at)
                        .map_or(p.text.len(), |(b, _)| b)
                } else {
                    0
                };
                Error::parse_at(&self.path, file, p.at as usize + offset, message)
            };
            let label = match p.kind {
                Pattern::Before => "beforebreak",
                Pattern::After => "afterbreak",
            };
            let translated = java::translate(&p.text)
                .map_err(|e| place(e.at, format!("{label}: {}", e.message)))?;
            let wrapped = match p.kind {
                Pattern::Before => format!("(?:{translated})$"),
                Pattern::After => format!("^(?:{translated})"),
            };
            let re = Regex::new(&wrapped).map_err(|e| {
                place(
                    0,
                    format!("{label}: invalid regular expression: {}", short(&e)),
                )
            })?;
            match p.kind {
                Pattern::Before => rule.before = Some(re),
                Pattern::After => rule.after = Some(re),
            }
        }
        if let Some(l) = self.languagerules.last_mut() {
            l.rules.push(rule);
        }
        Ok(())
    }

    /// The rules that apply to `lang`, in the order they are tried (see the module
    /// documentation for `cascade`).
    pub fn rules_for(&self, lang: &Lang) -> Vec<&Rule> {
        let code = lang.code();
        let mut out = Vec::new();
        for (re, ix) in &self.maps {
            if re.is_match(code) {
                out.extend(self.languagerules[*ix].rules.iter());
                if !self.cascade {
                    break;
                }
            }
        }
        out
    }

    /// Byte ranges of the sentences of `text` in `lang` (trimmed, never empty, in order).
    pub fn split(&self, text: &str, lang: &Lang) -> Vec<Range<usize>> {
        let rules = self.rules_for(lang);
        let first_break = rules.iter().position(|r| r.brk);
        let mut out = Vec::new();
        let mut start = 0;
        if let Some(first_break) = first_break {
            for (at, _) in text.char_indices().skip(1) {
                // The first break rule that matches here, then any rule before it.
                let Some(k) = (first_break..rules.len())
                    .find(|&k| rules[k].brk && rules[k].matches(text, at))
                else {
                    continue;
                };
                if rules[..k].iter().any(|r| !r.brk && r.matches(text, at)) {
                    continue;
                }
                super::sentences::push_trimmed(text, start, at, &mut out);
                start = at;
            }
        }
        super::sentences::push_trimmed(text, start, text.len(), &mut out);
        out
    }
}

/// The first line of a `regex` error that says what is wrong.
fn short(e: &regex::Error) -> String {
    let s = e.to_string();
    s.lines()
        .rev()
        .find(|l| l.starts_with("error:"))
        .map(|l| l.trim_start_matches("error:").trim().to_string())
        .unwrap_or(s)
}

#[cfg(test)]
mod tests;
