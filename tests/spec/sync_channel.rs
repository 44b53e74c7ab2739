//! The browser's encrypted channel and its tokens: a relay that swaps the key exchange
//! without the code is refused by both ends, wrong guesses are rate-limited, and a
//! reconnect token is per person and per session: removing the person or ending the
//! session ends it, and the facilitator's token never works from a browser.

use crate::support::browser::{Browser, socket};
use futures_util::{SinkExt, StreamExt};
use paja::api::{Command, WorkshopFile};
use paja::model::Workshop;
use paja::sync::channel::{self, ChannelError, Secret};
use paja::sync::{Hub, HubHandle, HubOptions};
use serde_json::{Value, json};
use std::path::Path;
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

async fn hub_on(path: &Path, ui: &Path) -> HubHandle {
    let file = match path.exists() {
        true => WorkshopFile::open(path).unwrap(),
        false => WorkshopFile::create(path, Workshop::new()).unwrap(),
    };
    let options = HubOptions { bind: ([127, 0, 0, 1], 0).into(), tls: false, auto_admit: true, mdns: false, ui_dir: Some(ui.to_path_buf()), ..HubOptions::default() };
    let hub = Hub::start(file, options).await.expect("the hub starts");
    hub.execute(&Command::AllowBrowsers { on: true }).unwrap();
    hub
}

async fn hub(dir: &Path) -> HubHandle {
    let ui = dir.join("ui");
    std::fs::create_dir_all(&ui).unwrap();
    std::fs::write(ui.join("index.html"), "<!doctype html><title>Paja</title>").unwrap();
    hub_on(&dir.join("hub.paja"), &ui).await
}

/// A browser that joins with the typed code and `first`; its first answer.
async fn join(hub: &HubHandle, first: Value) -> (Browser, Value) {
    let mut browser = Browser::open(hub.addr, Secret::Code, &hub.code, first).await.expect("the exchange runs");
    let answer = browser.next().await.expect("an answer");
    (browser, answer)
}

async fn binary(ws: &mut (impl StreamExt<Item = Result<Message, tokio_tungstenite::tungstenite::Error>> + Unpin)) -> Vec<u8> {
    match tokio::time::timeout(Duration::from_secs(20), ws.next()).await.expect("in time") {
        Some(Ok(Message::Binary(bytes))) => bytes.to_vec(),
        other => panic!("a binary frame, not {other:?}"),
    }
}

/// What the relay saw: whether it could read the browser's join, and what the hub said.
struct Relayed {
    read_the_join: bool,
    hub_said: Option<Message>,
}

