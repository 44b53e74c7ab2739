//! One client's protocol state on the hub, and the loop that drives it over any message
//! stream and sink. The WebSocket adapter in [`super::socket`] only translates frames.

use super::admission::{Member, Role};
use super::locks;
use super::room::{Frame, HubState, Logged, lock};
use super::wire::{self, EMPTY_UPDATE, PAJA_TAG, PajaMessage};
use super::SyncError;
use crate::Refusal;
use crate::model::{DocName, Workshop};
use futures_util::stream::FuturesUnordered;
use futures_util::{Sink, SinkExt, Stream, StreamExt};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{broadcast, watch};
use tokio_tungstenite::tungstenite::Bytes;
use yrs::sync::{Message, SyncMessage};
use yrs::updates::decoder::Decode;
use yrs::Update;

/// What the adapter hands the connection: a binary message, or any sign of life.
pub enum Incoming {
    Message(Bytes),
    Alive,
}

/// What the connection asks the adapter to send.
pub enum Outgoing {
    Message(Bytes),
    Ping,
}

/// One admitted client in one room of the hub.
pub struct Connection {
    pub id: u64,
    pub doc: DocName,
    pub role: Role,
    pub name: String,
    /// The client's id in the roster; known to the hub's memory only.
    pub person: String,
    state: Arc<HubState>,
}

impl Connection {
    pub fn new(state: Arc<HubState>, doc: DocName, member: Member) -> Connection {
        let Member { role, person, name } = member;
        let _ = lock(&state.admission).status.send(());
        let id = state.next_conn();
        if doc == DocName::Content && role != Role::Observer {
            lock(&state.sealed).writer_connected(id, Some(&person));
        }
        Connection { id, doc, role, name, person, state }
    }

