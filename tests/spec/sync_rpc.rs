//! The browser RPC: the same commands and projections as the desktop window, an answer
//! per request, and a pushed view whenever anyone changes the workshop. The same port
//! serves the built UI over plain HTTP.

use crate::support::browser::{Browser, fragment, lead_key, socket};
use futures_util::{SinkExt, StreamExt};
use paja::api::{Command, WorkshopFile};
use paja::model::Workshop;
use paja::sync::channel::Secret;
use paja::sync::{Hub, HubHandle, HubOptions};
use serde_json::{Value, json};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_tungstenite::tungstenite::Message;

async fn hub(dir: &std::path::Path) -> HubHandle {
    let ui = dir.join("ui");
    std::fs::create_dir_all(&ui).unwrap();
    std::fs::write(ui.join("index.html"), "<!doctype html><title>Paja</title>").unwrap();
    let file = WorkshopFile::create(&dir.join("hub.paja"), Workshop::new()).unwrap();
    let options = HubOptions { bind: ([127, 0, 0, 1], 0).into(), tls: false, auto_admit: true, mdns: false, ui_dir: Some(ui), ..HubOptions::default() };
    let hub = Hub::start(file, options).await.expect("the hub starts");
    hub.execute(&Command::AllowBrowsers { on: true }).expect("the facilitator lets browsers in");
    hub
}

/// A co-facilitator's browser, by the lead link's key.
async fn rpc(hub: &HubHandle) -> Browser {
    let mut browser = Browser::open(hub.addr, Secret::LeadKey, &lead_key(hub), json!({})).await.expect("the RPC accepts the lead key");
    let welcome = next(&mut browser, true).await;
    assert_eq!((&welcome["event"], &welcome["role"]), (&json!("welcome"), &json!("facilitator")), "the lead key makes a facilitator");
    browser
}

/// A participant's browser with the typed code and a name.
async fn join(hub: &HubHandle, name: &str) -> Browser {
    Browser::open(hub.addr, Secret::Code, &hub.code, json!({ "name": name })).await.expect("the exchange runs")
}

async fn get_page(hub: &HubHandle) -> String {
    let mut tcp = tokio::net::TcpStream::connect(hub.addr).await.unwrap();
    tcp.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
    let mut page = String::new();
    tcp.read_to_string(&mut page).await.unwrap();
    page
}

/// The next frame that is not a pushed event, or the next pushed event.
async fn next(browser: &mut Browser, event: bool) -> Value {
    loop {
        let value = browser.next().await.expect("the connection stays");
        if value.get("event").is_some() == event {
            return value;
        }
    }
}

/// The next push that changed a board (a browser's entry in the roster may come first).
async fn pushed_board_change(ws: &mut Browser) -> Value {
    loop {
        let pushed = next(ws, true).await;
        if pushed["event"] == "changed" && pushed["change"]["boards"].as_array().is_some_and(|b| !b.is_empty()) {
            return pushed;
        }
    }
}

async fn call(ws: &mut Browser, id: u64, method: &str, params: Value) -> Value {
    ws.send(&json!({"id": id, "method": method, "params": params})).await;
    let answer = next(ws, false).await;
    assert_eq!(answer["id"], id, "the answer carries the request's id");
    answer
}

#[tokio::test]
async fn a_command_over_rpc_answers_with_what_it_made_and_every_browser_hears_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let hub = hub(dir.path()).await;
    let mut alice = rpc(&hub).await;
    let mut bob = rpc(&hub).await;
    let create = json!({"command": {"cmd": "create_board", "kind": "persona", "title": "Persoonat", "session_id": null, "starter": false}});
    let answer = call(&mut alice, 1, "execute", create).await;
    assert_eq!(answer["ok"], true, "the command ran: {answer}");
    let board = answer["result"]["id"].as_str().expect("the answer names the new board").to_string();
    assert!(answer["result"].get("view").is_none(), "the answer does not carry the whole view: {answer}");
    let pushed = pushed_board_change(&mut bob).await;
    assert_eq!(pushed["change"]["boards"][0]["id"], board.as_str(), "the push names the new board");
    assert_eq!(pushed["change"]["boards"][0]["whole"]["title"], "Persoonat", "the other browser got the new board without asking");
    let view = call(&mut bob, 7, "workshop_view", Value::Null).await;
    assert_eq!(view["result"], serde_json::to_value(hub.view()).unwrap(), "workshop_view is the hub's projection");
}

