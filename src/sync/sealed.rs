//! Sealed items: anonymous cards, hidden dots and evaluation answers that participants
//! hand to the hub alone. The hub keeps them (board and item only, never the sender) in
//! memory and in a side file `<file>.sealed`, so a restarted hub still has them, and
//! publishes them under its own identity, in random order and in one change, as soon as
//! the control document no longer hides them:
//! - cards when the silent round on their board is revealed (or over),
//! - dots when the hidden vote on their board is revealed (or over),
//!
//! Evaluation answers are not sealed items: they go to the hub's ledger
//! ([`super::ledger`]), and only their results are published.
//!
//! Who gave which hidden dot is known in memory only, to let them take a dot back; it
//! is never written anywhere. How many dots each person gave is in the ledger.

use super::room::{HubState, lock};
use super::wire::SealedItem;
use super::SyncError;
use crate::Refusal;
use crate::api::{drafts, voting};
use crate::model::control::ControlView;
use crate::model::{ModelError, Workshop};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What the hub holds sealed.
pub struct Sealed {
    items: Vec<(String, SealedItem)>,
    path: PathBuf,
    /// (board, person) → ideas of that person's hidden dots. Memory only.
    ballots: HashMap<(String, String), Vec<String>>,
}

impl Sealed {
    /// The sealed items kept beside `file`, if any.
    pub fn load(file: &Path) -> Sealed {
        let mut name = file.as_os_str().to_owned();
        name.push(".sealed");
        let path = PathBuf::from(name);
        let items = match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).unwrap_or_else(|e| {
                tracing::warn!("the sealed items in {} could not be read ({e}); they are lost.", path.display());
                Vec::new()
            }),
            Err(_) => Vec::new(),
        };
        Sealed { items, path, ballots: HashMap::new() }
    }

    pub fn count(&self, board: &str) -> usize {
        self.items.iter().filter(|(b, _)| b == board).count()
    }

    /// The ideas `person` gave hidden dots to on `board`.
    pub fn ballot(&self, board: &str, person: &str) -> Vec<String> {
        self.ballots.get(&(board.to_string(), person.to_string())).cloned().unwrap_or_default()
    }

    /// Takes in an item from `person`, or says in one sentence why not.
    fn take(&mut self, control: &ControlView, person: &str, board: String, item: SealedItem) -> Result<(), Refusal> {
        let key = (board.clone(), person.to_string());
        match &item {
            SealedItem::Vote { .. } if control.voting.as_ref().is_none_or(|v| v.board != board) => {
                return Err(Refusal::VotingClosed);
            }
            SealedItem::Vote { idea } => {
                let budget = control.voting.as_ref().map(|v| v.budget).unwrap_or(0) as usize;
                let given = self.ballots.entry(key).or_default();
                if given.len() >= budget {
                    return Err(Refusal::DotsUsed);
                }
                given.push(idea.clone());
            }
            SealedItem::Unvote { idea } => {
                let given = self.ballots.entry(key).or_default();
                let Some(at) = given.iter().position(|i| i == idea) else { return Err(Refusal::NoDotGiven) };
                let waiting = self.items.iter().position(|(b, i)| *b == board && matches!(i, SealedItem::Vote { idea: x } if x == idea));
                let Some(waiting) = waiting else { return Err(Refusal::DotShown) };
                given.remove(at);
                self.items.remove(waiting);
                self.save();
                return Ok(());
            }
            SealedItem::Answer { .. } => return Err(Refusal::EvaluationClosed),
            SealedItem::FreeCard { .. } | SealedItem::Idea { .. } => {}
        }
        self.items.push((board, item));
        self.save();
        Ok(())
    }

    /// Forgets who gave which dot once their vote is over, so the next vote starts afresh.
    fn forget_finished(&mut self, control: &ControlView) {
        let voting = control.voting.as_ref().map(|v| v.board.as_str());
        self.ballots.retain(|(board, _), _| Some(board.as_str()) == voting);
    }

    /// Takes out the items the control no longer hides, shuffled.
    fn take_due(&mut self, control: &ControlView) -> Vec<(String, SealedItem)> {
        let (mut due, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.items).into_iter().partition(|(board, item)| match item {
            SealedItem::FreeCard { .. } | SealedItem::Idea { .. } => !control.hides_cards_on(board),
            SealedItem::Vote { .. } | SealedItem::Unvote { .. } => !control.hides_votes_on(board),
            SealedItem::Answer { .. } => control.evaluation.as_deref() != Some(board.as_str()),
        });
        self.items = kept;
        for i in (1..due.len()).rev() {
            due.swap(i, rand::random_range(0..=i));
        }
        due
    }

    /// Writes the items (or removes the file when none are left). A failure is logged:
    /// the items still wait in memory.
    fn save(&self) {
        let saved = match self.items.is_empty() {
            true => std::fs::remove_file(&self.path)
                .or_else(|e| if e.kind() == std::io::ErrorKind::NotFound { Ok(()) } else { Err(e.to_string()) }),
            false => serde_json::to_vec(&self.items)
                .map_err(|e| e.to_string())
                .and_then(|json| crate::api::write_new_or_replace(&self.path, &json).map_err(|e| e.to_string())),
        };
        if let Err(e) = saved {
            tracing::warn!("the sealed items could not be saved to {}: {e}", self.path.display());
        }
    }
}

