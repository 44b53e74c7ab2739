//! A workshop survives every way out and back in: JSON, the .paja file, named versions.


use paja::api::WorkshopFile;
use paja::model::free::FreeCard;
use paja::model::{BoardKind, WorkshopView};

fn json(view: &WorkshopView) -> String {
    serde_json::to_string(view).unwrap()
}

#[test]
fn json_export_and_import_give_an_identical_projection() {
    let dir = tempfile::tempdir().unwrap();
    let file = WorkshopFile::create(&dir.path().join("a.paja"), crate::support::workshop::rich()).unwrap();
    let out = dir.path().join("a.json");
    file.export_json(&out).unwrap();
    let back = WorkshopFile::import_json(&out, &dir.path().join("b.paja")).unwrap();
    assert_eq!(json(&file.view()), json(&back.view()), "import rebuilds exactly what was exported");
    assert_eq!(back.view().boards.len(), 8, "every board kind came back");
}

#[test]
fn a_saved_file_reopens_with_an_identical_projection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.paja");
    let mut file = WorkshopFile::create(&path, paja::model::Workshop::new()).unwrap();
    let rich = crate::support::workshop::rich().view();
    file.change(|w| w.replace_with(&rich)).unwrap();
    let board = file.view().boards.iter().find(|b| b.content.kind() == BoardKind::Free).unwrap().id.clone();
    file.change(|w| w.add(&board, &FreeCard { text: "Lisätty myöhemmin".into(), ..Default::default() })).unwrap();
    let before = json(&file.view());
    drop(file);
    let reopened = WorkshopFile::open(&path).unwrap();
    assert_eq!(before, json(&reopened.view()), "every logged change is read back from the file");
}

#[test]
fn a_restored_version_equals_the_workshop_when_it_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.paja");
    let mut file = WorkshopFile::create(&path, crate::support::workshop::rich()).unwrap();
    let saved = json(&file.view());
    file.create_version("Malliluonnos 0.3").unwrap();
    let board = file.view().boards.iter().find(|b| b.content.kind() == BoardKind::Free).unwrap().id.clone();
    file.change(|w| w.add(&board, &FreeCard { text: "Uusi kortti".into(), ..Default::default() })).unwrap();
    file.change(|w| w.rename_board(&board, "Toinen nimi")).unwrap();
    file.change(|w| w.update_meta(|m| m.title = "Muutettu".into())).unwrap();
    assert_ne!(saved, json(&file.view()), "the workshop changed after the version");
    file.restore_version("Malliluonnos 0.3").unwrap();
    assert_eq!(saved, json(&file.view()), "restoring brings back the saved projection");
    drop(file);
    let reopened = WorkshopFile::open(&path).unwrap();
    assert_eq!(saved, json(&reopened.view()), "the restore was written as ordinary logged edits");
    let names: Vec<String> = reopened.versions().unwrap().into_iter().map(|v| v.name).collect();
    assert_eq!(names, vec!["Malliluonnos 0.3"], "the version is listed by name");
}

#[test]
fn compaction_keeps_the_projection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.paja");
    let mut file = WorkshopFile::create(&path, crate::support::workshop::rich()).unwrap();
    let board = file.view().boards.iter().find(|b| b.content.kind() == BoardKind::Free).unwrap().id.clone();
    for i in 0..50 {
        file.change(|w| w.add(&board, &FreeCard { text: format!("Kortti {i}"), ..Default::default() })).unwrap();
    }
    let before = json(&file.view());
    file.compact().unwrap();
    drop(file);
    assert_eq!(before, json(&WorkshopFile::open(&path).unwrap().view()), "compaction loses nothing");
}