/// A relay between a browser and the hub that does not know the code: it runs its own
/// exchange with each side under a guess, forwards the browser's sealed join to the hub
/// and sends the browser a welcome of its own.
async fn swapping_relay(hub: std::net::SocketAddr) -> (std::net::SocketAddr, tokio::task::JoinHandle<Relayed>) {
    const GUESS: &str = "AAAAAA";
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let task = tokio::spawn(async move {
        let (tcp, _) = listener.accept().await.unwrap();
        let mut browser = tokio_tungstenite::accept_async(tcp).await.unwrap();
        let opening = binary(&mut browser).await;
        let mut upstream = socket(hub).await.unwrap();
        let (mine, my_opening) = channel::Browser::start(Secret::Code, GUESS);
        upstream.send(Message::Binary(my_opening.into())).await.unwrap();
        let hub_reply = binary(&mut upstream).await;
        assert!(mine.finish(&hub_reply).is_ok(), "the exchange itself completes: SPAKE2 reveals nothing yet");
        let (reply, mut to_browser) = channel::hub_answer(GUESS, &opening[1..]).unwrap();
        browser.send(Message::Binary(reply.into())).await.unwrap();
        let join = binary(&mut browser).await;
        let read_the_join = to_browser.open(&join).is_ok();
        upstream.send(Message::Binary(join.into())).await.unwrap();
        let hub_said = tokio::time::timeout(Duration::from_secs(20), upstream.next()).await.expect("in time").and_then(Result::ok);
        let welcome = to_browser.seal(br#"{"event":"welcome","role":"participant"}"#);
        browser.send(Message::Binary(welcome.into())).await.unwrap();
        Relayed { read_the_join, hub_said }
    });
    (addr, task)
}

#[tokio::test]
async fn a_relay_that_swaps_the_key_exchange_without_the_code_is_refused_by_both_ends() {
    let dir = tempfile::tempdir().unwrap();
    let hub = hub(dir.path()).await;
    let (relay, relayed) = swapping_relay(hub.addr).await;
    let mut browser = Browser::open(relay, Secret::Code, &hub.code, json!({ "name": "Aino Ä" })).await.expect("the exchange runs");
    let answer = browser.receive().await;
    assert!(matches!(answer, Some(Err(ChannelError::Frame))), "the browser refuses the relay's welcome: {answer:?}");
    let relayed = relayed.await.unwrap();
    assert!(!relayed.read_the_join, "the relay could not read the browser's join");
    let Some(Message::Text(refused)) = relayed.hub_said else { panic!("the hub refuses in one plain word: {:?}", relayed.hub_said) };
    let refused: Value = serde_json::from_str(&refused).unwrap();
    assert_eq!(refused["code"], "wrong_code", "the hub could not open the forwarded join");
    assert!(hub.view().control.people.is_empty(), "nobody joined through the relay");
}

#[tokio::test]
async fn each_wrong_code_is_one_guess_and_the_rate_limit_ends_the_guessing() {
    let dir = tempfile::tempdir().unwrap();
    let hub = hub(dir.path()).await;
    let wrong = if hub.code == "ZZZZZZ" { "YYYYYY" } else { "ZZZZZZ" };
    for _ in 0..paja::sync::admission::WRONG_CODES_ALLOWED {
        let mut browser = Browser::open(hub.addr, Secret::Code, wrong, json!({ "name": "Arvaaja" })).await.expect("the exchange runs");
        assert_eq!(browser.next().await.expect("a refusal")["code"], "wrong_code", "one try, one guess");
    }
    let refused = Browser::open(hub.addr, Secret::Code, &hub.code, json!({ "name": "Arvaaja" })).await.err();
    assert!(refused.is_some_and(|e| e.contains("too_many_wrong_codes")), "after five wrong guesses even the right code waits");
}

#[tokio::test]
async fn a_removed_persons_connection_ends_at_once_and_their_token_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let hub = hub(dir.path()).await;
    let (mut browser, welcome) = join(&hub, json!({ "name": "Aino" })).await;
    let token = welcome["token"].as_str().expect("a reconnect token").to_string();
    let person = welcome["person"].as_str().unwrap().to_string();
    let (mut again, back) = join(&hub, json!({ "token": token })).await;
    assert_eq!(back["person"], person, "before: the token brings the same person back");
    assert!(hub.remove_person(&person), "the facilitator removes the person");
    for connection in [&mut browser, &mut again] {
        let mut heard = Vec::new();
        while let Some(Ok(message)) = connection.receive().await {
            heard.push(message);
        }
        assert!(heard.iter().any(|m| m["code"] == "removed"), "each connection hears why, then ends: {heard:?}");
    }
    let (_, refused) = join(&hub, json!({ "token": token })).await;
    assert_eq!(refused["code"], "token_unknown", "the revoked token is refused");
}

