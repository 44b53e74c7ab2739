//! `paja export` as a user types it: every format writes its file; a mistake is one
//! sentence on stderr and a non-zero exit.


use crate::support::export::pdf_text;
use std::path::Path;
use std::process::{Command, Output};

fn paja(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paja"))
        .args(args)
        .output()
        .expect("paja runs")
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

fn demo(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let file = dir.path().join("demo.paja");
    assert!(
        paja(&["demo", arg(&file)]).status.success(),
        "the demo file is made"
    );
    file
}

#[test]
fn every_format_is_written_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = demo(&dir);
    let board = paja::api::WorkshopFile::open(&file)
        .expect("open")
        .view()
        .boards[0]
        .id
        .clone();
    for (format, name) in [
        ("pdf", "r.pdf"),
        ("poster", "p.pdf"),
        ("png", "b.png"),
        ("canvas", "b.canvas"),
        ("csv", "k.csv"),
    ] {
        let out = dir.path().join(name);
        let run = paja(&[
            "export",
            format,
            arg(&file),
            "-o",
            arg(&out),
            "--board",
            &board,
        ]);
        assert!(
            run.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(out.exists(), "{name} is written");
    }
    assert!(
        pdf_text(&dir.path().join("r.pdf")).contains("Palveluohjauksen kehittäjäryhmä"),
        "the report reads back"
    );
}

#[test]
fn a_named_version_and_opted_in_names_reach_the_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = demo(&dir);
    assert!(
        paja(&["version", "create", arg(&file), "Versio 1.0"])
            .status
            .success()
    );
    let out = dir.path().join("v.pdf");
    let run = paja(&[
        "export",
        "pdf",
        arg(&file),
        "-o",
        arg(&out),
        "--version",
        "Versio 1.0",
        "--include-organisation",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        pdf_text(&out).contains("Järvilaakson hyvinvointialue"),
        "the organisation is on the cover when opted in"
    );
}

#[test]
fn pngs_of_every_board_into_a_file_that_is_not_a_folder_fail_in_one_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = demo(&dir);
    let out = dir.path().join("kuvat.png");
    std::fs::write(&out, b"jo olemassa").unwrap();
    let run = paja(&["export", "png", arg(&file), "-o", arg(&out)]);
    assert!(!run.status.success(), "a non-zero exit");
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
    assert!(err.contains("kuvat.png"), "it names the place: {err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"jo olemassa", "the file there is left as it was");
}

#[test]
fn an_unknown_board_fails_in_one_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = demo(&dir);
    let run = paja(&[
        "export",
        "canvas",
        arg(&file),
        "-o",
        arg(&dir.path().join("x.canvas")),
        "--board",
        "nope",
    ]);
    assert!(!run.status.success(), "a non-zero exit");
    assert_eq!(
        String::from_utf8_lossy(&run.stderr).trim(),
        "The workshop has no board with the id \"nope\"."
    );
}
