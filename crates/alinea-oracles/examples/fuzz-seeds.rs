//! Writes the seeds of every fuzz target to `OUT/<target>/` (see `scripts/fuzz-seeds.sh`).

use alinea_oracles::seeds::{repo_root, seeds};
use alinea_oracles::Target;

fn main() -> std::io::Result<()> {
    let out = std::env::args_os()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| repo_root().join("fuzz/corpus"));
    let root = repo_root();
    for t in Target::ALL {
        let dir = out.join(t.name());
        std::fs::create_dir_all(&dir)?;
        let seeds = seeds(&root, t);
        for s in &seeds {
            std::fs::write(dir.join(&s.name), &s.bytes)?;
        }
        println!("{}: {} seeds in {}", t.name(), seeds.len(), dir.display());
    }
    Ok(())
}
