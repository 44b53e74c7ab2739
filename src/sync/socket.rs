//! The WebSocket adapter: accepts TCP, wraps TLS when the hub has a certificate, reads
//! the join from the handshake's URL, applies size limits and timeouts, and hands each
//! admitted client to [`connection::drive`]. Anything wrong ends that one connection with
//! one log line; the hub goes on.

use super::admission::{Gate, JoinRequest, Member, Role};
use super::channel;
use super::connection::{self, Connection, Incoming, Outgoing, Timing};
use super::room::{HubState, lock};
use super::wire::{self, PajaMessage, refusal_body};
use crate::Refusal;
use crate::model::DocName;
use futures_util::{SinkExt, StreamExt};
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio::sync::{oneshot, watch};
use tokio_rustls::TlsAcceptor;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::handshake::server::{ErrorResponse, Request, Response};
use tokio_tungstenite::tungstenite::http::StatusCode;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};

/// The handshake header that carries an app's join (`pake=HEX&name=N` or `token=T`).
pub const JOIN_HEADER: &str = "paja-join";
/// The hub's answer to an app's key exchange, and its proof that it knows the code.
pub const PAKE_HEADER: &str = "paja-pake";
pub const PROOF_HEADER: &str = "paja-proof";

/// Where a WebSocket request goes, by its URL path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Room(DocName),
    /// The browser participants' JSON RPC, served by [`super::rpc`].
    Rpc,
}

/// Matches a path: `/rpc`, or a room by its last segment (`/content`, `/<id>/control`).
pub fn route(path: &str) -> Option<Route> {
    if path == "/rpc" {
        return Some(Route::Rpc);
    }
    match path.rsplit('/').next() {
        Some("content") => Some(Route::Room(DocName::Content)),
        Some("control") => Some(Route::Room(DocName::Control)),
        _ => None,
    }
}

/// Limits and timeouts of the adapter.
#[derive(Clone, Debug)]
pub struct Limits {
    /// The hub's identity in an app's key exchange (bound to its certificate).
    pub identity: Arc<Vec<u8>>,
    /// The built UI served to plain HTTP GETs (plain-TCP hubs only); None: WebSocket only.
    pub ui_dir: Option<Arc<std::path::PathBuf>>,
    pub max_message: usize,
    pub handshake: Duration,
    pub timing: Timing,
    /// The connections held, per address and in total ([`super::limits`]).
    pub connections: Arc<super::limits::Connections>,
}

/// How much a connection reads at once. tungstenite zeroes this much before every
/// read, so its 128 KiB default costs more than the small sync messages it carries.
const READ_BUFFER: usize = 16 * 1024;

/// What the handshake decided.
enum Admitted {
    Room { doc: DocName, gate: Gate, proof: Option<Proof> },
    Rpc,
}

/// An app's key exchange at the handshake: the hub's answer and proof go back in
/// headers; the app's proof must be its first message.
struct Proof {
    keys: channel::Keys,
    reply: String,
    confirm: String,
    guess: Guess,
}

/// One exchange in flight: however it ends, unless proved, it counts as a wrong guess.
struct Guess {
    state: Arc<HubState>,
    ip: IpAddr,
    proved: bool,
}

impl Drop for Guess {
    fn drop(&mut self) {
        lock(&self.state.admission).end_exchange(self.ip, self.proved);
    }
}

