//! Reflection rounds on an operating model's draft (kierrokset): the facilitator opens
//! round N, comments on the board meanwhile belong to it, and closing it stores a named
//! version, so the report can show each round's comments and what changed after them.

use super::WorkshopFile;
use crate::export::RoundChanges;
use crate::model::operating_model::{OperatingModelBoard, Round};
use crate::model::session::Comment;
use crate::model::{Board, BoardContent, BoardKind, ModelError, Workshop, WorkshopView, diff};
use crate::{Error, Refusal};

fn model(w: &Workshop, board: &str) -> Result<(Board, OperatingModelBoard), ModelError> {
    let found = w.board(board)?;
    match &found.content {
        BoardContent::OperatingModel(m) => Ok((found.clone(), m.clone())),
        other => Err(ModelError::WrongKind { board: board.into(), expected: BoardKind::OperatingModel.as_str(), found: other.kind().as_str().into() }),
    }
}

/// Opens the next round on a model; refused while one is open.
pub fn open(w: &mut Workshop, board: &str) -> Result<Option<String>, ModelError> {
    let (_, m) = model(w, board)?;
    if m.open_round().is_some() {
        return Err(ModelError::NotAllowed(Refusal::RoundOpen));
    }
    let number = m.rounds.iter().map(|r| r.number).max().unwrap_or(0) + 1;
    w.add(board, &Round { number, open: true, ..Round::default() }).map(Some)
}

/// The version name a closed round stores: "Toimintamalli – kierros 2".
pub fn version_name(title: &str, number: u32) -> String {
    format!("{title} – kierros {number}")
}

/// A new comment on a board with an open round belongs to that round.
pub fn in_round(w: &Workshop, comment: &Comment) -> Comment {
    let round = match w.board(&comment.board_id).map(|b| b.content) {
        Ok(BoardContent::OperatingModel(m)) => m.open_round().map(|r| r.number).unwrap_or(0),
        _ => 0,
    };
    Comment { round, ..comment.clone() }
}

impl WorkshopFile {
    /// Closes the open round on a model and stores the workshop as a named version.
    pub(super) fn close_round(&mut self, board: &str) -> Result<(), Error> {
        let (found, m) = model(&self.workshop, board)?;
        let round = m.open_round().ok_or(ModelError::NotAllowed(Refusal::NoOpenRound))?.clone();
        let name = version_name(&found.title, round.number);
        self.change(|w| {
            w.update::<Round>(board, &round.id, |r| {
                r.open = false;
                r.version = name.clone();
            })
        })?;
        self.create_version(&name)
    }

    /// For each closed round of each model in `view`: what changed on the model from
    /// the round's version to the next closed round's version, or to `view` itself.
    /// A round whose versions this file lacks is left out.
    pub fn round_changes(&self, view: &WorkshopView) -> Result<Vec<RoundChanges>, Error> {
        let mut out = Vec::new();
        for board in &view.boards {
            let BoardContent::OperatingModel(m) = &board.content else { continue };
            let mut closed: Vec<&Round> = m.rounds.iter().filter(|r| !r.open && !r.version.is_empty()).collect();
            closed.sort_by_key(|r| r.number);
            for (i, round) in closed.iter().enumerate() {
                // A replica that joined has not stored the hub's versions.
                let Ok(before) = self.version_view(&round.version) else { continue };
                let after = match closed.get(i + 1).map(|next| self.version_view(&next.version)) {
                    Some(Ok(next)) => next,
                    Some(Err(_)) => continue,
                    None => view.clone(),
                };
                let changed = diff::diff(&before, &after).into_iter().find(|d| d.board_id == board.id);
                out.push(RoundChanges { board_id: board.id.clone(), number: round.number, diff: changed });
            }
        }
        Ok(out)
    }
}
