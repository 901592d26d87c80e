//! The `alinea` command line: parses arguments and hands each subcommand to its module in
//! `cmd/`. Errors are printed on one line; bad input exits with code 2.

mod allocator;
mod cmd;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

/// Align French, English and Arabic institutional texts, export TMX, build and query a termbase.
#[derive(Parser)]
#[command(name = "alinea", version, propagate_version = true)]
struct Cli {
    /// Print no status lines or warnings on standard error (errors are still printed).
    #[arg(long, short = 'q', global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read documents and print their paragraph or sentence units.
    Segment(cmd::segment::Args),
    /// Align a pivot document with one or two translations.
    Align(cmd::align::Args),
    /// Align every document set of the corpus into aligned/.
    Build(cmd::build::Args),
    /// Look a term up in the termbase.
    Lookup(cmd::lookup::Args),
    /// Check drafts against the termbase and their source: terms, numbers, structure,
    /// typography.
    Lint(cmd::lint::Args),
    /// Termbase files: convert between formats, check, count.
    #[command(subcommand)]
    Terms(cmd::terms::Command),
    /// Serve the termbase over HTTP: the API and the web page.
    Serve(cmd::serve::Args),
    /// Print the shell completion script for bash, zsh, fish, elvish or PowerShell.
    Completions(cmd::completions::Args),
    /// Print the manual page, or write one page per command into a folder.
    Man(cmd::man::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    allocator::settle(match cli.command {
        Command::Lint(_) => allocator::Work::Lint,
        _ => allocator::Work::Other,
    });
    cmd::report::set_quiet(cli.quiet);
    // SIGINT, SIGTERM, SIGHUP: remove the temporary files being written, then exit as an
    // interrupted program does. (SIGKILL cannot be caught: see the README.)
    // (The server handles these itself, to finish the requests under way.)
    if !matches!(cli.command, Command::Serve(_)) {
        let _ = ctrlc::set_handler(|| {
            alinea::io::remove_temp_files();
            std::process::exit(130);
        });
    }
    alinea::input::on_wait(|path| {
        cmd::report::status(&format!(
            "{} is a named pipe no program writes to yet: waiting for one (Ctrl-C stops)",
            path.display()
        ))
    });
    let result = match cli.command {
        Command::Segment(args) => cmd::segment::run(args),
        Command::Align(args) => cmd::align::run(args),
        Command::Build(args) => cmd::build::run(args),
        Command::Lookup(args) => cmd::lookup::run(args),
        Command::Lint(args) => cmd::lint::run(args),
        Command::Terms(command) => cmd::terms::run(command),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Completions(args) => cmd::completions::run(args, Cli::command()),
        Command::Man(args) => cmd::man::run(args, Cli::command()),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`alinea lookup … | head`): nothing more to say.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("alinea: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
