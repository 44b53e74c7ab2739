use crate::{ErrorCode, Failure};
use crate::model::ModelError;
use crate::store::StoreError;
use std::path::PathBuf;
use thiserror::Error;

/// Any error of the core, as one plain sentence with a stable code for the UI.
#[derive(Debug, Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    #[error("{} could not be read or written: {source}.", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("There is no template \"{0}\"; choose paku or empty.")]
    UnknownTemplate(String),
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Store(e) => e.code(),
            Error::Model(e) => e.code(),
            Error::Export(e) => e.code(),
            Error::Io { .. } => ErrorCode::Io,
            Error::UnknownTemplate(_) => ErrorCode::UnknownTemplate,
        }
    }

    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Error {
        Error::Io { path: path.to_path_buf(), source }
    }
}

impl From<&Error> for Failure {
    fn from(e: &Error) -> Failure {
        Failure::new(e.code(), e)
    }
}
