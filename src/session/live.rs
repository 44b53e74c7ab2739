//! [`Live`]: the open workshop of a window, alone, hosting, joined, or read from the
//! region's server.

use super::relay::{self, SavedRelay};
use super::status::{Hosting, LiveMode, LiveStatus, alone_status, hosting_now, hub_status, peer_status, reading_status};
use super::watch::{Source, watch};
use super::{HostOptions, host, join};
use crate::api::{Command, LocalView, Outcome, WorkshopFile, rules};
use crate::model::diff::VersionDiff;
use crate::model::{ViewChange, Workshop, WorkshopView};
use crate::store::VersionInfo;
use crate::sync::{HubHandle, HubOptions, PeerHandle, RelayReader, RelaySettings, RelayStatus, SyncError};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;
use tokio::task::JoinHandle;


/// What changed, for whoever redraws.
#[derive(Debug, Clone, PartialEq)]
pub enum LiveEvent {
    /// The workshop: what changed in its projection, made here or by someone else. A
    /// receiver that fell behind asks for [`Live::complete_change`].
    Changed(Arc<ViewChange>),
    /// The session's status: ask for the status again.
    Status,
}

/// A replica on its way into someone's hub: see [`Live::start_join`].
pub struct Joining {
    peer: Arc<PeerHandle>,
    me: Value,
    /// The presence of the Live that started it: only that one may finish it.
    of: Arc<Mutex<Value>>,
}

impl Joining {
    /// Waits for the hub's first answer; a refusal ends the connection and is the error.
    pub fn wait(&self) -> Result<(), SyncError> {
        join::first_answer(&self.peer).inspect_err(|_| self.peer.stop())
    }
}

enum Mode {
    Alone(WorkshopFile),
    Hosting { hub: Arc<HubHandle>, shown: Arc<Hosting> },
    Joined(Arc<PeerHandle>),
    /// A replica of a workshop on the region's server, which nothing here writes to.
    Reading(Arc<RelayReader>),
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
    /// Counts the changes sent while alone.
    revision: AtomicU64,
    /// Counts the statuses read, so the window can keep the latest.
    status_reads: AtomicU64,
}

impl Live {
    /// Starts alone with `file`; replicas of joined workshops go to `replicas`.
    pub fn new(file: WorkshopFile, replicas: &Path) -> Result<Live, SyncError> {
        Ok(Live::in_mode(file.path().to_path_buf(), Mode::Alone(file), replicas, new_runtime()?))
    }

    /// Opens the workshop on the region's server that `settings` name, to read only: its
    /// replica is kept in `replicas` and continued the next time. Waits briefly for the
    /// server's first answer, so that a refused token comes back as an error; the
    /// replica follows the server from then on, and every command sent to it is refused
    /// with `read_only_copy`.
    pub fn read_from_server(settings: RelaySettings, replicas: &Path) -> Result<Live, SyncError> {
        let path = replicas.join(relay::replica_name(&settings));
        let had_copy = path.exists();
        let file = match had_copy {
            true => WorkshopFile::open(&path)?,
            false => {
                std::fs::create_dir_all(replicas).map_err(|e| crate::Error::io(replicas, e))?;
                WorkshopFile::create(&path, Workshop::new())?
            }
        };
        let runtime = new_runtime()?;
        let reader = {
            let _inside = runtime.enter();
            Arc::new(RelayReader::start(file, settings))
        };
        if let Err(refused) = relay::first_answer(&reader, had_copy) {
            reader.stop();
            drop(reader);
            // Not dropped in place: the caller may be on another runtime's thread.
            runtime.shutdown_background();
            if !had_copy {
                relay::forget_replica(&path);
            }
            return Err(refused);
        }
        let mut live = Live::in_mode(path, Mode::Reading(reader.clone()), replicas, runtime);
        *lock(&live.me) = json!({ "name": "", "role": "observer" });
        live.watch(Source::Reader(reader))?;
        Ok(live)
    }

