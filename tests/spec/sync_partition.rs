//! Cut links and a crashed hub lose nothing: peers keep editing offline and merge later.


use crate::support::sync::relay::Relay;
use crate::support::sync::{Hub, Peer, wait_until, workshop_with_board};

#[test]
fn peers_cut_off_keep_editing_and_converge_after_reconnecting() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, board) = workshop_with_board(dir.path());
    let hub = Hub::serve(&file, &[]);
    let relay = Relay::to(hub.port);
    let mut online = Peer::join(&hub, &hub.addr(), &dir.path().join("online.paja"), &[]);
    let mut cut: Vec<Peer> = (0..3).map(|i| Peer::join(&hub, &relay.addr(), &dir.path().join(format!("cut{i}.paja")), &[])).collect();
    wait_until("everyone is connected", || online.is_connected() && cut.iter_mut().all(|p| p.is_connected()));

    relay.cut();
    wait_until("the cut peers notice", || cut.iter_mut().all(|p| !p.is_connected()));
    for (i, peer) in cut.iter_mut().enumerate() {
        peer.add_card(&board, &format!("offline {i}"));
    }
    online.add_card(&board, "online");
    relay.heal();

    let expected = ["offline 0", "offline 1", "offline 2", "online"];
    wait_until("the online peer gets the offline edits", || online.card_texts(&board) == expected);
    for peer in &mut cut {
        wait_until("each cut peer gets everything", || peer.card_texts(&board) == expected);
    }
    let view = online.view();
    for peer in &mut cut {
        assert_eq!(peer.view(), view, "after the partition heals every replica is the same");
    }
}

#[test]
fn every_update_a_peer_received_survives_a_hub_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, board) = workshop_with_board(dir.path());
    let mut hub = Hub::serve(&file, &[]);
    let mut writer = Peer::join(&hub, &hub.addr(), &dir.path().join("writer.paja"), &[]);
    let mut watcher = Peer::join(&hub, &hub.addr(), &dir.path().join("watcher.paja"), &[]);
    wait_until("both are connected", || writer.is_connected() && watcher.is_connected());
    for i in 0..40 {
        writer.add_card(&board, &format!("ennen {i}"));
    }
    hub.kill();
    let seen = watcher.card_texts(&board);
    // The writer stops too: what survives must come from the hub's file, not a replay.
    drop(writer);
    hub.restart();

    let mut late = Peer::join(&hub, &hub.addr(), &dir.path().join("late.paja"), &[]);
    wait_until("a newcomer is connected to the restarted hub", || late.is_connected());
    // Connected comes with the welcome, before the hub's state: wait for that to arrive.
    // A card the hub's log lacks never arrives, and the wait gives up on it.
    wait_until("every card a peer saw before the crash reaches the newcomer from the hub's log", || {
        let after = late.card_texts(&board);
        seen.iter().all(|text| after.contains(text))
    });
    wait_until("the watcher reconnects by itself", || watcher.is_connected());
    watcher.add_card(&board, "jälkeen");
    wait_until("the newcomer sees the watcher's new card", || late.card_texts(&board).contains(&"jälkeen".to_string()));
}
