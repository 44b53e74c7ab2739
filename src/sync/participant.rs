//! What a person does through their own core while in a session: every command is
//! routed as [`person::route`] decides (the same as at the hub): hidden dots and
//! evaluation answers go to the hub alone, sealed; silent-writing drafts stay in the local file
//! and are published, then wiped, when the control document says the round is revealed
//! (also after a reconnect, for someone who was offline at the reveal).

use super::peer::{PeerHandle, PeerShared, PeerStatus};
use super::room::lock;
use super::wire::SealedItem;
use super::Role;
use crate::api::person::{self, Person, Route, refused};
use crate::api::{Command, LocalView, Outcome, voting};
use crate::{Error, Refusal};
use std::sync::Arc;
use tokio::sync::watch;

impl PeerShared {
    /// Our role as the hub said it; before the first welcome, what we asked for.
    pub fn role_now(&self) -> Role {
        match *lock(&self.role) {
            Some(role) => role,
            None if self.options.observer => Role::Observer,
            None => Role::Participant,
        }
    }

    fn me(&self) -> Option<String> {
        lock(&self.me).clone()
    }

    /// The ideas of our hidden dots on `board`.
    fn hidden_on(&self, board: &str) -> Vec<String> {
        lock(&self.hidden_votes).iter().filter(|(b, _)| b == board).map(|(_, idea)| idea.clone()).collect()
    }

    fn seal(&self, board: &str, item: SealedItem) -> Result<(), Error> {
        let connected = matches!(*self.status.borrow(), PeerStatus::Connected { .. });
        if !connected {
            return Err(refused(Refusal::NeedsConnection));
        }
        match self.keep_sealed(board, item) {
            true => Ok(()),
            false => Err(refused(Refusal::SendQueueFull)),
        }
    }

    /// Seals one item to the hub, and keeps which hidden dots are ours: only a dot we
    /// gave can be taken back.
    fn seal_hidden(&self, board: &str, item: SealedItem) -> Result<(), Error> {
        let mut mine = lock(&self.hidden_votes);
        match &item {
            SealedItem::Vote { idea } => {
                self.seal(board, item.clone())?;
                mine.push((board.to_string(), idea.clone()));
            }
            SealedItem::Unvote { idea } => {
                let at = mine.iter().position(|(b, i)| b == board && i == idea).ok_or(refused(Refusal::NoDotGiven))?;
                self.seal(board, item.clone())?;
                mine.remove(at);
            }
            _ => self.seal(board, item)?,
        }
        Ok(())
    }

    /// Runs a change on the replica and sends what it logged to the hub.
    fn run<R>(&self, edit: impl FnOnce(&mut crate::api::WorkshopFile) -> Result<R, Error>) -> Result<R, Error> {
        let mut file = lock(&self.file);
        file.start_collecting();
        let outcome = edit(&mut file);
        let updates = file.stop_collecting();
        drop(file);
        for (doc, update) in updates {
            if let Some(outbox) = self.outbox.get(&doc) {
                let _ = outbox.send(update);
            }
        }
        let _ = self.changed.send(());
        outcome
    }

    fn outcome(&self) -> Outcome {
        Outcome { id: None }
    }

    /// Publishes the drafts the control says are revealed; anonymous ones only while
    /// connected, since they go to the hub alone.
    fn publish_due(&self) -> Result<(), Error> {
        self.forget_finished_votes();
        let due = lock(&self.file).due_drafts()?;
        if due.anonymous {
            // The content link sends them all (or that there are none) to the hub, and
            // deletes each once the hub acknowledges it.
            self.drafts_push.notify_one();
            return Ok(());
        }
        if due.drafts.is_empty() {
            return Ok(());
        }
        self.run(|file| file.publish_drafts(&due))
    }
}

impl PeerShared {
    /// Once a vote is over, where our hidden dots went is forgotten, so the next vote
    /// starts with the whole budget.
    fn forget_finished_votes(&self) {
        let voting = lock(&self.file).workshop().control().voting.map(|v| v.board);
        lock(&self.hidden_votes).retain(|(board, _)| Some(board) == voting.as_ref());
    }
}

impl PeerHandle {
    /// Runs a command from this person's window: refused in one sentence if their role
    /// or the session does not allow it, otherwise run on the replica and sent on (or,
    /// for hidden dots and answers, handed to the hub alone).
    pub fn execute(&self, command: &Command) -> Result<Outcome, Error> {
        let shared = &self.shared;
        let me = shared.me();
        let view = crate::api::local::session_view(lock(&shared.file).workshop());
        let hidden_given = view.control.voting.as_ref().filter(|v| v.hidden).map(|v| shared.hidden_on(&v.board).len()).unwrap_or(0);
        let person = Person { role: shared.role_now(), id: me.as_deref(), name: None, hidden_given };
        match person::route(&person, command, &view)? {
            Route::Seal { board, items } => {
                for item in items {
                    shared.seal_hidden(&board, item)?;
                }
                let _ = shared.changed.send(());
                Ok(shared.outcome())
            }
            Route::Vote { board, idea, retract: false } => {
                shared.run(|file| file.execute_as(|w| voting::cast(w, &board, &idea, me.as_deref()).map(Some)))
            }
            Route::Vote { board, idea, retract: true } => {
                shared.run(|file| file.execute_as(|w| voting::retract(w, &board, &idea, me.as_deref()).map(|_| None)))
            }
            Route::Run(command) => shared.run(|file| file.execute(&command)),
        }
    }

    /// What only this person sees: who they are, their drafts, their dots.
    pub fn local_view(&self) -> Result<LocalView, Error> {
        let shared = &self.shared;
        let voting = lock(&shared.file).workshop().control().voting;
        let hidden = match &voting {
            Some(v) if v.hidden => shared.hidden_on(&v.board),
            _ => Vec::new(),
        };
        let me = shared.me();
        let file = lock(&shared.file);
        Ok(LocalView::of(file.workshop(), shared.role_now().as_str(), me.as_deref(), file.drafts()?, hidden))
    }
}

/// Watches the replica and the link; publishes drafts whenever a reveal is due.
pub(crate) async fn publish_when_revealed(shared: Arc<PeerShared>, mut stop: watch::Receiver<bool>) {
    let mut changes = shared.changed.subscribe();
    let mut status = shared.status.subscribe();
    loop {
        if let Err(e) = shared.publish_due() {
            tracing::warn!("drafts could not be published yet: {e}");
        }
        tokio::select! {
            _ = changes.recv() => {}
            _ = status.changed() => {}
            _ = stop.changed() => return,
        }
    }
}
