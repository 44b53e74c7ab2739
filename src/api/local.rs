//! What only this person sees: who they are in the room, their role, their drafts and
//! the dots they have left. Built beside the workshop view by each transport.

use super::drafts::Draft;
use crate::model::{BoardContent, Workshop, WorkshopView};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
}

impl LocalView {
    /// Builds the local view from the workshop, reading only the control and the boards
    /// it needs (the running vote's and café's), never the whole projection.
    pub fn of(workshop: &Workshop, role: &str, me: Option<&str>, drafts: Vec<Draft>, hidden_votes: Vec<String>) -> LocalView {
        let control = workshop.control();
        let wanted = [control.voting.as_ref().map(|v| v.board.clone()), control.cafe.as_ref().map(|c| c.board.clone())];
        let boards = wanted.into_iter().flatten().filter_map(|id| workshop.board(&id).ok()).collect();
        let view = WorkshopView { control, boards, ..WorkshopView::default() };
        LocalView::new(&view, role, me, drafts, hidden_votes)
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
        LocalView { me: me.map(str::to_string), role: role.into(), drafts, votes_left, my_votes: hidden_votes, cafe_station }
    }
}
