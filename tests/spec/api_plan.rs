//! Planning and comments on a person's own file: every plan edit (meta, sessions, steps,
//! boards) is taken back by one undo, and comment threads are added, answered, resolved
//! and deleted through the same commands the window sends.

use paja::api::{Command, WorkshopFile};
use paja::model::session::{Comment, Session, Step};
use paja::model::{BoardKind, Workshop, WorkshopView};
use serde_json::{Value, json};

fn run(file: &mut WorkshopFile, command: Value) -> Option<String> {
    let command: Command = serde_json::from_value(command.clone()).unwrap_or_else(|e| panic!("{command} reads: {e}"));
    file.execute(&command).unwrap_or_else(|e| panic!("{command:?} runs: {e}")).id
}

struct Planned {
    file: WorkshopFile,
    session: String,
    step: String,
    board: String,
}

fn planned(dir: &std::path::Path) -> Planned {
    let mut w = Workshop::new();
    let session = w.add_session(&Session { title: "Alkuvalmennus".into(), ..Default::default() }).unwrap();
    let step = w.add_step(&session, &Step { title: "Tutustuminen".into(), minutes: Some(15), ..Default::default() }).unwrap();
    let board = w.create_board(BoardKind::Persona, "Persoonat", Some(&session)).unwrap();
    Planned { file: WorkshopFile::create(&dir.join("oma.paja"), w).unwrap(), session, step, board }
}

/// The parts of the view the plan consists of.
fn plan(view: &WorkshopView) -> Value {
    json!({ "meta": view.meta, "sessions": view.sessions, "boards": view.boards })
}

#[test]
fn every_plan_edit_is_taken_back_by_one_undo() {
    let dir = tempfile::tempdir().unwrap();
    let Planned { mut file, session, step, board } = planned(dir.path());
    let edits = [
        json!({ "cmd": "patch_meta", "patch": { "title": "Työpaja Åland", "organisation": "Hyvinvointialue", "version_label": "Malliluonnos 0.2" } }),
        json!({ "cmd": "add_session", "title": "Asiakasymmärrys" }),
        json!({ "cmd": "patch_session", "session": session, "patch": { "title": "Aloitus", "date": "2026-03-05" } }),
        json!({ "cmd": "patch_session", "session": session, "patch": { "order": 7.5 } }),
        json!({ "cmd": "delete_session", "session": session }),
        json!({ "cmd": "add_step", "session": session, "step": { "title": "Persoonat", "minutes": 45 } }),
        json!({ "cmd": "patch_step", "session": session, "step": step, "patch": {
            "title": "Esittäytyminen", "instructions": "Valitse kuvakortti.", "questions": ["Mikä kortti kertoo sinusta?"],
            "minutes": 20, "board_id": board } }),
        json!({ "cmd": "patch_step", "session": session, "step": step, "patch": { "order": 0.5 } }),
        json!({ "cmd": "delete_step", "session": session, "step": step }),
        json!({ "cmd": "create_board", "kind": "service_path", "title": "Polku", "session_id": session, "starter": true }),
        json!({ "cmd": "patch_board", "board": board, "patch": { "archived": true } }),
        json!({ "cmd": "patch_board", "board": board, "patch": { "title": "Maija" } }),
        json!({ "cmd": "delete_board", "board": board }),
    ];
    for edit in edits {
        let before = plan(&file.view());
        run(&mut file, edit.clone());
        assert_ne!(plan(&file.view()), before, "{edit} changed the plan");
        run(&mut file, json!({ "cmd": "undo" }));
        assert_eq!(plan(&file.view()), before, "one undo takes back {edit}");
    }
}

#[test]
fn a_step_names_the_board_it_works_on_and_keeps_it_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let Planned { mut file, session, step, board } = planned(dir.path());
    run(&mut file, json!({ "cmd": "patch_step", "session": session, "step": step, "patch": { "board_id": board } }));
    let path = file.path().to_path_buf();
    drop(file);
    let reopened = WorkshopFile::open(&path).unwrap();
    assert_eq!(reopened.view().sessions[0].steps[0].board_id, board, "the step's board is stored in the file");
}

