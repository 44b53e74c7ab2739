//! What one address, or everyone at once, may take of the hub: connections per address
//! and in total, a time limit on page requests, a bounded lobby, and presence only for
//! a connection's own client id. Under all of it at once a real peer still gets in.

use crate::support::sync::{Hub, PATIENCE, Peer, wait_until, workshop_with_board};
use futures_util::{SinkExt, StreamExt};
use paja::api::WorkshopFile;
use paja::model::Workshop;
use paja::model::free::FreeCard;
use paja::sync::{Hub as InProcessHub, HubOptions};
use std::net::Ipv4Addr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use yrs::sync::awareness::{AwarenessUpdate, AwarenessUpdateEntry};

type Client = tokio_tungstenite::WebSocketStream<TcpStream>;

/// A connection to `addr` from the loopback address `from`.
async fn tcp_from(from: Ipv4Addr, addr: std::net::SocketAddr) -> std::io::Result<TcpStream> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.bind((from, 0).into())?;
    socket.connect(addr).await
}

/// Raises this test process's limit on open files, so it can hold the connections.
fn raise_file_limit() {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit and setrlimit only read and write the struct passed to them.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// A line of `/proc/<pid>/status` in kB, such as `VmHWM`.
fn status_kb(pid: u32, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with(key)).unwrap_or_default();
    line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(0)
}

/// How many sockets the process holds open.
fn sockets(pid: u32) -> usize {
    let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else { return 0 };
    fds.filter_map(Result::ok).filter(|fd| std::fs::read_link(fd.path()).is_ok_and(|t| t.to_string_lossy().starts_with("socket:"))).count()
}

/// A page request that sends one byte of its head a second, again and again; `padded`
/// sends 8 KiB of its head at once first, so the hub takes it for a page request.
async fn slow_page(from: Ipv4Addr, addr: std::net::SocketAddr, padded: bool, done: Arc<AtomicBool>, cut: Arc<AtomicUsize>) {
    while !done.load(Ordering::Relaxed) {
        let Ok(mut tcp) = tcp_from(from, addr).await else { continue };
        let _ = tcp.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ").await;
        if padded {
            let _ = tcp.write_all(&[b'a'; 8300]).await;
        }
        loop {
            if done.load(Ordering::Relaxed) || tcp.write_all(b"a").await.is_err() {
                break;
            }
            let mut buf = [0u8; 64];
            match tokio::time::timeout(Duration::from_secs(1), tcp.read(&mut buf)).await {
                Ok(Ok(0)) | Ok(Err(_)) => {
                    cut.fetch_add(1, Ordering::Relaxed);
                    break;
                }
                _ => {}
            }
        }
    }
}

/// Knocks with the right code from `from` and waits in the lobby; true if the hub
/// answered that the lobby is full.
async fn knock(from: Ipv4Addr, addr: std::net::SocketAddr, code: &str, waiting: &mut Vec<Client>) -> bool {
    let url = format!("ws://{addr}/content?code={code}&name=Kolkuttaja");
    let tcp = tcp_from(from, addr).await.expect("tcp");
    let (mut ws, _) = tokio_tungstenite::client_async(url, tcp).await.expect("handshake");
    loop {
        match ws.next().await {
            Some(Ok(Message::Binary(bytes))) => {
                let text = String::from_utf8_lossy(&bytes).to_string();
                if text.contains("lobby_full") {
                    return true;
                }
                if text.to_lowercase().contains("lobby") {
                    waiting.push(ws);
                    return false;
                }
            }
            Some(Ok(_)) => continue,
            _ => return false,
        }
    }
}

