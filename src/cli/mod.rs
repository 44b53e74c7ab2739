//! Subcommands of `paja`, one file per group. To add one, add a variant to [`Command`]
//! and its handler in the group's file.

mod sync;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "paja", version, about = "Paja: co-creation workshops, offline")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Host a workshop on the network without a window, until Ctrl-C.
    Serve(sync::ServeArgs),
    /// Join a hosted workshop, keeping a local replica in FILE, until Ctrl-C.
    Join(sync::JoinArgs),
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            print!("{e}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let text = e.to_string();
            let first = text.lines().next().unwrap_or("The command was not understood.");
            eprintln!("{}", first.trim_start_matches("error: "));
            eprintln!("See 'paja --help'.");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Command::Serve(args) => sync::serve(args),
        Command::Join(args) => sync::join(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
