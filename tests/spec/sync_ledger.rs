//! The hub's ledger with real `paja serve` and `paja join` processes: a hub SIGKILLed in
//! the middle of a hidden vote and of an evaluation still holds everyone to their
//! budget and to one answer per question; a lone client's evaluation answers reach no
//! replica and no export, and no figure shown lets anyone work them out; and answers
//! that come after the results are shown wait until five of one group can go together.

use crate::support::ledger::{answers_kept, bodies, dots_counted, questions_answered};
use crate::support::sync::session::{Room, board, contains, join, ok, plan, seat_everyone};
use crate::support::sync::{Hub, Peer, wait_until};
use paja::model::evaluation::{Answer, EvalItem, RespondentGroup, results_of};
use serde_json::{Value, json};
use std::path::Path;

const DOTS_USED: &str = "You have used all your dots.";
const ANSWERED: &str = "You have already answered this question.";

/// How many times the hub refused `peer` with `reason`.
fn refused_with(peer: &mut Peer, reason: &str) -> usize {
    let status = peer.status();
    status["refusals"].as_array().into_iter().flatten().filter(|r| r.as_str().is_some_and(|r| r.contains(reason))).count()
}

/// Hands a sealed item straight to the hub, past the peer's own counting.
fn tampered(peer: &mut Peer, board: &str, item: Value) {
    assert_eq!(peer.ask(json!({ "sealed": { "board": board, "item": item } })), Ok(json!(true)), "the item is handed to the hub");
}

fn add_idea(fac: &mut Peer, wall: &str, name: &str) -> String {
    ok(fac, json!({ "cmd": "add_item", "board": wall, "item": { "type": "Idea", "name": name } }))["id"].as_str().unwrap().to_string()
}

fn everyone_back(room: &mut Room) {
    wait_until("everyone is back after the restart", || {
        [&mut room.fac, &mut room.aino, &mut room.bertta].iter_mut().all(|p| p.is_connected())
    });
}

#[test]
fn a_hub_killed_mid_vote_and_mid_evaluation_lets_no_budget_grow_and_nobody_answer_twice() {
    let dir = tempfile::tempdir().unwrap();
    let mut room = seat_everyone(dir.path(), "Aino");
    let (wall, form) = (room.plan.wall.clone(), room.plan.form.clone());
    let [q1, q2] = room.plan.questions.clone();
    let ideas: Vec<String> = ["Olohuone", "Vertaistuki", "Kalenteri"].iter().map(|n| add_idea(&mut room.fac, &wall, n)).collect();
    wait_until("the ideas reach both", || {
        [&mut room.aino, &mut room.bertta].iter_mut().all(|p| board(&p.view(), &wall)["ideas"].as_array().is_some_and(|i| i.len() == 3))
    });

    // Mid-vote: Aino has used her two dots, Bertta one of hers.
    ok(&mut room.fac, json!({ "cmd": "start_voting", "board": wall, "budget": 2, "hidden": true }));
    wait_until("the vote reaches both", || {
        [&mut room.aino, &mut room.bertta].iter_mut().all(|p| p.view()["control"]["voting"]["budget"] == 2)
    });
    ok(&mut room.aino, json!({ "cmd": "cast_vote", "board": wall, "idea": ideas[0] }));
    ok(&mut room.aino, json!({ "cmd": "cast_vote", "board": wall, "idea": ideas[1] }));
    ok(&mut room.bertta, json!({ "cmd": "cast_vote", "board": wall, "idea": ideas[0] }));
    wait_until("the hub's ledger counts three dots", || dots_counted(&room.plan.file) == 3);
    room.hub.kill();
    room.hub.restart();
    everyone_back(&mut room);

    // A tampered core that forgot its dots sends three more for Aino, two for Bertta.
    for idea in &ideas {
        tampered(&mut room.aino, &wall, json!({ "kind": "vote", "idea": idea }));
    }
    for idea in &ideas[1..] {
        tampered(&mut room.bertta, &wall, json!({ "kind": "vote", "idea": idea }));
    }
    wait_until("the restarted hub refuses Aino's three extra dots", || refused_with(&mut room.aino, DOTS_USED) == 3);
    wait_until("and Bertta's one past her budget", || refused_with(&mut room.bertta, DOTS_USED) == 1);
    assert_eq!(dots_counted(&room.plan.file), 4, "two dots each, no more");
    ok(&mut room.fac, json!({ "cmd": "reveal_votes" }));
    wait_until("the dots are shown", || board(&room.aino.view(), &wall)["votes"].as_array().is_some_and(|v| !v.is_empty()));
    wait_until("all four, from before and after the restart", || board(&room.bertta.view(), &wall)["votes"].as_array().is_some_and(|v| v.len() == 4));
    ok(&mut room.fac, json!({ "cmd": "end_voting" }));

    // Mid-evaluation: Aino has answered the first question, Bertta both.
    ok(&mut room.fac, json!({ "cmd": "open_evaluation", "board": form }));
    wait_until("the form opens for both", || {
        [&mut room.aino, &mut room.bertta].iter_mut().all(|p| p.view()["control"]["evaluation"] == form.as_str())
    });
    ok(&mut room.aino, json!({ "cmd": "answer_evaluation", "board": form, "group": "client", "answers": [[q1, 4]] }));
    ok(&mut room.bertta, json!({ "cmd": "answer_evaluation", "board": form, "group": "professional", "answers": [[q1, 2], [q2, 3]] }));
    wait_until("the hub keeps three answers", || answers_kept(&room.plan.file) == 3);
    room.hub.kill();
    room.hub.restart();
    everyone_back(&mut room);

    ok(&mut room.aino, json!({ "cmd": "answer_evaluation", "board": form, "group": "client", "answers": [[q1, 5], [q2, 4]] }));
    tampered(&mut room.bertta, &form, json!({ "kind": "answer", "item": q2, "group": "professional", "value": 5 }));
    wait_until("Aino's second answer to the first question is refused", || refused_with(&mut room.aino, ANSWERED) == 1);
    wait_until("and Bertta's second to the second", || refused_with(&mut room.bertta, ANSWERED) == 1);
    wait_until("Aino's first answer to the second question is kept", || answers_kept(&room.plan.file) == 4);
    assert_eq!(questions_answered(&room.plan.file), 4, "each person answered each question once");

    // What the ledger keeps says who used how much, never which dot or answer is whose.
    let file = &room.plan.file;
    let ideas_named = |b: &Value| ideas.iter().any(|i| b.to_string().contains(i.as_str()));
    assert!(bodies(file, "ledger", "dots").iter().all(|b| !ideas_named(b)), "the dots counted name no idea");
    let answered = bodies(file, "ledger", "answered");
    assert!(answered.iter().flat_map(|b| b.as_array().into_iter().flatten()).all(|pair| pair.as_array().is_some_and(|p| p.len() == 2)), "answered: a person and a question, nothing more");
    let kept = bodies(file, "answers", "");
    let people: Vec<String> = room.fac.view()["control"]["people"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_string()).collect();
    assert!(kept.iter().all(|b| people.iter().all(|p| !b.to_string().contains(p.as_str()))), "a kept answer names nobody");
}

