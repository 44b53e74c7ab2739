//! A write the hub refuses is taken back in the writer's own replica, which then shows
//! what the hub has, and the writer is told why; the writer's other writes stay.

use serde_json::{Value, json};
use std::path::Path;
use crate::support::sync::session::{Room, seat_everyone, board, names, ok};
use crate::support::sync::{Peer, wait_until};

const LOCKED: &str = "The facilitator has locked this.";

fn idea(board: &str, name: &str) -> Value {
    json!({ "cmd": "add_item", "board": board, "item": { "type": "Idea", "name": name } })
}

fn refusals(peer: &mut Peer) -> Vec<Value> {
    peer.status()["refusals"].as_array().cloned().unwrap_or_default()
}

/// Whether the replica's file, write-ahead log included, holds `text` anywhere.
fn file_holds(file: &Path, text: &str) -> bool {
    let wal = file.with_extension("paja-wal");
    [file, wal.as_path()].iter().filter_map(|f| std::fs::read(f).ok()).any(|bytes| bytes.windows(text.len()).any(|w| w == text.as_bytes()))
}

fn notes(view: &Value, cafe: &str) -> Vec<String> {
    let notes = board(view, cafe)["notes"].as_array().cloned().unwrap_or_default();
    notes.iter().filter_map(|n| n["text"].as_str().map(String::from)).collect()
}

#[test]
fn a_write_refused_at_the_hub_is_taken_back_from_the_writers_replica_and_file() {
    let dir = tempfile::tempdir().unwrap();
    let Room { plan: p, hub: _hub, mut fac, mut aino, bertta: _ } = seat_everyone(dir.path(), "Aino");
    ok(&mut fac, json!({ "cmd": "lock", "id": p.wall }));
    wait_until("the lock reaches Aino", || aino.view()["control"]["locked"] == json!([p.wall]));

    aino.ask(json!({ "raw": idea(&p.wall, "Väkisin kirjoitettu") })).expect("the tampered write is made locally");
    wait_until("the hub refuses it and says why", || refusals(&mut aino) == [json!(LOCKED)]);
    assert_eq!(names(&aino.view(), &p.wall), Vec::<String>::new(), "Aino's replica no longer shows the refused idea");
    assert!(!file_holds(&dir.path().join("a.paja"), "Väkisin kirjoitettu"), "nor does her file hold its text");
    assert_eq!(names(&fac.view(), &p.wall), Vec::<String>::new(), "the hub never took it");

    ok(&mut fac, json!({ "cmd": "unlock", "id": p.wall }));
    wait_until("the unlock reaches Aino", || aino.view()["control"]["locked"] == json!([]));
    ok(&mut aino, idea(&p.wall, "Auki taas"));
    wait_until("her next write is taken in", || names(&fac.view(), &p.wall) == ["Auki taas"]);
    assert_eq!(names(&aino.view(), &p.wall), ["Auki taas"], "Aino and the hub show the same board");
}

#[test]
fn only_the_refused_write_is_taken_back_and_the_writers_other_writes_stay() {
    let dir = tempfile::tempdir().unwrap();
    let Room { plan: p, hub: _hub, mut fac, mut aino, mut bertta } = seat_everyone(dir.path(), "Aino");
    ok(&mut fac, json!({ "cmd": "lock", "id": p.wall }));
    wait_until("the lock reaches Aino", || aino.view()["control"]["locked"] == json!([p.wall]));

    let note = |text: &str| {
        let item = json!({ "type": "CafeNote", "station_id": p.stations[0], "group_id": p.groups[0], "round": 1, "text": text });
        json!({ "raw": { "cmd": "add_item", "board": p.cafe, "item": item } })
    };
    aino.ask(note("Ennen")).expect("a write before");
    aino.ask(json!({ "raw": idea(&p.wall, "Lukon ohi") })).expect("the tampered write is made locally");
    aino.ask(note("Heti perään")).expect("a write sent before the refusal came back");
    wait_until("the hub refuses one write", || refusals(&mut aino) == [json!(LOCKED)]);
    wait_until("both other writes reach Bertta", || notes(&bertta.view(), &p.cafe).len() == 2);

    let mut kept = notes(&aino.view(), &p.cafe);
    kept.sort();
    assert_eq!(kept, ["Ennen", "Heti perään"], "Aino's other writes stay in her replica");
    assert_eq!(names(&aino.view(), &p.wall), Vec::<String>::new(), "only the refused idea is gone");
    let mine = aino.view();
    for (who, peer) in [("the facilitator", &mut fac), ("Bertta", &mut bertta)] {
        let theirs = peer.view();
        assert_eq!(board(&theirs, &p.cafe), board(&mine, &p.cafe), "Aino shows the café as {who} does");
        assert_eq!(board(&theirs, &p.wall), board(&mine, &p.wall), "Aino shows the wall as {who} does");
    }
}


mod browser {
    use crate::support::browser::Browser;
    use paja::api::{Command, WorkshopFile};
    use paja::model::{BoardKind, Workshop};
    use paja::sync::channel::Secret;
    use paja::sync::{Hub, HubOptions};
    use serde_json::{Value, json};

    async fn answer(browser: &mut Browser, id: u64) -> Value {
        loop {
            let value = browser.next().await.expect("the connection stays");
            if value["id"] == id {
                return value;
            }
        }
    }

    #[tokio::test]
    async fn a_browsers_write_onto_a_locked_board_is_refused_first_and_never_reaches_its_screen() {
        let dir = tempfile::tempdir().unwrap();
        let file = WorkshopFile::create(&dir.path().join("hub.paja"), Workshop::new()).unwrap();
        let options = HubOptions { bind: ([127, 0, 0, 1], 0).into(), tls: false, auto_admit: true, mdns: false, ..HubOptions::default() };
        let hub = Hub::start(file, options).await.expect("the hub starts");
        hub.execute(&Command::AllowBrowsers { on: true }).unwrap();
        let wall = hub.change(|w| w.create_board(BoardKind::Free, "Seinä", None)).unwrap();
        let open = hub.change(|w| w.create_board(BoardKind::Free, "Auki", None)).unwrap();
        hub.execute(&Command::Lock { id: wall.clone() }).unwrap();
        let mut browser = Browser::open(hub.addr, Secret::Code, &hub.code, json!({ "name": "Aino" })).await.expect("joined");

        let card = |board: &str, text: &str| json!({ "cmd": "add_item", "board": board, "item": { "type": "FreeCard", "text": text, "color": "yellow" } });
        browser.send(&json!({ "id": 1, "method": "execute", "params": { "command": card(&wall, "Väkisin") } })).await;
        let refused = answer(&mut browser, 1).await;
        assert_eq!((&refused["ok"], &refused["error"]["code"]), (&json!(false), &json!("locked")), "refused with its code: {refused}");
        browser.send(&json!({ "id": 2, "method": "execute", "params": { "command": card(&open, "Sallittu") } })).await;
        let mut heard = Vec::new();
        loop {
            let value = browser.next().await.expect("the connection stays");
            let done = value["event"] == "changed" && value.to_string().contains("Sallittu");
            heard.push(value);
            if done {
                break;
            }
        }
        assert!(heard.iter().all(|v| !v.to_string().contains("Väkisin")), "nothing the browser heard holds the refused text");
        let view = browser_view(&mut browser).await;
        assert!(!view.contains("Väkisin") && view.contains("Sallittu"), "its view is the hub's, without the refused card");
    }

    async fn browser_view(browser: &mut Browser) -> String {
        browser.send(&json!({ "id": 3, "method": "workshop_view", "params": null })).await;
        answer(browser, 3).await["result"].to_string()
    }
}
