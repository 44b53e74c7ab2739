//! The trash in a shared session: only the facilitator deletes, restores and empties;
//! a participant's core refuses, and the hub refuses a tampered app's raw write.

use serde_json::{Value, json};
use crate::support::sync::session::{Room, board, ok, refused, seat_everyone};
use crate::support::sync::{Peer, wait_until};

const PLAN_ONLY: &str = "Only the facilitator can change the plan.";

fn refusals(peer: &mut Peer) -> usize {
    peer.status()["refusals"].as_array().map_or(0, |r| r.len())
}

fn trash(peer: &mut Peer) -> Vec<Value> {
    peer.view()["trash"].as_array().cloned().unwrap_or_default()
}

#[test]
fn only_the_facilitator_deletes_restores_and_empties_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let Room { plan: p, hub: _hub, mut fac, mut aino, mut bertta } = seat_everyone(dir.path(), "Aino");
    wait_until("Aino's replica holds the plan", || aino.has_board(&p.wall) && aino.has_board(&p.cafe));
    let entry = ok(&mut fac, json!({ "cmd": "delete_board", "board": p.cafe }))["id"].clone();
    wait_until("Aino sees the board in the trash", || trash(&mut aino).len() == 1 && !aino.has_board(&p.cafe));

    for edit in [
        json!({ "cmd": "delete_board", "board": p.wall }),
        json!({ "cmd": "delete_session", "session": p.session }),
        json!({ "cmd": "restore_trash", "entry": entry }),
        json!({ "cmd": "empty_trash" }),
    ] {
        assert_eq!(refused(&mut aino, edit.clone()), PLAN_ONLY, "Aino's own core refuses {edit}");
    }
    assert_eq!(refusals(&mut aino), 0, "nothing was sent");

    aino.ask(json!({ "raw": { "cmd": "restore_trash", "entry": entry } })).expect("the tampered restore is made locally");
    wait_until("the hub refuses Aino's restore", || refusals(&mut aino) == 1);
    bertta.ask(json!({ "raw": { "cmd": "delete_board", "board": p.wall } })).expect("the tampered delete is made locally");
    wait_until("the hub refuses Bertta's delete", || refusals(&mut bertta) == 1);
    assert_eq!(bertta.status()["refusals"][0], PLAN_ONLY, "the hub says why in one sentence");
    bertta.ask(json!({ "raw": { "cmd": "empty_trash" } })).expect("a tampered emptying is made locally");

    ok(&mut fac, json!({ "cmd": "patch_meta", "patch": { "title": "Ohjaajan muutos" } }));
    wait_until("a later write of the facilitator reaches the hub's peers", || fac.view()["meta"]["title"] == "Ohjaajan muutos");
    let view = fac.view();
    assert!(board(&view, &p.cafe).is_null(), "no participant restored the board");
    assert!(!board(&view, &p.wall).is_null(), "no participant deleted a board");
    assert_eq!(trash(&mut fac).len(), 1, "no participant emptied the trash");

    ok(&mut fac, json!({ "cmd": "restore_trash", "entry": entry }));
    assert!(!board(&fac.view(), &p.cafe).is_null(), "the facilitator restores it");
    assert!(trash(&mut fac).is_empty());
}
