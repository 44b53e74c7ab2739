//! Free board: sticky notes anywhere on a canvas.

use super::Pos;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct FreeBoard {
    pub cards: Vec<FreeCard>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct FreeCard {
    pub id: String,
    pub text: String,
    /// A colour name from the UI palette, such as "yellow".
    pub color: String,
    pub pos: Pos,
}

board_item!(FreeCard, Free, "cards");
