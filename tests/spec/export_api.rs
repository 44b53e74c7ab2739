//! Exporting a .paja file through the API the CLI and the desktop app call: the current
//! state or a named version, any format, written all or nothing.


use crate::support::export::pdf_text;
use paja::api::{ExportFormat, ExportRequest, WorkshopFile};

fn demo_file(dir: &tempfile::TempDir) -> WorkshopFile {
    let workshop = paja::templates::demo().expect("the demo template loads");
    WorkshopFile::create(&dir.path().join("demo.paja"), workshop).expect("a new .paja file")
}

#[test]
fn a_named_version_exports_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut file = demo_file(&dir);
    file.create_version("Versio 1.0").expect("a version");
    file.change(|w| w.update_meta(|m| m.title = "Uusi nimi myöhemmin".into()))
        .expect("rename");
    let request = ExportRequest {
        version: Some("Versio 1.0".into()),
        ..Default::default()
    };
    let out = dir.path().join("versio.pdf");
    file.export(ExportFormat::Pdf, &request, &out, None)
        .expect("the version exports");
    let text = pdf_text(&out);
    assert!(
        text.contains("Palveluohjauksen kehittäjäryhmä"),
        "the version's title is on the cover"
    );
    assert!(
        !text.contains("Uusi nimi myöhemmin"),
        "later edits are not in the version"
    );
}

#[test]
fn every_format_writes_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = demo_file(&dir);
    let board = file.view().boards[0].id.clone();
    let request = ExportRequest {
        board: Some(board),
        ..Default::default()
    };
    for (format, name) in [
        (ExportFormat::Pdf, "r.pdf"),
        (ExportFormat::Poster, "p.pdf"),
        (ExportFormat::Png, "b.png"),
        (ExportFormat::Canvas, "b.canvas"),
        (ExportFormat::Csv, "k.csv"),
        (ExportFormat::Json, "w.json"),
    ] {
        let out = dir.path().join(name);
        file.export(format, &request, &out, None)
            .unwrap_or_else(|e| panic!("{format:?} exports: {e}"));
        assert!(
            std::fs::metadata(&out)
                .map(|m| m.len() > 100)
                .unwrap_or(false),
            "{name} has content"
        );
    }
}

#[test]
fn a_png_without_a_board_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = demo_file(&dir);
    let out = dir.path().join("taulu.png");
    let err = file
        .export(ExportFormat::Png, &ExportRequest::default(), &out, None)
        .expect_err("no board given");
    assert_eq!(err.code(), "board_needed");
    assert_eq!(
        err.to_string(),
        "A board id is needed for this format; pass --board ID."
    );
    assert!(!out.exists(), "no file is left behind");
}

#[test]
fn an_unknown_version_is_refused_in_one_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = demo_file(&dir);
    let request = ExportRequest {
        version: Some("Ei ole".into()),
        ..Default::default()
    };
    let err = file
        .export(ExportFormat::Pdf, &request, &dir.path().join("x.pdf"), None)
        .expect_err("no such version");
    assert_eq!(err.code(), "no_version");
    assert!(
        !err.to_string().trim_end_matches('.').contains(". "),
        "one sentence: {err}"
    );
}
