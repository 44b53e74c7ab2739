//! Anonymity of a facilitated session, checked in raw bytes: after an anonymous silent
//! round and a hidden vote, no replica's `.paja` file, write-ahead log or hub side file,
//! and no export (JSON, CSV, the PDF report read back by pdftotext), ties a card or a dot to the person who gave it; a draft taken back
//! leaves no trace at all; and nobody's replica holds a dot before the reveal.


use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use crate::support::sync::session::{Room, seat_everyone, board, contains, content_writers, idea_id, names, ok};
use crate::support::sync::wait_until;

const NAME: &str = "Aino Ääninen";
const WITHDRAWN: &str = "Luonnos jonka Aino poisti 7319";
const ANONYMOUS: &str = "Nimetön idea 5521";

/// The PDF report's text as poppler's pdftotext reads it (the file itself is compressed).
fn pdf_text(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext is installed (poppler-utils)");
    assert!(out.status.success(), "pdftotext reads the report");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every file a session leaves on disk: replicas, their logs and the hub's side files.
fn files_on_disk(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| ["paja", "paja-wal", "hub", "sealed", "json", "csv"].iter().any(|x| p.extension().is_some_and(|e| e == *x)))
        .collect();
    files.sort();
    files
}

fn export(file: &Path, format: &str) -> PathBuf {
    let out = file.with_extension(format);
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_paja"))
        .args(["export", format, &file.to_string_lossy(), "-o", &out.to_string_lossy()])
        .output()
        .expect("paja export runs");
    assert!(status.status.success(), "the export works: {}", String::from_utf8_lossy(&status.stderr));
    out
}

fn votes(view: &Value, wall: &str) -> Vec<Value> {
    board(view, wall)["votes"].as_array().cloned().unwrap_or_default()
}

