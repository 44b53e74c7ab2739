//! Commands run at the hub on someone's behalf — the facilitator's own window on the
//! hub's laptop, or a browser — with the same limits a desktop core applies to its own
//! person ([`person::route`]): hidden dots and evaluation answers are sealed straight
//! into the hub, visible dots carry the person's roster id, the rest runs on the file.

use super::admission::Member;
use super::room::{HubState, lock};
use crate::Error;
use crate::api::person::{self, Person, Route};
use crate::api::{Command, LocalView, Outcome, voting};
use crate::model::ModelError;

fn changed(e: super::SyncError) -> Error {
    match e {
        super::SyncError::Core(e) => e,
        e => Error::Model(ModelError::BadUpdate(e.to_string())),
    }
}

impl HubState {
    /// Runs `member`'s command at the hub, refused in one sentence if their role or the
    /// session does not allow it.
    pub fn execute_for(&self, member: &Member, command: &Command) -> Result<Outcome, Error> {
        let me = member.person.as_str();
        let view = crate::api::local::session_view(lock(&self.file).workshop());
        let voting = view.control.voting.as_ref().filter(|v| v.hidden);
        let hidden_given = voting.map(|v| self.dots_used(&v.board, me)).unwrap_or(0);
        let person = Person { role: member.role, id: Some(me), name: Some(member.name.as_str()), hidden_given };
        let id = match person::route(&person, command, &view)? {
            Route::Seal { board, items } => {
                for item in items {
                    self.seal_from(me, board.clone(), item, None).map_err(person::refused)?;
                }
                None
            }
            Route::Vote { board, idea, retract: false } => Some(self.change(|w| voting::cast(w, &board, &idea, Some(me))).map_err(changed)?),
            Route::Vote { board, idea, retract: true } => {
                self.change(|w| voting::retract(w, &board, &idea, Some(me))).map_err(changed)?;
                None
            }
            Route::Run(command) => return self.execute(&command),
        };
        Ok(Outcome { id })
    }

    /// What only `member` sees; `drafts` are those kept for them (none for a browser).
    /// Takes the file's lock and the sealed items' lock one after the other, never
    /// both: publishing holds the sealed items while it writes to the file.
    pub fn local_view_for(&self, member: &Member) -> Result<LocalView, Error> {
        let voting = lock(&self.file).workshop().control().voting;
        let hidden = match &voting {
            Some(v) if v.hidden => lock(&self.sealed).ballot(&v.board, &member.person),
            _ => Vec::new(),
        };
        // The ledger's count, which a restart keeps, even where the ideas were forgotten.
        let left = voting.as_ref().filter(|v| v.hidden).map(|v| v.budget.saturating_sub(self.dots_used(&v.board, &member.person) as u32));
        let file = lock(&self.file);
        let facilitator = member.person == super::admission::FACILITATOR_PERSON;
        let drafts = match facilitator {
            true => file.drafts()?,
            false => Vec::new(),
        };
        let mut local = LocalView::of(file.workshop(), member.role.as_str(), Some(&member.person), drafts, hidden);
        local.votes_left = left.or(local.votes_left);
        local.waiting_answers = facilitator.then(|| file.waiting_answers()).transpose()?;
        Ok(local)
    }
}
