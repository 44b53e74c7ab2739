//! `cargo bench --bench sync`: 40 peers on loopback editing one document through a hub,
//! first `paja serve` (plain ws, as `--insecure-loopback`), then the reference Node
//! server `@y/websocket-server` from `benches/sync-reference` (`npm ci` there first; the
//! bench tries it once if `node_modules` is missing and skips the reference otherwise).
//!
//! Both servers get the same client: a minimal y-sync peer (yrs + tokio-tungstenite) that
//! holds its own replica, answers sync step 1, applies every update and sets one key of a
//! map per edit. Paja's own messages (type 100) are skipped, as any Yjs client does.
//!
//! Runs, each on a fresh server, Paja's and the reference's one after the other:
//! - A, workshop rate: every peer edits every 2 s on average (Poisson), for 20 s;
//! - B, ten times that;
//! - A with 200 peers;
//! - max: every peer edits as fast as its window allows (at most 4 of its edits not yet
//!   at every other peer), for 5 s, in five rounds (the reference first in every other
//!   round); the throughput ratio is the median of the five rounds' ratios.
//!
//! Latency is from the edit until it has arrived at every other peer (one sample per
//! edit and receiver); throughput is edit×receiver deliveries per second. The bench only
//! prints: it never fails on time.

use futures_util::{SinkExt, StreamExt};
use paja::api::WorkshopFile;
use paja::model::Workshop;
use paja::sync::wire;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{Notify, mpsc, watch};
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use yrs::block::ClientID;
use yrs::sync::{Message, SyncMessage};
use yrs::updates::decoder::Decode;
use yrs::{Doc, Map, MapRef, ReadTxn, Transact, Update};

const PEERS: usize = 40;
/// The large room: as many peers as a big workshop hall, at workshop rate.
const MANY_PEERS: usize = 200;
/// Max-throughput comparisons, each against fresh servers; the ratio is their median.
const MAX_ROUNDS: usize = 5;
const PACED_RUN: Duration = Duration::from_secs(20);
const MAX_RUN: Duration = Duration::from_secs(5);
/// How long stragglers may take to arrive after a run before they count as lost.
const DRAIN: Duration = Duration::from_secs(5);
const WORKSHOP_INTERVAL: Duration = Duration::from_secs(2);
/// In the max run, edits of one peer that may be on their way at once.
const WINDOW: usize = 4;
const TARGET_P99_MS: f64 = 10.0;
const TARGET_RATIO: f64 = 4.0;

// ---------------------------------------------------------------------------------------
// Servers

/// A server process on loopback, killed when dropped.
struct Server {
    child: Child,
    port: u16,
    /// The join query Paja needs; empty for the reference.
    query: String,
    _dir: Option<tempfile::TempDir>,
}

