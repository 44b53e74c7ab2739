//! A participant's side: a full replica in the participant's own `.paja` file that syncs
//! with the hub, keeps working when the network drops, and merges on reconnect by
//! exchanging state vectors. [`Peer::connect`] returns a [`PeerHandle`] with the status,
//! presence, local edits and a channel that fires whenever the workshop changed.

use super::admission::Role;
use super::participant;
use super::peer_link;
use super::projection::{self, Views};
use super::room::lock;
use super::wire::SealedItem;
use super::SyncError;
use crate::api::WorkshopFile;
use crate::Refusal;
use crate::model::{DocName, ModelError, ViewChange, Workshop, WorkshopView};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{broadcast, watch};

/// Where and how to join.
#[derive(Clone, Debug)]
pub struct PeerOptions {
    /// `host:port` of the hub.
    pub address: String,
    pub code: Option<String>,
    pub token: Option<String>,
    /// The pinned SHA-256 of the hub's certificate; None means plain WebSocket, which
    /// is allowed only to a loopback address.
    pub fingerprint: Option<String>,
    pub name: String,
    pub observer: bool,
    /// First and longest wait between reconnect attempts.
    pub backoff: (Duration, Duration),
}

impl PeerOptions {
    pub fn new(address: &str) -> PeerOptions {
        PeerOptions {
            address: address.to_string(),
            code: None,
            token: None,
            fingerprint: None,
            name: String::new(),
            observer: false,
            backoff: (Duration::from_millis(100), Duration::from_secs(5)),
        }
    }

    /// Reads `paja://host:port?code=C&fp=HEX`, `wss://host:port` or `host:port`.
    pub fn from_link(link: &str) -> Result<PeerOptions, SyncError> {
        let rest = ["paja://", "wss://", "ws://"].iter().find_map(|p| link.strip_prefix(p)).unwrap_or(link);
        let (address, query) = rest.split_once('?').unwrap_or((rest, ""));
        let address = address.trim_end_matches('/');
        if address.rsplit_once(':').is_none_or(|(_, port)| port.parse::<u16>().is_err()) {
            return Err(SyncError::BadAddress(link.to_string()));
        }
        let mut options = PeerOptions::new(address);
        for (key, value) in query.split('&').filter_map(|kv| kv.split_once('=')) {
            match key {
                "code" => options.code = Some(value.to_string()),
                "fp" => options.fingerprint = Some(value.to_string()),
                _ => {}
            }
        }
        Ok(options)
    }
}

/// What the status indicator shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum PeerStatus {
    Connecting,
    /// Waiting for the facilitator to admit us.
    Lobby,
    /// In sync; `people` counts everyone present, us included.
    Connected { people: usize },
    Reconnecting { attempt: u32 },
    Offline,
    Refused { reason: crate::Failure },
}

/// One other person's presence, as their app published it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Presence {
    pub client: u64,
    pub state: serde_json::Value,
}

/// What the peer's tasks share.
pub(crate) struct PeerShared {
    pub file: Mutex<WorkshopFile>,
    pub options: PeerOptions,
    pub status: watch::Sender<PeerStatus>,
    pub token: watch::Sender<Option<String>>,
    pub role: Mutex<Option<Role>>,
    pub outbox: HashMap<DocName, broadcast::Sender<Vec<u8>>>,
    pub presence: Mutex<HashMap<u64, serde_json::Value>>,
    pub my_presence: Mutex<serde_json::Value>,
    /// Wakes the content link to send our presence now rather than at the next renewal.
    pub presence_push: tokio::sync::Notify,
    /// Fires when someone else's presence changes.
    pub presence_changed: broadcast::Sender<()>,
    pub awareness_id: u64,
    pub refusals: Mutex<Vec<String>>,
    /// Why the hub refused our last write, which was taken back from the replica.
    pub undone: watch::Sender<Option<Refusal>>,
    /// Sealed items the hub has not acknowledged yet, in the order given, each under a
    /// random id: sent again on every connection until the hub acknowledges it. Memory
    /// only. Bounded: when it is full, a new one is refused with a sentence.
    pub unacked: Mutex<Vec<Unacked>>,
    /// Wakes the content link to send a new sealed item.
    pub sealed_push: tokio::sync::Notify,
    /// Wakes the content link to send our anonymous drafts of a revealed round.
    pub drafts_push: tokio::sync::Notify,
    /// This person's id in the roster, from the hub's welcome.
    pub me: Mutex<Option<String>>,
    /// (board, idea) of the hidden dots this person gave: memory only, never on disk.
    pub hidden_votes: Mutex<Vec<(String, String)>>,
    pub changed: broadcast::Sender<()>,
    /// Each change projected once, for the window.
    pub views: Views,
}

