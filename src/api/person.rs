//! A person's command in a live session, decided once for both places it runs: the
//! person's own core (a desktop participant), and the hub on someone's behalf (the
//! facilitator's window, a browser). [`rules::refusal`] says whether it may run;
//! [`route`] says how: handed to the hub alone and sealed, a dot counted with the
//! voter's id, or an ordinary command signed with the person's name.

use super::{Command, rules, voting};
use crate::model::evaluation::{RespondentGroup, Response};
use crate::model::{BoardKind, ModelError, WorkshopView};
use crate::{Error, Refusal};
use serde::{Deserialize, Serialize};

/// What a participant hands to the hub alone. It carries nothing about the sender.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SealedItem {
    /// A card on a free board, shown without an author.
    FreeCard { text: String, color: String },
    /// An idea on an idea wall, shown without an author.
    Idea { name: String },
    /// One dot for an idea on an idea wall, counted without a voter.
    Vote { idea: String },
    /// Takes back one of the sender's own hidden dots (the hub knows which are theirs
    /// in memory only).
    Unvote { idea: String },
    /// One answer to an evaluation form, published without a respondent.
    Answer {
        item: String,
        group: RespondentGroup,
        value: u8,
        #[serde(default)]
        second: Option<u8>,
        #[serde(default)]
        text: String,
    },
}

impl SealedItem {
    /// One answer of a respondent's form, to hand to the hub alone.
    pub fn answer(group: RespondentGroup, r: &Response) -> SealedItem {
        SealedItem::Answer { item: r.item.clone(), group, value: r.value, second: r.second, text: r.text.clone() }
    }

    /// An anonymous draft as it is published: an idea on an idea wall, else a card.
    pub fn draft(kind: Option<BoardKind>, text: &str) -> SealedItem {
        match kind {
            Some(BoardKind::IdeaWall) => SealedItem::Idea { name: text.into() },
            _ => SealedItem::FreeCard { text: text.into(), color: "yellow".into() },
        }
    }
}

/// Who runs a command in a session.
#[derive(Debug, Clone, Copy)]
pub struct Person<'a> {
    pub role: rules::Role,
    /// Their id in the roster; None before the hub has said it.
    pub id: Option<&'a str>,
    /// The name to sign with when the roster has none.
    pub name: Option<&'a str>,
    /// The hidden dots they have given in the vote now running.
    pub hidden_given: usize,
}

/// How a person's command is carried out.
#[derive(Debug, Clone)]
pub enum Route {
    /// Handed to the hub alone, sealed: hidden dots and evaluation answers.
    Seal { board: String, items: Vec<SealedItem> },
    /// A visible dot, or taking one back, counted with the voter's roster id.
    Vote { board: String, idea: String, retract: bool },
    /// Any other command, run on the workshop as it is, signed with the person's name.
    Run(Command),
}

/// How `person` may run `command` in the session `view` shows, or the refusal.
pub fn route(person: &Person, command: &Command, view: &WorkshopView) -> Result<Route, Error> {
    if let Some(why) = rules::refusal(person.role, person.id, command, view, person.hidden_given) {
        return Err(refused(why));
    }
    let hidden = view.control.voting.as_ref().filter(|v| v.hidden).map(|v| v.board.as_str());
    let seal = |board: &str, item: SealedItem| Route::Seal { board: board.into(), items: vec![item] };
    Ok(match command {
        Command::CastVote { board, idea } if hidden == Some(board) => seal(board, SealedItem::Vote { idea: idea.clone() }),
        Command::RetractVote { board, idea } if hidden == Some(board) => seal(board, SealedItem::Unvote { idea: idea.clone() }),
        Command::CastVote { board, idea } => Route::Vote { board: board.clone(), idea: idea.clone(), retract: false },
        Command::RetractVote { board, idea } => Route::Vote { board: board.clone(), idea: idea.clone(), retract: true },
        Command::AnswerEvaluation { board, group, answers } => {
            // A closed form the facilitator types paper answers into is not in a
            // session's view; the hub checks those answers when it keeps them.
            if view.board(board).is_some() {
                voting::check_answers(view, board, answers)?;
            }
            Route::Seal { board: board.clone(), items: answers.iter().map(|r| SealedItem::answer(*group, r)).collect() }
        }
        other => Route::Run(other.signed_by(signature(person, view)).into_owned()),
    })
}

/// The name on what the person writes: theirs in the roster, else the one they gave.
fn signature<'a>(person: &Person<'a>, view: &'a WorkshopView) -> Option<&'a str> {
    let listed = person.id.and_then(|id| view.control.person(id)).map(|p| p.name.as_str());
    listed.filter(|name| !name.is_empty()).or(person.name)
}

pub fn refused(why: Refusal) -> Error {
    Error::Model(ModelError::NotAllowed(why))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::control::{Person as Listed, Voting};
    use crate::model::session::Comment;

    fn session(hidden: bool) -> WorkshopView {
        let mut view = WorkshopView::default();
        view.control.voting = Some(Voting { board: "seina".into(), budget: 3, hidden, revealed: false });
        view.control.people = vec![Listed { id: "p1".into(), name: "Åke".into(), role: "participant".into(), ..Listed::default() }];
        view
    }

    fn aino(hidden_given: usize) -> Person<'static> {
        Person { role: rules::Role::Participant, id: Some("p1"), name: Some("Aino"), hidden_given }
    }

    fn vote() -> Command {
        Command::CastVote { board: "seina".into(), idea: "i1".into() }
    }

    #[test]
    fn a_hidden_dot_goes_to_the_hub_sealed_and_a_visible_one_is_counted_with_the_voter() {
        let sealed = route(&aino(0), &vote(), &session(true)).expect("a dot within the budget");
        assert!(matches!(sealed, Route::Seal { items, .. } if items == vec![SealedItem::Vote { idea: "i1".into() }]), "a hidden dot names no voter");
        let counted = route(&aino(0), &vote(), &session(false)).expect("a visible dot");
        assert!(matches!(counted, Route::Vote { retract: false, .. }), "a visible dot is counted with the voter's id");
    }

    #[test]
    fn a_dot_past_the_budget_is_refused_wherever_it_runs() {
        let err = route(&aino(3), &vote(), &session(true)).expect_err("three dots are the budget");
        assert!(matches!(err, Error::Model(ModelError::NotAllowed(Refusal::DotsUsed))), "refused as out of dots: {err}");
    }

    #[test]
    fn a_comment_is_signed_with_the_name_in_the_roster() {
        let comment = Comment { text: "Hyvä".into(), author: "joku".into(), ..Comment::default() };
        let Route::Run(Command::AddComment { comment }) = route(&aino(0), &Command::AddComment { comment }, &session(false)).expect("a comment") else {
            panic!("a comment runs as it is");
        };
        assert_eq!(comment.author, "Åke", "the roster's name wins over what the sender wrote");
    }
}
