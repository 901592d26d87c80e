//! `alinea.toml`: the `[lint]` table (termbases, languages) and `[lint.rules]` (each rule,
//! family or `*` set to `off`, `note`, `warning` or `error`).
//!
//! ```toml
//! [lint]
//! termbases = ["glossary/concepts.toml"]   # relative to the file's folder
//! lang = "en"
//! source_lang = "fr"
//!
//! [lint.rules]
//! "typography/*" = "off"
//! "term/variant" = "error"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::rules::{self, RULES};
use crate::diag::Severity;
use crate::{Error, Lang, Result};

/// A rule's setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

/// The lint settings.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Termbase files, resolved against the config file's folder.
    pub termbases: Vec<PathBuf>,
    pub lang: Option<Lang>,
    pub source_lang: Option<Lang>,
    /// Rule patterns (`term/variant`, `typography`, `typography/*`, `*`) and their level, in
    /// file order: the last pattern naming a rule decides.
    pub rules: Vec<(String, Level)>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    lint: Option<LintTable>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LintTable {
    #[serde(default)]
    termbases: Vec<PathBuf>,
    lang: Option<String>,
    source_lang: Option<String>,
    #[serde(default)]
    rules: BTreeMap<String, String>,
}

fn level(s: &str) -> Option<Level> {
    Some(match s.to_ascii_lowercase().as_str() {
        "off" | "false" | "none" => Level::Off,
        "note" | "info" => Level::On(Severity::Note),
        "warning" | "warn" => Level::On(Severity::Warning),
        "error" | "on" | "true" => Level::On(Severity::Error),
        _ => return None,
    })
}

impl Config {
    /// Reads `path` (other tables than `[lint]` are another command's and ignored only if
    /// they are tables: an unknown key of `[lint]` is an error).
    pub fn read(path: &Path) -> Result<Config> {
        let input = crate::input::read_text(path)?;
        Config::parse(&input.text, path)
    }

    /// Reads the text of a config file named `path`.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let value: toml::Value = toml::from_str(text).map_err(|e| parse_error(path, text, &e))?;
        let lint = value.get("lint").cloned();
        let file: File = match lint {
            Some(l) => {
                let mut t = toml::Table::new();
                t.insert("lint".into(), l);
                toml::Value::Table(t)
                    .try_into()
                    .map_err(|e: toml::de::Error| Error::Input {
                        path: path.to_path_buf(),
                        message: format!("[lint]: {}", e.message()),
                    })?
            }
            None => File::default(),
        };
        let t = file.lint.unwrap_or_default();
        let base = path.parent().unwrap_or(Path::new(""));
        let lang = |s: Option<String>| -> Result<Option<Lang>> {
            s.map(|s| s.parse::<Lang>()).transpose()
        };
        let mut rules_out = Vec::new();
        for (k, v) in t.rules {
            if !(k == "*" || RULES.iter().any(|r| rules::matches(&k, r.id))) {
                return Err(Error::Input {
                    path: path.to_path_buf(),
                    message: format!("[lint.rules]: no rule or family named {k:?}"),
                });
            }
            let l = level(&v).ok_or_else(|| Error::Input {
                path: path.to_path_buf(),
                message: format!("[lint.rules]: {k} = {v:?}: expected off, note, warning or error"),
            })?;
            rules_out.push((k, l));
        }
        // Families first, then single rules, so that a rule overrides its family.
        rules_out.sort_by_key(|(k, _)| (k != "*", k.contains('/') && !k.ends_with("/*")));
        Ok(Config {
            termbases: t.termbases.into_iter().map(|p| base.join(p)).collect(),
            lang: lang(t.lang)?,
            source_lang: lang(t.source_lang)?,
            rules: rules_out,
        })
    }

    /// The severity of rule `id`, `None` when it is off.
    pub fn severity(&self, id: &str) -> Option<Severity> {
        let mut out = rules::get(id).map(|r| r.severity);
        for (p, l) in &self.rules {
            if rules::matches(p, id) {
                out = match l {
                    Level::Off => None,
                    Level::On(s) => Some(*s),
                };
            }
        }
        out
    }
}

fn parse_error(path: &Path, text: &str, e: &toml::de::Error) -> Error {
    let (line, column) = e
        .span()
        .map(|s| crate::input::lines::position(text, s.start))
        .unwrap_or((1, 1));
    Error::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message: e.message().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_families_and_paths() {
        let c = Config::parse(
            "[other]\nx = 1\n[lint]\ntermbases = [\"g.toml\"]\nlang = \"en\"\n[lint.rules]\n\"typography/*\" = \"off\"\n\"typography/doubled-word\" = \"error\"\n\"term/variant\" = \"note\"\n",
            Path::new("dir/alinea.toml"),
        )
        .unwrap();
        assert_eq!(c.termbases, [PathBuf::from("dir/g.toml")]);
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.severity("typography/fr-spacing"), None);
        assert_eq!(c.severity("typography/doubled-word"), Some(Severity::Error));
        assert_eq!(c.severity("term/variant"), Some(Severity::Note));
        assert_eq!(c.severity("number/mismatch"), Some(Severity::Error));
        assert!(Config::parse("[lint.rules]\n\"nope\" = \"off\"\n", Path::new("a")).is_err());
        assert!(Config::parse("[lint.rules]\n\"term\" = \"loud\"\n", Path::new("a")).is_err());
        assert!(Config::parse("[lint]\nbogus = 1\n", Path::new("a")).is_err());
    }
}
