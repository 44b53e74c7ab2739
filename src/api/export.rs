//! Exporting a workshop file, or one of its named versions, to a file on disk.
//!
//! An export is taken in two steps so that a shared workshop is never held up by a
//! long PDF: [`ExportSnapshot`] reads what the export needs (the view and its
//! pictures) while the caller holds the workshop, and [`ExportSnapshot::write`] then
//! renders and writes without it.

use super::WorkshopFile;
use super::file_names::{file_stem, numbered};
use crate::Error;
use crate::export::{self, ExportError, ExportOptions, History};
use crate::model::{BoardContent, WorkshopView};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The formats `paja export` and the window's "Vie" dialog write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    Pdf,
    Poster,
    Png,
    Canvas,
    Csv,
    Json,
}

impl ExportFormat {
    /// The file name extension the format is written with.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Pdf | ExportFormat::Poster => "pdf",
            ExportFormat::Png => "png",
            ExportFormat::Canvas => "canvas",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

}

/// What to export: the format, which version (the current state when `None`), which
/// board (needed by PNG; optional for posters, and for JSON Canvas, which otherwise
/// holds every board) and what names to show.
#[derive(Debug, Clone, Default)]
pub struct ExportRequest {
    pub version: Option<String>,
    pub board: Option<String>,
    pub options: ExportOptions,
}

/// Everything one export reads from the workshop, taken at one moment.
pub struct ExportSnapshot {
    view: WorkshopView,
    pictures: HashMap<String, Vec<u8>>,
    /// What changed since the compared version, and after each reflection round.
    history: History,
}

impl ExportSnapshot {
    /// Takes `view` and the stored pictures it shows, read through `media`.
    pub fn new(view: WorkshopView, media: impl Fn(&str) -> Option<Vec<u8>>) -> ExportSnapshot {
        let pictures = picture_hashes(&view).into_iter().filter_map(|hash| Some((hash.clone(), media(&hash)?))).collect();
        ExportSnapshot { view, pictures, history: History::default() }
    }

    /// Renders the export and writes it to `out` all or nothing; `progress` hears the
    /// PDF report's progress from 0.0 to 1.0.
    pub fn write(
        &self,
        format: ExportFormat,
        board: Option<&str>,
        opts: &ExportOptions,
        out: &Path,
        progress: Option<&dyn Fn(f32)>,
    ) -> Result<(), Error> {
        let view = &self.view;
        let media = |hash: &str| self.pictures.get(hash).cloned();
        let chosen = || board.ok_or(ExportError::BoardNeeded);
        let bytes = match format {
            ExportFormat::Pdf => export::pdf_report_with_history(view, opts, &self.history, &media, progress)?,
            ExportFormat::Poster => export::poster(view, board, opts)?,
            ExportFormat::Png => export::png(view, chosen()?)?,
            ExportFormat::Canvas => match board {
                Some(board) => export::canvas(view, board)?,
                None => export::canvas_all(view)?,
            }
            .into_bytes(),
            ExportFormat::Csv => export::csv(view, opts).into_bytes(),
            ExportFormat::Json => export::json(view).into_bytes(),
        };
        export::write_atomic(out, &bytes)?;
        Ok(())
    }
}

/// The `media:<hash>` pictures the personas show: the only media an export draws.
fn picture_hashes(view: &WorkshopView) -> Vec<String> {
    let personas = view.boards.iter().filter_map(|b| match &b.content {
        BoardContent::Persona(board) => Some(&board.personas),
        _ => None,
    });
    let avatars = personas.flatten().filter_map(|p| p.avatar.as_deref());
    avatars.filter_map(|a| a.strip_prefix("media:")).map(str::to_string).collect()
}

impl WorkshopFile {
    /// What an export of the workshop now (`version` `None`) or of a named version
    /// reads; with `compare_from`, also what changed from that version to it.
    pub fn export_snapshot(&self, version: Option<&str>, compare_from: Option<&str>) -> Result<ExportSnapshot, Error> {
        let mut snapshot = ExportSnapshot::new(self.view_at(version)?, |hash| self.media(hash).ok());
        if let Some(from) = compare_from {
            snapshot.history.changes = Some(self.compare_versions(Some(from), version)?);
        }
        snapshot.history.rounds = self.round_changes(&snapshot.view)?;
        Ok(snapshot)
    }

    /// Writes the export to `out` all or nothing; `progress` hears the PDF report's progress.
    pub fn export(
        &self,
        format: ExportFormat,
        request: &ExportRequest,
        out: &Path,
        progress: Option<&dyn Fn(f32)>,
    ) -> Result<(), Error> {
        let snapshot = self.export_snapshot(request.version.as_deref(), request.options.compare_from.as_deref())?;
        snapshot.write(format, request.board.as_deref(), &request.options, out, progress)
    }
}

/// Where an export goes unless the person picks another place: `dir/<name>.<ext>`,
/// named from the workshop (and board) title, with " (2)", " (3)", … added so that
/// nothing already there is overwritten.
pub fn default_export_path(dir: &Path, title: &str, board_title: Option<&str>, format: ExportFormat) -> PathBuf {
    let mut stem = file_stem(title);
    if let Some(board) = board_title {
        stem = format!("{stem} - {}", file_stem(board));
    }
    if format == ExportFormat::Poster {
        stem.push_str(" - juliste");
    }
    let ext = format.extension();
    let mut n = 1;
    while numbered(dir, &stem, ext, n).exists() {
        n += 1;
    }
    numbered(dir, &stem, ext, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_name_keeps_finnish_letters_and_drops_what_a_file_system_refuses() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = default_export_path(dir.path(), "Työpaja: Äänet/Öljy?", None, ExportFormat::Pdf);
        assert_eq!(path, dir.path().join("Työpaja Äänet Öljy.pdf"), "the colon, slash and question mark are not allowed in file names");
    }

    #[test]
    fn the_default_name_never_points_at_a_file_that_exists() {
        let dir = tempfile::tempdir().expect("a temp dir");
        std::fs::write(dir.path().join("Paku - juliste.pdf"), b"old").expect("seed");
        std::fs::write(dir.path().join("Paku - juliste (2).pdf"), b"old").expect("seed");
        let path = default_export_path(dir.path(), "Paku", None, ExportFormat::Poster);
        assert_eq!(path, dir.path().join("Paku - juliste (3).pdf"), "the first free number is taken");
    }

    #[test]
    fn a_board_export_is_named_after_the_board_too() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = default_export_path(dir.path(), "Paku", Some("Maijan polku"), ExportFormat::Png);
        assert_eq!(path, dir.path().join("Paku - Maijan polku.png"));
    }

    #[test]
    fn an_empty_title_still_gives_a_name() {
        let dir = tempfile::tempdir().expect("a temp dir");
        assert_eq!(default_export_path(dir.path(), " ?? ", None, ExportFormat::Csv), dir.path().join("Työpaja.csv"));
    }
}
