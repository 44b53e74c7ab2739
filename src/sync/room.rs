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
//! Sealed items are kept in a side file (`<file>.sealed`, JSON, board and item only, never
//! the sender) until reveal, so a restarted hub still reveals them.

use super::admission::Admission;
use super::wire::{self, EMPTY_UPDATE, SealedItem};
use super::SyncError;
use crate::api::WorkshopFile;
use crate::model::DocName;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
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
}

/// Everything a hub's connections share.
pub struct HubState {
    pub file: Mutex<WorkshopFile>,
    pub content: Room,
    pub control: Room,
    pub admission: Mutex<Admission>,
    sealed: Mutex<Vec<(String, SealedItem)>>,
    sealed_path: PathBuf,
    /// Fires after every change to the workshop, for the facilitator's window.
    pub changed: broadcast::Sender<()>,
    next_conn: AtomicU64,
    writes: mpsc::UnboundedSender<Write>,
    /// Taken by [`write_loop`] when the hub starts.
    writer_inbox: Mutex<Option<mpsc::UnboundedReceiver<Write>>>,
}

/// The connection id the hub uses for its own edits.
pub const HUB_ITSELF: u64 = 0;

impl HubState {
    pub fn new(file: WorkshopFile, admission: Admission) -> HubState {
        let sealed_path = sealed_path(file.path());
        let sealed = load_sealed(&sealed_path);
        let (writes, writer_inbox) = mpsc::unbounded_channel();
        HubState {
            file: Mutex::new(file),
            content: Room::new(DocName::Content),
            control: Room::new(DocName::Control),
            admission: Mutex::new(admission),
            sealed: Mutex::new(sealed),
            sealed_path,
            changed: broadcast::channel(64).0,
            next_conn: AtomicU64::new(1),
            writes,
            writer_inbox: Mutex::new(Some(writer_inbox)),
        }
    }

    /// Keeps an anonymous card or hidden vote until reveal, on disk as well.
    pub fn seal(&self, board: String, item: SealedItem) {
        let mut sealed = lock(&self.sealed);
        sealed.push((board, item));
        save_sealed(&self.sealed_path, &sealed);
    }

    /// How many sealed items wait for reveal on `board`.
    pub fn sealed_count(&self, board: &str) -> usize {
        lock(&self.sealed).iter().filter(|(b, _)| b == board).count()
    }

    /// Runs `publish` on the sealed items of `board`; they are let go only if it succeeds.
    pub fn reveal<R>(&self, board: &str, publish: impl FnOnce(&[SealedItem]) -> Result<R, SyncError>) -> Result<R, SyncError> {
        let mut sealed = lock(&self.sealed);
        let items: Vec<SealedItem> = sealed.iter().filter(|(b, _)| b == board).map(|(_, item)| item.clone()).collect();
        let result = publish(&items)?;
        sealed.retain(|(b, _)| b != board);
        save_sealed(&self.sealed_path, &sealed);
        Ok(result)
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
                self.broadcast(doc, &batch);
            }
        }
        drop(file);
        if logged.is_ok() {
            let _ = self.changed.send(());
        }
        for write in batch {
            let _ = write.done.send(logged.clone().map_err(SyncError::Connection));
        }
    }

    /// Sends a batch's updates to one room as one merged update. If it holds several
    /// connections' updates, they get theirs back too, which a Yjs client ignores.
    fn broadcast(&self, doc: DocName, batch: &[Write]) {
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

    /// Runs a UI command (from the browser RPC), logs it and broadcasts what it changed.
    pub fn execute(&self, command: &crate::api::Command) -> Result<crate::api::Outcome, crate::Error> {
        let mut file = lock(&self.file);
        let (outcome, updates) = file.execute_updates(command)?;
        let changed = !updates.is_empty();
        for (doc, update) in updates {
            self.room(doc).send(HUB_ITSELF, wire::update(update));
        }
        drop(file);
        if changed {
            let _ = self.changed.send(());
        }
        Ok(outcome)
    }

    /// Runs the hub's own edit (as facilitator), logs it and broadcasts what it changed.
    pub fn change<R>(
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

fn sealed_path(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".sealed");
    PathBuf::from(name)
}

fn load_sealed(path: &Path) -> Vec<(String, SealedItem)> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    serde_json::from_str(&text).unwrap_or_else(|e| {
        eprintln!("paja hub: the sealed items in {} could not be read ({e}); they are lost.", path.display());
        Vec::new()
    })
}

/// Writes the sealed items (or removes the file when none are left). A failure is
/// logged: the items still wait in memory.
fn save_sealed(path: &Path, sealed: &[(String, SealedItem)]) {
    let saved = match sealed.is_empty() {
        true => std::fs::remove_file(path).or_else(|e| if e.kind() == std::io::ErrorKind::NotFound { Ok(()) } else { Err(e.to_string()) }),
        false => serde_json::to_vec(sealed)
            .map_err(|e| e.to_string())
            .and_then(|json| crate::api::write_new_or_replace(path, &json).map_err(|e| e.to_string())),
    };
    if let Err(e) = saved {
        eprintln!("paja hub: the sealed items could not be saved to {}: {e}", path.display());
    }
}
