//! `paja export`: a workshop, or one of its named versions, to PDF, poster, PNG, JSON
//! Canvas, CSV or JSON. Each format is a few lines over [`WorkshopFile::export`].

use clap::{Args, Subcommand};
use paja::Error;
use paja::api::{ExportFormat, ExportRequest, WorkshopFile};
use paja::export::ExportOptions;
use std::path::{Path, PathBuf};

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
    /// A PNG image of the board given with --board; without it, one PNG per board
    /// into the folder OUT.
    Png(ExportArgs),
    /// JSON Canvas 1.0 (opens in Obsidian) of the board given with --board; without
    /// it, every board in one canvas, a group each.
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
    let file = WorkshopFile::open(&args.file)?;
    if matches!(format, ExportFormat::Png) && request.board.is_none() {
        return every_board_png(&file, request, &args.o);
    }
    file.export(format, &request, &args.o, None)?;
    println!("Wrote {}.", args.o.display());
    Ok(())
}

/// One PNG per board (archived ones left out) into the folder `dir`, named by its
/// place and title: `01-persoona-aino.png`.
fn every_board_png(file: &WorkshopFile, request: ExportRequest, dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    let view = match &request.version {
        Some(name) => file.version_view(name)?,
        None => file.view(),
    };
    let boards = view.boards.iter().filter(|b| !b.archived);
    for (i, board) in boards.enumerate() {
        let out = dir.join(format!("{:02}-{}.png", i + 1, slug(&board.title)));
        let one = ExportRequest { board: Some(board.id.clone()), ..request.clone() };
        file.export(ExportFormat::Png, &one, &out, None)?;
        println!("Wrote {}.", out.display());
    }
    Ok(())
}

/// A title as a file name: lower case letters and digits (ä and ö kept), dashes between.
fn slug(title: &str) -> String {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    match words.is_empty() {
        true => "taulu".into(),
        false => words.join("-").chars().take(60).collect(),
    }
}
