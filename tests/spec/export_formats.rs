//! The open formats: JSON round trip, JSON Canvas structure, PNG images of boards, and a
//! CSV that LibreOffice reads with å, ä and ö intact.


use crate::support::export::demo;
use paja::export::{self, ExportOptions};
use paja::model::{Workshop, WorkshopView};
use serde_json::Value;
use std::collections::BTreeSet;
use std::process::Command;

#[test]
fn json_export_then_import_gives_the_same_projection() {
    let view = demo();
    let text = export::json(&view);
    let imported = WorkshopView::from_export(&text).expect("our own JSON imports");
    assert_eq!(
        imported, view,
        "the imported projection equals the exported one"
    );
    let mut workshop = Workshop::new();
    workshop
        .replace_with(&imported)
        .expect("import into a new workshop");
    assert_eq!(
        workshop.view(),
        view,
        "a workshop built from the JSON projects the same"
    );
}

fn canvas_of(board: &str) -> Value {
    let text = export::canvas(&demo(), board).expect("a canvas of an existing board");
    serde_json::from_str(&text).expect("JSON Canvas is JSON")
}

#[test]
fn json_canvas_follows_the_spec_structure() {
    for board in ["b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8"] {
        let canvas = canvas_of(board);
        let nodes = canvas["nodes"].as_array().expect("top-level nodes array");
        let edges = canvas["edges"].as_array().expect("top-level edges array");
        let mut ids = BTreeSet::new();
        for n in nodes {
            let id = n["id"].as_str().expect("every node has a string id");
            assert!(ids.insert(id.to_string()), "node id {id} is unique");
            for key in ["x", "y", "width", "height"] {
                assert!(n[key].is_i64(), "node {id} has integer {key}");
            }
            match n["type"].as_str() {
                Some("text") => assert!(n["text"].is_string(), "a text node carries its text"),
                Some("group") => assert!(n["label"].is_string(), "a group node carries its label"),
                other => panic!("node type {other:?} is one the spec knows"),
            }
        }
        for e in edges {
            assert!(
                e["id"].is_string() && ids.insert(e["id"].as_str().unwrap_or("").to_string()),
                "edge ids are unique"
            );
            for end in ["fromNode", "toNode"] {
                let target = e[end].as_str().unwrap_or("");
                assert!(
                    nodes.iter().any(|n| n["id"] == target),
                    "{end} {target} is a node on the canvas"
                );
            }
            for side in ["fromSide", "toSide"] {
                assert!(
                    ["top", "right", "bottom", "left"].contains(&e[side].as_str().unwrap_or("")),
                    "{side} is a side"
                );
            }
            assert_eq!(e["toEnd"], "arrow", "links point from cause to effect");
        }
    }
}

#[test]
fn causal_links_become_edges_with_their_polarity() {
    let canvas = canvas_of("b3");
    let edges = canvas["edges"].as_array().expect("edges");
    assert_eq!(edges.len(), 6, "one edge per link");
    let weakening = edges
        .iter()
        .find(|e| e["id"] == "l6")
        .expect("the weakening link");
    assert_eq!(weakening["label"], "−", "a weakening link is marked −");
    assert_eq!(weakening["fromNode"], "n6");
    assert_eq!(
        weakening["fromSide"], "top",
        "the cause sits below the problem, so the edge leaves upwards"
    );
}

#[test]
fn a_png_of_a_board_shows_its_cards_and_text() {
    let bytes = export::png(&demo(), "b8").expect("a PNG of the free board");
    let img = image::load_from_memory(&bytes)
        .expect("the PNG decodes")
        .to_rgb8();
    assert!(
        img.width() > 300 && img.height() > 100,
        "the board fits, with a margin"
    );
    let yellow = img.pixels().filter(|p| p.0 == [255, 241, 168]).count();
    let ink = img.pixels().filter(|p| p.0.iter().all(|&c| c < 90)).count();
    assert!(yellow > 1000, "the yellow note is painted");
    assert!(ink > 200, "text is drawn");
}

