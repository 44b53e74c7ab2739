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

impl From<paja::Error> for CommandError {
    fn from(err: paja::Error) -> Self {
        Self {
            code: err.code(),
            message: err.to_string(),
        }
    }
}

impl From<paja::sync::SyncError> for CommandError {
    fn from(err: paja::sync::SyncError) -> Self {
        Self {
            code: err.code(),
            message: err.to_string(),
        }
    }
}
