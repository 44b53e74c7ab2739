//! Nothing written is lost for hidden dots and evaluation answers either, with real
//! `paja serve` and `paja join` processes: dots and answers on their way through a relay
//! when it cuts every link, or when the hub is SIGKILLed, are kept by each peer until
//! the hub acknowledges them, sent again on reconnect, and counted exactly once. The
//! budgets hold, and nobody is told they voted or answered twice.

use crate::support::ledger::{answers_kept, dots_counted, questions_answered};
use crate::support::sync::relay::Relay;
use crate::support::sync::session::{board, facilitator, ok, plan};
use crate::support::sync::{Hub, Peer, wait_until};
use serde_json::{Value, json};

const PEERS: usize = 4;
const BUDGET: usize = 3;

fn refusals(peer: &mut Peer) -> Vec<String> {
    let status = peer.status();
    status["refusals"].as_array().into_iter().flatten().filter_map(|r| r.as_str().map(String::from)).collect()
}

fn all_connected(fac: &mut Peer, peers: &mut [Peer]) -> bool {
    fac.is_connected() && peers.iter_mut().all(|p| p.is_connected())
}

fn votes(view: &Value, wall: &str) -> Vec<Value> {
    board(view, wall)["votes"].as_array().cloned().unwrap_or_default()
}

#[test]
fn dots_and_answers_in_flight_when_links_are_cut_or_the_hub_is_killed_are_each_counted_once() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan(dir.path());
    let (wall, form) = (plan.wall.clone(), plan.form.clone());
    let [q1, q2] = plan.questions.clone();
    let mut hub = Hub::serve(&plan.file, &[]);
    let relay = Relay::to(hub.port);
    let mut fac = facilitator(&hub, dir.path());
    let mut peers: Vec<Peer> = (0..PEERS)
        .map(|n| Peer::join(&hub, &relay.addr(), &dir.path().join(format!("p{n}.paja")), &["--name", &format!("Osallistuja {n}")]))
        .collect();
    wait_until("everyone is in", || all_connected(&mut fac, &mut peers));
    let ideas: Vec<String> = ["Olohuone", "Vertaistuki", "Kalenteri"]
        .iter()
        .map(|name| ok(&mut fac, json!({ "cmd": "add_item", "board": wall, "item": { "type": "Idea", "name": name } }))["id"].as_str().unwrap().to_string())
        .collect();
    ok(&mut fac, json!({ "cmd": "start_voting", "board": wall, "budget": BUDGET, "hidden": true }));
    wait_until("the vote and the ideas reach every peer", || {
        peers.iter_mut().all(|p| {
            let view = p.view();
            view["control"]["voting"]["budget"] == BUDGET && board(&view, &wall)["ideas"].as_array().is_some_and(|i| i.len() == 3)
        })
    });
    let cast = |p: &mut Peer, idea: &str| ok(p, json!({ "cmd": "cast_vote", "board": wall, "idea": idea }));

    // Two dots each leave while the relay holds every byte; then it cuts every link.
    relay.hold();
    for (n, p) in peers.iter_mut().enumerate() {
        cast(p, &ideas[n % 3]);
        cast(p, &ideas[(n + 1) % 3]);
    }
    relay.cut();
    relay.release();
    assert_eq!(dots_counted(&plan.file), 0, "the dots were all in flight when the links were cut");
    relay.heal();
    wait_until("every dot sent again reaches the hub", || dots_counted(&plan.file) == (PEERS * 2) as u64);

    // The third dot each goes out as the hub is SIGKILLed.
    relay.hold();
    for (n, p) in peers.iter_mut().enumerate() {
        cast(p, &ideas[(n + 2) % 3]);
    }
    relay.release();
    hub.kill();
    hub.restart();
    wait_until("everyone is back after the restart", || all_connected(&mut fac, &mut peers));
    wait_until("every third dot is counted", || dots_counted(&plan.file) == (PEERS * BUDGET) as u64);

    // Answers: the first question's through cut links, the second's as the hub dies.
    ok(&mut fac, json!({ "cmd": "open_evaluation", "board": form }));
    wait_until("the form opens for every peer", || peers.iter_mut().all(|p| p.view()["control"]["evaluation"] == form.as_str()));
    let answer = |p: &mut Peer, q: &str, value: usize| ok(p, json!({ "cmd": "answer_evaluation", "board": form, "group": "professional", "answers": [[q, value]] }));
    relay.hold();
    for (n, p) in peers.iter_mut().enumerate() {
        answer(p, &q1, 1 + n % 5);
    }
    relay.cut();
    relay.release();
    assert_eq!(answers_kept(&plan.file), 0, "the answers were all in flight when the links were cut");
    relay.heal();
    wait_until("every first answer reaches the hub", || answers_kept(&plan.file) == PEERS);
    relay.hold();
    for (n, p) in peers.iter_mut().enumerate() {
        answer(p, &q2, 5 - n % 5);
    }
    relay.release();
    hub.kill();
    hub.restart();
    wait_until("everyone is back after the second restart", || all_connected(&mut fac, &mut peers));
    wait_until("every second answer is kept", || answers_kept(&plan.file) == PEERS * 2);
    assert_eq!(questions_answered(&plan.file), PEERS * 2, "each person answered each question once");

    // Once each: no budget grew, nobody was told they voted or answered twice.
    assert_eq!(dots_counted(&plan.file), (PEERS * BUDGET) as u64, "no dot was counted twice");
    for p in peers.iter_mut() {
        assert!(refusals(p).is_empty(), "nothing sent again was refused: {:?}", refusals(p));
    }
    let over = json!({ "sealed": { "board": wall, "item": { "kind": "vote", "idea": ideas[0] } } });
    assert_eq!(peers[0].ask(over), Ok(json!(true)), "a tampered fourth dot is handed to the hub");
    wait_until("and refused: the budget holds", || refusals(&mut peers[0]).iter().any(|r| r.contains("used all your dots")));
    ok(&mut fac, json!({ "cmd": "reveal_votes" }));
    wait_until("every dot is shown", || votes(&fac.view(), &wall).len() == PEERS * BUDGET);
    let shown = votes(&fac.view(), &wall);
    for idea in &ideas {
        assert_eq!(shown.iter().filter(|v| v["idea_id"] == idea.as_str()).count(), PEERS, "each idea got one dot from each peer");
    }
    assert!(shown.iter().all(|v| v["voter"].is_null()), "no shown dot names its voter");
}
