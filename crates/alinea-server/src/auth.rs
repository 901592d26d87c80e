//! Who may edit: the tokens file and the bearer tokens of requests.
//!
//! The tokens file has one token per line, `TOKEN NAME ROLE`, separated by spaces or tabs;
//! `#` starts a comment line and blank lines are skipped. The name is what the history
//! records; the role is `editor` (add and change concepts) or `admin` (also delete them).
//! A token has at least 16 characters, a name no spaces. Reading needs no token.

use std::path::Path;

use crate::error::StartError;

/// What a token may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Add and change concepts.
    Editor,
    /// Also delete them.
    Admin,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        match s {
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }
}

/// Someone a token names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Editor {
    pub name: String,
    pub role: Role,
}

/// The tokens of the tokens file.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    entries: Vec<(String, Editor)>,
}

/// Why a request may not edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denied {
    /// No `Authorization: Bearer` header, or a token the file does not hold (401).
    Unauthenticated,
    /// A known token whose role is too low (403).
    Forbidden,
}

/// The shortest token accepted.
pub const MIN_TOKEN_LEN: usize = 16;

impl Tokens {
    /// No token: nobody may edit.
    pub fn none() -> Tokens {
        Tokens::default()
    }

    /// Reads the tokens file at `path` (see the module documentation).
    pub fn read(path: &Path) -> Result<Tokens, StartError> {
        let input = alinea::input::read_text(path).map_err(|e| StartError::Input(e.to_string()))?;
        Tokens::parse(&input.text)
            .map_err(|(line, m)| StartError::Input(format!("{}:{line}: {m}", path.display())))
    }

    /// Parses the text of a tokens file; an error is (line, message).
    pub fn parse(text: &str) -> Result<Tokens, (usize, String)> {
        let mut entries: Vec<(String, Editor)> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split_whitespace().collect();
            let [token, name, role] = fields[..] else {
                return Err((
                    n,
                    format!("expected TOKEN NAME ROLE, found {} fields", fields.len()),
                ));
            };
            if token.chars().count() < MIN_TOKEN_LEN {
                return Err((
                    n,
                    format!("a token has at least {MIN_TOKEN_LEN} characters"),
                ));
            }
            let role = Role::parse(role).ok_or_else(|| {
                (
                    n,
                    format!("unknown role {role:?} (expected editor or admin)"),
                )
            })?;
            if entries.iter().any(|(t, _)| t == token) {
                return Err((n, "this token is already given above".into()));
            }
            entries.push((
                token.to_string(),
                Editor {
                    name: name.to_string(),
                    role,
                },
            ));
        }
        Ok(Tokens { entries })
    }

    /// How many tokens there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Who the `Authorization` header value names, if they have at least `role`.
    pub fn check(&self, header: Option<&str>, role: Role) -> Result<&Editor, Denied> {
        let token = header
            .and_then(|h| {
                let (scheme, rest) = h.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
            })
            .ok_or(Denied::Unauthenticated)?;
        // Every entry is compared in full, so the time taken does not tell how much of a
        // token was right.
        let mut found = None;
        for (t, e) in &self.entries {
            if same(t.as_bytes(), token.as_bytes()) {
                found = Some(e);
            }
        }
        let editor = found.ok_or(Denied::Unauthenticated)?;
        if editor.role >= role {
            Ok(editor)
        } else {
            Err(Denied::Forbidden)
        }
    }
}

/// Equality whose time depends on the lengths only.
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str =
        "# team\n\nsecret-token-of-ann ann editor\nsecret-token-of-bob\tbob\tadmin\n";

    #[test]
    fn tokens_name_their_holder_and_role() {
        let t = Tokens::parse(FILE).unwrap();
        assert_eq!(t.len(), 2);
        let ann = t
            .check(Some("Bearer secret-token-of-ann"), Role::Editor)
            .unwrap();
        assert_eq!(ann.name, "ann");
        assert_eq!(
            t.check(Some("Bearer secret-token-of-ann"), Role::Admin),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            t.check(Some("bearer secret-token-of-bob"), Role::Admin)
                .unwrap()
                .name,
            "bob"
        );
        for bad in [
            None,
            Some("Bearer"),
            Some("Basic secret-token-of-ann"),
            Some("Bearer secret-token-of-an"),
        ] {
            assert_eq!(
                t.check(bad, Role::Editor),
                Err(Denied::Unauthenticated),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn bad_lines_are_named() {
        assert_eq!(Tokens::parse("short ann editor").unwrap_err().0, 1);
        let e = Tokens::parse("# x\nsecret-token-of-ann ann owner").unwrap_err();
        assert_eq!(e.0, 2);
        assert!(e.1.contains("owner"));
        assert!(Tokens::parse("secret-token-of-ann ann").is_err());
        assert!(
            Tokens::parse("secret-token-of-ann a editor\nsecret-token-of-ann b admin").is_err()
        );
    }
}
