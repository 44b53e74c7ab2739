//! Commands about the workshop: its projection, the one `execute` every edit goes
//! through, and stored pictures. Same names and shapes as the hub's browser RPC.

use paja::api::{Command, LocalView, Outcome};
use paja::export::RoundChanges;
use paja::model::evaluation::{self, OverTimeRow};
use paja::model::trace::{self, Trace};
use paja::model::WorkshopView;
use paja::synthesis::plain_language::PlainReport;
use paja::synthesis::{self, GroupSuggestion, Neighbour};
use tauri::State;

use crate::error::CommandError;
use crate::workshop::OpenWorkshop;

/// The whole projection of the open workshop.
#[tauri::command]
pub fn workshop_view(open: State<'_, OpenWorkshop>) -> Result<WorkshopView, CommandError> {
    Ok(open.get()?.view())
}

/// Runs one domain command where the workshop lives now (the file, the hub or the
/// replica); the window hears `workshop://changed` through [`crate::session::forward`].
#[tauri::command]
pub fn execute(open: State<'_, OpenWorkshop>, command: Command) -> Result<Outcome, CommandError> {
    Ok(open.get()?.execute(&command)?)
}

/// What only this person sees: their role, drafts and dots.
#[tauri::command]
pub fn local_view(open: State<'_, OpenWorkshop>) -> Result<LocalView, CommandError> {
    Ok(open.get()?.local_view()?)
}

/// A stored picture as a `data:` URL.
#[tauri::command]
pub fn media(open: State<'_, OpenWorkshop>, hash: String) -> Result<String, CommandError> {
    Ok(open.get()?.media(&hash)?)
}

/// Groups of alike notes on a board (or one café station), for "Ehdota ryhmiä".
#[tauri::command]
pub fn suggest_groups(open: State<'_, OpenWorkshop>, board: String, station: Option<String>) -> Result<Vec<GroupSuggestion>, CommandError> {
    Ok(synthesis::suggest_on(&open.get()?.view(), &board, station.as_deref()).map_err(paja::Error::from)?)
}

/// The notes most like one note, for "Samankaltaiset".
#[tauri::command]
pub fn similar_items(open: State<'_, OpenWorkshop>, board: String, item: String) -> Result<Vec<Neighbour>, CommandError> {
    Ok(synthesis::similar_on(&open.get()?.view(), &board, &item).map_err(paja::Error::from)?)
}

/// Plain-language hints and the readability figure of a Finnish text.
#[tauri::command]
pub fn plain_language(text: String) -> PlainReport {
    synthesis::plain_language::check(&text)
}

/// Every traced link, with the sources' labels as they are now ("mistä tämä tuli").
#[tauri::command]
pub fn traces(open: State<'_, OpenWorkshop>) -> Result<Vec<Trace>, CommandError> {
    Ok(trace::traces(&open.get()?.view()))
}

/// The start, middle and end evaluations side by side.
#[tauri::command]
pub fn evaluation_over_time(open: State<'_, OpenWorkshop>) -> Result<Vec<OverTimeRow>, CommandError> {
    Ok(evaluation::over_time_in(&open.get()?.view()))
}

/// What changed on each operating model after each of its closed reflection rounds.
#[tauri::command]
pub fn round_changes(open: State<'_, OpenWorkshop>) -> Result<Vec<RoundChanges>, CommandError> {
    Ok(open.get()?.round_changes()?)
}
