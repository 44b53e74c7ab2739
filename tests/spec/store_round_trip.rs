//! The store gives back what it was given: updates, compacted state, versions, media.


use crate::support::store::{Writer, disk_size, json, rebuild};
use paja::store::{DocName, Store};

fn new_store(dir: &tempfile::TempDir, name: &str) -> (Store, std::path::PathBuf) {
    let path = dir.path().join(name);
    (
        Store::create(&path).expect("a new file in an empty dir can be created"),
        path,
    )
}

#[test]
fn appended_updates_rebuild_the_same_documents_after_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, path) = new_store(&dir, "round.paja");
    let (content, control) = (Writer::new(), Writer::new());
    let mut last = 0;
    for i in 0..100 {
        let id = store
            .append(
                DocName::Content,
                &content.set(&format!("card-{}", i % 30), i),
            )
            .expect("append content");
        assert!(id > last, "ids increase with every append");
        last = id;
        if i % 10 == 0 {
            last = store
                .append(DocName::Control, &control.set("round", i))
                .expect("append control");
        }
    }
    drop(store);

    let store = Store::open(&path).expect("a file this Paja wrote opens");
    let loaded = store.load().expect("load");
    assert_eq!(
        json(&rebuild(&loaded.content)),
        content.json(),
        "content is rebuilt exactly"
    );
    assert_eq!(
        json(&rebuild(&loaded.control)),
        control.json(),
        "control is kept apart from content"
    );
    assert_eq!(
        loaded.content.len(),
        100,
        "no snapshot yet, so one blob per append"
    );
    assert_eq!(
        store.last_update_id().expect("last id"),
        last,
        "110 appends in all, the last one reported"
    );
    assert!(
        store.check().expect("check").is_clean(),
        "a fresh file has no problems"
    );
}

#[test]
fn creating_over_an_existing_file_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("taken.paja");
    std::fs::write(&path, b"someone's notes").expect("write");
    let err = Store::create(&path).expect_err("create must not overwrite");
    assert_eq!(err.code(), "exists", "{err}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        b"someone's notes",
        "the existing file is untouched"
    );
}

#[test]
fn compaction_keeps_content_empties_the_log_and_shrinks_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, path) = new_store(&dir, "compact.paja");
    let writer = Writer::new();
    for i in 0..2000 {
        store
            .append(DocName::Content, &writer.set(&format!("k{}", i % 40), i))
            .expect("append");
    }
    let before = disk_size(&path);
    let upto = store.last_update_id().expect("last id");
    store
        .compact(DocName::Content, &writer.state(), upto)
        .expect("compact");
    drop(store);

    let store = Store::open(&path).expect("reopen");
    let loaded = store.load().expect("load");
    assert_eq!(
        json(&rebuild(&loaded.content)),
        writer.json(),
        "the snapshot holds every update"
    );
    assert_eq!(loaded.content.len(), 1, "only the snapshot remains");
    assert_eq!(
        store.log_len().expect("log len"),
        0,
        "every logged update was merged"
    );
    assert_eq!(
        store.last_update_id().expect("last id"),
        upto,
        "ids are never handed out again"
    );
    let after = disk_size(&path);
    assert!(
        after < before,
        "2,000 updates take more room than their merged state ({after} vs {before} bytes)"
    );
    assert!(
        store.check().expect("check").is_clean(),
        "compaction leaves no problems"
    );

    let next = store
        .append(DocName::Content, &writer.set("after", 1))
        .expect("append after compaction");
    assert!(next > upto, "new ids continue after the compacted ones");
    drop(store);

    let conn = rusqlite::Connection::open(&path).expect("open with plain SQLite");
    let free: i64 = conn
        .pragma_query_value(None, "freelist_count", |r| r.get(0))
        .expect("freelist");
    assert_eq!(
        free, 0,
        "compaction gives every freed page back to the file system"
    );
}

#[test]
fn compacting_beyond_the_last_update_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, _) = new_store(&dir, "early.paja");
    let err = store
        .compact(DocName::Content, b"", 5)
        .expect_err("there is no update 5 yet");
    assert_eq!(err.code(), "bad_compaction", "{err}");
}

