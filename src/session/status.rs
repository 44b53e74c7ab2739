//! The session's status as the header, the presence list and the dialogs show it:
//! alone, hosting (with what others need to join), joined, or read from the region's server.

use crate::sync::{HubHandle, PeerHandle, PeerStatus, Presence, RelayReader, RelayState, RelayStatus};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LiveMode {
    Alone,
    Hosting,
    Joined,
    /// A copy of a workshop on the region's server, to read only.
    Reading,
}

/// The link to the others, as the status indicator shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Connection {
    /// Not sharing: nobody to be connected to.
    Alone,
    Connecting,
    /// Waiting for the facilitator to let us in.
    Lobby,
    Connected,
    Reconnecting,
    Offline,
    Refused,
}

/// One person present, and the board they have open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PresenceEntry {
    pub name: String,
    pub role: String,
    pub board: Option<String>,
    /// This window's own person.
    pub me: bool,
}

/// Someone waiting to be let in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LobbyPerson {
    #[ts(type = "number")]
    pub id: u64,
    pub name: String,
}

/// Someone let in, whom the facilitator can remove from the workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MemberEntry {
    /// Their id in the roster.
    pub person: String,
    pub name: String,
    pub role: String,
}

/// What the host shows so that others can join.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Hosting {
    pub code: String,
    /// `paja://host:port?code=C&fp=HEX`, what the QR code carries.
    pub join_link: String,
    pub qr_svg: String,
    /// `host:port` others type.
    pub addresses: Vec<String>,
    pub fingerprint: Option<String>,
    pub lobby: Vec<LobbyPerson>,
    /// Everyone let in this session (not the facilitator).
    pub members: Vec<MemberEntry>,
    pub auto_admit: bool,
    /// `http://host:port/join#code=C&key=K` for browser participants, and its QR code, when
    /// this app can serve them the UI (the facilitator still has to let browsers in).
    pub browser_link: Option<String>,
    pub browser_qr_svg: Option<String>,
}

/// The session as the header, the presence list and the dialogs show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LiveStatus {
    pub mode: LiveMode,
    /// facilitator, participant or observer; None when alone or not yet let in.
    pub role: Option<String>,
    pub connection: Connection,
    /// Why the hub refused us: the UI shows the sentence for its code.
    pub refusal: Option<crate::Failure>,
    /// Why the hub refused this person's last write, which was taken back from their
    /// screen: the UI says so in one sentence.
    pub undone: Option<crate::Failure>,
    /// Everyone present, this person included.
    pub people: u32,
    pub presence: Vec<PresenceEntry>,
    pub hosting: Option<Hosting>,
    /// When this status was read, counted up by the open workshop: an answer and an
    /// event may arrive out of order, and the window keeps the later read.
    #[ts(type = "number")]
    pub read: u64,
    /// The relay to the region's server: hosting with it on, or reading from it.
    pub relay: Option<RelayStatus>,
}

/// A hub found on the room's network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FoundHub {
    /// `host:port`.
    pub address: String,
    /// The link to join it with, code left for the person to type.
    pub link: String,
}

pub(super) fn alone_status() -> LiveStatus {
    LiveStatus {
        mode: LiveMode::Alone,
        role: None,
        connection: Connection::Alone,
        refusal: None,
        undone: None,
        people: 1,
        presence: Vec::new(),
        hosting: None,
        read: 0,
        relay: None,
    }
}

pub(super) fn hub_status(hub: &HubHandle, shown: &Hosting) -> LiveStatus {
    let presence = hub.presence();
    let mut people: Vec<PresenceEntry> = presence.iter().map(|p| presence_entry(p, p.client == hub.awareness_id)).collect();
    sort_people(&mut people);
    LiveStatus {
        mode: LiveMode::Hosting,
        role: Some("facilitator".into()),
        connection: Connection::Connected,
        refusal: None,
        undone: None,
        people: people.len().max(1) as u32,
        presence: people,
        hosting: Some(hosting_now(hub, shown)),
        read: 0,
        relay: hub.relay_status(),
    }
}

pub(super) fn hosting_now(hub: &HubHandle, shown: &Hosting) -> Hosting {
    let lobby = hub.lobby().into_iter().map(|e| LobbyPerson { id: e.id, name: e.name }).collect();
    let members = hub.members().into_iter().map(|m| MemberEntry { person: m.person, name: m.name, role: m.role.as_str().into() }).collect();
    Hosting { lobby, members, auto_admit: hub.auto_admit(), ..shown.clone() }
}

pub(super) fn peer_status(peer: &PeerHandle, me: &Value) -> LiveStatus {
    let (connection, refusal, people) = match peer.status() {
        PeerStatus::Connecting => (Connection::Connecting, None, 1),
        PeerStatus::Lobby => (Connection::Lobby, None, 1),
        PeerStatus::Connected { people } => (Connection::Connected, None, people),
        PeerStatus::Reconnecting { .. } => (Connection::Reconnecting, None, 1),
        PeerStatus::Offline => (Connection::Offline, None, 1),
        PeerStatus::Refused { reason } => (Connection::Refused, Some(reason), 1),
    };
    let role = peer.role().and_then(|r| serde_json::to_value(r).ok()).and_then(|r| r.as_str().map(String::from));
    let mine = Presence { client: 0, state: json!({ "name": me["name"], "role": role.clone().unwrap_or_else(|| "participant".into()), "board": me["board"] }) };
    let mut presence: Vec<PresenceEntry> = peer.presence().iter().map(|p| presence_entry(p, false)).collect();
    presence.push(presence_entry(&mine, true));
    sort_people(&mut presence);
    let undone = peer.watch_undone().borrow().map(crate::Failure::from);
    LiveStatus { mode: LiveMode::Joined, role, connection, refusal, undone, people: people as u32, presence, hosting: None, read: 0, relay: None }
}

/// A copy read from the server: the relay's state is the connection, and its refusal
/// is said once, in the relay's status.
pub(super) fn reading_status(reader: &RelayReader) -> LiveStatus {
    let relay = reader.status();
    let connection = match relay.state {
        RelayState::Connecting => Connection::Connecting,
        RelayState::Connected => Connection::Connected,
        RelayState::Offline => Connection::Offline,
        RelayState::Refused => Connection::Refused,
    };
    LiveStatus {
        mode: LiveMode::Reading,
        role: Some("observer".into()),
        connection,
        refusal: None,
        undone: None,
        people: 1,
        presence: Vec::new(),
        hosting: None,
        read: 0,
        relay: Some(relay),
    }
}

fn presence_entry(presence: &Presence, me: bool) -> PresenceEntry {
    let text = |key: &str| presence.state.get(key).and_then(Value::as_str).map(str::to_string);
    PresenceEntry {
        name: text("name").unwrap_or_default(),
        role: text("role").unwrap_or_else(|| "participant".into()),
        board: text("board"),
        me,
    }
}

/// This person first, then the facilitator, then everyone else by name.
fn sort_people(people: &mut [PresenceEntry]) {
    people.sort_by(|a, b| {
        (!a.me, a.role != "facilitator", a.name.to_lowercase()).cmp(&(!b.me, b.role != "facilitator", b.name.to_lowercase()))
    });
}
