//! One module per subcommand: its arguments, usage text and the glue between the library and
//! the terminal.

pub mod align;
pub mod build;
pub mod completions;
pub mod lint;
pub mod lookup;
pub mod man;
pub mod report;
pub mod segment;
pub mod serve;
pub mod terms;

/// Write `bytes` to standard output and flush.
pub fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}
