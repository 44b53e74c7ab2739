//! The hub: what the facilitator's app (or `paja serve`) runs. [`Hub::start`] opens the
//! listener and returns a [`HubHandle`] with the address, join code, fingerprint, QR
//! codes, the lobby and the facilitator's own edits.
//!
//! The hub's certificate, join code and facilitator token are kept in a sidecar file
//! beside the workshop (`<file>.hub`), so a restarted hub keeps its fingerprint and code
//! and the participants' pins still hold.

use super::admission::{self, Admission, LobbyEntry, Role};
use super::connection::Timing;
use super::peer::Presence;
use super::persistence::{Checkpoint, Persistence};
use super::room::{HUB_ITSELF, HubState, lock};
use super::socket::{self, Limits};
use super::tls::Identity;
use super::relay::{RelaySettings, RelayStatus, publish::Relay};
use super::{SyncError, mdns, qr};
use crate::api::WorkshopFile;
use yrs::block::ClientID;
use yrs::sync::awareness::{AwarenessUpdate, AwarenessUpdateEntry};
use crate::model::{ModelError, Workshop, WorkshopView};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;
use tokio::sync::{broadcast, watch};

/// How a hub listens and whom it lets in.
#[derive(Clone, Debug)]
pub struct HubOptions {
    pub bind: SocketAddr,
    /// TLS with the hub's certificate; off only for loopback browsers and tests.
    pub tls: bool,
    pub auto_admit: bool,
    pub max_message: usize,
    pub handshake_timeout: Duration,
    pub idle_timeout: Duration,
    /// Advertise on the LAN as `_paja._tcp`.
    pub mdns: bool,
    /// The built UI (`ui/dist`) to serve to browsers over plain HTTP on the same port.
    pub ui_dir: Option<PathBuf>,
    /// When the update log is compacted while the hub runs (it is also at shutdown).
    pub checkpoint: Checkpoint,
    /// The most connections one address may hold at once.
    pub max_per_address: usize,
    /// The most connections the hub holds at once (fewer if the system allows fewer files).
    pub max_connections: usize,
    /// How long a reveal waits for connected writers' anonymous drafts at most.
    pub reveal_wait: Duration,
    /// Relay the published view to a regional server ([`super::relay`]).
    pub relay: Option<RelaySettings>,
}

impl Default for HubOptions {
    fn default() -> HubOptions {
        HubOptions {
            bind: SocketAddr::from(([0, 0, 0, 0], 0)),
            tls: true,
            auto_admit: false,
            max_message: 8 * 1024 * 1024,
            handshake_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            mdns: true,
            ui_dir: None,
            checkpoint: Checkpoint::default(),
            max_per_address: super::limits::PER_ADDRESS,
            max_connections: super::limits::TOTAL,
            reveal_wait: super::sealed::DEFAULT_REVEAL_WAIT,
            relay: None,
        }
    }
}

/// What the hub keeps beside the workshop between runs.
#[derive(Serialize, Deserialize)]
struct Sidecar {
    identity: Identity,
    code: String,
    facilitator_token: String,
    /// Derives each browser participant's key for the drafts its page keeps sealed.
    #[serde(default)]
    drafts_secret: String,
}

fn sidecar_path(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".hub");
    PathBuf::from(name)
}

fn load_or_make_sidecar(file: &Path) -> Result<Sidecar, SyncError> {
    let path = sidecar_path(file);
    if let Ok(text) = std::fs::read_to_string(&path) {
        if let Ok(mut sidecar) = serde_json::from_str::<Sidecar>(&text) {
            if sidecar.drafts_secret.is_empty() {
                sidecar.drafts_secret = admission::new_token();
                let json = serde_json::to_vec(&sidecar).map_err(|e| SyncError::Certificate(e.to_string()))?;
                crate::api::write_new_or_replace(&path, &json)?;
            }
            return Ok(sidecar);
        }
        tracing::warn!("{} could not be read; a new certificate and code are made.", path.display());
    }
    let sidecar = Sidecar {
        identity: Identity::generate()?,
        code: admission::new_code(),
        facilitator_token: admission::new_token(),
        drafts_secret: admission::new_token(),
    };
    let json = serde_json::to_vec(&sidecar).map_err(|e| SyncError::Certificate(e.to_string()))?;
    crate::api::write_new_or_replace(&path, &json)?;
    Ok(sidecar)
}