impl Server {
    fn paja() -> Server {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("bench.paja");
        WorkshopFile::create(&file, Workshop::new()).expect("the hub's file can be made");
        let mut child = Command::new(env!("CARGO_BIN_EXE_paja"))
            .args(["serve", &file.to_string_lossy(), "--insecure-loopback", "--bind", "127.0.0.1", "--port", "0"])
            .args(["--no-mdns", "--idle-timeout", "300"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("paja serve starts");
        let (mut port, mut code) = (0, String::new());
        for line in BufReader::new(child.stdout.take().expect("stdout")).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("listening ") {
                port = url.rsplit(':').next().and_then(|p| p.parse().ok()).expect("a port");
            } else if let Some(c) = line.strip_prefix("code ") {
                code = c.to_string();
            } else if line.starts_with("join ") {
                break;
            }
        }
        assert!(port != 0 && !code.is_empty(), "paja serve printed its address and code");
        Server { child, port, query: format!("?code={code}"), _dir: Some(dir) }
    }

    /// The reference y-websocket server, or None (with the reason printed) if absent.
    fn reference() -> Option<Server> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/sync-reference");
        let script = dir.join("node_modules/@y/websocket-server/src/server.js");
        if !script.exists() {
            println!("reference: node_modules missing; running `npm ci` in benches/sync-reference");
            let ok = Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir).status();
            if !ok.is_ok_and(|s| s.success()) || !script.exists() {
                println!("reference: skipped (`npm ci` in benches/sync-reference did not succeed)");
                return None;
            }
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).ok()?.port();
        let child = Command::new("node")
            .arg(&script)
            .env("HOST", "127.0.0.1")
            .env("PORT", port.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let Ok(child) = child else {
            println!("reference: skipped (node could not be started)");
            return None;
        };
        let server = Server { child, port, query: String::new(), _dir: None };
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if start.elapsed() > Duration::from_secs(15) {
                println!("reference: skipped (the server did not listen within 15 s)");
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(server)
    }

    fn url(&self, peer: usize) -> String {
        let name = if self.query.is_empty() { String::new() } else { format!("&name=bench{peer}") };
        format!("ws://127.0.0.1:{}/content{}{name}", self.port, self.query)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------------------
// Book-keeping shared by the peers

/// Who sent what when, and how far each receiver has got with each sender.
struct Tracker {
    peers: usize,
    start: Instant,
    /// Per sender: the clock after each edit and when it was made.
    sent: Vec<Mutex<Vec<(u32, Duration)>>>,
    /// `[receiver][sender]`: how many of the sender's edits have arrived.
    delivered: Vec<Vec<AtomicUsize>>,
    /// Per sender: woken when one of its edits arrives somewhere.
    progress: Vec<Notify>,
}

impl Tracker {
    fn new(peers: usize) -> Tracker {
        Tracker {
            peers,
            start: Instant::now(),
            sent: (0..peers).map(|_| Mutex::new(Vec::new())).collect(),
            delivered: (0..peers).map(|_| (0..peers).map(|_| AtomicUsize::new(0)).collect()).collect(),
            progress: (0..peers).map(|_| Notify::new()).collect(),
        }
    }

    fn sent_by(&self, sender: usize) -> usize {
        self.sent[sender].lock().unwrap().len()
    }

    /// Edits of `sender` that have not yet reached every other peer.
    fn in_flight(&self, sender: usize) -> usize {
        let slowest = (0..self.peers).filter(|r| *r != sender).map(|r| self.delivered[r][sender].load(Ordering::Relaxed)).min();
        self.sent_by(sender) - slowest.unwrap_or(0)
    }

    fn all_delivered(&self) -> bool {
        (0..self.peers).all(|s| self.in_flight(s) == 0)
    }

    fn expected_and_delivered(&self) -> (usize, usize) {
        let peers = self.peers;
        let expected = (0..peers).map(|s| self.sent_by(s) * (peers - 1)).sum();
        let delivered =
            (0..peers).flat_map(|r| (0..peers).filter(move |s| *s != r).map(move |s| (r, s))).map(|(r, s)| self.delivered[r][s].load(Ordering::Relaxed)).sum();
        (expected, delivered)
    }
}

fn client_id(run: usize, peer: usize) -> ClientID {
    ClientID::new((run * 1000 + peer + 1) as u64)
}

/// How a peer edits during a run.
#[derive(Clone, Copy)]
enum Pace {
    /// One edit every this long on average.
    Poisson(Duration),
    /// As fast as the window allows.
    Max,
}

/// One delivery: when it arrived and how long after the edit (both from the start).
type Sample = (Duration, Duration);

// ---------------------------------------------------------------------------------------
// The y-sync peer

struct Replica {
    me: usize,
    run: usize,
    doc: Doc,
    map: MapRef,
    /// Per sender: the index of its next edit not yet arrived here.
    next: Vec<usize>,
    samples: Vec<Sample>,
}

impl Replica {
    fn new(run: usize, me: usize, peers: usize) -> Replica {
        let doc = Doc::with_client_id(client_id(run, me).get());
        let map = doc.get_or_insert_map("bench");
        Replica { me, run, doc, map, next: vec![0; peers], samples: Vec::new() }
    }

    /// Handles one message from the server; returns the replies.
    fn receive(&mut self, bytes: &[u8], tracker: &Tracker, synced: &mut bool) -> Vec<Vec<u8>> {
        let mut replies = Vec::new();
        let Ok(messages) = wire::decode(bytes) else { return replies };
        for message in messages {
            match message {
                Message::Sync(SyncMessage::SyncStep1(sv)) => {
                    replies.push(wire::step2(self.doc.transact().encode_state_as_update_v1(&sv)));
                }
                Message::Sync(SyncMessage::SyncStep2(update)) => {
                    self.apply(&update, tracker);
                    *synced = true;
                }
                Message::Sync(SyncMessage::Update(update)) => self.apply(&update, tracker),
                _ => {}
            }
        }
        replies
    }

    fn apply(&mut self, update: &[u8], tracker: &Tracker) {
        let Ok(update) = Update::decode_v1(update) else { return };
        let _ = self.doc.transact_mut().apply_update(update);
        let sv = self.doc.transact().state_vector();
        let now = tracker.start.elapsed();
        for sender in (0..tracker.peers).filter(|s| *s != self.me) {
            let clock = sv.get(&client_id(self.run, sender));
            let sent = tracker.sent[sender].lock().unwrap();
            let before = self.next[sender];
            while self.next[sender] < sent.len() && sent[self.next[sender]].0 <= clock {
                self.samples.push((now, now.saturating_sub(sent[self.next[sender]].1)));
                self.next[sender] += 1;
            }
            drop(sent);
            if self.next[sender] > before {
                tracker.delivered[self.me][sender].store(self.next[sender], Ordering::Relaxed);
                tracker.progress[sender].notify_one();
            }
        }
    }

    /// One small edit; recorded before it leaves.
    fn edit(&mut self, n: usize, tracker: &Tracker) -> Vec<u8> {
        let mut txn = self.doc.transact_mut();
        self.map.insert(&mut txn, format!("p{}", self.me), format!("muistiinpano {n}"));
        let update = txn.encode_update_v1();
        drop(txn);
        let clock = self.doc.transact().state_vector().get(&client_id(self.run, self.me));
        tracker.sent[self.me].lock().unwrap().push((clock, tracker.start.elapsed()));
        wire::update(update)
    }
}

/// When the run's phases begin: edits start at `go`, stop at `stop_editing`, and the
/// peer leaves at `leave`.
#[derive(Clone, Default)]
struct Phases {
    go: bool,
    stop_editing: bool,
    leave: bool,
}

async fn peer(
    me: usize,
    run: usize,
    url: String,
    pace: Pace,
    tracker: Arc<Tracker>,
    ready: mpsc::Sender<()>,
    mut phases: watch::Receiver<Phases>,
) -> Vec<Sample> {
    let host = url.trim_start_matches("ws://").split('/').next().unwrap_or_default().to_string();
    let tcp = tokio::net::TcpStream::connect(host).await.expect("the server accepts TCP");
    let _ = tcp.set_nodelay(true);
    // tungstenite zeroes its whole read buffer before every read; at the 128 KiB default
    // that costs the client more per read than the small messages it reads, which
    // penalises the server that sends more of them.
    let config = WebSocketConfig::default().read_buffer_size(16 * 1024);
    let (ws, _) = tokio_tungstenite::client_async_with_config(url, tcp, Some(config))
        .await
        .expect("the server accepts the WebSocket");
    let (mut sink, mut stream) = ws.split();
    let (out, mut outbox) = mpsc::unbounded_channel::<Vec<u8>>();
    let writer = tokio::spawn(async move {
        while let Some(bytes) = outbox.recv().await {
            if sink.send(WsMessage::Binary(bytes.into())).await.is_err() {
                return;
            }
        }
        let _ = sink.close().await;
    });
    let mut replica = Replica::new(run, me, tracker.peers);
    let _ = out.send(wire::step1(replica.doc.transact().state_vector()));
    let mut synced = false;
    let mut told_ready = false;
    let mut edits = 0usize;
    let mut next_edit = tokio::time::Instant::now() + Duration::from_secs(3600);
    loop {
        let state = phases.borrow().clone();
        if state.leave {
            break;
        }
        let editing = state.go && !state.stop_editing;
        let window_open = matches!(pace, Pace::Max) && editing && tracker.in_flight(me) < WINDOW;
        tokio::select! {
            message = stream.next() => match message {
                Some(Ok(WsMessage::Binary(bytes))) => {
                    for reply in replica.receive(&bytes, &tracker, &mut synced) {
                        let _ = out.send(reply);
                    }
                    if synced && !told_ready {
                        told_ready = true;
                        let _ = ready.send(()).await;
                    }
                }
                Some(Ok(_)) => {}
                Some(Err(_)) | None => {
                    eprintln!("peer {me}: the server closed the connection");
                    break;
                }
            },
            _ = std::future::ready(()), if window_open => {
                let _ = out.send(replica.edit(edits, &tracker));
                edits += 1;
            }
            _ = tracker.progress[me].notified(), if matches!(pace, Pace::Max) && editing => {}
            _ = tokio::time::sleep_until(next_edit), if editing && matches!(pace, Pace::Poisson(_)) => {
                let _ = out.send(replica.edit(edits, &tracker));
                edits += 1;
                next_edit = tokio::time::Instant::now() + pause(pace);
            }
            changed = phases.changed() => {
                if changed.is_err() {
                    break;
                }
                let state = phases.borrow().clone();
                if state.go && edits == 0 && !state.stop_editing {
                    next_edit = tokio::time::Instant::now() + pause(pace);
                }
            }
        }
    }
    drop(out);
    let _ = writer.await;
    replica.samples
}

/// The wait until the next edit: exponential around the mean, so edits arrive as Poisson.
fn pause(pace: Pace) -> Duration {
    match pace {
        Pace::Poisson(mean) => {
            let u: f64 = rand::random_range(f64::EPSILON..1.0);
            mean.mul_f64(-u.ln()).min(mean * 10)
        }
        Pace::Max => Duration::ZERO,
    }
}

// ---------------------------------------------------------------------------------------
// Runs

struct Outcome {
    p50: f64,
    p99: f64,
    max: f64,
    per_second: f64,
    edits: usize,
    lost: usize,
}

/// What one run is: its label, how many peers, how they edit and for how long.
#[derive(Clone, Copy)]
struct Plan {
    label: &'static str,
    peers: usize,
    pace: Pace,
    length: Duration,
}

const WORKSHOP: Plan = Plan { label: "A workshop rate", peers: PEERS, pace: Pace::Poisson(WORKSHOP_INTERVAL), length: PACED_RUN };
const TEN_TIMES: Plan =
    Plan { label: "B 10x workshop", peers: PEERS, pace: Pace::Poisson(Duration::from_millis(200)), length: PACED_RUN };
const MAX: Plan = Plan { label: "max throughput", peers: PEERS, pace: Pace::Max, length: MAX_RUN };
const MANY: Plan = Plan { label: "200 peers, A", peers: MANY_PEERS, pace: Pace::Poisson(WORKSHOP_INTERVAL), length: PACED_RUN };

fn run(runtime: &tokio::runtime::Runtime, server: &Server, run: usize, plan: Plan) -> Outcome {
    let Plan { peers, pace, length, .. } = plan;
    runtime.block_on(async {
        let tracker = Arc::new(Tracker::new(peers));
        let (ready_tx, mut ready) = mpsc::channel(peers);
        let (phases, phases_rx) = watch::channel(Phases::default());
        let tasks: Vec<_> = (0..peers)
            .map(|i| tokio::spawn(peer(i, run, server.url(i), pace, tracker.clone(), ready_tx.clone(), phases_rx.clone())))
            .collect();
        for _ in 0..peers {
            tokio::time::timeout(Duration::from_secs(60), ready.recv()).await.expect("every peer synced within a minute");
        }
        let started = tracker.start.elapsed();
        phases.send_modify(|p| p.go = true);
        tokio::time::sleep(length).await;
        phases.send_modify(|p| p.stop_editing = true);
        let ended = tracker.start.elapsed();
        let drain = Instant::now();
        while !tracker.all_delivered() && drain.elapsed() < DRAIN {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let (expected, delivered) = tracker.expected_and_delivered();
        phases.send_modify(|p| p.leave = true);
        let mut samples = Vec::new();
        for task in tasks {
            samples.extend(task.await.unwrap_or_default());
        }
        let edits = (0..peers).map(|s| tracker.sent_by(s)).sum();
        let in_window = match pace {
            Pace::Max => samples.iter().filter(|(at, _)| *at >= started && *at <= ended).count(),
            Pace::Poisson(_) => samples.len(),
        };
        let mut latencies: Vec<f64> = samples.iter().map(|(_, l)| l.as_secs_f64() * 1000.0).collect();
        latencies.sort_by(f64::total_cmp);
        let pick = |q: f64| latencies.get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1))).copied();
        Outcome {
            p50: pick(0.5).unwrap_or(f64::NAN),
            p99: pick(0.99).unwrap_or(f64::NAN),
            max: latencies.last().copied().unwrap_or(f64::NAN),
            per_second: in_window as f64 / (ended - started).as_secs_f64(),
            edits,
            lost: expected - delivered,
        }
    })
}

/// One run against a fresh server made by `start`, printed as it ends.
fn measure(runtime: &tokio::runtime::Runtime, name: &str, number: usize, plan: Plan, start: &dyn Fn() -> Option<Server>) -> Option<Outcome> {
    let server = start()?;
    let outcome = run(runtime, &server, number, plan);
    println!(
        "{name:<9} {:<16} edits {:>6}  p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.1} ms  {:>9.0} deliveries/s  lost {}",
        plan.label, outcome.edits, outcome.p50, outcome.p99, outcome.max, outcome.per_second, outcome.lost
    );
    Some(outcome)
}

fn verdict(ok: bool) -> &'static str {
    if ok { "met" } else { "NOT met" }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    println!(
        "sync bench: {PEERS} peers on loopback, plain ws; A = one edit per peer every {WORKSHOP_INTERVAL:?} on average for {PACED_RUN:?}, \
         B = 10x, max = window {WINDOW} for {MAX_RUN:?} ({MAX_ROUNDS} rounds, the reference first in every other one), and A with {MANY_PEERS} peers"
    );
    let paja: &dyn Fn() -> Option<Server> = &|| Some(Server::paja());
    let reference: &dyn Fn() -> Option<Server> = &Server::reference;
    let mut number = 0;
    // Other work on the machine drifts; every other max round runs the reference first,
    // so the drift does not always favour the same server.
    let mut both = |plan: Plan, reference_first: bool| {
        number += 1;
        let r = reference_first.then(|| measure(&runtime, "reference", number, plan, reference)).flatten();
        let p = measure(&runtime, "paja", number, plan, paja).expect("the Paja run completes");
        (p, if reference_first { r } else { measure(&runtime, "reference", number, plan, reference) })
    };
    let a = both(WORKSHOP, false);
    let b = both(TEN_TIMES, false);
    let many = both(MANY, false);
    let rounds: Vec<(Outcome, Option<Outcome>)> = (0..MAX_ROUNDS).map(|i| both(MAX, i % 2 == 1)).collect();
    let ratios: Vec<f64> = rounds.iter().filter_map(|(p, r)| r.as_ref().map(|r| p.per_second / r.per_second)).collect();