/// Accepts connections until `stop` turns true.
pub async fn accept_loop(
    listener: TcpListener,
    state: Arc<HubState>,
    tls: Option<TlsAcceptor>,
    limits: Limits,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop.changed() => return,
        };
        match accepted {
            Ok((tcp, from)) => {
                // Over a limit the connection is closed at once, and unread.
                let Some(held) = limits.connections.hold(from.ip()) else { continue };
                let _ = tcp.set_nodelay(true);
                let task = handle(tcp, from, state.clone(), tls.clone(), limits.clone(), stop.clone());
                tokio::spawn(async move {
                    task.await;
                    drop(held);
                });
            }
            Err(e) => {
                tracing::warn!("could not accept a connection: {e}.");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

async fn handle(
    tcp: tokio::net::TcpStream,
    from: SocketAddr,
    state: Arc<HubState>,
    tls: Option<TlsAcceptor>,
    limits: Limits,
    stop: watch::Receiver<bool>,
) {
    // Browsers cannot pin a self-signed certificate, so a hub that serves the UI also
    // takes plain HTTP on its port: the page and `/rpc` only, never the app rooms.
    let tls = match tls {
        None => return plain(tcp, from.ip(), state, limits, stop, Plain::Everything).await,
        Some(_) if limits.ui_dir.is_some() && !super::page::starts_tls(&tcp, limits.handshake).await => {
            return plain(tcp, from.ip(), state, limits, stop, Plain::BrowsersOnly).await;
        }
        Some(tls) => tls,
    };
    match tokio::time::timeout(limits.handshake, tls.accept(tcp)).await {
        Ok(Ok(stream)) => upgrade(stream, from.ip(), state, limits, stop, Plain::Everything).await,
        Ok(Err(e)) => tracing::info!("dropped {from}: the TLS handshake failed: {e}."),
        Err(_) => tracing::info!("dropped {from}: the TLS handshake took too long."),
    }
}

/// What a connection without TLS may reach.
#[derive(Clone, Copy, PartialEq)]
enum Plain {
    /// A hub without TLS (loopback only): everything.
    Everything,
    /// Plain HTTP on a TLS hub: the page and `/rpc`.
    BrowsersOnly,
}

/// A connection without TLS: the UI page when it asks for one, else a WebSocket.
async fn plain(tcp: tokio::net::TcpStream, ip: IpAddr, state: Arc<HubState>, limits: Limits, stop: watch::Receiver<bool>, reach: Plain) {
    if let Some(dir) = limits.ui_dir.clone() {
        if super::page::is_plain_http(&tcp, limits.handshake).await {
            let open = lock(&state.file).workshop().control().browsers;
            let answer = async {
                match open {
                    true => super::page::serve(tcp, &dir).await,
                    false => super::page::closed(tcp).await,
                }
            };
            if tokio::time::timeout(super::limits::PAGE_TIME, answer).await.is_err() {
                tracing::info!("dropped {ip}: its page request took too long.");
            }
            return;
        }
    }
    upgrade(tcp, ip, state, limits, stop, reach).await
}

async fn upgrade<S>(stream: S, ip: IpAddr, state: Arc<HubState>, limits: Limits, stop: watch::Receiver<bool>, reach: Plain)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let decided = Arc::new(Mutex::new(None));
    let slot = decided.clone();
    let gate_state = state.clone();
    let identity = limits.identity.clone();
    let callback = move |request: &Request, mut response: Response| -> Result<Response, ErrorResponse> {
        let admitted = check(&gate_state, ip, request, reach, &identity)?;
        if let Admitted::Room { proof: Some(proof), .. } = &admitted {
            for (name, value) in [(PAKE_HEADER, &proof.reply), (PROOF_HEADER, &proof.confirm)] {
                response.headers_mut().insert(name, value.parse().expect("hex is a valid header value"));
            }
        }
        *lock(&slot) = Some(admitted);
        Ok(response)
    };
    let config = WebSocketConfig::default()
        .read_buffer_size(READ_BUFFER)
        .max_message_size(Some(limits.max_message))
        .max_frame_size(Some(limits.max_message));
    let accept = tokio_tungstenite::accept_hdr_async_with_config(stream, callback, Some(config));
    let mut ws = match tokio::time::timeout(limits.handshake, accept).await {
        Ok(Ok(ws)) => ws,
        Ok(Err(e)) => return tracing::info!("refused a connection from {ip}: {e}."),
        Err(_) => return tracing::info!("dropped {ip}: the WebSocket handshake took too long."),
    };
    let Some(admitted) = lock(&decided).take() else { return };
    match admitted {
        Admitted::Room { doc, gate, proof } => {
            let proved = match proof {
                Some(proof) => proved(&mut ws, proof, ip, limits.handshake).await,
                None => true,
            };
            if proved {
                serve_room(ws, doc, gate, state, limits.timing, stop).await
            }
        }
        Admitted::Rpc => super::rpc::admit(ws, state, ip, stop).await,
    }
}

/// Decides at the handshake: unknown paths, wrong codes and rate-limited addresses are
/// refused with an HTTP status and one sentence.
fn check(state: &Arc<HubState>, ip: IpAddr, request: &Request, reach: Plain, identity: &[u8]) -> Result<Admitted, ErrorResponse> {
    let refuse = |status: u16, reason: Refusal| {
        let mut response = ErrorResponse::new(Some(refusal_body(reason)));
        *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::FORBIDDEN);
        response
    };
    let uri = request.uri();
    let route = route(uri.path()).ok_or_else(|| refuse(404, Refusal::NoSuchRoom))?;
    if reach == Plain::BrowsersOnly && route != Route::Rpc {
        return Err(refuse(403, Refusal::TlsOnly));
    }
    if route == Route::Rpc {
        // A browser's join travels inside its encrypted channel, never in the URL.
        return match lock(&state.admission).guesses_used(ip) {
            true => Err(refuse(429, Refusal::TooManyWrongCodes)),
            false => Ok(Admitted::Rpc),
        };
    }
    // A Paja app sends its join in a header; a Yjs client on loopback may use the query.
    let header = request.headers().get(JOIN_HEADER).and_then(|v| v.to_str().ok());
    let mut join = JoinRequest::from_query(header.or(uri.query()).unwrap_or(""));
    // An app proves the code through the key exchange instead of sending it.
    let pake = join.pake.take().filter(|_| join.code.is_none() && join.token.is_none());
    if pake.is_some() {
        join.code = Some(lock(&state.admission).code().to_string());
    }
    let gate = lock(&state.admission).gate(ip, &join);
    let proof = match (&gate, pake) {
        (Gate::Knock { .. }, Some(opening)) => Some(exchange(state, ip, &opening, identity).ok_or_else(|| refuse(429, Refusal::TooManyWrongCodes))?),
        _ => None,
    };
    match (route, gate) {
        (_, Gate::Refuse { status, reason }) => {
            tracing::info!("refused {ip}: {reason}");
            Err(refuse(status, reason))
        }
        (Route::Room(doc), gate) => Ok(Admitted::Room { doc, gate, proof }),
        (Route::Rpc, _) => Err(refuse(404, Refusal::NoSuchRoom)),
    }
}

