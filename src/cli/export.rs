//! `paja export`: a workshop, or one of its named versions, to PDF, poster, PNG, JSON
//! Canvas, CSV or JSON. Each format is a few lines over [`WorkshopFile::export`].

use clap::{Args, Subcommand};
use paja::Error;
use paja::api::{ExportFormat, ExportRequest, WorkshopFile};
use paja::export::ExportOptions;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum ExportCommand {
    /// Complete, re-importable JSON.
    Json {
        file: PathBuf,
        #[arg(short)]
        o: PathBuf,
    },
    /// The PDF report: cover, agendas and memos, personas, paths, maps, café, ideas, results.
    Pdf(ExportArgs),
    /// An A3 wall poster of the quality criteria, or of the board given with --board.
    Poster(ExportArgs),
    /// A PNG image of the board given with --board.
    Png(ExportArgs),
    /// JSON Canvas 1.0 of the board given with --board (opens in Obsidian).
    Canvas(ExportArgs),
    /// CSV of cards, vote counts and evaluation answers (UTF-8 with a byte order mark).
    Csv(ExportArgs),
}

#[derive(Args)]
pub struct ExportArgs {
    file: PathBuf,
    #[arg(short)]
    o: PathBuf,
    /// Export this named version instead of the workshop as it is now.
    #[arg(long)]
    version: Option<String>,
    /// The board to export, by id (see `paja info`).
    #[arg(long)]
    board: Option<String>,
    /// Show comment authors, voters and café hosts.
    #[arg(long)]
    include_names: bool,
    /// Show the organisation on the cover.
    #[arg(long)]
    include_organisation: bool,
}

pub fn run(command: ExportCommand) -> Result<(), Error> {
    let (format, args) = match command {
        ExportCommand::Json { file, o } => {
            WorkshopFile::open(&file)?.export_json(&o)?;
            println!("Wrote {}.", o.display());
            return Ok(());
        }
        ExportCommand::Pdf(args) => (ExportFormat::Pdf, args),
        ExportCommand::Poster(args) => (ExportFormat::Poster, args),
        ExportCommand::Png(args) => (ExportFormat::Png, args),
        ExportCommand::Canvas(args) => (ExportFormat::Canvas, args),
        ExportCommand::Csv(args) => (ExportFormat::Csv, args),
    };
    let request = ExportRequest {
        version: args.version,
        board: args.board,
        options: ExportOptions {
            include_names: args.include_names,
            include_organisation: args.include_organisation,
            ..Default::default()
        },
    };
    WorkshopFile::open(&args.file)?.export(format, &request, &args.o, None)?;
    println!("Wrote {}.", args.o.display());
    Ok(())
}