    println!();
    println!("{:<34} {:>12} {:>12} {:>10}", "", "paja", "reference", "target");
    let row = |label: &str, p: f64, r: Option<f64>, target: &str| {
        let r = r.map(|v| format!("{v:.2}")).unwrap_or_else(|| "-".into());
        println!("{label:<34} {p:>12.2} {r:>12} {target:>10}");
    };
    for (name, (p, r)) in [("A", &a), ("B", &b), ("200 peers A", &many)] {
        let r = r.as_ref();
        row(&format!("{name} p50 latency (ms)"), p.p50, r.map(|o| o.p50), "");
        let target = if name == "A" { "<= 10" } else { "" };
        row(&format!("{name} p99 latency (ms)"), p.p99, r.map(|o| o.p99), target);
        row(&format!("{name} deliveries/s"), p.per_second, r.map(|o| o.per_second), "");
    }
    for (i, (p, r)) in rounds.iter().enumerate() {
        row(&format!("max deliveries/s, round {}", i + 1), p.per_second, r.as_ref().map(|o| o.per_second), "");
    }
    println!();
    println!("target p99 <= {TARGET_P99_MS} ms at workshop rate: {} ({:.2} ms)", verdict(a.0.p99 <= TARGET_P99_MS), a.0.p99);
    if ratios.is_empty() {
        return println!("target max throughput >= {TARGET_RATIO}x the reference: not measured (no reference server)");
    }
    let each: Vec<String> = ratios.iter().map(|r| format!("{r:.2}x")).collect();
    let ratio = median(ratios);
    println!("max throughput ratio per round: {}", each.join(", "));
    println!("target max throughput >= {TARGET_RATIO}x the reference (median of {MAX_ROUNDS}): {} ({ratio:.2}x)", verdict(ratio >= TARGET_RATIO));
}
