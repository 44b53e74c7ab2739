//! One document's link from a peer to the hub: connect (TLS pinned by fingerprint, or
//! plain on loopback), exchange state vectors, stream updates both ways, and reconnect
//! with capped exponential backoff when the link drops.

use super::peer::{PeerShared, PeerStatus};
use super::room::lock;
use super::channel;
use super::socket::{JOIN_HEADER, PAKE_HEADER, PROOF_HEADER};
use super::tls;
use super::wire::{self, EMPTY_UPDATE, PAJA_TAG, PajaMessage, SealedItem};
use crate::model::DocName;
use crate::{ErrorCode, Failure, Refusal};
use futures_util::{SinkExt, StreamExt};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::{broadcast, watch};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{Error as WsError, Message as WsMessage};
use yrs::block::ClientID;
use yrs::sync::awareness::{AwarenessUpdate, AwarenessUpdateEntry};
use yrs::sync::{Message, SyncMessage};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// The hub pings every 20 s; silence for this long means the link is gone.
const IDLE: Duration = Duration::from_secs(45);
const PRESENCE_RENEW: Duration = Duration::from_secs(15);

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}
type Ws = tokio_tungstenite::WebSocketStream<Box<dyn Io>>;

/// How one connection ended.
enum Outcome {
    Stopped,
    /// Never retry: the hub (or the pinned certificate) said no.
    Refused(Failure),
    /// The hub does not know our token (it restarted): join again with the code.
    TokenUnknown,
    Lost { connected: bool, why: String },
}

fn lost(why: impl ToString) -> Outcome {
    Outcome::Lost { connected: false, why: why.to_string() }
}

/// Keeps the link up until stopped or refused.
pub(crate) async fn run(shared: Arc<PeerShared>, doc: DocName, mut stop: watch::Receiver<bool>) {
    let mut attempt = 0u32;
    loop {
        let query = match wait_for_query(&shared, doc, &mut stop).await {
            Some(query) => query,
            None => return,
        };
        match session(&shared, doc, &query, &mut stop).await {
            Outcome::Stopped => return,
            Outcome::Refused(reason) => {
                tracing::warn!("{}", reason.message);
                if doc == DocName::Content {
                    shared.status.send_replace(PeerStatus::Refused { reason });
                }
                return;
            }
            Outcome::TokenUnknown => {
                shared.token.send_replace(None);
                continue;
            }
            Outcome::Lost { connected, why } => {
                if connected {
                    attempt = 0;
                    tracing::info!("the {doc:?} link dropped ({why}); reconnecting.");
                }
            }
        }
        attempt = attempt.saturating_add(1);
        if doc == DocName::Content {
            lock(&shared.presence).clear();
            let _ = shared.presence_changed.send(());
            shared.status.send_replace(PeerStatus::Reconnecting { attempt });
        }
        let (first, cap) = shared.options.backoff;
        let wait = first.saturating_mul(1 << attempt.min(16)).min(cap);
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = stop.changed() => return,
        }
    }
}

/// The query string for the next connection: the token if we have one; the content link
/// may also knock with the code; the control link waits for a token.
async fn wait_for_query(shared: &PeerShared, doc: DocName, stop: &mut watch::Receiver<bool>) -> Option<String> {
    let mut token = shared.token.subscribe();
    loop {
        if *stop.borrow() {
            return None;
        }
        if let Some(t) = token.borrow_and_update().clone() {
            return Some(format!("token={t}&name={}", encode(&shared.options.name)));
        }
        let options = &shared.options;
        if doc == DocName::Content {
            let Some(code) = &options.code else {
                let reason = Failure::from(Refusal::CodeNeeded);
                shared.status.send_replace(PeerStatus::Refused { reason });
                return None;
            };
            let role = if options.observer { "&role=observer" } else { "" };
            return Some(format!("code={}&name={}{role}", encode(code), encode(&options.name)));
        }
        tokio::select! {
            changed = token.changed() => changed.ok()?,
            _ = stop.changed() => return None,
        }
    }
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn room_name(doc: DocName) -> &'static str {
    match doc {
        DocName::Content => "content",
        DocName::Control => "control",
    }
}

/// The join with the code replaced by the opening of a key exchange, and its state.
fn prove_code(query: &str, identity: &[u8]) -> (String, Option<channel::Browser>) {
    let Some(rest) = query.strip_prefix("code=") else { return (query.to_string(), None) };
    let (code, others) = rest.split_once('&').unwrap_or((rest, ""));
    let code = super::admission::JoinRequest::from_query(&format!("code={code}")).code.unwrap_or_default();
    let (state, opening) = channel::Browser::start_as(channel::Secret::Code, &code, channel::APP_ID, identity);
    (format!("pake={}&{others}", hex::encode(opening)), Some(state))
}

