//! `cargo bench --bench relay`: N hubs, each relaying a workshop with a live session, to
//! one regional Hocuspocus process (`relay/server.mjs`, `npm ci` in `relay/` first) on
//! this machine, for N = 1, 13 and 50 (the 13 groups of one region, and a larger one).
//!
//! Each room is a real hub (`Hub::start` on its own file, loopback, no mDNS) relayed with
//! `set_relay`; 10 simulated participants each add or edit one of their cards every 2 s
//! (through `hub.execute`, at a steady rate with random phases), each text carrying a
//! marker. A remote reader per room (`RelayReader`, a read-only token) watches its
//! projection for the markers: latency is from the command until the edited text is in
//! the reader's view, so it includes the hub's publishing debounce, the server's fan-out
//! and both TLS links. The hubs and readers reach the server through counting TCP relays
//! in this process, for the bytes into the server and out to the readers.
//!
//! Each N runs on a fresh server; its memory (VmRSS at the end, VmHWM the peak) and CPU
//! time come from `/proc`. Then the reference: the same rooms, rate and markers written
//! and read by Hocuspocus's own Node provider (`benches/relay-reference.mjs`), which
//! shows what the server costs without Paja's hubs in the way. The bench only prints: it
//! never fails on time.

use paja::api::{Command, WorkshopFile};
use paja::model::Workshop;
use paja::sync::{Hub, HubHandle, HubOptions, RelayReader, RelaySettings, RelayState, RelayTrust};
use serde_json::json;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::broadcast::error::RecvError;

const ROOMS: [usize; 3] = [1, 13, 50];
const PEOPLE: usize = 10;
const EDIT_EVERY: Duration = Duration::from_secs(2);
/// A person's own cards; after that they edit them again.
const CARDS_EACH: usize = 6;
const RUN: Duration = Duration::from_secs(20);
/// How long stragglers may take after a run before they count as lost.
const DRAIN: Duration = Duration::from_secs(5);
const GIVE_UP: Duration = Duration::from_secs(90);
const DOCUMENT: &str = "ryhma";

// ---------------------------------------------------------------------------------------
// The server

/// A CA and a certificate for 127.0.0.1 signed by it, as PEM: the server's, and the
/// trust the hubs and readers are given.
struct Certificates {
    ca: String,
    cert: String,
    key: String,
}

impl Certificates {
    fn new() -> Certificates {
        use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair};
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params.distinguished_name.push(DnType::CommonName, "Paja relay bench CA");
        let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().expect("CA key")).expect("CA certificate");
        let key = KeyPair::generate().expect("server key");
        let params = CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()]).expect("params");
        let cert = params.signed_by(&key, &ca).expect("server certificate");
        Certificates { ca: ca.pem(), cert: cert.pem(), key: key.serialize_pem() }
    }
}

