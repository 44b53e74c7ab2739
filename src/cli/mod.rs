//! Subcommands of `paja`, one file per group. To add one, add a variant to [`Command`]
//! and its handler in the group's file.

mod export;
mod file;
mod sync;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "paja", version, about = "Paja: co-creation workshops, offline")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Make a new workshop file.
    New {
        file: PathBuf,
        #[arg(long, default_value = "paku")]
        template: String,
        #[arg(long)]
        title: Option<String>,
    },
    /// Write the demo workshop to a new file.
    Demo { file: PathBuf },
    /// Show the title, sessions, boards by kind, item counts and versions.
    Info {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Check a workshop file's integrity.
    Check { file: PathBuf },
    /// Export a workshop.
    Export {
        #[command(subcommand)]
        format: export::ExportCommand,
    },
    /// Import a workshop into a new file.
    Import {
        #[command(subcommand)]
        format: file::ImportFormat,
    },
    /// Named versions of a workshop.
    Version {
        #[command(subcommand)]
        action: file::VersionAction,
    },
    /// Host a workshop on the network without a window, until Ctrl-C.
    #[command(after_long_help = sync::RELAY_HELP)]
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
    // The hub's and the peer's notes (a dropped link, a refused change) on stderr.
    tracing_subscriber::fmt().with_writer(std::io::stderr).with_target(false).with_max_level(tracing::Level::INFO).init();
    match dispatch(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// File commands fail with the core's one-sentence errors; network commands add context.
fn dispatch(command: Command) -> anyhow::Result<()> {
    Ok(match command {
        Command::New { file, template, title } => file::new(&file, &template, title.as_deref())?,
        Command::Demo { file } => file::demo(&file)?,
        Command::Info { file, json } => file::info(&file, json)?,
        Command::Check { file } => file::check(&file)?,
        Command::Export { format } => export::run(format)?,
        Command::Import { format } => file::import(format)?,
        Command::Version { action } => file::version(action)?,
        Command::Serve(args) => sync::serve(args)?,
        Command::Join(args) => sync::join(args)?,
    })
}