pub struct Hub;

impl Hub {
    /// Starts hosting `file` on the current tokio runtime.
    pub async fn start(file: WorkshopFile, options: HubOptions) -> Result<HubHandle, SyncError> {
        let sidecar = load_or_make_sidecar(file.path())?;
        let listener = tokio::net::TcpListener::bind(options.bind)
            .await
            .map_err(|source| SyncError::Listen { addr: options.bind.to_string(), source })?;
        let addr = listener.local_addr().map_err(|source| SyncError::Listen { addr: options.bind.to_string(), source })?;
        let tls = match options.tls {
            true => Some(tokio_rustls::TlsAcceptor::from(sidecar.identity.server_config()?)),
            false => None,
        };
        let mut admission = Admission::new(sidecar.code.clone(), sidecar.facilitator_token.clone(), options.auto_admit);
        super::ledger::restore_members(&file, &mut admission);
        let state = Arc::new(HubState::with_checkpoint(file, admission, options.checkpoint));
        state.settle_ledger();
        let (stop, stopped) = watch::channel(false);
        let fingerprint = options.tls.then(|| sidecar.identity.fingerprint());
        let limits = Limits {
            identity: Arc::new(super::channel::hub_identity(fingerprint.as_deref())),
            ui_dir: options.ui_dir.clone().map(Arc::new),
            max_message: options.max_message,
            handshake: options.handshake_timeout,
            timing: Timing { idle: options.idle_timeout, ping: options.idle_timeout / 3 },
            connections: super::limits::Connections::new(
                options.max_per_address,
                super::limits::total_connections(options.max_connections),
            ),
        };
        tokio::spawn(Persistence::run(state.clone(), stopped.clone()));
        lock(&state.sealed).set_wait(options.reveal_wait);
        lock(&state.sealed).set_drafts_secret(&sidecar.drafts_secret);
        state.resume_reveal();
        tokio::spawn(super::sealed::run_clock(state.clone(), stopped.clone()));
        let projected = state.clone();
        tokio::spawn(super::projection::run(state.changed.subscribe(), stopped.clone(), move || projected.views.publish(&projected.file)));
        tokio::spawn(socket::accept_loop(listener, state.clone(), tls, limits, stopped));
        let host = public_host(addr);
        let advert = match options.mdns {
            true => mdns::advertise(&host, addr.port(), fingerprint.as_deref()),
            false => None,
        };
        let hub = HubHandle {
            addr,
            host,
            code: sidecar.code,
            fingerprint,
            facilitator_token: sidecar.facilitator_token,
            awareness_id: rand::random_range(1..(1u64 << 52)),
            presence_clock: AtomicU32::new(0),
            serves_ui: options.ui_dir.is_some(),
            state,
            stop,
            relay: Mutex::new(None),
            runtime: tokio::runtime::Handle::current(),
            _advert: advert,
        };
        hub.set_relay(options.relay.clone());
        Ok(hub)
    }
}

/// The address others use: the bound one, or this laptop's LAN address for 0.0.0.0.
fn public_host(addr: SocketAddr) -> String {
    if !addr.ip().is_unspecified() {
        return addr.ip().to_string();
    }
    let probe = std::net::UdpSocket::bind("0.0.0.0:0").and_then(|s| s.connect("10.255.255.255:9").map(|_| s));
    match probe.and_then(|s| s.local_addr()) {
        Ok(local) if !local.ip().is_unspecified() => local.ip().to_string(),
        _ => "127.0.0.1".to_string(),
    }
}