/// `relay/server.mjs` on loopback, killed when dropped.
struct RelayServer {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl RelayServer {
    /// None, with the reason printed, when the server is not installed.
    fn start(certificates: &Certificates, rooms: usize) -> Option<RelayServer> {
        let relay = Path::new(env!("CARGO_MANIFEST_DIR")).join("relay");
        if !relay.join("node_modules/@hocuspocus/server").exists() {
            println!("relay: relay/node_modules is missing; run `npm ci` in relay/ (make deps does)");
            return None;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let mut tokens = serde_json::Map::new();
        for room in 0..rooms {
            tokens.insert(hub_token(room), json!({ "documents": [document(room)], "access": "write" }));
        }
        tokens.insert("staff".into(), json!({ "documents": ["*"], "access": "read" }));
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).expect("server file");
        write("tokens.json", &serde_json::Value::Object(tokens).to_string());
        write("cert.pem", &certificates.cert);
        write("key.pem", &certificates.key);
        let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
        let mut child = Process::new("node")
            .arg(relay.join("server.mjs"))
            .args(["--port", "0", "--host", "127.0.0.1", "--db", &path("relay.sqlite"), "--tokens", &path("tokens.json")])
            .args(["--cert", &path("cert.pem"), "--key", &path("key.pem")])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("node starts the relay server");
        let line = BufReader::new(child.stdout.take().expect("stdout")).lines().map_while(Result::ok).next();
        let port = line.as_deref().and_then(|l| l.strip_prefix("listening ")).and_then(|p| p.parse().ok());
        let Some(port) = port else {
            println!("relay: the server did not start ({line:?})");
            let _ = child.kill();
            let _ = child.wait();
            return None;
        };
        Some(RelayServer { child, port, dir })
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn db_bytes(&self) -> u64 {
        std::fs::metadata(self.dir.path().join("relay.sqlite")).map(|m| m.len()).unwrap_or(0)
    }
}

impl Drop for RelayServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn document(room: usize) -> String {
    format!("{DOCUMENT}-{}", room + 1)
}

fn hub_token(room: usize) -> String {
    format!("hub-{}", room + 1)
}

/// What `/proc` says about a process: memory in KiB and CPU time in seconds.
#[derive(Clone, Copy, Default)]
struct ProcessFigures {
    rss_kib: u64,
    hwm_kib: u64,
    cpu_s: f64,
}

impl ProcessFigures {
    fn of(pid: u32) -> ProcessFigures {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let field = |name: &str| {
            status.lines().find_map(|l| l.strip_prefix(name)).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        };
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
        let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
        let ticks: Vec<f64> = after.split_whitespace().skip(11).take(2).filter_map(|t| t.parse().ok()).collect();
        // SAFETY: sysconf only reads a constant of the system.
        let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
        ProcessFigures {
            rss_kib: field("VmRSS:").unwrap_or(0),
            hwm_kib: field("VmHWM:").unwrap_or(0),
            cpu_s: ticks.iter().sum::<f64>() / per_second,
        }
    }
}

/// A TCP relay in front of the server that counts the bytes each way.
#[derive(Default)]
struct Counted {
    up: AtomicU64,
    down: AtomicU64,
}

async fn counting_relay(server: u16) -> (u16, Arc<Counted>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("the counting relay listens");
    let port = listener.local_addr().expect("address").port();
    let counted = Arc::new(Counted::default());
    let counts = counted.clone();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let Ok(upstream) = TcpStream::connect(SocketAddr::from(([127, 0, 0, 1], server))).await else { continue };
            let _ = (client.set_nodelay(true), upstream.set_nodelay(true));
            let (client_read, client_write) = client.into_split();
            let (server_read, server_write) = upstream.into_split();
            let c = counts.clone();
            tokio::spawn(async move { pipe(client_read, server_write, &c.up).await });
            let c = counts.clone();
            tokio::spawn(async move { pipe(server_read, client_write, &c.down).await });
        }
    });
    (port, counted)
}

async fn pipe(mut from: tokio::net::tcp::OwnedReadHalf, mut to: tokio::net::tcp::OwnedWriteHalf, count: &AtomicU64) {
    let mut buf = vec![0u8; 64 * 1024];
    while let Ok(n) = from.read(&mut buf).await {
        if n == 0 || to.write_all(&buf[..n]).await.is_err() {
            break;
        }
        count.fetch_add(n as u64, Ordering::Relaxed);
    }
    let _ = to.shutdown().await;
}

// ---------------------------------------------------------------------------------------
// Markers: every edit's text ends in `#e<seq>;`, unique within its room.

/// The edits of one room on their way to its reader.
#[derive(Default)]
struct Tracker {
    sent: Mutex<HashMap<u64, Instant>>,
    latencies_ms: Mutex<Vec<f64>>,
    edits: AtomicUsize,
}

impl Tracker {
    fn sent(&self, seq: u64) {
        self.sent.lock().unwrap().insert(seq, Instant::now());
        self.edits.fetch_add(1, Ordering::Relaxed);
    }

