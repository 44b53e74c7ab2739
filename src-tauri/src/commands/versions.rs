//! Commands of the "Versiot" panel: list, make and restore named versions. They go
//! through `Live`, so that in a shared session every peer follows a restore.

use paja::model::WorkshopView;
use paja::store::VersionInfo;
use tauri::State;

use crate::error::CommandError;
use crate::workshop::OpenWorkshop;

/// The named versions with their dates, oldest first.
#[tauri::command(async)]
pub fn versions(open: State<'_, OpenWorkshop>) -> Result<Vec<VersionInfo>, CommandError> {
    Ok(open.get()?.versions()?)
}

/// Saves the workshop as it is now under `name`; answers with the versions.
#[tauri::command(async)]
pub fn create_version(open: State<'_, OpenWorkshop>, name: String) -> Result<Vec<VersionInfo>, CommandError> {
    Ok(open.get()?.create_version(&name)?)
}

/// Brings the workshop back to the version `name` by ordinary edits.
#[tauri::command(async)]
pub fn restore_version(open: State<'_, OpenWorkshop>, name: String) -> Result<WorkshopView, CommandError> {
    Ok(open.get()?.restore_version(&name)?)
}
