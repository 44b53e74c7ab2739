//! Who gets in, over the network: the facilitator's lobby at the `paja serve --lobby`
//! console, reconnect tokens the hub does not know, and the rate limit on wrong codes.


use std::path::Path;
use crate::support::sync::{Hub, Peer, wait_until, workshop_with_board};

/// `paja join` with a code of our choosing (and the hub's fingerprint).
fn join_with_code(hub: &Hub, file: &Path, code: &str) -> Peer {
    let mut args: Vec<String> = ["join", &hub.addr(), &file.to_string_lossy(), "--script", "--code", code]
        .iter()
        .map(|s| s.to_string())
        .collect();
    args.extend(["--fingerprint".to_string(), hub.fingerprint.clone().expect("TLS")]);
    Peer::spawn(&args, file)
}

fn state(peer: &mut Peer) -> String {
    peer.status()["status"]["state"].as_str().unwrap_or_default().to_string()
}

/// The console's `lobby ID NAME` line for `name`; returns the id.
fn lobby_id(hub: &mut Hub, name: &str) -> String {
    let line = hub.expect("lobby ");
    let mut words = line.split_whitespace().skip(1);
    let id = words.next().expect("an id").to_string();
    assert_eq!(words.collect::<Vec<_>>().join(" "), name, "the console names who is waiting");
    id
}

#[test]
fn a_participant_waits_in_the_lobby_until_the_facilitator_admits_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, board) = workshop_with_board(dir.path());
    let mut hub = Hub::serve(&file, &["--lobby"]);
    let mut aino = Peer::join(&hub, &hub.addr(), &dir.path().join("a.paja"), &["--name", "Aino Lahtinen"]);
    wait_until("Aino is told to wait", || state(&mut aino) == "lobby");
    let id = lobby_id(&mut hub, "Aino Lahtinen");
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(state(&mut aino), "lobby", "nobody is let in without the facilitator");
    assert!(aino.card_texts(&board).is_empty(), "the lobby sees none of the workshop");

    hub.type_line(&format!("admit {id}"));
    assert_eq!(hub.expect("admitted"), "admitted true");
    wait_until("Aino is in", || aino.is_connected());
    assert_eq!(aino.status()["role"], "participant");
    aino.add_card(&board, "Ainon kortti");
    let mut bystander = {
        hub.type_line("auto on");
        hub.expect("auto-admit set");
        Peer::join(&hub, &hub.addr(), &dir.path().join("b.paja"), &[])
    };
    wait_until("Aino's card reaches the others", || bystander.card_texts(&board) == ["Ainon kortti"]);
}

#[test]
fn a_denied_participant_is_told_so_in_one_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, _) = workshop_with_board(dir.path());
    let mut hub = Hub::serve(&file, &["--lobby"]);
    let mut ville = Peer::join(&hub, &hub.addr(), &dir.path().join("v.paja"), &["--name", "Ville"]);
    wait_until("Ville waits", || state(&mut ville) == "lobby");
    let id = lobby_id(&mut hub, "Ville");
    hub.type_line(&format!("deny {id}"));
    assert_eq!(hub.expect("denied"), "denied true");
    wait_until("Ville is refused", || state(&mut ville) == "refused");
    assert_eq!(ville.status()["status"]["reason"]["message"], "The facilitator did not let you in.");
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(state(&mut ville), "refused", "a refused peer does not knock again");
}

#[test]
fn an_unknown_reconnect_token_falls_back_to_the_join_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, board) = workshop_with_board(dir.path());
    let hub = Hub::serve(&file, &[]);
    // A token from some other run of some other hub: this hub has never seen it.
    let stale = "0123456789abcdef0123456789abcdef";
    let mut peer = Peer::join(&hub, &hub.addr(), &dir.path().join("p.paja"), &["--token", stale]);
    let mut other = Peer::join(&hub, &hub.addr(), &dir.path().join("o.paja"), &[]);
    wait_until("the peer got in with the code", || peer.is_connected() && other.is_connected());
    assert_eq!(peer.status()["role"], "participant", "the code gives the participant's role");
    peer.add_card(&board, "uudelleen sisään");
    wait_until("its edits flow", || other.card_texts(&board) == ["uudelleen sisään"]);
}

#[test]
fn the_sixth_wrong_code_within_a_minute_is_told_to_wait() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, _) = workshop_with_board(dir.path());
    let hub = Hub::serve(&file, &[]);
    let wrong = if hub.code == "ZZZZZZ" { "YYYYYY" } else { "ZZZZZZ" };
    for i in 0..5 {
        let mut guess = join_with_code(&hub, &dir.path().join(format!("g{i}.paja")), wrong);
        wait_until("the wrong code is refused", || state(&mut guess) == "refused");
        assert_eq!(guess.status()["status"]["reason"]["message"], "The join code is wrong, or this is not the workshop's hub.", "guess {} is only wrong", i + 1);
    }
    let mut sixth = join_with_code(&hub, &dir.path().join("g5.paja"), wrong);
    wait_until("the sixth guess is refused", || state(&mut sixth) == "refused");
    let limit = "Too many wrong codes; wait a minute and try again.";
    assert_eq!(sixth.status()["status"]["reason"]["message"], limit, "the sixth wrong code gets the rate-limit sentence");
    let code = hub.code.clone();
    let mut right = join_with_code(&hub, &dir.path().join("r.paja"), &code);
    wait_until("even the right code is held off", || state(&mut right) == "refused");
    assert_eq!(right.status()["status"]["reason"]["message"], limit, "the limit holds for the whole minute");
}