    /// What the hub says first: its state vector (sync step 1) and who is here.
    pub fn greeting(&self) -> Vec<Vec<u8>> {
        let sv = lock(&self.state.file).workshop().state_vector(self.doc);
        let mut messages = vec![wire::step1(sv)];
        messages.extend(self.state.room(self.doc).awareness_state());
        messages
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Frame> {
        self.state.room(self.doc).fan_out.subscribe()
    }

    /// Handles one WebSocket message; returns the replies once its updates are logged
    /// and sent, or why to drop the connection.
    pub async fn receive(&self, bytes: &[u8]) -> Result<Vec<Vec<u8>>, SyncError> {
        let mut logged = Vec::new();
        let replies = self.take_in(bytes, &mut logged)?;
        for done in logged {
            done.await.unwrap_or_else(|_| Err(SyncError::Connection("the hub is stopping".into())))?;
        }
        Ok(replies)
    }

    /// Handles one WebSocket message without waiting for the persistence worker: the
    /// updates it hands over are added to `logged`. Returns the replies.
    fn take_in(&self, bytes: &[u8], logged: &mut Vec<Logged>) -> Result<Vec<Vec<u8>>, SyncError> {
        let mut replies = Vec::new();
        for message in wire::decode(bytes)? {
            self.handle(message, &mut replies, logged)?;
        }
        Ok(replies)
    }

    fn handle(&self, message: Message, replies: &mut Vec<Vec<u8>>, logged: &mut Vec<Logged>) -> Result<(), SyncError> {
        let room = self.state.room(self.doc);
        match message {
            Message::Sync(SyncMessage::SyncStep1(sv)) => {
                let diff = lock(&self.state.file).workshop().diff_since(self.doc, &sv);
                replies.push(wire::step2(diff));
            }
            Message::Sync(SyncMessage::SyncStep2(update)) | Message::Sync(SyncMessage::Update(update)) => {
                logged.extend(self.write(&update, replies)?);
            }
            Message::Awareness(update) => room.awareness_update(self.id, update),
            Message::AwarenessQuery => replies.extend(room.awareness_state()),
            Message::Auth(_) => {}
            Message::Custom(PAJA_TAG, body) => self.paja(wire::read_paja(&body)?, replies)?,
            Message::Custom(tag, _) => tracing::info!("ignored a message of unknown type {tag}."),
        }
        Ok(())
    }

    /// Checks a write and hands it to the persistence worker; None if there is nothing
    /// to log (an empty update, or a refused one, answered in `replies`).
    fn write(&self, update: &[u8], replies: &mut Vec<Vec<u8>>) -> Result<Option<Logged>, SyncError> {
        if update == EMPTY_UPDATE {
            return Ok(None);
        }
        let control = self.doc == DocName::Control;
        let guarded = !control && self.role != Role::Facilitator;
        if self.role.refuses(control).is_none() && !guarded {
            return self.state.submit(self.doc, self.id, update);
        }
        let refusal = {
            let file = lock(&self.state.file);
            let reason = match self.role.refuses(control) {
                Some(reason) => Some(reason),
                None if self.role != Role::Facilitator && self.doc == DocName::Content => {
                    locks::refusal(file.workshop(), &mut lock(&self.state.lock_shadow), update)?
                }
                None => None,
            };
            match reason {
                Some(reason) if brings_news(file.workshop(), self.doc, update)? => {
                    lock(&self.state.probe).refused(update);
                    Some((reason, file.workshop().state_vector(self.doc)))
                }
                Some(_) => return Ok(None),
                None => None,
            }
        };
        if let Some((reason, have)) = refusal {
            return self.refuse(reason, update, &have, replies);
        }
        self.state.submit(self.doc, self.id, update)
    }

    /// Tells the writer which write was refused and why, so that it takes it back, and
    /// logs in its place a filling of its clocks, so that its next writes come in.
    fn refuse(&self, reason: crate::Refusal, update: &[u8], have: &yrs::StateVector, replies: &mut Vec<Vec<u8>>) -> Result<Option<Logged>, SyncError> {
        tracing::info!("refused a write from {} ({:?}): {reason}", self.name, self.role);
        replies.push(wire::undo(reason, update, have)?);
        let filling = crate::model::filling(update, have).map_err(|e| SyncError::Malformed(e.to_string()))?;
        self.state.submit(self.doc, self.id, &filling)
    }

    fn paja(&self, message: PajaMessage, replies: &mut Vec<Vec<u8>>) -> Result<(), SyncError> {
        match message {
            PajaMessage::Sealed { board, item, id } if self.role != Role::Observer => {
                let taken = self.state.seal_from(&self.person, board, item, id.as_deref());
                if let Err(reason) = taken {
                    replies.push(wire::denied(reason));
                }
                // Refused for good or taken, the sender may forget it; not if the hub
                // could not write it down, so it comes again.
                if let Some(id) = id.filter(|_| taken != Err(Refusal::NeedsConnection)) {
                    replies.push(wire::paja(&PajaMessage::Ack { drafts: Vec::new(), sealed: vec![id] }));
                }
                Ok(())
            }
            PajaMessage::Sealed { .. } => Ok(()),
            PajaMessage::Drafts { board, drafts } if self.role != Role::Observer => {
                match self.state.take_drafts(&self.person, &board, drafts, true) {
                    Ok(taken) => replies.push(wire::paja(&PajaMessage::Ack { drafts: taken, sealed: Vec::new() })),
                    Err(reason) => replies.push(wire::denied(reason)),
                }
                Ok(())
            }
            PajaMessage::Drafts { .. } => Ok(()),
            other => Err(SyncError::Malformed(format!("a client may not send {other:?}"))),
        }
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.state.room(self.doc).leave(self.id);
        lock(&self.state.sealed).writer_connected(self.id, None);
    }
}

/// Whether an update holds anything the hub's document lacks: new items or new deletions.
fn brings_news(workshop: &Workshop, doc: DocName, update: &[u8]) -> Result<bool, SyncError> {
    let update = crate::model::decode_update(update).map_err(|e| SyncError::Malformed(e.to_string()))?;
    let have = workshop.state_vector(doc);
    // An update's own state vector counts only clients it holds from clock 0.
    if update.insertions(true).iter().any(|(client, ranges)| ranges.iter().any(|r| r.end > have.get(client))) {
        return Ok(true);
    }
    if update.delete_set().is_empty() {
        return Ok(false);
    }
    let state = Update::decode_v1(&workshop.encode_state(doc)).map_err(|e| SyncError::Malformed(e.to_string()))?;
    Ok(!update.delete_set().diff(state.delete_set()).is_empty())
}

/// The most messages a connection writes out at once.
const MAX_WRITE_BATCH: usize = 64;

/// The most updates of one connection that may wait for the persistence worker; while
/// they do, the connection reads no more from its client.
const MAX_IN_FLIGHT: usize = 64;

/// Limits for one connection's loop.
#[derive(Clone, Copy, Debug)]
pub struct Timing {
    /// Drop a connection that shows no sign of life for this long.
    pub idle: Duration,
    /// Ask for a sign of life this often.
    pub ping: Duration,
}

/// Runs a connection until the client leaves, misbehaves, falls silent, or the hub stops.
/// Its updates go to the persistence worker without waiting for each other, so one
/// client's burst shares the worker's transactions and merged messages; the worker keeps
/// their order, and a connection whose update could not be logged is dropped.
pub async fn drive<St, Si, E>(
    conn: Connection,
    mut incoming: St,
    mut outgoing: Si,
    timing: Timing,
    mut stop: watch::Receiver<bool>,
) where
    St: Stream<Item = Result<Incoming, E>> + Unpin,
    Si: Sink<Outgoing> + Unpin,
    E: std::fmt::Display,
{
    let mut frames = conn.subscribe();
    let who = format!("connection {} ({}, {:?})", conn.id, conn.name, conn.doc);
    let greeting = conn.greeting().into_iter().map(|m| Outgoing::Message(m.into())).collect();
    if send_all(&mut outgoing, greeting).await.is_err() {
        return;
    }
    let mut ping = tokio::time::interval(timing.ping);
    ping.tick().await;
    let mut deadline = tokio::time::Instant::now() + timing.idle;
    let mut logging = FuturesUnordered::new();
    loop {
        let result = tokio::select! {
            next = incoming.next(), if logging.len() < MAX_IN_FLIGHT => {
                deadline = tokio::time::Instant::now() + timing.idle;
                let mut logged = Vec::new();
                let outs = receive(&conn, Ok(next), &who, &mut logged);
                logging.extend(logged);
                outs
            }
            Some(done) = logging.next() => match done {
                Ok(Ok(())) => Ok(Vec::new()),
                Ok(Err(e)) => {
                    tracing::warn!("dropped {who}: {e}");
                    Err(())
                }
                Err(_) => Err(()),
            },
            _ = tokio::time::sleep_until(deadline) => receive::<E>(&conn, Err(()), &who, &mut Vec::new()),
            frame = frames.recv() => forward(&conn, frame, &mut frames, &who),
            _ = ping.tick() => Ok(vec![Outgoing::Ping]),
            _ = stop.changed() => Err(()),
        };
        let Ok(outs) = result else { break };
        if send_all(&mut outgoing, outs).await.is_err() {
            return;
        }
    }
    let _ = outgoing.close().await;
}

/// Queues every message, then writes them out together.
async fn send_all<Si: Sink<Outgoing> + Unpin>(outgoing: &mut Si, outs: Vec<Outgoing>) -> Result<(), Si::Error> {
    if outs.is_empty() {
        return Ok(());
    }
    for out in outs {
        outgoing.feed(out).await?;
    }
    outgoing.flush().await
}

/// The next incoming item, or `Err` when the idle deadline passed first.
type Next<E> = Result<Option<Result<Incoming, E>>, ()>;

fn receive<E: std::fmt::Display>(conn: &Connection, next: Next<E>, who: &str, logged: &mut Vec<Logged>) -> Result<Vec<Outgoing>, ()> {
    match next {
        Err(_) => {
            tracing::info!("dropped {who}: it was silent too long.");
            Err(())
        }
        Ok(None) => Err(()),
        Ok(Some(Err(e))) => {
            tracing::info!("dropped {who}: {e}.");
            Err(())
        }
        Ok(Some(Ok(Incoming::Alive))) => Ok(Vec::new()),
        Ok(Some(Ok(Incoming::Message(bytes)))) => match conn.take_in(&bytes, logged) {
            Ok(replies) => Ok(replies.into_iter().map(|r| Outgoing::Message(r.into())).collect()),
            Err(e) => {
                tracing::info!("dropped {who}: {e}");
                Err(())
            }
        },
    }
}

/// The messages to pass on: this frame and the others already waiting, but not the
/// connection's own.
fn forward(
    conn: &Connection,
    frame: Result<Frame, broadcast::error::RecvError>,
    frames: &mut broadcast::Receiver<Frame>,
    who: &str,
) -> Result<Vec<Outgoing>, ()> {
    use broadcast::error::{RecvError, TryRecvError};
    let mut outs = Vec::new();
    let mut next = frame.map_err(|e| match e {
        RecvError::Lagged(n) => TryRecvError::Lagged(n),
        RecvError::Closed => TryRecvError::Closed,
    });
    loop {
        match next {
            Ok(frame) if frame.from == conn.id => {}
            Ok(frame) => outs.push(Outgoing::Message(frame.bytes)),
            Err(TryRecvError::Lagged(n)) => {
                tracing::info!("dropped {who}: it fell {n} messages behind; it will resync on reconnect.");
                return Err(());
            }
            Err(TryRecvError::Closed) if outs.is_empty() => return Err(()),
            Err(TryRecvError::Closed | TryRecvError::Empty) => return Ok(outs),
        }
        if outs.len() >= MAX_WRITE_BATCH {
            return Ok(outs);
        }
        next = frames.try_recv();
    }
}
