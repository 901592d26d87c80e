//! Seed inputs for each target, from the repository's own files: the corpus, the glossary,
//! the aligned memories and the test data, plus inputs made from them (UTF-16 copies, small
//! termbases converted to every format, alignments made from the test resolution).
//!
//! `scripts/fuzz-seeds.sh` writes them to `fuzz/corpus/<target>/`; the smoke test reads them
//! from here.

use std::path::{Path, PathBuf};

use alinea::doc::formats::zip;
use alinea::termbase::{self, Format, Termbase};

use crate::Target;

/// A seed input and the name it is saved under.
#[derive(Clone, Debug)]
pub struct Seed {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The repository root (two folders above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The files of `dir` (relative to `root`) whose extension is one of `exts`, sorted.
fn files(root: &Path, dir: &str, exts: &[&str]) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| exts.contains(&e))
        })
        .collect();
    out.sort();
    out
}

fn seed_of(root: &Path, path: &Path) -> Option<Seed> {
    let bytes = std::fs::read(path).ok()?;
    let rel = path.strip_prefix(root).unwrap_or(path);
    Some(Seed {
        name: rel.to_string_lossy().replace(['/', '\\'], "__"),
        bytes,
    })
}

/// `text` in UTF-16 with a byte-order mark.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

/// `text` as UTF-8 with a BOM and as UTF-16 LE and BE, named after `name`.
fn encodings(name: &str, text: &str) -> Vec<Seed> {
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    vec![
        Seed {
            name: format!("{name}.utf8-bom"),
            bytes: bom,
        },
        Seed {
            name: format!("{name}.utf16le"),
            bytes: utf16(text, false),
        },
        Seed {
            name: format!("{name}.utf16be"),
            bytes: utf16(text, true),
        },
    ]
}

const TERMBASE_DATA: &str = "crates/alinea/tests/data/termbase";
const DOCS_DATA: &str = "crates/alinea/tests/fixtures/docs";

/// The part `part` of each archive in `dir` with extension `ext`, as a seed of its own.
fn parts(root: &Path, ext: &str, part: &str) -> Vec<Seed> {
    files(root, DOCS_DATA, &[ext])
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            let xml = zip::Archive::new(&bytes).ok()?.read(part).ok()??;
            Some(Seed {
                name: format!(
                    "{}.{}",
                    p.file_name()?.to_string_lossy(),
                    part.replace('/', "_")
                ),
                bytes: xml,
            })
        })
        .collect()
}