/// Everything on disk that a file's owner holds: the file and its write-ahead log.
fn bytes_of(file: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(file).unwrap_or_default();
    let mut wal = file.as_os_str().to_owned();
    wal.push("-wal");
    bytes.extend(std::fs::read(wal).unwrap_or_default());
    bytes
}

fn export(file: &Path, format: &str, out: &Path) -> Vec<u8> {
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_paja"))
        .args(["export", format, &file.to_string_lossy(), "-o", &out.to_string_lossy()])
        .output()
        .expect("paja export runs");
    assert!(run.status.success(), "the {format} export works: {}", String::from_utf8_lossy(&run.stderr));
    match format {
        "pdf" => std::process::Command::new("pdftotext").arg(out).arg("-").output().expect("pdftotext (poppler-utils)").stdout,
        _ => std::fs::read(out).unwrap(),
    }
}

#[test]
fn a_lone_clients_answers_reach_no_replica_and_no_export_and_no_figure_gives_them_away() {
    const SECRET: &str = "Minua ei kuultu kertaakaan";
    let dir = tempfile::tempdir().unwrap();
    let mut room = seat_everyone(dir.path(), "Aino");
    let form = room.plan.form.clone();
    let [q1, _] = room.plan.questions.clone();
    let item = |fac: &mut Peer, text: &str, kind: &str| {
        let item = json!({ "type": "EvalItem", "text": text, "kind": kind, "section": "", "order": 5 });
        ok(fac, json!({ "cmd": "add_item", "board": form, "item": item }))["id"].as_str().unwrap().to_string()
    };
    let open = item(&mut room.fac, "Mikä ei toiminut?", "open");
    let rating = item(&mut room.fac, "Asiakkaan kohtaaminen", "two_scale");
    ok(&mut room.fac, json!({ "cmd": "open_evaluation", "board": form }));
    wait_until("the form opens for Aino", || room.aino.view()["control"]["evaluation"] == form.as_str());

    // One client, Aino; nine professionals: Bertta and eight paper forms.
    let client = json!([
        { "item": q1, "value": 1, "second": null, "text": "" },
        { "item": open, "value": 0, "second": null, "text": SECRET },
        { "item": rating, "value": 0, "second": 5, "text": "" },
    ]);
    ok(&mut room.aino, json!({ "cmd": "answer_evaluation", "board": form, "group": "client", "answers": client }));
    let professional = |n: u8| {
        json!([
            { "item": q1, "value": 3 + n % 3, "second": null, "text": "" },
            { "item": open, "value": 0, "second": null, "text": format!("Ammattilainen {n}: aikataulu piti") },
            { "item": rating, "value": 2 + n % 4, "second": 1 + n % 3, "text": "" },
        ])
    };
    ok(&mut room.bertta, json!({ "cmd": "answer_evaluation", "board": form, "group": "professional", "answers": professional(0) }));
    for n in 1..9 {
        ok(&mut room.fac, json!({ "cmd": "answer_evaluation", "board": form, "group": "professional", "answers": professional(n) }));
    }
    wait_until("the hub keeps all thirty answers", || answers_kept(&room.plan.file) == 30);
    ok(&mut room.fac, json!({ "cmd": "close_evaluation" }));
    let published = |p: &mut Peer| board(&p.view(), &form)["results"].as_array().is_some_and(|r| r.iter().any(|x| x["count"] == 9));
    wait_until("the results reach every replica", || [&mut room.fac, &mut room.aino, &mut room.bertta].iter_mut().all(|p| published(p)));

    for peer in [&mut room.fac, &mut room.aino, &mut room.bertta] {
        assert_eq!(board(&peer.view(), &form)["answers"], json!([]), "no raw answer, the client's or anyone's, is in a replica");
    }

    // Every figure is what the nine professionals alone give.
    let shown: Vec<paja::model::evaluation::ItemResult> = serde_json::from_value(board(&room.bertta.view(), &form)["results"].clone()).unwrap();
    let items: Vec<EvalItem> = serde_json::from_value(board(&room.bertta.view(), &form)["items"].clone()).unwrap();
    let mut answers = Vec::new();
    for n in 0..9u8 {
        for (i, value, second) in [(&q1, 3 + n % 3, None), (&rating, 2 + n % 4, Some(1 + n % 3))] {
            answers.push(Answer { item_id: i.clone(), group: RespondentGroup::Professional, value, second, ..Answer::default() });
        }
        let text = format!("Ammattilainen {n}: aikataulu piti");
        answers.push(Answer { item_id: open.clone(), group: RespondentGroup::Professional, text, ..Answer::default() });
    }
    let mut expected = results_of(&items, &answers);
    let mut shown = shown;
    let order = |r: &paja::model::evaluation::ItemResult| r.item_id.clone();
    for results in [&mut expected, &mut shown] {
        results.sort_by_key(order);
        results.iter_mut().for_each(|r| r.texts.sort());
    }
    assert_eq!(shown, expected, "the figures are the professionals' alone: the client's answers change none of them");
    assert!(shown.iter().all(|r| r.client_mean.is_none() && matches!(r.count, 0 | 9)), "no client figure, and no count of ten");

    // No replica, and no export from any file, holds the client's words.
    drop(room.hub);
    let (fac, aino, bertta) = (room.fac, room.aino, room.bertta);
    drop((fac, aino, bertta));
    for replica in ["f.paja", "a.paja", "b.paja"] {
        assert!(!contains(&bytes_of(&dir.path().join(replica)), SECRET.as_bytes()), "{replica} does not hold the client's words");
    }
    assert!(contains(&bytes_of(&room.plan.file), SECRET.as_bytes()), "the search finds them where they are: the hub's own table");
    for file in [room.plan.file.clone(), dir.path().join("a.paja")] {
        for format in ["csv", "json", "pdf"] {
            let out = dir.path().join(format!("vienti-{}.{format}", file.file_stem().unwrap().to_string_lossy()));
            let bytes = export(&file, format, &out);
            assert!(!contains(&bytes, SECRET.as_bytes()), "the {format} export of {} does not hold them", file.display());
            assert!(contains(&bytes, b"aikataulu piti"), "the {format} export of {} holds the professionals' words", file.display());
        }
    }
}

