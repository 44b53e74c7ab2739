//! What only the hub publishes cannot be forged: a tampered participant that writes raw
//! evaluation answers, a form's results, a dot without a voter, a dot during a hidden
//! vote, or a change to a dot the hub published, straight into the shared document, is
//! refused with a sentence, and the hub's document stays as it was. Its honest writes
//! still come in.

use futures_util::{SinkExt, StreamExt};
use paja::api::rules::{self, Role};
use paja::api::{Item, ItemType};
use paja::api::{Command, WorkshopFile};
use paja::model::evaluation::{Answer, ItemResult};
use paja::model::free::FreeCard;
use paja::model::idea_wall::{Idea, Vote};
use paja::model::{BoardKind, DocName, Workshop};
use paja::sync::{HubHandle, HubOptions};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;
use yrs::sync::Message as YMessage;

type Client = tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>;

struct Room {
    hub: HubHandle,
    wall: String,
    form: String,
    free: String,
    idea: String,
    hubs_dot: String,
}

async fn room(dir: &std::path::Path) -> Room {
    let mut w = Workshop::new();
    let wall = w.create_board(BoardKind::IdeaWall, "Seinä", None).expect("a wall");
    let form = w.create_board(BoardKind::Evaluation, "Palaute", None).expect("a form");
    let free = w.create_board(BoardKind::Free, "Vapaa", None).expect("a free board");
    let idea = w.add(&wall, &Idea { name: "Idea".into(), ..Default::default() }).expect("an idea");
    let hubs_dot = w.add(&wall, &Vote { idea_id: idea.clone(), ..Default::default() }).expect("the hub's dot");
    let file = WorkshopFile::create(&dir.join("hub.paja"), w).expect("a file");
    let options = HubOptions { bind: ([127, 0, 0, 1], 0).into(), tls: false, auto_admit: true, mdns: false, ..HubOptions::default() };
    let hub = paja::sync::Hub::start(file, options).await.expect("the hub starts");
    Room { hub, wall, form, free, idea, hubs_dot }
}

async fn client(hub: &HubHandle) -> Client {
    let url = format!("ws://{}/content?code={}", hub.addr, hub.code);
    let tcp = tokio::net::TcpStream::connect(hub.addr).await.expect("tcp");
    tokio_tungstenite::client_async(url, tcp).await.expect("handshake").0
}

/// The update a tampered replica of the hub's content sends after `edit`.
fn forged(hub: &HubHandle, edit: impl FnOnce(&mut Workshop)) -> Vec<u8> {
    let state = hub.read_file(|f| f.workshop().encode_state(DocName::Content));
    let mut replica = Workshop::from_updates(&[state], &[]).expect("a replica");
    replica.take_pending();
    edit(&mut replica);
    let updates: Vec<Vec<u8>> = replica.take_pending().into_iter().map(|(_, u)| u).collect();
    yrs::merge_updates_v1(updates).expect("merged")
}

