//! Dots written straight into a workshop: by the hub when it publishes sealed ones, and
//! on a file nobody shares. What a person may still give is counted here too.
//!
//! Evaluation answers are kept in the file's own table, never in the documents; only
//! their results are written into the form ([`WorkshopFile::publish_results`]).

use super::WorkshopFile;
use crate::model::control::ControlView;
use crate::model::evaluation::{self, Answer, EvaluationBoard, ItemResult, RespondentGroup, Response};
use crate::store::AnswerRow;
use crate::{Error, Refusal};
use crate::model::idea_wall::{Idea, Vote};
use crate::model::{BoardContent, ModelError, Workshop, WorkshopView};

/// Adds one dot for `idea`; `voter` is None when nobody may know who gave it, and then
/// the dot's id is random, so neither its time nor its order links it to a person.
pub fn cast(w: &mut Workshop, board: &str, idea: &str, voter: Option<&str>) -> Result<String, ModelError> {
    w.get::<Idea>(board, idea)?;
    let id = match voter {
        None => crate::model::new_random_id(),
        Some(_) => String::new(),
    };
    w.add(board, &Vote { id, idea_id: idea.into(), voter: voter.map(str::to_string) })
}

/// Takes back one dot `voter` gave `idea`.
pub fn retract(w: &mut Workshop, board: &str, idea: &str, voter: Option<&str>) -> Result<(), ModelError> {
    let votes = w.list::<Vote>(board)?;
    let mine = votes
        .iter()
        .find(|v| v.idea_id == idea && v.voter.as_deref() == voter)
        .ok_or(ModelError::NotAllowed(Refusal::NoDotGiven))?;
    w.delete::<Vote>(board, &mine.id)
}

/// Refuses answers to items the form lacks, and answers an item cannot take.
pub fn check_answers(view: &WorkshopView, board: &str, answers: &[Response]) -> Result<(), ModelError> {
    let Some(BoardContent::Evaluation(form)) = view.board(board).map(|b| &b.content) else {
        return Err(ModelError::NotFound { what: "evaluation form", id: board.into() });
    };
    if answers.is_empty() {
        return Err(ModelError::NotAllowed(Refusal::NoAnswers));
    }
    for r in answers {
        let item = form.items.iter().find(|i| i.id == r.item).ok_or_else(|| ModelError::NotFound { what: "question", id: r.item.clone() })?;
        if !item.accepts(r) {
            return Err(ModelError::NotAllowed(Refusal::AnswerOutOfRange));
        }
    }
    Ok(())
}

/// How many dots a person still has in the running vote: the budget less the hidden
/// dots they gave (counted in memory) or the visible ones that carry their id.
pub fn votes_left(view: &WorkshopView, me: Option<&str>, hidden_given: usize) -> Option<u32> {
    let voting = view.control.voting.as_ref()?;
    let given = match voting.hidden {
        true => hidden_given,
        false => visible_votes(view, &voting.board, me),
    };
    Some(voting.budget.saturating_sub(given as u32))
}

fn visible_votes(view: &WorkshopView, board: &str, me: Option<&str>) -> usize {
    let Some(me) = me else { return 0 };
    match view.board(board).map(|b| &b.content) {
        Some(BoardContent::IdeaWall(wall)) => wall.votes.iter().filter(|v| v.voter.as_deref() == Some(me)).count(),
        _ => 0,
    }
}

/// Why a dot cannot be given now, if it cannot.
pub fn cast_refusal(control: &ControlView, board: &str, left: Option<u32>) -> Option<Refusal> {
    match &control.voting {
        Some(v) if v.board == board && left == Some(0) => Some(Refusal::DotsUsed),
        Some(v) if v.board == board => None,
        _ => Some(Refusal::VotingClosed),
    }
}

/// Which group an answer row names, as its table stores it.
fn group_name(group: RespondentGroup) -> &'static str {
    match group {
        RespondentGroup::Client => "client",
        RespondentGroup::Professional => "professional",
    }
}

fn group_of(name: &str) -> RespondentGroup {
    match name {
        "client" => RespondentGroup::Client,
        _ => RespondentGroup::Professional,
    }
}

fn as_answer(row: &AnswerRow) -> Answer {
    Answer { id: row.id.clone(), item_id: row.item.clone(), group: group_of(&row.group), value: row.value, second: row.second, text: row.text.clone() }
}

/// Writes results the hub computed into their forms, for every replica to read.
pub fn publish_results(w: &mut Workshop, due: &[(String, Vec<ItemResult>)]) -> Result<(), ModelError> {
    for (board, results) in due {
        let mut patch = serde_json::Map::new();
        let value = serde_json::to_value(results).map_err(|e| ModelError::Invalid(e.to_string()))?;
        patch.insert("published".into(), value);
        w.patch_board(board, &patch)?;
    }
    Ok(())
}

impl WorkshopFile {
    /// How many hidden dots `person` gave on `board`, as this file's ledger counts them.
    pub fn dots_used(&self, board: &str, person: &str) -> Result<u32, Error> {
        Ok(self.store.dots_used(board, person)?)
    }