#[test]
fn a_comment_thread_is_answered_resolved_and_deleted_with_its_replies() {
    let dir = tempfile::tempdir().unwrap();
    let Planned { mut file, board, .. } = planned(dir.path());
    let comment = |text: &str, reply_to: &str| {
        json!({ "cmd": "add_comment", "comment": { "board_id": board, "text": text, "author": "Åsa", "reply_to": reply_to } })
    };
    let first = run(&mut file, comment("Onko Maijan ikä oikein?", "")).expect("a new comment's id");
    let reply = run(&mut file, comment("Korjasin sen.", &first)).expect("the reply's id");
    run(&mut file, json!({ "cmd": "patch_comment", "comment": first, "patch": { "resolved": true } }));
    let view = file.view();
    let by_id = |id: &str| view.comments.iter().find(|c| c.id == id).cloned().expect("the comment is there");
    assert!(by_id(&first).resolved, "the first comment is marked resolved");
    assert_eq!(by_id(&reply).reply_to, first, "the reply knows what it answers");
    assert!(!by_id(&reply).resolved, "a reply is not resolved with its thread");

    run(&mut file, json!({ "cmd": "patch_comment", "comment": reply, "patch": { "text": "Korjasin iän: 34." } }));
    assert_eq!(file.view().comments.iter().find(|c| c.id == reply).unwrap().text, "Korjasin iän: 34.");

    let other = run(&mut file, comment("Toinen ketju", "")).unwrap();
    run(&mut file, json!({ "cmd": "delete_comment", "comment": first }));
    let left: Vec<String> = file.view().comments.iter().map(|c| c.id.clone()).collect();
    assert_eq!(left, [other], "deleting a comment deletes its replies and nothing else");
}

#[test]
fn a_comment_keeps_its_author_and_board_whatever_a_patch_says() {
    let dir = tempfile::tempdir().unwrap();
    let Planned { mut file, board, .. } = planned(dir.path());
    let id = file.change(|w| w.add_comment(&Comment { board_id: board.clone(), text: "Hyvä".into(), author: "Åsa".into(), ..Default::default() })).unwrap();
    let patch = serde_json::from_value(json!({ "cmd": "patch_comment", "comment": id, "patch": { "author": "Joku muu" } })).unwrap();
    let refused = file.execute(&patch).expect_err("the author cannot be patched");
    assert!(refused.to_string().contains("\"author\" cannot be changed"), "one sentence says why: {refused}");
    assert_eq!(file.view().comments[0].author, "Åsa", "the comment is unchanged");
}

#[test]
fn a_comment_stays_readable_when_its_item_or_board_is_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let Planned { mut file, board, .. } = planned(dir.path());
    let persona = run(&mut file, json!({ "cmd": "add_item", "board": board, "item": { "type": "Persona", "name": "Maija" } })).unwrap();
    run(&mut file, json!({ "cmd": "add_comment", "comment": { "board_id": board, "target_id": persona, "text": "Maijalla on koira." } }));
    run(&mut file, json!({ "cmd": "delete_item", "board": board, "item_type": "Persona", "id": persona }));
    run(&mut file, json!({ "cmd": "delete_board", "board": board }));
    let comments = file.view().comments;
    assert_eq!(comments.len(), 1, "the comment outlives its item and its board");
    assert_eq!((comments[0].text.as_str(), comments[0].target_id.as_str()), ("Maijalla on koira.", persona.as_str()));
}

#[test]
fn a_steps_level_of_participation_is_kept_and_counted_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let Planned { mut file, session, step, .. } = planned(dir.path());
    run(&mut file, json!({ "cmd": "patch_step", "session": session, "step": step, "patch": { "participation": "influencer" } }));
    let second = run(&mut file, json!({ "cmd": "add_step", "session": session, "step": { "title": "Palaute" } })).unwrap();
    run(&mut file, json!({ "cmd": "patch_step", "session": session, "step": second, "patch": { "participation": "informant" } }));
    drop(file);
    let file = WorkshopFile::open(&dir.path().join("oma.paja")).unwrap();
    let levels: Vec<Value> = file.view().sessions[0].steps.iter().map(|s| json!(s.participation)).collect();
    assert_eq!(levels, [json!("influencer"), json!("informant")], "the file keeps each step's level");

    let pdf = dir.path().join("raportti.pdf");
    file.export(paja::api::ExportFormat::Pdf, &Default::default(), &pdf, None).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Osallisuuden taso: Vaikuttaja"), "the step shows its level: {text}");
    assert!(
        text.contains("Tiedonantaja 1, Osallistuja 0, Vaikuttaja 1, Johtaja 0"),
        "the report counts the steps at each level: {text}"
    );
}
