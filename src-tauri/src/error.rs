//! The error shape every command returns across IPC: `{ code, message }`.
//!
//! The UI decides by `code` (stable, from `paja::Error::code`) and shows its own
//! sentence for it in the chosen language; `message` is the core's English sentence.

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct CommandError {
    pub code: paja::ErrorCode,
    pub message: String,
}

impl CommandError {
    /// A workshop command while the start screen shows and nothing is open.
    pub fn no_workshop() -> Self {
        Self { code: paja::ErrorCode::NoWorkshop, message: "No workshop is open; open or make one first.".into() }
    }
}

impl From<paja::Error> for CommandError {
    fn from(err: paja::Error) -> Self {
        Self {
            code: err.code(),
            message: err.to_string(),
        }
    }
}

impl From<paja::session::SyncError> for CommandError {
    fn from(err: paja::session::SyncError) -> Self {
        Self {
            code: err.code(),
            message: err.to_string(),
        }
    }
}
