//! The hub's side of the ledger ([`crate::store`] keeps it in the workshop's file, never
//! synced): each person's hidden dots are counted there before a dot is taken in, and
//! each answered question is marked there in the same transaction that keeps the answer,
//! so a restarted hub still holds everyone to their budget and to one answer. Which dot
//! is whose stays in memory only ([`super::sealed`]), so no file links a person to a
//! choice. Evaluation results are published from here when a form is not open.

use super::admission::{Admission, FACILITATOR_PERSON, Member};
use super::room::{HubState, lock};
use super::wire::SealedItem;
use crate::model::control::ControlView;
use crate::model::evaluation::Response;
use crate::api::{Role, WorkshopFile};
use crate::{Error, Refusal};

/// Lets `admission` know again the members `file` kept before a restart.
pub(super) fn restore_members(file: &WorkshopFile, admission: &mut Admission) {
    let kept = file.members().unwrap_or_else(|e| {
        tracing::warn!("the members let in before could not be read ({e}); they join again with the code.");
        Vec::new()
    });
    let member = |(token, person, role, name): (String, String, String, String)| {
        let role: Role = serde_json::from_value(serde_json::Value::String(role)).ok()?;
        Some((token, Member { role, person, name }))
    };
    admission.restore(kept.into_iter().filter_map(member).collect());
}

pub(super) fn refusal(e: Error) -> Refusal {
    use crate::model::ModelError::{NotAllowed, NotFound};
    match e {
        Error::Model(NotAllowed(why)) => why,
        Error::Model(NotFound { what: "question", .. }) => Refusal::AnswerOutOfRange,
        Error::Model(NotFound { .. }) => Refusal::EvaluationClosed,
        e => {
            tracing::warn!("the hub's ledger could not be written: {e}");
            Refusal::NeedsConnection
        }
    }
}

impl HubState {
    /// Keeps the members let in, as they are now, in the hub's file. Run after anyone
    /// is let in, removed or sent away.
    pub fn keep_members(&self) {
        let members = lock(&self.admission).members_by_token();
        let rows: Vec<_> = members.into_iter().map(|(t, m)| (t, m.person, m.role.as_str().to_string(), m.name)).collect();
        if let Err(e) = lock(&self.file).keep_members(&rows) {
            tracing::warn!("the members could not be kept in the file: {e}");
        }
    }

    /// How many hidden dots `person` has given on `board`, as the ledger counts them.
    pub fn dots_used(&self, board: &str, person: &str) -> usize {
        lock(&self.file).dots_used(board, person).unwrap_or(0) as usize
    }

    /// Counts a hidden dot in the ledger after the sealed items keep it (with its random
    /// `id`), marking the id taken in the same transaction; if the ledger refuses, `untake`
    /// lets the item go again. A hub stopped between the two drops the kept item when it
    /// starts again ([`Self::resume_reveal`]), so a dot sent again is counted once. A dot
    /// is given back only after the sealed items let it go. `take` runs their own step.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn ledger_dot(
        &self,
        control: &ControlView,
        person: &str,
        board: &str,
        item: &SealedItem,
        id: Option<&str>,
        take: impl FnOnce() -> Result<(), Refusal>,
        untake: impl FnOnce(),
    ) -> Result<(), Refusal> {
        match item {
            SealedItem::Vote { .. } => {
                let budget = control.voting.as_ref().filter(|v| v.board == board).ok_or(Refusal::VotingClosed)?.budget;
                take()?;
                let counted = lock(&self.file).take_dot(board, person, budget, id);
                match counted {
                    Ok(true) => Ok(()),
                    Ok(false) => Err(Refusal::DotsUsed),
                    Err(e) => Err(refusal(e)),
                }
                .inspect_err(|_| untake())
            }
            SealedItem::Unvote { .. } => {
                take()?;
                self.give_back(board, person, id);
                Ok(())
            }
            _ => {
                take()?;
                let Some(id) = id else { return Ok(()) };
                lock(&self.file).mark_sealed(id).map_err(refusal).inspect_err(|_| untake())
            }
        }
    }

    fn give_back(&self, board: &str, person: &str, id: Option<&str>) {
        if let Err(e) = lock(&self.file).return_dot(board, person, id) {
            tracing::warn!("a dot could not be given back in the ledger: {e}");
        }
    }

    /// Keeps one answer in the hub's file alone. The facilitator types in paper forms,
    /// so only they may answer a question more than once, and also while the form is
    /// closed; such late answers are released five at a time.
    pub(super) fn keep_answer(&self, person: &str, board: &str, item: SealedItem, id: Option<&str>) -> Result<(), Refusal> {
        let SealedItem::Answer { item, group, value, second, text } = item else { return Err(Refusal::UnknownCommand) };
        let who = (person != FACILITATOR_PERSON).then_some(person);
        let mut file = lock(&self.file);
        if who.is_some() && file.workshop().control().evaluation.as_deref() != Some(board) {
            return Err(Refusal::EvaluationClosed);
        }
        let response = Response { item, value, second, text };
        file.keep_sealed_answers(board, who, group, &[response], id).map_err(refusal)?;
        drop(file);
        self.settle_ledger();
        // The facilitator's window counts the answers still waiting.
        let _ = self.changed.send(());
        Ok(())
    }

    /// Forgets the dots of votes that are over, and publishes the evaluation results
    /// that are due.
    pub(super) fn settle_ledger(&self) {
        let due = {
            let file = lock(&self.file);
            let voting = file.workshop().control().voting.map(|v| v.board);
            if let Err(e) = file.forget_dots_except(voting.as_deref()) {
                tracing::warn!("finished votes could not be forgotten: {e}");
            }
            file.due_results(true)
        };
        match due {
            Ok(due) if due.is_empty() => {}
            Ok(due) => {
                if let Err(e) = self.change_only(|w| crate::api::voting::publish_results(w, &due)) {
                    tracing::warn!("evaluation results could not be published ({e}); they wait.");
                }
            }
            Err(e) => tracing::warn!("evaluation results could not be computed: {e}"),
        }
    }
}
