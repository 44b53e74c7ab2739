//! Starting a hub on a workshop file: what the window's "Jaa" and `paja serve` share,
//! and finding hubs on the room's network.

use super::status::FoundHub;
use crate::api::WorkshopFile;
use crate::sync::{Hub, HubHandle, HubOptions, SyncError, mdns};
use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

/// How to host: the hub's options, and the name the facilitator is shown by.
#[derive(Debug, Clone)]
pub struct HostOptions {
    pub name: String,
    pub hub: HubOptions,
}

impl Default for HostOptions {
    /// The window's default: every address, port 7070 (or any free one), newcomers in the lobby.
    fn default() -> HostOptions {
        HostOptions { name: String::new(), hub: HubOptions { bind: SocketAddr::from(([0, 0, 0, 0], 7070)), ..HubOptions::default() } }
    }
}

/// Starts a hub on the file at `path`, on the address the options ask for.
pub async fn start(path: &Path, options: &HubOptions) -> Result<HubHandle, SyncError> {
    Hub::start(WorkshopFile::open(path)?, options.clone()).await
}

/// Starts a hub as [`start`] does, or, if the asked port is taken, on any free port:
/// the window shows the address it got.
pub async fn start_on_any_port(path: &Path, options: &HubOptions) -> Result<HubHandle, SyncError> {
    match start(path, options).await {
        Err(SyncError::Listen { .. }) if options.bind.port() != 0 => {
            start(path, &HubOptions { bind: SocketAddr::new(options.bind.ip(), 0), ..options.clone() }).await
        }
        other => other,
    }
}

/// Looks for hubs on the room's network for up to `wait`.
pub fn find_hubs(wait: Duration) -> Vec<FoundHub> {
    let mut found: Vec<FoundHub> = mdns::browse(wait)
        .into_iter()
        .map(|hub| {
            let address = format!("{}:{}", hub.host, hub.port);
            let fp = hub.fingerprint.map(|f| format!("?fp={f}")).unwrap_or_default();
            FoundHub { link: format!("paja://{address}{fp}"), address }
        })
        .collect();
    found.dedup();
    found
}