#[test]
fn after_an_anonymous_round_and_a_hidden_vote_no_file_or_export_ties_a_card_or_dot_to_its_author() {
    let dir = tempfile::tempdir().unwrap();
    let Room { plan: p, hub, mut fac, mut aino, mut bertta } = seat_everyone(dir.path(), NAME);
    let roster = fac.view()["control"]["people"].clone();
    let aino_id = roster.as_array().unwrap().iter().find(|x| x["name"] == NAME).expect("Aino is on the roster")["id"]
        .as_str()
        .unwrap()
        .to_string();

    // An anonymous round: one draft taken back, one kept.
    ok(&mut fac, json!({ "cmd": "start_silent", "board": p.wall, "anonymous": true }));
    wait_until("the round reaches Aino", || aino.view()["control"]["silent"]["board"] == p.wall.as_str());
    let draft = ok(&mut aino, json!({ "cmd": "write_draft", "board": p.wall, "text": WITHDRAWN }))["id"].clone();
    ok(&mut aino, json!({ "cmd": "delete_draft", "id": draft }));
    ok(&mut aino, json!({ "cmd": "write_draft", "board": p.wall, "text": ANONYMOUS }));
    ok(&mut bertta, json!({ "cmd": "write_draft", "board": p.wall, "text": "Bertan idea" }));
    for path in files_on_disk(dir.path()) {
        let bytes = std::fs::read(&path).unwrap();
        assert!(!contains(&bytes, WITHDRAWN.as_bytes()), "{} keeps a draft Aino took back", path.display());
        let own = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("a.paja"));
        assert!(own || !contains(&bytes, ANONYMOUS.as_bytes()), "{} holds Aino's draft before the reveal", path.display());
    }
    ok(&mut fac, json!({ "cmd": "reveal_silent" }));
    wait_until("both cards are shown", || names(&bertta.view(), &p.wall) == ["Bertan idea", ANONYMOUS]);
    wait_until("Aino has them too", || names(&aino.view(), &p.wall) == ["Bertan idea", ANONYMOUS]);

    // A hidden vote: no replica holds a dot before the reveal.
    ok(&mut fac, json!({ "cmd": "start_voting", "board": p.wall, "budget": 1, "hidden": true }));
    wait_until("the vote reaches both", || {
        [&mut aino, &mut bertta].iter_mut().all(|x| x.view()["control"]["voting"]["hidden"] == true)
    });
    let idea = idea_id(&aino.view(), &p.wall, ANONYMOUS);
    ok(&mut aino, json!({ "cmd": "cast_vote", "board": p.wall, "idea": idea }));
    ok(&mut bertta, json!({ "cmd": "cast_vote", "board": p.wall, "idea": idea }));
    let mut side = p.file.clone().into_os_string();
    side.push(".sealed");
    let side = PathBuf::from(side);
    wait_until("the hub holds both dots sealed", || std::fs::read_to_string(&side).is_ok_and(|s| s.matches("vote").count() == 2));
    for peer in [&mut fac, &mut aino, &mut bertta] {
        assert!(votes(&peer.view(), &p.wall).is_empty(), "no replica holds a dot before the reveal");
    }
    for path in files_on_disk(dir.path()) {
        let bytes = std::fs::read(&path).unwrap();
        let sealed = path == side;
        assert!(sealed || !contains(&bytes, b"voter"), "{} holds a dot before the reveal", path.display());
        if sealed || path.extension().is_some_and(|e| e == "hub") {
            assert!(!contains(&bytes, aino_id.as_bytes()), "{} names who voted", path.display());
            assert!(!contains(&bytes, NAME.as_bytes()), "{} names Aino", path.display());
        }
    }
    ok(&mut fac, json!({ "cmd": "reveal_votes" }));
    wait_until("the dots reach Aino", || votes(&aino.view(), &p.wall).len() == 2);
    for dot in votes(&aino.view(), &p.wall) {
        let id = uuid::Uuid::parse_str(dot["id"].as_str().unwrap_or("")).expect("a dot's id is a UUID");
        assert_eq!(id.get_version_num(), 4, "a hidden dot's id is random, with no time or order in it: {id}");
    }
    assert!(!side.exists(), "nothing is left sealed after the reveal");

    // Now the files and exports, with every process stopped.
    drop((fac, aino, bertta));
    drop(hub);
    let writers = content_writers(&p.file);
    assert_eq!(writers.len(), 2, "only the workshop's maker and the hub wrote content: no card or dot is Aino's own edit");
    let replicas = ["hub.paja", "a.paja", "b.paja", "f.paja"].map(|r| dir.path().join(r));
    for replica in &replicas {
        assert_eq!(content_writers(replica), writers, "{} holds the hub's writing only", replica.display());
        export(replica, "csv");
        let report = pdf_text(&export(replica, "pdf"));
        assert!(report.contains(ANONYMOUS), "the report shows the anonymous card");
        assert!(!report.contains(&aino_id) && !report.contains(NAME), "the report never names Aino");
        let json: Value = serde_json::from_slice(&std::fs::read(export(replica, "json")).unwrap()).unwrap();
        assert!(votes(&json, &p.wall).iter().all(|v| v["voter"].is_null()), "no exported dot has a voter");
        let content = serde_json::to_string(&(&json["boards"], &json["sessions"], &json["comments"])).unwrap();
        assert!(!content.contains(&aino_id) && !content.contains(NAME), "the exported content never names Aino");
    }
    let mut seen = false;
    for path in files_on_disk(dir.path()) {
        let bytes = std::fs::read(&path).unwrap();
        assert!(!contains(&bytes, WITHDRAWN.as_bytes()), "{} keeps a draft Aino took back", path.display());
        if path.extension().is_some_and(|e| e == "csv") {
            assert!(!contains(&bytes, aino_id.as_bytes()) && !contains(&bytes, NAME.as_bytes()), "{} names Aino", path.display());
        }
        seen |= contains(&bytes, ANONYMOUS.as_bytes());
    }
    assert!(seen, "the byte search finds the published card, so it would find the withdrawn one");
}
