//! The trash on a person's own file: deleting a board or a session keeps it in the trash,
//! restoring gives back the same workshop, and the trash is stored in the file.

use paja::api::{Command, WorkshopFile};
use paja::model::session::Session;
use paja::model::{BoardKind, Workshop};
use serde_json::{Value, json};

fn run(file: &mut WorkshopFile, command: Value) -> Option<String> {
    let command: Command = serde_json::from_value(command.clone()).unwrap_or_else(|e| panic!("{command} reads: {e}"));
    file.execute(&command).unwrap_or_else(|e| panic!("{command:?} runs: {e}")).id
}

/// A file with a session holding a persona board with one persona and a comment on it.
fn file(dir: &std::path::Path) -> (WorkshopFile, String, String) {
    let mut w = Workshop::new();
    let session = w.add_session(&Session { title: "Alkuvalmennus".into(), ..Default::default() }).unwrap();
    let board = w.create_board(BoardKind::Persona, "Persoonat", Some(&session)).unwrap();
    let mut file = WorkshopFile::create(&dir.join("oma.paja"), w).unwrap();
    run(&mut file, json!({ "cmd": "add_item", "board": board, "item": { "type": "Persona", "name": "Maija" } }));
    run(&mut file, json!({ "cmd": "add_comment", "comment": { "board_id": board, "text": "Maijalla on koira." } }));
    (file, session, board)
}

#[test]
fn deleting_then_restoring_a_board_or_a_session_gives_back_the_same_view() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, session, board) = file(dir.path());
    let before = file.view();
    let entry = run(&mut file, json!({ "cmd": "delete_board", "board": board })).expect("deleting names its trash entry");
    assert!(file.view().board(&board).is_none(), "the board is gone");
    assert_eq!(file.view().trash[0].label, "Persoonat", "the trash names it");
    run(&mut file, json!({ "cmd": "restore_trash", "entry": entry }));
    assert_eq!(file.view(), before, "the board, its persona and its comment are back");

    let entry = run(&mut file, json!({ "cmd": "delete_session", "session": session })).unwrap();
    assert_eq!(file.view().trash[0].what, "session");
    run(&mut file, json!({ "cmd": "restore_trash", "entry": entry }));
    assert_eq!(file.view(), before, "the session is back with its board in it");
}

#[test]
fn the_trash_is_kept_in_the_file_and_emptied_for_good() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _, board) = file(dir.path());
    let before = file.view();
    let entry = run(&mut file, json!({ "cmd": "delete_board", "board": board })).unwrap();
    let path = file.path().to_path_buf();
    drop(file);
    let mut file = WorkshopFile::open(&path).unwrap();
    assert_eq!(file.view().trash.len(), 1, "the trash is read back from the file");
    run(&mut file, json!({ "cmd": "restore_trash", "entry": entry }));
    assert_eq!(file.view(), before, "and restoring from it after reopening gives back the board");

    run(&mut file, json!({ "cmd": "delete_board", "board": board }));
    run(&mut file, json!({ "cmd": "empty_trash" }));
    drop(file);
    let file = WorkshopFile::open(&path).unwrap();
    assert!(file.view().trash.is_empty() && file.view().board(&board).is_none(), "an emptied trash stays empty");
}

#[test]
fn restoring_what_is_not_in_the_trash_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _, _) = file(dir.path());
    let command: Command = serde_json::from_value(json!({ "cmd": "restore_trash", "entry": "ei-ole" })).unwrap();
    let error = file.execute(&command).expect_err("nothing to restore");
    assert!(error.to_string().contains("ei-ole"), "one sentence names it: {error}");
}

#[test]
fn an_export_holds_nothing_of_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _, board) = file(dir.path());
    run(&mut file, json!({ "cmd": "delete_board", "board": board }));
    let export = file.view().to_export();
    assert!(!export.contains("Persoonat") && !export.contains("Maija\""), "no trashed board or item in the export");
}
