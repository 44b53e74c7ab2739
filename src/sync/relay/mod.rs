//! The relay to a regional Yjs server (Hocuspocus): a hub keeps its published content in
//! a document there, and staff read it from anywhere.
//!
//! Only the published view leaves the room ([`crate::export::published::view`]). The hub
//! keeps a second workshop, the *relay workshop*, whose content document is the one
//! synced with the server; after every change of the hub's workshop (debounced) the
//! published view is written into it with [`crate::model::Workshop::replace_with`], so
//! only minimal diffs travel. The relay workshop is built from the server's state before
//! anything is written into it, so a restarted hub continues the server's copy. While
//! the link is down it keeps taking changes in memory, and merges when the link returns.
//!
//! - `frame`: Hocuspocus's framing of y-sync (a document name before each message, and
//!   its Auth message).
//! - `link`: TLS, the WebSocket, authentication, sync both ways, reconnect with backoff.
//! - `publish`: the hub's side: the relay workshop and the debounced publishing.
//! - [`reader`]: a read-only replica of a server document in a local `.paja` file.

mod frame;
mod link;
pub(crate) mod publish;
pub mod reader;

pub use reader::RelayReader;

use crate::{ErrorCode, Failure, Refusal};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where to relay, and as whom.
#[derive(Clone, PartialEq, Eq)]
pub struct RelaySettings {
    /// `wss://HOST[:PORT]` (443 by default), perhaps with a path.
    pub url: String,
    /// Given by whoever runs the server; it never leaves this computer but to the server.
    pub token: String,
    /// The document's name on the server, such as `ryhma-1`.
    pub workshop: String,
    pub trust: RelayTrust,
}

impl std::fmt::Debug for RelaySettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RelaySettings").field("url", &self.url).field("workshop", &self.workshop).finish_non_exhaustive()
    }
}

/// Which certificates the server's may chain to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelayTrust {
    /// The system's roots (`SSL_CERT_FILE` is honoured).
    Platform,
    /// The certificates of a PEM file, such as a region's own CA.
    Pem(Vec<u8>),
}

/// What the relay is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RelayState {
    /// The first connection is being made.
    Connecting,
    /// In sync with the server.
    Connected,
    /// The link is down; it is tried again, and changes wait in memory meanwhile.
    Offline,
    /// The server refused (a token, a certificate, an address): no retry until the
    /// settings change.
    Refused,
}

/// The relay's state as the session bar shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RelayStatus {
    pub state: RelayState,
    /// The server's address as given.
    pub address: String,
    /// The document's name on the server.
    pub workshop: String,
    /// Why it was refused; when offline, why the last attempt failed.
    pub refusal: Option<Failure>,
}

impl RelayStatus {
    pub(crate) fn new(settings: &RelaySettings, state: RelayState, refusal: Option<Failure>) -> RelayStatus {
        RelayStatus { state, address: settings.url.clone(), workshop: settings.workshop.clone(), refusal }
    }
}

/// Why the relay is not in sync, as one sentence with a stable code.
#[derive(Debug, Clone, thiserror::Error)]
pub enum RelayError {
    /// The server's own reason goes to the log, not here.
    #[error("{}", Refusal::RelayRefused)]
    Refused,
    #[error("The regional server cannot be reached ({0}); Paja tries again.")]
    Unreachable(String),
    #[error("\"{0}\" is not a server address: give wss://HOST, or wss://HOST:PORT.")]
    BadAddress(String),
    #[error("The regional server's certificate is not trusted: {0}.")]
    Certificate(String),
}

impl RelayError {
    pub fn code(&self) -> ErrorCode {
        match self {
            RelayError::Refused => ErrorCode::Refused(Refusal::RelayRefused),
            RelayError::Unreachable(_) => ErrorCode::RelayUnreachable,
            RelayError::BadAddress(_) => ErrorCode::RelayBadAddress,
            RelayError::Certificate(_) => ErrorCode::RelayCertificate,
        }
    }
}

impl From<&RelayError> for Failure {
    fn from(e: &RelayError) -> Failure {
        Failure::new(e.code(), e)
    }
}
