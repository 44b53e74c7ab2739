//! Commands of the start screen: which workshop the window has open. Opening, making,
//! saving as and closing tell the window with `workshop://opened` (the new file's
//! [`OpenInfo`]) and `workshop://closed`.

use std::path::Path;

use paja::api::WorkshopFile;
use paja::api::start::{self, OpenInfo, StartState};
use paja::templates::Template;
use tauri::{AppHandle, Emitter, State};

use crate::commands::session;
use crate::error::CommandError;
use crate::workshop::OpenWorkshop;

pub const OPENED: &str = "workshop://opened";
pub const CLOSED: &str = "workshop://closed";

#[tauri::command(async)]
pub fn start_state(open: State<'_, OpenWorkshop>) -> StartState {
    open.start_state()
}

/// A new workshop from the PAKU template or empty, in the documents folder's `Paja/`.
#[tauri::command(async)]
pub fn new_workshop(app: AppHandle, open: State<'_, OpenWorkshop>, title: String, template: String) -> Result<OpenInfo, CommandError> {
    let file = Template::parse(&template)
        .ok_or(paja::Error::UnknownTemplate(template))
        .and_then(|t| start::new_workshop(&open.places.documents, &title, t));
    opened(&app, open.open(file))
}

#[tauri::command(async)]
pub fn open_workshop(app: AppHandle, open: State<'_, OpenWorkshop>, path: String) -> Result<OpenInfo, CommandError> {
    opened(&app, open.open(WorkshopFile::open(Path::new(&path))))
}

/// The demo workshop, written to the user's data folder the first time.
#[tauri::command(async)]
pub fn open_demo(app: AppHandle, open: State<'_, OpenWorkshop>) -> Result<OpenInfo, CommandError> {
    opened(&app, open.open(start::open_demo(&open.places.data)))
}

/// A workshop on the region's server, to read only.
#[tauri::command(async)]
pub fn open_from_server(app: AppHandle, open: State<'_, OpenWorkshop>, url: String, token: String, workshop: String) -> Result<OpenInfo, CommandError> {
    opened(&app, open.open_from_server(&url, &token, &workshop))
}

#[tauri::command(async)]
pub fn save_workshop_as(app: AppHandle, open: State<'_, OpenWorkshop>, path: String) -> Result<OpenInfo, CommandError> {
    opened(&app, open.save_as(Path::new(&path)))
}

#[tauri::command(async)]
pub fn close_workshop(app: AppHandle, open: State<'_, OpenWorkshop>) {
    open.close();
    let _ = app.emit(CLOSED, ());
}

/// Tells the window, and passes the new workshop's changes on to it from now on.
fn opened(app: &AppHandle, result: Result<OpenInfo, CommandError>) -> Result<OpenInfo, CommandError> {
    let info = result?;
    session::forward(app);
    let _ = app.emit(OPENED, &info);
    Ok(info)
}
