//! The relay to a regional server, against a real Hocuspocus (`relay/server.mjs`, with its
//! SQLite extension) over TLS: two rooms relay to one server and a staff reader follows
//! each; the server's stored bytes hold only published content (no draft, sealed item,
//! token, organisation or hidden name); the staff reader's printed lines; turning the
//! relay on, over and off while hosting; a server that sends garbage.
//!
//! The uplink's faults are in `sync_relay_faults`, the tokens in `sync_relay_tokens`.

use crate::support::regional::{Region, room};
use crate::support::sync::session::{contains, ok};
use crate::support::sync::{card_texts, wait_until};
use serde_json::json;

#[test]
fn two_rooms_relay_to_one_server_a_staff_reader_follows_both_and_the_server_stores_only_published_content() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (token_1, token_2, staff) = (paja::sync::admission::new_token(), paja::sync::admission::new_token(), paja::sync::admission::new_token());
    let region = Region::start(
        dir.path(),
        &json!({
            token_1.clone(): { "documents": ["ryhma-1"], "access": "write" },
            token_2.clone(): { "documents": ["ryhma-2"], "access": "write" },
            staff.clone(): { "documents": ["*"], "access": "read" },
        }),
    );
    let mut rooms = [
        room(&dir.path().join("room1"), &region, &region.url(), &token_1, "ryhma-1", "Salanimi Aino"),
        room(&dir.path().join("room2"), &region, &region.url(), &token_2, "ryhma-2", "Salanimi Bertta"),
    ];
    let mut secrets: Vec<String> = vec![token_1, token_2, staff.clone()];
    for (i, room) in rooms.iter_mut().enumerate() {
        let n = i + 1;
        room.hub.expect("relay connected");
        room.writer.add_card(&room.cards, &format!("Julkinen kortti {n}"));
        ok(&mut room.writer, json!({ "cmd": "add_comment", "comment": { "board_id": room.cards, "text": format!("Julkinen kommentti {n}") } }));
        ok(&mut room.fac, json!({ "cmd": "patch_meta", "patch": { "organisation": format!("Salainen Organisaatio {n}") } }));
        let host = json!({ "host": format!("Salanimi Isäntä {n}"), "summary": format!("Julkinen sato {n}") });
        ok(&mut room.fac, json!({ "cmd": "patch_item", "board": room.cafe, "item_type": "Station", "id": room.station, "patch": host }));
        ok(&mut room.fac, json!({ "cmd": "start_silent", "board": room.wall, "anonymous": true }));
        wait_until("the round reaches the writer", || room.writer.view()["control"]["silent"]["board"] == room.wall.as_str());
        ok(&mut room.writer, json!({ "cmd": "write_draft", "board": room.wall, "text": format!("Salainen luonnos {n}") }));
        ok(&mut room.writer, json!({ "sealed_card": { "board": room.wall, "text": format!("Sinetöity kortti {n}") } }));
        secrets.extend([room.hub.code.clone(), room.hub.facilitator_token.clone()]);
    }

    let mut readers = [region.reader(&dir.path().join("staff1.paja"), &staff, "ryhma-1"), region.reader(&dir.path().join("staff2.paja"), &staff, "ryhma-2")];
    for (i, (reader, room)) in readers.iter_mut().zip(&rooms).enumerate() {
        let n = i + 1;
        wait_until("the staff reader sees the room's card", || card_texts(&reader.view(), &room.cards) == [format!("Julkinen kortti {n}")]);
    }
    for (i, room) in rooms.iter_mut().enumerate() {
        room.writer.add_card(&room.cards, &format!("Toinen kortti {}", i + 1));
    }
    for (i, (reader, room)) in readers.iter_mut().zip(&rooms).enumerate() {
        let n = i + 1;
        let both = [format!("Julkinen kortti {n}"), format!("Toinen kortti {n}")];
        wait_until("the staff reader sees the room's model update", || card_texts(&reader.view(), &room.cards) == both);
        let comments = reader.view()["comments"].clone();
        assert_eq!(comments[0]["text"], format!("Julkinen kommentti {n}"), "the comment is published");
        assert_eq!(comments[0]["author"], "", "without its author's name");
        let other = format!("Julkinen kortti {}", 3 - n);
        assert!(!reader.view().to_string().contains(&other), "each document holds one room's model");
    }
    let edit = readers[0].ask(json!({ "add_free_card": { "board": rooms[0].cards, "text": "Lukijan kortti" } }));
    assert!(edit.is_err_and(|e| e.contains("only be read")), "the reader's copy refuses edits in one sentence");

    // The positive control: the published cards of both rooms are found in the server's file.
    let published = ["Julkinen kortti 1", "Julkinen kortti 2", "Toinen kortti 1", "Toinen kortti 2"];
    wait_until("the server has stored the published cards", || {
        let stored = region.stored_bytes();
        published.iter().all(|text| contains(&stored, text.as_bytes()))
    });
    let stored = region.stored_bytes();
    assert!(contains(&stored, "Julkinen sato 1".as_bytes()), "the café's harvest is published");
    secrets.extend(["Salainen luonnos", "Sinetöity kortti", "Salanimi", "Salainen Organisaatio"].map(String::from));
    for secret in &secrets {
        assert!(!contains(&stored, secret.as_bytes()), "the server's file holds {secret}, which must stay in the room");
    }
    println!("relay privacy: {} bytes of the server's SQLite file hold {} published texts and none of {} secrets", stored.len(), published.len() + 1, secrets.len());
    let room_cards = rooms.iter_mut().map(|r| card_texts(&r.fac.view(), &r.cards)).collect::<Vec<_>>();
    assert_eq!(room_cards[0], ["Julkinen kortti 1", "Toinen kortti 1"], "the room itself has its cards");
}

