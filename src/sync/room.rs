//! The hub's state: the workshop file it persists to, one [`Room`] per document with its
//! awareness and fan-out, the admission desk and the sealed items waiting for reveal.
//!
//! Persistence comes first: one writer task takes the updates the connections have
//! checked, appends all that are waiting to the `.paja` log in one transaction (through
//! [`WorkshopFile::apply_checked`]) and only then broadcasts them, merged into one message
//! per room, all under the file's lock, so the broadcast order is the log order and a
//! crash loses nothing a peer has seen. Under load a transaction and a message carry many
//! updates, which is where the hub's throughput comes from.
//!
//! Sealed items wait in [`super::sealed`]; after every change to the control document
//! the hub publishes those it no longer hides.

use super::admission::Admission;
use super::sealed::Sealed;
use super::wire::{self, EMPTY_UPDATE};
use super::SyncError;
use crate::api::WorkshopFile;
use crate::model::DocName;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::{broadcast, mpsc, oneshot, watch};
use tokio_tungstenite::tungstenite::Bytes;
use yrs::block::ClientID;
use yrs::sync::awareness::{AwarenessUpdate, AwarenessUpdateEntry};

/// How many messages a slow connection may fall behind before it is dropped to resync.
const FAN_OUT_CAPACITY: usize = 8192;

/// The most updates the writer logs in one transaction.
const MAX_BATCH: usize = 256;

/// One encoded message for every connection of a room but the one it came from.
#[derive(Clone, Debug)]
pub struct Frame {
    /// The connection that already has it; [`HUB_ITSELF`] for a message everyone gets.
    pub from: u64,
    pub bytes: Bytes,
}

/// A checked update from a connection, waiting for the writer.
struct Write {
    doc: DocName,
    from: u64,
    update: Vec<u8>,
    done: oneshot::Sender<Result<(), SyncError>>,
}

/// Locks a mutex even if a panicking thread poisoned it: the data is still consistent,
/// since every change is applied in one call.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// One document's room: awareness states and the broadcast channel.
pub struct Room {
    pub doc: DocName,
    pub fan_out: broadcast::Sender<Frame>,
    awareness: Mutex<Awareness>,
}

#[derive(Default)]
struct Awareness {
    states: HashMap<u64, (u32, Arc<str>)>,
    owners: HashMap<u64, u64>,
}

impl Room {
    fn new(doc: DocName) -> Room {
        let (fan_out, _) = broadcast::channel(FAN_OUT_CAPACITY);
        Room { doc, fan_out, awareness: Mutex::new(Awareness::default()) }
    }

    pub fn send(&self, from: u64, bytes: Vec<u8>) {
        let _ = self.fan_out.send(Frame { from, bytes: bytes.into() });
    }

    /// Takes in a connection's awareness update and passes it on.
    pub fn awareness_update(&self, conn: u64, update: AwarenessUpdate) {
        let mut table = lock(&self.awareness);
        let mut accepted = HashMap::new();
        for (client, entry) in update.clients {
            let id = client.get();
            let newer = table.states.get(&id).is_none_or(|(clock, _)| entry.clock >= *clock);
            if !newer {
                continue;
            }
            if &*entry.json == "null" {
                table.states.remove(&id);
                table.owners.remove(&id);
            } else {
                table.states.insert(id, (entry.clock, entry.json.clone()));
                table.owners.insert(id, conn);
            }
            accepted.insert(client, entry);
        }
        if !accepted.is_empty() {
            self.send(conn, wire::awareness(AwarenessUpdate { clients: accepted }));
        }
    }

    /// Everyone's presence, for a connection that just arrived.
    pub fn awareness_state(&self) -> Option<Vec<u8>> {
        let table = lock(&self.awareness);
        let clients: HashMap<_, _> = table
            .states
            .iter()
            .map(|(id, (clock, json))| (ClientID::new(*id), AwarenessUpdateEntry { clock: *clock, json: json.clone() }))
            .collect();
        (!clients.is_empty()).then(|| wire::awareness(AwarenessUpdate { clients }))
    }

