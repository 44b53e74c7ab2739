//! Bad JSON gets one clear sentence and changes no file.


use paja::api::WorkshopFile;

fn import(json: &str) -> (paja::Error, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.json");
    std::fs::write(&input, json).unwrap();
    let out = dir.path().join("out.paja");
    let err = WorkshopFile::import_json(&input, &out).err().expect("the import is refused");
    assert!(!out.exists(), "no half-written workshop file is left behind");
    assert_eq!(std::fs::read_to_string(&input).unwrap(), json, "the input is untouched");
    (err, dir)
}

#[test]
fn a_json_import_with_wrong_types_is_refused_in_one_sentence() {
    let (err, _dir) = import(r#"{"format": 1, "meta": {"title": 42}}"#);
    assert_eq!(err.code(), "bad_json", "wrong types are reported as a bad JSON file");
    let message = err.to_string();
    assert!(message.starts_with("This JSON is not a Paja workshop"), "{message}");
    assert_eq!(message.lines().count(), 1, "one line, no backtrace: {message}");
}

#[test]
fn a_json_from_a_newer_paja_is_refused() {
    let (err, _dir) = import(r#"{"format": 99}"#);
    assert_eq!(err.code(), "newer_json", "the user is told to update Paja");
}

#[test]
fn a_json_with_repeated_ids_is_refused() {
    let json = r#"{"format":1,"boards":[{"id":"b","kind":"free"},{"id":"b","kind":"free"}]}"#;
    let (err, _dir) = import(json);
    assert!(err.to_string().contains("repeated id"), "the message names the problem: {err}");
}

#[test]
fn importing_over_an_existing_file_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("a.paja");
    let file = WorkshopFile::create(&existing, crate::support::workshop::rich()).unwrap();
    let json = dir.path().join("a.json");
    file.export_json(&json).unwrap();
    drop(file);
    let before = std::fs::read(&existing).unwrap();
    let err = WorkshopFile::import_json(&json, &existing).err().expect("overwriting is refused");
    assert_eq!(err.code(), "exists", "the user is told the file exists");
    assert_eq!(before, std::fs::read(&existing).unwrap(), "the existing file is byte-identical");
}
