//! The hub's state: the workshop file it persists to, one [`Room`] per document with its
//! awareness and fan-out, the admission desk and the sealed items waiting for reveal.
//!
//! Every change reaches the file and the rooms by one path, [`HubState::commit`]: a
//! connection's update is first tried on a copy of the hub's real state, and only one
//! that applies is logged ([`super::locks::Probe`]); updates are logged first (by the persistence worker in [`super::persistence`] for the
//! connections' updates, which logs all that are waiting in one transaction; by the file
//! itself for the hub's own edits), then sent to each room as one merged message, all
//! under the file's lock, so the broadcast order is the log order and a crash loses
//! nothing a peer has seen; then `changed` fires, and after a change to the control
//! document the hub publishes the sealed items it no longer hides ([`super::sealed`]).
//! A room itself only fans out.

use super::admission::Admission;
use super::peer::Presence;
use super::persistence::{Checkpoint, Persistence};
use super::sealed::Sealed;
use super::wire::{self, EMPTY_UPDATE};
use super::SyncError;
use crate::api::WorkshopFile;
use crate::model::DocName;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::broadcast;
use tokio_tungstenite::tungstenite::Bytes;
use yrs::block::ClientID;
use yrs::sync::awareness::{AwarenessUpdate, AwarenessUpdateEntry};

/// How many messages a slow connection may fall behind before it is dropped to resync.
const FAN_OUT_CAPACITY: usize = 8192;

/// One encoded message for every connection of a room but the one it came from. The
/// bytes are encoded once and shared by every connection that sends them.
#[derive(Clone, Debug)]
pub struct Frame {
    /// The connection that already has it; [`HUB_ITSELF`] for a message everyone gets.
    pub from: u64,
    pub bytes: Bytes,
}

/// The answer for an update handed to the persistence worker: once it is logged and sent.
pub type Logged = tokio::sync::oneshot::Receiver<Result<(), SyncError>>;

/// Locks a mutex even if a panicking thread poisoned it: the data is still consistent,
/// since every change is applied in one call.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// One document's room: awareness states and the broadcast channel.
pub struct Room {
    pub doc: DocName,
    pub fan_out: broadcast::Sender<Frame>,
    awareness: Mutex<HashMap<u64, Awareness>>,
    /// The hub's status signal, fired when presence here changes.
    status: broadcast::Sender<()>,
}

/// One awareness client's latest state, and the connection that sent it.
struct Awareness {
    clock: u32,
    json: Arc<str>,
    owner: u64,
}

impl Room {
    fn new(doc: DocName, status: broadcast::Sender<()>) -> Room {
        let (fan_out, _) = broadcast::channel(FAN_OUT_CAPACITY);
        Room { doc, fan_out, awareness: Mutex::new(HashMap::new()), status }
    }

    pub fn send(&self, from: u64, bytes: Vec<u8>) {
        let _ = self.fan_out.send(Frame { from, bytes: bytes.into() });
    }

    /// Takes in a connection's awareness update and passes it on. A connection speaks
    /// only for its own client id: the first it shows presence for, while no other
    /// connection holds it; entries for any other id are left out.
    pub fn awareness_update(&self, conn: u64, update: AwarenessUpdate) {
        let mut table = lock(&self.awareness);
        let mut accepted = HashMap::new();
        for (client, entry) in update.clients {
            let id = client.get();
            if !owns(&table, conn, id) {
                tracing::info!("left out presence that connection {conn} sent for another client");
                continue;
            }
            if table.get(&id).is_some_and(|known| entry.clock < known.clock) {
                continue;
            }
            match &*entry.json {
                "null" => table.remove(&id),
                _ => table.insert(id, Awareness { clock: entry.clock, json: entry.json.clone(), owner: conn }),
            };
            accepted.insert(client, entry);
        }
        if !accepted.is_empty() {
            self.send(conn, wire::awareness(AwarenessUpdate { clients: accepted }));
            let _ = self.status.send(());
        }
    }

    /// Everyone's presence, for a connection that just arrived.
    pub fn awareness_state(&self) -> Option<Vec<u8>> {
        let table = lock(&self.awareness);
        let clients: HashMap<_, _> = table
            .iter()
            .map(|(id, a)| (ClientID::new(*id), AwarenessUpdateEntry { clock: a.clock, json: a.json.clone() }))
            .collect();
        (!clients.is_empty()).then(|| wire::awareness(AwarenessUpdate { clients }))
    }

    /// Removes the presence of a connection that left, and tells the others.
    pub fn leave(&self, conn: u64) {
        let mut table = lock(&self.awareness);
        let gone: Vec<u64> = table.iter().filter(|(_, a)| a.owner == conn).map(|(id, _)| *id).collect();
        let mut clients = HashMap::new();
        for id in gone {
            if let Some(a) = table.remove(&id) {
                clients.insert(ClientID::new(id), AwarenessUpdateEntry { clock: a.clock + 1, json: "null".into() });
            }
        }
        if !clients.is_empty() {
            self.send(conn, wire::awareness(AwarenessUpdate { clients }));
        }
        let _ = self.status.send(());
    }

