//! What only this person sees: who they are in the room, their role, their drafts, the
//! dots they have left and what is locked for them. Built beside the workshop view by each transport.

use super::drafts::Draft;
use crate::model::{BoardContent, WorkshopView};
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
    /// The boards and items locked for this person (none for the facilitator), so the UI
    /// does not restate who a lock stops.
    pub locked: Vec<String>,
}

impl LocalView {
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
        LocalView { me: me.map(str::to_string), role: role.into(), drafts, votes_left, my_votes: hidden_votes, cafe_station, locked }
    }
}