/// Whether the hub proved it knows the code (bound to this certificate); our own proof
/// to send first if so.
fn hub_proved(exchange: channel::Browser, response: &tokio_tungstenite::tungstenite::handshake::client::Response) -> Option<Vec<u8>> {
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).and_then(|v| hex::decode(v).ok());
    let mut keys = exchange.finish(&header(PAKE_HEADER)?).ok()?;
    (keys.open(&header(PROOF_HEADER)?).ok()? == channel::HUB_PROOF).then(|| keys.seal(channel::APP_PROOF))
}

async fn connect(shared: &PeerShared, doc: DocName, query: &str) -> Result<Ws, Outcome> {
    let options = &shared.options;
    let tcp = tokio::time::timeout(CONNECT_TIMEOUT, tokio::net::TcpStream::connect(&options.address))
        .await
        .map_err(|_| lost("the hub did not answer"))?
        .map_err(lost)?;
    let _ = tcp.set_nodelay(true);
    let stream: Box<dyn Io> = match &options.fingerprint {
        Some(fp) => {
            let config = tls::pinned_client_config(fp).map_err(|e| Outcome::Refused(Failure::from(&e)))?;
            let name = rustls::pki_types::ServerName::try_from(tls::SERVER_NAME).map_err(lost)?;
            match tokio_rustls::TlsConnector::from(config).connect(name, tcp).await {
                Ok(stream) => Box::new(stream),
                Err(e) if e.to_string().contains("pinned") => {
                    return Err(Outcome::Refused(Refusal::FingerprintMismatch.into()));
                }
                Err(e) => return Err(lost(e)),
            }
        }
        None if is_loopback(&options.address) => Box::new(tcp),
        None => return Err(Outcome::Refused(Refusal::FingerprintNeeded.into())),
    };
    // The join goes in a header, never in the URL; the code itself never leaves: the
    // app proves it through a key exchange bound to the certificate it pinned.
    let identity = channel::hub_identity(options.fingerprint.as_deref());
    let (join, exchange) = prove_code(query, &identity);
    let mut request = format!("ws://{}/{}", options.address, room_name(doc)).into_client_request().map_err(lost)?;
    request.headers_mut().insert(JOIN_HEADER, join.parse().map_err(lost)?);
    let config = WebSocketConfig::default().max_message_size(Some(64 << 20)).max_frame_size(Some(64 << 20));
    match tokio_tungstenite::client_async_with_config(request, stream, Some(config)).await {
        Ok((mut ws, response)) => {
            if let Some(exchange) = exchange {
                let proof = hub_proved(exchange, &response).ok_or(Outcome::Refused(Refusal::HubNotProved.into()))?;
                ws.send(WsMessage::Binary(proof.into())).await.map_err(lost)?;
            }
            Ok(ws)
        }
        Err(WsError::Http(response)) => {
            let body = response.body().as_ref().map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default();
            Err(match response.status().as_u16() {
                401 if query.starts_with("token=") => Outcome::TokenUnknown,
                // 429: too many wrong codes; retrying would only say so again.
                401 | 403 | 404 | 429 => Outcome::Refused(wire::read_refusal_body(&body)),
                _ => lost(body),
            })
        }
        Err(_) if options.fingerprint.is_none() && speaks_tls(&options.address).await => {
            Err(Outcome::Refused(Refusal::FingerprintNeeded.into()))
        }
        Err(e) => Err(lost(e)),
    }
}

/// Whether the hub at `address` speaks TLS: a handshake pinned to a fingerprint no
/// certificate has gets as far as the hub's certificate, and fails there.
async fn speaks_tls(address: &str) -> bool {
    let connect = tokio::net::TcpStream::connect(address);
    let Ok(Ok(tcp)) = tokio::time::timeout(CONNECT_TIMEOUT, connect).await else { return false };
    let (Ok(config), Ok(name)) = (tls::pinned_client_config("none"), rustls::pki_types::ServerName::try_from(tls::SERVER_NAME)) else {
        return false;
    };
    let handshake = tokio_rustls::TlsConnector::from(config).connect(name, tcp);
    matches!(tokio::time::timeout(CONNECT_TIMEOUT, handshake).await, Ok(Err(e)) if e.to_string().contains("pinned"))
}

fn is_loopback(address: &str) -> bool {
    let host = address.rsplit_once(':').map(|(h, _)| h).unwrap_or(address);
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn presence_message(shared: &PeerShared) -> Vec<u8> {
    let clock = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as u32)
        .unwrap_or(1);
    let json = lock(&shared.my_presence).to_string();
    let mut clients = HashMap::new();
    clients.insert(ClientID::new(shared.awareness_id), AwarenessUpdateEntry { clock, json: json.into() });
    wire::awareness(AwarenessUpdate { clients })
}