    /// How many people show presence in this room.
    pub fn people(&self) -> usize {
        lock(&self.awareness).len()
    }

    /// Everyone's presence in this room, by awareness client id.
    pub fn presence(&self) -> Vec<Presence> {
        let table = lock(&self.awareness);
        let read = |(id, a): (&u64, &Awareness)| Some(Presence { client: *id, state: serde_json::from_str(&a.json).ok()? });
        table.iter().filter_map(read).collect()
    }
}

/// Whether `conn` may speak for awareness client `id`: it is its own, or free while
/// `conn` holds no other.
fn owns(table: &HashMap<u64, Awareness>, conn: u64, id: u64) -> bool {
    match table.get(&id) {
        Some(known) => known.owner == conn,
        None => !table.values().any(|a| a.owner == conn),
    }
}

/// Updates that are logged and wait to be sent: each with its document and the
/// connection it came from ([`HUB_ITSELF`] for the hub's own edits).
#[derive(Default)]
pub(super) struct Commit {
    updates: Vec<(DocName, u64, Vec<u8>)>,
}

impl Commit {
    pub fn push(&mut self, doc: DocName, from: u64, update: Vec<u8>) {
        self.updates.push((doc, from, update));
    }

    /// The hub's own updates, as its file logged them.
    fn own(updates: Vec<(DocName, Vec<u8>)>) -> Commit {
        Commit { updates: updates.into_iter().map(|(doc, update)| (doc, HUB_ITSELF, update)).collect() }
    }

    fn touches(&self, doc: DocName) -> bool {
        self.updates.iter().any(|(d, _, _)| *d == doc)
    }

    /// One message for `doc`'s room: the updates merged. If it holds several
    /// connections' updates, they get theirs back too, which a Yjs client ignores.
    fn frames(&mut self, doc: DocName) -> Vec<(u64, Vec<u8>)> {
        let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut self.updates).into_iter().partition(|(d, _, _)| *d == doc);
        self.updates = rest;
        let Some((_, first, _)) = mine.first() else { return Vec::new() };
        let from = match mine.iter().all(|(_, f, _)| f == first) {
            true => *first,
            false => HUB_ITSELF,
        };
        if mine.len() == 1 {
            return mine.into_iter().map(|(_, from, update)| (from, wire::update(update))).collect();
        }
        match yrs::merge_updates_v1(mine.iter().map(|(_, _, u)| u)) {
            Ok(merged) => vec![(from, wire::update(merged))],
            Err(_) => mine.into_iter().map(|(_, from, update)| (from, wire::update(update))).collect(),
        }
    }
}

/// Refuses an update that does not read, before it waits for the persistence worker,
/// which tries it on the hub's real state ([`super::locks::Probe`]).
fn check(update: &[u8]) -> Result<(), SyncError> {
    crate::model::decode_update(update).map(drop).map_err(|e| SyncError::Malformed(e.to_string()))
}

/// Everything a hub's connections share.
pub struct HubState {
    pub file: Mutex<WorkshopFile>,
    pub content: Room,
    pub control: Room,
    pub admission: Mutex<Admission>,
    pub(super) sealed: Mutex<Sealed>,
    /// The copy of the content that participants' writes are tried on while anything
    /// is locked ([`super::locks`]).
    pub(super) lock_shadow: Mutex<Option<super::locks::Shadow>>,
    /// The copy of the hub's state that every update from a connection is tried on
    /// before it is logged.
    pub(super) probe: Mutex<super::locks::Probe>,
    /// Fires after every change to the workshop, for the facilitator's window.
    pub changed: broadcast::Sender<()>,
    /// Each change projected once, for the browsers and the facilitator's window.
    pub views: super::projection::Views,
    /// The update log's worker: batches, the dirty flag and the checkpoints.
    pub persistence: Persistence,
    next_conn: AtomicU64,
}

/// The connection id the hub uses for its own edits.
pub const HUB_ITSELF: u64 = 0;

impl HubState {
    pub fn new(file: WorkshopFile, admission: Admission) -> HubState {
        HubState::with_checkpoint(file, admission, Checkpoint::default())
    }

    pub fn with_checkpoint(file: WorkshopFile, admission: Admission, checkpoint: Checkpoint) -> HubState {
        let sealed = Sealed::load(file.path());
        // Made now, so that no participant's first write waits while it is built.
        let lock_shadow = super::locks::Shadow::new(file.workshop()).ok();
        let status = admission.status.clone();
        HubState {
            file: Mutex::new(file),
            content: Room::new(DocName::Content, status.clone()),
            control: Room::new(DocName::Control, status),
            admission: Mutex::new(admission),
            sealed: Mutex::new(sealed),
            lock_shadow: Mutex::new(lock_shadow),
            probe: Mutex::default(),
            changed: broadcast::channel(64).0,
            views: super::projection::Views::new(),
            persistence: Persistence::new(checkpoint),
            next_conn: AtomicU64::new(1),
        }
    }

