//! Learning café (oppimiskahvila): stations with a question and a host, groups that rotate
//! in rounds, and notes that remember station, group and round.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CafeBoard {
    pub round_minutes: u32,
    pub stations: Vec<Station>,
    pub groups: Vec<CafeGroup>,
    pub notes: Vec<CafeNote>,
    /// Computed: `rotation[round - 1][group index]` is the station id the group visits.
    pub rotation: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Station {
    pub id: String,
    pub question: String,
    /// The host stays at the station while groups rotate.
    pub host: String,
    /// The harvest: what this station's notes add up to.
    pub summary: String,
    pub order: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CafeGroup {
    pub id: String,
    pub name: String,
    pub order: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CafeNote {
    pub id: String,
    pub station_id: String,
    pub group_id: String,
    /// 1-based round number.
    pub round: u32,
    pub text: String,
    /// The theme the note was grouped under for the harvest; empty when none.
    pub theme: String,
}

board_item!(Station, Cafe, "stations");
board_item!(CafeGroup, Cafe, "groups");
board_item!(CafeNote, Cafe, "notes");

impl CafeBoard {
    /// The station a group visits in a round: groups start at their own station and
    /// move one station on each round.
    pub fn station_for(&self, group_index: usize, round: u32) -> Option<&Station> {
        let n = self.stations.len();
        if n == 0 || round == 0 {
            return None;
        }
        self.stations.get((group_index + round as usize - 1) % n)
    }

    /// Notes of one station, by round then group, for the harvest.
    pub fn harvest(&self, station_id: &str) -> Vec<&CafeNote> {
        let group_order = |id: &str| self.groups.iter().position(|g| g.id == id);
        let mut notes: Vec<&CafeNote> =
            self.notes.iter().filter(|n| n.station_id == station_id).collect();
        notes.sort_by_key(|n| (n.round, group_order(&n.group_id), n.id.clone()));
        notes
    }

    pub(super) fn derive(&mut self) {
        let rounds = self.stations.len() as u32;
        self.rotation = (1..=rounds)
            .map(|round| {
                (0..self.groups.len())
                    .filter_map(|g| self.station_for(g, round).map(|s| s.id.clone()))
                    .collect()
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_move_one_station_on_each_round() {
        let station = |id: &str| Station { id: id.into(), ..Default::default() };
        let group = |id: &str| CafeGroup { id: id.into(), ..Default::default() };
        let mut cafe = CafeBoard {
            stations: vec![station("s1"), station("s2"), station("s3")],
            groups: vec![group("g1"), group("g2"), group("g3")],
            ..Default::default()
        };
        cafe.derive();
        assert_eq!(cafe.rotation[0], vec!["s1", "s2", "s3"], "round 1: each group at its own station");
        assert_eq!(cafe.rotation[1], vec!["s2", "s3", "s1"], "round 2: each group one station on");
        assert_eq!(cafe.rotation.len(), 3, "as many rounds as stations, so every group sees every station");
    }
}
