//! Paragraph styles (`styles.xml`: names, inheritance, outline levels, list numbering) and
//! list numbering (`numbering.xml`: formats, level texts, start values and overrides, the
//! counters that give each list item the number Word shows).

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use super::super::{attr, local, number_in};
use crate::input::xml::XmlReader;
use crate::Result;

/// A paragraph style: its name, the style it is based on, its outline level and numbering.
#[derive(Clone, Debug, Default)]
pub(super) struct Style {
    pub(super) name: String,
    pub(super) based_on: Option<String>,
    pub(super) outline: Option<usize>,
    pub(super) num: Option<String>,
}

/// Paragraph styles by id.
pub(super) fn styles(text: &str, name: &Path) -> Result<HashMap<String, Style>> {
    let mut xml = XmlReader::from_str(text, name);
    let mut buf = Vec::new();
    let mut out = HashMap::new();
    let mut current: Option<(String, Style)> = None;
    loop {
        let (e, end) = match xml.next(&mut buf)? {
            Event::Start(e) | Event::Empty(e) => (e.into_owned(), false),
            Event::End(e) => (
                BytesStart::new(String::from_utf8_lossy(e.name().as_ref()).into_owned()),
                true,
            ),
            Event::Eof => break,
            _ => continue,
        };
        let n = local(e.name().as_ref()).to_vec();
        if end {
            if n == b"style" {
                if let Some((id, s)) = current.take() {
                    out.insert(id, s);
                }
            }
            continue;
        }
        match (n.as_slice(), current.as_mut()) {
            (b"style", _) => {
                let paragraph = attr(&e, b"type").is_none_or(|t| t == "paragraph");
                current = attr(&e, b"styleId")
                    .filter(|_| paragraph)
                    .map(|id| (id, Style::default()));
            }
            (b"name", Some((_, s))) => s.name = attr(&e, b"val").unwrap_or_default(),
            (b"basedOn", Some((_, s))) => s.based_on = attr(&e, b"val"),
            (b"outlineLvl", Some((_, s))) => {
                s.outline = attr(&e, b"val").and_then(|v| v.parse().ok())
            }
            (b"numId", Some((_, s))) => s.num = attr(&e, b"val"),
            _ => {}
        }
    }
    Ok(out)
}

/// One level of a list definition.
#[derive(Clone, Debug, Default)]
pub(super) struct Level {
    pub(super) start: usize,
    pub(super) format: String,
    pub(super) text: String,
}

/// List definitions: levels per abstract definition, and each list (`numId`) with its
/// abstract definition and start overrides.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    pub(super) abstracts: HashMap<String, HashMap<usize, Level>>,
    pub(super) nums: HashMap<String, (String, HashMap<usize, usize>)>,
}

pub(super) fn numbering(text: &str, name: &Path) -> Result<Numbering> {
    let mut xml = XmlReader::from_str(text, name);
    let mut buf = Vec::new();
    let mut out = Numbering::default();
    let (mut abs, mut num, mut lvl): (Option<String>, Option<String>, Option<usize>) =
        (None, None, None);
    loop {
        let e = match xml.next(&mut buf)? {
            Event::Start(e) | Event::Empty(e) => e.into_owned(),
            Event::Eof => break,
            _ => continue,
        };
        let val = || attr(&e, b"val").unwrap_or_default();
        match local(e.name().as_ref()) {
            b"abstractNum" => {
                abs = attr(&e, b"abstractNumId");
                num = None;
            }
            b"num" => {
                num = attr(&e, b"numId");
                abs = None;
                if let Some(n) = &num {
                    out.nums.insert(n.clone(), (String::new(), HashMap::new()));
                }
            }
            b"abstractNumId" => {
                if let Some(entry) = num.as_ref().and_then(|n| out.nums.get_mut(n)) {
                    entry.0 = val();
                }
            }
            b"lvl" | b"lvlOverride" => lvl = attr(&e, b"ilvl").and_then(|v| v.parse().ok()),
            b"startOverride" => {
                if let (Some(entry), Some(l)) =
                    (num.as_ref().and_then(|n| out.nums.get_mut(n)), lvl)
                {
                    entry.1.insert(l, val().parse().unwrap_or(1));
                }
            }
            n @ (b"start" | b"numFmt" | b"lvlText") => {
                if let (Some(a), Some(l)) = (&abs, lvl) {
                    let level = out
                        .abstracts
                        .entry(a.clone())
                        .or_default()
                        .entry(l)
                        .or_insert_with(|| Level {
                            start: 1,
                            ..Level::default()
                        });
                    match n {
                        b"start" => level.start = val().parse().unwrap_or(1),
                        b"numFmt" => level.format = val(),
                        _ => level.text = val(),
                    }
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// The list counters of a document as it is read.
#[derive(Default)]
pub(super) struct Counters {
    /// Per abstract definition, the current number at each level.
    pub(super) counts: HashMap<String, Vec<usize>>,
    /// Lists whose start overrides have been applied.
    pub(super) started: std::collections::HashSet<String>,
}

impl Counters {
    /// The label of the next item of list `num` at `level`: `None` for bullets and unknown
    /// lists.
    pub(super) fn next(
        &mut self,
        numbering: &Numbering,
        num: &str,
        level: usize,
    ) -> Option<String> {
        let (abs, overrides) = numbering.nums.get(num)?;
        let levels = numbering.abstracts.get(abs)?;
        let counts = self.counts.entry(abs.clone()).or_default();
        if counts.len() <= level {
            counts.resize(level + 1, 0);
        }
        if self.started.insert(num.to_string()) {
            for (&l, &start) in overrides {
                if l < counts.len() {
                    counts[l] = start.saturating_sub(1);
                }
            }
        }
        let start = levels.get(&level).map_or(1, |l| l.start);
        counts[level] = if counts[level] == 0 {
            start
        } else {
            counts[level] + 1
        };
        for deeper in counts.iter_mut().skip(level + 1) {
            *deeper = 0;
        }
        let this = levels.get(&level)?;
        if matches!(this.format.as_str(), "bullet" | "none") || this.text.is_empty() {
            return None;
        }
        let mut label = this.text.clone();
        for k in (1..=9).rev() {
            let key = format!("%{k}");
            if label.contains(&key) {
                let n = counts.get(k - 1).copied().unwrap_or(0).max(1);
                let format = levels
                    .get(&(k - 1))
                    .map_or("decimal", |l| l.format.as_str());
                label = label.replace(&key, &number_in(n, format));
            }
        }
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(label)
    }
}
