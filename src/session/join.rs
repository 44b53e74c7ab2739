//! Joining someone's hub: what the window's "Liity" and `paja join` share. The first
//! answer is waited for without holding anything, so a wrong code comes back as an
//! error while the window stays free.

use crate::api::WorkshopFile;
use crate::sync::{Peer, PeerHandle, PeerOptions, PeerStatus, SyncError};
use std::time::{Duration, Instant};

/// How long a join waits for the hub's first answer before it goes on.
const FIRST_ANSWER: Duration = Duration::from_secs(8);

/// The options for a link (`paja://host:port?code=C&fp=HEX` or `host:port`), a typed
/// code (which wins over the link's) and the name others see.
pub fn options(link: &str, code: &str, name: &str, observer: bool) -> Result<PeerOptions, SyncError> {
    let mut options = PeerOptions::from_link(link.trim())?;
    options.observer = observer;
    if !code.trim().is_empty() {
        options.code = Some(code.trim().to_uppercase());
    }
    options.name = name.trim().to_string();
    Ok(options)
}

/// Connects `file` as a replica of the hub; call inside the runtime the peer runs on.
pub fn connect(file: WorkshopFile, options: PeerOptions) -> PeerHandle {
    Peer::connect(file, options)
}

/// Waits until the hub has answered (or [`FIRST_ANSWER`] has passed); a refusal is the error.
pub fn first_answer(peer: &PeerHandle) -> Result<(), SyncError> {
    let until = Instant::now() + FIRST_ANSWER;
    loop {
        match peer.status() {
            PeerStatus::Refused { reason } => return Err(SyncError::Refused(reason)),
            PeerStatus::Connecting if Instant::now() < until => std::thread::sleep(Duration::from_millis(20)),
            _ => return Ok(()),
        }
    }
}

/// The replica's file name: one per hub (by its certificate, else its address), so that
/// joining the same workshop again continues the same replica.
pub fn replica_name(options: &PeerOptions) -> String {
    let key = options.fingerprint.as_deref().map(|fp| fp.chars().take(16).collect()).unwrap_or_else(|| options.address.clone());
    let key: String = key.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("joined-{key}.paja")
}
