//! Replicas that edit concurrently and receive each other's updates in any order, with
//! duplicates, end with identical projections.

use paja::model::cafe::{CafeGroup, CafeNote, Station};
use paja::model::causal_map::{CausalLink, CausalNode, Polarity};
use paja::model::evaluation::{Answer, EvalItem, RespondentGroup};
use paja::model::free::FreeCard;
use paja::model::glossary::Term;
use paja::model::operating_model::{ElementKind, ModelElement, PartKind, PhasePart};
use paja::model::phenomenon::{Entry, Zone};
use paja::model::idea_wall::{Cluster, Idea, Vote};
use paja::model::persona::Persona;
use paja::model::quality_criteria::{Criterion, QualityArea};
use paja::model::service_path::{Lane, PathCard, Phase};
use paja::model::session::{Session, Step};
use paja::model::{BoardKind, DocName, Pos, Workshop};
use proptest::prelude::*;

/// A small deterministic generator, so a failing seed can be replayed.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() { None } else { Some(&items[self.below(items.len())]) }
    }
    fn word(&mut self) -> String {
        const WORDS: &[&str] = &["äiti", "työ", "Åsa", "kela", "öljy", "tuki", "polku", "ystävä"];
        WORDS[self.below(WORDS.len())].to_string()
    }
}

/// One workshop with a board of every kind, shared by all replicas as their start.
fn base() -> (Workshop, Vec<(BoardKind, String)>) {
    let mut w = Workshop::new();
    let session = w.add_session(&Session { title: "Kokoontuminen 1".into(), ..Default::default() }).unwrap();
    let boards = BoardKind::ALL
        .into_iter()
        .map(|kind| (kind, w.create_board(kind, kind.as_str(), Some(&session)).unwrap()))
        .collect();
    (w, boards)
}

fn replica_of(base: &Workshop) -> Workshop {
    let mut r = Workshop::new();
    r.apply_update(DocName::Content, &base.encode_state(DocName::Content)).unwrap();
    r.apply_update(DocName::Control, &base.encode_state(DocName::Control)).unwrap();
    r
}

fn ids<T: paja::model::BoardItem>(w: &Workshop, board: &str) -> Vec<String> {
    w.list::<T>(board).unwrap().iter().map(|i| i.id().to_string()).collect()
}

/// One random edit of the given board kind. Edits that find nothing to act on do nothing.
fn edit(w: &mut Workshop, kind: BoardKind, board: &str, d: &mut Dice) {
    let text = d.word();
    let _ = match (kind, d.below(3)) {
        (BoardKind::Persona, 0) => w.add(board, &Persona { name: text, ..Default::default() }).map(drop),
        (BoardKind::Persona, _) => match d.pick(&ids::<Persona>(w, board)).cloned() {
            Some(id) => w.update::<Persona>(board, &id, |p| p.life_situation.insert_str(0, &text)),
            None => Ok(()),
        },
        (BoardKind::ServicePath, 0) => w.add(board, &Phase { name: text, emotion: (d.below(5) as i8) - 2, ..Default::default() }).map(drop),
        (BoardKind::ServicePath, 1) => w.add(board, &Lane { name: text, ..Default::default() }).map(drop),
        (BoardKind::ServicePath, _) => {
            let (phases, lanes) = (ids::<Phase>(w, board), ids::<Lane>(w, board));
            match (d.pick(&phases).cloned(), d.pick(&lanes).cloned()) {
                (Some(phase_id), Some(lane_id)) => w.add(board, &PathCard { phase_id, lane_id, text, ..Default::default() }).map(drop),
                _ => Ok(()),
            }
        }
        (BoardKind::CausalMap, 0) => w.add(board, &CausalNode { text, ..Default::default() }).map(drop),
        (BoardKind::CausalMap, 1) => {
            let nodes = ids::<CausalNode>(w, board);
            match (d.pick(&nodes).cloned(), d.pick(&nodes).cloned()) {
                (Some(from), Some(to)) => {
                    let polarity = if d.below(2) == 0 { Polarity::Strengthens } else { Polarity::Weakens };
                    w.add(board, &CausalLink { from, to, polarity, ..Default::default() }).map(drop)
                }
                _ => Ok(()),
            }
        }
        (BoardKind::CausalMap, _) => match d.pick(&ids::<CausalNode>(w, board)).cloned() {
            Some(id) if d.below(2) == 0 => w.delete::<CausalNode>(board, &id),
            Some(id) => w.move_to::<CausalNode>(board, &id, Pos { x: d.below(500) as f64, y: 1.0 }),
            None => Ok(()),
        },
        (BoardKind::Cafe, 0) => w.add(board, &Station { question: text, ..Default::default() }).map(drop),
        (BoardKind::Cafe, 1) => w.add(board, &CafeGroup { name: text, ..Default::default() }).map(drop),
        (BoardKind::Cafe, _) => {
            let (stations, groups) = (ids::<Station>(w, board), ids::<CafeGroup>(w, board));
            match (d.pick(&stations).cloned(), d.pick(&groups).cloned()) {
                (Some(station_id), Some(group_id)) => w.add(board, &CafeNote { station_id, group_id, round: 1 + d.below(3) as u32, text, ..Default::default() }).map(drop),
                _ => Ok(()),
            }
        }
        (BoardKind::IdeaWall, 0) => w.add(board, &Idea { name: text, ..Default::default() }).map(drop),
        (BoardKind::IdeaWall, 1) => w.add(board, &Cluster { name: text, ..Default::default() }).map(drop),
        (BoardKind::IdeaWall, _) => match d.pick(&ids::<Idea>(w, board)).cloned() {
            Some(idea_id) => w.add(board, &Vote { idea_id, ..Default::default() }).map(drop),
            None => Ok(()),
        },
        (BoardKind::Free, 0) => w.add(board, &FreeCard { text, ..Default::default() }).map(drop),
        (BoardKind::Free, _) => match d.pick(&ids::<FreeCard>(w, board)).cloned() {
            Some(id) => w.update::<FreeCard>(board, &id, |c| c.text.push_str(&text)),
            None => Ok(()),
        },
        (BoardKind::QualityCriteria, _) => w.add(board, &Criterion { area: QualityArea::Management, text: text.clone(), plain: text, ..Default::default() }).map(drop),
        (BoardKind::Evaluation, 0) => w.add(board, &EvalItem { text, ..Default::default() }).map(drop),
        (BoardKind::Evaluation, _) => match d.pick(&ids::<EvalItem>(w, board)).cloned() {
            Some(item_id) => w.add(board, &Answer { item_id, group: RespondentGroup::Client, value: 1 + d.below(5) as u8, ..Default::default() }).map(drop),
            None => Ok(()),
        },
        (BoardKind::Glossary, _) => w.add(board, &Term { term: text, ..Default::default() }).map(drop),
        (BoardKind::Phenomenon, _) => w.add(board, &Entry { zone: Zone::Threats, text, ..Default::default() }).map(drop),
        (BoardKind::OperatingModel, 0) => w.add(board, &ModelElement { kind: ElementKind::Phase, text, ..Default::default() }).map(drop),
        (BoardKind::OperatingModel, _) => match d.pick(&ids::<ModelElement>(w, board)).cloned() {
            Some(phase_id) => w.add(board, &PhasePart { phase_id, kind: PartKind::Tool, text, ..Default::default() }).map(drop),
            None => Ok(()),
        },
    };
}

