//! One bad peer drops only itself: every update is tried on the hub's real state before
//! it is logged, so a crafted one (a parent that is not a type, structs or deletions
//! waiting for items nobody has) is refused, its sender dropped, and the log keeps only
//! updates that applied. A file whose log holds a bad update anyway opens without it.

use crate::support::crafted::{self, Parent};
use futures_util::{SinkExt, StreamExt};
use paja::api::WorkshopFile;
use paja::model::free::FreeCard;
use paja::model::{BoardKind, DocName, Workshop};
use paja::sync::{Hub, HubHandle, HubOptions};
use std::path::Path;
use std::time::Duration;
use crate::support::sync::dropped;
use tokio_tungstenite::tungstenite::Message;

type Client = tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>;

/// A hub on a file with one free board; returns it and the board's id.
async fn hub_with_board(dir: &Path) -> (HubHandle, String) {
    let mut workshop = Workshop::new();
    let board = workshop.create_board(BoardKind::Free, "Ideat", None).expect("a board");
    let file = WorkshopFile::create(&dir.join("hub.paja"), workshop).expect("file");
    let options = HubOptions { bind: ([127, 0, 0, 1], 0).into(), tls: false, auto_admit: true, mdns: false, ..HubOptions::default() };
    (Hub::start(file, options).await.expect("the hub starts"), board)
}

async fn client(hub: &HubHandle) -> Client {
    let url = format!("ws://{}/content?code={}", hub.addr, hub.code);
    let tcp = tokio::net::TcpStream::connect(hub.addr).await.expect("tcp");
    tokio_tungstenite::client_async(url, tcp).await.expect("handshake").0
}


/// An honest participant's new card on `board`, as the update its replica sends.
fn honest_card(hub: &HubHandle, board: &str, text: &str) -> Vec<u8> {
    let state = hub.read_file(|f| f.workshop().encode_state(DocName::Content));
    let mut replica = Workshop::from_updates(&[state], &[]).expect("a replica");
    replica.take_pending();
    replica.add(board, &FreeCard { text: text.into(), ..Default::default() }).expect("a card");
    let updates: Vec<Vec<u8>> = replica.take_pending().into_iter().map(|(_, u)| u).collect();
    yrs::merge_updates_v1(updates).expect("merged")
}

fn card_texts(hub: &HubHandle, board: &str) -> Vec<String> {
    let cards = hub.read_file(|f| f.workshop().list::<FreeCard>(board).unwrap_or_default());
    cards.into_iter().map(|c| c.text).collect()
}

async fn wait_for_card(hub: &HubHandle, board: &str, text: &str) {
    let wait = async {
        while !card_texts(hub, board).iter().any(|t| t == text) {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(60), wait).await.expect("the honest card reaches the hub");
}

#[tokio::test]
async fn a_crafted_update_is_refused_on_the_real_state_and_drops_only_its_sender() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (hub, board) = hub_with_board(dir.path()).await;
    let state = hub.read_file(|f| f.workshop().encode_state(DocName::Content));
    let plain = crafted::plain_item(&state);
    let empty = Workshop::new();
    let under_plain = crafted::entry(Parent::Item(plain.0, plain.1), 77, 0, "x");
    assert!(
        Workshop::from_updates(std::slice::from_ref(&under_plain), &[]).is_ok() && empty.content_count() == 0,
        "the crafted update applies on an empty document, which the old check tried"
    );
    let crafts = [
        ("a parent that is not a type", under_plain),
        ("a struct waiting for ones nobody has", crafted::entry(Parent::Root("workshop"), 78, 5, "x")),
        ("a deletion of items nobody has", crafted::deletion(79, 0, 3)),
    ];
    let mut honest = client(&hub).await;
    let logged_before = hub.read_file(|f| f.workshop().content_count());
    for (n, (what, update)) in crafts.into_iter().enumerate() {
        let mut bad = client(&hub).await;
        bad.send(Message::Binary(paja::sync::wire::update(update).into())).await.expect("sent");
        assert!(dropped(&mut bad).await, "the sender of {what} is dropped");
        let text = format!("Rehellinen {n}");
        honest.send(Message::Binary(paja::sync::wire::update(honest_card(&hub, &board, &text)).into())).await.expect("sent");
        wait_for_card(&hub, &board, &text).await;
    }
    assert_eq!(hub.read_file(|f| f.workshop().content_count()), logged_before + 3, "only the honest updates were taken in");
    hub.stop();
    drop(hub);
    let reopened = WorkshopFile::open(&dir.path().join("hub.paja")).expect("the hub's file opens");
    let report = reopened.check().expect("it is checked");
    assert!(report.is_clean() && report.notes.is_empty(), "nothing bad was logged: {report:?}");
    assert_eq!(reopened.workshop().list::<FreeCard>(&board).expect("cards").len(), 3, "every honest card is in the file");
}