/// Writes sealed items into the workshop, none of them carrying a sender.
/// One whose board or idea was deleted meanwhile is dropped with a log line.
pub fn publish(w: &mut Workshop, items: &[(String, SealedItem)]) -> Result<usize, ModelError> {
    let mut published = 0;
    for (board, item) in items {
        let done = match item {
            SealedItem::FreeCard { text, .. } | SealedItem::Idea { name: text } => drafts::add_card(w, board, text).map(|_| ()),
            SealedItem::Vote { idea } => voting::cast(w, board, idea, None).map(|_| ()),
            SealedItem::Answer { .. } | SealedItem::Unvote { .. } => Ok(()),
        };
        match done {
            Ok(()) => published += 1,
            Err(e) => tracing::warn!("a sealed item was dropped: {e}"),
        }
    }
    Ok(published)
}

impl HubState {
    /// Takes in a sealed item from `person`; publishes it at once if nothing hides it.
    pub fn seal_from(&self, person: &str, board: String, item: SealedItem) -> Result<(), Refusal> {
        if matches!(item, SealedItem::Answer { .. }) {
            return self.keep_answer(person, &board, item);
        }
        let control = lock(&self.file).workshop().control();
        if let Some(reason) = super::limits::sealed_refusal(&control, &board, &item) {
            return Err(reason);
        }
        let seen = item.clone();
        self.ledger_dot(&control, person, &board.clone(), &seen, || lock(&self.sealed).take(&control, person, board, item))?;
        self.publish_due();
        Ok(())
    }

    /// Publishes every sealed item the control document no longer hides, and the
    /// facilitator's own drafts on the hub's laptop once their round is revealed.
    pub fn publish_due(&self) {
        self.settle_ledger();
        self.publish_own_drafts();
        let mut sealed = lock(&self.sealed);
        let control = lock(&self.file).workshop().control();
        sealed.forget_finished(&control);
        let due = sealed.take_due(&control);
        if due.is_empty() {
            return;
        }
        if let Err(e) = self.change_only(|w| publish(w, &due)) {
            tracing::warn!("sealed items could not be published ({e}); they wait.");
            sealed.items.extend(due);
        }
        sealed.save();
    }

    fn publish_own_drafts(&self) {
        let due = match lock(&self.file).due_drafts() {
            Ok(due) if !due.drafts.is_empty() => due,
            _ => return,
        };
        let published = self.change_only(|w| {
            for draft in &due.drafts {
                drafts::add_card(w, &due.board, &draft.text)?;
            }
            Ok(())
        });
        let forgotten = published.map_err(|e| e.to_string()).and_then(|_| lock(&self.file).forget_drafts(&due.drafts).map_err(|e| e.to_string()));
        if let Err(e) = forgotten {
            tracing::warn!("the facilitator's drafts could not be published: {e}");
        }
    }

    /// Publishes every sealed item of `board` now, whatever the control says.
    pub fn reveal(&self, board: &str) -> Result<usize, SyncError> {
        let mut sealed = lock(&self.sealed);
        let (due, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut sealed.items).into_iter().partition(|(b, _)| b == board);
        sealed.items = kept;
        match self.change_only(|w| publish(w, &due)) {
            Ok(n) => {
                sealed.save();
                Ok(n)
            }
            Err(e) => {
                sealed.items.extend(due);
                Err(e)
            }
        }
    }
}
