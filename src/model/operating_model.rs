//! Operating model (toimintamalli): what the model is and for whom, its promise, its
//! principles, ways of working and phases in order, and per phase the actors, services,
//! digital tools (työkalukartta) and indicators (mittarikartta). The reflection rounds
//! on its drafts are kept here too; their comments are ordinary comments on the board.

use super::trace::Source;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct OperatingModelBoard {
    /// Mikä malli on ja mihin se on tarkoitettu?
    pub purpose: String,
    /// Kenelle?
    pub target_group: String,
    /// Miten malliin pääsee mukaan?
    pub how_to_join: String,
    /// Palvelulupaus.
    pub service_promise: String,
    /// Mitä arvoa malli tuottaa?
    pub model_value: String,
    /// Principles, ways of working and phases, each kind in its own order.
    pub elements: Vec<ModelElement>,
    /// What belongs to one phase: actors, services, tools and indicators.
    pub parts: Vec<PhasePart>,
    /// Where the model meets other models.
    pub interfaces: Vec<Interface>,
    pub rounds: Vec<Round>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ElementKind {
    /// Toimintaperiaate.
    #[default]
    Principle,
    /// Toimintatapa.
    WayOfWorking,
    /// Vaihe.
    Phase,
}

impl ElementKind {
    pub const ALL: [ElementKind; 3] = [Self::Principle, Self::WayOfWorking, Self::Phase];

    pub fn finnish_plural(self) -> &'static str {
        match self {
            Self::Principle => "Toimintaperiaatteet",
            Self::WayOfWorking => "Toimintatavat",
            Self::Phase => "Vaiheet",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ModelElement {
    pub id: String,
    pub kind: ElementKind,
    pub text: String,
    pub note: String,
    pub sources: Vec<Source>,
    pub order: f64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PartKind {
    /// Toimija.
    #[default]
    Actor,
    /// Palvelu (palvelukuvaus).
    Service,
    /// Digitaalinen väline.
    Tool,
    /// Mittari.
    Indicator,
}

impl PartKind {
    pub const ALL: [PartKind; 4] = [Self::Actor, Self::Service, Self::Tool, Self::Indicator];

    pub fn finnish_plural(self) -> &'static str {
        match self {
            Self::Actor => "Toimijat",
            Self::Service => "Palvelut",
            Self::Tool => "Digitaaliset välineet",
            Self::Indicator => "Mittarit",
        }
    }
}

/// One actor, service, tool or indicator of a phase. An indicator's `text` says what
/// is measured; `how_measured` and `when_measured` say how and when.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PhasePart {
    pub id: String,
    pub phase_id: String,
    pub kind: PartKind,
    pub text: String,
    pub how_measured: String,
    pub when_measured: String,
    pub sources: Vec<Source>,
    pub order: f64,
}

/// A place where this model meets another one (liittymäpinta).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Interface {
    pub id: String,
    pub name: String,
    pub note: String,
    pub order: f64,
}

/// A reflection round (kierros) on the model draft. While it is open, comments on the
/// board belong to it; closing it stores a named version of the workshop.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Round {
    pub id: String,
    pub number: u32,
    pub open: bool,
    /// The version stored when the round closed; empty while open.
    pub version: String,
    pub order: f64,
}

board_item!(ModelElement, OperatingModel, "elements");
board_item!(PhasePart, OperatingModel, "parts");
board_item!(Interface, OperatingModel, "interfaces");
board_item!(Round, OperatingModel, "rounds");

impl OperatingModelBoard {
    pub fn elements_of(&self, kind: ElementKind) -> impl Iterator<Item = &ModelElement> {
        self.elements.iter().filter(move |e| e.kind == kind)
    }

    pub fn parts_of<'a>(&'a self, phase: &'a str, kind: PartKind) -> impl Iterator<Item = &'a PhasePart> {
        self.parts.iter().filter(move |p| p.phase_id == phase && p.kind == kind)
    }

    pub fn open_round(&self) -> Option<&Round> {
        self.rounds.iter().find(|r| r.open)
    }
}