/// The hub's half of an app's key exchange; unless the app proves the code with its
/// first message, it was a wrong guess.
fn exchange(state: &Arc<HubState>, ip: IpAddr, opening: &str, identity: &[u8]) -> Option<Proof> {
    if !lock(&state.admission).begin_exchange(ip) {
        return None;
    }
    let guess = Guess { state: state.clone(), ip, proved: false };
    let opening = hex::decode(opening).ok()?;
    let (_, message) = channel::read_opening(&opening).ok()?;
    let code = lock(&state.admission).code().to_string();
    let (reply, mut keys) = channel::hub_answer_as(&code, message, channel::APP_ID, identity).ok()?;
    let confirm = hex::encode(keys.seal(channel::HUB_PROOF));
    Some(Proof { keys, reply: hex::encode(reply), confirm, guess })
}

/// Whether the app's first message proves the code; if not, it is told and dropped.
async fn proved<S>(ws: &mut WebSocketStream<S>, mut proof: Proof, ip: IpAddr, wait: Duration) -> bool
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let first = tokio::time::timeout(wait, ws.next()).await;
    let keys = &mut proof.keys;
    proof.guess.proved = matches!(first, Ok(Some(Ok(Message::Binary(bytes)))) if keys.open(&bytes).is_ok_and(|p| p == channel::APP_PROOF));
    if proof.guess.proved {
        return true;
    }
    tracing::info!("refused {ip}: it did not prove the join code.");
    let refused = PajaMessage::Refused { reason: Refusal::WrongCode.to_string(), code: Some(Refusal::WrongCode) };
    let _ = ws.send(Message::Binary(wire::paja(&refused).into())).await;
    let _ = ws.close(None).await;
    false
}

