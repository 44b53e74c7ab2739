//! Sessions (kokoontumiset) with their agenda steps, and the workshop's meta data.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Meta {
    pub title: String,
    pub organisation: String,
    /// "fi", "sv" or "en".
    pub language: String,
    /// Such as "Malliluonnos 0.3".
    pub version_label: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Session {
    pub id: String,
    pub title: String,
    /// ISO date, or empty when not planned yet.
    pub date: String,
    /// The facilitators' memo (muistio).
    pub memo: String,
    pub steps: Vec<Step>,
    pub order: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub instructions: String,
    /// Support questions shown to everyone during the step.
    pub questions: Vec<String>,
    pub minutes: Option<u32>,
    pub order: f64,
    /// The board the step works on; empty for none.
    pub board_id: String,
}

/// A comment on any item or board.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Comment {
    pub id: String,
    pub board_id: String,
    /// The commented item; empty for a comment on the board itself.
    pub target_id: String,
    pub text: String,
    /// Display name, or empty when written anonymously.
    pub author: String,
    pub created_at: String,
    /// The comment this one answers; empty for a comment that starts a thread.
    pub reply_to: String,
    pub resolved: bool,
}
