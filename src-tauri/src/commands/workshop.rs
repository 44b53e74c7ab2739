//! Commands about the workshop: its projection, the one `execute` every edit goes
//! through, and stored pictures. Same names and shapes as the hub's browser RPC.

use paja::api::{Command, Outcome};
use paja::model::WorkshopView;
use tauri::{AppHandle, Emitter, State};

use crate::error::CommandError;
use crate::workshop::OpenWorkshop;

/// The event the window listens to for a new projection.
pub const CHANGED: &str = "workshop://changed";

/// The whole projection of the open workshop.
#[tauri::command]
pub fn workshop_view(open: State<'_, OpenWorkshop>) -> Result<WorkshopView, CommandError> {
    Ok(open.get()?.view())
}

/// Runs one domain command; every open view hears `workshop://changed`.
#[tauri::command]
pub fn execute(app: AppHandle, open: State<'_, OpenWorkshop>, command: Command) -> Result<Outcome, CommandError> {
    let outcome = open.get()?.execute(&command)?;
    let _ = app.emit(CHANGED, &outcome.view);
    Ok(outcome)
}

/// A stored picture as a `data:` URL.
#[tauri::command]
pub fn media(open: State<'_, OpenWorkshop>, hash: String) -> Result<String, CommandError> {
    Ok(open.get()?.media_data_url(&hash)?)
}
