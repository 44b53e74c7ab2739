//! A read-only replica of a workshop on the regional server, kept in a local `.paja`
//! file: staff follow a group's model, and observers follow a live session, from
//! anywhere. It takes in the server's changes and never writes any of its own; every
//! command sent to it is refused with [`crate::Refusal::ReadOnlyCopy`].

use super::link::{self, Replica};
use super::{RelaySettings, RelayState, RelayStatus};
use crate::api::WorkshopFile;
use crate::model::{DocName, ViewChange, WorkshopView};
use crate::sync::projection::{self, Views};
use crate::sync::room::lock;
use std::sync::{Arc, Mutex};
use tokio::sync::{broadcast, watch};
use yrs::StateVector;

struct ServerCopy {
    file: Mutex<WorkshopFile>,
    changed: broadcast::Sender<()>,
    views: Views,
}

impl Replica for ServerCopy {
    fn state_vector(&self) -> StateVector {
        lock(&self.file).workshop().state_vector(DocName::Content)
    }

    fn diff(&self, remote: &StateVector) -> Vec<u8> {
        lock(&self.file).workshop().diff_since(DocName::Content, remote)
    }

    fn take_in(&self, update: &[u8]) -> Result<(), String> {
        if update == crate::sync::wire::EMPTY_UPDATE {
            return Ok(());
        }
        lock(&self.file).apply_remote(DocName::Content, update).map_err(|e| format!("the server's update did not apply: {e}"))?;
        let _ = self.changed.send(());
        Ok(())
    }

    fn outbox(&self) -> Option<broadcast::Receiver<Vec<u8>>> {
        None
    }
}

/// A running read-only replica of a server document.
pub struct RelayReader {
    copy: Arc<ServerCopy>,
    status: watch::Receiver<RelayStatus>,
    stop: watch::Sender<bool>,
}

impl RelayReader {
    /// Starts following the server's document `settings.workshop` into `file`, on the
    /// current tokio runtime.
    pub fn start(file: WorkshopFile, settings: RelaySettings) -> RelayReader {
        let copy = Arc::new(ServerCopy { file: Mutex::new(file), changed: broadcast::channel(64).0, views: Views::new() });
        let (stop, stopped) = watch::channel(false);
        let (status, watched) = watch::channel(RelayStatus::new(&settings, RelayState::Connecting, None));
        tokio::spawn(link::run(settings, copy.clone(), status, stopped.clone()));
        let projected = copy.clone();
        tokio::spawn(projection::run(copy.changed.subscribe(), stopped, move || projected.views.publish(&projected.file)));
        RelayReader { copy, status: watched, stop }
    }

    pub fn view(&self) -> WorkshopView {
        lock(&self.copy.file).view()
    }

    /// The whole view as a change, for a window that fell behind.
    pub fn complete_view(&self) -> Arc<ViewChange> {
        self.copy.views.complete(&self.copy.file)
    }

    /// Hears every change the server sends, as what it changed in the projection.
    pub fn subscribe_views(&self) -> broadcast::Receiver<Arc<ViewChange>> {
        self.copy.views.subscribe()
    }

    /// Fires after every change taken in from the server.
    pub fn subscribe_changes(&self) -> broadcast::Receiver<()> {
        self.copy.changed.subscribe()
    }

    pub fn status(&self) -> RelayStatus {
        self.status.borrow().clone()
    }

    pub fn watch_status(&self) -> watch::Receiver<RelayStatus> {
        self.status.clone()
    }

    /// Reads the replica's file.
    pub fn read_file<R>(&self, read: impl FnOnce(&WorkshopFile) -> R) -> R {
        read(&lock(&self.copy.file))
    }

    /// Stops following; the file stays as it is.
    pub fn stop(&self) {
        let _ = self.stop.send(true);
    }
}

impl Drop for RelayReader {
    fn drop(&mut self) {
        self.stop();
    }
}
