//! Facilitator-only actions and locks, refused twice: by the participant's own core
//! (one sentence, nothing sent) and by the hub when a tampered app sends the write raw
//! (refused, and applied nowhere).


use serde_json::{Value, json};
use crate::support::sync::session::{Room, seat_everyone, board, facilitator, join, names, ok, plan, refused};
use crate::support::sync::{Hub, Peer, wait_until};

const ONLY_FACILITATOR: &str = "Only the facilitator can change the session controls.";
const LOCKED: &str = "The facilitator has locked this.";

fn refusals(peer: &mut Peer) -> usize {
    peer.status()["refusals"].as_array().map_or(0, |r| r.len())
}

fn idea(board: &str, name: &str) -> Value {
    json!({ "cmd": "add_item", "board": board, "item": { "type": "Idea", "name": name } })
}

#[test]
fn every_facilitator_action_is_refused_for_a_participant_by_their_core_and_by_the_hub() {
    let dir = tempfile::tempdir().unwrap();
    let Room { plan: p, hub: _hub, mut fac, mut aino, mut bertta } = seat_everyone(dir.path(), "Aino");
    wait_until("Aino's replica holds the plan", || aino.has_board(&p.wall));
    let control_before = fac.view()["control"].clone();
    let session = &p.session;
    let step = fac.view()["sessions"][0]["steps"][0]["id"].clone();
    let actions = [
        json!({ "cmd": "go_to_step", "session": session, "step": step }),
        json!({ "cmd": "start_timer", "seconds": 60 }),
        json!({ "cmd": "stop_timer" }),
        json!({ "cmd": "follow", "board": p.wall, "x": 0.0, "y": 0.0, "zoom": 1.0 }),
        json!({ "cmd": "stop_follow" }),
        json!({ "cmd": "lock", "id": p.wall }),
        json!({ "cmd": "unlock", "id": p.wall }),
        json!({ "cmd": "spotlight", "item": null }),
        json!({ "cmd": "start_silent", "board": p.wall, "anonymous": false }),
        json!({ "cmd": "reveal_silent" }),
        json!({ "cmd": "start_voting", "board": p.wall, "budget": 3, "hidden": true }),
        json!({ "cmd": "reveal_votes" }),
        json!({ "cmd": "end_voting" }),
        json!({ "cmd": "start_cafe", "board": p.cafe }),
        json!({ "cmd": "next_cafe_round" }),
        json!({ "cmd": "assign_cafe_group", "person": "x", "group": null }),
        json!({ "cmd": "split_groups", "size": 3, "random": true, "board": null }),
        json!({ "cmd": "assign_group", "person": "x", "group": null }),
        json!({ "cmd": "open_evaluation", "board": p.form }),
        json!({ "cmd": "close_evaluation" }),
        json!({ "cmd": "allow_browsers", "on": true }),
        json!({ "cmd": "draft_memo", "session": session }),
    ];
    for action in &actions {
        assert_eq!(refused(&mut aino, action.clone()), ONLY_FACILITATOR, "Aino's own core refuses {action}");
    }
    assert_eq!(refusals(&mut aino), 0, "nothing was sent, so the hub had nothing to refuse");

    // A tampered app writes the control document anyway: the hub refuses every write.
    // (The memo is ordinary content a participant may edit anyway, so it is not here.)
    let me = fac.view()["control"]["people"].as_array().unwrap().iter().find(|x| x["name"] == "Aino").unwrap()["id"].clone();
    let raw = [
        json!({ "cmd": "go_to_step", "session": session, "step": step }),
        json!({ "cmd": "start_timer", "seconds": 60 }),
        json!({ "cmd": "stop_timer" }),
        json!({ "cmd": "follow", "board": p.wall, "x": 1.0, "y": 2.0, "zoom": 1.5 }),
        json!({ "cmd": "stop_follow" }),
        json!({ "cmd": "lock", "id": p.wall }),
        json!({ "cmd": "unlock", "id": p.wall }),
        json!({ "cmd": "spotlight", "item": "jokin" }),
        json!({ "cmd": "start_silent", "board": p.wall, "anonymous": false }),
        json!({ "cmd": "reveal_silent" }),
        json!({ "cmd": "start_voting", "board": p.wall, "budget": 9, "hidden": false }),
        json!({ "cmd": "reveal_votes" }),
        json!({ "cmd": "end_voting" }),
        json!({ "cmd": "start_cafe", "board": p.cafe }),
        json!({ "cmd": "next_cafe_round" }),
        json!({ "cmd": "assign_cafe_group", "person": me, "group": p.groups[0] }),
        json!({ "cmd": "split_groups", "size": 3, "random": false, "board": null }),
        json!({ "cmd": "assign_group", "person": me, "group": null }),
        json!({ "cmd": "open_evaluation", "board": p.form }),
        json!({ "cmd": "close_evaluation" }),
        json!({ "cmd": "allow_browsers", "on": true }),
    ];
    assert_eq!(raw.len(), actions.len() - 1, "every control action but the memo is tried raw");
    // Each refused write is taken back from Aino's replica, so one that needs an earlier
    // one (a reveal needs its round) is refused by her own core this time.
    let mut made = 0;
    let mut needs_earlier = Vec::new();
    for action in &raw {
        if aino.ask(json!({ "raw": action })).is_err() {
            needs_earlier.push(action["cmd"].clone());
            continue;
        }
        made += 1;
        wait_until("the hub refuses it", || refusals(&mut aino) == made);
    }
    assert_eq!(needs_earlier, ["reveal_silent", "reveal_votes", "next_cafe_round"], "only writes that need a refused one are not made");
    assert_eq!(aino.status()["refusals"][0], ONLY_FACILITATOR, "the hub says why in one sentence");
    ok(&mut fac, json!({ "cmd": "spotlight", "item": "merkki" }));
    wait_until("the facilitator's own change reaches Bertta", || bertta.view()["control"]["spotlight"] == "merkki");
    let mut expected = control_before;
    expected["spotlight"] = json!("merkki");
    for peer in [&mut fac, &mut bertta] {
        let mut control = peer.view()["control"].clone();
        control["people"] = expected["people"].clone();
        assert_eq!(control, expected, "no refused write reached any other replica");
    }
}

