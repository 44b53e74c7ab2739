//! The plan (meta, sessions, agenda steps, deleting and archiving boards) in a shared
//! session: participants see it and cannot change it. Their own core refuses (one
//! sentence, nothing sent), and the hub refuses the raw write of a tampered app. Anyone
//! but an observer comments, and the core signs the comment with the person's name.


use serde_json::{Value, json};
use crate::support::sync::session::{Room, board, join, ok, refused, seat_everyone};
use crate::support::sync::{Peer, wait_until};

const PLAN_ONLY: &str = "Only the facilitator can change the plan.";

fn refusals(peer: &mut Peer) -> usize {
    peer.status()["refusals"].as_array().map_or(0, |r| r.len())
}

/// What the plan is made of, as a replica's view holds it.
fn plan_of(view: &Value) -> Value {
    let boards: Vec<Value> = view["boards"].as_array().into_iter().flatten().map(|b| json!([b["id"], b["archived"]])).collect();
    json!({ "meta": view["meta"], "sessions": view["sessions"], "boards": boards })
}

#[test]
fn a_participant_cannot_change_the_plan_through_their_core_or_a_raw_write() {
    let dir = tempfile::tempdir().unwrap();
    let Room { plan: p, hub: _hub, mut fac, mut aino, mut bertta } = seat_everyone(dir.path(), "Aino");
    wait_until("Aino's replica holds the plan", || aino.has_board(&p.wall));
    let session = p.session.clone();
    let step = fac.view()["sessions"][0]["steps"][0]["id"].clone();
    let edits = [
        json!({ "cmd": "patch_meta", "patch": { "title": "Aino nimesi työpajan" } }),
        json!({ "cmd": "add_session", "title": "Ylimääräinen" }),
        json!({ "cmd": "patch_session", "session": session, "patch": { "title": "Toinen nimi" } }),
        json!({ "cmd": "patch_session", "session": session, "patch": { "order": 9.0 } }),
        json!({ "cmd": "patch_session", "session": session, "patch": { "memo": "Ainon muistio" } }),
        json!({ "cmd": "add_step", "session": session, "step": { "title": "Uusi vaihe" } }),
        json!({ "cmd": "patch_step", "session": session, "step": step, "patch": { "questions": ["Miksi?"] } }),
        json!({ "cmd": "patch_step", "session": session, "step": step, "patch": { "board_id": p.wall } }),
        json!({ "cmd": "patch_board", "board": p.cafe, "patch": { "archived": true } }),
        json!({ "cmd": "delete_board", "board": p.cafe }),
        json!({ "cmd": "delete_step", "session": session, "step": step }),
        json!({ "cmd": "delete_session", "session": session }),
    ];
    let before = plan_of(&fac.view());
    for edit in &edits {
        assert_eq!(refused(&mut aino, edit.clone()), PLAN_ONLY, "Aino's own core refuses {edit}");
    }
    assert_eq!(refusals(&mut aino), 0, "nothing was sent, so the hub had nothing to refuse");

    // One tampered write: after it, the replica holds a change the hub never takes in, so
    // Yjs holds back every later write of this replica as waiting for it.
    let tampered = json!({ "cmd": "patch_step", "session": session, "step": step, "patch": { "questions": ["Miksi?"] } });
    aino.ask(json!({ "raw": tampered })).expect("the tampered write is made locally");
    wait_until("the hub refuses it", || refusals(&mut aino) == 1);
    assert_eq!(aino.status()["refusals"][0], PLAN_ONLY, "the hub says why in one sentence");

    ok(&mut bertta, json!({ "cmd": "create_board", "kind": "free", "title": "Bertan taulu", "session_id": null, "starter": false }));
    wait_until("a participant's new board is still taken in", || {
        fac.view()["boards"].as_array().unwrap().iter().any(|b| b["title"] == "Bertan taulu")
    });
    ok(&mut fac, json!({ "cmd": "patch_step", "session": session, "step": step, "patch": { "title": "Ohjaajan vaihe" } }));
    wait_until("the facilitator's plan edit reaches Bertta", || bertta.view()["sessions"][0]["steps"][0]["title"] == "Ohjaajan vaihe");
    let mut expected = before;
    expected["sessions"][0]["steps"][0]["title"] = json!("Ohjaajan vaihe");
    for peer in [&mut fac, &mut bertta] {
        let mut now = plan_of(&peer.view());
        now["boards"].as_array_mut().unwrap().retain(|b| board(&peer.view(), b[0].as_str().unwrap())["title"] != "Bertan taulu");
        assert_eq!(now, expected, "no refused plan write reached any other replica");
    }
}

#[test]
fn participants_comment_under_their_roster_name_and_observers_cannot() {
    let dir = tempfile::tempdir().unwrap();
    let Room { plan: p, hub, mut fac, mut aino, mut bertta } = seat_everyone(dir.path(), "Åsa Öhman");
    let comment = |text: &str| json!({ "cmd": "add_comment", "comment": { "board_id": p.wall, "text": text, "author": "Joku muu" } });
    let id = ok(&mut aino, comment("Tämä idea on tärkeä."))["id"].clone();
    wait_until("the comment reaches the facilitator", || fac.view()["comments"].as_array().is_some_and(|c| !c.is_empty()));
    let stored = fac.view()["comments"][0].clone();
    assert_eq!(stored["author"], "Åsa Öhman", "the core signs with the person's roster name, not what the app sent");

    ok(&mut bertta, json!({ "cmd": "patch_comment", "comment": id, "patch": { "resolved": true } }));
    wait_until("anyone in the session may mark it resolved", || fac.view()["comments"][0]["resolved"] == true);

    let mut watcher = join(&hub, dir.path(), "o.paja", &["--observer", "--name", "Seuraaja"]);
    wait_until("the observer is in", || watcher.is_connected() && watcher.has_board(&p.wall));
    assert_eq!(refused(&mut watcher, comment("Seuraajan kommentti")), "Observers cannot make changes.");
}
