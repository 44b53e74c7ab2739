//! Helpers for facilitated sessions: a workshop planned for one session, and short
//! ways to run commands on peers and read what their replicas hold.

use super::{Hub, Peer, wait_until};
use paja::api::WorkshopFile;
use paja::model::cafe::{CafeGroup, Station};
use paja::model::evaluation::EvalItem;
use paja::model::session::{Session, Step};
use paja::model::{BoardKind, DocName, Workshop};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The boards of a workshop made for the session.
pub struct Plan {
    pub file: PathBuf,
    pub session: String,
    pub wall: String,
    pub cafe: String,
    pub stations: [String; 2],
    pub groups: [String; 2],
    pub form: String,
    pub questions: [String; 2],
}

pub fn plan(dir: &Path) -> Plan {
    let mut w = Workshop::new();
    let session = w.add_session(&Session { title: "Kokoontuminen 1".into(), ..Default::default() }).unwrap();
    w.add_step(&session, &Step { title: "Hiljainen kirjoitus".into(), ..Default::default() }).unwrap();
    let wall = w.create_board(BoardKind::IdeaWall, "Ideaseinä", Some(&session)).unwrap();
    let cafe = w.create_board(BoardKind::Cafe, "Oppimiskahvila", Some(&session)).unwrap();
    let station = |q: &str| Station { question: q.into(), ..Default::default() };
    let stations = [w.add(&cafe, &station("Mikä auttaa?")).unwrap(), w.add(&cafe, &station("Mikä estää?")).unwrap()];
    let group = |n: &str| CafeGroup { name: n.into(), ..Default::default() };
    let groups = [w.add(&cafe, &group("Ryhmä A")).unwrap(), w.add(&cafe, &group("Ryhmä B")).unwrap()];
    let form = w.create_board(BoardKind::Evaluation, "Palaute", Some(&session)).unwrap();
    let item = |t: &str| EvalItem { text: t.into(), ..Default::default() };
    let questions = [w.add(&form, &item("Sain sanoa asiani")).unwrap(), w.add(&form, &item("Tulin kuulluksi")).unwrap()];
    let file = dir.join("hub.paja");
    WorkshopFile::create(&file, w).unwrap();
    Plan { file, session, wall, cafe, stations, groups, form, questions }
}

/// Runs a command that must succeed; returns its answer.
pub fn ok(peer: &mut Peer, command: Value) -> Value {
    peer.ask(command.clone()).unwrap_or_else(|e| panic!("{command} was refused: {e}"))
}

/// Runs a command that must be refused; returns the sentence.
pub fn refused(peer: &mut Peer, command: Value) -> String {
    let error = peer.ask(command.clone()).err().unwrap_or_else(|| panic!("{command} should have been refused"));
    serde_json::from_str(&error).unwrap_or(error)
}

pub fn board(view: &Value, id: &str) -> Value {
    view["boards"].as_array().and_then(|b| b.iter().find(|b| b["id"] == id)).cloned().unwrap_or(Value::Null)
}

pub fn names(view: &Value, wall: &str) -> Vec<String> {
    let mut names: Vec<String> =
        board(view, wall)["ideas"].as_array().into_iter().flatten().filter_map(|i| i["name"].as_str().map(String::from)).collect();
    names.sort();
    names
}

pub fn idea_id(view: &Value, wall: &str, name: &str) -> String {
    let ideas = board(view, wall)["ideas"].as_array().cloned().unwrap_or_default();
    ideas.iter().find(|i| i["name"] == name).and_then(|i| i["id"].as_str()).expect("the idea is there").to_string()
}

pub fn join(hub: &Hub, dir: &Path, file: &str, extra: &[&str]) -> Peer {
    Peer::join(hub, &hub.addr(), &dir.join(file), extra)
}

pub fn facilitator(hub: &Hub, dir: &Path) -> Peer {
    let token = hub.facilitator_token.clone();
    join(hub, dir, "f.paja", &["--token", &token, "--name", "Ohjaaja"])
}

/// The Yjs clients that wrote into a file's content document.
pub fn content_writers(file: &Path) -> Vec<u64> {
    let opened = WorkshopFile::open(file).expect("the replica opens");
    let mut clients: Vec<u64> = opened.workshop().state_vector(DocName::Content).iter().map(|(c, _)| c.get()).collect();
    clients.sort();
    clients
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}


/// A planned workshop on a hub, with the facilitator and two participants (the first
/// named `first`, the second Bertta) in and connected.
pub struct Room {
    pub plan: Plan,
    pub hub: Hub,
    pub fac: Peer,
    pub aino: Peer,
    pub bertta: Peer,
}

pub fn seat_everyone(dir: &Path, first: &str) -> Room {
    let plan = plan(dir);
    let hub = Hub::serve(&plan.file, &[]);
    let mut fac = facilitator(&hub, dir);
    let mut aino = join(&hub, dir, "a.paja", &["--name", first]);
    let mut bertta = join(&hub, dir, "b.paja", &["--name", "Bertta"]);
    wait_until("everyone is in", || [&mut fac, &mut aino, &mut bertta].iter_mut().all(|p| p.is_connected()));
    // Each core signs with the roster's name, so it must have its own entry first.
    let listed = |p: &mut Peer, name: &str| p.view()["control"]["people"].as_array().is_some_and(|all| all.iter().any(|x| x["name"] == name));
    wait_until("everyone sees themselves in the roster", || listed(&mut aino, first) && listed(&mut bertta, "Bertta"));
    Room { plan: plan, hub, fac, aino, bertta }
}
