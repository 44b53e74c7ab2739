//! One document's link to the regional server: TLS (the platform's roots or a given CA),
//! the WebSocket, the token, then y-sync both ways, reconnecting with capped exponential
//! backoff until stopped or refused. A refusal stops the retries: only new settings
//! start a new link.

use super::frame::{self, Incoming};
use super::{RelayError, RelaySettings, RelayState, RelayStatus, RelayTrust};
use crate::Failure;
use futures_util::{SinkExt, StreamExt};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{broadcast, watch};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::Message as WsMessage;
use yrs::StateVector;
use yrs::sync::SyncMessage;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How often the link asks the server something, so that both ends know it is alive
/// (Hocuspocus closes a connection silent for its timeout, a minute by default).
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// Silence for this long means the link is gone.
const IDLE: Duration = Duration::from_secs(45);
/// The port of `wss://HOST` without one.
const DEFAULT_PORT: u16 = 443;
const BACKOFF: (Duration, Duration) = (Duration::from_millis(200), Duration::from_secs(5));

/// The local side of a synced document: the hub's relay workshop, or a reader's file.
pub(crate) trait Replica: Send + Sync + 'static {
    fn state_vector(&self) -> StateVector;
    /// What a replica with `remote` lacks, as one update.
    fn diff(&self, remote: &StateVector) -> Vec<u8>;
    /// Takes in an update from the server; an error drops the link.
    fn take_in(&self, update: &[u8]) -> Result<(), String>;
    /// Updates to send, for a replica that writes; None for a reader.
    fn outbox(&self) -> Option<broadcast::Receiver<Vec<u8>>>;
}

/// How one connection ended.
enum Outcome {
    Stopped,
    Refused(RelayError),
    Lost { connected: bool, why: String },
}

fn lost(why: impl ToString) -> Outcome {
    Outcome::Lost { connected: false, why: why.to_string() }
}

/// Keeps the link up until `stop` or a refusal, telling `status` each change.
pub(crate) async fn run(settings: RelaySettings, replica: Arc<dyn Replica>, status: watch::Sender<RelayStatus>, mut stop: watch::Receiver<bool>) {
    let set = |state: RelayState, why: Option<&RelayError>| {
        let next = RelayStatus::new(&settings, state, why.map(Failure::from));
        status.send_if_modified(|now| (*now != next).then(|| *now = next).is_some());
    };
    let target = match Target::new(&settings) {
        Ok(target) => target,
        Err(e) => {
            tracing::warn!("{e}");
            return set(RelayState::Refused, Some(&e));
        }
    };
    let mut attempt = 0u32;
    loop {
        match session(&target, replica.as_ref(), &set, &mut stop).await {
            Outcome::Stopped => return,
            Outcome::Refused(e) => {
                tracing::warn!("the relay stops: {e}");
                return set(RelayState::Refused, Some(&e));
            }
            Outcome::Lost { connected, why } => {
                if connected {
                    attempt = 0;
                    tracing::info!("the relay link dropped ({why}); reconnecting.");
                }
                set(RelayState::Offline, Some(&RelayError::Unreachable(why)));
            }
        }
        attempt = attempt.saturating_add(1);
        let wait = BACKOFF.0.saturating_mul(1 << attempt.min(16)).min(BACKOFF.1);
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = stop.changed() => return,
        }
    }
}

/// Where the server is and how it is trusted, read once from the settings.
struct Target {
    host: String,
    port: u16,
    url: String,
    document: String,
    token: String,
    tls: Arc<rustls::ClientConfig>,
}

impl Target {
    fn new(settings: &RelaySettings) -> Result<Target, RelayError> {
        let bad = || RelayError::BadAddress(settings.url.clone());
        let rest = settings.url.trim().strip_prefix("wss://").ok_or_else(bad)?;
        let authority = rest.split('/').next().unwrap_or_default();
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) if !port.ends_with(']') => (host, port.parse().map_err(|_| bad())?),
            _ => (authority, DEFAULT_PORT),
        };
        let host = host.trim_start_matches('[').trim_end_matches(']').to_string();
        if host.is_empty() || settings.workshop.trim().is_empty() {
            return Err(bad());
        }
        Ok(Target {
            url: settings.url.trim().to_string(),
            host,
            port,
            document: settings.workshop.trim().to_string(),
            token: settings.token.clone(),
            tls: client_config(&settings.trust)?,
        })
    }
}

