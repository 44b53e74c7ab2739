//! Glossary (yhteiset käsitteet): the words the group agrees on in session 1, such as
//! palveluohjaus or vastuutyöntekijä, each with what it means and a plain-language version.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct GlossaryBoard {
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Term {
    pub id: String,
    pub term: String,
    /// What the group agreed the word means.
    pub meaning: String,
    /// The same in plain language (selkokieli).
    pub plain: String,
    pub order: f64,
}

board_item!(Term, Glossary, "terms");
