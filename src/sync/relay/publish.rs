//! The hub's side of the relay: the relay workshop, built from the server's state, into
//! which the published view of the hub's workshop is written after every change.

use super::link::{self, Replica};
use super::{RelaySettings, RelayState, RelayStatus};
use crate::model::{DocName, Workshop};
use crate::sync::room::{HubState, lock};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{broadcast, watch};
use yrs::StateVector;

/// How long the hub waits after a change for more before it publishes them all.
const DEBOUNCE: Duration = Duration::from_millis(50);

/// The relay workshop of one running relay.
struct Published {
    hub: Arc<HubState>,
    /// None until the server's state has been taken in.
    workshop: Mutex<Option<Workshop>>,
    outbox: broadcast::Sender<Vec<u8>>,
    /// Held through a whole publish, so that a view read earlier is never written
    /// after one read later; holds how many content updates the hub had when it last
    /// published (a deletion changes no state vector, so updates are counted).
    publishing: Mutex<Option<u64>>,
}

impl Published {
    /// Writes the published view of the hub's workshop into the relay workshop and sends
    /// what that changed. Nothing before the server's state is in; nothing when the
    /// hub's content is as last published (a change of the control document alone),
    /// unless `again`.
    fn publish(&self, again: bool) {
        let mut last = lock(&self.publishing);
        if lock(&self.workshop).is_none() {
            return;
        }
        let hub = lock(&self.hub.file);
        let now = Some(hub.workshop().content_count());
        if now == *last && !again {
            return;
        }
        let view = crate::export::published::view(&hub.view());
        drop(hub);
        *last = now;
        let mut relay = lock(&self.workshop);
        let Some(workshop) = relay.as_mut() else { return };
        if let Err(e) = workshop.replace_with(&view) {
            tracing::warn!("the published view could not be written for the relay: {e}");
        }
        workshop.forget_history();
        for (doc, update) in workshop.take_pending() {
            if doc == DocName::Content {
                let _ = self.outbox.send(update);
            }
        }
    }
}

impl Replica for Published {
    fn state_vector(&self) -> StateVector {
        lock(&self.workshop).as_ref().map(|w| w.state_vector(DocName::Content)).unwrap_or_default()
    }

    fn diff(&self, remote: &StateVector) -> Vec<u8> {
        match lock(&self.workshop).as_ref() {
            Some(workshop) => workshop.diff_since(DocName::Content, remote),
            None => crate::sync::wire::EMPTY_UPDATE.to_vec(),
        }
    }

    fn take_in(&self, update: &[u8]) -> Result<(), String> {
        let mut relay = lock(&self.workshop);
        let workshop = relay.get_or_insert_with(Workshop::new);
        let before = workshop.state_vector(DocName::Content);
        workshop.apply_update(DocName::Content, update).map_err(|e| format!("the server's update did not apply: {e}"))?;
        let news = workshop.state_vector(DocName::Content) != before || before == StateVector::default();
        drop(relay);
        // The server's copy may lack what the hub did meanwhile (or hold someone else's
        // writes): publishing again brings it to the hub's view. The server also sends
        // the hub's own updates back, which change nothing and need no publishing.
        if news {
            self.publish(true);
        }
        Ok(())
    }

    fn outbox(&self) -> Option<broadcast::Receiver<Vec<u8>>> {
        Some(self.outbox.subscribe())
    }
}

/// A running relay of a hub; dropping it stops the relay.
pub(crate) struct Relay {
    stop: watch::Sender<bool>,
    status: watch::Receiver<RelayStatus>,
}

impl Relay {
    /// Starts relaying `hub`'s published view on the current tokio runtime; `signal`
    /// fires when the relay's status changes.
    pub fn start(hub: Arc<HubState>, settings: RelaySettings, signal: broadcast::Sender<()>) -> Relay {
        let (stop, stopped) = watch::channel(false);
        let (status, watched) = watch::channel(RelayStatus::new(&settings, RelayState::Connecting, None));
        let published = Arc::new(Published { hub: hub.clone(), workshop: Mutex::new(None), outbox: broadcast::channel(1024).0, publishing: Mutex::new(None) });
        tokio::spawn(publish_on_change(published.clone(), hub.changed.subscribe(), stopped.clone()));
        tokio::spawn(link::run(settings, published, status, stopped.clone()));
        tokio::spawn(forward_status(watched.clone(), signal, stopped));
        Relay { stop, status: watched }
    }

    pub fn status(&self) -> RelayStatus {
        self.status.borrow().clone()
    }

    pub fn stop(&self) {
        let _ = self.stop.send(true);
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Publishes after each change of the hub's workshop, once the changes of a short
/// moment are in.
async fn publish_on_change(published: Arc<Published>, mut changed: broadcast::Receiver<()>, mut stop: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            signal = changed.recv() => if let Err(broadcast::error::RecvError::Closed) = signal { return },
            _ = stop.changed() => return,
        }
        tokio::time::sleep(DEBOUNCE).await;
        while changed.try_recv().is_ok() {}
        published.publish(false);
    }
}

async fn forward_status(mut status: watch::Receiver<RelayStatus>, signal: broadcast::Sender<()>, mut stop: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            changed = status.changed() => if changed.is_err() { return },
            _ = stop.changed() => return,
        }
        let _ = signal.send(());
    }
}

