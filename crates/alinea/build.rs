//! Inflates the word-class tables of `data/pos/` (shipped zlib-compressed) into the build's
//! output folder, so that `mine::pos` searches them in place in the binary, without
//! inflating them at run time.

use std::path::Path;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    for lang in ["fr", "en"] {
        let src = Path::new("../../data/pos").join(format!("{lang}.tsv.z"));
        println!("cargo:rerun-if-changed={}", src.display());
        let compressed = std::fs::read(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let text = miniz_oxide::inflate::decompress_to_vec_zlib(&compressed)
            .unwrap_or_else(|e| panic!("{}: not a zlib stream ({e:?})", src.display()));
        let dest = Path::new(&out).join(format!("pos-{lang}.tsv"));
        std::fs::write(&dest, text).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    }
}