fn next_line(lines: &std::sync::mpsc::Receiver<String>) -> String {
    lines.recv_timeout(crate::support::sync::PATIENCE).expect("the reader prints a line")
}

#[test]
fn a_staff_reader_prints_its_state_and_each_update_and_a_refused_one_says_why_and_ends() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (token, staff) = (paja::sync::admission::new_token(), paja::sync::admission::new_token());
    let region = Region::start(
        dir.path(),
        &json!({ token.clone(): { "documents": ["ryhma-1"], "access": "write" }, staff.clone(): { "documents": ["ryhma-1"], "access": "read" } }),
    );
    let mut room = room(dir.path(), &region, &region.url(), &token, "ryhma-1", "Kirjoittaja");
    room.hub.expect("relay connected");
    let (mut reader, lines) = region.reader_lines(&dir.path().join("staff.paja"), &staff, "ryhma-1");
    assert_eq!(next_line(&lines), "relay connected", "the reader says it is connected");
    room.writer.add_card(&room.cards, "Uusi kortti");
    // After each change it takes in, the reader says `updated`; one of them brings the card.
    loop {
        assert_eq!(next_line(&lines), "updated", "the reader says when it took in a change");
        if crate::support::regional::file_shows(&dir.path().join("staff.paja"), "Uusi kortti") {
            break;
        }
    }
    let _ = reader.kill();
    let _ = reader.wait();

    let (mut refused, lines) = region.reader_lines(&dir.path().join("other.paja"), &staff, "ryhma-2");
    assert_eq!(next_line(&lines), "relay refused The regional server does not accept the token.", "a token that does not open the document");
    let status = refused.wait().expect("the refused reader ends");
    assert!(!status.success(), "and fails");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_relay_turns_on_moves_to_another_document_and_off_while_the_hub_hosts() {
    use paja::api::WorkshopFile;
    use paja::session::{HubOptions, RelayReader, RelayState};
    use paja::sync::Hub;
    let dir = tempfile::tempdir().expect("temp dir");
    let token = paja::sync::admission::new_token();
    let region = Region::start(dir.path(), &json!({ token.clone(): { "documents": ["*"], "access": "write" } }));
    let (path, board) = crate::support::sync::workshop_with_board(dir.path());
    let options = HubOptions { bind: ([127, 0, 0, 1], 0).into(), mdns: false, ..HubOptions::default() };
    let hub = Hub::start(WorkshopFile::open(&path).expect("the file opens"), options).await.expect("the hub starts");
    assert_eq!(hub.relay_status(), None, "the relay is off until turned on");
    let connected = |hub: &paja::session::HubHandle| hub.relay_status().is_some_and(|s| s.state == RelayState::Connected);
    let mut signal = hub.subscribe_status();

    hub.set_relay(Some(region.settings(&token, "ryhma-1")));
    eventually("the relay connects", || connected(&hub)).await;
    assert!(signal.try_recv().is_ok(), "the status signal fired");
    let card = paja::model::free::FreeCard { text: "Hubin kortti".into(), ..Default::default() };
    hub.change(|w| w.add(&board, &card)).expect("the facilitator adds a card");
    let gone = paja::model::free::FreeCard { text: "Poistuva kortti".into(), ..Default::default() };
    let gone = hub.change(|w| w.add(&board, &gone)).expect("and another");
    let copy = |name: &str| WorkshopFile::create(&dir.path().join(name), paja::model::Workshop::new()).expect("a reader's file");
    let first = RelayReader::start(copy("r1.paja"), region.settings(&token, "ryhma-1"));
    let cards = |reader: &RelayReader| card_texts(&serde_json::to_value(reader.view()).unwrap(), &board);
    eventually("the first document holds the cards", || cards(&first) == ["Hubin kortti", "Poistuva kortti"]).await;
    hub.change(|w| w.delete::<paja::model::free::FreeCard>(&board, &gone)).expect("the facilitator deletes a card");
    eventually("a deletion reaches the server too", || cards(&first) == ["Hubin kortti"]).await;

    hub.set_relay(Some(region.settings(&token, "ryhma-2")));
    let status = hub.relay_status().expect("the relay is on");
    assert_eq!(status.workshop, "ryhma-2", "the status names the new document");
    eventually("the relay connects to the new document", || connected(&hub)).await;
    let second = RelayReader::start(copy("r2.paja"), region.settings(&token, "ryhma-2"));
    eventually("the new document gets the whole published view", || card_texts(&serde_json::to_value(second.view()).unwrap(), &board) == ["Hubin kortti"]).await;

    hub.set_relay(None);
    assert_eq!(hub.relay_status(), None, "the relay is off again");
    hub.stop();
}