    /// Removes the presence of a connection that left, and tells the others.
    pub fn leave(&self, conn: u64) {
        let mut table = lock(&self.awareness);
        let gone: Vec<u64> = table.owners.iter().filter(|(_, c)| **c == conn).map(|(id, _)| *id).collect();
        let mut clients = HashMap::new();
        for id in gone {
            table.owners.remove(&id);
            if let Some((clock, _)) = table.states.remove(&id) {
                clients.insert(ClientID::new(id), AwarenessUpdateEntry { clock: clock + 1, json: "null".into() });
            }
        }
        if !clients.is_empty() {
            self.send(conn, wire::awareness(AwarenessUpdate { clients }));
        }
    }

    /// How many people show presence in this room.
    pub fn people(&self) -> usize {
        lock(&self.awareness).states.len()
    }

    /// Everyone's presence in this room, by awareness client id.
    pub fn presence(&self) -> Vec<(u64, serde_json::Value)> {
        let table = lock(&self.awareness);
        table.states.iter().filter_map(|(id, (_, json))| Some((*id, serde_json::from_str::<serde_json::Value>(json).ok()?))).collect()
    }
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
    pub(super) lock_shadow: Mutex<Option<crate::model::Workshop>>,
    /// Fires after every change to the workshop, for the facilitator's window.
    pub changed: broadcast::Sender<()>,
    /// Each change projected once, for the browsers and the facilitator's window.
    pub views: super::projection::Views,
    next_conn: AtomicU64,
    writes: mpsc::UnboundedSender<Write>,
    /// Taken by [`write_loop`] when the hub starts.
    writer_inbox: Mutex<Option<mpsc::UnboundedReceiver<Write>>>,
}

/// The connection id the hub uses for its own edits.
pub const HUB_ITSELF: u64 = 0;