#[test]
fn under_two_thousand_idle_connections_slow_page_requests_and_a_full_lobby_a_real_peer_gets_in() {
    raise_file_limit();
    const IDLE: usize = 2000;
    const SLOW: usize = 100;
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, board) = workshop_with_board(dir.path());
    let ui = dir.path().join("ui");
    std::fs::create_dir(&ui).expect("a ui folder");
    std::fs::write(ui.join("index.html"), "<!doctype html><title>Paja</title>").expect("a page");
    // A handshake time longer than the test keeps all 2,000 idle connections at once.
    let mut hub = Hub::serve(&file, &["--insecure-loopback", "--lobby", "--browsers", "--handshake-timeout", "600", "--ui", &ui.to_string_lossy()]);
    let addr: std::net::SocketAddr = hub.addr().parse().expect("an address");
    let pid = hub.pid();
    let done = Arc::new(AtomicBool::new(false));
    let cut = Arc::new(AtomicUsize::new(0));
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("a runtime");
    // Opened one after another, as fast as the hub takes them, and kept open, idle.
    let idle: Vec<TcpStream> = runtime.block_on(async {
        let mut idle = Vec::with_capacity(IDLE);
        for n in 0..IDLE {
            idle.push(tcp_from(Ipv4Addr::new(127, 0, 1, 1 + (n / 50) as u8), addr).await.expect("an idle connection"));
        }
        idle
    });
    for n in 0..SLOW {
        runtime.spawn(slow_page(Ipv4Addr::new(127, 0, 2, 1 + (n / 20) as u8), addr, n % 2 == 0, done.clone(), cut.clone()));
    }
    let mut held = 0;
    let start = std::time::Instant::now();
    while held < IDLE {
        held = held.max(sockets(pid));
        assert!(start.elapsed() < PATIENCE * 2, "the hub holds the idle connections: {held}");
        std::thread::sleep(Duration::from_millis(100));
    }
    // The real peer knocks first; then the lobby is filled until the hub says it is full.
    let mut peer = Peer::join(&hub, &hub.addr(), &dir.path().join("aito.paja"), &["--name", "Aito"]);
    let line = hub.expect("lobby ");
    assert!(line.ends_with(" Aito"), "the real peer waits in the lobby: {line}");
    let id = line.split_whitespace().nth(1).expect("an id").to_string();
    let mut waiting: Vec<Client> = Vec::new();
    let seats = runtime.block_on(async {
        let mut seats = 0;
        for n in 0.. {
            let from = Ipv4Addr::new(127, 0, 3, 1 + (n / 4) as u8);
            if knock(from, addr, &hub.code, &mut waiting).await {
                return seats;
            }
            seats += 1;
            assert!(seats <= 1000, "the lobby is bounded");
        }
        seats
    });
    hub.type_line(&format!("admit {id}"));
    let admitted = std::time::Instant::now();
    held = held.max(sockets(pid));
    wait_until("the real peer is let in and has the workshop", || peer.has_board(&board));
    let synced = admitted.elapsed();
    peer.add_card(&board, "Pääsin sisään");
    wait_until("the page requests that send 8 KiB and then drip are cut off", || cut.load(Ordering::Relaxed) >= SLOW / 2);
    held = held.max(sockets(pid));
    let hwm = status_kb(pid, "VmHWM");
    done.store(true, Ordering::Relaxed);
    drop(waiting);
    drop(idle);
    runtime.shutdown_timeout(Duration::from_secs(5));
    wait_until("the card is at the hub", || {
        let cards = WorkshopFile::open(&file).map(|f| f.workshop().list::<FreeCard>(&board).unwrap_or_default());
        cards.is_ok_and(|cards| cards.iter().any(|c| c.text == "Pääsin sisään"))
    });
    hub.kill();
    println!(
        "abuse: {IDLE} idle connections kept open, {SLOW} slow page requests (cut off {} times), lobby full at {} seats; the real peer had the workshop {:.1} s after it was let in; hub sockets held at most {held}; VmHWM {hwm} kB",
        cut.load(Ordering::Relaxed),
        seats + 1,
        synced.as_secs_f64()
    );
    assert!(seats < 1000);
}

async fn in_process_hub(dir: &std::path::Path) -> paja::sync::HubHandle {
    let file = WorkshopFile::create(&dir.join("hub.paja"), Workshop::new()).expect("file");
    let options = HubOptions { bind: ([127, 0, 0, 1], 0).into(), tls: false, auto_admit: true, mdns: false, ..HubOptions::default() };
    InProcessHub::start(file, options).await.expect("the hub starts")
}

fn presence(client: u64, name: &str) -> Vec<u8> {
    let entry = AwarenessUpdateEntry { clock: 1, json: format!("{{\"name\":\"{name}\"}}").into() };
    paja::sync::wire::awareness(AwarenessUpdate { clients: [(yrs::block::ClientID::new(client), entry)].into() })
}

#[tokio::test]
async fn a_connection_shows_presence_only_for_its_own_client_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    let hub = in_process_hub(dir.path()).await;
    let url = format!("ws://{}/content?code={}", hub.addr, hub.code);
    let open = |url: String| async move {
        let tcp = TcpStream::connect(hub.addr).await.expect("tcp");
        tokio_tungstenite::client_async(url, tcp).await.expect("handshake").0
    };
    let mut aino = open(url.clone()).await;
    let mut mallory = open(url).await;
    aino.send(Message::Binary(presence(11, "Aino").into())).await.expect("sent");
    let shown = |hub: &paja::sync::HubHandle, id: u64| hub.presence().iter().find(|p| p.client == id).map(|p| p.state["name"].clone());
    let wait = async {
        while shown(&hub, 11).is_none() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(30), wait).await.expect("Aino's presence shows");
    mallory.send(Message::Binary(presence(12, "Mallory").into())).await.expect("sent");
    mallory.send(Message::Binary(presence(11, "Ei Aino").into())).await.expect("sent");
    mallory.send(Message::Binary(presence(13, "Toinen").into())).await.expect("sent");
    let wait = async {
        while shown(&hub, 12).is_none() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(30), wait).await.expect("Mallory's own presence shows");
    // Mallory's messages are handled in order: once a later one of hers shows, the two
    // before it were looked at.
    mallory.send(Message::Binary(presence(12, "Mallory taas").into())).await.expect("sent");
    let wait = async {
        while shown(&hub, 12) != Some(serde_json::json!("Mallory taas")) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(30), wait).await;
    assert_eq!(shown(&hub, 11), Some(serde_json::json!("Aino")), "nobody else speaks for Aino's client id");
    assert_eq!(shown(&hub, 13), None, "a connection speaks for one client id only");
}

