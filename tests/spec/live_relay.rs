//! The window's relay through `Live`: a facilitator who shares a workshop turns the relay
//! to the region's server on, and a window that opens the workshop from the server reads
//! it and can change nothing. The relay's settings stay in the workshop file's hub-only
//! table, never in a document, and come back when the workshop is shared again.

use crate::support::live::{card, loopback, shows};
use crate::support::regional::Region;
use crate::support::sync::{wait_until, workshop_with_board};
use paja::api::WorkshopFile;
use paja::session::{Live, LiveMode, SavedRelay, typed_settings};
use paja::sync::{RelaySettings, RelayState, RelayTrust};
use paja::{ErrorCode, Refusal};
use serde_json::json;
use std::path::Path;

const WRITER: &str = "kirjoittajan-tunnus";
const READER: &str = "lukijan-tunnus";

fn region(dir: &Path) -> Region {
    let tokens = json!({
        WRITER: { "documents": ["ryhma-1"], "access": "write" },
        READER: { "documents": ["*"], "access": "read" },
    });
    Region::start(dir, &tokens)
}

/// The settings for `region`, trusting its own CA as a region's staff would.
fn at(region: &Region, token: &str) -> RelaySettings {
    let ca = std::fs::read(&region.ca).expect("the region's CA");
    RelaySettings { url: region.url(), token: token.into(), workshop: "ryhma-1".into(), trust: RelayTrust::Pem(ca) }
}

fn relay_state(live: &Live) -> Option<RelayState> {
    live.status().relay.map(|relay| relay.state)
}

#[test]
fn a_shared_workshop_relayed_to_the_server_is_read_there_and_the_copy_refuses_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let region = region(dir.path());
    let (path, board) = workshop_with_board(dir.path());
    let mut host = Live::new(WorkshopFile::open(&path).expect("the file"), &dir.path().join("host-replicas")).expect("live");
    host.host(loopback()).expect("hosting starts on loopback");
    assert_eq!(host.status().relay, None, "the relay is off until the facilitator turns it on");
    host.connect_relay(at(&region, WRITER)).expect("the relay is turned on");
    wait_until("the relay is connected", || relay_state(&host) == Some(RelayState::Connected));
    host.execute(&card(&board, "Kotikäynnit iltaisin")).expect("a card in the room");

    let mut reader = Live::read_from_server(at(&region, READER), &dir.path().join("server")).expect("the reader opens the server's copy");
    assert_eq!(reader.status().mode, LiveMode::Reading);
    wait_until("the reader sees the room's card", || shows(&reader, "Kotikäynnit iltaisin"));
    assert_eq!(relay_state(&reader), Some(RelayState::Connected), "the reader says it follows the server");
    assert_eq!(reader.local_view().expect("what is only the reader's").role, "observer", "the window shows it as an observer sees it");

    let refused = reader.execute(&card(&board, "Lukijan kortti")).expect_err("a copy read from the server takes no command");
    assert_eq!(refused.code(), ErrorCode::Refused(Refusal::ReadOnlyCopy), "refused with read_only_copy: {refused}");
    assert_eq!(refused.to_string(), "This is the server's copy. It can only be read.");
    assert!(reader.create_version("Lukijan versio").is_err(), "nor is a version written into the copy");
    assert!(!shows(&reader, "Lukijan kortti"), "the refused card is nowhere in the reader's view");

    host.execute(&card(&board, "Toinen kortti")).expect("another card in the room");
    wait_until("the reader follows the room's next card", || shows(&reader, "Toinen kortti"));
    host.disconnect_relay().expect("the relay is turned off");
    assert_eq!(host.status().relay, None, "off: no relay state on the session bar");
}

#[test]
fn a_refused_token_is_the_error_of_opening_from_the_server_in_one_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let region = region(dir.path());
    let refused = Live::read_from_server(at(&region, "väärä-tunnus"), &dir.path().join("server")).err().expect("a bad token opens nothing");
    assert_eq!(refused.code(), ErrorCode::Refused(Refusal::RelayRefused), "refused with relay_refused: {refused}");
    let left = std::fs::read_dir(dir.path().join("server")).map(|d| d.count()).unwrap_or(0);
    assert_eq!(left, 0, "no empty copy is left to be taken for an earlier one");
}

#[test]
fn a_refused_token_comes_back_on_a_thread_of_another_runtime_as_the_window_runs_its_commands() {
    let dir = tempfile::tempdir().expect("temp dir");
    let region = region(dir.path());
    let outer = tokio::runtime::Runtime::new().expect("a runtime like the window's");
    let settings = at(&region, "väärä-tunnus");
    let refused = outer.block_on(async { Live::read_from_server(settings, &dir.path().join("server")).err() });
    assert_eq!(refused.map(|e| e.code()), Some(ErrorCode::Refused(Refusal::RelayRefused)), "the refusal comes back, and nothing hangs or panics");
}

#[test]
fn the_relay_settings_stay_in_the_file_never_in_a_document_and_come_back_when_shared_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = workshop_with_board(dir.path());
    let mut host = Live::new(WorkshopFile::open(&path).expect("the file"), &dir.path().join("host-replicas")).expect("live");
    assert_eq!(host.relay_settings().expect("the kept settings"), None, "a new file keeps no relay");
    host.host(loopback()).expect("hosting");
    // Nothing listens at this address: the relay is on and offline, and the room goes on.
    let url = "wss://localhost:9";
    host.connect_relay(typed_settings(url, "salainen-tunnus", "ryhma-7")).expect("the relay is turned on");
    let kept = SavedRelay { url: url.into(), workshop: "ryhma-7".into(), token_saved: true, on: true };
    assert_eq!(host.relay_settings().expect("kept"), Some(kept.clone()), "the window's form gets the address and the name, never the token");
    host.connect_relay(typed_settings(url, "", "ryhma-7")).expect("an empty token keeps the one kept");
    host.leave().expect("sharing stops");

    let view = serde_json::to_string(&WorkshopFile::open(&path).expect("the file").view()).expect("JSON");
    assert!(!view.contains("salainen-tunnus") && !view.contains(url), "neither the token nor the address is in a document");

    host.host(loopback()).expect("shared again");
    let resumed = host.status().relay.expect("the relay comes back when the workshop is shared again");
    assert_eq!((resumed.address.as_str(), resumed.workshop.as_str()), (url, "ryhma-7"));
    host.disconnect_relay().expect("turned off");
    host.leave().expect("sharing stops");
    host.host(loopback()).expect("shared once more");
    assert_eq!(host.status().relay, None, "turned off, it stays off");
    assert_eq!(host.relay_settings().expect("kept").map(|s| (s.url, s.on)), Some((url.to_string(), false)), "the settings stay for the form");
}
