//! Commands about the workshop as a whole.

use paja::model::WorkshopView;
use tauri::State;

use crate::error::CommandError;
use crate::workshop::OpenWorkshop;

/// The whole projection of the open workshop.
#[tauri::command]
pub fn workshop_view(open: State<'_, OpenWorkshop>) -> Result<WorkshopView, CommandError> {
    Ok(open.get()?.view())
}
