//! Help between sessions through the API: suggestions read the workshop and change
//! nothing; an accepted group and a harvest draft are ordinary edits, one undo each.

use paja::api::{Command, ExportFormat, ExportRequest, WorkshopFile};
use paja::model::{BoardContent, Workshop};
use paja::synthesis;
use serde_json::json;

fn run(file: &mut WorkshopFile, command: serde_json::Value) -> Option<String> {
    let command: Command = serde_json::from_value(command).expect("the command parses");
    file.execute(&command).expect("the command runs").id
}

fn board(file: &mut WorkshopFile, kind: &str) -> String {
    run(file, json!({"cmd": "create_board", "kind": kind, "title": "Ä", "session_id": null, "starter": false})).unwrap()
}

const QUEUES: [&str; 3] = ["Puhelinjonossa meni tunti", "Jonot ovat liian pitkiä", "Jonossa odottaminen turhauttaa"];

fn wall_with_ideas(file: &mut WorkshopFile) -> (String, Vec<String>) {
    let b = board(file, "idea_wall");
    let mut ids = Vec::new();
    for name in QUEUES.iter().chain(&["Vertaistukiryhmä iltaisin"]) {
        ids.push(run(file, json!({"cmd": "add_item", "board": b, "item": {"type": "Idea", "name": name}})).unwrap());
    }
    (b, ids)
}

#[test]
fn accepting_a_suggested_group_makes_a_cluster_that_one_undo_takes_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ryhmät.paja");
    let mut file = WorkshopFile::create(&path, Workshop::new()).unwrap();
    let (b, ids) = wall_with_ideas(&mut file);
    let before = file.view();
    let suggestions = synthesis::suggest_on(&before, &b, None).unwrap();
    assert_eq!(file.view(), before, "suggesting changes nothing");
    assert_eq!(suggestions.len(), 1, "{suggestions:?}");
    assert_eq!(suggestions[0].ids, ids[..3], "the three queue ideas, not the peer-support one");
    assert!(suggestions[0].label.to_lowercase().contains("jono"), "{}", suggestions[0].label);

    let cluster = run(&mut file, json!({"cmd": "group_items", "board": b, "label": "Jonot ja odotus", "ids": suggestions[0].ids})).unwrap();
    let BoardContent::IdeaWall(wall) = file.view().board(&b).unwrap().content.clone() else { panic!() };
    assert_eq!(wall.clusters[0].name, "Jonot ja odotus");
    assert_eq!(wall.ideas.iter().filter(|i| i.cluster_id.as_deref() == Some(cluster.as_str())).count(), 3);
    drop(file);

    let mut file = WorkshopFile::open(&path).unwrap();
    let BoardContent::IdeaWall(wall) = file.view().board(&b).unwrap().content.clone() else { panic!() };
    assert_eq!(wall.ideas.iter().filter(|i| i.cluster_id.is_some()).count(), 3, "the file holds the group");
    run(&mut file, json!({"cmd": "add_item", "board": b, "item": {"type": "Idea", "name": "Toinen"}}));
    run(&mut file, json!({"cmd": "group_items", "board": b, "label": "Muut", "ids": [ids[3]]}));
    run(&mut file, json!({"cmd": "undo"}));
    let BoardContent::IdeaWall(wall) = file.view().board(&b).unwrap().content.clone() else { panic!() };
    assert_eq!(wall.clusters.len(), 1, "one undo takes back the whole group: its cluster");
    assert!(wall.ideas.iter().find(|i| i.id == ids[3]).unwrap().cluster_id.is_none(), "and its idea's place in it");
    assert_eq!(wall.ideas.len(), 5, "the edit before it stays");
}