/// A running hub.
pub struct HubHandle {
    pub addr: SocketAddr,
    /// The host participants type or scan (the LAN address when bound to all).
    pub host: String,
    pub code: String,
    /// SHA-256 of the certificate, hex; None when serving plain WebSocket.
    pub fingerprint: Option<String>,
    /// Lets a co-facilitator's app join with the facilitator's role.
    pub facilitator_token: String,
    /// The facilitator's own entry in the room's presence.
    pub awareness_id: u64,
    presence_clock: AtomicU32,
    serves_ui: bool,
    state: Arc<HubState>,
    stop: watch::Sender<bool>,
    relay: Mutex<Option<Relay>>,
    runtime: tokio::runtime::Handle,
    _advert: Option<mdns::Advert>,
}

impl HubHandle {
    /// `wss://host:port` (or `ws://` without TLS).
    pub fn url(&self) -> String {
        let scheme = if self.fingerprint.is_some() { "wss" } else { "ws" };
        format!("{scheme}://{}:{}", self.host, self.addr.port())
    }

    /// `paja://host:port?code=C&fp=HEX`: what the QR code carries.
    pub fn join_link(&self) -> String {
        let fp = self.fingerprint.as_deref().map(|f| format!("&fp={f}")).unwrap_or_default();
        format!("paja://{}:{}?code={}{fp}", self.host, self.addr.port(), self.code)
    }

    /// `http://host:port/join#code=C&key=K`: the page a browser participant opens, when
    /// this hub serves the UI. Browsers cannot pin a certificate, so the page is plain
    /// HTTP; the fragment is never sent, and its key opens the encrypted channel.
    pub fn browser_link(&self) -> Option<String> {
        let key = lock(&self.state.admission).link_key().to_string();
        self.serves_ui.then(|| format!("http://{}:{}/join#code={}&key={key}", self.host, self.addr.port(), self.code))
    }

    /// `http://host:port/lead#lead=K`: a co-facilitator's browser, with the facilitator's
    /// role. Its key proves the role through the channel; the facilitator's token never
    /// works in a browser.
    pub fn lead_link(&self) -> Option<String> {
        let key = lock(&self.state.admission).lead_key().to_string();
        self.serves_ui.then(|| format!("http://{}:{}/lead#lead={key}", self.host, self.addr.port()))
    }

    /// Everyone let in this session, once each (not the facilitator).
    pub fn members(&self) -> Vec<admission::Member> {
        lock(&self.state.admission).members()
    }

    /// Removes a person (by roster id) from the workshop: their token stops working and
    /// their connections end at once. False if nobody had that id.
    pub fn remove_person(&self, person: &str) -> bool {
        let removed = lock(&self.state.admission).remove(person);
        self.state.keep_members();
        removed
    }

    pub fn browser_qr_svg(&self) -> Result<Option<String>, SyncError> {
        self.browser_link().map(|link| qr::svg(&link)).transpose()
    }

    pub fn qr_png(&self) -> Result<Vec<u8>, SyncError> {
        qr::png(&self.join_link())
    }

    pub fn qr_svg(&self) -> Result<String, SyncError> {
        qr::svg(&self.join_link())
    }

    pub fn lobby(&self) -> Vec<LobbyEntry> {
        lock(&self.state.admission).lobby()
    }

    pub fn admit(&self, id: u64, role: Option<Role>) -> bool {
        lock(&self.state.admission).admit(id, role)
    }

    pub fn deny(&self, id: u64) -> bool {
        lock(&self.state.admission).deny(id)
    }

    pub fn set_auto_admit(&self, on: bool) {
        lock(&self.state.admission).set_auto_admit(on)
    }

    pub fn auto_admit(&self) -> bool {
        lock(&self.state.admission).auto_admit
    }

    /// Everyone present in the content room, the facilitator's own entry included.
    pub fn presence(&self) -> Vec<Presence> {
        self.state.content.presence()
    }

    /// Publishes the facilitator's own presence (name, role, board) to everyone.
    pub fn set_presence(&self, state: serde_json::Value) {
        let clock = self.presence_clock.fetch_add(1, Ordering::Relaxed) + 1;
        let entry = AwarenessUpdateEntry { clock, json: state.to_string().into() };
        let clients = [(ClientID::new(self.awareness_id), entry)].into_iter().collect();
        self.state.content.awareness_update(HUB_ITSELF, AwarenessUpdate { clients });
    }

