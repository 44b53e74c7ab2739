//! The window's live session through `Live`: one laptop hosts its workshop, another joins
//! it with the code, on loopback with TLS and the fingerprint from the join link. Edits
//! on either side appear on the other with no action, and the status and presence say
//! who is here and where.

use paja::session::{Connection, Live, LiveEvent, LiveMode, LiveStatus};
use paja::api::{Command, WorkshopFile};
use paja::model::Workshop;
use std::path::Path;
use crate::support::live::{card, loopback, shows};
use crate::support::sync::{wait_until, workshop_with_board};
use crate::support::sync::relay::Relay;

fn own_live(dir: &Path, name: &str) -> Live {
    let path = dir.join(name);
    let file = WorkshopFile::create(&path, Workshop::new()).expect("an empty workshop file");
    Live::new(file, &dir.join(format!("{name}-replicas"))).expect("a live workshop")
}

#[test]
fn a_joined_laptop_and_the_host_see_each_others_edits_and_who_is_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, board) = workshop_with_board(dir.path());
    let mut host = Live::new(WorkshopFile::open(&path).expect("the hub's file"), &dir.path().join("host-replicas")).expect("live");
    let hosting = host.host(loopback()).expect("hosting starts on loopback");
    assert_eq!(hosting.code.len(), 6, "a six-letter join code");
    assert!(hosting.qr_svg.contains("<svg"), "the QR code is an SVG picture");
    assert!(hosting.join_link.contains(&hosting.code), "the join link carries the code");

    let mut guest = own_live(dir.path(), "aino.paja");
    let joined = guest.join(&hosting.join_link, &hosting.code, "Åke Öhman", false).expect("the right code is let in");
    assert_eq!(joined.mode, LiveMode::Joined);
    wait_until("the guest has the host's board", || guest.view().boards.iter().any(|b| b.id == board));

    guest.set_presence(Some(&board));
    wait_until("the guest is connected with two people", || {
        let status = guest.status();
        status.connection == Connection::Connected && status.people == 2
    });
    wait_until("the host sees the guest on the board", || {
        host.status().presence.iter().any(|p| p.name == "Åke Öhman" && p.board.as_deref() == Some(board.as_str()))
    });
    let on_guest: LiveStatus = guest.status();
    assert!(
        on_guest.presence.iter().any(|p| p.name == "Fasilitaattori" && p.role == "facilitator"),
        "the guest sees the facilitator: {:?}",
        on_guest.presence
    );

    let mut host_events = host.subscribe();
    let mut window = host.view();
    guest.execute(&card(&board, "Kotikäynnit iltaisin")).expect("the guest adds a card");
    wait_until("the guest's card reaches the host's window as a change", || {
        for event in std::iter::from_fn(|| host_events.try_recv().ok()) {
            if let paja::session::LiveEvent::Changed(change) = event {
                window.apply(&change);
            }
        }
        serde_json::to_string(&window).unwrap().contains("Kotikäynnit iltaisin")
    });

    let mut guest_events = guest.subscribe();
    let mut guest_window = guest.view();
    host.execute(&card(&board, "Yhteinen asiakaspalvelu")).expect("the host adds a card");
    wait_until("the host's card reaches the guest's window as a change", || {
        for event in std::iter::from_fn(|| guest_events.try_recv().ok()) {
            if let paja::session::LiveEvent::Changed(change) = event {
                guest_window.apply(&change);
            }
        }
        serde_json::to_string(&guest_window).unwrap().contains("Yhteinen asiakaspalvelu")
    });

    let refused = guest.execute(&Command::StartTimer { seconds: 60 }).expect_err("a participant cannot start the timer");
    assert!(refused.to_string().ends_with('.'), "one sentence: {refused}");
    host.execute(&Command::StartTimer { seconds: 60 }).expect("the facilitator starts the timer");
    wait_until("the timer reaches the guest", || guest.view().control.timer.is_some());

    guest.leave().expect("leaving");
    assert_eq!(guest.status().mode, LiveMode::Alone, "after leaving, the guest is on their own file again");
    assert!(!shows(&guest, "Yhteinen asiakaspalvelu"), "their own file never held the shared workshop");
    wait_until("the host sees the guest leave", || host.status().presence.iter().all(|p| p.name != "Åke Öhman"));
}

#[test]
fn a_wrong_join_code_is_one_sentence_and_the_own_file_stays_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = workshop_with_board(dir.path());
    let mut host = Live::new(WorkshopFile::open(&path).expect("the hub's file"), &dir.path().join("host-replicas")).expect("live");
    let hosting = host.host(loopback()).expect("hosting starts");
    let mut guest = own_live(dir.path(), "aino.paja");
    let wrong = if hosting.code == "ABCDEF" { "ABCDEG" } else { "ABCDEF" };

    let err = guest.join(&hosting.join_link, wrong, "Aino", false).expect_err("a wrong code is refused");
    let message = err.to_string();
    assert!(message.contains("join code is wrong"), "says why: {message}");
    assert_eq!(message.matches(". ").count(), 0, "one sentence: {message}");
    assert_eq!(guest.status().mode, LiveMode::Alone, "the guest stays on their own file");
}

