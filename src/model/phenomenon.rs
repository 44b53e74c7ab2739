//! Phenomenon map (ilmiökartta) with a SWOT beside it: notes on a change in service
//! needs, placed in zones around the phenomenon, and the four SWOT fields.

use super::trace::Source;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PhenomenonBoard {
    /// The phenomenon or change the map is about.
    pub phenomenon: String,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Zone {
    /// Mistä ilmiö johtuu?
    #[default]
    Causes,
    /// Mitä siitä seuraa?
    Effects,
    /// Keitä se koskee?
    People,
    /// Mitä muutoksia jo näkyy?
    Signals,
    /// Mitä palvelusta puuttuu?
    Gaps,
    /// SWOT: vahvuudet.
    Strengths,
    /// SWOT: heikkoudet.
    Weaknesses,
    /// SWOT: mahdollisuudet.
    Opportunities,
    /// SWOT: uhat.
    Threats,
}

impl Zone {
    pub const MAP: [Zone; 5] = [Zone::Causes, Zone::Effects, Zone::People, Zone::Signals, Zone::Gaps];
    pub const SWOT: [Zone; 4] = [Zone::Strengths, Zone::Weaknesses, Zone::Opportunities, Zone::Threats];

    pub fn finnish(self) -> &'static str {
        match self {
            Zone::Causes => "Mistä ilmiö johtuu?",
            Zone::Effects => "Mitä siitä seuraa?",
            Zone::People => "Keitä se koskee?",
            Zone::Signals => "Mitä muutoksia jo näkyy?",
            Zone::Gaps => "Mitä palvelusta puuttuu?",
            Zone::Strengths => "Vahvuudet",
            Zone::Weaknesses => "Heikkoudet",
            Zone::Opportunities => "Mahdollisuudet",
            Zone::Threats => "Uhat",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Entry {
    pub id: String,
    pub zone: Zone,
    pub text: String,
    pub sources: Vec<Source>,
    pub order: f64,
}

board_item!(Entry, Phenomenon, "entries");
