//! Only the right people get in, roles limit who writes what, and nothing crosses the
//! network in clear between app instances.


use serde_json::json;
use crate::support::sync::relay::Relay;
use crate::support::sync::{Hub, Peer, wait_until, workshop_with_board};

#[test]
fn a_wrong_code_is_refused_with_one_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, _) = workshop_with_board(dir.path());
    let hub = Hub::serve(&file, &[]);
    let args: Vec<String> = ["join", &hub.addr(), &dir.path().join("p.paja").to_string_lossy(), "--script", "--code", "WRONG2"]
        .iter()
        .map(|s| s.to_string())
        .chain(["--fingerprint".to_string(), hub.fingerprint.clone().expect("TLS")])
        .collect();
    let mut peer = Peer::spawn(&args, &dir.path().join("p.paja"));
    wait_until("the peer is refused", || peer.status()["status"]["state"] == "refused");
    assert_eq!(peer.status()["status"]["reason"]["code"], "hub_not_proved", "the UI can say why in its own language");
    let sentence = "The join code is wrong, or this is not the workshop's hub.";
    assert_eq!(peer.status()["status"]["reason"]["message"], sentence, "the app cannot tell a wrong code from a fake hub, and says so");
}

#[test]
fn observers_cannot_write_and_are_told_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, board) = workshop_with_board(dir.path());
    let hub = Hub::serve(&file, &[]);
    let mut observer = Peer::join(&hub, &hub.addr(), &dir.path().join("o.paja"), &["--observer"]);
    let mut other = Peer::join(&hub, &hub.addr(), &dir.path().join("x.paja"), &[]);
    wait_until("both are connected", || observer.is_connected() && other.is_connected());
    observer.add_card(&board, "tarkkailijan kortti");
    wait_until("the observer is told", || observer.status()["refusals"].as_array().is_some_and(|r| !r.is_empty()));
    assert_eq!(observer.status()["refusals"][0], "Observers cannot make changes.");
    other.add_card(&board, "osallistujan kortti");
    wait_until("the participant's card arrives", || observer.card_texts(&board).contains(&"osallistujan kortti".into()));
    assert_eq!(other.card_texts(&board), ["osallistujan kortti"], "the observer's card never reached anyone");
}

#[test]
fn only_the_facilitator_writes_the_control_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, _) = workshop_with_board(dir.path());
    let hub = Hub::serve(&file, &[]);
    let token = hub.facilitator_token.clone();
    let mut facilitator = Peer::join(&hub, &hub.addr(), &dir.path().join("f.paja"), &["--token", &token]);
    let mut participant = Peer::join(&hub, &hub.addr(), &dir.path().join("p.paja"), &[]);
    let mut bystander = Peer::join(&hub, &hub.addr(), &dir.path().join("b.paja"), &[]);
    wait_until("all are connected", || [&mut facilitator, &mut participant, &mut bystander].iter_mut().all(|p| p.is_connected()));
    assert_eq!(facilitator.status()["role"], "facilitator");

    participant.ask(json!({ "raw": { "cmd": "allow_browsers", "on": true } })).expect("the local edit itself succeeds");
    wait_until("the participant is told", || participant.status()["refusals"].as_array().is_some_and(|r| !r.is_empty()));
    assert_eq!(participant.status()["refusals"][0], "Only the facilitator can change the session controls.");

    facilitator.ask(json!({ "cmd": "start_timer", "seconds": 300 })).expect("the facilitator may");
    wait_until("the facilitator's change arrives", || bystander.view()["control"]["timer"]["seconds"] == 300);
    assert_eq!(facilitator.view()["control"]["browsers"], false, "the refused write never reached the facilitator");
    assert_eq!(bystander.view()["control"]["browsers"], false, "nor anyone else");
    // The refused write stays only in the refused replica (the hub cannot take it back
    // there); the UI offers control edits to the facilitator alone.
}

#[test]
fn card_text_never_crosses_the_network_in_clear() {
    const SECRET: &str = "Salainen asiakaskertomus 4711";
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, board) = workshop_with_board(dir.path());
    let hub = Hub::serve(&file, &[]);
    let relay = Relay::to(hub.port);
    let mut writer = Peer::join(&hub, &relay.addr(), &dir.path().join("w.paja"), &[]);
    let mut reader = Peer::join(&hub, &relay.addr(), &dir.path().join("r.paja"), &[]);
    wait_until("both are connected", || writer.is_connected() && reader.is_connected());
    writer.add_card(&board, SECRET);
    wait_until("the card arrives through the relay", || reader.card_texts(&board) == [SECRET]);
    let wire = relay.recorded();
    assert!(wire.len() > 1000, "the relay recorded the traffic");
    assert!(!contains(&wire, SECRET.as_bytes()), "with TLS the card text is never on the wire in clear");
}

#[test]
fn the_clear_text_check_would_catch_plain_traffic() {
    const TEXT: &str = "Näkyvä kortti 0815";
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, board) = workshop_with_board(dir.path());
    let hub = Hub::serve(&file, &["--insecure-loopback"]);
    let relay = Relay::to(hub.port);
    // A reader too: the writer's own frames are masked (RFC 6455), the hub's are not.
    let mut writer = Peer::join(&hub, &relay.addr(), &dir.path().join("w.paja"), &[]);
    let mut reader = Peer::join(&hub, &relay.addr(), &dir.path().join("r.paja"), &[]);
    wait_until("connected", || writer.is_connected() && reader.is_connected());
    writer.add_card(&board, TEXT);
    wait_until("the hub has relayed the card", || contains(&relay.recorded(), TEXT.as_bytes()));
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
