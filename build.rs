//! Embeds the curated glossary (glossary/concepts.toml) in the binary when it exists, so that
//! `alinea lookup` works from any folder. Without the file, an empty string is embedded and
//! lookup asks for `--termbase`.

use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let src = Path::new(&manifest).join("glossary").join("concepts.toml");
    let text = std::fs::read_to_string(&src).unwrap_or_default();
    let dest = Path::new(&out).join("glossary.toml");
    // Rewrite only on change, so an unchanged glossary does not rebuild the crate.
    if std::fs::read_to_string(&dest).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&dest, &text).expect("writing the embedded glossary");
    }
    // While the folder is missing Cargo reruns this script (and rebuilds the crate) on every
    // build; watching anything less would leave a stale, empty copy once the glossary arrives.
    println!("cargo:rerun-if-changed=glossary");
    println!("cargo:rerun-if-changed=build.rs");
}
