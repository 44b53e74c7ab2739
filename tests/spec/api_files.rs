//! The start screen's files: recent workshops, a new workshop from a template, the demo,
//! and "save as", which copies the whole workshop into a new file.


use paja::api::recent::{MAX_RECENT, RecentList};
use paja::api::{WorkshopFile, start};
use paja::model::free::FreeCard;
use paja::model::BoardKind;
use paja::templates::Template;
use std::path::Path;

fn titles(list: &RecentList) -> Vec<String> {
    list.entries().into_iter().map(|e| e.title).collect()
}

#[test]
fn recent_workshops_are_listed_newest_first_once_each() {
    let dir = tempfile::tempdir().unwrap();
    let recent = RecentList::in_folder(dir.path());
    recent.remember(&dir.path().join("a.paja"), "Ensimmäinen").unwrap();
    recent.remember(&dir.path().join("b.paja"), "Toinen").unwrap();
    recent.remember(&dir.path().join("a.paja"), "Ensimmäinen, uusi nimi").unwrap();
    assert_eq!(titles(&recent), ["Ensimmäinen, uusi nimi", "Toinen"], "opening a file again moves it to the top with its title now");
    let first = &recent.entries()[0];
    assert!(first.path.ends_with("a.paja") && Path::new(&first.path).is_absolute(), "the place is a full path: {}", first.path);
    assert_eq!(first.opened_at.len(), "2026-03-01T09:30:00Z".len(), "the time is RFC 3339: {}", first.opened_at);
    assert_eq!(titles(&RecentList::in_folder(dir.path())), titles(&recent), "the list is kept in the folder, not in memory");
}

#[test]
fn the_recent_list_keeps_the_ten_newest() {
    let dir = tempfile::tempdir().unwrap();
    let recent = RecentList::in_folder(dir.path());
    for i in 0..MAX_RECENT + 3 {
        recent.remember(&dir.path().join(format!("{i}.paja")), &format!("Työpaja {i}")).unwrap();
    }
    let shown = titles(&recent);
    assert_eq!(shown.len(), 10, "at most ten workshops");
    assert_eq!(shown[0], "Työpaja 12", "the newest first");
    assert_eq!(shown[9], "Työpaja 3", "the three oldest dropped off");
}

#[test]
fn a_damaged_recent_list_reads_as_empty_and_is_written_anew() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("recent.json");
    std::fs::write(&file, b"[{\"path\": \"katkennut").unwrap();
    let recent = RecentList::in_folder(dir.path());
    assert!(recent.entries().is_empty(), "a list that does not read is empty, not an error");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "[]", "and the damaged file is replaced by an empty list");
    recent.remember(&dir.path().join("a.paja"), "Åbo").unwrap();
    assert_eq!(titles(&recent), ["Åbo"], "the list works again");
}

#[test]
fn a_forgotten_workshop_leaves_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let recent = RecentList::in_folder(dir.path());
    recent.remember(&dir.path().join("a.paja"), "A").unwrap();
    recent.remember(&dir.path().join("b.paja"), "B").unwrap();
    recent.forget(&dir.path().join("a.paja")).unwrap();
    assert_eq!(titles(&recent), ["B"]);
}

#[test]
fn a_new_workshop_is_named_after_its_title_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Paja");
    let first = start::new_workshop(&folder, "Kevään työpaja", Template::Paku).unwrap();
    assert_eq!(first.path(), folder.join("Kevään työpaja.paja"), "the folder is made and the file named from the title");
    assert_eq!(first.view().meta.title, "Kevään työpaja");
    assert_eq!(first.view().sessions.len(), 10, "the PAKU template brings its ten sessions");
    let second = start::new_workshop(&folder, "Kevään työpaja", Template::Empty).unwrap();
    assert_eq!(second.path(), folder.join("Kevään työpaja (2).paja"), "the same title gets a numbered file");
    assert!(second.view().sessions.is_empty() && second.view().boards.is_empty(), "the empty template is empty");
    drop(first);
    assert_eq!(WorkshopFile::open(&folder.join("Kevään työpaja.paja")).unwrap().view().sessions.len(), 10, "the first file is untouched");
}

#[test]
fn the_demo_is_written_once_and_then_opened() {
    let dir = tempfile::tempdir().unwrap();
    let mut demo = start::open_demo(dir.path()).unwrap();
    let board = demo.view().boards[0].id.clone();
    demo.change(|w| w.add(&board, &FreeCard { text: "Omani".into(), ..Default::default() })).ok();
    let before = serde_json::to_string(&demo.view()).unwrap();
    drop(demo);
    let again = start::open_demo(dir.path()).unwrap();
    assert_eq!(serde_json::to_string(&again.view()).unwrap(), before, "the second time opens the same file, not a fresh demo");
}

#[test]
fn save_as_copies_the_whole_workshop_and_goes_on_in_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("vanha.paja");
    let mut file = WorkshopFile::create(&old, crate::support::workshop::rich()).unwrap();
    file.create_version("Versio 1.0").unwrap();
    let picture = file.put_media(b"not an image but a blob", "application/octet-stream").unwrap();
    let copy = dir.path().join("Åbo kopio.paja");
    file.save_as(&copy).unwrap();
    assert_eq!(file.path(), copy, "the window works on the new file");

    let board = file.view().boards.iter().find(|b| b.content.kind() == BoardKind::Free).unwrap().id.clone();
    file.change(|w| w.add(&board, &FreeCard { text: "Vain kopiossa".into(), ..Default::default() })).unwrap();
    let now = serde_json::to_string(&file.view()).unwrap();
    drop(file);

    let reopened = WorkshopFile::open(&copy).unwrap();
    assert_eq!(serde_json::to_string(&reopened.view()).unwrap(), now, "the copy holds everything, and the edit after saving");
    assert_eq!(reopened.versions().unwrap()[0].name, "Versio 1.0", "named versions come along");
    assert_eq!(reopened.media(&picture).unwrap(), b"not an image but a blob", "pictures come along");
    let original = WorkshopFile::open(&old).unwrap();
    assert!(!serde_json::to_string(&original.view()).unwrap().contains("Vain kopiossa"), "the old file does not get the later edit");
}

#[test]
fn save_as_refuses_an_existing_file_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = WorkshopFile::create(&dir.path().join("a.paja"), crate::support::workshop::rich()).unwrap();
    let taken = dir.path().join("b.paja");
    std::fs::write(&taken, b"joku muu tiedosto").unwrap();
    let err = file.save_as(&taken).expect_err("an existing file is never overwritten");
    assert_eq!(err.code(), "exists", "{err}");
    assert_eq!(std::fs::read(&taken).unwrap(), b"joku muu tiedosto", "the other file is byte-identical");
    let own = file.path().to_path_buf();
    assert_eq!(file.save_as(&own).expect_err("nor the open file itself").code(), "exists");
    assert_eq!(file.path(), own, "a refused save as keeps working on the same file");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(!left.iter().any(|n| n.to_string_lossy().contains("partial")), "no half-written copy is left: {left:?}");
}

#[test]
fn save_as_into_a_missing_folder_fails_in_one_sentence_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = WorkshopFile::create(&dir.path().join("a.paja"), crate::support::workshop::rich()).unwrap();
    let err = file.save_as(&dir.path().join("ei-ole/kopio.paja")).expect_err("no such folder");
    let message = err.to_string();
    assert!(message.ends_with('.') && !message.contains('\n'), "one sentence: {message}");
    assert!(!dir.path().join("ei-ole").exists(), "nothing was made");
    assert!(file.view().meta.title == "Järvilaakson työpaja", "the open workshop is still there");
}