    /// Reads the hub's own file (for its stored pictures).
    pub fn read_file<R>(&self, read: impl FnOnce(&WorkshopFile) -> R) -> R {
        read(&lock(&self.state.file))
    }

    /// How many people show presence in the content room.
    pub fn people(&self) -> usize {
        self.state.content.people()
    }

    pub fn view(&self) -> WorkshopView {
        lock(&self.state.file).view()
    }

    /// The facilitator's own edit: logged, applied and sent to everyone.
    pub fn change<R>(&self, edit: impl FnOnce(&mut Workshop) -> Result<R, ModelError>) -> Result<R, SyncError> {
        self.state.change(edit)
    }

    /// Runs a command from the facilitator's own window on the hub's laptop: logged,
    /// applied, sent to all (hidden dots and answers sealed like everyone's).
    pub fn execute(&self, command: &crate::api::Command) -> Result<crate::api::Outcome, crate::Error> {
        self.state.execute_for(&self.me(), command)
    }

    /// What only the facilitator sees on the hub's own laptop.
    pub fn local_view(&self) -> Result<crate::api::LocalView, crate::Error> {
        self.state.local_view_for(&self.me())
    }

    fn me(&self) -> admission::Member {
        admission::Member { role: Role::Facilitator, person: admission::FACILITATOR_PERSON.into(), name: String::new() }
    }

    /// Fires after every change, local or remote, so the window can redraw.
    pub fn subscribe_changes(&self) -> broadcast::Receiver<()> {
        self.state.changed.subscribe()
    }

    /// Hears every change, local or remote, as what it changed in the projection.
    pub fn subscribe_views(&self) -> broadcast::Receiver<Arc<crate::model::ViewChange>> {
        self.state.views.subscribe()
    }

    /// The whole view as a change, for a window that fell behind.
    pub fn complete_view(&self) -> Arc<crate::model::ViewChange> {
        self.state.views.complete(&self.state.file)
    }

    /// Fires when the lobby, someone's presence or the connections change (someone
    /// knocked, was let in or turned away, joined or left): read [`HubHandle::lobby`],
    /// [`HubHandle::presence`] and [`HubHandle::people`] again. Only a signal; a receiver
    /// that lags behind has missed nothing but signals, and reads the status once.
    pub fn subscribe_status(&self) -> broadcast::Receiver<()> {
        lock(&self.state.admission).status.subscribe()
    }

    /// How many sealed items wait for reveal on `board`.
    pub fn sealed_count(&self, board: &str) -> usize {
        self.state.sealed_count(board)
    }

    /// Publishes the sealed items of `board` now, under the hub's own identity, so no
    /// replica records who sent them.
    pub fn reveal(&self, board: &str) -> Result<usize, SyncError> {
        self.state.reveal(board)
    }

    /// Turns the relay to a regional server on (or over to new settings), or off with
    /// None. The room goes on whatever the relay does; its state changes fire
    /// [`HubHandle::subscribe_status`].
    pub fn set_relay(&self, settings: Option<RelaySettings>) {
        let mut relay = lock(&self.relay);
        if let Some(old) = relay.take() {
            old.stop();
        }
        let signal = lock(&self.state.admission).status.clone();
        let _entered = self.runtime.enter();
        *relay = settings.map(|settings| Relay::start(self.state.clone(), settings, signal.clone()));
        drop(relay);
        let _ = signal.send(());
    }

    /// The relay's state; None when it is off.
    pub fn relay_status(&self) -> Option<RelayStatus> {
        lock(&self.relay).as_ref().map(Relay::status)
    }

    /// Stops listening, ends every connection and compacts the update log.
    pub fn stop(&self) {
        let _ = self.stop.send(true);
        if let Some(relay) = lock(&self.relay).take() {
            relay.stop();
        }
        lock(&self.state.admission).end_session();
        self.state.keep_members();
        self.state.persistence.checkpoint(&mut lock(&self.state.file));
    }
}

impl Drop for HubHandle {
    fn drop(&mut self) {
        self.stop();
    }
}