async fn serve_room<S>(
    mut ws: WebSocketStream<S>,
    doc: DocName,
    gate: Gate,
    state: Arc<HubState>,
    timing: Timing,
    stop: watch::Receiver<bool>,
) where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (member, early) = match gate {
        Gate::Member { token, member } => {
            let welcome = wire::paja(&PajaMessage::Welcome { token, role: member.role, person: Some(member.person.clone()) });
            if ws.send(Message::Binary(welcome.into())).await.is_err() {
                return;
            }
            (member, Vec::new())
        }
        Gate::Knock { name, role } => match lobby(&mut ws, &state, name, role).await {
            Some(admitted) => admitted,
            None => return,
        },
        Gate::Refuse { .. } => return,
    };
    if doc == DocName::Content {
        state.enrol(&member);
    }
    let stop = until_removed(&state, &member.person, stop);
    let conn = Connection::new(state, doc, member);
    let (sink, stream) = ws.split();
    // What the client sent while it waited (its sync step 1) is handled first.
    let early = futures_util::stream::iter(early.into_iter().map(|m| Ok(Message::Binary(m.into()))));
    let incoming = early.chain(stream).map(|message| match message {
        Ok(Message::Binary(bytes)) => Ok(Incoming::Message(bytes)),
        Ok(Message::Text(_)) => Err(WsError::Utf8("text messages are not part of the protocol".into())),
        Ok(_) => Ok(Incoming::Alive),
        Err(e) => Err(e),
    });
    let outgoing = sink.with(|out: Outgoing| async move {
        Ok::<_, WsError>(match out {
            Outgoing::Message(bytes) => Message::Binary(bytes),
            Outgoing::Ping => Message::Ping(Vec::new().into()),
        })
    });
    connection::drive(conn, incoming, Box::pin(outgoing), timing, stop).await;
}

/// A stop signal that also fires when the facilitator removes `person`.
fn until_removed(state: &HubState, person: &str, mut stop: watch::Receiver<bool>) -> watch::Receiver<bool> {
    let mut removed = lock(&state.admission).removed.subscribe();
    let (tx, rx) = watch::channel(false);
    let person = person.to_string();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                gone = removed.recv() => match gone {
                    Ok(gone) if gone == person => break,
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                    _ => continue,
                },
                changed = stop.changed() => if changed.is_err() || *stop.borrow() { break },
                _ = tx.closed() => return,
            }
        }
        let _ = tx.send(true);
    });
    rx
}

/// Lets a knocking client in now or after the facilitator decides; None if refused or
/// gone. Returns the member and the protocol messages the client sent while it waited.
async fn lobby<S>(
    ws: &mut WebSocketStream<S>,
    state: &HubState,
    name: String,
    role: Role,
) -> Option<(Member, Vec<Vec<u8>>)>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let mut early = Vec::new();
    let mut early_bytes = 0;
    let mut answer = lock(&state.admission).knock(name, role);
    let gone = |answer| {
        // Gone from the lobby: the facilitator's list changes.
        drop(answer);
        let _ = lock(&state.admission).status.send(());
    };
    let waited = tokio::time::sleep(super::limits::LOBBY_WAIT);
    tokio::pin!(waited);
    let decided = match answer.try_recv() {
        Ok(decided) => decided,
        Err(oneshot::error::TryRecvError::Closed) => return None,
        Err(oneshot::error::TryRecvError::Empty) => {
            let waiting = wire::paja(&PajaMessage::Lobby);
            ws.send(Message::Binary(waiting.into())).await.ok()?;
            loop {
                tokio::select! {
                    decided = &mut answer => break decided.ok()?,
                    _ = &mut waited => {
                        gone(answer);
                        break Err(Refusal::LobbyTimedOut);
                    }
                    message = ws.next() => match message {
                        Some(Ok(Message::Binary(bytes))) if early_bytes + bytes.len() <= super::limits::LOBBY_EARLY_BYTES => {
                            early_bytes += bytes.len();
                            early.push(bytes.to_vec());
                        }
                        Some(Ok(Message::Binary(_))) => {
                            tracing::info!("dropped a client that sent too much while it waited in the lobby.");
                            gone(answer);
                            return None;
                        }
                        Some(Ok(_)) => continue,
                        _ => {
                            gone(answer);
                            return None;
                        }
                    },
                }
            }
        }
    };
    let (reply, member) = match decided {
        Ok((token, member)) => {
            (PajaMessage::Welcome { token, role: member.role, person: Some(member.person.clone()) }, Some(member))
        }
        Err(refusal) => (PajaMessage::Refused { reason: refusal.to_string(), code: Some(refusal) }, None),
    };
    ws.send(Message::Binary(wire::paja(&reply).into())).await.ok()?;
    match member {
        Some(member) => Some((member, early)),
        None => {
            let _ = ws.close(None).await;
            None
        }
    }
}
