//! Quality criteria (laatukriteerit): criteria by area, each with a plain-language version.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct QualityBoard {
    /// The operating model these criteria belong to: its board id, or empty.
    pub model_id: Option<String>,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum QualityArea {
    #[default]
    ClientWork,
    Management,
    Structures,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Criterion {
    pub id: String,
    pub area: QualityArea,
    pub text: String,
    /// The plain-language version (selkoversio).
    pub plain: String,
    pub sources: Vec<super::trace::Source>,
    pub order: f64,
}

board_item!(Criterion, QualityCriteria, "criteria");