#[test]
fn an_unknown_board_is_refused_in_one_sentence() {
    let err = export::png(&demo(), "missing").expect_err("no such board");
    assert_eq!(err.code(), "no_such_board");
    assert_eq!(
        err.to_string(),
        "The workshop has no board with the id \"missing\"."
    );
}

#[test]
fn csv_leaves_voters_out_unless_names_are_opted_in() {
    let hidden = export::csv(&demo(), &ExportOptions::default());
    assert!(
        hidden.starts_with('\u{feff}'),
        "a byte order mark tells spreadsheets it is UTF-8"
    );
    assert!(
        hidden.contains("votes,Ideaseinä,idea,i1,Oma työntekijä,5"),
        "vote counts per idea"
    );
    assert!(!hidden.contains("Äänestäjä"), "no voter without opting in");
    assert!(
        hidden.contains("comments,Ideaseinä,comment,i1,,Tämä auttaisi minua eniten."),
        "a comment without its author"
    );
    assert!(
        !hidden.contains("Björn Åkerlund"),
        "no comment author without opting in"
    );
    assert!(
        hidden.contains("results,Palaute,result,e1,asiakkaat,4.5")
            && !hidden.contains("answers,"),
        "results by group, never a raw answer"
    );
    let shown = export::csv(
        &demo(),
        &ExportOptions {
            include_names: true,
            ..Default::default()
        },
    );
    assert!(
        shown.contains("voters,Ideaseinä,vote,i1,voter,Äänestäjä 0"),
        "voters when opted in"
    );
}

/// LibreOffice converts the CSV to a spreadsheet and back; the letters must survive and
/// the byte order mark must not leak into the first cell. Headless LibreOffice 7.4 reads
/// a CSV in the system character set unless told, so the import names UTF-8 (76) as its
/// documented CSV filter options say.
#[test]
fn csv_opens_in_libreoffice_with_letters_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("kortit.csv");
    export::write_atomic(
        &csv,
        export::csv(&demo(), &ExportOptions::default()).as_bytes(),
    )
    .expect("write");
    let profile = format!(
        "-env:UserInstallation=file://{}/lo-profile",
        dir.path().display()
    );
    let convert = |infilter: &[&str], target: &str, file: &std::path::Path| {
        let status = Command::new("soffice")
            .args([profile.as_str(), "--headless"])
            .args(infilter)
            .args(["--convert-to", target, "--outdir"])
            .arg(dir.path().join("out"))
            .arg(file)
            .output()
            .expect("LibreOffice (soffice) is installed");
        assert!(
            status.status.success(),
            "LibreOffice converts: {}",
            String::from_utf8_lossy(&status.stderr)
        );
    };
    convert(
        &["--infilter=Text - txt - csv (StarCalc):44,34,76,1"],
        "xlsx",
        &csv,
    );
    let xlsx = dir.path().join("out").join("kortit.xlsx");
    assert!(xlsx.exists(), "LibreOffice wrote a spreadsheet");
    std::fs::rename(&xlsx, dir.path().join("takaisin.xlsx")).expect("move");
    convert(
        &[],
        "csv:Text - txt - csv (StarCalc):44,34,76",
        &dir.path().join("takaisin.xlsx"),
    );
    let back = std::fs::read_to_string(dir.path().join("out").join("takaisin.csv"))
        .expect("UTF-8 CSV back");
    assert!(
        back.trim_start_matches('\u{feff}')
            .starts_with("table,board,kind"),
        "the header cell is clean: {:?}",
        &back[..20]
    );
    for text in [
        "På svenska: vi träffas på måndag i Åbo.",
        "Åsa Öberg",
        "Väinö Äijälä",
        "Ideaseinä",
    ] {
        assert!(back.contains(text), "{text:?} survives LibreOffice");
    }
}
