use crate::{ErrorCode, Failure};
use thiserror::Error;

/// What went wrong in sync, as one plain sentence with a stable code for the UI.
#[derive(Debug, Error)]
pub enum SyncError {
    #[error("The message could not be read: {0}.")]
    Malformed(String),
    #[error("The hub could not listen on {addr}: {source}.")]
    Listen { addr: String, source: std::io::Error },
    #[error("The connection failed: {0}.")]
    Connection(String),
    #[error("The hub refused: {}", .0.message)]
    Refused(Failure),
    #[error("The address {0} is not a Paja address.")]
    BadAddress(String),
    #[error("The certificate could not be made: {0}.")]
    Certificate(String),
    #[error(transparent)]
    Core(#[from] crate::Error),
}

impl SyncError {
    pub fn code(&self) -> ErrorCode {
        match self {
            SyncError::Malformed(_) => ErrorCode::SyncMalformed,
            SyncError::Listen { .. } => ErrorCode::SyncListen,
            SyncError::Connection(_) => ErrorCode::SyncConnection,
            SyncError::Refused(failure) => failure.code,
            SyncError::BadAddress(_) => ErrorCode::SyncBadAddress,
            SyncError::Certificate(_) => ErrorCode::SyncCertificate,
            SyncError::Core(e) => e.code(),
        }
    }
}

impl From<&SyncError> for Failure {
    fn from(e: &SyncError) -> Failure {
        Failure::new(e.code(), e)
    }
}
