//! Undo and redo take back only this replica's own edits, never a peer's.

use paja::api::{Command, WorkshopFile};
use paja::model::{BoardContent, DocName, Workshop};
use serde_json::json;

fn run(file: &mut WorkshopFile, command: serde_json::Value) -> Option<String> {
    let command: Command = serde_json::from_value(command).expect("the command parses");
    file.execute(&command).expect("the command runs").id
}

fn names(file: &WorkshopFile) -> Vec<String> {
    match &file.view().boards[0].content {
        BoardContent::Persona(b) => b.personas.iter().map(|p| p.name.clone()).collect(),
        _ => panic!("a persona board"),
    }
}

#[test]
fn undo_takes_back_the_last_own_edit_and_redo_does_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.paja");
    let mut file = WorkshopFile::create(&path, Workshop::new()).unwrap();
    let board = run(&mut file, json!({"cmd": "create_board", "kind": "persona", "title": "P", "session_id": null, "starter": false})).unwrap();
    let id = run(&mut file, json!({"cmd": "add_item", "board": board, "item": {"type": "Persona", "name": "Åke"}})).unwrap();
    run(&mut file, json!({"cmd": "patch_item", "board": board, "item_type": "Persona", "id": id, "patch": {"name": "Äiti"}}));
    run(&mut file, json!({"cmd": "undo"}));
    assert_eq!(names(&file), ["Åke"], "undo restores the name before the last patch");
    run(&mut file, json!({"cmd": "undo"}));
    assert!(names(&file).is_empty(), "a second undo removes the added persona");
    run(&mut file, json!({"cmd": "redo"}));
    run(&mut file, json!({"cmd": "redo"}));
    assert_eq!(names(&file), ["Äiti"], "two redos bring both edits back");
    drop(file);
    let reopened = WorkshopFile::open(&path).unwrap();
    assert_eq!(names(&reopened), ["Äiti"], "undo and redo are logged like any edit, so the file agrees");
}

#[test]
fn undo_leaves_a_peers_edit_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut mine = WorkshopFile::create(&dir.path().join("mine.paja"), Workshop::new()).unwrap();
    let board = run(&mut mine, json!({"cmd": "create_board", "kind": "persona", "title": "P", "session_id": null, "starter": false})).unwrap();
    let mut peer = Workshop::new();
    peer.apply_update(DocName::Content, &mine.workshop().encode_state(DocName::Content)).unwrap();
    run(&mut mine, json!({"cmd": "add_item", "board": board, "item": {"type": "Persona", "name": "Oma"}}));
    peer.add(&board, &paja::model::persona::Persona { name: "Vieras".into(), ..Default::default() }).unwrap();
    for (doc, update) in peer.take_pending() {
        mine.apply_remote(doc, &update).unwrap();
    }
    assert_eq!(names(&mine).len(), 2, "both personas arrived");
    run(&mut mine, json!({"cmd": "undo"}));
    assert_eq!(names(&mine), ["Vieras"], "undo removed my persona and kept the peer's");
    run(&mut mine, json!({"cmd": "undo"}));
    assert!(mine.view().boards.is_empty(), "the next undo takes back my board; the peer's edit was never on my stack");
}

#[test]
fn undo_with_nothing_to_undo_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = WorkshopFile::create(&dir.path().join("a.paja"), paja::templates::demo().unwrap()).unwrap();
    let before = serde_json::to_string(&file.view()).unwrap();
    run(&mut file, json!({"cmd": "undo"}));
    assert_eq!(before, serde_json::to_string(&file.view()).unwrap(), "a workshop loaded from a file has no undo history");
}
