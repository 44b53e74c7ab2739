//! The control document: session state only the facilitator may change. The hub accepts
//! writes to it from the facilitator alone.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ControlView {
    /// Where the room is in the agenda.
    pub current_session: Option<String>,
    pub current_step: Option<String>,
    pub timer: Option<Timer>,
    /// Boards and items nobody but the facilitator may change.
    pub locked: Vec<String>,
    /// Dots each person may give on an idea wall.
    pub vote_budget: u32,
    pub votes_revealed: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Timer {
    /// Milliseconds since the Unix epoch when the countdown began.
    #[ts(type = "number")]
    pub started_at_ms: i64,
    pub seconds: u32,
    pub running: bool,
}