    /// Takes in the markers of a piece of the reader's view.
    fn seen(&self, text: &str) {
        let now = Instant::now();
        let mut sent = self.sent.lock().unwrap();
        if sent.is_empty() {
            return;
        }
        for seq in markers(text) {
            if let Some(at) = sent.remove(&seq) {
                self.latencies_ms.lock().unwrap().push((now - at).as_secs_f64() * 1000.0);
            }
        }
    }

    fn waiting(&self) -> usize {
        self.sent.lock().unwrap().len()
    }
}

fn markers(text: &str) -> impl Iterator<Item = u64> + '_ {
    text.split("#e").skip(1).filter_map(|rest| rest.split_once(';').and_then(|(n, _)| n.parse().ok()))
}

// ---------------------------------------------------------------------------------------
// A room: a hub relaying, its participants, and a remote reader.

struct Room {
    hub: Arc<HubHandle>,
    reader: Arc<RelayReader>,
    tracker: Arc<Tracker>,
    board: String,
}

fn settings(port: u16, token: String, workshop: String, certificates: &Certificates) -> RelaySettings {
    let trust = RelayTrust::Pem(certificates.ca.clone().into_bytes());
    RelaySettings { url: format!("wss://127.0.0.1:{port}"), token, workshop, trust }
}

async fn open_room(room: usize, dir: &Path, uplink: u16, downlink: u16, certificates: &Certificates) -> Room {
    let file = WorkshopFile::create(&dir.join(format!("hub-{room}.paja")), Workshop::new()).expect("the hub's file");
    let options = HubOptions { bind: SocketAddr::from(([127, 0, 0, 1], 0)), tls: false, mdns: false, ..HubOptions::default() };
    let hub = Hub::start(file, options).await.expect("the hub starts");
    let board = execute(&hub, json!({ "cmd": "create_board", "kind": "free", "title": "Ideat", "session_id": null, "starter": false }))
        .expect("a board's id");
    hub.set_relay(Some(settings(uplink, hub_token(room), document(room), certificates)));
    let copy = WorkshopFile::create(&dir.join(format!("reader-{room}.paja")), Workshop::new()).expect("the reader's file");
    let reader = Arc::new(RelayReader::start(copy, settings(downlink, "staff".into(), document(room), certificates)));
    let tracker = Arc::new(Tracker::default());
    tokio::spawn(watch_reader(Arc::downgrade(&reader), tracker.clone()));
    Room { hub: Arc::new(hub), reader, tracker, board }
}

fn execute(hub: &HubHandle, command: serde_json::Value) -> Option<String> {
    let command: Command = serde_json::from_value(command).expect("a well-formed command");
    hub.execute(&command).expect("the facilitator's command runs").id
}

/// Looks for markers in every change of the reader's view; one that fell behind looks
/// in the whole view instead.
async fn watch_reader(reader: std::sync::Weak<RelayReader>, tracker: Arc<Tracker>) {
    let Some(mut views) = reader.upgrade().map(|r| r.subscribe_views()) else { return };
    loop {
        let change = match views.recv().await {
            Ok(change) => change,
            Err(RecvError::Lagged(_)) => match reader.upgrade() {
                Some(reader) => reader.complete_view(),
                None => return,
            },
            Err(RecvError::Closed) => return,
        };
        tracker.seen(&serde_json::to_string(&change.boards).unwrap_or_default());
    }
}

fn connected(rooms: &[Room]) -> bool {
    rooms.iter().all(|r| {
        r.hub.relay_status().is_some_and(|s| s.state == RelayState::Connected) && r.reader.status().state == RelayState::Connected
    })
}