    /// How many sealed items wait for reveal on `board`.
    pub fn sealed_count(&self, board: &str) -> usize {
        lock(&self.sealed).count(board)
    }

    pub fn room(&self, doc: DocName) -> &Room {
        match doc {
            DocName::Content => &self.content,
            DocName::Control => &self.control,
        }
    }

    pub fn next_conn(&self) -> u64 {
        self.next_conn.fetch_add(1, Ordering::Relaxed)
    }

    /// Checks a remote update and hands it to the persistence worker, which logs it and
    /// commits it; returns when that is done.
    pub async fn apply(&self, doc: DocName, from: u64, update: &[u8]) -> Result<(), SyncError> {
        let Some(outcome) = self.submit(doc, from, update)? else { return Ok(()) };
        outcome.await.unwrap_or_else(|_| Err(SyncError::Connection("the hub is stopping".into())))
    }

    /// Checks a remote update and hands it to the persistence worker without waiting;
    /// the answer comes once it is logged and sent. None for an empty update.
    pub fn submit(&self, doc: DocName, from: u64, update: &[u8]) -> Result<Option<Logged>, SyncError> {
        if update == EMPTY_UPDATE {
            return Ok(None);
        }
        check(update)?;
        self.persistence.submit(doc, from, update).map(Some)
    }

    /// The one commit path, for updates already in the log: counts them for the next
    /// checkpoint, sends them to their rooms (one merged message per room) while the
    /// file's lock is still held, so the broadcast order is the log order; then fires
    /// `changed` and, after a control change if `publish`, publishes due sealed items.
    pub(super) fn commit(&self, file: MutexGuard<'_, WorkshopFile>, mut commit: Commit, publish: bool) {
        if commit.updates.is_empty() {
            return;
        }
        self.persistence.logged(commit.updates.len());
        let control = commit.touches(DocName::Control);
        for doc in [DocName::Content, DocName::Control] {
            for (from, bytes) in commit.frames(doc) {
                self.room(doc).send(from, bytes);
            }
        }
        drop(file);
        let _ = self.changed.send(());
        if publish && control {
            self.publish_due();
        }
    }

    /// Runs a UI command on the hub's file (the facilitator's, or a browser's once
    /// [`crate::api::rules`] allowed it), logs it and commits what it changed.
    pub fn execute(&self, command: &crate::api::Command) -> Result<crate::api::Outcome, crate::Error> {
        if let crate::api::Command::AnswerEvaluation { .. } = command {
            use super::admission::{FACILITATOR_PERSON, Member, Role};
            let facilitator = Member { role: Role::Facilitator, person: FACILITATOR_PERSON.into(), name: String::new() };
            return self.execute_for(&facilitator, command);
        }
        let mut file = lock(&self.file);
        let (outcome, updates) = file.execute_updates(command)?;
        self.commit(file, Commit::own(updates), true);
        Ok(outcome)
    }

    /// Runs the hub's own edit (as facilitator), logs it and commits what it changed.
    pub fn change<R>(
        &self,
        edit: impl FnOnce(&mut crate::model::Workshop) -> Result<R, crate::model::ModelError>,
    ) -> Result<R, SyncError> {
        self.edit(edit, true)
    }

    /// Like [`HubState::change`], without publishing sealed items after it.
    pub(super) fn change_only<R>(
        &self,
        edit: impl FnOnce(&mut crate::model::Workshop) -> Result<R, crate::model::ModelError>,
    ) -> Result<R, SyncError> {
        self.edit(edit, false)
    }

    fn edit<R>(
        &self,
        edit: impl FnOnce(&mut crate::model::Workshop) -> Result<R, crate::model::ModelError>,
        publish: bool,
    ) -> Result<R, SyncError> {
        let mut file = lock(&self.file);
        let (result, updates) = file.change_updates(edit)?;
        self.commit(file, Commit::own(updates), publish);
        Ok(result)
    }

    /// Adds someone just let in to the roster (or brings their entry up to date).
    pub fn enrol(&self, member: &super::admission::Member) {
        self.keep_members();
        let name = member.name.clone();
        let done = self.change_only(|w| {
            let control = w.control();
            let known = control.person(&member.person);
            if known.is_some_and(|p| p.role == member.role.as_str() && (name.is_empty() || p.name == name)) {
                return Ok(());
            }
            let name = if name.is_empty() { known.map(|p| p.name.clone()).unwrap_or_default() } else { name };
            w.update_control(|c| c.enrol(&member.person, &name, member.role.as_str()))
        });
        if let Err(e) = done {
            tracing::warn!("the roster could not be updated: {e}");
        }
    }
}
