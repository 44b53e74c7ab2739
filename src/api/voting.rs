//! Dots and evaluation answers written straight into a workshop: by the hub when it
//! publishes sealed ones, and on a file nobody shares. What a person may still give is
//! counted here too.

use crate::Refusal;
use crate::model::control::ControlView;
use crate::model::evaluation::{Answer, RespondentGroup, Response};
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

/// Adds answers to an evaluation form, without a respondent.
pub fn answer(w: &mut Workshop, board: &str, group: RespondentGroup, answers: &[Response]) -> Result<(), ModelError> {
    check_answers(&w.view(), board, answers)?;
    for r in answers {
        let answer = Answer { item_id: r.item.clone(), group, value: r.value, second: r.second, text: r.text.trim().into(), ..Answer::default() };
        w.add(board, &answer)?;
    }
    Ok(())
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