fn client_config(trust: &RelayTrust) -> Result<Arc<rustls::ClientConfig>, RelayError> {
    let mut roots = rustls::RootCertStore::empty();
    match trust {
        RelayTrust::Platform => {
            let found = rustls_native_certs::load_native_certs();
            roots.add_parsable_certificates(found.certs);
        }
        RelayTrust::Pem(pem) => {
            let certs: Vec<CertificateDer> = CertificateDer::pem_slice_iter(pem).filter_map(Result::ok).collect();
            roots.add_parsable_certificates(certs);
        }
    }
    if roots.is_empty() {
        return Err(RelayError::Certificate("no trusted certificate was found".into()));
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| RelayError::Certificate(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

type Ws = tokio_tungstenite::WebSocketStream<tokio_rustls::client::TlsStream<tokio::net::TcpStream>>;

async fn connect(target: &Target) -> Result<Ws, Outcome> {
    let address = (target.host.as_str(), target.port);
    let tcp = tokio::time::timeout(CONNECT_TIMEOUT, tokio::net::TcpStream::connect(address))
        .await
        .map_err(|_| lost("the server did not answer"))?
        .map_err(lost)?;
    let _ = tcp.set_nodelay(true);
    let name = ServerName::try_from(target.host.clone()).map_err(|_| Outcome::Refused(RelayError::BadAddress(target.url.clone())))?;
    let handshake = tokio_rustls::TlsConnector::from(target.tls.clone()).connect(name, tcp);
    let tls = match tokio::time::timeout(CONNECT_TIMEOUT, handshake).await {
        Err(_) => return Err(lost("the secure connection took too long")),
        Ok(Ok(tls)) => tls,
        Ok(Err(e)) => return Err(tls_failure(e)),
    };
    let request = target.url.as_str().into_client_request().map_err(|_| Outcome::Refused(RelayError::BadAddress(target.url.clone())))?;
    let config = WebSocketConfig::default().max_message_size(Some(64 << 20)).max_frame_size(Some(64 << 20));
    let (ws, _) = tokio::time::timeout(CONNECT_TIMEOUT, tokio_tungstenite::client_async_with_config(request, tls, Some(config)))
        .await
        .map_err(|_| lost("the server did not open the WebSocket"))?
        .map_err(lost)?;
    Ok(ws)
}

/// A certificate the trust does not cover is a refusal; anything else may pass.
fn tls_failure(e: std::io::Error) -> Outcome {
    let rustls_error = e.get_ref().and_then(|inner| inner.downcast_ref::<rustls::Error>());
    match rustls_error {
        Some(rustls::Error::InvalidCertificate(why)) => Outcome::Refused(RelayError::Certificate(format!("{why:?}"))),
        _ => lost(e),
    }
}

/// One connection, from the handshake until it ends.
async fn session(target: &Target, replica: &dyn Replica, set: &impl Fn(RelayState, Option<&RelayError>), stop: &mut watch::Receiver<bool>) -> Outcome {
    let ws = tokio::select! {
        ws = connect(target) => match ws {
            Ok(ws) => ws,
            Err(outcome) => return outcome,
        },
        _ = stop.changed() => return Outcome::Stopped,
    };
    let (mut sink, mut stream) = ws.split();
    let document = target.document.as_str();
    // Subscribed before the state vector is read: whatever is written later is sent.
    let mut outbox = replica.outbox();
    let hello = [frame::auth(document, &target.token), frame::step1(document, replica.state_vector())];
    for message in hello {
        if let Err(e) = sink.send(WsMessage::Binary(message.into())).await {
            return lost(e);
        }
    }
    let mut connected = false;
    let mut keep_alive = tokio::time::interval(KEEP_ALIVE);
    let mut deadline = tokio::time::Instant::now() + IDLE;
    loop {
        let replies: Result<Vec<Vec<u8>>, Outcome> = tokio::select! {
            _ = tokio::time::sleep_until(deadline) => Err(lost("the server fell silent")),
            next = stream.next() => {
                deadline = tokio::time::Instant::now() + IDLE;
                match next {
                    Some(Ok(WsMessage::Binary(bytes))) => receive(target, replica, &bytes, &mut connected, outbox.is_some(), set),
                    Some(Ok(WsMessage::Close(_))) | None => Err(lost("the server closed the connection")),
                    Some(Ok(_)) => Ok(Vec::new()),
                    Some(Err(e)) => Err(lost(e)),
                }
            }
            update = next_update(&mut outbox) => Ok(vec![match update {
                Some(update) => frame::update(document, update),
                // Fell behind: ask the server for its state vector again, and send the difference.
                None => frame::step1(document, replica.state_vector()),
            }]),
            _ = keep_alive.tick() => Ok(vec![frame::keep_alive(document)]),
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

/// The next update to send; None when the receiver fell behind. Pending forever for a reader.
async fn next_update(outbox: &mut Option<broadcast::Receiver<Vec<u8>>>) -> Option<Vec<u8>> {
    let Some(receiver) = outbox else { return std::future::pending().await };
    match receiver.recv().await {
        Ok(update) => Some(update),
        Err(broadcast::error::RecvError::Lagged(_)) => None,
        Err(broadcast::error::RecvError::Closed) => std::future::pending().await,
    }
}

/// Handles one message from the server; returns the replies.
fn receive(
    target: &Target,
    replica: &dyn Replica,
    bytes: &[u8],
    connected: &mut bool,
    writes: bool,
    set: &impl Fn(RelayState, Option<&RelayError>),
) -> Result<Vec<Vec<u8>>, Outcome> {
    let document = target.document.as_str();
    match frame::read(bytes, document).map_err(lost)? {
        Incoming::Granted { read_only } if read_only && writes => {
            tracing::warn!("the regional server lets this token only read, and a hub must write");
            Err(Outcome::Refused(RelayError::Refused))
        }
        Incoming::Granted { .. } => {
            *connected = true;
            set(RelayState::Connected, None);
            Ok(Vec::new())
        }
        Incoming::Denied(reason) => {
            tracing::warn!("the regional server refused the token: {reason}");
            Err(Outcome::Refused(RelayError::Refused))
        }
        Incoming::TokenAsked => Ok(vec![frame::auth(document, &target.token)]),
        Incoming::Closed(reason) => Err(lost(format!("the server closed the document: {reason}"))),
        Incoming::Sync(SyncMessage::SyncStep1(sv)) => Ok(vec![frame::step2(document, replica.diff(&sv))]),
        Incoming::Sync(SyncMessage::SyncStep2(update) | SyncMessage::Update(update)) => {
            replica.take_in(&update).map_err(lost)?;
            Ok(Vec::new())
        }
        Incoming::Other => Ok(Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(url: &str) -> RelaySettings {
        let ca = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).expect("a certificate").cert.pem();
        RelaySettings { url: url.into(), token: "t".into(), workshop: "ryhma-1".into(), trust: RelayTrust::Pem(ca.into_bytes()) }
    }

    #[test]
    fn only_a_wss_address_is_a_server_address_and_its_port_is_443_unless_given() {
        let target = Target::new(&settings("wss://alue.example.fi:8443/paja")).expect("a full address");
        assert_eq!((target.host.as_str(), target.port), ("alue.example.fi", 8443));
        let target = Target::new(&settings("wss://alue.example.fi/paja")).expect("an address without a port");
        assert_eq!((target.host.as_str(), target.port), ("alue.example.fi", 443));
        let target = Target::new(&settings("wss://[::1]")).expect("an IPv6 address");
        assert_eq!((target.host.as_str(), target.port), ("::1", 443));
        for bad in ["ws://alue.example.fi:8443", "https://alue.example.fi:8443", "wss://alue.example.fi:x", "wss://:8443", "alue:8443"] {
            let refused = Target::new(&settings(bad)).err().map(|e| e.code());
            assert_eq!(refused, Some(crate::ErrorCode::RelayBadAddress), "{bad} is refused: TLS always");
        }
    }

    #[test]
    fn a_ca_file_without_certificates_is_refused_in_one_sentence() {
        let mut none = settings("wss://alue.example.fi:8443");
        none.trust = RelayTrust::Pem(b"not a certificate".to_vec());
        let refused = Target::new(&none).err().expect("nothing to trust");
        assert_eq!(refused.code(), crate::ErrorCode::RelayCertificate);
    }
}