#[test]
fn grouping_free_cards_lays_them_out_under_a_label_card() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = WorkshopFile::create(&dir.path().join("v.paja"), Workshop::new()).unwrap();
    let b = board(&mut file, "free");
    let ids: Vec<String> = QUEUES
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let pos = json!({"x": i as f64 * 500.0, "y": 40.0 * i as f64});
            run(&mut file, json!({"cmd": "add_item", "board": b, "item": {"type": "FreeCard", "text": text, "color": "yellow", "pos": pos}})).unwrap()
        })
        .collect();
    let other = run(&mut file, json!({"cmd": "add_item", "board": b, "item": {"type": "FreeCard", "text": "Muuta", "color": "yellow", "pos": {"x": 100.0, "y": 900.0}}})).unwrap();
    let label = run(&mut file, json!({"cmd": "group_items", "board": b, "label": "Jonot", "ids": ids})).unwrap();
    let BoardContent::Free(free) = file.view().board(&b).unwrap().content.clone() else { panic!() };
    let at = |id: &str| free.cards.iter().find(|c| c.id == id).unwrap().pos;
    assert_eq!(free.cards.iter().find(|c| c.id == label).unwrap().text, "Jonot");
    assert!(ids.iter().all(|id| at(id).y > at(&label).y), "the notes sit under their label");
    assert!(ids.iter().all(|id| at(id).x > at(&other).x), "right of the cards outside the group, covering none");
    run(&mut file, json!({"cmd": "undo"}));
    let BoardContent::Free(free) = file.view().board(&b).unwrap().content.clone() else { panic!() };
    assert_eq!(free.cards.len(), 4, "one undo removes the label card");
    assert_eq!(free.cards.iter().find(|c| c.id == ids[1]).unwrap().pos.x, 500.0, "and puts the notes back");
}

#[test]
fn a_station_harvest_draft_fills_its_summary_from_themed_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = WorkshopFile::create(&dir.path().join("k.paja"), Workshop::new()).unwrap();
    let b = board(&mut file, "cafe");
    let station = run(&mut file, json!({"cmd": "add_item", "board": b, "item": {"type": "Station", "question": "Mikä auttaa?"}})).unwrap();
    let notes: Vec<String> = QUEUES
        .iter()
        .map(|text| run(&mut file, json!({"cmd": "add_item", "board": b, "item": {"type": "CafeNote", "station_id": station, "round": 1, "text": text}})).unwrap())
        .collect();
    run(&mut file, json!({"cmd": "group_items", "board": b, "label": "Jonotus", "ids": notes}));
    run(&mut file, json!({"cmd": "draft_harvest", "board": b, "station": station}));
    let BoardContent::Cafe(cafe) = file.view().board(&b).unwrap().content.clone() else { panic!() };
    assert!(cafe.notes.iter().all(|n| n.theme == "Jonotus"), "the accepted theme is on every note");
    assert!(cafe.stations[0].summary.starts_with("Jonotus (3): ”"), "{}", cafe.stations[0].summary);

    let pdf = dir.path().join("raportti.pdf");
    file.export(ExportFormat::Pdf, &ExportRequest::default(), &pdf, None).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Teema"), "the report has a theme column");
    assert!(text.contains("Yhteenveto Jonotus (3): ”"), "the report prints the harvest as drafted: {text}");
}

#[test]
fn grouping_refuses_a_nameless_group_and_unknown_notes_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = WorkshopFile::create(&dir.path().join("e.paja"), Workshop::new()).unwrap();
    let (b, ids) = wall_with_ideas(&mut file);
    let before = file.view();
    for (label, ids) in [(" ", ids.clone()), ("Jonot", vec!["ei-ole".to_string()])] {
        let command: Command = serde_json::from_value(json!({"cmd": "group_items", "board": b, "label": label, "ids": ids})).unwrap();
        let error = file.execute(&command).expect_err("refused");
        assert!(error.to_string().ends_with('.'), "one sentence: {error}");
    }
    let persona = board(&mut file, "persona");
    let error = synthesis::suggest_on(&file.view(), &persona, None).expect_err("personas are not grouped");
    assert!(error.to_string().contains("persona"), "{error}");
    assert_eq!(file.view().board(&b), before.board(&b), "nothing changed");
}

#[test]
fn more_notes_than_suggestions_take_are_refused_in_one_sentence() {
    let mut w = Workshop::new();
    let b = w.create_board(paja::model::BoardKind::Free, "Iso taulu", None).unwrap();
    for i in 0..=synthesis::MAX_NOTES {
        w.add(&b, &paja::model::free::FreeCard { text: format!("Kortti {i}"), ..Default::default() }).unwrap();
    }
    let view = w.view();
    let error = synthesis::suggest_on(&view, &b, None).expect_err("too many to group at once");
    assert_eq!(error.to_string(), "Paja suggests groups for at most 2000 notes at a time, and this has 2001.");
    assert_eq!(error.code(), paja::ErrorCode::TooManyToGroup, "the window words it by its code");
}
