//! Named versions and exports of the window's open workshop, through `Live`: a restore
//! while hosting reaches the joined laptop as ordinary edits, and an export is taken
//! from the workshop at one moment and written all or nothing.

use paja::api::{ExportFormat, WorkshopFile};
use paja::export::ExportOptions;
use paja::model::Workshop;
use paja::session::Live;
use std::path::Path;
use crate::support::live::{card, loopback, shows};
use crate::support::sync::{wait_until, workshop_with_board};

fn live_on(path: &Path) -> Live {
    let replicas = path.with_extension("replicas");
    Live::new(WorkshopFile::open(path).expect("the file opens"), &replicas).expect("a live workshop")
}

#[test]
fn a_restore_while_hosting_reaches_the_joined_laptop() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, board) = workshop_with_board(dir.path());
    let mut host = live_on(&path);
    let hosting = host.host(loopback()).expect("hosting starts on loopback");
    let guest_file = dir.path().join("aino.paja");
    WorkshopFile::create(&guest_file, Workshop::new()).expect("the guest's own file");
    let mut guest = live_on(&guest_file);
    guest.join(&hosting.join_link, &hosting.code, "Aino", false).expect("the guest joins");
    wait_until("the guest has the host's board", || guest.view().boards.iter().any(|b| b.id == board));

    host.create_version("Malliluonnos 0.3").expect("the facilitator makes a version");
    let versions = host.versions().expect("the list");
    assert_eq!(versions.len(), 1, "the new version is listed");
    assert_eq!(versions[0].name, "Malliluonnos 0.3");
    assert!(versions[0].created_at.ends_with('Z'), "the version has its date: {}", versions[0].created_at);

    host.execute(&card(&board, "Myöhempi kortti")).expect("a later card");
    wait_until("the later card reaches the guest", || shows(&guest, "Myöhempi kortti"));

    host.restore_version("Malliluonnos 0.3").expect("the version is restored");
    assert!(!shows(&host, "Myöhempi kortti"), "the host is back at the version");
    wait_until("the guest follows the restore", || !shows(&guest, "Myöhempi kortti"));
    assert_eq!(host.versions().expect("the list").len(), 1, "a restore keeps the versions");
}

#[test]
fn a_version_name_already_used_is_refused_in_one_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = workshop_with_board(dir.path());
    let live = live_on(&path);
    live.create_version("Versio 1.0").expect("the first one is made");
    let refused = live.create_version("Versio 1.0").expect_err("the same name again is refused");
    let sentence = refused.to_string();
    assert!(sentence.ends_with('.') && !sentence.contains('\n'), "one sentence: {sentence}");
    assert_eq!(live.versions().expect("the list").len(), 1, "nothing was added");
}

#[test]
fn an_export_shows_the_workshop_as_it_was_when_the_export_began() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, board) = workshop_with_board(dir.path());
    let mut live = live_on(&path);
    live.execute(&card(&board, "Äänestetty idea")).expect("a card");
    let snapshot = live.export_snapshot(None, None).expect("the export reads the workshop");
    live.execute(&card(&board, "Kesken tullut kortti")).expect("someone keeps working meanwhile");

    let out = dir.path().join("työpaja.json");
    snapshot.write(ExportFormat::Json, None, &ExportOptions::default(), &out, None).expect("the export is written");
    let json = std::fs::read_to_string(&out).expect("the export reads back");
    assert!(json.contains("Äänestetty idea"), "what was there when the export began is in it");
    assert!(!json.contains("Kesken tullut kortti"), "a later edit is not half in the export");
}

#[test]
fn an_export_of_a_named_version_shows_that_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, board) = workshop_with_board(dir.path());
    let mut live = live_on(&path);
    live.create_version("Versio 1.0").expect("a version");
    live.execute(&card(&board, "Versioon kuulumaton")).expect("a later card");
    let out = dir.path().join("versio.csv");
    let snapshot = live.export_snapshot(Some("Versio 1.0"), None).expect("the version is read");
    snapshot.write(ExportFormat::Csv, None, &ExportOptions::default(), &out, None).expect("written");
    assert!(!std::fs::read_to_string(&out).unwrap().contains("Versioon kuulumaton"), "the card came after the version");
}

#[test]
fn a_failed_export_leaves_the_file_that_was_there_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = workshop_with_board(dir.path());
    let live = live_on(&path);
    let out = dir.path().join("taulu.png");
    std::fs::write(&out, b"earlier picture").expect("an earlier export");
    let snapshot = live.export_snapshot(None, None).expect("the export reads the workshop");

    let refused = snapshot
        .write(ExportFormat::Png, Some("no-such-board"), &ExportOptions::default(), &out, None)
        .expect_err("a board that is not there cannot be drawn");
    assert!(refused.to_string().ends_with('.'), "one sentence: {refused}");
    assert_eq!(std::fs::read(&out).unwrap(), b"earlier picture", "the earlier file is as it was");

    let missing = dir.path().join("poistettu kansio").join("raportti.pdf");
    snapshot.write(ExportFormat::Pdf, None, &ExportOptions::default(), &missing, None).expect_err("the folder is gone");
    assert!(!missing.exists(), "no half-written report");
    let left: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!left.iter().any(|name| name.ends_with(".part")), "no temporary file is left: {left:?}");
}

#[test]
fn the_pdf_report_tells_its_progress_up_to_the_end() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = workshop_with_board(dir.path());
    let live = live_on(&path);
    let heard = std::sync::Mutex::new(Vec::new());
    let progress = |f: f32| heard.lock().unwrap().push(f);
    let out = dir.path().join("raportti.pdf");
    live.export_snapshot(None, None).unwrap().write(ExportFormat::Pdf, None, &ExportOptions::default(), &out, Some(&progress)).expect("written");
    let heard = heard.into_inner().unwrap();
    assert!(heard.windows(2).all(|w| w[0] <= w[1]), "progress only grows: {heard:?}");
    assert_eq!(heard.last().copied(), Some(1.0), "the bar reaches its end");
}

#[test]
fn a_report_with_changes_lists_what_changed_since_the_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, board) = workshop_with_board(dir.path());
    let mut live = live_on(&path);
    live.create_version("Malliluonnos 0.1").expect("a version");
    live.execute(&card(&board, "Uusi kortti jälkeen")).expect("a later card");
    let diff = live.compare_versions(Some("Malliluonnos 0.1"), None).expect("the two compare");
    assert_eq!(diff.boards.len(), 1, "only the changed board is listed: {diff:?}");

    let out = dir.path().join("muutokset.pdf");
    let options = ExportOptions { compare_from: Some("Malliluonnos 0.1".into()), ..ExportOptions::default() };
    let snapshot = live.export_snapshot(None, Some("Malliluonnos 0.1")).expect("the export reads the workshop and the version");
    snapshot.write(ExportFormat::Pdf, None, &options, &out, None).expect("written");
    let text = crate::support::export::pdf_text(&out);
    assert!(text.contains("Muutokset"), "the report has the changes page");
    assert!(text.contains("Uusi kortti jälkeen"), "the added card is listed on it");
}
