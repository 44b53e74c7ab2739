//! The `paja` command as a user types it: exact forms, one-sentence errors, exit codes.

use std::path::Path;
use std::process::{Command, Output};

fn paja(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paja")).args(args).output().expect("paja runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A failed command says one sentence (and perhaps where to get help) and exits non-zero.
fn assert_one_sentence_error(out: &Output, words: &str) {
    assert!(!out.status.success(), "the command fails");
    let err = text(&out.stderr);
    let first = err.lines().next().unwrap_or("");
    assert!(first.contains(words), "the first line names the problem ({words}): {err}");
    assert!(!err.contains("panicked") && !err.contains("backtrace"), "no panic: {err}");
    assert!(err.lines().count() <= 2, "one sentence, not a dump: {err}");
}

#[test]
fn new_from_the_paku_template_lists_ten_sessions_in_info() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ryhmä.paja");
    let out = paja(&["new", arg(&file), "--template", "paku", "--title", "Ikäihmisten ryhmä"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let info = paja(&["info", arg(&file), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&info.stdout).unwrap();
    assert_eq!(json["title"], "Ikäihmisten ryhmä", "the given title, with ä intact");
    assert_eq!(json["sessions"].as_array().unwrap().len(), 10, "PAKU has sessions 1–10");
}

#[test]
fn demo_info_shows_every_board_kind() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.paja");
    assert!(paja(&["demo", arg(&file)]).status.success());
    let info = text(&paja(&["info", arg(&file)]).stdout);
    for kind in ["persona", "service_path", "causal_map", "cafe", "idea_wall", "free", "quality_criteria", "evaluation"] {
        assert!(info.contains(&format!("{kind}:")), "info lists {kind} boards:\n{info}");
    }
    assert!(text(&paja(&["check", arg(&file)]).stdout).contains("is sound"), "a new demo is sound");
}

#[test]
fn export_then_import_json_gives_the_same_info() {
    let dir = tempfile::tempdir().unwrap();
    let (file, json, copy) = (dir.path().join("a.paja"), dir.path().join("a.json"), dir.path().join("b.paja"));
    assert!(paja(&["demo", arg(&file)]).status.success());
    assert!(paja(&["export", "json", arg(&file), "-o", arg(&json)]).status.success());
    assert!(paja(&["import", "json", arg(&json), "-o", arg(&copy)]).status.success());
    let info = |f: &Path| text(&paja(&["info", arg(f), "--json"]).stdout);
    assert_eq!(info(&file), info(&copy), "the imported copy summarises the same");
    let again = paja(&["import", "json", arg(&json), "-o", arg(&copy)]);
    assert_one_sentence_error(&again, "already exists");
}

#[test]
fn versions_are_created_listed_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.paja");
    assert!(paja(&["new", arg(&file), "--template", "empty", "--title", "Ensin"]).status.success());
    assert!(paja(&["version", "create", arg(&file), "Versio 1.0"]).status.success());
    let list = text(&paja(&["version", "list", arg(&file)]).stdout);
    assert!(list.starts_with("Versio 1.0\t"), "the version is listed: {list}");
    let unknown = paja(&["version", "restore", arg(&file), "Versio 9"]);
    assert_one_sentence_error(&unknown, "Versio 9");
    assert!(paja(&["version", "restore", arg(&file), "Versio 1.0"]).status.success());
}

#[test]
fn a_file_of_random_bytes_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roskaa.paja");
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    std::fs::write(&file, &bytes).unwrap();
    for args in [vec!["info", arg(&file)], vec!["check", arg(&file)]] {
        assert_one_sentence_error(&paja(&args), "not a Paja workshop file");
    }
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "the file is byte-identical");
}

#[test]
fn unknown_template_and_wrong_arguments_get_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.paja");
    assert_one_sentence_error(&paja(&["new", arg(&file), "--template", "miro"]), "no template");
    assert!(!file.exists(), "nothing was written");
    assert_one_sentence_error(&paja(&["explode"]), "unrecognized subcommand");
}