/// A workshop-level edit: rename a board, add an agenda step, move the agenda.
fn edit_workshop(w: &mut Workshop, boards: &[(BoardKind, String)], d: &mut Dice) {
    let text = d.word();
    let _ = match d.below(3) {
        0 => w.rename_board(&boards[d.below(boards.len())].1, &text),
        1 => {
            let session = w.sessions()[0].id.clone();
            w.add_step(&session, &Step { title: text, ..Default::default() }).map(drop)
        }
        _ => w.update_control(|c| c.locked = vec![d.word()]),
    };
}

fn run(seed: u64, replicas: usize, edits: usize) {
    let mut d = Dice(seed);
    let (mut origin, boards) = base();
    origin.take_pending();
    let mut peers: Vec<Workshop> = (0..replicas).map(|_| replica_of(&origin)).collect();
    let mut sent: Vec<(usize, DocName, Vec<u8>)> = Vec::new();
    for _ in 0..edits {
        let who = d.below(replicas);
        if d.below(8) == 0 {
            edit_workshop(&mut peers[who], &boards, &mut d);
        } else {
            let (kind, board) = &boards[d.below(boards.len())];
            edit(&mut peers[who], *kind, board, &mut d);
        }
        sent.extend(peers[who].take_pending().into_iter().map(|(doc, u)| (who, doc, u)));
        // Some updates arrive early, before the round's end, and more than once.
        if d.below(4) == 0 {
            if let Some((from, doc, update)) = d.pick(&sent).cloned() {
                let to = d.below(replicas);
                if to != from {
                    peers[to].apply_update(doc, &update).unwrap();
                }
            }
        }
    }
    for (to, peer) in peers.iter_mut().enumerate() {
        let mut order: Vec<usize> = (0..sent.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, d.below(i + 1));
        }
        order.extend((0..sent.len() / 5).map(|_| d.below(sent.len())));
        for i in order {
            let (from, doc, update) = &sent[i];
            if *from != to {
                peer.apply_update(*doc, update).unwrap();
            }
        }
    }
    let items: usize = peers[0].view().boards.iter().map(|b| b.content.item_count()).sum();
    assert!(items > 0, "the replicas made edits that landed on the boards (seed {seed})");
    let first = serde_json::to_string(&peers[0].view()).unwrap();
    for (i, peer) in peers.iter().enumerate().skip(1) {
        let other = serde_json::to_string(&peer.view()).unwrap();
        assert_eq!(first, other, "replica {i} differs from replica 0 after every update arrived (seed {seed})");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn replicas_converge_whatever_the_delivery_order(seed in any::<u64>(), replicas in 5usize..8, edits in 20usize..120) {
        run(seed, replicas, edits);
    }
}

#[test]
fn concurrent_typing_in_one_field_keeps_both_words() {
    let (mut origin, boards) = base();
    let board = &boards.iter().find(|(k, _)| *k == BoardKind::Persona).unwrap().1;
    let id = origin.add(board, &Persona { name: "Aino".into(), ..Default::default() }).unwrap();
    let (mut a, mut b) = (replica_of(&origin), replica_of(&origin));
    a.update::<Persona>(board, &id, |p| p.goal = "Töihin".into()).unwrap();
    b.update::<Persona>(board, &id, |p| p.goal = "Ystäviä".into()).unwrap();
    for (doc, u) in a.take_pending() {
        b.apply_update(doc, &u).unwrap();
    }
    for (doc, u) in b.take_pending() {
        a.apply_update(doc, &u).unwrap();
    }
    let goal = a.get::<Persona>(board, &id).unwrap().goal;
    assert!(goal.contains("Töihin") && goal.contains("Ystäviä"), "both people's words survive: {goal}");
    assert_eq!(goal, b.get::<Persona>(board, &id).unwrap().goal, "both replicas show the same text");
}
