//! Live sync converges: every peer ends with the same projection.


use crate::support::sync::{Hub, Peer, wait_until, workshop_with_board};

#[test]
fn changes_from_one_peer_reach_all_others() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, board) = workshop_with_board(dir.path());
    let hub = Hub::serve(&file, &[]);
    let mut peers: Vec<Peer> = (0..3).map(|i| Peer::join(&hub, &hub.addr(), &dir.path().join(format!("p{i}.paja")), &[])).collect();
    wait_until("every peer is connected", || peers.iter_mut().all(|p| p.is_connected()));
    peers[0].add_card(&board, "Asiakas odottaa soittoa");
    for peer in &mut peers[1..] {
        wait_until("the card reaches the others", || peer.card_texts(&board) == ["Asiakas odottaa soittoa"]);
    }
}

#[test]
fn twenty_peers_editing_at_once_converge_to_one_projection() {
    const PEERS: usize = 20;
    const CARDS_EACH: usize = 10;
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, board) = workshop_with_board(dir.path());
    let hub = Hub::serve(&file, &[]);
    let mut peers: Vec<Peer> =
        (0..PEERS).map(|i| Peer::join(&hub, &hub.addr(), &dir.path().join(format!("p{i}.paja")), &[])).collect();
    wait_until("every peer has the board", || peers.iter_mut().all(|p| p.view()["boards"].as_array().is_some_and(|b| !b.is_empty())));
    for round in 0..CARDS_EACH {
        for (i, peer) in peers.iter_mut().enumerate() {
            peer.add_card(&board, &format!("kortti {i}-{round}"));
        }
    }
    let expected = PEERS * CARDS_EACH;
    wait_until("every peer has every card", || peers.iter_mut().all(|p| p.card_texts(&board).len() == expected));
    let first = peers[0].view();
    for (i, peer) in peers.iter_mut().enumerate() {
        assert_eq!(peer.view(), first, "peer {i}'s projection equals peer 0's: replicas of one document converge");
    }
}
