//! Commands about the live session: hosting, joining, leaving, the lobby and presence.
//! The core's `Live` does the work; this file passes its events on to the window as
//! `workshop://changed` (what changed in the view, a `ViewChange`) and `session://status`
//! (the status). They run off
//! the main thread (`async`): joining waits for the hub's first answer.

use std::time::Duration;

use paja::session::{FoundHub, HostOptions, Hosting, HubOptions, LiveEvent, LiveStatus, SavedRelay};
use tauri::{AppHandle, Emitter, Manager, State};
use tokio::sync::broadcast::error::RecvError;

use crate::error::CommandError;
use crate::workshop::OpenWorkshop;

/// The event the window listens to for a new projection.
pub const CHANGED: &str = "workshop://changed";
/// The event the window listens to for a new session status.
pub const STATUS: &str = "session://status";

/// How long the window looks for hubs on the room's network.
const BROWSE: Duration = Duration::from_millis(1500);

/// Shares the open workshop on the room's network; this person facilitates.
#[tauri::command(async)]
pub fn host_session(app: AppHandle, open: State<'_, OpenWorkshop>, name: String, auto_admit: bool) -> Result<Hosting, CommandError> {
    let defaults = HostOptions::default().hub;
    let options = HostOptions { name, hub: HubOptions { auto_admit, ui_dir: crate::ui_files::export(&app), ..defaults } };
    Ok(open.get()?.host(options)?)
}

/// Joins someone's workshop from a `paja://` link or an address, with the code;
/// an observer only follows. The hub's first answer is waited for with the workshop
/// unlocked, so the window's other commands go on meanwhile.
#[tauri::command(async)]
pub fn join_session(open: State<'_, OpenWorkshop>, link: String, code: String, name: String, observer: bool) -> Result<LiveStatus, CommandError> {
    let joining = open.get()?.start_join(&link, &code, &name, observer)?;
    joining.wait()?;
    Ok(open.get()?.finish_join(joining)?)
}

/// Stops sharing, or leaves the joined workshop, and returns to the own file.
#[tauri::command(async)]
pub fn leave_session(open: State<'_, OpenWorkshop>) -> Result<LiveStatus, CommandError> {
    let mut live = open.get()?;
    live.leave()?;
    Ok(live.status())
}

#[tauri::command(async)]
pub fn session_status(open: State<'_, OpenWorkshop>) -> Result<LiveStatus, CommandError> {
    Ok(open.get()?.status())
}

#[tauri::command(async)]
pub fn admit(open: State<'_, OpenWorkshop>, id: u64) -> Result<bool, CommandError> {
    Ok(open.get()?.admit(id))
}

#[tauri::command(async)]
pub fn deny(open: State<'_, OpenWorkshop>, id: u64) -> Result<bool, CommandError> {
    Ok(open.get()?.deny(id))
}

#[tauri::command(async)]
pub fn remove_person(open: State<'_, OpenWorkshop>, person: String) -> Result<bool, CommandError> {
    Ok(open.get()?.remove_person(&person))
}

#[tauri::command(async)]
pub fn set_auto_admit(open: State<'_, OpenWorkshop>, on: bool) -> Result<(), CommandError> {
    open.get()?.set_auto_admit(on);
    Ok(())
}

/// Tells the others which board this person has open.
#[tauri::command(async)]
pub fn set_presence(open: State<'_, OpenWorkshop>, board: Option<String>) -> Result<(), CommandError> {
    open.get()?.set_presence(board.as_deref());
    Ok(())
}

/// The relay to the region's server as kept in the workshop file, without its token.
#[tauri::command(async)]
pub fn relay_settings(open: State<'_, OpenWorkshop>) -> Result<Option<SavedRelay>, CommandError> {
    Ok(open.get()?.relay_settings()?)
}

/// Relays the shared workshop to the region's server (an empty token: the one kept).
#[tauri::command(async)]
pub fn connect_relay(open: State<'_, OpenWorkshop>, url: String, token: String, workshop: String) -> Result<LiveStatus, CommandError> {
    let live = open.get()?;
    live.connect_relay(paja::session::typed_settings(&url, &token, &workshop))?;
    Ok(live.status())
}

#[tauri::command(async)]
pub fn disconnect_relay(open: State<'_, OpenWorkshop>) -> Result<LiveStatus, CommandError> {
    let live = open.get()?;
    live.disconnect_relay()?;
    Ok(live.status())
}

/// Hubs advertised on the room's network.
#[tauri::command(async)]
pub fn find_hubs() -> Vec<FoundHub> {
    paja::session::find_hubs(BROWSE)
}

/// Passes the workshop's and the session's changes, local or remote, on to the window
/// for as long as this workshop is open, so that others' edits appear with no action.
pub fn forward(app: &AppHandle) {
    let Ok(mut events) = app.state::<OpenWorkshop>().get().map(|live| live.subscribe()) else { return };
    let app = app.clone();
    std::thread::spawn(move || {
        let open = app.state::<OpenWorkshop>();
        loop {
            let behind = match events.blocking_recv() {
                // A change carries all the window needs: no waiting for the workshop's lock.
                Ok(LiveEvent::Changed(change)) => {
                    let _ = app.emit(CHANGED, &*change);
                    continue;
                }
                Ok(LiveEvent::Status) => false,
                // Fallen behind: the whole view, and the status.
                Err(RecvError::Lagged(_)) => true,
                Err(RecvError::Closed) => return,
            };
            // Read under the lock, emit after it: emitting waits for the main thread,
            // which may itself be waiting for the lock in a command.
            let Ok(live) = open.get() else { return };
            let change = behind.then(|| live.complete_change());
            let status = live.status();
            drop(live);
            if let Some(change) = change {
                let _ = app.emit(CHANGED, &*change);
            }
            let _ = app.emit(STATUS, status);
        }
    });
}
