//! Dots and evaluation answers written straight into a workshop: by the hub when it
//! publishes sealed ones, and on a file nobody shares. What a person may still give is
//! counted here too.

use crate::Refusal;
use crate::model::control::ControlView;
use crate::model::evaluation::{Answer, RespondentGroup};
use crate::model::idea_wall::{Idea, Vote};
use crate::model::{BoardContent, ModelError, Workshop, WorkshopView};

/// Adds one dot for `idea`; `voter` is None when nobody may know who gave it.
pub fn cast(w: &mut Workshop, board: &str, idea: &str, voter: Option<&str>) -> Result<String, ModelError> {
    w.get::<Idea>(board, idea)?;
    w.add(board, &Vote { idea_id: idea.into(), voter: voter.map(str::to_string), ..Vote::default() })
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

/// Adds answers to an evaluation form, each on a 1–5 scale, without a respondent.
pub fn answer(w: &mut Workshop, board: &str, group: RespondentGroup, answers: &[(String, u8)]) -> Result<(), ModelError> {
    check_answers(&w.view(), board, answers)?;
    for (item, value) in answers {
        w.add(board, &Answer { item_id: item.clone(), group, value: *value, ..Answer::default() })?;
    }
    Ok(())
}

/// Refuses answers to items the form lacks or outside 1–5.
pub fn check_answers(view: &WorkshopView, board: &str, answers: &[(String, u8)]) -> Result<(), ModelError> {
    let Some(BoardContent::Evaluation(form)) = view.board(board).map(|b| &b.content) else {
        return Err(ModelError::NotFound { what: "evaluation form", id: board.into() });
    };
    if answers.is_empty() {
        return Err(ModelError::NotAllowed(Refusal::NoAnswers));
    }
    for (item, value) in answers {
        if !form.items.iter().any(|i| &i.id == item) {
            return Err(ModelError::NotFound { what: "question", id: item.clone() });
        }
        if !(1..=5).contains(value) {
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