#[test]
fn versions_are_listed_returned_and_unique_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, path) = new_store(&dir, "versions.paja");
    store
        .create_version("Malliluonnos 0.3", b"content-a", b"control-a")
        .expect("first version");
    store
        .create_version("Versio 1.0", b"content-b", b"control-b")
        .expect("second version");
    let err = store
        .create_version("Versio 1.0", b"x", b"y")
        .expect_err("names are unique");
    assert_eq!(err.code(), "version_exists", "{err}");
    assert!(
        err.to_string().contains("Versio 1.0"),
        "the message names the version: {err}"
    );
    drop(store);

    let store = Store::open(&path).expect("reopen");
    let list = store.list_versions().expect("list");
    let names: Vec<&str> = list.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["Malliluonnos 0.3", "Versio 1.0"], "oldest first");
    for v in &list {
        let t = v.created_at.as_bytes();
        assert!(
            t.len() == 20 && t[10] == b'T' && t[19] == b'Z',
            "RFC 3339 UTC: {}",
            v.created_at
        );
    }
    let state = store.version_state("Versio 1.0").expect("state");
    assert_eq!(
        state,
        (b"content-b".to_vec(), b"control-b".to_vec()),
        "the duplicate did not overwrite it"
    );
    let err = store
        .version_state("Versio 9")
        .expect_err("unknown version");
    assert_eq!(err.code(), "no_version", "{err}");
}

#[test]
fn media_is_stored_once_under_its_hash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, _) = new_store(&dir, "media.paja");
    let png = tiny_png();
    let a = store
        .put_media(&png, "image/png")
        .expect("a small PNG is accepted");
    let b = store
        .put_media(&png, "image/png")
        .expect("the same PNG again");
    assert_eq!(a, b, "same bytes, same id");
    assert_eq!(a.len(), 64, "the id is a hex SHA-256");
    assert_eq!(store.media_count().expect("count"), 1, "stored once");
    assert_eq!(store.media(&a).expect("read back"), png);
    let err = store.media(&"0".repeat(64)).expect_err("unknown hash");
    assert_eq!(err.code(), "no_media", "{err}");
    let err = store
        .put_media(b"not a picture", "image/png")
        .expect_err("image mimes are decoded");
    assert_eq!(err.code(), "bad_picture", "{err}");
    assert!(
        store.check().expect("check").is_clean(),
        "media hashes match their bytes"
    );
}

fn tiny_png() -> Vec<u8> {
    let mut out = Vec::new();
    image::DynamicImage::new_rgba8(4, 4)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("encode png");
    out
}

#[test]
fn a_file_from_before_drafts_opens_and_gains_the_drafts_table_with_its_content_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.paja");
    let mut workshop = paja::model::Workshop::new();
    let board = workshop.create_board(paja::model::BoardKind::Free, "Vanha", None).unwrap();
    drop(paja::api::WorkshopFile::create(&path, workshop).unwrap());
    let conn = rusqlite::Connection::open(&path).expect("open with plain SQLite");
    conn.execute_batch("DROP TABLE drafts; DROP TABLE ledger; DROP TABLE ledger_members; DROP TABLE answers; DROP TABLE sealed_drafts; DROP TABLE set_aside; DROP TABLE relay; PRAGMA user_version = 1;").expect("make it a schema-1 file");
    drop(conn);
    let mut file = paja::api::WorkshopFile::open(&path).expect("a schema-1 file opens");
    assert_eq!(file.view().boards[0].title, "Vanha", "its content is intact");
    file.write_draft(&board, "Uusi luonnos").expect("the migration made the drafts table");
    assert_eq!(file.drafts().unwrap()[0].text, "Uusi luonnos");
    assert!(file.check().unwrap().is_clean(), "the migrated file checks clean");
}

#[test]
fn updates_appended_together_come_back_in_order_for_their_own_documents() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, path) = new_store(&dir, "together.paja");
    let (content, control) = (Writer::new(), Writer::new());
    let mut batch = Vec::new();
    for i in 0..50 {
        batch.push((DocName::Content, content.set(&format!("kortti-{}", i % 7), i)));
        if i % 5 == 0 {
            batch.push((DocName::Control, control.set("vaihe", i)));
        }
    }
    store
        .append_all(batch.iter().map(|(doc, update)| (*doc, update.as_slice())))
        .expect("a batch is appended");
    drop(store);

    let loaded = Store::open(&path).expect("reopen").load().expect("load");
    assert_eq!(json(&rebuild(&loaded.content)), content.json(), "every content update of the batch is there");
    assert_eq!(json(&rebuild(&loaded.control)), control.json(), "and every control update, kept apart");
    assert_eq!(loaded.content.len() + loaded.control.len(), 60, "one row per update of the batch");
}