#[tokio::test]
async fn a_facilitator_edit_on_the_hub_is_pushed_to_browsers() {
    let dir = tempfile::tempdir().unwrap();
    let hub = hub(dir.path()).await;
    let mut browser = rpc(&hub).await;
    call(&mut browser, 1, "workshop_view", Value::Null).await;
    hub.change(|w| w.create_board(paja::model::BoardKind::IdeaWall, "Ideat", None)).unwrap();
    let pushed = pushed_board_change(&mut browser).await;
    assert_eq!(pushed["change"]["boards"][0]["whole"]["title"], "Ideat", "the hub's own edit reached the browser");
}

#[tokio::test]
async fn a_typed_letter_reaches_browsers_as_that_card_alone() {
    let dir = tempfile::tempdir().unwrap();
    let hub = hub(dir.path()).await;
    let board = hub.change(|w| w.create_board(paja::model::BoardKind::Free, "Vapaa", None)).unwrap();
    let cards: Vec<String> = (0..20)
        .map(|i| hub.change(|w| w.add(&board, &paja::model::free::FreeCard { text: format!("kortti {i}"), ..Default::default() })).unwrap())
        .collect();
    let mut browser = rpc(&hub).await;
    let mut view: paja::model::WorkshopView = serde_json::from_value(call(&mut browser, 1, "workshop_view", Value::Null).await["result"].clone()).unwrap();
    let patch = json!({"command": {"cmd": "patch_item", "board": board, "item_type": "FreeCard", "id": cards[5], "patch": {"text": "kortti 5!"}}});
    let answer = call(&mut browser, 2, "execute", patch).await;
    assert_eq!(answer["result"], json!({"id": null}), "a patch makes nothing new");
    // Earlier pushes (the hub's setup, this browser's entry in the roster) may come first.
    let pushed = loop {
        let pushed = next(&mut browser, true).await;
        view.apply(&serde_json::from_value(pushed["change"].clone()).unwrap());
        if pushed["change"]["boards"][0]["items"][0]["id"] == cards[5].as_str() {
            break pushed;
        }
    };
    let items = pushed["change"]["boards"][0]["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "only the edited card is pushed: {pushed}");
    assert_eq!(items[0]["item"]["text"], "kortti 5!");
    assert!(pushed["change"]["boards"][0]["whole"].is_null(), "the board is not pushed whole");
    assert_eq!(pushed["local"], Value::Null, "a card's text leaves the browser's own view as it was");
    assert_eq!(view, hub.view(), "the browser's view with the changes applied is the hub's");
}

#[tokio::test]
async fn a_bad_request_is_answered_with_a_code_and_the_connection_stays() {
    let dir = tempfile::tempdir().unwrap();
    let hub = hub(dir.path()).await;
    let mut ws = rpc(&hub).await;
    let answer = call(&mut ws, 2, "execute", json!({"command": {"cmd": "delete_board", "board": "nope"}})).await;
    assert_eq!(answer["ok"], false);
    assert!(answer["error"]["code"].is_string() && answer["error"]["message"].is_string(), "{{code, message}} as over IPC: {answer}");
    let answer = call(&mut ws, 3, "fly", Value::Null).await;
    assert_eq!(answer["error"]["code"], "unknown_method", "an unknown method is named by code");
    let answer = call(&mut ws, 4, "workshop_view", Value::Null).await;
    assert_eq!(answer["ok"], true, "the same connection still answers");
}

#[tokio::test]
async fn a_plain_http_get_on_the_hub_port_gets_the_ui() {
    let dir = tempfile::tempdir().unwrap();
    let hub = hub(dir.path()).await;
    let page = get_page(&hub).await;
    assert!(page.starts_with("HTTP/1.1 200"), "the page is served: {page}");
    assert!(page.contains("<title>Paja</title>"), "it is the UI's index.html");
    let mut tcp = tokio::net::TcpStream::connect(hub.addr).await.unwrap();
    tcp.write_all(b"GET /../hub.paja HTTP/1.1\r\n\r\n").await.unwrap();
    let mut answer = String::new();
    tcp.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 404"), "nothing outside the UI folder is served");
}

#[tokio::test]
async fn browsers_get_no_page_and_no_participant_seat_until_the_facilitator_allows_them() {
    let dir = tempfile::tempdir().unwrap();
    let hub = hub(dir.path()).await;
    hub.execute(&Command::AllowBrowsers { on: false }).unwrap();
    let page = get_page(&hub).await;
    assert!(page.starts_with("HTTP/1.1 403"), "the page is closed: {page}");
    assert!(page.contains("Työpaja ei ole nyt auki selaimille"), "it says so in plain Finnish first");
    let refused = join(&hub, "Aino").await.next().await.expect("an answer");
    assert_eq!(refused["code"], "browsers_closed", "the page can say why in its own language");
    assert_eq!(refused["reason"], "The facilitator has not opened this workshop to browsers.");
    let mut plain = socket(hub.addr).await.expect("the socket opens");
    plain.send(Message::Text(json!({"id": 1, "method": "workshop_view"}).to_string().into())).await.unwrap();
    let closed = tokio::time::timeout(Duration::from_secs(10), plain.next()).await.expect("an end in time");
    assert!(!matches!(closed, Some(Ok(Message::Text(_) | Message::Binary(_)))), "plaintext on /rpc gets nothing: {closed:?}");
    hub.execute(&Command::AllowBrowsers { on: true }).unwrap();
    assert!(get_page(&hub).await.starts_with("HTTP/1.1 200"), "once allowed, the page is served");
}

#[tokio::test]
async fn a_browser_with_the_join_code_is_a_participant_and_cannot_run_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let hub = hub(dir.path()).await;
    let mut browser = join(&hub, "Aino Ä").await;
    let welcome = next(&mut browser, true).await;
    assert_eq!(welcome["event"], "welcome");
    assert_eq!(welcome["role"], "participant", "a browser with the code is a participant");
    let person = welcome["person"].as_str().expect("a roster id").to_string();
    let refused = call(&mut browser, 1, "execute", json!({ "command": { "cmd": "start_timer", "seconds": 60 } })).await;
    assert_eq!(refused["ok"], false);
    assert_eq!(refused["error"]["code"], "facilitator_only", "the UI shows its own sentence for this code");
    assert_eq!(refused["error"]["message"], "Only the facilitator can change the session controls.");
    assert_eq!(hub.view().control.timer, None, "the refused command changed nothing");
    let roster = hub.view().control.people;
    let me = roster.iter().find(|p| p.id == person).expect("the browser is on the roster");
    assert_eq!((me.name.as_str(), me.role.as_str()), ("Aino Ä", "participant"), "with the name it gave, å ä ö intact");
    let local = call(&mut browser, 2, "local_view", json!({})).await;
    assert_eq!(local["result"]["me"], person, "the local view says who this browser is");
}

