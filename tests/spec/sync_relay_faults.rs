//! The relay's uplink under faults: while two participants keep writing, the link from
//! the hub to the regional server is cut and restored ten times (through a TCP relay the
//! test controls), and the hub is SIGKILLed once and started again. The server's copy
//! converges on the hub's published view, byte for byte in projection, with every card.

use crate::support::regional::{Region, normal, published, room};
use crate::support::sync::relay::Relay;
use crate::support::sync::session::join;
use crate::support::sync::{Peer, card_texts, wait_until};
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

const CUTS: usize = 10;
/// The cut after which the hub is SIGKILLed.
const KILL_AT: usize = 5;

#[test]
fn the_servers_copy_converges_on_the_hubs_published_view_through_ten_cuts_and_a_killed_hub() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (writer_token, staff) = (paja::sync::admission::new_token(), paja::sync::admission::new_token());
    let region = Region::start(
        dir.path(),
        &json!({
            writer_token.clone(): { "documents": ["ryhma-1"], "access": "write" },
            staff.clone(): { "documents": ["*"], "access": "read" },
        }),
    );
    let uplink = Relay::to(region.port);
    let url = region.url_via(uplink.port);
    let mut room = room(dir.path(), &region, &url, &writer_token, "ryhma-1", "Kirjoittaja Aino");
    room.hub.expect("relay connected");
    let mut second = join(&room.hub, dir.path(), "w2.paja", &["--name", "Kirjoittaja Bertta"]);
    wait_until("the second writer is in", || second.is_connected());
    let stop = Arc::new(AtomicBool::new(false));
    let steady = steady_writer(second, room.cards.clone(), stop.clone());
    let mut written = Vec::new();
    let mut write = |writer: &mut Peer, text: String| {
        writer.add_card(&room.cards, &text);
        written.push(text);
    };

    for cut in 1..=CUTS {
        write(&mut room.writer, format!("Ennen katkoa {cut}"));
        uplink.cut();
        room.hub.expect("relay offline");
        write(&mut room.writer, format!("Katkon aikana {cut}"));
        if cut == KILL_AT {
            room.hub.restart();
            wait_until("the writer is back after the restart", || room.writer.is_connected());
            write(&mut room.writer, format!("Uudelleenkäynnistyksen jälkeen {cut}"));
        }
        uplink.heal();
        room.hub.expect("relay connected");
    }
    stop.store(true, Ordering::SeqCst);
    let (_second, steady_cards) = steady.join().expect("the steady writer stops");
    assert!(steady_cards.len() >= CUTS, "the second writer kept writing through the cuts: {}", steady_cards.len());
    written.extend(steady_cards);

    let mut reader = region.reader(&dir.path().join("staff.paja"), &staff, "ryhma-1");
    let mut expected = written.clone();
    expected.sort();
    wait_until("every card reaches the facilitator's replica", || card_texts(&room.fac.view(), &room.cards) == expected);
    wait_until("the server's copy holds every card", || card_texts(&reader.view(), &room.cards) == expected);
    let hub_side = published(&room.fac.view());
    wait_until("the server's copy equals the hub's published view", || normal(&reader.view()) == hub_side);
    let (server_json, hub_json) = (normal(&reader.view()).to_string(), hub_side.to_string());
    assert_eq!(server_json, hub_json, "byte-identical in projection");
    println!("relay faults: {CUTS} cuts, 1 SIGKILL, {} cards, projection {} bytes identical", written.len(), hub_json.len());
}

/// A participant who adds a card after another until told to stop, through the cuts and
/// the hub's restart (a card written while the hub is down waits in the replica).
fn steady_writer(mut peer: Peer, board: String, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<(Peer, Vec<String>)> {
    std::thread::spawn(move || {
        let mut cards = Vec::new();
        while !stop.load(Ordering::SeqCst) {
            let text = format!("Jatkuva kortti {}", cards.len() + 1);
            peer.add_card(&board, &text);
            cards.push(text);
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        (peer, cards)
    })
}
