//! Passing the changes and status changes of whoever owns the workshop (a hub, a peer
//! or a reader of the region's server) on to the window, as [`LiveEvent`]s.

use super::LiveEvent;
use super::status::{Hosting, LiveStatus, hub_status, peer_status, reading_status};
use crate::model::ViewChange;
use crate::sync::projection;
use crate::sync::{HubHandle, PeerHandle, PeerStatus, RelayReader, RelayStatus};
use serde_json::Value;
use std::sync::{Arc, Mutex};
use tokio::sync::{broadcast, watch};

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whoever owns the workshop while it is shared, joined or read from the server.
pub(super) enum Source {
    Hub(Arc<HubHandle>, Arc<Hosting>),
    Peer(Arc<PeerHandle>, Arc<Mutex<Value>>),
    Reader(Arc<RelayReader>),
}

impl Source {
    fn status(&self) -> LiveStatus {
        match self {
            Source::Hub(hub, shown) => hub_status(hub, shown),
            Source::Peer(peer, me) => peer_status(peer, &lock(me)),
            Source::Reader(reader) => reading_status(reader),
        }
    }

    fn status_signal(&self) -> StatusSignal {
        match self {
            Source::Hub(hub, _) => StatusSignal::Hub(hub.subscribe_status()),
            Source::Peer(peer, _) => StatusSignal::Peer(peer.watch_status(), peer.subscribe_presence(), peer.watch_undone()),
            Source::Reader(reader) => StatusSignal::Reader(reader.watch_status()),
        }
    }

    pub(super) fn changes(&self) -> broadcast::Receiver<Arc<ViewChange>> {
        match self {
            Source::Hub(hub, _) => hub.subscribe_views(),
            Source::Peer(peer, _) => peer.subscribe_views(),
            Source::Reader(reader) => reader.subscribe_views(),
        }
    }

    fn complete_change(&self) -> Arc<ViewChange> {
        match self {
            Source::Hub(hub, _) => hub.complete_view(),
            Source::Peer(peer, _) => peer.complete_view(),
            Source::Reader(reader) => reader.complete_view(),
        }
    }
}

pub(super) async fn watch(source: Source, mut changes: broadcast::Receiver<Arc<ViewChange>>, events: broadcast::Sender<LiveEvent>) {
    let mut signal = source.status_signal();
    let mut signalling = true;
    let mut last = source.status();
    loop {
        tokio::select! {
            change = projection::next(&mut changes, || source.complete_change()) => match change {
                Some(change) => {
                    let _ = events.send(LiveEvent::Changed(change));
                    continue;
                }
                None => return,
            },
            heard = signal.next(), if signalling => signalling = heard.is_some(),
        }
        let now = source.status();
        if now != last {
            last = now;
            let _ = events.send(LiveEvent::Status);
        }
    }
}

/// When the status may have changed: the hub's signal (lobby, presence, connections), or
/// the peer's link status and others' presence. Nothing is polled.
enum StatusSignal {
    Hub(broadcast::Receiver<()>),
    Peer(watch::Receiver<PeerStatus>, broadcast::Receiver<()>, watch::Receiver<Option<crate::Refusal>>),
    Reader(watch::Receiver<RelayStatus>),
}

impl StatusSignal {
    /// Resolves at the next signal; None once its source is gone.
    async fn next(&mut self) -> Option<()> {
        match self {
            StatusSignal::Hub(hub) => heard(hub).await,
            StatusSignal::Peer(status, presence, undone) => tokio::select! {
                changed = status.changed() => changed.ok(),
                changed = undone.changed() => changed.ok(),
                presence = heard(presence) => presence,
            },
            StatusSignal::Reader(status) => status.changed().await.ok(),
        }
    }
}

/// A signal, or several missed ones, as one; None when the sender is gone.
async fn heard(signal: &mut broadcast::Receiver<()>) -> Option<()> {
    match signal.recv().await {
        Ok(()) | Err(broadcast::error::RecvError::Lagged(_)) => Some(()),
        Err(broadcast::error::RecvError::Closed) => None,
    }
}