    /// Counts one more hidden dot for `person`, and marks the sealed item `id` taken in
    /// the same transaction; false if their budget is used.
    pub fn take_dot(&self, board: &str, person: &str, budget: u32, id: Option<&str>) -> Result<bool, Error> {
        Ok(self.store.take_dot(board, person, budget, id)?)
    }

    pub fn return_dot(&self, board: &str, person: &str, id: Option<&str>) -> Result<(), Error> {
        Ok(self.store.return_dot(board, person, id)?)
    }

    /// Marks the sealed item `id` taken, for one no budget counts (an anonymous card).
    pub fn mark_sealed(&self, id: &str) -> Result<(), Error> {
        Ok(self.store.mark_sealed(id)?)
    }

    /// Whether the hub has taken in the sealed item `id`, so one sent again is taken once.
    pub fn sealed_taken(&self, id: &str) -> Result<bool, Error> {
        Ok(self.store.sealed_taken(id)?)
    }

    /// Forgets the dots of every vote but the one on `running`.
    pub fn forget_dots_except(&self, running: Option<&str>) -> Result<(), Error> {
        Ok(self.store.forget_dots_except(running)?)
    }

    /// Keeps who was let in to a live session (token, person, role, name), in this file
    /// alone, so a restarted hub knows them again.
    pub fn keep_members(&self, members: &[crate::store::MemberRow]) -> Result<(), Error> {
        Ok(self.store.set_members(members)?)
    }

    pub fn members(&self) -> Result<Vec<crate::store::MemberRow>, Error> {
        Ok(self.store.members()?)
    }

    /// Keeps one respondent's answers in this file alone, never in the documents.
    /// `person` may answer each question once; None is a paper form typed in by the
    /// facilitator.
    pub fn keep_answers(&mut self, board: &str, person: Option<&str>, group: RespondentGroup, answers: &[Response]) -> Result<(), Error> {
        self.keep_sealed_answers(board, person, group, answers, None)
    }

    /// Keeps answers as [`Self::keep_answers`], and marks the sealed item `id` they came
    /// in taken in the same transaction.
    pub fn keep_sealed_answers(&mut self, board: &str, person: Option<&str>, group: RespondentGroup, answers: &[Response], id: Option<&str>) -> Result<(), Error> {
        check_answers(&self.workshop.view(), board, answers)?;
        let row = |r: &Response| AnswerRow {
            id: uuid::Builder::from_random_bytes(rand::random()).into_uuid().to_string(),
            item: r.item.clone(),
            group: group_name(group).into(),
            value: r.value,
            second: r.second,
            text: r.text.trim().into(),
            released: false,
        };
        let rows: Vec<AnswerRow> = answers.iter().map(row).collect();
        match self.store.put_answers(board, person, &rows, id)? {
            true => Ok(()),
            false => Err(ModelError::NotAllowed(Refusal::AlreadyAnswered).into()),
        }
    }

    /// The results to publish now, for each form with answers kept here, where they
    /// differ from those the form shows. A hub publishes a form's results once it is
    /// not open, and releases late answers as [`evaluation::to_release`] says; a file
    /// nobody shares shows every answer the facilitator typed in at once.
    pub fn due_results(&self, hub: bool) -> Result<Vec<(String, Vec<ItemResult>)>, Error> {
        let view = self.workshop.view();
        let mut due = Vec::new();
        for board in self.store.answer_boards()? {
            let Some(BoardContent::Evaluation(form)) = view.board(&board).map(|b| &b.content) else { continue };
            if hub && view.control.evaluation.as_deref() == Some(board.as_str()) {
                continue;
            }
            let results = self.release(&board, form, hub)?;
            if results != form.published {
                due.push((board, results));
            }
        }
        Ok(due)
    }

    fn release(&self, board: &str, form: &EvaluationBoard, hub: bool) -> Result<Vec<ItemResult>, Error> {
        let rows = self.store.answers(board)?;
        let keyed: Vec<_> = rows.iter().map(|r| (r.id.clone(), r.item.clone(), group_of(&r.group), r.released)).collect();
        let shown = hub && (!form.published.is_empty() || !form.answers.is_empty() || rows.iter().any(|r| r.released));
        let going = evaluation::to_release(&keyed, shown);
        self.store.release_answers(board, &going)?;
        let mut answers = form.answers.clone();
        answers.extend(rows.iter().filter(|r| r.released || going.contains(&r.id)).map(as_answer));
        Ok(evaluation::results_of(&form.items, &answers))
    }

    /// By form, how many answers kept here are not in its results yet.
    pub fn waiting_answers(&self) -> Result<std::collections::BTreeMap<String, u32>, Error> {
        let mut waiting = std::collections::BTreeMap::new();
        for board in self.store.answer_boards()? {
            let held = self.store.answers(&board)?.iter().filter(|a| !a.released).count() as u32;
            if held > 0 {
                waiting.insert(board, held);
            }
        }
        Ok(waiting)
    }

    /// Publishes the results of the answers typed in on a file nobody shares.
    pub fn publish_results(&mut self) -> Result<(), Error> {
        let due = self.due_results(false)?;
        if !due.is_empty() {
            self.change(|w| publish_results(w, &due))?;
        }
        Ok(())
    }
}
