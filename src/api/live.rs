//! The open workshop of a window, in one of three modes: alone (its own file), hosting
//! (a hub; this person facilitates) or joined (a replica that syncs with someone's hub).
//! [`Live`] routes every command to whoever owns the workshop in that mode, projects the
//! session's status for the status indicator, and tells its subscribers when the
//! workshop or the status changed, whether the change was made here or by someone else.
//!
//! Live runs the hub and the peer on its own tokio runtime, so its callers need none,
//! and it never blocks on that runtime from the caller's thread.

mod export;

use super::{Command, LocalView, Outcome, WorkshopFile, rules};
use crate::model::diff::VersionDiff;
use crate::model::{Workshop, WorkshopView};
use crate::store::VersionInfo;
use crate::sync::mdns;
use crate::sync::{Hub, HubHandle, HubOptions, Peer, PeerHandle, PeerOptions, PeerStatus, Presence, SyncError};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::broadcast;
use tokio::task::JoinHandle;
use ts_rs::TS;

/// How often the status is looked at for presence and lobby changes, which have no event.
const STATUS_POLL: Duration = Duration::from_millis(250);
/// How long [`Live::join`] waits for the hub's first answer before it returns.
const FIRST_ANSWER: Duration = Duration::from_secs(8);

/// What changed, for whoever redraws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiveEvent {
    /// The workshop: ask for the view again.
    Changed,
    /// The session's status: ask for the status again.
    Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LiveMode {
    Alone,
    Hosting,
    Joined,
}

/// The link to the others, as the status indicator shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Connection {
    /// Not sharing: nobody to be connected to.
    Alone,
    Connecting,
    /// Waiting for the facilitator to let us in.
    Lobby,
    Connected,
    Reconnecting,
    Offline,
    Refused,
}

/// One person present, and the board they have open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PresenceEntry {
    pub name: String,
    pub role: String,
    pub board: Option<String>,
    /// This window's own person.
    pub me: bool,
}

/// Someone waiting to be let in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LobbyPerson {
    #[ts(type = "number")]
    pub id: u64,
    pub name: String,
}

/// What the host shows so that others can join.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Hosting {
    pub code: String,
    /// `paja://host:port?code=C&fp=HEX`, what the QR code carries.
    pub join_link: String,
    pub qr_svg: String,
    /// `host:port` others type.
    pub addresses: Vec<String>,
    pub fingerprint: Option<String>,
    pub lobby: Vec<LobbyPerson>,
    pub auto_admit: bool,
    /// `http://host:port/join?code=C` for browser participants, and its QR code, when
    /// this app can serve them the UI (the facilitator still has to let browsers in).
    pub browser_link: Option<String>,
    pub browser_qr_svg: Option<String>,
}

/// The session as the header, the presence list and the dialogs show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LiveStatus {
    pub mode: LiveMode,
    /// facilitator, participant or observer; None when alone or not yet let in.
    pub role: Option<String>,
    pub connection: Connection,
    /// Why the hub refused us: the UI shows the sentence for its code.
    pub refusal: Option<crate::Failure>,
    /// Everyone present, this person included.
    pub people: u32,
    pub presence: Vec<PresenceEntry>,
    pub hosting: Option<Hosting>,
}

/// A hub found on the room's network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FoundHub {
    /// `host:port`.
    pub address: String,
    /// The link to join it with, code left for the person to type.
    pub link: String,
}

/// How to host: where to listen, and whether newcomers wait in the lobby.
#[derive(Debug, Clone)]
pub struct HostOptions {
    pub bind: SocketAddr,
    pub auto_admit: bool,
    /// Advertise on the room's network so that others find the hub.
    pub mdns: bool,
    pub name: String,
    /// The built UI to serve to browser participants.
    pub ui_dir: Option<std::path::PathBuf>,
}

impl Default for HostOptions {
    fn default() -> HostOptions {
        HostOptions { bind: SocketAddr::from(([0, 0, 0, 0], 7070)), auto_admit: false, mdns: true, name: String::new(), ui_dir: None }
    }
}

enum Mode {
    Alone(WorkshopFile),
    Hosting { hub: Arc<HubHandle>, shown: Arc<Hosting> },
    Joined(Arc<PeerHandle>),
}

/// The open workshop in its current mode. See the module documentation.
pub struct Live {
    mode: Mode,
    /// This person's own file, to which leaving a session returns.
    home: PathBuf,
    /// Where replicas of joined workshops are kept.
    replicas: PathBuf,
    /// This person's presence: name, role and board.
    me: Arc<Mutex<Value>>,
    runtime: Option<tokio::runtime::Runtime>,
    events: broadcast::Sender<LiveEvent>,
    watcher: Option<JoinHandle<()>>,
}