impl HubState {
    pub fn new(file: WorkshopFile, admission: Admission) -> HubState {
        let sealed = Sealed::load(file.path());
        let (writes, writer_inbox) = mpsc::unbounded_channel();
        HubState {
            file: Mutex::new(file),
            content: Room::new(DocName::Content),
            control: Room::new(DocName::Control),
            admission: Mutex::new(admission),
            sealed: Mutex::new(sealed),
            lock_shadow: Mutex::new(None),
            changed: broadcast::channel(64).0,
            views: super::projection::Views::new(),
            next_conn: AtomicU64::new(1),
            writes,
            writer_inbox: Mutex::new(Some(writer_inbox)),
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

    /// Checks a remote update and hands it to the writer, which logs it, applies it and
    /// broadcasts it to the room's other clients; returns when that is done.
    pub async fn apply(&self, doc: DocName, from: u64, update: &[u8]) -> Result<(), SyncError> {
        if update == EMPTY_UPDATE {
            return Ok(());
        }
        WorkshopFile::check_remote(doc, update).map_err(|e| match e {
            crate::Error::Model(e) => SyncError::Malformed(e.to_string()),
            e => SyncError::Core(e),
        })?;
        let stopping = || SyncError::Connection("the hub is stopping".into());
        let (done, outcome) = oneshot::channel();
        self.writes.send(Write { doc, from, update: update.to_vec(), done }).map_err(|_| stopping())?;
        outcome.await.unwrap_or_else(|_| Err(stopping()))
    }

    /// Logs every waiting update in one transaction, applies them, broadcasts them (one
    /// merged message per room), and only then tells their connections.
    fn write(&self, batch: Vec<Write>) {
        let updates: Vec<(DocName, &[u8])> = batch.iter().map(|w| (w.doc, w.update.as_slice())).collect();
        let mut file = lock(&self.file);
        let logged = file.apply_checked(&updates).map_err(|e| e.to_string());
        if logged.is_ok() {
            for doc in [DocName::Content, DocName::Control] {
                self.broadcast_batch(doc, &batch);
            }
        }
        drop(file);
        if logged.is_ok() {
            let _ = self.changed.send(());
            if batch.iter().any(|w| w.doc == DocName::Control) {
                self.publish_due();
            }
        }
        for write in batch {
            let _ = write.done.send(logged.clone().map_err(SyncError::Connection));
        }
    }

    /// Sends a batch's updates to one room as one merged update. If it holds several
    /// connections' updates, they get theirs back too, which a Yjs client ignores.
    fn broadcast_batch(&self, doc: DocName, batch: &[Write]) {
        let writes: Vec<&Write> = batch.iter().filter(|w| w.doc == doc).collect();
        let Some(first) = writes.first() else { return };
        if writes.len() == 1 {
            return self.room(doc).send(first.from, wire::update(first.update.clone()));
        }
        let from = match writes.iter().all(|w| w.from == first.from) {
            true => first.from,
            false => HUB_ITSELF,
        };
        match yrs::merge_updates_v1(writes.iter().map(|w| &w.update)) {
            Ok(merged) => self.room(doc).send(from, wire::update(merged)),
            Err(_) => writes.iter().for_each(|w| self.room(doc).send(w.from, wire::update(w.update.clone()))),
        }
    }

    /// Runs a UI command on the hub's file (the facilitator's, or a browser's once
    /// [`crate::api::rules`] allowed it), logs it and broadcasts what it changed.
    pub fn execute(&self, command: &crate::api::Command) -> Result<crate::api::Outcome, crate::Error> {
        let mut file = lock(&self.file);
        let (outcome, updates) = file.execute_updates(command)?;
        self.broadcast(file, updates);
        Ok(outcome)
    }

    /// Runs the hub's own edit (as facilitator), logs it and broadcasts what it changed.
    pub fn change<R>(
        &self,
        edit: impl FnOnce(&mut crate::model::Workshop) -> Result<R, crate::model::ModelError>,
    ) -> Result<R, SyncError> {
        let mut file = lock(&self.file);
        let (result, updates) = file.change_updates(edit)?;
        self.broadcast(file, updates);
        Ok(result)
    }

    /// Like [`HubState::change`], without publishing sealed items after it.
    pub(super) fn change_only<R>(
        &self,
        edit: impl FnOnce(&mut crate::model::Workshop) -> Result<R, crate::model::ModelError>,
    ) -> Result<R, SyncError> {
        let mut file = lock(&self.file);
        let (result, updates) = file.change_updates(edit)?;
        for (doc, update) in updates {
            self.room(doc).send(HUB_ITSELF, wire::update(update));
        }
        drop(file);
        let _ = self.changed.send(());
        Ok(result)
    }

    /// Sends the hub's own updates to everyone, still under the file's lock so the
    /// broadcast order is the log order; a control change may free sealed items.
    fn broadcast(&self, file: MutexGuard<'_, WorkshopFile>, updates: Vec<(DocName, Vec<u8>)>) {
        if updates.is_empty() {
            return;
        }
        let control = updates.iter().any(|(doc, _)| *doc == DocName::Control);
        for (doc, update) in updates {
            self.room(doc).send(HUB_ITSELF, wire::update(update));
        }
        drop(file);
        let _ = self.changed.send(());
        if control {
            self.publish_due();
        }
    }

    /// Adds someone just let in to the roster (or brings their entry up to date).
    pub fn enrol(&self, member: &super::admission::Member) {
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
            eprintln!("paja hub: the roster could not be updated: {e}");
        }
    }
}

/// The hub's single writer: takes what the connections checked, as much as is waiting
/// at once, until the hub stops.
pub async fn write_loop(state: Arc<HubState>, mut stop: watch::Receiver<bool>) {
    let Some(mut inbox) = lock(&state.writer_inbox).take() else { return };
    let mut batch = Vec::new();
    loop {
        tokio::select! {
            biased;
            taken = inbox.recv_many(&mut batch, MAX_BATCH) => if taken == 0 { return },
            _ = stop.changed() => return,
        }
        // Connections that are ready to run hand in theirs first and share the transaction.
        tokio::task::yield_now().await;
        while batch.len() < MAX_BATCH {
            let Ok(write) = inbox.try_recv() else { break };
            batch.push(write);
        }
        state.write(std::mem::take(&mut batch));
    }
}
