//! Who may run which command now: each core checks here before it changes or sends
//! anything, and the hub checks the same for browsers. The hub also refuses raw writes
//! that break these rules (control writes, locked boards), see `sync::connection`.

use super::Command;
use super::voting;
use crate::model::WorkshopView;
use crate::sync::Role;

/// What a participant hears when they try to change the plan; the hub says the same.
pub const PLAN_FACILITATOR_ONLY: &str = "Only the facilitator can change the plan.";

/// The refusal for a plan change (or restoring a version) by anyone but the facilitator.
pub fn plan_refusal() -> crate::Error {
    crate::model::ModelError::NotAllowed(PLAN_FACILITATOR_ONLY.into()).into()
}

/// Why `role` may not run `command` now, in one sentence; None if it may.
/// `hidden_votes` counts the dots this person gave while voting is hidden.
pub fn refusal(role: Role, me: Option<&str>, command: &Command, view: &WorkshopView, hidden_votes: usize) -> Option<String> {
    let control = &view.control;
    let facilitator = role == Role::Facilitator;
    if role == Role::Observer {
        return Some("Observers cannot make changes.".into());
    }
    if command.facilitator_only() && !facilitator {
        return Some("Only the facilitator can change the session controls.".into());
    }
    if command.changes_plan() && !facilitator {
        return Some(PLAN_FACILITATOR_ONLY.into());
    }
    let sentence = |s: &str| Some(s.to_string());
    match command {
        Command::WriteDraft { board, .. } if !control.hides_cards_on(board) => {
            sentence("Silent writing is not running on this board.")
        }
        Command::CastVote { board, .. } => {
            let left = voting::votes_left(view, me, hidden_votes);
            voting::cast_refusal(control, board, left).map(str::to_string)
        }
        Command::AnswerEvaluation { board, .. } if control.evaluation.as_deref() != Some(board.as_str()) => {
            sentence("The evaluation form is not open.")
        }
        _ if !facilitator && writes_locked(command, view) => sentence("The facilitator has locked this."),
        _ => None,
    }
}

/// Whether the command would change a locked board or item.
fn writes_locked(command: &Command, view: &WorkshopView) -> bool {
    let control = &view.control;
    match command {
        Command::WriteDraft { .. } | Command::EditDraft { .. } | Command::DeleteDraft { .. } => false,
        Command::AnswerEvaluation { .. } => false,
        Command::CastVote { board, .. } | Command::RetractVote { board, .. } => {
            !control.hides_votes_on(board) && control.is_locked(board, None)
        }
        other => other.target().is_some_and(|(board, item)| control.is_locked(board, item)),
    }
}
