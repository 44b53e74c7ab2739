//! Commands of the "Vie" dialog: where an export goes by default, and the export
//! itself. The workshop is held only while its view is read; the rendering and the
//! writing run on a worker thread, telling the window `export://progress`.

use std::path::{Path, PathBuf};

use paja::api::{ExportFormat, default_export_path as free_path};
use paja::export::{ExportError, ExportOptions};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use crate::error::CommandError;
use crate::workshop::OpenWorkshop;

/// The event the window's progress bar listens to.
pub const PROGRESS: &str = "export://progress";

#[derive(Clone, Serialize)]
struct Progress {
    fraction: f32,
}

/// A free file name in the folder where new workshops go (documents `Paja/`), from the workshop's (and
/// the board's) title and the format.
#[tauri::command(async)]
pub fn default_export_path(open: State<'_, OpenWorkshop>, format: ExportFormat, board: Option<String>) -> Result<PathBuf, CommandError> {
    let view = open.get()?.view();
    let board_title = board.and_then(|id| view.board(&id).map(|b| b.title.clone()));
    let dir = open.places.documents.clone();
    std::fs::create_dir_all(&dir).map_err(|source| ExportError::Write { path: dir.clone(), source }).map_err(paja::Error::from)?;
    Ok(free_path(&dir, &view.meta.title, board_title.as_deref(), format))
}

/// Writes the export to `path` all or nothing and answers with the written path.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn export_workshop(
    app: AppHandle,
    open: State<'_, OpenWorkshop>,
    format: ExportFormat,
    board: Option<String>,
    version: Option<String>,
    names: bool,
    organisation: bool,
    compare_from: Option<String>,
    path: PathBuf,
) -> Result<PathBuf, CommandError> {
    let snapshot = open.get()?.export_snapshot(version.as_deref(), compare_from.as_deref())?;
    let options = ExportOptions { include_names: names, include_organisation: organisation, compare_from };
    let progress = move |fraction: f32| {
        let _ = app.emit(PROGRESS, Progress { fraction });
    };
    let out = path.clone();
    let written = tauri::async_runtime::spawn_blocking(move || snapshot.write(format, board.as_deref(), &options, &out, Some(&progress)));
    match written.await {
        Ok(result) => result.map(|()| path).map_err(CommandError::from),
        Err(_) => Err(stopped(&path).into()),
    }
}

/// The worker thread ended without an answer; nothing was written (see `write_atomic`).
fn stopped(path: &Path) -> paja::Error {
    ExportError::Write { path: path.to_path_buf(), source: std::io::Error::other("the export stopped") }.into()
}