#[test]
fn an_observer_follows_the_hosts_edits_and_cannot_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, board) = workshop_with_board(dir.path());
    let mut host = Live::new(WorkshopFile::open(&path).expect("the hub's file"), &dir.path().join("host-replicas")).expect("live");
    let hosting = host.host(loopback()).expect("hosting starts on loopback");

    let mut observer = own_live(dir.path(), "eeva.paja");
    observer.join(&hosting.join_link, &hosting.code, "Eeva", true).expect("an observer is let in");
    wait_until("the observer is known as one", || observer.status().role.as_deref() == Some("observer"));
    wait_until("the host sees an observer present", || {
        host.status().presence.iter().any(|p| p.name == "Eeva" && p.role == "observer")
    });

    host.execute(&card(&board, "Yhteinen asiakaspalvelu")).expect("the host adds a card");
    wait_until("the host's card reaches the observer", || shows(&observer, "Yhteinen asiakaspalvelu"));

    let refused = observer.execute(&card(&board, "Sivusta kirjoitettu")).expect_err("an observer cannot add a card");
    assert!(refused.to_string().ends_with('.'), "one sentence: {refused}");
    host.execute(&card(&board, "Viimeinen kortti")).expect("the host adds another card");
    wait_until("the host's next card reaches the observer", || shows(&observer, "Viimeinen kortti"));
    assert!(!shows(&host, "Sivusta kirjoitettu"), "the observer's card never reached the host");
}

#[test]
fn alone_each_command_reaches_the_window_as_what_it_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, board) = workshop_with_board(dir.path());
    let mut live = Live::new(WorkshopFile::open(&path).expect("the file"), &dir.path().join("replicas")).expect("live");
    let mut events = live.subscribe();
    let mut window = live.view();
    let made = live.execute(&card(&board, "Neuvonta puhelimitse")).expect("a card is added");
    let id = made.id.expect("the answer names the new card");
    live.execute(&Command::DeleteItem { board: "ei-ole".into(), item_type: paja::api::ItemType::FreeCard, id: id.clone() })
        .expect_err("a card on a board that does not exist cannot be deleted");
    let changes: Vec<_> = std::iter::from_fn(|| events.try_recv().ok())
        .filter_map(|e| match e {
            paja::session::LiveEvent::Changed(change) => Some(change),
            _ => None,
        })
        .collect();
    assert_eq!(changes.len(), 1, "one change for the card, none for the refused command");
    assert_eq!(changes[0].boards[0].items[0].id, id, "the change names the new card, not the whole board");
    window.apply(&changes[0]);
    assert_eq!(window, live.view(), "the window's view with the change applied is the workshop's");
}

/// Whether a status event came since the last look.
fn heard_status(events: &mut tokio::sync::broadcast::Receiver<LiveEvent>) -> bool {
    std::iter::from_fn(|| events.try_recv().ok()).filter(|e| *e == LiveEvent::Status).count() > 0
}

#[test]
fn the_windows_hear_the_lobby_and_who_is_where_as_it_changes_without_asking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, board) = workshop_with_board(dir.path());
    let mut host = Live::new(WorkshopFile::open(&path).expect("the hub's file"), &dir.path().join("host-replicas")).expect("live");
    let mut options = loopback();
    options.hub.auto_admit = false;
    let hosting = host.host(options).expect("hosting starts with a lobby");
    let mut host_events = host.subscribe();

    let mut guest = own_live(dir.path(), "aino.paja");
    guest.join(&hosting.join_link, &hosting.code, "Aino", false).expect("the right code waits in the lobby");
    let mut guest_events = guest.subscribe();
    let lobby = |host: &Live| host.status().hosting.map(|h| h.lobby).unwrap_or_default();
    let mut heard = false;
    wait_until("the host's window hears Aino knock", || {
        heard |= heard_status(&mut host_events);
        heard && lobby(&host).iter().any(|p| p.name == "Aino")
    });

    assert!(host.admit(lobby(&host)[0].id), "the facilitator lets Aino in");
    let mut heard = false;
    wait_until("Aino's window hears she is in", || {
        heard |= heard_status(&mut guest_events);
        heard && guest.status().connection == Connection::Connected
    });

    host.set_presence(Some(&board));
    let mut heard = false;
    wait_until("Aino's window hears the facilitator open the board", || {
        heard |= heard_status(&mut guest_events);
        heard && guest.status().presence.iter().any(|p| p.role == "facilitator" && p.board.as_deref() == Some(board.as_str()))
    });
}

#[test]
fn a_card_written_offline_onto_a_board_locked_meanwhile_leaves_the_window_with_the_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, board) = workshop_with_board(dir.path());
    let mut host = Live::new(WorkshopFile::open(&path).expect("the hub's file"), &dir.path().join("host-replicas")).expect("live");
    let hosting = host.host(loopback()).expect("hosting starts on loopback");
    let hub_port: u16 = hosting.join_link.split(['/', '?']).find_map(|part| part.rsplit_once(':')?.1.parse().ok()).expect("the link's port");
    let relay = Relay::to(hub_port);
    let link = hosting.join_link.replace(&format!("127.0.0.1:{hub_port}"), &relay.addr());
    let mut guest = own_live(dir.path(), "aino.paja");
    guest.join(&link, &hosting.code, "Aino", false).expect("let in through the relay");
    wait_until("the guest has the host's board", || guest.view().boards.iter().any(|b| b.id == board));

    relay.cut();
    wait_until("the guest knows the link is down", || guest.status().connection != Connection::Connected);
    host.execute(&Command::Lock { id: board.clone() }).expect("the facilitator locks the board");
    guest.execute(&card(&board, "Ohi lukon")).expect("offline, the guest does not know of the lock yet");
    assert!(shows(&guest, "Ohi lukon"), "the card is on the guest's screen while offline");
    let mut events = guest.subscribe();
    relay.heal();

    wait_until("the hub refuses the card and the window hears why", || heard_status(&mut events) && guest.status().undone.is_some());
    let undone = guest.status().undone.expect("a reason");
    assert_eq!(undone.code, paja::ErrorCode::Refused(paja::Refusal::Locked), "the board was locked");
    assert!(!shows(&guest, "Ohi lukon"), "the card is gone from the guest's screen");
    assert!(!shows(&host, "Ohi lukon"), "and was never on the host's");
}