#[tokio::test]
async fn a_browser_participant_keeps_drafts_until_the_reveal_and_votes_hidden_within_the_budget() {
    let dir = tempfile::tempdir().unwrap();
    let hub = hub(dir.path()).await;
    let wall = hub.change(|w| w.create_board(paja::model::BoardKind::IdeaWall, "Ideat", None)).unwrap();
    let mut browser = join(&hub, "Selain").await;
    next(&mut browser, true).await;
    let start = Command::StartSilent { board: wall.clone(), anonymous: true };
    hub.execute(&start).unwrap();
    let draft = json!({ "command": { "cmd": "write_draft", "board": wall, "text": "Selaimen idea" } });
    let early = call(&mut browser, 1, "execute", draft.clone()).await;
    assert_eq!(early["error"]["code"], "draft_in_browser", "before the reveal the card stays in the browser");
    hub.execute(&Command::RevealSilent).unwrap();
    let published = call(&mut browser, 2, "execute", draft).await;
    assert_eq!(published["ok"], true, "after the reveal the card is taken: {published}");
    let sent = call(&mut browser, 20, "execute", json!({ "command": { "cmd": "drafts_sent", "board": wall } })).await;
    assert_eq!(sent["ok"], true, "the browser says all its drafts are sent");
    let ideas = async {
        loop {
            let paja::model::BoardContent::IdeaWall(ideas) = hub.view().board(&wall).unwrap().content.clone() else { panic!() };
            if !ideas.ideas.is_empty() {
                return ideas;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    let ideas = &tokio::time::timeout(Duration::from_secs(30), ideas).await.expect("the batch is published once the only writer has sent all");
    assert_eq!(ideas.ideas[0].name, "Selaimen idea", "the hub wrote it, with no author");
    let idea = ideas.ideas[0].id.clone();

    hub.execute(&Command::StartVoting { board: wall.clone(), budget: 1, hidden: true }).unwrap();
    let vote = json!({ "command": { "cmd": "cast_vote", "board": wall, "idea": idea } });
    assert_eq!(call(&mut browser, 3, "execute", vote.clone()).await["ok"], true, "one dot is within the budget");
    let second = call(&mut browser, 4, "execute", vote).await;
    assert_eq!(second["error"]["message"], "You have used all your dots.", "the hub holds the budget for browsers too");
    let local = call(&mut browser, 5, "local_view", json!({})).await;
    assert_eq!((local["result"]["votes_left"].clone(), local["result"]["my_votes"].clone()), (json!(0), json!([idea])));
    let votes = |hub: &HubHandle| match &hub.view().board(&wall).unwrap().content {
        paja::model::BoardContent::IdeaWall(b) => b.votes.clone(),
        _ => Vec::new(),
    };
    assert!(votes(&hub).is_empty(), "the dot is sealed until the reveal");
    hub.execute(&Command::RevealVotes).unwrap();
    assert_eq!(votes(&hub).len(), 1, "revealed, it is published");
    assert_eq!(votes(&hub)[0].voter, None, "with no voter");
}

#[tokio::test]
async fn a_tls_hub_serving_the_ui_lets_browsers_in_over_plain_http_but_never_the_app_rooms() {
    let dir = tempfile::tempdir().unwrap();
    let ui = dir.path().join("ui");
    std::fs::create_dir_all(&ui).unwrap();
    std::fs::write(ui.join("index.html"), "<!doctype html><title>Paja</title>").unwrap();
    let file = WorkshopFile::create(&dir.path().join("hub.paja"), Workshop::new()).unwrap();
    let options = HubOptions { bind: ([127, 0, 0, 1], 0).into(), auto_admit: true, mdns: false, ui_dir: Some(ui), ..HubOptions::default() };
    let hub = Hub::start(file, options).await.expect("the hub starts with TLS");
    assert!(hub.fingerprint.is_some(), "app instances reach this hub over TLS");
    hub.execute(&Command::AllowBrowsers { on: true }).unwrap();
    let link = hub.browser_link().expect("a hub that serves the UI has a link for browsers");
    assert!(link.starts_with("http://") && link.contains(&format!("/join#code={}&key=", hub.code)), "the link opens the join page: {link}");
    assert!(fragment(&link, "key").len() >= 32, "its key, in the fragment no browser sends, is long: {link}");
    assert!(hub.browser_qr_svg().unwrap().is_some_and(|svg| svg.contains("<svg")), "and a QR code to scan");

    assert!(get_page(&hub).await.starts_with("HTTP/1.1 200"), "a browser gets the page over plain HTTP");
    let key = fragment(&link, "key");
    let mut browser = Browser::open(hub.addr, Secret::LinkKey, &key, json!({ "name": "Aino" })).await.expect("and its RPC, by the link's key");
    assert_eq!(next(&mut browser, true).await["role"], "participant");
    for room in ["content", "control"] {
        let tcp = tokio::net::TcpStream::connect(hub.addr).await.unwrap();
        let url = format!("ws://{}/{room}?code={}", hub.addr, hub.code);
        let refused = tokio_tungstenite::client_async(url, tcp).await.err().map(|e| e.to_string());
        assert!(refused.is_some_and(|e| e.contains("403")), "the {room} room is not served without TLS");
    }
}