/// The room's participants on one thread: each person adds a card, or edits one of
/// their own, every `EDIT_EVERY`, from a random phase.
fn participants(room: &Room, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<()> {
    let (hub, tracker, board) = (room.hub.clone(), room.tracker.clone(), room.board.clone());
    let runtime = tokio::runtime::Handle::current();
    std::thread::spawn(move || {
        let _entered = runtime.enter();
        let start = Instant::now();
        let mut due: Vec<Duration> = (0..PEOPLE).map(|_| EDIT_EVERY.mul_f64(rand::random_range(0.0..1.0))).collect();
        let mut cards: Vec<Vec<String>> = vec![Vec::new(); PEOPLE];
        let mut seq = 0u64;
        while !stop.load(Ordering::Relaxed) {
            let (person, at) = due.iter().enumerate().min_by_key(|(_, d)| **d).map(|(p, d)| (p, *d)).expect("people");
            std::thread::sleep(at.saturating_sub(start.elapsed()));
            if stop.load(Ordering::Relaxed) {
                break;
            }
            seq += 1;
            let text = format!("Osallistuja {} ehdottaa: asiakas saa vastauksen samana päivänä #e{seq};", person + 1);
            tracker.sent(seq);
            let own = &mut cards[person];
            if own.len() < CARDS_EACH {
                let id = execute(&hub, json!({ "cmd": "add_item", "board": board, "item": { "type": "FreeCard", "text": text } }));
                own.extend(id);
            } else {
                let id = &own[seq as usize % CARDS_EACH];
                let patch = json!({ "cmd": "patch_item", "board": board, "item_type": "FreeCard", "id": id, "patch": { "text": text } });
                execute(&hub, patch);
            }
            due[person] += EDIT_EVERY;
        }
    })
}

// ---------------------------------------------------------------------------------------
// Runs

struct Outcome {
    rooms: usize,
    edits: usize,
    lost: usize,
    seconds: f64,
    up_bytes: u64,
    down_bytes: u64,
    p50: f64,
    p99: f64,
    idle: ProcessFigures,
    end: ProcessFigures,
    cpu_s: f64,
    /// The server's SQLite file at the end.
    db_bytes: u64,
}

impl Outcome {
    fn edits_per_s(&self) -> f64 {
        self.edits as f64 / self.seconds
    }
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 * q) as usize).min(sorted.len() - 1)]
}

