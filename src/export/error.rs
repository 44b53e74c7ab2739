//! The one error type of every export.

use crate::ErrorCode;
use std::path::PathBuf;

/// Why an export failed. Each variant's `Display` is one sentence a user can act on;
/// the UI decides by [`ExportError::code`], never by the English text.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("The workshop has no board with the id \"{0}\".")]
    NoSuchBoard(String),
    #[error(
        "The workshop has no quality criteria board to make a poster of; pass a board id instead."
    )]
    NoQualityCriteria,
    #[error("The built-in font {0} could not be read, so the PDF cannot be made.")]
    Font(&'static str),
    #[error("The PNG image could not be encoded: {0}.")]
    Image(String),
    #[error("Could not write {path}: {source}.", path = .path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("A board id is needed for this format; pass --board ID.")]
    BoardNeeded,
}

impl ExportError {
    /// A stable code for the UI and the CLI.
    pub fn code(&self) -> ErrorCode {
        match self {
            ExportError::NoSuchBoard(_) => ErrorCode::NoSuchBoard,
            ExportError::NoQualityCriteria => ErrorCode::NoQualityCriteria,
            ExportError::Font(_) => ErrorCode::FontUnreadable,
            ExportError::Image(_) => ErrorCode::ImageEncoding,
            ExportError::Write { .. } => ErrorCode::WriteFailed,
            ExportError::BoardNeeded => ErrorCode::BoardNeeded,
        }
    }
}
