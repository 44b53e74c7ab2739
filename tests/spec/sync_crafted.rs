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

/// True once the hub has closed this connection.
async fn dropped(ws: &mut Client) -> bool {
    let wait = async {
        loop {
            match ws.next().await {
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return true,
                Some(Ok(_)) => continue,
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(60), wait).await.unwrap_or(false)
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
        Workshop::from_updates(&[under_plain.clone()], &[]).is_ok() && empty.content_count() == 0,
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