    fn in_mode(home: PathBuf, mode: Mode, replicas: &Path, runtime: tokio::runtime::Runtime) -> Live {
        Live {
            home,
            mode,
            replicas: replicas.to_path_buf(),
            me: Arc::new(Mutex::new(json!({ "name": "", "role": "facilitator" }))),
            runtime: Some(runtime),
            events: broadcast::channel(256).0,
            watcher: None,
            revision: AtomicU64::new(0),
            status_reads: AtomicU64::new(0),
        }
    }

    /// This person's own file, to which a session returns.
    pub fn path(&self) -> &Path {
        &self.home
    }

    /// How many changes of the open file would not apply and were set aside when it was
    /// opened; none for a joined replica.
    pub fn set_aside(&self) -> u32 {
        let count = match &self.mode {
            Mode::Alone(file) => file.set_aside_count(),
            Mode::Hosting { hub, .. } => hub.read_file(|file| file.set_aside_count()),
            Mode::Joined(_) | Mode::Reading(_) => Ok(0),
        };
        count.unwrap_or(0)
    }

    /// Copies this person's own workshop into a new file at `path` and works on that from
    /// now on, keeping joined replicas in `replicas`. A session is ended first, so the
    /// copy is always of the own file.
    pub fn save_as(&mut self, path: &Path, replicas: &Path) -> Result<(), SyncError> {
        self.writable()?;
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
            Mode::Reading(_) => LiveMode::Reading,
        }
    }

    pub fn view(&self) -> WorkshopView {
        match &self.mode {
            Mode::Alone(file) => file.view(),
            Mode::Hosting { hub, .. } => hub.view(),
            Mode::Joined(peer) => peer.view(),
            Mode::Reading(reader) => reader.view(),
        }
    }

    /// Runs one command where the workshop lives: the file, the hub (which logs and
    /// sends it to everyone) or the replica (which sends it to the hub).
    pub fn execute(&mut self, command: &Command) -> Result<Outcome, SyncError> {
        let outcome: Result<Outcome, SyncError> = match &mut self.mode {
            Mode::Alone(file) => file.execute(command).map_err(Into::into),
            Mode::Hosting { hub, .. } => {
                let name = lock(&self.me).get("name").and_then(Value::as_str).map(str::to_string);
                hub.execute(&command.signed_by(name.as_deref())).map_err(Into::into)
            }
            Mode::Joined(peer) => execute_joined(peer, command),
            Mode::Reading(_) => Err(relay::read_only()),
        };
        // Also after a refusal: a command that failed halfway may have changed something.
        self.changed_alone();
        outcome
    }

    /// Alone, tells the subscribers what the last change did (a hub or peer tells them
    /// itself, through [`Live::watch`]).
    fn changed_alone(&mut self) {
        let Mode::Alone(file) = &mut self.mode else { return };
        if let Some(mut change) = file.take_change() {
            change.revision = self.revision.fetch_add(1, Ordering::Relaxed) + 1;
            let _ = self.events.send(LiveEvent::Changed(Arc::new(change)));
        }
    }

    /// The whole projection as a change, for a subscriber that fell behind.
    pub fn complete_change(&self) -> Arc<ViewChange> {
        match &self.mode {
            Mode::Alone(file) => {
                let mut change = file.workshop().complete_change();
                change.revision = self.revision.load(Ordering::Relaxed);
                Arc::new(change)
            }
            Mode::Hosting { hub, .. } => hub.complete_view(),
            Mode::Joined(peer) => peer.complete_view(),
            Mode::Reading(reader) => reader.complete_view(),
        }
    }

    /// Reads the file where the workshop lives now: this person's own, the hub's or the replica.
    pub(super) fn read_file<R>(&self, read: impl FnOnce(&WorkshopFile) -> R) -> R {
        match &self.mode {
            Mode::Alone(file) => read(file),
            Mode::Hosting { hub, .. } => hub.read_file(read),
            Mode::Joined(peer) => peer.read_file(read),
            Mode::Reading(reader) => reader.read_file(read),
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
        self.writable()?;
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
                self.changed_alone();
            }
            Mode::Hosting { hub, .. } => {
                let view = hub.read_file(|file| file.restored_view(name))?;
                hub.change(|w| w.replace_with(&view))?;
            }
            Mode::Joined(_) => return Err(rules::plan_refusal().into()),
            Mode::Reading(_) => return Err(relay::read_only()),
        }
        Ok(())
    }

    /// What only this person sees: their role, drafts and dots.
    pub fn local_view(&self) -> Result<LocalView, SyncError> {
        Ok(match &self.mode {
            Mode::Alone(file) => LocalView::of(file.workshop(), "facilitator", None, file.drafts()?, Vec::new()),
            Mode::Hosting { hub, .. } => hub.local_view()?,
            Mode::Joined(peer) => peer.local_view()?,
            Mode::Reading(reader) => reader.read_file(|file| LocalView::of(file.workshop(), "observer", None, Vec::new(), Vec::new())),
        })
    }

    /// A stored picture as a `data:` URL.
    pub fn media(&self, hash: &str) -> Result<String, SyncError> {
        Ok(match &self.mode {
            Mode::Alone(file) => file.media_data_url(hash)?,
            Mode::Hosting { hub, .. } => hub.read_file(|file| file.media_data_url(hash))?,
            Mode::Joined(peer) => peer.read_file(|file| file.media_data_url(hash))?,
            Mode::Reading(reader) => reader.read_file(|file| file.media_data_url(hash))?,
        })
    }

    /// Shares this workshop on the room's network; this person facilitates.
    pub fn host(&mut self, options: HostOptions) -> Result<Hosting, SyncError> {
        if let Mode::Hosting { shown, .. } = &self.mode {
            return Ok((**shown).clone());
        }
        self.writable()?;
        self.leave()?;
        let me = json!({ "name": options.name, "role": "facilitator", "board": board_of(&self.me) });
        let mut hub_options = options.hub.clone();
        if let Mode::Alone(file) = &self.mode {
            hub_options.relay = hub_options.relay.or_else(|| relay::resumed(file));
        }
        let hub = Arc::new(self.start_hub(&hub_options)?);
        hub.set_presence(me.clone());
        *lock(&self.me) = me;
        let shown = Arc::new(Hosting {
            code: hub.code.clone(),
            join_link: hub.join_link(),
            qr_svg: hub.qr_svg()?,
            addresses: vec![format!("{}:{}", hub.host, hub.addr.port())],
            fingerprint: hub.fingerprint.clone(),
            lobby: Vec::new(),
            members: Vec::new(),
            auto_admit: options.hub.auto_admit,
            browser_link: hub.browser_link(),
            browser_qr_svg: hub.browser_qr_svg()?,
        });
        self.watch(Source::Hub(hub.clone(), shown.clone()))?;
        let now = hosting_now(&hub, &shown);
        self.mode = Mode::Hosting { hub, shown };
        self.changed_everything();
        Ok(now)
    }

    /// Starts the hub on this person's own file, off the caller's thread.
    fn start_hub(&self, options: &HubOptions) -> Result<HubHandle, SyncError> {
        let (runtime, home) = (self.runtime()?, self.home.as_path());
        std::thread::scope(|s| s.spawn(|| runtime.block_on(host::start_on_any_port(home, options))).join())
            .unwrap_or_else(|_| Err(SyncError::Connection("the hub could not start".into())))
    }

    /// Joins someone's hub from a `paja://` link or `host:port`, with the join code and
    /// the name others see; an observer follows without writing. Waits briefly for the
    /// hub's first answer so that a wrong code comes back as an error; the replica keeps
    /// working offline after that. The window uses [`Live::start_join`] and
    /// [`Live::finish_join`] instead, so that nothing waits while the workshop is locked.
    pub fn join(&mut self, link: &str, code: &str, name: &str, observer: bool) -> Result<LiveStatus, SyncError> {
        let joining = self.start_join(link, code, name, observer)?;
        joining.wait()?;
        self.finish_join(joining)
    }

    /// Leaves any session and connects a replica to the hub; the workshop stays this
    /// person's own until [`Live::finish_join`].
    pub fn start_join(&mut self, link: &str, code: &str, name: &str, observer: bool) -> Result<Joining, SyncError> {
        self.writable()?;
        let options = join::options(link, code, name, observer)?;
        let replica = self.replicas.join(join::replica_name(&options));
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
        let peer = {
            let _inside = self.runtime()?.enter();
            Arc::new(join::connect(file, options))
        };
        peer.set_presence(me.clone());
        Ok(Joining { peer, me, of: self.me.clone() })
    }

    /// Goes on in the joined workshop once the hub has let the replica in; refused if
    /// the window opened another workshop meanwhile.
    pub fn finish_join(&mut self, joining: Joining) -> Result<LiveStatus, SyncError> {
        if !Arc::ptr_eq(&joining.of, &self.me) {
            joining.peer.stop();
            return Err(SyncError::Connection("another workshop was opened while joining".into()));
        }
        *lock(&self.me) = joining.me;
        // A failed watch only means no redraws; the replica itself works on.
        let _ = self.watch(Source::Peer(joining.peer.clone(), self.me.clone()));
        self.mode = Mode::Joined(joining.peer);
        self.changed_everything();
        Ok(self.status())
    }

    /// Ends hosting or leaves the hub and goes back to this person's own file.
    /// A copy read from the server has no own file to go back to: it is closed instead.
    pub fn leave(&mut self) -> Result<(), SyncError> {
        match self.mode {
            Mode::Alone(_) => return Ok(()),
            Mode::Reading(_) => return Err(relay::read_only()),
            _ => {}
        }
        self.stop_session();
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
            Mode::Alone(_) | Mode::Reading(_) => {}
            Mode::Hosting { hub, .. } => hub.set_presence(state),
            Mode::Joined(peer) => peer.set_presence(state),
        }
    }

    pub fn status(&self) -> LiveStatus {
        let mut status = match &self.mode {
            Mode::Alone(_) => alone_status(),
            Mode::Hosting { hub, shown } => hub_status(hub, shown),
            Mode::Joined(peer) => peer_status(peer, &lock(&self.me)),
            Mode::Reading(reader) => reading_status(reader),
        };
        status.read = self.status_reads.fetch_add(1, Ordering::Relaxed) + 1;
        status
    }

    pub fn admit(&self, id: u64) -> bool {
        self.hub().is_some_and(|hub| hub.admit(id, None))
    }

    pub fn deny(&self, id: u64) -> bool {
        self.hub().is_some_and(|hub| hub.deny(id))
    }

    /// Removes a person from the workshop: their token stops working and they are
    /// dropped at once.
    pub fn remove_person(&self, person: &str) -> bool {
        self.hub().is_some_and(|hub| hub.remove_person(person))
    }

    pub fn set_auto_admit(&self, on: bool) {
        if let Some(hub) = self.hub() {
            hub.set_auto_admit(on);
        }
    }

    /// The relay to the region's server as kept in this person's own file, for the host
    /// dialog's form: never the token.
    pub fn relay_settings(&self) -> Result<Option<SavedRelay>, SyncError> {
        let own = |file: &WorkshopFile| file.relay_settings();
        let row = match &self.mode {
            Mode::Alone(file) => own(file)?,
            Mode::Hosting { hub, .. } => hub.read_file(own)?,
            Mode::Joined(_) | Mode::Reading(_) => None,
        };
        Ok(row.as_ref().map(SavedRelay::from))
    }

    /// While hosting, relays the published workshop to the server `settings` name (or
    /// over to them), and keeps them in the file for the next time it is shared. An
    /// empty token is the one kept. The server's answer comes in the status.
    pub fn connect_relay(&self, mut settings: RelaySettings) -> Result<(), SyncError> {
        let hub = self.hub().ok_or_else(not_sharing)?;
        let row = relay::typed(&settings.url, &settings.token, &settings.workshop, hub.read_file(|file| file.relay_settings())?);
        hub.read_file(|file| file.keep_relay_settings(Some(&row)))?;
        (settings.url, settings.token, settings.workshop) = (row.url, row.token, row.workshop);
        hub.set_relay(Some(settings));
        Ok(())
    }

    /// Stops relaying; the settings stay in the file, off, for the next time.
    pub fn disconnect_relay(&self) -> Result<(), SyncError> {
        let hub = self.hub().ok_or_else(not_sharing)?;
        if let Some(row) = hub.read_file(|file| file.relay_settings())? {
            hub.read_file(|file| file.keep_relay_settings(Some(&crate::api::RelayRow { on: false, ..row })))?;
        }
        hub.set_relay(None);
        Ok(())
    }

    /// The relay's state: hosting with it on, or reading from the server.
    pub fn relay_status(&self) -> Option<RelayStatus> {
        match &self.mode {
            Mode::Hosting { hub, .. } => hub.relay_status(),
            Mode::Reading(reader) => Some(reader.status()),
            _ => None,
        }
    }

    /// Refuses what would write to a copy read from the server.
    fn writable(&self) -> Result<(), SyncError> {
        match self.mode {
            Mode::Reading(_) => Err(relay::read_only()),
            _ => Ok(()),
        }
    }

    fn hub(&self) -> Option<&HubHandle> {
        match &self.mode {
            Mode::Hosting { hub, .. } => Some(hub),
            _ => None,
        }
    }

    /// After a change of mode: the whole view and the status. What the file had
    /// recorded as changed is in the whole view.
    fn changed_everything(&mut self) {
        if let Mode::Alone(file) = &mut self.mode {
            file.forget_changes();
        }
        let _ = self.events.send(LiveEvent::Changed(self.complete_change()));
        let _ = self.events.send(LiveEvent::Status);
    }

    /// Passes the hub's or peer's changes on, and looks for status changes.
    fn watch(&mut self, source: Source) -> Result<(), SyncError> {
        let events = self.events.clone();
        // Heard from now on, so no change made after the next whole view is missed.
        let changes = source.changes();
        self.watcher = Some(self.runtime()?.spawn(watch(source, changes, events)));
        Ok(())
    }

    /// The runtime the hub and peer run on; gone only while Live is being dropped.
    fn runtime(&self) -> Result<&tokio::runtime::Runtime, SyncError> {
        self.runtime.as_ref().ok_or_else(|| SyncError::Connection("the live session has ended".into()))
    }
}

impl Live {
    /// Stops passing changes on, and stops the hub or the peer.
    fn stop_session(&mut self) {
        if let Some(watcher) = self.watcher.take() {
            watcher.abort();
        }
        match &self.mode {
            Mode::Hosting { hub, .. } => hub.stop(),
            Mode::Joined(peer) => peer.stop(),
            Mode::Reading(reader) => reader.stop(),
            Mode::Alone(_) => {}
        }
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.stop_session();
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

fn new_runtime() -> Result<tokio::runtime::Runtime, SyncError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("paja-live")
        .enable_all()
        .build()
        .map_err(|e| SyncError::Connection(format!("no async runtime ({e})")))
}

fn not_sharing() -> SyncError {
    SyncError::Connection("the workshop is not shared, so there is nothing to relay".into())
}

/// A joined command: the peer checks this person's role and the session's rules first.
fn execute_joined(peer: &PeerHandle, command: &Command) -> Result<Outcome, SyncError> {
    Ok(peer.execute(command)?)
}

fn board_of(me: &Mutex<Value>) -> Value {
    lock(me).get("board").cloned().unwrap_or(Value::Null)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