/// A sealed item on its way to the hub.
#[derive(Debug, Clone)]
pub(crate) struct Unacked {
    pub id: String,
    pub board: String,
    pub item: SealedItem,
}

impl PeerShared {
    /// Hands an item to the hub alone: kept until the hub acknowledges it. False if too
    /// many already wait.
    pub fn keep_sealed(&self, board: &str, item: SealedItem) -> bool {
        let mut unacked = lock(&self.unacked);
        if unacked.len() >= SEALED_QUEUE {
            return false;
        }
        unacked.push(Unacked { id: crate::model::new_random_id(), board: board.to_string(), item });
        drop(unacked);
        self.sealed_push.notify_one();
        true
    }

    pub fn set_people(&self) {
        let people = lock(&self.presence).len() + 1;
        self.status.send_replace(PeerStatus::Connected { people });
    }
}

pub struct Peer;

/// How many sealed items may wait to be sent before a new one is refused.
const SEALED_QUEUE: usize = 256;

impl Peer {
    /// Starts syncing `file` with the hub on the current tokio runtime.
    pub fn connect(file: WorkshopFile, options: PeerOptions) -> PeerHandle {
        let outbox = [DocName::Content, DocName::Control].into_iter().map(|d| (d, broadcast::channel(1024).0)).collect();
        let my_presence = serde_json::json!({ "name": options.name, "role": if options.observer { "observer" } else { "participant" } });
        let shared = Arc::new(PeerShared {
            file: Mutex::new(file),
            status: watch::channel(PeerStatus::Connecting).0,
            token: watch::channel(options.token.clone()).0,
            options,
            role: Mutex::new(None),
            outbox,
            presence: Mutex::new(HashMap::new()),
            my_presence: Mutex::new(my_presence),
            presence_push: tokio::sync::Notify::new(),
            presence_changed: broadcast::channel(16).0,
            awareness_id: rand::random_range(1..(1u64 << 52)),
            refusals: Mutex::new(Vec::new()),
            undone: watch::channel(None).0,
            unacked: Mutex::new(Vec::new()),
            sealed_push: tokio::sync::Notify::new(),
            drafts_push: tokio::sync::Notify::new(),
            me: Mutex::new(None),
            hidden_votes: Mutex::new(Vec::new()),
            changed: broadcast::channel(64).0,
            views: Views::new(),
        });
        let (stop, stopped) = watch::channel(false);
        for doc in [DocName::Content, DocName::Control] {
            tokio::spawn(peer_link::run(shared.clone(), doc, stopped.clone()));
        }
        tokio::spawn(participant::publish_when_revealed(shared.clone(), stopped.clone()));
        let projected = shared.clone();
        tokio::spawn(projection::run(shared.changed.subscribe(), stopped.clone(), move || projected.views.publish(&projected.file)));
        PeerHandle { shared, stop }
    }
}

/// A running peer.
pub struct PeerHandle {
    pub(super) shared: Arc<PeerShared>,
    stop: watch::Sender<bool>,
}

impl PeerHandle {
    pub fn status(&self) -> PeerStatus {
        self.shared.status.borrow().clone()
    }

    pub fn watch_status(&self) -> watch::Receiver<PeerStatus> {
        self.shared.status.subscribe()
    }

    /// Hears when someone else's presence changes: who is here, and on which board.
    pub fn subscribe_presence(&self) -> broadcast::Receiver<()> {
        self.shared.presence_changed.subscribe()
    }