/// Sends a sealed card for `board` and returns the code of the hub's refusal, if any
/// came before the answer to a sync step 1 sent after it.
async fn seal(ws: &mut Client, board: &str) -> Option<String> {
    let item = paja::api::SealedItem::FreeCard { text: "Salainen".into(), color: "yellow".into() };
    let sealed = paja::sync::wire::paja(&paja::sync::wire::PajaMessage::Sealed { board: board.into(), item, id: None });
    ws.send(Message::Binary(sealed.into())).await.expect("sent");
    ws.send(Message::Binary(paja::sync::wire::step1(Default::default()).into())).await.expect("sent");
    let mut refused = None;
    loop {
        match ws.next().await.expect("the hub answers").expect("a message") {
            Message::Binary(b) if b.starts_with(&[0, 1]) => return refused,
            Message::Binary(b) => {
                let text = String::from_utf8_lossy(&b).to_string();
                for (code, refusal) in [("no_silent_round", paja::Refusal::NoSilentRound), ("locked", paja::Refusal::Locked)] {
                    if text.contains(&refusal.to_string()) {
                        refused = Some(code.to_string());
                    }
                }
            }
            _ => continue,
        }
    }
}

#[tokio::test]
async fn sealed_cards_come_in_only_during_a_silent_round_and_never_onto_a_locked_board() {
    use paja::api::Command;
    let dir = tempfile::tempdir().expect("temp dir");
    let hub = in_process_hub(dir.path()).await;
    let board = hub.change(|w| w.create_board(paja::model::BoardKind::Free, "Ideat", None)).expect("a board");
    let url = format!("ws://{}/content?code={}", hub.addr, hub.code);
    let tcp = TcpStream::connect(hub.addr).await.expect("tcp");
    let mut ws = tokio_tungstenite::client_async(url, tcp).await.expect("handshake").0;
    assert_eq!(seal(&mut ws, &board).await.as_deref(), Some("no_silent_round"), "no round is running");
    hub.execute(&Command::StartSilent { board: board.clone(), anonymous: true }).expect("a silent round");
    hub.execute(&Command::Lock { id: board.clone() }).expect("the board is locked");
    assert_eq!(seal(&mut ws, &board).await.as_deref(), Some("locked"), "the board is locked");
    hub.execute(&Command::Unlock { id: board.clone() }).expect("the board is open again");
    assert_eq!(seal(&mut ws, &board).await, None, "during the round, onto an open board");
    assert_eq!(hub.sealed_count(&board), 1, "only that card waits for the reveal");
}

#[tokio::test]
async fn one_address_holds_at_most_its_share_of_connections_and_the_rest_are_closed_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = WorkshopFile::create(&dir.path().join("hub.paja"), Workshop::new()).expect("file");
    let options = HubOptions {
        bind: ([127, 0, 0, 1], 0).into(),
        tls: false,
        mdns: false,
        handshake_timeout: Duration::from_secs(600),
        max_per_address: 8,
        ..HubOptions::default()
    };
    let hub = InProcessHub::start(file, options).await.expect("the hub starts");
    let mut held = Vec::new();
    for _ in 0..12 {
        held.push(tcp_from(Ipv4Addr::new(127, 0, 4, 1), hub.addr).await.expect("tcp"));
    }
    let closed = futures_util::future::join_all(held.iter_mut().map(|tcp| async move {
        let mut buf = [0u8; 16];
        matches!(tokio::time::timeout(Duration::from_secs(30), tcp.read(&mut buf)).await, Ok(Ok(0)) | Ok(Err(_)))
    }))
    .await;
    assert_eq!(closed.iter().filter(|c| **c).count(), 4, "the four over the share of eight are closed, unread");
    let url = format!("ws://{}/content?code={}", hub.addr, hub.code);
    let tcp = tcp_from(Ipv4Addr::new(127, 0, 4, 2), hub.addr).await.expect("tcp");
    assert!(tokio_tungstenite::client_async(url, tcp).await.is_ok(), "another address still gets in");
}