#[test]
fn a_file_whose_log_holds_an_update_that_fails_opens_with_it_set_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("vanha.paja");
    let mut workshop = Workshop::new();
    let board = workshop.create_board(BoardKind::Free, "Ideat", None).expect("a board");
    workshop.add(&board, &FreeCard { text: "Ennen".into(), ..Default::default() }).expect("a card");
    let state = workshop.encode_state(DocName::Content);
    drop(WorkshopFile::create(&path, workshop).expect("file"));
    let plain = crafted::plain_item(&state);
    let bad = crafted::entry(Parent::Item(plain.0, plain.1), 77, 0, "x");
    {
        let store = paja::store::Store::open(&path).expect("the store");
        store.append(paja::store::DocName::Content, &bad).expect("a bad update, as an older hub logged it");
    }
    let mut file = WorkshopFile::open(&path).expect("the file still opens");
    let note = file.set_aside_note().expect("read").expect("a sentence says an update was set aside");
    assert!(note.contains("set aside"), "{note}");
    assert_eq!(file.workshop().list::<FreeCard>(&board).expect("cards").len(), 1, "everything else is there");
    file.change(|w| w.add(&board, &FreeCard { text: "Jälkeen".into(), ..Default::default() }).map(drop)).expect("it takes edits");
    drop(file);
    let conn = rusqlite::Connection::open(&path).expect("sqlite");
    let kept: Vec<u8> = conn.query_row("SELECT data FROM set_aside", [], |r| r.get(0)).expect("the bad update is kept whole");
    assert_eq!(kept, bad);
    drop(conn);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_paja")).args(["check", &path.to_string_lossy()]).output().expect("paja check runs");
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "the file is sound: {printed}");
    assert!(printed.contains("set aside"), "paja check says so: {printed}");
    let file = WorkshopFile::open(&path).expect("it opens again");
    assert_eq!(file.workshop().list::<FreeCard>(&board).expect("cards").len(), 2, "the edit after it is kept");
}

/// A connection from `from`, another loopback address than the peers' own.
async fn tcp_from(from: std::net::Ipv4Addr, addr: &str) -> tokio::net::TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().expect("a socket");
    socket.bind((from, 0).into()).expect("a loopback source address");
    socket.connect(addr.parse().expect("an address")).await.expect("tcp")
}

/// The raw client's side of one crafted update, sent from `from`: true if the hub
/// dropped the connection.
async fn try_one(from: std::net::Ipv4Addr, addr: &str, code: &str, update: Vec<u8>, open: &mut Vec<Client>) -> bool {
    let url = format!("ws://{addr}/content?code={code}");
    let tcp = tcp_from(from, addr).await;
    let mut ws = tokio_tungstenite::client_async(url, tcp).await.expect("handshake").0;
    let _ = ws.send(Message::Binary(paja::sync::wire::update(update).into())).await;
    let _ = ws.send(Message::Binary(paja::sync::wire::step1(Default::default()).into())).await;
    let answered = async {
        loop {
            match ws.next().await {
                Some(Ok(Message::Binary(b))) if b.starts_with(&[0, 1]) => return false,
                Some(Ok(_)) => continue,
                _ => return true,
            }
        }
    };
    let closed = tokio::time::timeout(Duration::from_secs(60), answered).await.expect("the hub answers or drops");
    if !closed {
        open.push(ws);
    }
    closed
}

