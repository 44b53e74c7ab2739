//! What only this person sees: who they are in the room, their role, their drafts, the
//! dots they have left and what is locked for them. Built beside the workshop view by each transport.

use super::drafts::Draft;
use crate::model::{BoardContent, Workshop, WorkshopView};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The parts of the workshop a person's own view and [`super::rules::refusal`] read: the
/// control, and the boards of the running vote, café and evaluation form. The rest is
/// left empty, so that no command or change has to project the whole workshop.
pub fn session_view(workshop: &Workshop) -> WorkshopView {
    let control = workshop.control();
    let vote = control.voting.as_ref().map(|v| v.board.clone());
    let cafe = control.cafe.as_ref().map(|c| c.board.clone());
    let mut wanted: Vec<String> = vote.into_iter().chain(cafe).chain(control.evaluation.clone()).collect();
    wanted.dedup();
    let boards = wanted.iter().filter_map(|id| workshop.board(id).ok()).collect();
    WorkshopView { control, boards, ..WorkshopView::default() }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LocalView {
    /// This person's id in the roster (`control.people`), once the hub has said it.
    pub me: Option<String>,
    /// facilitator, participant or observer.
    pub role: String,
    pub drafts: Vec<Draft>,
    /// Dots left in the running vote; None when no vote runs.
    pub votes_left: Option<u32>,
    /// The ideas this person gave hidden dots to (kept in memory only).
    pub my_votes: Vec<String>,
    /// The café station this person's laptop shows in the current round.
    pub cafe_station: Option<String>,
    /// The boards and items locked for this person (none for the facilitator), so the UI
    /// does not restate who a lock stops.
    pub locked: Vec<String>,
    /// For the facilitator at a hub: by form, the answers it keeps that are not in the
    /// results yet (they wait until five of one group can go together).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub waiting_answers: Option<std::collections::BTreeMap<String, u32>>,
}

impl LocalView {
    /// Builds the local view from the workshop, reading only the control and the boards
    /// it needs (the running vote's and café's), never the whole projection.
    pub fn of(workshop: &Workshop, role: &str, me: Option<&str>, drafts: Vec<Draft>, hidden_votes: Vec<String>) -> LocalView {
        LocalView::new(&session_view(workshop), role, me, drafts, hidden_votes)
    }

    /// Builds the local view; `hidden_votes` are the ideas of this person's sealed dots.
    pub fn new(view: &WorkshopView, role: &str, me: Option<&str>, drafts: Vec<Draft>, hidden_votes: Vec<String>) -> LocalView {
        let votes_left = super::voting::votes_left(view, me, hidden_votes.len());
        let cafe_station = me.and_then(|me| {
            let run = view.control.cafe.as_ref()?;
            match &view.board(&run.board)?.content {
                BoardContent::Cafe(cafe) => view.control.cafe_station(cafe, me),
                _ => None,
            }
        });
        let locked = view.control.locked_for(role == "facilitator");
        LocalView { me: me.map(str::to_string), role: role.into(), drafts, votes_left, my_votes: hidden_votes, cafe_station, locked, waiting_answers: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BoardKind;
    use crate::model::control::Voting;
    use crate::model::idea_wall::{Idea, Vote};

    #[test]
    fn the_own_view_reads_the_running_vote_and_no_other_board() {
        let mut w = Workshop::new();
        let wall = w.create_board(BoardKind::IdeaWall, "Ideat", None).unwrap();
        w.create_board(BoardKind::Free, "Muut", None).unwrap();
        let idea = w.add(&wall, &Idea { name: "Kotikäynnit".into(), ..Default::default() }).unwrap();
        w.add(&wall, &Vote { idea_id: idea, voter: Some("p1".into()), ..Default::default() }).unwrap();
        w.update_control(|c| c.voting = Some(Voting { board: wall.clone(), budget: 3, hidden: false, revealed: false })).unwrap();
        let parts = session_view(&w);
        let read: Vec<&str> = parts.boards.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(read, vec![wall.as_str()], "only the vote's board is read");
        let local = LocalView::of(&w, "participant", Some("p1"), Vec::new(), Vec::new());
        assert_eq!(local.votes_left, Some(2), "one of three dots given, counted from the vote's board alone");
    }
}
