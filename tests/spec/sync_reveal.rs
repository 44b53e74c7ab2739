//! Anonymous cards: a participant hands a card to the hub alone; it shows up on every
//! replica only when the facilitator reveals, written by the hub, and no file on any
//! laptop ties its text to the sender.


use paja::api::WorkshopFile;
use paja::model::DocName;
use serde_json::json;
use std::path::{Path, PathBuf};
use crate::support::sync::{Hub, Peer, wait_until, workshop_with_board};

const SECRET: &str = "Palvelu unohti minut kolme kertaa";
const SENDER: &str = "Maija Meikäläinen";

/// Every file that holds a workshop on disk: `.paja`, its WAL and the hub's side files.
fn files_on_disk(dir: &Path) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir).expect("the temp dir lists");
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| ["paja", "paja-wal", "hub", "sealed"].iter().any(|ext| p.extension().is_some_and(|e| e == *ext)))
        .collect();
    files.sort();
    files
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The Yjs clients that wrote into a file's content document.
fn content_writers(file: &Path) -> Vec<u64> {
    let opened = WorkshopFile::open(file).expect("the replica opens");
    let mut clients: Vec<u64> = opened.workshop().state_vector(DocName::Content).iter().map(|(c, _)| c.get()).collect();
    clients.sort();
    clients
}

/// The facilitator opens an anonymous silent round, so sealed cards wait for the reveal.
fn start_anonymous_round(hub: &mut Hub, board: &str) {
    hub.type_line(&format!("do {}", json!({ "cmd": "start_silent", "board": board, "anonymous": true })));
    assert!(hub.expect("done").starts_with("done"), "the hub runs the facilitator's command");
}

#[test]
fn an_anonymous_card_appears_everywhere_only_after_reveal_and_nothing_ties_it_to_its_sender() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, board) = workshop_with_board(dir.path());
    let mut hub = Hub::serve(&file, &["--lobby"]);
    hub.type_line("auto on");
    hub.expect("auto-admit set");
    start_anonymous_round(&mut hub, &board);
    let mut sender = Peer::join(&hub, &hub.addr(), &dir.path().join("sender.paja"), &["--name", SENDER]);
    let mut reader = Peer::join(&hub, &hub.addr(), &dir.path().join("reader.paja"), &["--name", "Lukija"]);
    wait_until("both are in", || sender.is_connected() && reader.is_connected());

    let sealed = sender.ask(json!({ "sealed_card": { "board": board, "text": SECRET } }));
    assert_eq!(sealed, Ok(json!(true)), "the sealed card is handed to the hub");
    // Reveal once the hub holds it; until then no replica may show it.
    wait_until("the hub reveals the sealed card", || {
        for peer in [&mut sender, &mut reader] {
            assert!(peer.card_texts(&board).is_empty(), "a sealed card is shown to nobody before reveal");
        }
        hub.type_line(&format!("reveal {board}"));
        hub.expect("revealed") == "revealed 1"
    });
    wait_until("the card reaches every replica", || {
        [&mut sender, &mut reader].iter_mut().all(|p| p.card_texts(&board) == [SECRET])
    });

    drop(sender);
    drop(reader);
    hub.kill();
    let hub_writers = content_writers(&file);
    for replica in ["sender.paja", "reader.paja"] {
        assert_eq!(content_writers(&dir.path().join(replica)), hub_writers, "in {replica} only the hub wrote content");
    }
    let files = files_on_disk(dir.path());
    assert!(files.len() >= 4, "the hub's file, its side file and both replicas are there: {files:?}");
    let mut text_seen = false;
    for path in &files {
        let bytes = std::fs::read(path).expect("the file reads");
        text_seen |= contains(&bytes, SECRET.as_bytes());
        if path.extension().is_none_or(|e| e != "paja") {
            assert!(!contains(&bytes, SENDER.as_bytes()), "{} names the sender", path.display());
        }
    }
    assert!(text_seen, "the byte search finds the card text, so it would find the name too");
    for replica in ["hub.paja", "sender.paja", "reader.paja"] {
        let view = WorkshopFile::open(&dir.path().join(replica)).expect("the replica opens").view();
        let content = serde_json::to_string(&(&view.boards, &view.sessions, &view.comments)).expect("json");
        assert!(!content.contains(SENDER), "{replica}: the name is only on the room's roster, never in the content");
        for person in &view.control.people {
            assert!(!content.contains(&person.id), "{replica}: no roster id appears in the content");
        }
    }
}

#[test]
fn sealed_cards_survive_a_hub_restart_and_are_revealed_after_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, board) = workshop_with_board(dir.path());
    let mut hub = Hub::serve(&file, &["--lobby"]);
    hub.type_line("auto on");
    hub.expect("auto-admit set");
    start_anonymous_round(&mut hub, &board);
    let mut sender = Peer::join(&hub, &hub.addr(), &dir.path().join("sender.paja"), &["--name", SENDER]);
    let mut reader = Peer::join(&hub, &hub.addr(), &dir.path().join("reader.paja"), &[]);
    wait_until("both are in", || sender.is_connected() && reader.is_connected());
    let sealed = sender.ask(json!({ "sealed_card": { "board": board, "text": SECRET } }));
    assert_eq!(sealed, Ok(json!(true)), "the sealed card is handed to the hub");
    let mut side_file = file.into_os_string();
    side_file.push(".sealed");
    let side_file = PathBuf::from(side_file);
    wait_until("the hub keeps the sealed card on disk", || side_file.exists());
    let kept = std::fs::read(&side_file).expect("the side file reads");
    assert!(!contains(&kept, SENDER.as_bytes()), "the side file does not name the sender");

    hub.restart();
    hub.type_line("auto on");
    hub.expect("auto-admit set");
    wait_until("both are back", || sender.is_connected() && reader.is_connected());
    assert!(reader.card_texts(&board).is_empty(), "the restart revealed nothing by itself");
    hub.type_line(&format!("reveal {board}"));
    assert_eq!(hub.expect("revealed"), "revealed 1", "the restarted hub still holds the card");
    wait_until("the card reaches the reader", || reader.card_texts(&board) == [SECRET]);
    assert!(!side_file.exists(), "nothing is left sealed after reveal");
}