impl Live {
    /// Starts alone with `file`; replicas of joined workshops go to `replicas`.
    pub fn new(file: WorkshopFile, replicas: &Path) -> Result<Live, SyncError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("paja-live")
            .enable_all()
            .build()
            .map_err(|e| SyncError::Connection(format!("no async runtime ({e})")))?;
        Ok(Live {
            home: file.path().to_path_buf(),
            mode: Mode::Alone(file),
            replicas: replicas.to_path_buf(),
            me: Arc::new(Mutex::new(json!({ "name": "", "role": "facilitator" }))),
            runtime: Some(runtime),
            events: broadcast::channel(256).0,
            watcher: None,
        })
    }

    /// This person's own file, to which a session returns.
    pub fn path(&self) -> &Path {
        &self.home
    }

    /// Copies this person's own workshop into a new file at `path` and works on that from
    /// now on, keeping joined replicas in `replicas`. A session is ended first, so the
    /// copy is always of the own file.
    pub fn save_as(&mut self, path: &Path, replicas: &Path) -> Result<(), SyncError> {
        self.leave()?;
        if let Mode::Alone(file) = &mut self.mode {
            file.save_as(path)?;
        }
        self.home = path.to_path_buf();
        self.replicas = replicas.to_path_buf();
        Ok(())
    }

    /// Hears every change of the workshop and of the session's status from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<LiveEvent> {
        self.events.subscribe()
    }

    pub fn mode(&self) -> LiveMode {
        match self.mode {
            Mode::Alone(_) => LiveMode::Alone,
            Mode::Hosting { .. } => LiveMode::Hosting,
            Mode::Joined(_) => LiveMode::Joined,
        }
    }

    pub fn view(&self) -> WorkshopView {
        match &self.mode {
            Mode::Alone(file) => file.view(),
            Mode::Hosting { hub, .. } => hub.view(),
            Mode::Joined(peer) => peer.view(),
        }
    }

    /// Runs one command where the workshop lives: the file, the hub (which logs and
    /// sends it to everyone) or the replica (which sends it to the hub).
    pub fn execute(&mut self, command: &Command) -> Result<Outcome, SyncError> {
        let outcome = match &mut self.mode {
            Mode::Alone(file) => file.execute(command)?,
            Mode::Hosting { hub, .. } => {
                let name = lock(&self.me).get("name").and_then(Value::as_str).map(str::to_string);
                hub.execute(&command.signed_by(name.as_deref()))?
            }
            Mode::Joined(peer) => execute_joined(peer, command)?,
        };
        if let Mode::Alone(_) = self.mode {
            let _ = self.events.send(LiveEvent::Changed);
        }
        Ok(outcome)
    }

    /// Reads the file where the workshop lives now: this person's own, the hub's or the replica.
    fn read_file<R>(&self, read: impl FnOnce(&WorkshopFile) -> R) -> R {
        match &self.mode {
            Mode::Alone(file) => read(file),
            Mode::Hosting { hub, .. } => hub.read_file(read),
            Mode::Joined(peer) => peer.read_file(read),
        }
    }

    /// The named versions of the file the workshop lives in now, oldest first.
    pub fn versions(&self) -> Result<Vec<VersionInfo>, SyncError> {
        Ok(self.read_file(|file| file.versions())?)
    }

    /// What changed on each operating model after each of its closed rounds.
    pub fn round_changes(&self) -> Result<Vec<crate::export::RoundChanges>, SyncError> {
        Ok(self.read_file(|file| file.round_changes(&file.view()))?)
    }

    pub fn create_version(&self, name: &str) -> Result<(), SyncError> {
        Ok(self.read_file(|file| file.create_version(name))?)
    }

    /// What changed from one version to another (`None`: the workshop as it is now).
    pub fn compare_versions(&self, from: Option<&str>, to: Option<&str>) -> Result<VersionDiff, SyncError> {
        Ok(self.read_file(|file| file.compare_versions(from, to))?)
    }

    /// Brings the workshop back to a version by ordinary edits: when hosting, everyone's
    /// replica follows. Someone who joined cannot restore, as that changes the plan.
    pub fn restore_version(&mut self, name: &str) -> Result<(), SyncError> {
        match &mut self.mode {
            Mode::Alone(file) => {
                file.restore_version(name)?;
                let _ = self.events.send(LiveEvent::Changed);
            }
            Mode::Hosting { hub, .. } => {
                let view = hub.read_file(|file| file.restored_view(name))?;
                hub.change(|w| w.replace_with(&view))?;
            }
            Mode::Joined(_) => return Err(rules::plan_refusal().into()),
        }
        Ok(())
    }

    /// What only this person sees: their role, drafts and dots.
    pub fn local_view(&self) -> Result<LocalView, SyncError> {
        Ok(match &self.mode {
            Mode::Alone(file) => LocalView::of(file.workshop(), "facilitator", None, file.drafts()?, Vec::new()),
            Mode::Hosting { hub, .. } => hub.local_view()?,
            Mode::Joined(peer) => peer.local_view()?,
        })
    }

    /// A stored picture as a `data:` URL.
    pub fn media(&self, hash: &str) -> Result<String, SyncError> {
        Ok(match &self.mode {
            Mode::Alone(file) => file.media_data_url(hash)?,
            Mode::Hosting { hub, .. } => hub.read_file(|file| file.media_data_url(hash))?,
            Mode::Joined(peer) => peer.read_file(|file| file.media_data_url(hash))?,
        })
    }

    /// Shares this workshop on the room's network; this person facilitates.
    pub fn host(&mut self, options: HostOptions) -> Result<Hosting, SyncError> {
        if let Mode::Hosting { shown, .. } = &self.mode {
            return Ok((**shown).clone());
        }
        self.leave()?;
        let me = json!({ "name": options.name, "role": "facilitator", "board": board_of(&self.me) });
        let hub = Arc::new(self.start_hub(&options)?);
        hub.set_presence(me.clone());
        *lock(&self.me) = me;
        let shown = Arc::new(Hosting {
            code: hub.code.clone(),
            join_link: hub.join_link(),
            qr_svg: hub.qr_svg()?,
            addresses: vec![format!("{}:{}", hub.host, hub.addr.port())],
            fingerprint: hub.fingerprint.clone(),
            lobby: Vec::new(),
            auto_admit: options.auto_admit,
            browser_link: hub.browser_link(),
            browser_qr_svg: hub.browser_qr_svg()?,
        });
        self.watch(Source::Hub(hub.clone(), shown.clone()))?;
        let now = hosting_now(&hub, &shown);
        self.mode = Mode::Hosting { hub, shown };
        self.changed_everything();
        Ok(now)
    }

    /// Starts the hub on the file, on the asked port or, if that is taken, on any port.
    fn start_hub(&self, options: &HostOptions) -> Result<HubHandle, SyncError> {
        let hub_options = |bind| HubOptions {
            bind,
            auto_admit: options.auto_admit,
            mdns: options.mdns,
            ui_dir: options.ui_dir.clone(),
            ..HubOptions::default()
        };
        let runtime = self.runtime()?;
        let start = |bind: SocketAddr| -> Result<HubHandle, SyncError> {
            let file = WorkshopFile::open(&self.home)?;
            let options = hub_options(bind);
            std::thread::scope(|s| s.spawn(|| runtime.block_on(Hub::start(file, options))).join())
                .unwrap_or_else(|_| Err(SyncError::Connection("the hub could not start".into())))
        };
        match start(options.bind) {
            Err(SyncError::Listen { .. }) if options.bind.port() != 0 => start(SocketAddr::new(options.bind.ip(), 0)),
            other => other,
        }
    }

    /// Joins someone's hub from a `paja://` link or `host:port`, with the join code and
    /// the name others see; an observer follows without writing. Waits briefly for the hub's first answer so that a wrong code
    /// comes back as an error; the replica keeps working offline after that.
    pub fn join(&mut self, link: &str, code: &str, name: &str, observer: bool) -> Result<LiveStatus, SyncError> {
        let mut options = PeerOptions::from_link(link.trim())?;
        options.observer = observer;
        if !code.trim().is_empty() {
            options.code = Some(code.trim().to_uppercase());
        }
        options.name = name.trim().to_string();
        let replica = self.replicas.join(replica_name(&options));
        self.leave()?;
        let file = match replica.exists() {
            true => WorkshopFile::open(&replica)?,
            false => {
                std::fs::create_dir_all(&self.replicas).map_err(|e| crate::Error::io(&self.replicas, e))?;
                WorkshopFile::create(&replica, Workshop::new())?
            }
        };
        let role = if observer { "observer" } else { "participant" };
        let me = json!({ "name": options.name, "role": role, "board": board_of(&self.me) });
        let runtime = self.runtime()?;
        let peer = {
            let _inside = runtime.enter();
            Arc::new(Peer::connect(file, options))
        };
        peer.set_presence(me.clone());
        *lock(&self.me) = me;
        if let PeerStatus::Refused { reason } = first_answer(&peer) {
            peer.stop();
            return Err(SyncError::Refused(reason));
        }
        self.watch(Source::Peer(peer.clone(), self.me.clone()))?;
        self.mode = Mode::Joined(peer);
        self.changed_everything();
        Ok(self.status())
    }

    /// Ends hosting or leaves the hub and goes back to this person's own file.
    pub fn leave(&mut self) -> Result<(), SyncError> {
        if let Mode::Alone(_) = self.mode {
            return Ok(());
        }
        if let Some(watcher) = self.watcher.take() {
            watcher.abort();
        }
        match &self.mode {
            Mode::Hosting { hub, .. } => hub.stop(),
            Mode::Joined(peer) => peer.stop(),
            Mode::Alone(_) => {}
        }
        self.mode = Mode::Alone(WorkshopFile::open(&self.home)?);
        self.changed_everything();
        Ok(())
    }

    /// Tells the others which board this person has open (None: the workshop's home).
    pub fn set_presence(&self, board: Option<&str>) {
        let state = {
            let mut me = lock(&self.me);
            me["board"] = board.map_or(Value::Null, |b| json!(b));
            me.clone()
        };
        match &self.mode {
            Mode::Alone(_) => {}
            Mode::Hosting { hub, .. } => hub.set_presence(state),
            Mode::Joined(peer) => peer.set_presence(state),
        }
    }

    pub fn status(&self) -> LiveStatus {
        match &self.mode {
            Mode::Alone(_) => alone_status(),
            Mode::Hosting { hub, shown } => hub_status(hub, shown),
            Mode::Joined(peer) => peer_status(peer, &lock(&self.me)),
        }
    }

    pub fn admit(&self, id: u64) -> bool {
        self.hub().is_some_and(|hub| hub.admit(id, None))
    }

    pub fn deny(&self, id: u64) -> bool {
        self.hub().is_some_and(|hub| hub.deny(id))
    }

    pub fn set_auto_admit(&self, on: bool) {
        if let Some(hub) = self.hub() {
            hub.set_auto_admit(on);
        }
    }

    fn hub(&self) -> Option<&HubHandle> {
        match &self.mode {
            Mode::Hosting { hub, .. } => Some(hub),
            _ => None,
        }
    }

    fn changed_everything(&self) {
        let _ = self.events.send(LiveEvent::Changed);
        let _ = self.events.send(LiveEvent::Status);
    }

    /// Passes the hub's or peer's changes on, and looks for status changes.
    fn watch(&mut self, source: Source) -> Result<(), SyncError> {
        let events = self.events.clone();
        self.watcher = Some(self.runtime()?.spawn(watch(source, events)));
        Ok(())
    }

    /// The runtime the hub and peer run on; gone only while Live is being dropped.
    fn runtime(&self) -> Result<&tokio::runtime::Runtime, SyncError> {
        self.runtime.as_ref().ok_or_else(|| SyncError::Connection("the live session has ended".into()))
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        if let Some(watcher) = self.watcher.take() {
            watcher.abort();
        }
        match &self.mode {
            Mode::Hosting { hub, .. } => hub.stop(),
            Mode::Joined(peer) => peer.stop(),
            Mode::Alone(_) => {}
        }
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

/// Looks for hubs on the room's network for up to `wait`.
pub fn find_hubs(wait: Duration) -> Vec<FoundHub> {
    let mut found: Vec<FoundHub> = mdns::browse(wait)
        .into_iter()
        .map(|hub| {
            let address = format!("{}:{}", hub.host, hub.port);
            let fp = hub.fingerprint.map(|f| format!("?fp={f}")).unwrap_or_default();
            FoundHub { link: format!("paja://{address}{fp}"), address }
        })
        .collect();
    found.dedup();
    found
}

/// A joined command: the peer checks this person's role and the session's rules first.
fn execute_joined(peer: &PeerHandle, command: &Command) -> Result<Outcome, SyncError> {
    Ok(peer.execute(command)?)
}

/// The replica's file name: one per hub (by its certificate, else its address), so that
/// joining the same workshop again continues the same replica.
fn replica_name(options: &PeerOptions) -> String {
    let key = options.fingerprint.as_deref().map(|fp| fp.chars().take(16).collect()).unwrap_or_else(|| options.address.clone());
    let key: String = key.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("joined-{key}.paja")
}

/// Waits until the hub has answered (or [`FIRST_ANSWER`] has passed) and says how.
fn first_answer(peer: &PeerHandle) -> PeerStatus {
    let until = Instant::now() + FIRST_ANSWER;
    loop {
        let status = peer.status();
        if !matches!(status, PeerStatus::Connecting) || Instant::now() >= until {
            return status;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn board_of(me: &Mutex<Value>) -> Value {
    lock(me).get("board").cloned().unwrap_or(Value::Null)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

enum Source {
    Hub(Arc<HubHandle>, Arc<Hosting>),
    Peer(Arc<PeerHandle>, Arc<Mutex<Value>>),
}

impl Source {
    fn status(&self) -> LiveStatus {
        match self {
            Source::Hub(hub, shown) => hub_status(hub, shown),
            Source::Peer(peer, me) => peer_status(peer, &lock(me)),
        }
    }

    fn changes(&self) -> broadcast::Receiver<()> {
        match self {
            Source::Hub(hub, _) => hub.subscribe_changes(),
            Source::Peer(peer, _) => peer.subscribe_changes(),
        }
    }
}

async fn watch(source: Source, events: broadcast::Sender<LiveEvent>) {
    let mut changes = source.changes();
    let mut tick = tokio::time::interval(STATUS_POLL);
    let mut last = source.status();
    loop {
        tokio::select! {
            change = changes.recv() => match change {
                Ok(()) | Err(broadcast::error::RecvError::Lagged(_)) => {
                    let _ = events.send(LiveEvent::Changed);
                }
                Err(broadcast::error::RecvError::Closed) => return,
            },
            _ = tick.tick() => {
                let now = source.status();
                if now != last {
                    last = now;
                    let _ = events.send(LiveEvent::Status);
                }
            }
        }
    }
}

fn alone_status() -> LiveStatus {
    LiveStatus {
        mode: LiveMode::Alone,
        role: None,
        connection: Connection::Alone,
        refusal: None,
        people: 1,
        presence: Vec::new(),
        hosting: None,
    }
}

fn hub_status(hub: &HubHandle, shown: &Hosting) -> LiveStatus {
    let presence = hub.presence();
    let mut people: Vec<PresenceEntry> = presence.iter().map(|p| presence_entry(p, p.client == hub.awareness_id)).collect();
    sort_people(&mut people);
    LiveStatus {
        mode: LiveMode::Hosting,
        role: Some("facilitator".into()),
        connection: Connection::Connected,
        refusal: None,
        people: people.len().max(1) as u32,
        presence: people,
        hosting: Some(hosting_now(hub, shown)),
    }
}

fn hosting_now(hub: &HubHandle, shown: &Hosting) -> Hosting {
    let lobby = hub.lobby().into_iter().map(|e| LobbyPerson { id: e.id, name: e.name }).collect();
    Hosting { lobby, auto_admit: hub.auto_admit(), ..shown.clone() }
}

fn peer_status(peer: &PeerHandle, me: &Value) -> LiveStatus {
    let (connection, refusal, people) = match peer.status() {
        PeerStatus::Connecting => (Connection::Connecting, None, 1),
        PeerStatus::Lobby => (Connection::Lobby, None, 1),
        PeerStatus::Connected { people } => (Connection::Connected, None, people),
        PeerStatus::Reconnecting { .. } => (Connection::Reconnecting, None, 1),
        PeerStatus::Offline => (Connection::Offline, None, 1),
        PeerStatus::Refused { reason } => (Connection::Refused, Some(reason), 1),
    };
    let role = peer.role().and_then(|r| serde_json::to_value(r).ok()).and_then(|r| r.as_str().map(String::from));
    let mine = Presence { client: 0, state: json!({ "name": me["name"], "role": role.clone().unwrap_or_else(|| "participant".into()), "board": me["board"] }) };
    let mut presence: Vec<PresenceEntry> = peer.presence().iter().map(|p| presence_entry(p, false)).collect();
    presence.push(presence_entry(&mine, true));
    sort_people(&mut presence);
    LiveStatus { mode: LiveMode::Joined, role, connection, refusal, people: people as u32, presence, hosting: None }
}

fn presence_entry(presence: &Presence, me: bool) -> PresenceEntry {
    let text = |key: &str| presence.state.get(key).and_then(Value::as_str).map(str::to_string);
    PresenceEntry {
        name: text("name").unwrap_or_default(),
        role: text("role").unwrap_or_else(|| "participant".into()),
        board: text("board"),
        me,
    }
}

/// This person first, then the facilitator, then everyone else by name.
fn sort_people(people: &mut [PresenceEntry]) {
    people.sort_by(|a, b| {
        (!a.me, a.role != "facilitator", a.name.to_lowercase()).cmp(&(!b.me, b.role != "facilitator", b.name.to_lowercase()))
    });
}