/// Polls `done` on the runtime until it holds or the patience runs out.
async fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !done() {
        assert!(start.elapsed() < crate::support::sync::PATIENCE, "gave up waiting: {what}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// A TLS WebSocket server that answers every message with bytes that do not read as
/// Hocuspocus's; counts the connections it took.
async fn garbling_server(cert: &str, key: &str) -> (u16, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use futures_util::{SinkExt, StreamExt};
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs = vec![CertificateDer::from_pem_slice(cert.as_bytes()).expect("the certificate")];
    let key = PrivateKeyDer::from_pem_slice(key.as_bytes()).expect("the key");
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider).with_safe_default_protocol_versions().unwrap().with_no_client_auth();
    let acceptor = tokio_rustls::TlsAcceptor::from(std::sync::Arc::new(config.with_single_cert(certs, key).expect("a TLS config")));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("the fake server listens");
    let port = listener.local_addr().unwrap().port();
    let taken = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = taken.clone();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(tls) = acceptor.accept(tcp).await else { return };
                let Ok(mut ws) = tokio_tungstenite::accept_async(tls).await else { return };
                while let Some(Ok(_)) = ws.next().await {
                    let garbage = vec![7, b'r', b'y', b'h', b'm', b'a', b'-', b'1', 0, 9, 0xff, 0xff, 0xff, 0xff, 0xff];
                    if ws.send(tokio_tungstenite::tungstenite::Message::Binary(garbage.into())).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (port, taken)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_sends_garbage_drops_the_link_with_a_sentence_and_the_hub_retries_and_goes_on() {
    use paja::api::WorkshopFile;
    use paja::session::{HubOptions, RelaySettings, RelayState, RelayTrust};
    use paja::sync::Hub;
    let dir = tempfile::tempdir().expect("temp dir");
    let (ca, cert, key) = crate::support::regional::certificates();
    let (port, connections) = garbling_server(&cert, &key).await;
    let (path, board) = crate::support::sync::workshop_with_board(dir.path());
    let relay = RelaySettings { url: format!("wss://localhost:{port}"), token: "t".into(), workshop: "ryhma-1".into(), trust: RelayTrust::Pem(ca.into_bytes()) };
    let options = HubOptions { bind: ([127, 0, 0, 1], 0).into(), mdns: false, relay: Some(relay), ..HubOptions::default() };
    let hub = Hub::start(WorkshopFile::open(&path).expect("the file opens"), options).await.expect("the hub starts");

    eventually("the hub connects again after dropped links", || connections.load(std::sync::atomic::Ordering::SeqCst) >= 3).await;
    let status = hub.relay_status().expect("the relay is on");
    assert_eq!(status.state, RelayState::Offline, "a server that speaks garbage leaves the relay offline, trying again");
    let why = status.refusal.expect("the status says why").message;
    assert!(why.contains("does not read") && why.lines().count() == 1, "in one sentence: {why}");
    let card = paja::model::free::FreeCard { text: "Huone jatkaa".into(), ..Default::default() };
    hub.change(|w| w.add(&board, &card)).expect("the room goes on");
    assert!(hub.view().to_export().contains("Huone jatkaa"), "the hub kept the card");
    hub.stop();
}
