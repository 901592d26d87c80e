//! One module per subcommand: its arguments, usage text and the glue between the library and
//! the terminal.

pub mod align;
pub mod build;
pub mod lookup;
pub mod report;
pub mod segment;
pub mod terms;
