//! A facilitated session with real hubs and peers on loopback: a facilitator core and
//! participant cores run through silent writing, reveal, clustering, hidden voting, the
//! results, a café round and the evaluation, each step checked in what the replicas
//! store. Then: nothing ties an anonymous card or a vote to its author in any file or
//! export, participants' cores and the hub refuse facilitator actions and locked
//! writes, and someone offline at the reveal keeps their drafts and publishes on return.


use serde_json::json;
use crate::support::sync::relay::Relay;
use crate::support::sync::session::{Room, seat_everyone, board, contains, content_writers, facilitator, idea_id, join, names, ok, plan, refused};
use crate::support::ledger::answers_kept;
use crate::support::sync::{Hub, Peer, wait_until};

#[test]
fn a_scripted_session_runs_from_silent_writing_to_the_evaluation() {
    let dir = tempfile::tempdir().unwrap();
    let Room { plan: p, hub, mut fac, mut aino, mut bertta } = seat_everyone(dir.path(), "Aino");
    wait_until("the replicas hold the wall", || aino.has_board(&p.wall) && bertta.has_board(&p.wall));
    assert_eq!(fac.status()["role"], "facilitator");

    // Agenda and timer.
    let step = fac.view()["sessions"][0]["steps"][0]["id"].as_str().unwrap().to_string();
    ok(&mut fac, json!({ "cmd": "go_to_step", "session": p.session, "step": step }));
    ok(&mut fac, json!({ "cmd": "start_timer", "seconds": 300 }));
    wait_until("the step and timer reach Aino", || {
        let control = aino.view()["control"].clone();
        control["current_step"] == step.as_str() && control["timer"]["seconds"] == 300
    });

    // Silent writing: drafts stay on each laptop.
    ok(&mut fac, json!({ "cmd": "start_silent", "board": p.wall, "anonymous": true }));
    wait_until("the round reaches both", || {
        [&mut aino, &mut bertta].iter_mut().all(|x| x.view()["control"]["silent"]["board"] == p.wall.as_str())
    });
    ok(&mut aino, json!({ "cmd": "write_draft", "board": p.wall, "text": "Olohuone kaikille" }));
    ok(&mut bertta, json!({ "cmd": "write_draft", "board": p.wall, "text": "Vertaistuki" }));
    ok(&mut bertta, json!({ "cmd": "write_draft", "board": p.wall, "text": "Yhteinen kalenteri" }));
    let drafts = aino.ask(json!({ "local_view": null })).unwrap()["drafts"].clone();
    assert_eq!(drafts[0]["text"], "Olohuone kaikille", "Aino sees her own draft");
    for peer in [&mut fac, &mut aino, &mut bertta] {
        assert!(names(&peer.view(), &p.wall).is_empty(), "no draft is on any shared board before the reveal");
    }

    // Reveal: all at once, written by the hub.
    ok(&mut fac, json!({ "cmd": "reveal_silent" }));
    let all = ["Olohuone kaikille", "Vertaistuki", "Yhteinen kalenteri"];
    wait_until("every card reaches every replica", || {
        [&mut fac, &mut aino, &mut bertta].iter_mut().all(|x| names(&x.view(), &p.wall) == all)
    });
    for peer in [&mut aino, &mut bertta] {
        assert_eq!(peer.ask(json!({ "local_view": null })).unwrap()["drafts"], json!([]), "published drafts leave the laptop");
    }

    // Clustering by the facilitator.
    let view = fac.view();
    let [olohuone, vertais, kalenteri] = all.map(|n| idea_id(&view, &p.wall, n));
    let cluster = ok(&mut fac, json!({ "cmd": "add_item", "board": p.wall, "item": { "type": "Cluster", "name": "Arki" } }))["id"]
        .as_str()
        .unwrap()
        .to_string();
    for idea in [&olohuone, &kalenteri] {
        let patch = json!({ "cmd": "patch_item", "board": p.wall, "item_type": "Idea", "id": idea, "patch": { "cluster_id": cluster } });
        ok(&mut fac, patch);
    }
    wait_until("the clusters reach Bertta", || {
        let wall = board(&bertta.view(), &p.wall);
        wall["ideas"].as_array().unwrap().iter().filter(|i| i["cluster_id"] == cluster.as_str()).count() == 2
    });

    // Hidden dot voting: two dots each.
    ok(&mut fac, json!({ "cmd": "start_voting", "board": p.wall, "budget": 2, "hidden": true }));
    wait_until("the vote reaches both", || {
        [&mut aino, &mut bertta].iter_mut().all(|x| x.view()["control"]["voting"]["budget"] == 2)
    });
    ok(&mut aino, json!({ "cmd": "cast_vote", "board": p.wall, "idea": olohuone }));
    ok(&mut aino, json!({ "cmd": "cast_vote", "board": p.wall, "idea": vertais }));
    let third = refused(&mut aino, json!({ "cmd": "cast_vote", "board": p.wall, "idea": kalenteri }));
    assert_eq!(third, "You have used all your dots.", "the budget holds");
    ok(&mut aino, json!({ "cmd": "retract_vote", "board": p.wall, "idea": vertais }));
    assert_eq!(aino.ask(json!({ "local_view": null })).unwrap()["votes_left"], 1, "a dot taken back can be given again");
    ok(&mut aino, json!({ "cmd": "cast_vote", "board": p.wall, "idea": vertais }));
    ok(&mut bertta, json!({ "cmd": "cast_vote", "board": p.wall, "idea": olohuone }));
    let local = aino.ask(json!({ "local_view": null })).unwrap();
    assert_eq!(local["votes_left"], 0, "Aino sees she has no dots left");
    assert_eq!(local["my_votes"], json!([olohuone, vertais]), "and where her dots went");
    for peer in [&mut fac, &mut aino, &mut bertta] {
        assert_eq!(board(&peer.view(), &p.wall)["votes"], json!([]), "no dot is in any replica before the reveal");
    }

    // The results: published at once, ranked, with no voter.
    ok(&mut fac, json!({ "cmd": "reveal_votes" }));
    wait_until("the dots reach Bertta", || board(&bertta.view(), &p.wall)["votes"].as_array().is_some_and(|v| v.len() == 3));
    let wall = board(&aino.view(), &p.wall);
    wait_until("the dots reach Aino too", || board(&aino.view(), &p.wall)["votes"].as_array().is_some_and(|v| v.len() == 3));
    let _ = wall;
    let wall = board(&aino.view(), &p.wall);
    assert_eq!(wall["ranking"][0], json!({ "idea_id": olohuone, "votes": 2 }), "the most dotted idea ranks first");
    assert_eq!(wall["ranking"][1], json!({ "idea_id": vertais, "votes": 1 }));
    assert!(wall["votes"].as_array().unwrap().iter().all(|v| v["voter"].is_null()), "no dot carries a voter");
    let mark = json!({ "cmd": "patch_item", "board": p.wall, "item_type": "Idea", "id": olohuone, "patch": { "experiment": true } });
    ok(&mut fac, mark);
    ok(&mut fac, json!({ "cmd": "end_voting" }));

    // The learning café: groups move on, the round is stored.
    let people = fac.view()["control"]["people"].clone();
    let person = |name: &str| people.as_array().unwrap().iter().find(|x| x["name"] == name).expect("on the roster")["id"].clone();
    ok(&mut fac, json!({ "cmd": "start_cafe", "board": p.cafe }));
    ok(&mut fac, json!({ "cmd": "assign_cafe_group", "person": person("Aino"), "group": p.groups[0] }));
    ok(&mut fac, json!({ "cmd": "assign_cafe_group", "person": person("Bertta"), "group": p.groups[1] }));
    let station = |peer: &mut Peer| peer.ask(json!({ "local_view": null })).unwrap()["cafe_station"].clone();
    wait_until("round 1: each group at its own station", || {
        station(&mut aino) == p.stations[0].as_str() && station(&mut bertta) == p.stations[1].as_str()
    });
    ok(&mut fac, json!({ "cmd": "next_cafe_round" }));
    wait_until("round 2: each laptop moved on by itself", || {
        station(&mut aino) == p.stations[1].as_str() && station(&mut bertta) == p.stations[0].as_str()
    });
    assert_eq!(bertta.view()["control"]["cafe"]["round"], 2, "the round is in the stored control document");
    let last = refused(&mut fac, json!({ "cmd": "next_cafe_round" }));
    assert_eq!(last, "That was the last round; next comes the harvest.");

    // The evaluation: answers reach the hub alone; only results appear when the form closes.
    let rating = json!({ "type": "EvalItem", "text": "Tieto palvelujen vaikuttavuudesta", "kind": "two_scale", "section": "Talous ja tieto", "order": 0 });
    let rating = ok(&mut fac, json!({ "cmd": "add_item", "board": p.form, "item": rating }))["id"].as_str().unwrap().to_string();
    let open = json!({ "type": "EvalItem", "text": "Mikä toimi hyvin?", "kind": "open", "section": "", "order": 0 });
    let open = ok(&mut fac, json!({ "cmd": "add_item", "board": p.form, "item": open }))["id"].as_str().unwrap().to_string();
    ok(&mut fac, json!({ "cmd": "open_evaluation", "board": p.form }));
    wait_until("the form opens for both, with its new questions", || {
        [&mut aino, &mut bertta].iter_mut().all(|x| {
            let view = x.view();
            view["control"]["evaluation"] == p.form.as_str() && view.to_string().contains(open.as_str())
        })
    });
    let [q1, q2] = p.questions.clone();
    ok(&mut aino, json!({ "cmd": "answer_evaluation", "board": p.form, "group": "client", "answers": [[q1, 4], [q2, 5]] }));
    let bertta_answers = json!([
        { "item": q1, "value": 2, "second": null, "text": "" },
        { "item": rating, "value": 5, "second": 1, "text": "" },
        { "item": open, "value": 0, "second": null, "text": "Ryhmähenki oli hyvä." },
    ]);
    ok(&mut bertta, json!({ "cmd": "answer_evaluation", "board": p.form, "group": "professional", "answers": bertta_answers }));
    // The facilitator types in four professionals' paper forms.
    for value in [3, 4, 4, 5] {
        let paper = json!([
            { "item": rating, "value": value, "second": 2, "text": "" },
            { "item": open, "value": 0, "second": null, "text": format!("Paperilla {value}") },
        ]);
        ok(&mut fac, json!({ "cmd": "answer_evaluation", "board": p.form, "group": "professional", "answers": paper }));
    }
    wait_until("the hub keeps the thirteen answers", || answers_kept(&p.file) == 13);
    ok(&mut fac, json!({ "cmd": "close_evaluation" }));
    wait_until("the results reach Aino", || {
        board(&aino.view(), &p.form)["results"].as_array().is_some_and(|r| r.iter().any(|x| x["count"] == 5))
    });
    for peer in [&mut fac, &mut aino, &mut bertta] {
        assert_eq!(board(&peer.view(), &p.form)["answers"], json!([]), "no raw answer reaches any replica");
    }
    let results = board(&aino.view(), &p.form)["results"].clone();
    let of = |id: &str| results.as_array().unwrap().iter().find(|r| r["item_id"] == id).cloned().unwrap();
    assert_eq!((of(&q1)["count"].clone(), of(&q1)["mean"].clone()), (json!(0), json!(null)), "one client and one professional are too few to show at all");
    assert_eq!((of(&rating)["mean"].clone(), of(&rating)["second_mean"].clone(), of(&rating)["gap"].clone()), (json!(4.2), json!(1.8), json!(2.4)), "both scales travel through the hub");
    assert_eq!(of(&open)["texts"].as_array().map(|t| t.len()), Some(5), "five open answers are listed");
    assert!(of(&open)["texts"].as_array().unwrap().contains(&json!("Ryhmähenki oli hyvä.")), "an open answer travels through the hub without its writer");

    // The memo, drafted from the session's boards.
    ok(&mut fac, json!({ "cmd": "draft_memo", "session": p.session }));
    wait_until("the memo reaches Bertta", || {
        let memo = bertta.view()["sessions"][0]["memo"].as_str().unwrap_or("").to_string();
        memo.contains("## Ideaseinä") && memo.contains("Olohuone kaikille – 2 ääntä (kokeilu)")
    });

    // Every card, dot and answer in the stored files was written by the hub.
    drop((fac, aino, bertta));
    drop(hub);
    let writers = content_writers(&p.file);
    for replica in ["a.paja", "b.paja", "f.paja"] {
        assert_eq!(content_writers(&dir.path().join(replica)), writers, "{replica} holds the same content");
    }
    assert_eq!(writers.len(), 3, "only the workshop's maker, the hub and the facilitator ever wrote content: {writers:?}");
}

