//! Commands of the "Versiot" panel: list, make and restore named versions. They go
//! through `Live`, so that in a shared session every peer follows a restore.

use paja::model::diff::VersionDiff;
use paja::store::VersionInfo;
use tauri::State;

use crate::error::CommandError;
use crate::workshop::OpenWorkshop;

/// The named versions with their dates, oldest first.
#[tauri::command(async)]
pub fn versions(open: State<'_, OpenWorkshop>) -> Result<Vec<VersionInfo>, CommandError> {
    Ok(open.get()?.versions()?)
}

/// Saves the workshop as it is now under `name`.
#[tauri::command(async)]
pub fn create_version(open: State<'_, OpenWorkshop>, name: String) -> Result<(), CommandError> {
    Ok(open.get()?.create_version(&name)?)
}

/// Brings the workshop back to the version `name` by ordinary edits; the window hears
/// `workshop://changed`.
#[tauri::command(async)]
pub fn restore_version(open: State<'_, OpenWorkshop>, name: String) -> Result<(), CommandError> {
    Ok(open.get()?.restore_version(&name)?)
}

/// What changed from one version to another, board by board (`None`: as it is now).
#[tauri::command(async)]
pub fn compare_versions(open: State<'_, OpenWorkshop>, from: Option<String>, to: Option<String>) -> Result<VersionDiff, CommandError> {
    Ok(open.get()?.compare_versions(from.as_deref(), to.as_deref())?)
}
