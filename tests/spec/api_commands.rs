//! Commands as the UI sends them, in JSON, and what the stored workshop holds after.


use paja::api::{Command, WorkshopFile};
use serde_json::json;

fn run(file: &mut WorkshopFile, command: serde_json::Value) -> Result<Option<String>, paja::Error> {
    let command: Command = serde_json::from_value(command).expect("the command parses");
    file.execute(&command).map(|o| o.id)
}

#[test]
fn a_persona_made_and_edited_by_commands_is_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.paja");
    let mut file = WorkshopFile::create(&path, paja::model::Workshop::new()).unwrap();
    let board = run(&mut file, json!({"cmd": "create_board", "kind": "persona", "title": "Persoonat", "session_id": null, "starter": false})).unwrap().unwrap();
    let persona = run(&mut file, json!({"cmd": "add_item", "board": board, "item": {"type": "Persona", "name": "Åke"}})).unwrap().unwrap();
    run(&mut file, json!({"cmd": "patch_item", "board": board, "item_type": "Persona", "id": persona, "patch": {"goal": "Oma koti"}})).unwrap();
    drop(file);
    let view = WorkshopFile::open(&path).unwrap().view();
    let paja::model::BoardContent::Persona(b) = &view.boards[0].content else { panic!("a persona board") };
    assert_eq!((b.personas[0].name.as_str(), b.personas[0].goal.as_str()), ("Åke", "Oma koti"), "both fields were stored");
}

#[test]
fn a_patch_with_a_wrong_type_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = WorkshopFile::create(&dir.path().join("a.paja"), crate::support::workshop::rich()).unwrap();
    let before = serde_json::to_string(&file.view()).unwrap();
    let board = file.view().boards.iter().find(|b| b.content.kind() == paja::model::BoardKind::ServicePath).unwrap().id.clone();
    let phase = match &file.view().board(&board).unwrap().content {
        paja::model::BoardContent::ServicePath(p) => p.phases[0].id.clone(),
        _ => unreachable!(),
    };
    let err = run(&mut file, json!({"cmd": "patch_item", "board": board, "item_type": "Phase", "id": phase, "patch": {"emotion": "iloinen"}})).unwrap_err();
    assert_eq!(err.code(), "invalid", "the UI is told the change was invalid");
    assert_eq!(before, serde_json::to_string(&file.view()).unwrap(), "nothing was written");
}

#[test]
fn patching_one_field_keeps_a_concurrent_edit_to_another() {
    let mut a = crate::support::workshop::rich();
    let board = a.view().boards.iter().find(|b| b.content.kind() == paja::model::BoardKind::Persona).unwrap().id.clone();
    let id = a.list::<paja::model::persona::Persona>(&board).unwrap()[0].id.clone();
    a.take_pending();
    let mut b = paja::model::Workshop::new();
    for doc in [paja::model::DocName::Content, paja::model::DocName::Control] {
        b.apply_update(doc, &a.encode_state(doc)).unwrap();
    }
    let patch = |k: &str, v: &str| json!({ k: v }).as_object().unwrap().clone();
    a.patch::<paja::model::persona::Persona>(&board, &id, &patch("quote", "Pärjään")).unwrap();
    b.patch::<paja::model::persona::Persona>(&board, &id, &patch("strengths", "Sisukas")).unwrap();
    for (doc, u) in b.take_pending() {
        a.apply_update(doc, &u).unwrap();
    }
    let p = a.get::<paja::model::persona::Persona>(&board, &id).unwrap();
    assert_eq!((p.quote.as_str(), p.strengths.as_str()), ("Pärjään", "Sisukas"), "both people's fields survive");
}

#[test]
fn a_board_from_a_starter_has_the_default_lanes() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = WorkshopFile::create(&dir.path().join("a.paja"), paja::model::Workshop::new()).unwrap();
    let board = run(&mut file, json!({"cmd": "create_board", "kind": "service_path", "title": "Polku", "session_id": null, "starter": true})).unwrap().unwrap();
    let view = file.view();
    let paja::model::BoardContent::ServicePath(p) = &view.board(&board).unwrap().content else { panic!() };
    assert_eq!(p.lanes.len(), 9, "the method's nine lanes");
    assert_eq!(view.board(&board).unwrap().title, "Polku", "the given title wins over the starter's");
}