#[test]
fn a_participant_offline_at_the_reveal_keeps_their_drafts_and_they_wait_as_late_until_revealed_with_others() {
    let dir = tempfile::tempdir().unwrap();
    let p = plan(dir.path());
    let hub = Hub::serve(&p.file, &[]);
    let relay = Relay::to(hub.port);
    let mut fac = facilitator(&hub, dir.path());
    let mut aino = Peer::join(&hub, &relay.addr(), &dir.path().join("a.paja"), &["--name", "Aino"]);
    let mut bertta = join(&hub, dir.path(), "b.paja", &["--name", "Bertta"]);
    wait_until("everyone is in", || [&mut fac, &mut aino, &mut bertta].iter_mut().all(|p| p.is_connected()));
    ok(&mut fac, json!({ "cmd": "start_silent", "board": p.wall, "anonymous": true }));
    wait_until("the round reaches both", || {
        [&mut aino, &mut bertta].iter_mut().all(|x| x.view()["control"]["silent"]["board"] == p.wall.as_str())
    });
    ok(&mut aino, json!({ "cmd": "write_draft", "board": p.wall, "text": "Ainon kortti junassa" }));
    ok(&mut bertta, json!({ "cmd": "write_draft", "board": p.wall, "text": "Bertan kortti" }));

    relay.cut();
    wait_until("Aino is offline", || !aino.is_connected());
    ok(&mut fac, json!({ "cmd": "reveal_silent" }));
    wait_until("Bertta's card is shown", || names(&fac.view(), &p.wall) == ["Bertan kortti"]);
    let drafts = aino.ask(json!({ "local_view": null })).unwrap()["drafts"].clone();
    assert_eq!(drafts[0]["text"], "Ainon kortti junassa", "offline, Aino still has her card");
    let own = std::fs::read(dir.path().join("a.paja")).unwrap();
    let wal = std::fs::read(dir.path().join("a.paja-wal")).unwrap_or_default();
    let text = "Ainon kortti junassa".as_bytes();
    assert!(contains(&own, text) || contains(&wal, text), "the card is kept in her own file");
    assert_eq!(names(&bertta.view(), &p.wall), ["Bertan kortti"], "nobody else has it yet");

    relay.heal();
    wait_until("back online, Aino's card is safe with the hub", || {
        aino.ask(json!({ "local_view": null })).unwrap()["drafts"] == json!([]) && fac.view()["control"]["silent"]["late"] == 1
    });
    assert_eq!(names(&bertta.view(), &p.wall), ["Bertan kortti"], "a lone late card is not shown the moment its writer is back");
    ok(&mut fac, json!({ "cmd": "reveal_silent" }));
    let both = ["Ainon kortti junassa", "Bertan kortti"];
    wait_until("revealed again, the late card is shown", || {
        [&mut fac, &mut aino, &mut bertta].iter_mut().all(|x| names(&x.view(), &p.wall) == both)
    });
    assert_eq!(fac.view()["control"]["silent"]["late"], 0, "nothing late waits any more");
}
