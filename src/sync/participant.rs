//! What a person does through their own core while in a session: every command is
//! checked against their role first ([`rules::refusal`]); hidden dots and evaluation
//! answers go to the hub alone, sealed; silent-writing drafts stay in the local file
//! and are published, then wiped, when the control document says the round is revealed
//! (also after a reconnect, for someone who was offline at the reveal).

use super::peer::{PeerHandle, PeerShared, PeerStatus};
use super::room::lock;
use super::wire::SealedItem;
use super::Role;
use crate::api::drafts::Due;
use crate::api::{Command, LocalView, Outcome, rules, voting};
use crate::model::{BoardKind, ModelError};
use crate::{Error, Refusal};
use std::sync::Arc;
use tokio::sync::watch;

fn refused(why: Refusal) -> Error {
    Error::Model(ModelError::NotAllowed(why))
}

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
        if !connected || self.sealed.send((board.to_string(), item)).is_err() {
            return Err(refused(Refusal::NeedsConnection));
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
        if due.drafts.is_empty() {
            return Ok(());
        }
        if !due.anonymous {
            return self.run(|file| file.publish_drafts(&due));
        }
        let mut sent = Vec::new();
        for draft in &due.drafts {
            if self.seal(&due.board, sealed_card(&due, &draft.text)).is_err() {
                break;
            }
            sent.push(draft.clone());
        }
        lock(&self.file).forget_drafts(&sent)?;
        let _ = self.changed.send(());
        Ok(())
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

fn sealed_card(due: &Due, text: &str) -> SealedItem {
    match due.kind {
        Some(BoardKind::IdeaWall) => SealedItem::Idea { name: text.into() },
        _ => SealedItem::FreeCard { text: text.into(), color: "yellow".into() },
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
        let voting = view.control.voting.clone();
        let hidden_board = voting.as_ref().filter(|v| v.hidden).map(|v| v.board.clone());
        let given = hidden_board.as_deref().map(|b| shared.hidden_on(b).len()).unwrap_or(0);
        if let Some(why) = rules::refusal(shared.role_now(), me.as_deref(), command, &view, given) {
            return Err(refused(why));
        }
        let name = me.as_deref().and_then(|me| view.control.person(me)).map(|p| p.name.as_str());
        let signed = command.signed_by(name);
        let command = signed.as_ref();
        match command {
            Command::CastVote { board, idea } if hidden_board.as_ref() == Some(board) => {
                shared.seal(board, SealedItem::Vote { idea: idea.clone() })?;
                lock(&shared.hidden_votes).push((board.clone(), idea.clone()));
                let _ = shared.changed.send(());
                Ok(shared.outcome())
            }
            Command::RetractVote { board, idea } if hidden_board.as_ref() == Some(board) => {
                let mut mine = lock(&shared.hidden_votes);
                let at = mine.iter().position(|(b, i)| b == board && i == idea);
                let Some(at) = at else { return Err(refused(Refusal::NoDotGiven)) };
                shared.seal(board, SealedItem::Unvote { idea: idea.clone() })?;
                mine.remove(at);
                drop(mine);
                let _ = shared.changed.send(());
                Ok(shared.outcome())
            }
            Command::CastVote { board, idea } => {
                shared.run(|file| file.execute_as(|w| voting::cast(w, board, idea, me.as_deref()).map(Some)))
            }
            Command::RetractVote { board, idea } => {
                shared.run(|file| file.execute_as(|w| voting::retract(w, board, idea, me.as_deref()).map(|_| None)))
            }
            Command::AnswerEvaluation { board, group, answers } => {
                voting::check_answers(&view, board, answers)?;
                for r in answers {
                    shared.seal(board, SealedItem::answer(*group, r))?;
                }
                Ok(shared.outcome())
            }
            other => shared.run(|file| file.execute(other)),
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
            eprintln!("paja peer: drafts could not be published yet: {e}");
        }
        tokio::select! {
            _ = changes.recv() => {}
            _ = status.changed() => {}
            _ = stop.changed() => return,
        }
    }
}