/// One connection, from handshake until it ends.
async fn session(shared: &PeerShared, doc: DocName, query: &str, stop: &mut watch::Receiver<bool>) -> Outcome {
    let ws = match connect(shared, doc, query).await {
        Ok(ws) => ws,
        Err(outcome) => return outcome,
    };
    let (mut sink, mut stream) = ws.split();
    let mut outbox = shared.outbox.get(&doc).map(|o| o.subscribe());
    let mut sent = std::collections::HashSet::new();
    let content = doc == DocName::Content;
    let mut hello = vec![wire::step1(lock(&shared.file).workshop().state_vector(doc))];
    if content {
        hello.push(presence_message(shared));
    }
    for message in hello {
        if let Err(e) = sink.send(WsMessage::Binary(message.into())).await {
            return lost(e);
        }
    }
    let mut connected = false;
    let mut reported = None;
    let mut renew = tokio::time::interval(PRESENCE_RENEW);
    let mut deadline = tokio::time::Instant::now() + IDLE;
    loop {
        let replies: Result<Vec<Vec<u8>>, Outcome> = tokio::select! {
            _ = tokio::time::sleep_until(deadline) => Err(lost("the hub fell silent")),
            next = stream.next() => {
                deadline = tokio::time::Instant::now() + IDLE;
                match next {
                    Some(Ok(WsMessage::Binary(bytes))) => {
                        let was = connected;
                        receive(shared, doc, &bytes, &mut connected).map(|mut replies| {
                            if content && connected && !was {
                                replies.extend(drafts_report(shared, &mut reported));
                                replies.extend(unacked_report(shared, &mut sent));
                            }
                            replies
                        })
                    }
                    Some(Ok(WsMessage::Close(_))) | None => Err(lost("the hub closed the connection")),
                    Some(Ok(_)) => Ok(Vec::new()),
                    Some(Err(e)) => Err(lost(e)),
                }
            }
            update = next_update(&mut outbox) => match update {
                Ok(update) => Ok(vec![wire::update(update)]),
                Err(why) => Err(lost(why)),
            },
            _ = shared.sealed_push.notified(), if content && connected => Ok(unacked_report(shared, &mut sent)),
            _ = renew.tick(), if content => Ok(vec![presence_message(shared)]),
            _ = shared.presence_push.notified(), if content => Ok(vec![presence_message(shared)]),
            _ = shared.drafts_push.notified(), if content && connected => Ok(drafts_report(shared, &mut reported).into_iter().collect()),
            _ = stop.changed() => {
                let _ = sink.close().await;
                return Outcome::Stopped;
            }
        };
        let replies = match replies {
            Ok(replies) => replies,
            Err(Outcome::Lost { why, .. }) => return Outcome::Lost { connected, why },
            Err(other) => return other,
        };
        for reply in replies {
            if let Err(e) = sink.send(WsMessage::Binary(reply.into())).await {
                return Outcome::Lost { connected, why: e.to_string() };
            }
        }
    }
}

/// Our anonymous drafts of a revealed round, all of them, unless this connection has
/// already sent these. Sent even when there are none, so the hub need not wait for us.
fn drafts_report(shared: &PeerShared, reported: &mut Option<(String, Vec<String>)>) -> Option<Vec<u8>> {
    let due = lock(&shared.file).due_drafts().ok()?;
    if !due.anonymous || due.board.is_empty() {
        return None;
    }
    let ids: Vec<String> = due.drafts.iter().map(|d| d.id.clone()).collect();
    let already = reported.as_ref().is_some_and(|(board, sent)| *board == due.board && ids.iter().all(|id| sent.contains(id)));
    if already {
        return None;
    }
    *reported = Some((due.board.clone(), ids));
    let drafts = due.drafts.iter().map(|d| (d.id.clone(), SealedItem::draft(due.kind, &d.text))).collect();
    Some(wire::paja(&PajaMessage::Drafts { board: due.board, drafts }))
}

/// The sealed items the hub has not acknowledged and this connection has not sent yet,
/// in the order they were given.
fn unacked_report(shared: &PeerShared, sent: &mut std::collections::HashSet<String>) -> Vec<Vec<u8>> {
    let unacked = lock(&shared.unacked);
    let fresh = unacked.iter().filter(|u| sent.insert(u.id.clone()));
    fresh.map(|u| wire::paja(&PajaMessage::Sealed { board: u.board.clone(), item: u.item.clone(), id: Some(u.id.clone()) })).collect()
}