#[test]
fn answers_typed_in_after_the_results_are_shown_wait_until_five_of_one_group_go_together() {
    let dir = tempfile::tempdir().unwrap();
    let p = plan(dir.path());
    let mut hub = Hub::serve(&p.file, &["--lobby"]);
    hub.type_line("auto on");
    hub.expect("auto-admit set");
    let mut reader = join(&hub, dir.path(), "r.paja", &["--name", "Lukija"]);
    wait_until("the reader is in", || reader.is_connected());
    let run = |hub: &mut Hub, command: Value| {
        hub.type_line(&format!("do {command}"));
        assert!(hub.expect("done").starts_with("done"), "the hub runs {command}");
    };
    let paper = |value: u8| json!({ "cmd": "answer_evaluation", "board": p.form, "group": "professional", "answers": [[p.questions[0], value]] });
    run(&mut hub, json!({ "cmd": "open_evaluation", "board": p.form }));
    for _ in 0..5 {
        run(&mut hub, paper(4));
    }
    run(&mut hub, json!({ "cmd": "close_evaluation" }));
    let first = |reader: &mut Peer| board(&reader.view(), &p.form)["results"][0].clone();
    wait_until("the first results are shown", || first(&mut reader)["count"] == 5);

    for _ in 0..4 {
        run(&mut hub, paper(1));
    }
    run(&mut hub, json!({ "cmd": "patch_meta", "patch": { "title": "Merkki" } }));
    wait_until("a later change reaches the reader", || reader.view()["meta"]["title"] == "Merkki");
    assert_eq!(answers_kept(&p.file), 9, "the hub keeps the four late answers");
    assert_eq!(first(&mut reader)["count"], 5, "four late answers would show in the difference, so they wait");
    run(&mut hub, paper(1));
    wait_until("the fifth late answer lets the five go together", || first(&mut reader)["count"] == 10);
    assert_eq!(first(&mut reader)["mean"], 2.5, "the mean of all ten");
}
