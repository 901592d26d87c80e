//! What the CLI tells the user on standard error besides its output: diagnostics (rendered by
//! the library's human renderer, coloured on a terminal unless `NO_COLOR` is set) and status
//! lines (`alinea: …` summaries). `--quiet` silences status lines and warnings; errors are
//! always printed.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use alinea::diag::human::{self, Color, Sources};
use alinea::diag::{Diagnostic, Severity};

static QUIET: AtomicBool = AtomicBool::new(false);

/// Silence status lines and warnings (`--quiet`).
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Whether `--quiet` was given.
pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

fn color() -> Color {
    if std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal() {
        Color::Always
    } else {
        Color::Never
    }
}

/// Print `diagnostics` on standard error (all of them, in order; with `--quiet` only errors).
pub fn diagnostics(diagnostics: &[Diagnostic]) {
    diagnostics_with(diagnostics, &Sources::default());
}

/// Like [`diagnostics`], showing source lines from `sources` where a diagnostic has a place.
pub fn diagnostics_with(diagnostics: &[Diagnostic], sources: &Sources) {
    let shown: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| !quiet() || d.severity == Severity::Error)
        .cloned()
        .collect();
    if shown.is_empty() {
        return;
    }
    eprint!("{}", human::render(&shown, sources, color()));
}

/// Print a status line (`alinea: …`) on standard error, unless `--quiet`.
pub fn status(message: &str) {
    if !quiet() {
        eprintln!("alinea: {message}");
    }
}
