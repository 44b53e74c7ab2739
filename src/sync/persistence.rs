//! The hub's persistence worker, in the shape of y-sweet's: one task takes the updates
//! the connections have checked, logs as many as are waiting in one transaction, hands
//! them to the one commit path ([`HubState::commit`]) and keeps a dirty flag. On a
//! checkpoint (every [`Checkpoint::every`] while dirty, as soon as the log holds
//! [`Checkpoint::rows`] rows, and when the hub stops) it compacts the log into one
//! snapshot per document.
//!
//! Nothing a peer has seen can be lost: an update is in the log before it is broadcast,
//! and compaction runs under the file's lock, so the state it writes holds every logged
//! update, and each document's snapshot replaces its log rows in one SQLite transaction.

use super::SyncError;
use super::room::{Commit, HubState, lock};
use crate::api::WorkshopFile;
use crate::model::DocName;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot, watch};

/// The most updates the worker logs in one transaction.
pub const MAX_BATCH: usize = 256;

/// When the hub compacts its update log while it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    /// Compact this often while anything new was logged.
    pub every: Duration,
    /// Compact as soon as the log holds this many rows, whatever the time.
    pub rows: usize,
}

impl Default for Checkpoint {
    fn default() -> Checkpoint {
        Checkpoint { every: Duration::from_secs(10), rows: 1000 }
    }
}

/// A checked update from a connection, waiting for the worker.
pub(super) struct Write {
    pub doc: DocName,
    pub from: u64,
    pub update: Vec<u8>,
    pub done: oneshot::Sender<Result<(), SyncError>>,
}

/// What the worker and the hub's own edits share: the inbox, the dirty flag and how
/// many rows the log holds since the last checkpoint.
pub struct Persistence {
    checkpoint: Checkpoint,
    inbox: mpsc::UnboundedSender<Write>,
    /// Taken by [`Persistence::run`] when the hub starts.
    taken: std::sync::Mutex<Option<mpsc::UnboundedReceiver<Write>>>,
    dirty: AtomicBool,
    rows: AtomicUsize,
    /// Wakes the worker when the hub's own edits filled the log.
    full: tokio::sync::Notify,
}

impl Persistence {
    pub fn new(checkpoint: Checkpoint) -> Persistence {
        let (inbox, taken) = mpsc::unbounded_channel();
        Persistence {
            checkpoint,
            inbox,
            taken: std::sync::Mutex::new(Some(taken)),
            dirty: AtomicBool::new(false),
            rows: AtomicUsize::new(0),
            full: tokio::sync::Notify::new(),
        }
    }

    /// Hands a checked update to the worker; the answer comes once it is logged and sent.
    pub(super) fn submit(&self, doc: DocName, from: u64, update: &[u8]) -> Result<oneshot::Receiver<Result<(), SyncError>>, SyncError> {
        let (done, outcome) = oneshot::channel();
        let write = Write { doc, from, update: update.to_vec(), done };
        self.inbox.send(write).map_err(|_| stopping())?;
        Ok(outcome)
    }

    /// Counts rows just logged (under the file's lock) and marks the file dirty.
    pub(super) fn logged(&self, rows: usize) {
        if rows == 0 {
            return;
        }
        self.dirty.store(true, Ordering::Release);
        if self.rows.fetch_add(rows, Ordering::AcqRel) + rows >= self.checkpoint.rows {
            self.full.notify_one();
        }
    }

    fn log_is_full(&self) -> bool {
        self.rows.load(Ordering::Acquire) >= self.checkpoint.rows
    }

    /// Compacts the log if anything was logged since the last checkpoint. Runs under the
    /// file's lock, so no update is logged or sent meanwhile.
    pub fn checkpoint(&self, file: &mut WorkshopFile) {
        if !self.dirty.swap(false, Ordering::AcqRel) {
            return;
        }
        let rows = self.rows.swap(0, Ordering::AcqRel);
        match file.compact() {
            Ok(()) => tracing::debug!(rows, "compacted the update log"),
            Err(e) => {
                self.dirty.store(true, Ordering::Release);
                self.rows.fetch_add(rows, Ordering::AcqRel);
                tracing::warn!("the update log could not be compacted; it is tried again at the next checkpoint: {e}");
            }
        }
    }

    /// The worker: logs and commits what the connections checked, as much as is waiting
    /// at once, and compacts on each checkpoint, until the hub stops; then compacts once
    /// more.
    pub async fn run(state: Arc<HubState>, mut stop: watch::Receiver<bool>) {
        let persistence = &state.persistence;
        let Some(mut inbox) = lock(&persistence.taken).take() else { return };
        let every = persistence.checkpoint.every;
        let mut last = tokio::time::Instant::now();
        let mut batch = Vec::new();
        loop {
            tokio::select! {
                biased;
                taken = inbox.recv_many(&mut batch, MAX_BATCH) => if taken == 0 { break },
                _ = stop.changed() => break,
                _ = tokio::time::sleep_until(last + every) => {}
                _ = persistence.full.notified() => {}
            }
            if !batch.is_empty() {
                // Connections that are ready to run hand in theirs first and share the transaction.
                tokio::task::yield_now().await;
                while batch.len() < MAX_BATCH {
                    let Ok(write) = inbox.try_recv() else { break };
                    batch.push(write);
                }
                state.commit_writes(std::mem::take(&mut batch));
            }
            if persistence.log_is_full() || last.elapsed() >= every {
                persistence.checkpoint(&mut lock(&state.file));
                last = tokio::time::Instant::now();
            }
        }
        persistence.checkpoint(&mut lock(&state.file));
    }
}

fn stopping() -> SyncError {
    SyncError::Connection("the hub is stopping".into())
}

impl HubState {
    /// Tries each update of a batch on the probe copy of the hub's state, in log order;
    /// logs those that apply in one transaction, then commits them (one merged message
    /// per room), and only then tells their connections. An update that does not apply
    /// is never logged: only its connection is told, and is dropped.
    pub(super) fn commit_writes(&self, batch: Vec<Write>) {
        let mut file = lock(&self.file);
        let mut refused = Vec::new();
        let mut admitted = Vec::with_capacity(batch.len());
        {
            let mut probe = lock(&self.probe);
            for write in batch {
                let earlier = admitted.iter().filter(|w: &&Write| w.doc == write.doc).map(|w| w.update.as_slice());
                match probe.admits(file.workshop(), write.doc, &write.update, earlier) {
                    Ok(()) => admitted.push(write),
                    Err(e) => refused.push((write, e)),
                }
            }
        }
        let updates: Vec<(DocName, &[u8])> = admitted.iter().map(|w| (w.doc, w.update.as_slice())).collect();
        let logged = file.apply_checked(&updates).map_err(|e| e.to_string());
        drop(updates);
        let mut answers = Vec::with_capacity(admitted.len());
        let mut commit = Commit::default();
        for write in admitted {
            answers.push(write.done);
            commit.push(write.doc, write.from, write.update);
        }
        if logged.is_ok() {
            self.commit(file, commit, true);
        } else {
            *lock(&self.probe) = Default::default();
        }
        for (write, why) in refused {
            tracing::info!("refused an update that does not apply on the hub's state: {why}");
            let _ = write.done.send(Err(why));
        }
        for done in answers {
            let _ = done.send(logged.clone().map_err(SyncError::Connection));
        }
    }
}