#[test]
fn a_thousand_crafted_updates_drop_only_their_sender_while_ten_peers_write() {
    use crate::support::sync::{Hub, Peer, wait_until, workshop_with_board};
    const PEERS: usize = 10;
    const CARDS_EACH: usize = 12;
    const CRAFTED: u64 = 1000;
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, board) = workshop_with_board(dir.path());
    let (state, honest) = {
        let opened = WorkshopFile::open(&file).expect("the file");
        let state = opened.workshop().encode_state(DocName::Content);
        let mut replica = Workshop::from_updates(std::slice::from_ref(&state), &[]).expect("a replica");
        replica.take_pending();
        replica.add(&board, &FreeCard { text: "Muunneltava".into(), ..Default::default() }).expect("a card");
        let updates: Vec<Vec<u8>> = replica.take_pending().into_iter().map(|(_, u)| u).collect();
        (state, yrs::merge_updates_v1(updates).expect("merged"))
    };
    let plain = crafted::plain_item(&state);
    let mut hub = Hub::serve(&file, &["--insecure-loopback"]);
    let names: Vec<String> = (0..PEERS).map(|i| format!("Rehellinen{i}")).collect();
    let mut peers: Vec<Peer> = names
        .iter()
        .enumerate()
        .map(|(i, name)| Peer::join(&hub, &hub.addr(), &dir.path().join(format!("p{i}.paja")), &["--name", name]))
        .collect();
    wait_until("every peer has the board", || peers.iter_mut().all(|p| p.has_board(&board)));
    let (addr, code) = (hub.addr(), hub.code.clone());
    let (refused, accepted) = std::thread::scope(|scope| {
        for (i, peer) in peers.iter_mut().enumerate() {
            let board = &board;
            scope.spawn(move || (0..CARDS_EACH).for_each(|n| drop(peer.add_card(board, &format!("kortti {i}-{n}")))));
        }
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
        runtime.block_on(async {
            let mut dice = crafted::Dice(0x5eed_1234_abcd_0042);
            let mut open = Vec::new();
            let mut refused = 0;
            for n in 0..CRAFTED {
                let update = match n % 2 {
                    0 => crafted::structural(n / 2, plain),
                    _ => crafted::mutated(&honest, &mut dice),
                };
                let from = std::net::Ipv4Addr::new(127, 0, 1, 1 + (n % 200) as u8);
                refused += usize::from(try_one(from, &addr, &code, update, &mut open).await);
            }
            // The hub has answered every update by now; a refusal it made late shows here.
            for ws in &mut open {
                let _ = ws.send(Message::Binary(paja::sync::wire::step1(Default::default()).into())).await;
            }
            let mut late = 0;
            for ws in &mut open {
                late += usize::from(dropped_or_answered(ws).await);
            }
            (refused + late, open.len() - late)
        })
    });
    let expected: Vec<String> = {
        let mut all: Vec<String> = (0..PEERS).flat_map(|i| (0..CARDS_EACH).map(move |n| format!("kortti {i}-{n}"))).collect();
        all.sort();
        all
    };
    let honest_texts = |texts: Vec<String>| texts.into_iter().filter(|t| t.starts_with("kortti ")).collect::<Vec<_>>();
    for peer in &mut peers {
        wait_until("every honest card reaches every peer", || honest_texts(peer.card_texts(&board)) == expected);
    }
    let log = std::fs::read_to_string(file.with_extension("hub-0.log")).unwrap_or_default();
    let honest_dropped = log.lines().filter(|l| l.contains("dropped") && names.iter().any(|n| l.contains(n.as_str()))).count();
    assert!(refused >= CRAFTED as usize / 2, "every structural craft and most mutations are refused ({refused})");
    assert_eq!(honest_dropped, 0, "no honest writer was dropped:\n{log}");
    hub.kill();
    let reopened = WorkshopFile::open(&file).expect("the hub's file reopens after SIGKILL");
    let cards = reopened.workshop().list::<FreeCard>(&board).expect("cards");
    let mut kept: Vec<String> = honest_texts(cards.into_iter().map(|c| c.text).collect());
    kept.sort();
    let lost = expected.iter().filter(|t| !kept.contains(t)).count();
    assert_eq!(lost, 0, "no honest card is lost");
    drop(reopened);
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_paja")).args(["check", &file.to_string_lossy()]).output().expect("paja check");
    let printed = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success() && !printed.contains("set aside"), "the file checks clean: {printed}");
    println!(
        "crafted updates: tried {CRAFTED}, refused {refused}, taken in {accepted}; honest writers dropped {honest_dropped}; honest cards {} of {}, lost {lost}",
        kept.len(),
        expected.len()
    );
}

/// Waits for the answer to a sync step 1 or the close; true if the hub dropped it.
async fn dropped_or_answered(ws: &mut Client) -> bool {
    let wait = async {
        loop {
            match ws.next().await {
                Some(Ok(Message::Binary(b))) if b.starts_with(&[0, 1]) => return false,
                Some(Ok(_)) => continue,
                _ => return true,
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(60), wait).await.unwrap_or(true)
}