#[test]
fn a_locked_board_is_refused_by_the_participants_core_and_at_the_hub() {
    let dir = tempfile::tempdir().unwrap();
    let Room { plan: p, hub: _hub, mut fac, mut aino, mut bertta } = seat_everyone(dir.path(), "Aino");
    ok(&mut fac, json!({ "cmd": "lock", "id": p.wall }));
    wait_until("the lock reaches Aino", || aino.view()["control"]["locked"] == json!([p.wall]));

    assert_eq!(refused(&mut aino, idea(&p.wall, "Ohi lukon")), LOCKED, "Aino's core refuses a locked board");
    aino.ask(json!({ "raw": idea(&p.wall, "Väkisin") })).expect("the tampered write is made locally");
    wait_until("the hub refuses it", || refusals(&mut aino) == 1);
    assert_eq!(aino.status()["refusals"][0], LOCKED, "the hub says why");
    ok(&mut fac, idea(&p.wall, "Ohjaajan idea"));
    wait_until("the facilitator may still write", || names(&bertta.view(), &p.wall) == ["Ohjaajan idea"]);
    assert_eq!(names(&fac.view(), &p.wall), ["Ohjaajan idea"], "the refused idea reached nobody");
    assert!(board(&fac.view(), &p.cafe)["stations"].is_array(), "other boards are not locked");

    ok(&mut fac, json!({ "cmd": "unlock", "id": p.wall }));
    wait_until("the unlock reaches Bertta", || bertta.view()["control"]["locked"] == json!([]));
    ok(&mut bertta, idea(&p.wall, "Auki taas"));
    wait_until("unlocked, Bertta's idea arrives", || names(&fac.view(), &p.wall) == ["Auki taas", "Ohjaajan idea"]);
}

#[test]
fn a_locked_item_is_refused_at_the_hub_while_the_rest_of_its_board_stays_open() {
    let dir = tempfile::tempdir().unwrap();
    let p = plan(dir.path());
    let hub = Hub::serve(&p.file, &[]);
    let mut fac = facilitator(&hub, dir.path());
    let mut aino = join(&hub, dir.path(), "a.paja", &["--name", "Aino"]);
    wait_until("both are in", || fac.is_connected() && aino.is_connected());
    let kept = ok(&mut fac, idea(&p.wall, "Lukittu idea"))["id"].clone();
    ok(&mut fac, json!({ "cmd": "lock", "id": kept }));
    wait_until("the lock reaches Aino", || aino.view()["control"]["locked"] == json!([kept]));
    let rename = json!({ "cmd": "patch_item", "board": p.wall, "item_type": "Idea", "id": kept, "patch": { "name": "Muutettu" } });
    assert_eq!(refused(&mut aino, rename.clone()), LOCKED, "Aino's core refuses the locked idea");
    aino.ask(json!({ "raw": rename })).expect("the tampered write is made locally");
    wait_until("the hub refuses it", || refusals(&mut aino) == 1);
    ok(&mut aino, idea(&p.wall, "Vapaa idea"));
    wait_until("a new idea on the same board is taken in", || names(&fac.view(), &p.wall).contains(&"Vapaa idea".to_string()));
    assert_eq!(names(&fac.view(), &p.wall), ["Lukittu idea", "Vapaa idea"], "the locked idea kept its name at the hub");
}
