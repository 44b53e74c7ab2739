//! Service path board (palvelupolku): phases × lanes, cards in cells, an emotion curve.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ServicePathBoard {
    /// The persona whose path this is.
    pub persona_id: Option<String>,
    pub phases: Vec<Phase>,
    pub lanes: Vec<Lane>,
    pub cards: Vec<PathCard>,
    pub endpoints: Vec<Endpoint>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Phase {
    pub id: String,
    pub name: String,
    /// Free text such as "1 kk" or "3 kk"; empty when not set.
    pub duration: String,
    /// The persona's feeling in this phase, −2..+2.
    pub emotion: i8,
    pub order: f64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LaneRole {
    Events,
    Touchpoints,
    Actors,
    Emotion,
    Good,
    Difficult,
    Critical,
    Solutions,
    Tools,
    #[default]
    Custom,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Lane {
    pub id: String,
    pub name: String,
    pub role: LaneRole,
    pub hidden: bool,
    pub order: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PathCard {
    pub id: String,
    pub phase_id: String,
    pub lane_id: String,
    pub text: String,
    /// A critical point (kriittinen piste).
    pub critical: bool,
    pub order: f64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EndpointKind {
    #[default]
    Entry,
    Exit,
}

/// Where a person enters the path or leaves it ("sain töitä", "pärjään itse").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Endpoint {
    pub id: String,
    pub kind: EndpointKind,
    pub phase_id: String,
    pub text: String,
}

/// The default lanes from the method, top to bottom, in Finnish.
pub const DEFAULT_LANES: &[(LaneRole, &str)] = &[
    (LaneRole::Events, "Mitä tapahtuu"),
    (LaneRole::Touchpoints, "Kohtaamiset ja kanavat"),
    (LaneRole::Actors, "Toimijat"),
    (LaneRole::Emotion, "Tunteet"),
    (LaneRole::Good, "Merkityksellistä tai hyvää"),
    (LaneRole::Difficult, "Vaikeaa"),
    (LaneRole::Critical, "Kriittiset pisteet"),
    (LaneRole::Solutions, "Ratkaisut ja ideat"),
    (LaneRole::Tools, "Digitaaliset välineet"),
];

board_item!(Phase, ServicePath, "phases");
board_item!(Lane, ServicePath, "lanes");
board_item!(PathCard, ServicePath, "cards");
board_item!(Endpoint, ServicePath, "endpoints");

impl Phase {
    /// Keeps the emotion inside the −2..+2 scale.
    pub fn clamp(mut self) -> Self {
        self.emotion = self.emotion.clamp(-2, 2);
        self
    }
}
