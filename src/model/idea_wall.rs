//! Idea wall (ideaseinä): idea cards with the four fields of the method, clusters and
//! dot votes; the ranking is computed by the core.

use super::Pos;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct IdeaWallBoard {
    pub ideas: Vec<Idea>,
    pub clusters: Vec<Cluster>,
    pub votes: Vec<Vote>,
    /// Computed: ideas by vote count, most first; ties keep the wall's order.
    pub ranking: Vec<RankedIdea>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Idea {
    pub id: String,
    /// Idean nimi?
    pub name: String,
    /// Kuka tai ketkä ideaa toteuttavat?
    pub who: String,
    /// Mitä siinä tapahtuu?
    pub what: String,
    /// Mitä hyötyä siitä on?
    pub benefit: String,
    pub cluster_id: Option<String>,
    /// Chosen to be tried out (kokeilu). Its plan is who and what above, with the
    /// fields below; its run is `status`, and its end `outcome` and `decision`.
    pub experiment: bool,
    /// Missä kokeillaan?
    pub place: String,
    /// From when to when, as ISO dates (`2027-01-15`); empty when not set.
    pub starts: String,
    pub ends: String,
    /// Mistä tiedämme, että se toimi?
    pub measure: String,
    pub status: ExperimentStatus,
    /// Mitä kokeilusta opittiin?
    pub outcome: String,
    pub decision: Option<Decision>,
    /// Where the idea came from: a root cause, a critical point, a café note.
    pub sources: Vec<super::trace::Source>,
    pub pos: Pos,
    pub order: f64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExperimentStatus {
    #[default]
    Planned,
    Running,
    Done,
    Stopped,
}

/// What the group decides after an experiment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Decision {
    Keep,
    Change,
    Drop,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Cluster {
    pub id: String,
    pub name: String,
    pub order: f64,
}

/// One dot. `voter` is empty for votes published anonymously by the hub.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Vote {
    pub id: String,
    pub idea_id: String,
    pub voter: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RankedIdea {
    pub idea_id: String,
    pub votes: u32,
}

board_item!(Idea, IdeaWall, "ideas");
board_item!(Cluster, IdeaWall, "clusters");
board_item!(Vote, IdeaWall, "votes");

impl IdeaWallBoard {
    pub(super) fn derive(&mut self) {
        let count = |id: &str| self.votes.iter().filter(|v| v.idea_id == id).count() as u32;
        let mut ranking: Vec<RankedIdea> = self
            .ideas
            .iter()
            .map(|i| RankedIdea { idea_id: i.id.clone(), votes: count(&i.id) })
            .collect();
        ranking.sort_by(|a, b| b.votes.cmp(&a.votes));
        self.ranking = ranking;
    }
}
