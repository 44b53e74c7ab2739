//! The control document: session state only the facilitator may change. The hub accepts
//! writes to it from the facilitator alone.
//!
//! Everything the facilitator runs (agenda, timer, follow, locks, rounds, roster, small
//! groups) is a field here, with the rules that read it (locks, hidden rounds, café
//! stations). The commands that change it are run by `api::facilitation`. To add a
//! control, add a field with a default here and a command there.

use super::cafe::CafeBoard;
use super::ModelError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ControlView {
    /// Where the room is in the agenda.
    pub current_session: Option<String>,
    pub current_step: Option<String>,
    pub timer: Option<Timer>,
    /// Boards and items nobody but the facilitator may change.
    pub locked: Vec<String>,
    /// "Bring everyone here": every view follows the facilitator's board and viewport.
    pub follow: Option<Follow>,
    /// One item every view highlights and centres.
    pub spotlight: Option<String>,
    pub silent: Option<SilentRound>,
    pub voting: Option<Voting>,
    pub cafe: Option<CafeRun>,
    /// The roster: who is in the room. Ids are never written into the content.
    pub people: Vec<Person>,
    pub groups: Vec<SmallGroup>,
    /// The board id of the open evaluation form.
    pub evaluation: Option<String>,
    /// The facilitator lets participants join from a browser.
    pub browsers: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Timer {
    /// Milliseconds since the Unix epoch when the countdown began. A float, as Yjs
    /// stores numbers past 32 bits: a whole `i64` would not read back from a replica.
    pub started_at_ms: f64,
    pub seconds: u32,
    pub running: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Follow {
    pub board: String,
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

/// Silent writing: drafts stay on each participant's laptop until `revealed`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct SilentRound {
    pub board: String,
    pub anonymous: bool,
    pub revealed: bool,
    /// Anonymous drafts that reached the hub after the reveal's batch: they wait to be
    /// shown with another writer's late drafts, or when the facilitator reveals again.
    pub late: u32,
}

/// Dot voting on an idea wall; with `hidden`, dots reach the hub alone until `revealed`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Voting {
    pub board: String,
    pub budget: u32,
    pub hidden: bool,
    pub revealed: bool,
}

/// A learning café being run: round 1 is the first (0: not started).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CafeRun {
    pub board: String,
    pub round: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// facilitator, participant or observer.
    pub role: String,
    /// The café group (a group id on the café board) this person moves with.
    pub cafe_group: Option<String>,
    /// The small group ([`SmallGroup::id`]) this person works in.
    pub group: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct SmallGroup {
    pub id: String,
    pub name: String,
    /// Person ids.
    pub members: Vec<String>,
    /// The group's own copy of a board.
    pub board: Option<String>,
}

impl ControlView {
    /// Whether a lock stops someone from changing `board`, or `item` on it. This is the
    /// one place the rule is written: the facilitator is never stopped, a board's lock
    /// covers every item on it, and an item can be locked alone.
    pub fn locks_out(&self, facilitator: bool, board: &str, item: Option<&str>) -> bool {
        !facilitator && self.locked.iter().any(|id| id == board || Some(id.as_str()) == item)
    }

    /// The boards and items locked for someone, as their screen shows it: all of them, or
    /// none for the facilitator.
    pub fn locked_for(&self, facilitator: bool) -> Vec<String> {
        if facilitator { Vec::new() } else { self.locked.clone() }
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The hidden voting round on `board` whose dots are not yet revealed, if any.
    pub fn hides_votes_on(&self, board: &str) -> bool {
        self.voting.as_ref().is_some_and(|v| v.board == board && v.hidden && !v.revealed)
    }

    /// Whether a participant's write to `collection` of `board` is what only the hub
    /// publishes: raw evaluation answers, a form's results, or a dot while the vote on
    /// the board is hidden or one without a voter (`voter`: the dot's, for a dot). The
    /// hub's check of raw writes and the commands' rules both ask here.
    pub fn hub_only(&self, board: &str, collection: &str, voter: Option<&str>) -> bool {
        match collection {
            "answers" | "published" => true,
            "votes" => self.hides_votes_on(board) || voter.is_none_or(str::is_empty),
            _ => false,
        }
    }

    /// Whether anonymous cards of `board` still wait for the facilitator's reveal.
    pub fn hides_cards_on(&self, board: &str) -> bool {
        self.silent.as_ref().is_some_and(|s| s.board == board && !s.revealed)
    }

    /// The café station a person's laptop shows in the current round: hosts stay at
    /// their own station, everyone else goes where their group is this round.
    pub fn cafe_station(&self, cafe: &CafeBoard, person: &str) -> Option<String> {
        let run = self.cafe.as_ref()?;
        let me = self.person(person)?;
        if let Some(hosted) = cafe.stations.iter().find(|s| !s.host.trim().is_empty() && s.host.trim() == me.name.trim()) {
            return Some(hosted.id.clone());
        }
        let group = me.cafe_group.as_deref()?;
        let index = cafe.groups.iter().position(|g| g.id == group)?;
        cafe.station_for(index, run.round).map(|s| s.id.clone())
    }

    /// Adds someone to the roster, or updates their name and role.
    pub fn enrol(&mut self, id: &str, name: &str, role: &str) {
        match self.people.iter_mut().find(|p| p.id == id) {
            Some(person) => {
                person.name = name.to_string();
                person.role = role.to_string();
            }
            None => self.people.push(Person { id: id.into(), name: name.into(), role: role.into(), ..Person::default() }),
        }
    }

    /// Puts a person in a small group (or none), keeping the groups' member lists true.
    pub fn assign_group(&mut self, person: &str, group: Option<&str>) -> Result<(), ModelError> {
        if let Some(g) = group.filter(|g| !self.groups.iter().any(|s| s.id == *g)) {
            return Err(ModelError::NotFound { what: "group", id: g.into() });
        }
        let me = self.people.iter_mut().find(|p| p.id == person).ok_or_else(|| not_in_roster(person))?;
        me.group = group.map(str::to_string);
        for small in &mut self.groups {
            small.members.retain(|m| m != person);
            if Some(small.id.as_str()) == group {
                small.members.push(person.to_string());
            }
        }
        Ok(())
    }
}

pub fn not_in_roster(person: &str) -> ModelError {
    ModelError::NotFound { what: "person", id: person.into() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocName, Workshop};

    #[test]
    fn the_control_read_again_shows_every_local_remote_and_removing_change() {
        let mut hub = Workshop::new();
        let mut replica = Workshop::from_updates(&[], &[hub.encode_state(DocName::Control)]).expect("a replica");
        assert!(replica.control().locked.is_empty(), "nothing locked at first (and now read once)");
        hub.update_control(|c| c.locked = vec!["wall".into()]).expect("a lock");
        replica.apply_update(DocName::Control, &hub.encode_state(DocName::Control)).expect("the hub's update");
        assert_eq!(replica.control().locked, ["wall"], "a remote change shows at the next read");
        replica.update_control(|c| c.voting = Some(Voting { board: "wall".into(), budget: 3, hidden: true, revealed: false })).expect("a vote");
        assert!(replica.control().voting.is_some(), "a local change shows at the next read");
        replica.update_control(|c| c.voting = None).expect("the vote ends");
        assert!(replica.control().voting.is_none(), "a removed value is gone at the next read");
    }

    #[test]
    fn a_lock_stops_everyone_but_the_facilitator_and_a_board_lock_covers_its_items() {
        let control = ControlView { locked: vec!["wall".into(), "idea".into()], ..Default::default() };
        assert!(control.locks_out(false, "wall", None), "the locked board itself");
        assert!(control.locks_out(false, "wall", Some("other")), "any item on a locked board");
        assert!(control.locks_out(false, "cafe", Some("idea")), "an item locked alone");
        assert!(!control.locks_out(false, "cafe", Some("note")), "an open item on an open board");
        assert!(!control.locks_out(true, "wall", Some("idea")), "never the facilitator");
        assert_eq!(control.locked_for(false), ["wall", "idea"], "a participant sees every lock");
        assert!(control.locked_for(true).is_empty(), "nothing is locked for the facilitator");
    }

    #[test]
    fn a_timer_start_stored_as_a_float_still_reads() {
        let json = serde_json::json!({ "timer": { "started_at_ms": 1795473059962.0, "seconds": 120, "running": true } });
        let control: ControlView = serde_json::from_value(json).expect("the control reads");
        assert_eq!(control.timer.map(|t| t.started_at_ms), Some(1_795_473_059_962.0), "the start time survives");
    }

    #[test]
    fn groups_move_on_each_round_while_hosts_stay() {
        use crate::model::cafe::{CafeGroup, Station};
        let station = |id: &str, host: &str| Station { id: id.into(), host: host.into(), ..Default::default() };
        let group = |id: &str| CafeGroup { id: id.into(), ..Default::default() };
        let cafe = CafeBoard {
            stations: vec![station("s1", "Hanna"), station("s2", "")],
            groups: vec![group("g1"), group("g2")],
            ..Default::default()
        };
        let mut control = ControlView { cafe: Some(CafeRun { board: "c".into(), round: 1 }), ..Default::default() };
        control.enrol("a", "Aino", "participant");
        control.enrol("h", "Hanna", "participant");
        control.people[0].cafe_group = Some("g1".into());
        control.people[1].cafe_group = Some("g2".into());
        assert_eq!(control.cafe_station(&cafe, "a").as_deref(), Some("s1"), "round 1: group 1 at station 1");
        control.cafe = Some(CafeRun { board: "c".into(), round: 2 });
        assert_eq!(control.cafe_station(&cafe, "a").as_deref(), Some("s2"), "round 2: group 1 moved on");
        assert_eq!(control.cafe_station(&cafe, "h").as_deref(), Some("s1"), "the host stays at her station");
    }
}

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or(0.0)
}