fn small(name: &str, text: &str) -> Seed {
    Seed {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

/// Corrected beads files: two documents with marks, three documents with empty sides.
fn corrected_beads() -> Vec<Seed> {
    use alinea::align::multi::MultiBead;
    use alinea::align::reviewed::Mark;
    use alinea::align::{Aligned, Segtype, Side};
    use alinea::export::beads::write_corrected;
    use alinea::Lang;
    let side = |lang: Lang, n: usize| Side {
        lang,
        name: "doc & co.txt".into(),
        units: (0..n).map(|i| format!("unit {i}")).collect(),
    };
    let bead = |sides: Vec<Vec<usize>>, score: f64| MultiBead { sides, score };
    let two = Aligned {
        document: "doc".into(),
        segtype: Segtype::Paragraph,
        sides: vec![side(Lang::Fr, 4), side(Lang::En, 3)],
        beads: vec![
            bead(vec![vec![0], vec![0]], 0.93),
            bead(vec![vec![1, 2], vec![1]], 1.0),
            bead(vec![vec![3], vec![]], 0.12),
            bead(vec![vec![], vec![2]], 0.3),
        ],
        inline: Vec::new(),
    };
    let marks = [
        Mark::default(),
        Mark {
            reviewed: true,
            wrong: false,
        },
        Mark {
            reviewed: false,
            wrong: true,
        },
        Mark::default(),
    ];
    let three = Aligned {
        document: "trois".into(),
        segtype: Segtype::Sentence,
        sides: vec![side(Lang::Fr, 3), side(Lang::En, 2), side(Lang::Ar, 4)],
        beads: vec![
            bead(vec![vec![0, 1], vec![0], vec![0, 1, 2]], 0.5),
            bead(vec![vec![2], vec![1], vec![]], 0.0),
            bead(vec![vec![], vec![], vec![3]], 0.25),
        ],
        inline: Vec::new(),
    };
    vec![
        small("two.beads", &write_corrected(&two, &marks)),
        small("three.beads", &write_corrected(&three, &[])),
    ]
}

/// A small WordprocessingML body: a heading, a list item, a tracked change, a footnote
/// reference, a table.
const SMALL_DOCX: &str = r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Titre</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Le texte </w:t></w:r><w:ins w:id="1"><w:r><w:t>ajouté</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>ôté</w:delText></w:r></w:del><w:r><w:tab/><w:footnoteReference w:id="1"/><w:t>. Fin.</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>نص</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#;

/// A small OpenDocument body: a heading, a list, a note, a table, a tracked change.
const SMALL_ODT: &str = r#"<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">
<office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/></text:list-style></office:automatic-styles>
<office:body><office:text><text:tracked-changes><text:changed-region><text:deletion><text:p>ôté</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:h text:outline-level="1">Titre</text:h><text:p>Un<text:s text:c="3"/>texte<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Note.</text:p></text:note-body></text:note>. Fin.</text:p>
<text:list text:style-name="L1"><text:list-item><text:p>premier</text:p><text:list><text:list-item><text:p>sous</text:p></text:list-item></text:list></text:list-item></text:list>
<table:table><table:table-row><table:table-cell><text:p>A1</text:p></table:table-cell></table:table-row></table:table></office:text></office:body></office:document-content>"#;

const SMALL_HTML: &str = r#"<!DOCTYPE html><html lang="ar" dir="rtl"><head><style>p{}</style></head><body>
<h1>عنوان</h1><p>نص &amp; <b>غامق</b><br>سطر.</p><ol start="2"><li>أ</li><li value="9"><p>ب</p></li></ol>
<table><tr><td>خلية</td></tr></table><script>if (a < b) {}</script><div>Texte &eacute;&#233;&#x263a;</div></body></html>"#;

const TMX_DATA: &str = "crates/alinea/tests/data/tmx";

/// Small termbases: the test data's (every format) and the glossary's first concepts.
fn small_termbases(root: &Path) -> Vec<(String, Termbase)> {
    let mut out = Vec::new();
    for p in files(root, TERMBASE_DATA, &["toml", "tbx", "csv", "tsv"]) {
        if let Ok(c) = termbase::read_file(&p) {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            out.push((name.replace('.', "-"), c.termbase));
        }
    }
    if let Ok(c) = termbase::read_file(&root.join("glossary/concepts.toml")) {
        let mut tb = c.termbase;
        tb.concepts.truncate(8);
        out.push(("glossary-head".into(), tb));
    }
    out
}

/// The termbases of [`small_termbases`] written in `formats`.
fn converted(root: &Path, formats: &[(Format, &str)]) -> Vec<Seed> {
    let mut out = Vec::new();
    for (name, tb) in small_termbases(root) {
        for &(f, ext) in formats {
            if let Ok(text) = termbase::to_string(&tb, f) {
                out.push(Seed {
                    name: format!("{name}.{ext}"),
                    bytes: text.into_bytes(),
                });
            }
        }
    }
    out
}

/// An input of the `tmx_write` target (see [`crate::alignment`]): the document name, then
/// each side's code and units.
pub fn alignment_input<S: AsRef<str>>(document: &str, sides: &[(&str, &[S])]) -> Vec<u8> {
    let mut s = document.to_string();
    for (code, units) in sides {
        s.push('\u{1e}');
        s.push_str(code);
        for u in units.iter() {
            s.push('\u{1f}');
            s.push_str(u.as_ref());
        }
    }
    s.into_bytes()
}

/// The seeds of `target`, from the repository at `root`.
pub fn seeds(root: &Path, target: Target) -> Vec<Seed> {
    let from = |dirs: &[&str], exts: &[&str]| -> Vec<Seed> {
        dirs.iter()
            .flat_map(|d| files(root, d, exts))
            .filter_map(|p| seed_of(root, &p))
            .collect()
    };
    let mut out = match target {
        Target::Text => {
            let mut v = from(
                &[
                    "corpus/fr",
                    "corpus/en",
                    "corpus/ar",
                    "corpus/notes",
                    "crates/alinea/tests/data/segment",
                    "crates/alinea/tests/data/segment/en",
                    "crates/alinea/tests/data/segment/ar",
                    TMX_DATA,
                ],
                &["txt", "md"],
            );
            if let Ok(t) = std::fs::read_to_string(root.join(TMX_DATA).join("resolution.fr.txt")) {
                v.extend(encodings("resolution-fr", &t));
            }
            v
        }
        Target::Tmx => {
            let mut v = from(&[TMX_DATA, "aligned"], &["tmx"]);
            if let Ok(t) = std::fs::read_to_string(root.join(TMX_DATA).join("writer-fr-en-ar.tmx"))
            {
                v.extend(encodings("writer-fr-en-ar", &t.replace("UTF-8", "UTF-16")));
            }
            v
        }
        Target::TmxWrite => {
            let read = |lang: &str| {
                std::fs::read_to_string(root.join(TMX_DATA).join(format!("resolution.{lang}.txt")))
                    .unwrap_or_default()
            };
            let (fr, en, ar) = (read("fr"), read("en"), read("ar"));
            let lines = |t: &str| -> Vec<String> {
                t.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_string)
                    .collect()
            };
            let (fr, en, ar) = (lines(&fr), lines(&en), lines(&ar));
            vec![
                Seed {
                    name: "resolution-fr-en-ar".into(),
                    bytes: alignment_input("resolution", &[("fr", &fr), ("en", &en), ("ar", &ar)]),
                },
                Seed {
                    name: "resolution-fr-ar".into(),
                    bytes: alignment_input("r", &[("fr-CA", &fr), ("ar", &ar)]),
                },
                Seed {
                    name: "markup".into(),
                    bytes: alignment_input(
                        "doc & <co>",
                        &[
                            ("fr", &["A & <b>", "]]>", "l’État\u{1}"][..]),
                            ("en", &["\"q\" 'a'", "x\u{FFFE}y"]),
                            ("de", &[]),
                        ],
                    ),
                },
            ]
        }
        Target::Tbx => {
            let mut v = from(&[TERMBASE_DATA, "glossary"], &["tbx"]);
            v.extend(converted(
                root,
                &[(Format::TbxV3, "v3.tbx"), (Format::TbxV2, "v2.tbx")],
            ));
            v
        }
        Target::Csv => {
            let mut v = from(&[TERMBASE_DATA], &["csv"]);
            v.extend(converted(root, &[(Format::Csv, "csv")]));
            v
        }
        Target::Tsv => {
            let mut v = from(&[TERMBASE_DATA], &["tsv"]);
            v.extend(converted(root, &[(Format::Tsv, "tsv")]));
            v
        }
        Target::Json => converted(root, &[(Format::Json, "json")]),
        Target::Docx => {
            let mut v = from(&[DOCS_DATA], &["docx"]);
            v.extend(parts(root, "docx", "word/document.xml"));
            v.push(small("small-document.xml", SMALL_DOCX));
            v
        }
        Target::Odt => {
            let mut v = from(&[DOCS_DATA], &["odt"]);
            v.extend(parts(root, "odt", "content.xml"));
            v.push(small("small-content.xml", SMALL_ODT));
            v
        }
        Target::Html => {
            let mut v = from(&["aligned"], &["html"]);
            v.push(small("small.html", SMALL_HTML));
            v
        }
        Target::Xliff => from(&[DOCS_DATA], &["xlf", "xliff"]),
        Target::Pdf => {
            let mut v = from(&["corpus/fr", "corpus/ar"], &["txt"]);
            v.push(small(
                "pdftotext-page.txt",
                "Un paragraphe assez long pour remplir une ligne pleine de la page,\nqui finit ici.\n1.demande aux parlements\n2La note.\n\u{c}Page deux.\n",
            ));
            v
        }
        Target::Beads => corrected_beads(),
        Target::Toml => {
            let mut v = from(&[TERMBASE_DATA, "glossary"], &["toml"]);
            v.extend(converted(root, &[(Format::Toml, "toml")]));
            v
        }
    };
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out.dedup_by(|a, b| a.name == b.name);
    out
}