async fn next_update(outbox: &mut Option<broadcast::Receiver<Vec<u8>>>) -> Result<Vec<u8>, String> {
    let Some(outbox) = outbox else { return std::future::pending().await };
    match outbox.recv().await {
        Ok(update) => Ok(update),
        Err(broadcast::error::RecvError::Lagged(_)) => Err("local edits piled up; resyncing".into()),
        Err(broadcast::error::RecvError::Closed) => std::future::pending().await,
    }
}

/// Handles one message from the hub; returns the replies.
fn receive(shared: &PeerShared, doc: DocName, bytes: &[u8], connected: &mut bool) -> Result<Vec<Vec<u8>>, Outcome> {
    let messages = wire::decode(bytes).map_err(|e| lost(format!("the hub sent something unreadable: {e}")))?;
    let mut replies = Vec::new();
    for message in messages {
        match message {
            Message::Sync(SyncMessage::SyncStep1(sv)) => {
                replies.push(wire::step2(lock(&shared.file).workshop().diff_since(doc, &sv)));
            }
            Message::Sync(SyncMessage::SyncStep2(update)) | Message::Sync(SyncMessage::Update(update)) => {
                apply(shared, doc, &update)?;
            }
            Message::Awareness(update) => awareness(shared, update, *connected),
            Message::Auth(Some(reason)) => {
                tracing::warn!("the hub refused a change: {reason}");
                lock(&shared.refusals).push(reason);
            }
            Message::Custom(PAJA_TAG, body) => paja(shared, doc, &body, connected)?,
            _ => {}
        }
    }
    Ok(replies)
}

fn apply(shared: &PeerShared, doc: DocName, update: &[u8]) -> Result<(), Outcome> {
    if update == EMPTY_UPDATE {
        return Ok(());
    }
    lock(&shared.file).apply_remote(doc, update).map_err(|e| lost(format!("an update from the hub did not apply: {e}")))?;
    let _ = shared.changed.send(());
    Ok(())
}

fn awareness(shared: &PeerShared, update: AwarenessUpdate, connected: bool) {
    let mut table = lock(&shared.presence);
    for (client, entry) in update.clients {
        let id = client.get();
        match serde_json::from_str::<serde_json::Value>(&entry.json) {
            _ if id == shared.awareness_id => {}
            Ok(serde_json::Value::Null) | Err(_) => {
                table.remove(&id);
            }
            Ok(state) => {
                table.insert(id, state);
            }
        }
    }
    drop(table);
    let _ = shared.presence_changed.send(());
    if connected {
        shared.set_people();
    }
}

fn paja(shared: &PeerShared, doc: DocName, body: &[u8], connected: &mut bool) -> Result<(), Outcome> {
    match wire::read_paja(body).map_err(|e| lost(e.to_string()))? {
        PajaMessage::Welcome { token, role, person } => {
            *connected = true;
            *lock(&shared.role) = Some(role);
            if person.is_some() {
                *lock(&shared.me) = person;
            }
            if shared.token.borrow().as_deref() != Some(&token) {
                shared.token.send_replace(Some(token));
            }
            if doc == DocName::Content {
                shared.set_people();
            }
        }
        PajaMessage::Lobby => {
            shared.status.send_replace(PeerStatus::Lobby);
        }
        PajaMessage::Refused { reason, code } => {
            let failure = match code {
                Some(refusal) => Failure::from(refusal),
                None => Failure::new(ErrorCode::SyncRefused, reason),
            };
            return Err(Outcome::Refused(failure));
        }
        PajaMessage::Ack { drafts, sealed } => {
            lock(&shared.unacked).retain(|u| !sealed.contains(&u.id));
            if !drafts.is_empty() || sealed.is_empty() {
                lock(&shared.file).forget_draft_ids(&drafts).map_err(|e| lost(format!("acknowledged drafts could not be deleted: {e}")))?;
                let _ = shared.changed.send(());
            }
        }
        PajaMessage::Undo { code, undo } => take_back(shared, doc, code, &undo)?,
        PajaMessage::Sealed { .. } | PajaMessage::Drafts { .. } => {}
    }
    Ok(())
}

/// Takes back our write the hub refused, so that our replica shows what the hub has,
/// and says why.
fn take_back(shared: &PeerShared, doc: DocName, code: Refusal, undo: &str) -> Result<(), Outcome> {
    tracing::warn!("{code} Your change was not saved.");
    let undo = hex::decode(undo).map_err(|e| lost(format!("the hub sent an unreadable undo: {e}")))?;
    lock(&shared.file).take_back(doc, &undo).map_err(|e| lost(format!("a refused change could not be taken back: {e}")))?;
    lock(&shared.refusals).push(code.to_string());
    shared.undone.send_replace(Some(code));
    let _ = shared.changed.send(());
    Ok(())
}
