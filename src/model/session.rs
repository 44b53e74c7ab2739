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
    /// How much say the participants have in this step.
    pub participation: Option<ParticipationLevel>,
}

/// The levels of participation (osallisuuden tasot), from giving information to leading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ParticipationLevel {
    /// Tiedonantaja: tells what they know and have lived.
    Informant,
    /// Osallistuja: takes part in the work.
    Participant,
    /// Vaikuttaja: what they say changes the outcome.
    Influencer,
    /// Johtaja: leads or decides.
    Leader,
}

impl ParticipationLevel {
    pub const ALL: [ParticipationLevel; 4] = [Self::Informant, Self::Participant, Self::Influencer, Self::Leader];

    pub fn finnish(self) -> &'static str {
        match self {
            Self::Informant => "Tiedonantaja",
            Self::Participant => "Osallistuja",
            Self::Influencer => "Vaikuttaja",
            Self::Leader => "Johtaja",
        }
    }
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
    /// The reflection round it was written in, on an operating model; 0 for none.
    pub round: u32,
}
