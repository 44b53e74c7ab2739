//! Persona board: composite user personas (käyttäjäpersoona) with the customer value triad.

use super::Pos;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Shown with every persona, in the projection and in every export.
pub const COMPOSITE_NOTE: &str =
    "Persoona on kooste monen ihmisen kokemuksista. Se ei ole oikea ihminen.";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PersonaBoard {
    pub personas: Vec<Persona>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Persona {
    pub id: String,
    pub name: String,
    pub age: String,
    /// `drawn:<n>` for a drawn avatar, `media:<sha256>` for a picture in the file.
    pub avatar: Option<String>,
    pub life_situation: String,
    pub support_needs: String,
    pub strengths: String,
    pub goal: String,
    pub how_to_reach: String,
    pub services: String,
    pub quote: String,
    pub value_functional: String,
    pub value_social: String,
    pub value_emotional: String,
    pub pos: Pos,
    pub order: f64,
    /// Computed: the fixed "composite, not a real person" note.
    pub composite_note: String,
}

board_item!(Persona, Persona, "personas");

impl PersonaBoard {
    pub(super) fn derive(&mut self) {
        for persona in &mut self.personas {
            persona.composite_note = COMPOSITE_NOTE.to_string();
        }
    }
}