    pub fn role(&self) -> Option<Role> {
        *lock(&self.shared.role)
    }

    /// The token for reconnecting later (also after the app restarts).
    pub fn token(&self) -> Option<String> {
        self.shared.token.borrow().clone()
    }

    /// Everyone else present, as their apps published it.
    pub fn presence(&self) -> Vec<Presence> {
        let table = lock(&self.shared.presence);
        table.iter().map(|(client, state)| Presence { client: *client, state: state.clone() }).collect()
    }

    /// Publishes what we show others: name, colour, role, board, station, cursor.
    pub fn set_presence(&self, state: serde_json::Value) {
        *lock(&self.shared.my_presence) = state;
        self.shared.presence_push.notify_one();
    }

    /// Reads the replica's file (for its stored pictures).
    pub fn read_file<R>(&self, read: impl FnOnce(&WorkshopFile) -> R) -> R {
        read(&lock(&self.shared.file))
    }

    /// Why the hub refused our recent writes, one sentence each, newest last.
    pub fn refusals(&self) -> Vec<String> {
        lock(&self.shared.refusals).clone()
    }

    /// Why the hub refused our last write, which was taken back; None until one was.
    pub fn watch_undone(&self) -> watch::Receiver<Option<Refusal>> {
        self.shared.undone.subscribe()
    }

    pub fn view(&self) -> WorkshopView {
        lock(&self.shared.file).view()
    }

    /// A local edit: logged in the replica, then sent to the hub if connected (and
    /// merged at the next reconnect if not).
    pub fn change<R>(&self, edit: impl FnOnce(&mut Workshop) -> Result<R, ModelError>) -> Result<R, SyncError> {
        let (result, updates) = lock(&self.shared.file).change_updates(edit)?;
        for (doc, update) in updates {
            if let Some(outbox) = self.shared.outbox.get(&doc) {
                let _ = outbox.send(update);
            }
        }
        let _ = self.shared.changed.send(());
        Ok(result)
    }

    /// Hands an anonymous card or hidden vote to the hub alone; false if too many
    /// already wait to be sent.
    pub fn send_sealed(&self, board: &str, item: SealedItem) -> bool {
        self.shared.keep_sealed(board, item)
    }

    /// Fires after every change to the replica, local or remote.
    pub fn subscribe_changes(&self) -> broadcast::Receiver<()> {
        self.shared.changed.subscribe()
    }

    /// Hears every change to the replica, local or remote, as what it changed in the
    /// projection.
    pub fn subscribe_views(&self) -> broadcast::Receiver<Arc<ViewChange>> {
        self.shared.views.subscribe()
    }

    /// The whole view as a change, for a window that fell behind.
    pub fn complete_view(&self) -> Arc<ViewChange> {
        self.shared.views.complete(&self.shared.file)
    }

    /// Stops syncing; the replica file stays as it is.
    pub fn stop(&self) {
        let _ = self.stop.send(true);
        self.shared.status.send_replace(PeerStatus::Offline);
    }
}

impl Drop for PeerHandle {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_full_send_queue_refuses_a_sealed_item_instead_of_dropping_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = WorkshopFile::create(&dir.path().join("p.paja"), Workshop::new()).expect("a file");
        let peer = Peer::connect(file, PeerOptions::new("127.0.0.1:1"));
        let card = || SealedItem::FreeCard { text: "Odottaa".into(), color: "yellow".into() };
        for _ in 0..SEALED_QUEUE {
            assert!(peer.send_sealed("b", card()), "an item waits in the queue while offline");
        }
        assert!(!peer.send_sealed("b", card()), "a full queue says no");
    }

    #[test]
    fn join_links_carry_address_code_and_fingerprint() {
        let options = PeerOptions::from_link("paja://192.168.1.20:7070?code=ABCDEF&fp=00ff").expect("a valid link");
        assert_eq!(options.address, "192.168.1.20:7070");
        assert_eq!(options.code.as_deref(), Some("ABCDEF"));
        assert_eq!(options.fingerprint.as_deref(), Some("00ff"));
        assert!(PeerOptions::from_link("no-port-here").is_err(), "an address needs a port");
    }
}