async fn wait_until(what: &str, check: impl Fn() -> bool) {
    let start = Instant::now();
    while !check() {
        assert!(start.elapsed() < GIVE_UP, "gave up waiting: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn run_paja(rooms: usize, certificates: &Certificates) -> Option<Outcome> {
    let server = RelayServer::start(certificates, rooms)?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle = ProcessFigures::of(server.pid());
    let (uplink, up) = counting_relay(server.port).await;
    let (downlink, down) = counting_relay(server.port).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut open = Vec::new();
    for room in 0..rooms {
        open.push(open_room(room, dir.path(), uplink, downlink, certificates).await);
    }
    wait_until("every hub and reader is connected to the server", || connected(&open)).await;
    tokio::time::sleep(Duration::from_secs(1)).await;

    let (up0, down0, cpu0) = (up.up.load(Ordering::Relaxed), down.down.load(Ordering::Relaxed), ProcessFigures::of(server.pid()).cpu_s);
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let threads: Vec<_> = open.iter().map(|r| participants(r, stop.clone())).collect();
    tokio::time::sleep(RUN).await;
    stop.store(true, Ordering::Relaxed);
    let seconds = started.elapsed().as_secs_f64();
    tokio::task::spawn_blocking(move || threads.into_iter().for_each(|t| t.join().expect("the participants' thread")))
        .await
        .expect("the participants stop");
    let drain = Instant::now();
    while open.iter().any(|r| r.tracker.waiting() > 0) && drain.elapsed() < DRAIN {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let end = ProcessFigures::of(server.pid());
    let mut latencies: Vec<f64> = open.iter().flat_map(|r| r.tracker.latencies_ms.lock().unwrap().clone()).collect();
    latencies.sort_by(f64::total_cmp);
    let outcome = Outcome {
        rooms,
        edits: open.iter().map(|r| r.tracker.edits.load(Ordering::Relaxed)).sum(),
        lost: open.iter().map(|r| r.tracker.waiting()).sum(),
        seconds,
        up_bytes: up.up.load(Ordering::Relaxed) - up0,
        down_bytes: down.down.load(Ordering::Relaxed) - down0,
        p50: percentile(&latencies, 0.5),
        p99: percentile(&latencies, 0.99),
        idle,
        end,
        cpu_s: end.cpu_s - cpu0,
        db_bytes: server.db_bytes(),
    };
    for room in &open {
        room.reader.stop();
        room.hub.set_relay(None);
        room.hub.stop();
    }
    Some(outcome)
}

/// The same rooms, rate and markers through Hocuspocus's own Node provider.
async fn run_reference(rooms: usize, certificates: &Certificates) -> Option<Outcome> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join("relay/node_modules/@hocuspocus/provider").exists() {
        println!("reference: skipped (relay/node_modules has no @hocuspocus/provider)");
        return None;
    }
    let server = RelayServer::start(certificates, rooms)?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle = ProcessFigures::of(server.pid());
    let (uplink, up) = counting_relay(server.port).await;
    let (downlink, down) = counting_relay(server.port).await;
    let ca: PathBuf = server.dir.path().join("ca.pem");
    std::fs::write(&ca, &certificates.ca).expect("the CA file");
    let mut child = Process::new("node")
        .arg(root.join("benches/relay-reference.mjs"))
        .args(["--rooms", &rooms.to_string(), "--people", &PEOPLE.to_string()])
        .args(["--every-ms", &EDIT_EVERY.as_millis().to_string(), "--cards", &CARDS_EACH.to_string()])
        .args(["--run-ms", &RUN.as_millis().to_string(), "--drain-ms", &DRAIN.as_millis().to_string()])
        .args(["--up", &format!("wss://127.0.0.1:{uplink}"), "--down", &format!("wss://127.0.0.1:{downlink}")])
        .args(["--document", DOCUMENT, "--ca", &ca.to_string_lossy()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs the reference load");
    let stdout = child.stdout.take().expect("stdout");
    let (pid, counts) = (server.pid(), (up.clone(), down.clone()));
    // Bytes and CPU count from the Node load's `ready`, as Paja's do from its go.
    let reading = tokio::task::spawn_blocking(move || {
        let (mut start, mut report, mut end) = ((0, 0, 0.0), None, ProcessFigures::default());
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line == "ready" {
                start = (counts.0.up.load(Ordering::Relaxed), counts.1.down.load(Ordering::Relaxed), ProcessFigures::of(pid).cpu_s);
            } else {
                // The report comes before the providers leave, while the server still
                // holds every room.
                end = ProcessFigures::of(pid);
                report = serde_json::from_str::<serde_json::Value>(&line).ok();
            }
        }
        let _ = child.wait();
        (start, report, end)
    });
    let ((up0, down0, cpu0), report, end) = reading.await.expect("the Node load's output");
    let Some(report) = report else {
        println!("reference: the Node load gave no report");
        return None;
    };
    let number = |k: &str| report[k].as_f64().unwrap_or(f64::NAN);
    Some(Outcome {
        rooms,
        edits: number("edits") as usize,
        lost: number("lost") as usize,
        seconds: number("seconds"),
        up_bytes: up.up.load(Ordering::Relaxed) - up0,
        down_bytes: down.down.load(Ordering::Relaxed) - down0,
        p50: number("p50"),
        p99: number("p99"),
        idle,
        end,
        cpu_s: end.cpu_s - cpu0,
        db_bytes: server.db_bytes(),
    })
}

// ---------------------------------------------------------------------------------------
// Printing

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// The machine's load over the last minute, for the reader to judge the figures by.
fn load() -> String {
    std::fs::read_to_string("/proc/loadavg").ok().and_then(|l| l.split_whitespace().next().map(String::from)).unwrap_or_default()
}

fn print_run(name: &str, o: &Outcome) {
    println!(
        "{name:<9} N={:<3} edits {:>6} ({:>7.1}/s)  into server {:>8.1} KiB/s  out to readers {:>8.1} KiB/s  \
         p50 {:>7.1} ms  p99 {:>7.1} ms  lost {}  server RSS {:>6.1} MiB (idle {:.1}, peak {:.1})  server CPU {:>5.1}%  SQLite {:.0} KiB  load {}",
        o.rooms,
        o.edits,
        o.edits_per_s(),
        o.up_bytes as f64 / 1024.0 / o.seconds,
        o.down_bytes as f64 / 1024.0 / o.seconds,
        o.p50,
        o.p99,
        o.lost,
        mib(o.end.rss_kib),
        mib(o.idle.rss_kib),
        mib(o.end.hwm_kib),
        o.cpu_s / o.seconds * 100.0,
        o.db_bytes as f64 / 1024.0,
        load(),
    );
}

fn print_table(name: &str, runs: &[Outcome]) {
    let Some(one) = runs.first() else { return };
    println!();
    println!("{name}: ratios against N = {}", one.rooms);
    println!(
        "{:<5} {:>10} {:>8} {:>12} {:>9} {:>8} {:>9} {:>8} {:>11} {:>13} {:>11}",
        "N", "edits/s", "ratio", "KiB/s in", "ratio", "p99 ms", "ratio", "RSS MiB", "ratio", "MiB per room", "CPU ms/edit"
    );
    for o in runs {
        let per_room = mib(o.end.rss_kib.saturating_sub(o.idle.rss_kib)) / o.rooms as f64;
        let bytes = |o: &Outcome| o.up_bytes as f64 / 1024.0 / o.seconds;
        println!(
            "{:<5} {:>10.1} {:>7.1}x {:>12.1} {:>8.1}x {:>8.1} {:>8.2}x {:>8.1} {:>10.2}x {:>13.2} {:>11.3}",
            o.rooms,
            o.edits_per_s(),
            o.edits_per_s() / one.edits_per_s(),
            bytes(o),
            bytes(o) / bytes(one),
            o.p99,
            o.p99 / one.p99,
            mib(o.end.rss_kib),
            o.end.rss_kib as f64 / one.end.rss_kib as f64,
            per_room,
            o.cpu_s * 1000.0 / o.edits.max(1) as f64,
        );
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    println!(
        "relay bench: N hubs, each with {PEOPLE} people adding or editing a card every {EDIT_EVERY:?} for {RUN:?}, relayed over \
         TLS to one Hocuspocus process (relay/server.mjs, SQLite) with a remote reader per room; N = {ROOMS:?}"
    );
    // `cargo bench --bench relay -- 1 13` runs only those N.
    let chosen: Vec<usize> = std::env::args().filter_map(|a| a.parse().ok()).collect();
    let sizes = if chosen.is_empty() { ROOMS.to_vec() } else { chosen };
    let certificates = Certificates::new();
    let mut paja = Vec::new();
    let mut reference = Vec::new();
    // Each N runs Paja's hubs and then the reference, so drift on a shared machine
    // falls on both alike.
    for &rooms in &sizes {
        let Some(outcome) = runtime.block_on(run_paja(rooms, &certificates)) else { return };
        print_run("paja", &outcome);
        paja.push(outcome);
        if let Some(outcome) = runtime.block_on(run_reference(rooms, &certificates)) {
            print_run("reference", &outcome);
            reference.push(outcome);
        }
    }
    print_table("paja hubs", &paja);
    print_table("reference (Hocuspocus's Node provider)", &reference);
    let last = reference.last().and_then(|r| paja.iter().find(|p| p.rooms == r.rooms).map(|p| (p, r)));
    if let Some((p, r)) = last {
        println!();
        println!(
            "N = {}: paja / reference: edits/s {:.2}x, bytes into the server {:.2}x, p99 {:.2}x, server RSS {:.2}x, server CPU per edit {:.2}x",
            p.rooms,
            p.edits_per_s() / r.edits_per_s(),
            (p.up_bytes as f64 / p.seconds) / (r.up_bytes as f64 / r.seconds),
            p.p99 / r.p99,
            p.end.rss_kib as f64 / r.end.rss_kib as f64,
            (p.cpu_s / p.edits as f64) / (r.cpu_s / r.edits as f64),
        );
    }
}
