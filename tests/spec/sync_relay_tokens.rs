//! Tokens at the regional server: a hub with a token the server does not know, and a hub
//! whose token is taken out of the server's tokens file while it relays, are each
//! refused in one sentence (the server's own reason goes to the hub's log), and stop
//! trying; their rooms go on writing and seeing each other's cards.

use crate::support::regional::{Region, room};
use crate::support::sync::session::join;
use crate::support::sync::{card_texts, wait_until};
use serde_json::json;

const REFUSED: &str = "relay refused The regional server does not accept the token.";

#[test]
fn a_bad_token_and_a_revoked_token_are_refused_in_one_sentence_while_the_room_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (good, reading) = (paja::sync::admission::new_token(), paja::sync::admission::new_token());
    let region = Region::start(
        dir.path(),
        &json!({
            good.clone(): { "documents": ["ryhma-1", "ryhma-2"], "access": "write" },
            reading.clone(): { "documents": ["*"], "access": "read" },
        }),
    );

    let mut bad = room(&dir.path().join("bad"), &region, &region.url(), "väärä-tunnus", "ryhma-1", "Kirjoittaja Aino");
    assert_eq!(bad.hub.expect("relay "), REFUSED, "a bad token is refused in one sentence");
    let mut other = join(&bad.hub, &dir.path().join("bad"), "o.paja", &["--name", "Kirjoittaja Bertta"]);
    bad.writer.add_card(&bad.cards, "Huone jatkaa");
    wait_until("the room goes on without the relay", || card_texts(&other.view(), &bad.cards) == ["Huone jatkaa"]);

    let mut staff_only = room(&dir.path().join("reading"), &region, &region.url(), &reading, "ryhma-3", "Kirjoittaja Eero");
    assert_eq!(staff_only.hub.expect("relay "), REFUSED, "a token that only reads cannot relay a room");
    staff_only.writer.add_card(&staff_only.cards, "Sekin huone jatkaa");

    let mut revoked = room(&dir.path().join("revoked"), &region, &region.url(), &good, "ryhma-2", "Kirjoittaja Cecilia");
    assert_eq!(revoked.hub.expect("relay "), "relay connected", "a good token connects");
    revoked.writer.add_card(&revoked.cards, "Ennen peruutusta");
    region.set_tokens(&json!({}));
    assert_eq!(revoked.hub.expect("relay refused"), REFUSED, "a revoked token is refused in one sentence");
    let mut watcher = join(&revoked.hub, &dir.path().join("revoked"), "o.paja", &["--name", "Kirjoittaja Daniel"]);
    revoked.writer.add_card(&revoked.cards, "Peruutuksen jälkeen");
    let both = ["Ennen peruutusta", "Peruutuksen jälkeen"];
    wait_until("the room goes on after the revocation", || card_texts(&watcher.view(), &revoked.cards) == both);

    let log = |room: &str| {
        let logs = std::fs::read_dir(dir.path().join(room)).expect("the room's folder").flatten();
        let hub_logs = logs.filter(|e| e.file_name().to_string_lossy().starts_with("hub.hub-"));
        hub_logs.map(|e| std::fs::read_to_string(e.path()).unwrap_or_default()).collect::<String>()
    };
    assert!(log("bad").contains("unknown token"), "the server's reason is in the hub's log");
    assert!(log("revoked").contains("unknown token"), "the server's reason for the reconnect is in the log too");
}
