//! A Yjs client (npm y-websocket) and Paja peers see each other's edits through
//! `paja serve`. Needs `npm ci` in tests/interop; the test says so if it was not run.


use std::path::Path;
use std::process::Command;
use crate::support::sync::{Hub, Peer, wait_until, workshop_with_board};

#[test]
fn a_yjs_client_and_a_paja_peer_see_each_others_cards() {
    let interop = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop");
    assert!(
        interop.join("node_modules/y-websocket").exists(),
        "run `npm ci` in tests/interop first: the Yjs client comes from npm"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, board) = workshop_with_board(dir.path());
    let hub = Hub::serve(&file, &["--insecure-loopback"]);
    let mut peer = Peer::join(&hub, &hub.addr(), &dir.path().join("p.paja"), &[]);
    wait_until("the Paja peer is connected", || peer.is_connected());
    peer.add_card(&board, "Paja kirjoitti");

    let output = Command::new("node")
        .current_dir(&interop)
        .args(["interop.mjs", &hub.port.to_string(), &hub.code, &board, "Paja kirjoitti", "Yjs kirjoitti"])
        .output()
        .expect("node runs");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "the Yjs client saw the Paja card: {said} {}", String::from_utf8_lossy(&output.stderr));
    wait_until("the Yjs card reaches the Paja peer", || peer.card_texts(&board).contains(&"Yjs kirjoitti".to_string()));
}
