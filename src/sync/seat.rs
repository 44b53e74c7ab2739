//! Commands run at the hub on someone's behalf — the facilitator's own window on the
//! hub's laptop, or a browser — with the same limits a desktop core applies to its own
//! person ([`rules::refusal`]): hidden dots and evaluation answers are sealed straight
//! into the hub, visible dots carry the person's roster id, the rest runs on the file.

use super::admission::Member;
use super::room::{HubState, lock};
use super::wire::SealedItem;
use crate::{Error, Refusal};
use crate::api::{Command, LocalView, Outcome, rules, voting};
use crate::model::ModelError;

fn refused(why: Refusal) -> Error {
    Error::Model(ModelError::NotAllowed(why))
}

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
        let name = view.control.person(me).map(|p| p.name.as_str()).filter(|n| !n.is_empty());
        let signed = command.signed_by(name.or(Some(member.name.as_str())));
        let command = signed.as_ref();
        let hidden_board = view.control.voting.as_ref().filter(|v| v.hidden).map(|v| v.board.clone());
        let given = hidden_board.as_deref().map(|b| lock(&self.sealed).ballot(b, me).len()).unwrap_or(0);
        if let Some(why) = rules::refusal(member.role, Some(me), command, &view, given) {
            return Err(refused(why));
        }
        let seal = |board: &str, item: SealedItem| self.seal_from(me, board.to_string(), item).map_err(refused);
        match command {
            Command::CastVote { board, idea } if hidden_board.as_ref() == Some(board) => {
                seal(board, SealedItem::Vote { idea: idea.clone() })?;
            }
            Command::RetractVote { board, idea } if hidden_board.as_ref() == Some(board) => {
                seal(board, SealedItem::Unvote { idea: idea.clone() })?;
            }
            Command::CastVote { board, idea } => {
                let id = self.change(|w| voting::cast(w, board, idea, Some(me))).map_err(changed)?;
                return Ok(Outcome { id: Some(id) });
            }
            Command::RetractVote { board, idea } => {
                self.change(|w| voting::retract(w, board, idea, Some(me))).map_err(changed)?;
            }
            Command::AnswerEvaluation { board, group, answers } => {
                voting::check_answers(&view, board, answers)?;
                for r in answers {
                    seal(board, SealedItem::answer(*group, r))?;
                }
            }
            other => return self.execute(other),
        }
        Ok(Outcome { id: None })
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
        let file = lock(&self.file);
        let drafts = match member.person == super::admission::FACILITATOR_PERSON {
            true => file.drafts()?,
            false => Vec::new(),
        };
        Ok(LocalView::of(file.workshop(), member.role.as_str(), Some(&member.person), drafts, hidden))
    }
}
