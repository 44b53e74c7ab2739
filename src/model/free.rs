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
    /// A picture card from the deck, drawn on the card above its text.
    pub picture: Option<Picture>,
    pub pos: Pos,
}

board_item!(FreeCard, Free, "cards");

/// The picture-card deck for introductions (kuvakortit), drawn for Paja in the UI's
/// code: no stock images. A person picks the card that says how they come in today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Picture {
    Sun,
    Cloud,
    Rain,
    Rainbow,
    Bridge,
    Path,
    Mountain,
    Tree,
    Sprout,
    Key,
    Door,
    Lighthouse,
    Compass,
    Hands,
    Heart,
    Boat,
}

impl Picture {
    pub const ALL: [Picture; 16] = [
        Picture::Sun, Picture::Cloud, Picture::Rain, Picture::Rainbow, Picture::Bridge, Picture::Path,
        Picture::Mountain, Picture::Tree, Picture::Sprout, Picture::Key, Picture::Door,
        Picture::Lighthouse, Picture::Compass, Picture::Hands, Picture::Heart, Picture::Boat,
    ];

    /// The card's name, printed where the picture cannot be drawn.
    pub fn finnish(self) -> &'static str {
        match self {
            Picture::Sun => "Aurinko",
            Picture::Cloud => "Pilvi",
            Picture::Rain => "Sade",
            Picture::Rainbow => "Sateenkaari",
            Picture::Bridge => "Silta",
            Picture::Path => "Polku",
            Picture::Mountain => "Vuori",
            Picture::Tree => "Puu",
            Picture::Sprout => "Taimi",
            Picture::Key => "Avain",
            Picture::Door => "Ovi",
            Picture::Lighthouse => "Majakka",
            Picture::Compass => "Kompassi",
            Picture::Hands => "Kädet",
            Picture::Heart => "Sydän",
            Picture::Boat => "Vene",
        }
    }
}