#[tokio::test]
async fn a_removed_desktop_participants_room_connection_ends() {
    let dir = tempfile::tempdir().unwrap();
    let hub = hub(dir.path()).await;
    let tcp = tokio::net::TcpStream::connect(hub.addr).await.unwrap();
    let url = format!("ws://{}/content?code={}&name=Pekka", hub.addr, hub.code);
    let (mut room, _) = tokio_tungstenite::client_async(url, tcp).await.expect("the desktop joins");
    let on_roster = async {
        loop {
            if let Some(p) = hub.view().control.people.iter().find(|p| p.name == "Pekka") {
                return p.id.clone();
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    let person = tokio::time::timeout(Duration::from_secs(20), on_roster).await.expect("the desktop is on the roster");
    hub.remove_person(&person);
    let ended = async {
        loop {
            match room.next().await {
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return,
                Some(Ok(_)) => continue,
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(20), ended).await.expect("the room connection ends");
}

#[tokio::test]
async fn an_ended_sessions_token_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let first = hub(dir.path()).await;
    let (_, welcome) = join(&first, json!({ "name": "Aino" })).await;
    let token = welcome["token"].as_str().unwrap().to_string();
    first.stop();
    drop(first);
    let next = hub_on(&dir.path().join("hub.paja"), &dir.path().join("ui")).await;
    let (_, refused) = join(&next, json!({ "token": token })).await;
    assert_eq!(refused["code"], "token_unknown", "a token of an ended session is refused");
}

#[tokio::test]
async fn the_facilitators_token_is_refused_from_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    let hub = hub(dir.path()).await;
    let (_, refused) = join(&hub, json!({ "token": hub.facilitator_token })).await;
    assert_eq!(refused["code"], "facilitator_token_in_browser", "even with the right code");
    let key = crate::support::browser::fragment(&hub.browser_link().unwrap(), "key");
    let mut browser = Browser::open(hub.addr, Secret::LinkKey, &key, json!({ "token": hub.facilitator_token })).await.unwrap();
    assert_eq!(browser.next().await.unwrap()["code"], "facilitator_token_in_browser", "or with the link's key");
    assert!(hub.view().control.people.is_empty(), "nobody came in");
}

#[test]
fn an_apps_join_travels_in_a_handshake_header_never_in_the_url() {
    use crate::support::sync::relay::Relay;
    use crate::support::sync::{Hub as Served, Peer, wait_until, workshop_with_board};
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = workshop_with_board(dir.path());
    // Plain loopback, so the handshake can be read; a LAN hub wraps it all in TLS.
    let hub = Served::serve(&file, &["--insecure-loopback"]);
    let relay = Relay::to(hub.port);
    let mut peer = Peer::join(&hub, &relay.addr(), &dir.path().join("p.paja"), &[]);
    wait_until("the peer is connected", || peer.is_connected());
    let wire = String::from_utf8_lossy(&relay.recorded()).into_owned();
    let requests: Vec<&str> = wire.lines().filter(|l| l.starts_with("GET ")).collect();
    assert!(!requests.is_empty(), "the relay saw the handshakes");
    assert!(requests.iter().all(|l| !l.contains('?')), "no code, name or token in any URL: {requests:?}");
    assert!(wire.to_ascii_lowercase().contains("paja-join: pake="), "the join is in its header, with a key exchange");
    assert!(!wire.contains(&hub.code), "the code itself is never sent, not even in the header");
}

#[test]
fn a_hub_that_does_not_know_the_code_is_refused_by_the_app() {
    use crate::support::sync::{Hub as Served, Peer, wait_until, workshop_with_board};
    let dir = tempfile::tempdir().unwrap();
    for side in ["real", "fake"] {
        std::fs::create_dir_all(dir.path().join(side)).unwrap();
    }
    let (real_file, _) = workshop_with_board(&dir.path().join("real"));
    let (fake_file, _) = workshop_with_board(&dir.path().join("fake"));
    let real = Served::serve(&real_file, &[]);
    // Another hub on the network, as mDNS would list it: its own address and certificate.
    let fake = Served::serve(&fake_file, &[]);
    let file = dir.path().join("p.paja");
    let args = ["join", &fake.addr(), &file.to_string_lossy(), "--script", "--code", &real.code, "--fingerprint", fake.fingerprint.as_deref().unwrap()];
    let mut peer = Peer::spawn(&args.map(String::from), &file);
    wait_until("the app refuses the hub", || peer.status()["status"]["state"] == "refused");
    assert_eq!(peer.status()["status"]["reason"]["code"], "hub_not_proved", "the hub could not prove the code");
    let mut honest = Peer::spawn(&["join", &real.addr(), &dir.path().join("h.paja").to_string_lossy(), "--script", "--code", &real.code, "--fingerprint", real.fingerprint.as_deref().unwrap()].map(String::from), &dir.path().join("h.paja"));
    wait_until("the real hub proves it", || honest.is_connected());
}
