//! Boards: the common fields, and the content each kind holds.

use super::{
    cafe::CafeBoard, causal_map::CausalMapBoard, evaluation::EvaluationBoard,
    free::FreeBoard, glossary::GlossaryBoard, idea_wall::IdeaWallBoard,
    operating_model::OperatingModelBoard, persona::PersonaBoard, phenomenon::PhenomenonBoard,
    quality_criteria::QualityBoard, service_path::ServicePathBoard,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BoardKind {
    Glossary,
    Persona,
    ServicePath,
    CausalMap,
    Cafe,
    IdeaWall,
    Phenomenon,
    OperatingModel,
    Free,
    QualityCriteria,
    Evaluation,
}

impl BoardKind {
    /// Every kind, in the order of the workshop process: the report follows it.
    pub const ALL: [BoardKind; 11] = [
        BoardKind::Glossary,
        BoardKind::Persona,
        BoardKind::ServicePath,
        BoardKind::CausalMap,
        BoardKind::Cafe,
        BoardKind::IdeaWall,
        BoardKind::Phenomenon,
        BoardKind::OperatingModel,
        BoardKind::Free,
        BoardKind::QualityCriteria,
        BoardKind::Evaluation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BoardKind::Glossary => "glossary",
            BoardKind::Persona => "persona",
            BoardKind::ServicePath => "service_path",
            BoardKind::CausalMap => "causal_map",
            BoardKind::Cafe => "cafe",
            BoardKind::IdeaWall => "idea_wall",
            BoardKind::Phenomenon => "phenomenon",
            BoardKind::OperatingModel => "operating_model",
            BoardKind::Free => "free",
            BoardKind::QualityCriteria => "quality_criteria",
            BoardKind::Evaluation => "evaluation",
        }
    }

    /// Whether [`BoardContent::derive`] reads several items for one computed key
    /// (rankings, loops, rotation, results), so one item's change changes the board.
    pub fn computes_from_items(self) -> bool {
        matches!(self, BoardKind::CausalMap | BoardKind::Cafe | BoardKind::IdeaWall | BoardKind::Evaluation)
    }

    pub fn parse(s: &str) -> Option<BoardKind> {
        BoardKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Board {
    pub id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub session_id: Option<String>,
    #[serde(default)]
    pub archived: bool,
    #[serde(default)]
    pub order: f64,
    #[serde(flatten)]
    pub content: BoardContent,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum BoardContent {
    Glossary(GlossaryBoard),
    Persona(PersonaBoard),
    ServicePath(ServicePathBoard),
    CausalMap(CausalMapBoard),
    Cafe(CafeBoard),
    IdeaWall(IdeaWallBoard),
    Phenomenon(PhenomenonBoard),
    OperatingModel(OperatingModelBoard),
    Free(FreeBoard),
    QualityCriteria(QualityBoard),
    Evaluation(EvaluationBoard),
}

impl BoardContent {
    pub fn empty(kind: BoardKind) -> BoardContent {
        match kind {
            BoardKind::Glossary => BoardContent::Glossary(Default::default()),
            BoardKind::Persona => BoardContent::Persona(Default::default()),
            BoardKind::Phenomenon => BoardContent::Phenomenon(Default::default()),
            BoardKind::OperatingModel => BoardContent::OperatingModel(Default::default()),
            BoardKind::ServicePath => BoardContent::ServicePath(Default::default()),
            BoardKind::CausalMap => BoardContent::CausalMap(Default::default()),
            BoardKind::Cafe => BoardContent::Cafe(Default::default()),
            BoardKind::IdeaWall => BoardContent::IdeaWall(Default::default()),
            BoardKind::Free => BoardContent::Free(Default::default()),
            BoardKind::QualityCriteria => BoardContent::QualityCriteria(Default::default()),
            BoardKind::Evaluation => BoardContent::Evaluation(Default::default()),
        }
    }

    pub fn kind(&self) -> BoardKind {
        match self {
            BoardContent::Glossary(_) => BoardKind::Glossary,
            BoardContent::Persona(_) => BoardKind::Persona,
            BoardContent::Phenomenon(_) => BoardKind::Phenomenon,
            BoardContent::OperatingModel(_) => BoardKind::OperatingModel,
            BoardContent::ServicePath(_) => BoardKind::ServicePath,
            BoardContent::CausalMap(_) => BoardKind::CausalMap,
            BoardContent::Cafe(_) => BoardKind::Cafe,
            BoardContent::IdeaWall(_) => BoardKind::IdeaWall,
            BoardContent::Free(_) => BoardKind::Free,
            BoardContent::QualityCriteria(_) => BoardKind::QualityCriteria,
            BoardContent::Evaluation(_) => BoardKind::Evaluation,
        }
    }

    /// How many items the board holds, for summaries.
    pub fn item_count(&self) -> usize {
        match self {
            BoardContent::Glossary(b) => b.terms.len(),
            BoardContent::Persona(b) => b.personas.len(),
            BoardContent::Phenomenon(b) => b.entries.len(),
            BoardContent::OperatingModel(b) => b.elements.len() + b.parts.len() + b.interfaces.len(),
            BoardContent::ServicePath(b) => {
                b.phases.len() + b.lanes.len() + b.cards.len() + b.endpoints.len()
            }
            BoardContent::CausalMap(b) => b.nodes.len() + b.links.len(),
            BoardContent::Cafe(b) => b.stations.len() + b.groups.len() + b.notes.len(),
            BoardContent::IdeaWall(b) => b.ideas.len() + b.clusters.len() + b.votes.len(),
            BoardContent::Free(b) => b.cards.len(),
            BoardContent::QualityCriteria(b) => b.criteria.len(),
            BoardContent::Evaluation(b) => b.items.len() + b.answers.len(),
        }
    }

    /// Fills in what the core computes: root causes, loops, rankings, rotation, results.
    /// A kind that computes from several items is named in [`BoardKind::computes_from_items`].
    pub(super) fn derive(&mut self) {
        match self {
            BoardContent::Persona(b) => b.derive(),
            BoardContent::CausalMap(b) => b.derive(),
            BoardContent::Cafe(b) => b.derive(),
            BoardContent::IdeaWall(b) => b.derive(),
            BoardContent::Evaluation(b) => b.derive(),
            BoardContent::ServicePath(_)
            | BoardContent::Free(_)
            | BoardContent::QualityCriteria(_)
            | BoardContent::Glossary(_)
            | BoardContent::Phenomenon(_)
            | BoardContent::OperatingModel(_) => {}
        }
    }
}