/// Sends `update` and waits for the hub's refusal (a sentence, or the code of the write
/// it tells the sender to take back); its sentence.
async fn refusal(ws: &mut Client, update: Vec<u8>) -> String {
    ws.send(Message::Binary(paja::sync::wire::update(update).into())).await.expect("sent");
    let wait = async {
        loop {
            let Some(Ok(Message::Binary(bytes))) = ws.next().await else { return String::from("(the hub closed the connection)") };
            let messages = paja::sync::wire::decode(&bytes).unwrap_or_default();
            if let Some(reason) = messages.into_iter().find_map(|m| match m {
                YMessage::Auth(reason) => reason,
                YMessage::Custom(_, body) => match paja::sync::wire::read_paja(&body) {
                    Ok(paja::sync::wire::PajaMessage::Undo { code, .. }) => Some(code.to_string()),
                    _ => None,
                },
                _ => None,
            }) {
                return reason;
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(60), wait).await.expect("the hub answers")
}

fn dots(hub: &HubHandle, wall: &str) -> Vec<Vote> {
    hub.read_file(|f| f.workshop().list::<Vote>(wall).unwrap_or_default())
}

#[tokio::test]
async fn a_tampered_participant_cannot_write_what_only_the_hub_publishes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let r = room(dir.path()).await;
    let mut raw = client(&r.hub).await;
    let hub_only = paja::Refusal::HubOnly.to_string();
    let dot = |voter: Option<&str>| Vote { idea_id: r.idea.clone(), voter: voter.map(str::to_string), ..Default::default() };
    let answer = Answer { item_id: "q".into(), value: 1, text: "Väärennetty vastaus".into(), ..Default::default() };
    let mut results = serde_json::Map::new();
    let result = ItemResult { item_id: "q".into(), count: 9, ..Default::default() };
    results.insert("published".into(), serde_json::to_value([result]).expect("json"));

    let forgeries: Vec<(&str, Vec<u8>)> = vec![
        ("a raw evaluation answer", forged(&r.hub, |w| drop(w.add(&r.form, &answer).expect("added")))),
        ("a form's results", forged(&r.hub, |w| w.patch_board(&r.form, &results).expect("patched"))),
        ("a dot without a voter", forged(&r.hub, |w| drop(w.add(&r.wall, &dot(None)).expect("added")))),
        ("deleting the hub's dot", forged(&r.hub, |w| w.delete::<Vote>(&r.wall, &r.hubs_dot).expect("deleted"))),
        ("claiming the hub's dot", forged(&r.hub, |w| w.update::<Vote>(&r.wall, &r.hubs_dot, |v| v.voter = Some("p".into())).expect("set"))),
    ];
    for (what, update) in forgeries {
        assert_eq!(refusal(&mut raw, update).await, hub_only, "{what} is refused");
    }
    r.hub.execute(&Command::StartVoting { board: r.wall.clone(), budget: 3, hidden: true }).expect("a hidden vote");
    let own = forged(&r.hub, |w| drop(w.add(&r.wall, &dot(Some("p"))).expect("added")));
    assert_eq!(refusal(&mut raw, own).await, hub_only, "a dot in a hidden vote outside the sealed path is refused");

    let kept = dots(&r.hub, &r.wall);
    assert_eq!(kept.len(), 1, "only the hub's dot is there: {kept:?}");
    assert!(kept[0].voter.is_none() && kept[0].id == r.hubs_dot, "and it is as the hub wrote it");
    let form = r.hub.read_file(|f| f.workshop().list::<Answer>(&r.form).unwrap_or_default());
    assert!(form.is_empty(), "no raw answer is in the shared document");
    let view = serde_json::to_value(r.hub.view()).expect("json");
    assert!(!view.to_string().contains("\"count\":9"), "no forged result is shown");

    let honest = forged(&r.hub, |w| drop(w.add(&r.free, &FreeCard { text: "Rehellinen".into(), ..Default::default() }).expect("added")));
    raw.send(Message::Binary(paja::sync::wire::update(honest).into())).await.expect("sent");
    let wait = async {
        while !r.hub.read_file(|f| f.workshop().list::<FreeCard>(&r.free).unwrap_or_default()).iter().any(|c| c.text == "Rehellinen") {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(60), wait).await.expect("the same client's honest card still comes in");
    r.hub.stop();
}

#[tokio::test]
async fn a_participants_command_that_writes_what_only_the_hub_publishes_is_refused_by_the_same_rule() {
    let dir = tempfile::tempdir().expect("temp dir");
    let r = room(dir.path()).await;
    let view = r.hub.view();
    let refusal = |command: Command| rules::refusal(Role::Participant, Some("p"), &command, &view, 0);
    let dot = |voter: Option<&str>| Item::Vote(Vote { idea_id: r.idea.clone(), voter: voter.map(str::to_string), ..Default::default() });
    let hub_only = Some(paja::Refusal::HubOnly);
    let mut results = serde_json::Map::new();
    results.insert("published".into(), serde_json::json!([]));
    assert_eq!(refusal(Command::AddItem { board: r.form.clone(), item: Item::Answer(Answer::default()) }), hub_only, "a raw answer");
    assert_eq!(refusal(Command::PatchBoard { board: r.form.clone(), patch: results }), hub_only, "a form's results");
    assert_eq!(refusal(Command::AddItem { board: r.wall.clone(), item: dot(None) }), hub_only, "a dot without a voter");
    let hubs = || (r.wall.clone(), ItemType::Vote, r.hubs_dot.clone());
    let (board, item_type, id) = hubs();
    assert_eq!(refusal(Command::DeleteItem { board, item_type, id }), hub_only, "deleting the hub's dot");
    assert_eq!(refusal(Command::AddItem { board: r.wall.clone(), item: dot(Some("p")) }), None, "one's own dot in an open vote");
    let facilitator = rules::refusal(Role::Facilitator, None, &Command::AddItem { board: r.wall.clone(), item: dot(None) }, &view, 0);
    assert_eq!(facilitator, None, "the facilitator's own file is theirs");
    r.hub.stop();
}
