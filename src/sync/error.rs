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
    #[error("The hub refused: {0}")]
    Refused(String),
    #[error("The address {0} is not a Paja address.")]
    BadAddress(String),
    #[error("The certificate could not be made: {0}.")]
    Certificate(String),
    #[error(transparent)]
    Core(#[from] crate::Error),
}

impl SyncError {
    pub fn code(&self) -> &'static str {
        match self {
            SyncError::Malformed(_) => "sync_malformed",
            SyncError::Listen { .. } => "sync_listen",
            SyncError::Connection(_) => "sync_connection",
            SyncError::Refused(_) => "sync_refused",
            SyncError::BadAddress(_) => "sync_bad_address",
            SyncError::Certificate(_) => "sync_certificate",
            SyncError::Core(e) => e.code(),
        }
    }
}
