//! Who may run which command now: each core checks here before it changes or sends
//! anything, and the hub checks the same for browsers. The hub also refuses raw writes
//! that break these rules (control writes, locked boards), see `sync::connection`.

use super::Command;
use crate::Refusal;
use super::voting;
use crate::model::WorkshopView;
use serde::{Deserialize, Serialize};

/// The refusal for a plan change (or restoring a version) by anyone but the facilitator.
pub fn plan_refusal() -> crate::Error {
    crate::model::ModelError::NotAllowed(Refusal::PlanFacilitatorOnly).into()
}

/// Why `role` may not run `command` now; None if it may.
/// `hidden_votes` counts the dots this person gave while voting is hidden.
pub fn refusal(role: Role, me: Option<&str>, command: &Command, view: &WorkshopView, hidden_votes: usize) -> Option<Refusal> {
    let control = &view.control;
    let facilitator = role == Role::Facilitator;
    if role == Role::Observer {
        return Some(Refusal::ObserverCannotWrite);
    }
    if command.facilitator_only() && !facilitator {
        return Some(Refusal::FacilitatorOnly);
    }
    if command.changes_plan() && !facilitator {
        return Some(Refusal::PlanFacilitatorOnly);
    }
    match command {
        Command::WriteDraft { board, .. } if !control.hides_cards_on(board) => {
            Some(Refusal::SilentNotHere)
        }
        Command::CastVote { board, .. } => {
            let left = voting::votes_left(view, me, hidden_votes);
            voting::cast_refusal(control, board, left)
        }
        // The facilitator may type in paper forms whether the form is open or not.
        Command::AnswerEvaluation { board, .. } if !facilitator && control.evaluation.as_deref() != Some(board.as_str()) => {
            Some(Refusal::EvaluationClosed)
        }
        _ if !facilitator && writes_hub_only(command, view) => Some(Refusal::HubOnly),
        _ if writes_locked(facilitator, command, view) => Some(Refusal::Locked),
        _ => None,
    }
}

/// Whether a participant's command writes what only the hub publishes, as
/// [`crate::model::ControlView::hub_only`] says (the hub checks raw writes the same way).
fn writes_hub_only(command: &Command, view: &WorkshopView) -> bool {
    use super::{Item, ItemType};
    let control = &view.control;
    let dot_voter = |board: &str, id: &str| match view.board(board).map(|b| &b.content) {
        Some(crate::model::BoardContent::IdeaWall(wall)) => wall.votes.iter().find(|v| v.id == id).and_then(|v| v.voter.clone()),
        _ => None,
    };
    match command {
        Command::AddItem { board, item: Item::Vote(dot) } => control.hub_only(board, "votes", dot.voter.as_deref()),
        Command::AddItem { board, item: Item::Answer(_) } => control.hub_only(board, "answers", None),
        Command::PatchBoard { board, patch } => patch.keys().any(|key| control.hub_only(board, key, None)),
        Command::PatchItem { board, item_type: ItemType::Vote, patch, .. } if patch.contains_key("voter") => control.hub_only(board, "votes", None),
        Command::PatchItem { board, item_type, id, .. }
        | Command::MoveItem { board, item_type, id, .. }
        | Command::DeleteItem { board, item_type, id }
        | Command::Trace { board, item_type, id, .. }
        | Command::Untrace { board, item_type, id, .. } => match item_type {
            ItemType::Vote => control.hub_only(board, "votes", dot_voter(board, id).as_deref()),
            ItemType::Answer => control.hub_only(board, "answers", None),
            _ => false,
        },
        _ => false,
    }
}

/// Whether the command would change a board or item locked for this person.
fn writes_locked(facilitator: bool, command: &Command, view: &WorkshopView) -> bool {
    let locked = |board: &str, item: Option<&str>| view.control.locks_out(facilitator, board, item);
    match command {
        Command::WriteDraft { .. } | Command::EditDraft { .. } | Command::DeleteDraft { .. } | Command::DraftsSent { .. } => false,
        Command::AnswerEvaluation { .. } => false,
        Command::CastVote { board, .. } | Command::RetractVote { board, .. } => {
            !view.control.hides_votes_on(board) && locked(board, None)
        }
        Command::GroupItems { board, ids, .. } => {
            locked(board, None) || ids.iter().any(|id| locked(board, Some(id)))
        }
        other => other.target().is_some_and(|(board, item)| locked(board, item)),
    }
}

/// Who a person is in a live session: what they may write follows from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Facilitator,
    Participant,
    Observer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Facilitator => "facilitator",
            Role::Participant => "participant",
            Role::Observer => "observer",
        }
    }

    /// Why a write to `control` (or any write) is refused for this role, if it is.
    pub fn refuses(self, control: bool) -> Option<Refusal> {
        match (self, control) {
            (Role::Observer, _) => Some(Refusal::ObserverCannotWrite),
            (Role::Participant, true) => Some(Refusal::FacilitatorOnly),
            _ => None,
        }
    }
}
