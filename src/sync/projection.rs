//! Each change of a shared workshop projected once and pushed to everyone who shows it:
//! the browsers on a hub and the facilitator's window ([`super::HubHandle`]), or the
//! window of someone who joined ([`super::PeerHandle`]).
//!
//! After every committed change (the `changed` signal) one task takes what the change
//! touched and projects just that ([`crate::model::ViewChange`]), under the file's lock so
//! that changes go out in the order they were made. Nothing on this path projects the
//! whole workshop; a receiver that falls behind asks for [`Views::complete`] instead.

use super::room::lock;
use crate::api::WorkshopFile;
use crate::model::{ControlView, ViewChange};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::sync::watch;

/// How many changes a slow receiver may fall behind before it gets a complete one.
const CAPACITY: usize = 256;

/// The projected changes of one workshop, numbered, for every receiver.
pub struct Views {
    sender: broadcast::Sender<Arc<ViewChange>>,
    revision: AtomicU64,
}

impl Default for Views {
    fn default() -> Self {
        Views::new()
    }
}

impl Views {
    pub fn new() -> Views {
        Views { sender: broadcast::channel(CAPACITY).0, revision: AtomicU64::new(0) }
    }

    /// Hears every change from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<ViewChange>> {
        self.sender.subscribe()
    }

    /// Projects what changed in `file` since the last call and sends it to everyone.
    /// With nobody listening it only forgets what changed: whoever comes later starts
    /// from the whole view.
    pub fn publish(&self, file: &Mutex<WorkshopFile>) {
        let mut file = lock(file);
        if self.sender.receiver_count() == 0 {
            file.forget_changes();
            return;
        }
        let Some(mut change) = file.take_change() else { return };
        change.revision = self.revision.fetch_add(1, Ordering::Relaxed) + 1;
        let _ = self.sender.send(Arc::new(change));
    }

    /// The whole view as a change, for a receiver that fell behind or just arrived.
    pub fn complete(&self, file: &Mutex<WorkshopFile>) -> Arc<ViewChange> {
        let mut change = lock(file).workshop().complete_change();
        change.revision = self.revision.load(Ordering::Relaxed);
        Arc::new(change)
    }
}

/// Runs `publish` after every `changed` signal until `stop`. A lagged signal loses
/// nothing: what changed is kept until it is taken.
pub async fn run(mut changed: broadcast::Receiver<()>, mut stop: watch::Receiver<bool>, publish: impl Fn() + Send + 'static) {
    loop {
        tokio::select! {
            signal = changed.recv() => match signal {
                Ok(()) | Err(RecvError::Lagged(_)) => {
                    while changed.try_recv().is_ok() {}
                    publish();
                }
                Err(RecvError::Closed) => return,
            },
            _ = stop.changed() => return,
        }
    }
}

/// The next change for one receiver: a lagged one gets the whole view. None once the
/// source is gone.
pub async fn next(receiver: &mut broadcast::Receiver<Arc<ViewChange>>, complete: impl FnOnce() -> Arc<ViewChange>) -> Option<Arc<ViewChange>> {
    match receiver.recv().await {
        Ok(change) => Some(change),
        Err(RecvError::Lagged(_)) => {
            *receiver = receiver.resubscribe();
            Some(complete())
        }
        Err(RecvError::Closed) => None,
    }
}

/// The boards a person's own view reads besides the control: the running vote's (dots
/// left) and the café's (this laptop's station).
pub fn local_boards(control: &ControlView) -> Vec<String> {
    let vote = control.voting.as_ref().map(|v| v.board.clone());
    let cafe = control.cafe.as_ref().map(|c| c.board.clone());
    vote.into_iter().chain(cafe).collect()
}

/// Whether `change` can change a person's own view, whose boards were `boards`.
pub fn touches_local(change: &ViewChange, boards: &[String]) -> bool {
    change.complete
        || change.control.is_some()
        || change.boards.iter().any(|b| boards.contains(&b.id))
        || change.removed_boards.iter().any(|b| boards.contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(revision: u64) -> Arc<ViewChange> {
        Arc::new(ViewChange { revision, ..ViewChange::default() })
    }

    #[tokio::test]
    async fn a_receiver_that_fell_behind_gets_the_whole_view_then_what_follows() {
        let (sender, mut receiver) = broadcast::channel(2);
        for revision in 1..=5 {
            sender.send(numbered(revision)).unwrap();
        }
        let complete = || Arc::new(ViewChange { complete: true, revision: 5, ..ViewChange::default() });
        let first = next(&mut receiver, complete).await.unwrap();
        assert!(first.complete, "the changes it missed are replaced by the whole view");
        sender.send(numbered(6)).unwrap();
        let after = next(&mut receiver, complete).await.unwrap();
        assert_eq!(after.revision, 6, "then it hears the changes made after, not the stale ones it had");
    }

    #[test]
    fn a_card_edit_leaves_the_own_view_but_a_vote_does_not() {
        let mut control = ControlView::default();
        control.voting = Some(crate::model::control::Voting { board: "ideat".into(), budget: 3, hidden: false, revealed: false });
        let boards = local_boards(&control);
        let on = |id: &str| ViewChange { boards: vec![crate::model::BoardChange { id: id.into(), whole: None, items: vec![] }], ..ViewChange::default() };
        assert!(!touches_local(&on("kortit"), &boards), "a card on another board leaves dots and station as they are");
        assert!(touches_local(&on("ideat"), &boards), "a change on the vote's board can change the dots left");
    }
}
