//! The facilitator's commands on one workshop file, as the desktop window runs them
//! when nobody else shares the file, and what the stored file holds after.

use paja::api::{Command, WorkshopFile};
use paja::model::persona::Persona;
use paja::model::{BoardContent, BoardKind, Workshop};
use serde_json::json;
use std::path::Path;

fn run(file: &mut WorkshopFile, command: serde_json::Value) -> Result<Option<String>, paja::Error> {
    let command: Command = serde_json::from_value(command).expect("the command parses");
    file.execute(&command).map(|o| o.id)
}

/// A workshop with a persona board and seven participants on the roster.
fn roomful(path: &Path) -> (WorkshopFile, String) {
    let mut w = Workshop::new();
    let board = w.create_board(BoardKind::Persona, "Persoonat", None).unwrap();
    w.add(&board, &Persona { name: "Maija".into(), ..Default::default() }).unwrap();
    w.update_control(|c| {
        c.enrol("facilitator", "Ohjaaja", "facilitator");
        for n in 1..=7 {
            c.enrol(&format!("p{n}"), &format!("Osallistuja {n}"), "participant");
        }
    })
    .unwrap();
    (WorkshopFile::create(path, w).unwrap(), board)
}

#[test]
fn small_groups_of_three_or_four_each_get_their_own_copy_of_a_board() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.paja");
    let (mut file, board) = roomful(&path);
    run(&mut file, json!({ "cmd": "split_groups", "size": 3, "random": true, "board": board })).unwrap();
    drop(file);
    let view = WorkshopFile::open(&path).unwrap().view();
    let groups = &view.control.groups;
    let mut sizes: Vec<usize> = groups.iter().map(|g| g.members.len()).collect();
    sizes.sort();
    assert_eq!(sizes, [3, 4], "seven participants make a group of three and one of four");
    assert!(view.control.person("facilitator").unwrap().group.is_none(), "the facilitator is in no group");
    for (n, group) in groups.iter().enumerate() {
        let copy = view.board(group.board.as_deref().expect("each group has a board")).expect("the copy exists");
        assert_eq!(copy.title, format!("Persoonat – Ryhmä {}", n + 1), "the copy is named after its group");
        let BoardContent::Persona(personas) = &copy.content else { panic!("a persona board") };
        assert_eq!(personas.personas[0].name, "Maija", "the copy holds the original's content");
        for member in &group.members {
            assert_eq!(view.control.person(member).unwrap().group.as_deref(), Some(group.id.as_str()), "members know their group");
        }
    }
    let mut file = WorkshopFile::open(&path).unwrap();
    let (from, to) = (groups[0].members[0].clone(), groups[1].id.clone());
    run(&mut file, json!({ "cmd": "assign_group", "person": from, "group": to })).unwrap();
    let moved = file.view().control;
    assert!(moved.groups[1].members.contains(&from) && !moved.groups[0].members.contains(&from), "moved by hand");
    let err = run(&mut file, json!({ "cmd": "split_groups", "size": 6, "random": false, "board": null })).unwrap_err();
    assert_eq!(err.to_string(), "Small groups have 3 or 4 people.");
}

#[test]
fn on_a_file_nobody_shares_the_reveal_publishes_the_own_drafts_and_wipes_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.paja");
    let mut w = Workshop::new();
    let board = w.create_board(BoardKind::Free, "Ajatuksia", None).unwrap();
    let mut file = WorkshopFile::create(&path, w).unwrap();
    run(&mut file, json!({ "cmd": "start_silent", "board": board, "anonymous": false })).unwrap();
    let gone = run(&mut file, json!({ "cmd": "write_draft", "board": board, "text": "Pyyhitty ajatus 4242" })).unwrap().unwrap();
    run(&mut file, json!({ "cmd": "delete_draft", "id": gone })).unwrap();
    run(&mut file, json!({ "cmd": "write_draft", "board": board, "text": "Hiljaa kirjoitettu" })).unwrap();
    assert_eq!(file.drafts().unwrap().len(), 1, "one draft waits");
    run(&mut file, json!({ "cmd": "reveal_silent" })).unwrap();
    assert!(file.drafts().unwrap().is_empty(), "the reveal took the draft out of the table");
    let view = file.view();
    let BoardContent::Free(free) = &view.board(&board).unwrap().content else { panic!("a free board") };
    assert_eq!(free.cards[0].text, "Hiljaa kirjoitettu", "and put it on the board");
    drop(file);
    for suffix in ["", "-wal"] {
        let bytes = std::fs::read(format!("{}{suffix}", path.display())).unwrap_or_default();
        assert!(!bytes.windows(20).any(|w| w == b"Pyyhitty ajatus 4242"), "a deleted draft leaves no trace in a.paja{suffix}");
    }
}

#[test]
fn the_memo_is_drafted_from_the_sessions_boards_and_stays_editable() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = WorkshopFile::create(&dir.path().join("a.paja"), Workshop::new()).unwrap();
    let session = run(&mut file, json!({ "cmd": "add_session", "title": "Kokoontuminen 2" })).unwrap().unwrap();
    let board = run(&mut file, json!({ "cmd": "create_board", "kind": "free", "title": "Havainnot", "session_id": session, "starter": false }))
        .unwrap()
        .unwrap();
    run(&mut file, json!({ "cmd": "add_item", "board": board, "item": { "type": "FreeCard", "text": "Jonot ovat pitkiä" } })).unwrap();
    run(&mut file, json!({ "cmd": "draft_memo", "session": session })).unwrap();
    let memo = file.view().sessions[0].memo.clone();
    assert_eq!(memo, "# Kokoontuminen 2\n\n## Havainnot\n- Jonot ovat pitkiä\n", "a heading per board and its content");
    run(&mut file, json!({ "cmd": "patch_session", "session": session, "patch": { "memo": format!("{memo}Lisätty käsin.") } })).unwrap();
    assert!(file.view().sessions[0].memo.ends_with("Lisätty käsin."), "the facilitator edits it afterwards");
}

#[test]
fn each_cafe_round_starts_the_shared_countdown_and_the_last_one_leads_to_the_harvest() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Workshop::new();
    let cafe = w.create_board(BoardKind::Cafe, "Kahvila", None).unwrap();
    w.patch_board(&cafe, &serde_json::from_value(json!({ "round_minutes": 15 })).unwrap()).unwrap();
    for q in ["Mikä auttaa?", "Mikä estää?"] {
        w.add(&cafe, &paja::model::cafe::Station { question: q.into(), ..Default::default() }).unwrap();
    }
    let mut file = WorkshopFile::create(&dir.path().join("a.paja"), w).unwrap();
    run(&mut file, json!({ "cmd": "start_cafe", "board": cafe })).unwrap();
    let control = file.view().control;
    assert_eq!(control.cafe.as_ref().map(|c| c.round), Some(1), "the café starts at round 1");
    assert_eq!(control.timer.as_ref().map(|t| (t.seconds, t.running)), Some((900, true)), "a 15-minute countdown runs");
    run(&mut file, json!({ "cmd": "next_cafe_round" })).unwrap();
    assert_eq!(file.view().control.cafe.map(|c| c.round), Some(2), "round 2 is stored");
    let last = run(&mut file, json!({ "cmd": "next_cafe_round" })).unwrap_err();
    assert_eq!(last.to_string(), "That was the last round; next comes the harvest.");
}
