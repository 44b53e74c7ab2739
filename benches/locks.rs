//! `make bench`: what a lock costs the hub. Each participant's content write is tried on a
//! shadow copy before it is taken in; this prints that check for one small write on
//! workshops of 1,000 and 5,000 cards (the first check and the next ones; the hub makes
//! the shadow when it starts, and again after a refusal, and that is printed apart),
//! against the reference of the check it replaced, measured in the same run:
//! comparing the JSON of every locked board before and after the write (kept here only).
//! A second row has the hub take in another person's write between checks, so the shadow
//! has to catch up first.

use paja::Refusal;
use paja::model::free::FreeCard;
use paja::model::{BoardKind, DocName, Workshop};
use paja::sync::locks::{Shadow, refusal};
use serde_json::Value;
use std::time::{Duration, Instant};

const WRITES: usize = 21;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A workshop of `cards` cards on ten boards, the first board locked, a participant's
/// replica of it, and the last board's id.
fn workshop(cards: usize) -> (Workshop, Workshop, String) {
    let mut hub = Workshop::new();
    let mut boards = Vec::new();
    for b in 0..10 {
        let board = hub.create_board(BoardKind::Free, &format!("Taulu {b}"), None).unwrap();
        for i in 0..cards / 10 {
            let card = FreeCard { text: format!("Kortti {i}: ääni"), ..Default::default() };
            hub.add(&board, &card).unwrap();
        }
        boards.push(board);
    }
    hub.update_control(|c| c.locked = vec![boards[0].clone()]).unwrap();
    hub.take_pending();
    let participant = replica(&hub);
    (hub, participant, boards[9].clone())
}

/// The participant's next write: a new card on the unlocked board.
fn write(participant: &mut Workshop, board: &str) -> Vec<u8> {
    participant.add(board, &FreeCard { text: "Uusi".into(), ..Default::default() }).unwrap();
    participant.take_pending().pop().unwrap().1
}

/// What one row prints, in order: making the shadow, the first check and the median of
/// the next ones, the check after a refusal (which makes the shadow again), and the old
/// check's first and median. With `others`, the hub takes in another person's card
/// before each write.
struct Row {
    made: Duration,
    first: Duration,
    then: Duration,
    after_refusal: Duration,
    old_first: Duration,
    old_then: Duration,
}

fn measure(cards: usize, others: bool) -> Row {
    let (mut hub, mut participant, board) = workshop(cards);
    let mut old_hub = Workshop::from_updates(&[hub.encode_state(DocName::Content)], &[hub.encode_state(DocName::Control)]).unwrap();
    let mut other = replica(&hub);
    let mut shadow = None;
    let made = time(|| shadow = Some(Shadow::new(&hub).unwrap()));
    let mut old_shadow = None;
    let (mut new, mut old) = (Vec::new(), Vec::new());
    for _ in 0..WRITES {
        if others {
            let theirs = write(&mut other, &board);
            hub.apply_update(DocName::Content, &theirs).unwrap();
            old_hub.apply_update(DocName::Content, &theirs).unwrap();
        }
        let write = write(&mut participant, &board);
        new.push(time(|| assert_eq!(refusal(&hub, &mut shadow, &write).unwrap(), None)));
        old.push(time(|| assert_eq!(json_refusal(&old_hub, &mut old_shadow, &write), None)));
        hub.apply_update(DocName::Content, &write).unwrap();
        old_hub.apply_update(DocName::Content, &write).unwrap();
    }
    let locked = hub.control().locked[0].clone();
    let mut tampered = replica(&hub);
    let refused = self::write(&mut tampered, &locked);
    assert_eq!(refusal(&hub, &mut shadow, &refused).unwrap(), Some(Refusal::Locked));
    let next = self::write(&mut participant, &board);
    let after_refusal = time(|| assert_eq!(refusal(&hub, &mut shadow, &next).unwrap(), None));
    let (first, old_first) = (new.remove(0), old.remove(0));
    Row { made, first, then: median(new), after_refusal, old_first, old_then: median(old) }
}

/// A participant's replica of the hub's content.
fn replica(hub: &Workshop) -> Workshop {
    let mut replica = Workshop::from_updates(&[hub.encode_state(DocName::Content)], &[]).unwrap();
    replica.take_pending();
    replica
}

fn main() {
    for cards in [1_000, 5_000] {
        for others in [false, true] {
            let row = measure(cards, others);
            let when = if others { "after another person's write" } else { "one write after another" };
            println!(
                "lock check on a {cards}-card workshop, {when}: first {:.3} ms, then {:.3} ms",
                ms(row.first),
                ms(row.then)
            );
            println!(
                "  the shadow, made when the hub starts: {:.2} ms; made again at the check after a refusal: {:.2} ms",
                ms(row.made),
                ms(row.after_refusal)
            );
            println!(
                "  reference, the JSON comparison it replaced: first {:.2} ms (making its shadow), then {:.3} ms (the check is {:.0}× faster)",
                ms(row.old_first),
                ms(row.old_then),
                ms(row.old_then) / ms(row.then).max(1e-6)
            );
        }
    }
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

// The check as it was: the write tried on a shadow workshop, and the plan and the JSON of
// every locked board and item compared before and after.

fn json_refusal(hub: &Workshop, shadow: &mut Option<Workshop>, update: &[u8]) -> Option<Refusal> {
    let locked = hub.control().locked;
    let copy = shadow.get_or_insert_with(|| Workshop::from_updates(&[hub.encode_state(DocName::Content)], &[]).unwrap());
    copy.apply_update(DocName::Content, &hub.diff_since(DocName::Content, &copy.state_vector(DocName::Content))).unwrap();
    let before = (copy.plan(), locked_parts(copy, &locked));
    copy.apply_update(DocName::Content, update).unwrap();
    let after = (copy.plan(), locked_parts(copy, &locked));
    let reason = if before.0.changed_by(&after.0) {
        Some(Refusal::PlanFacilitatorOnly)
    } else if before.1 != after.1 {
        Some(Refusal::Locked)
    } else {
        None
    };
    if reason.is_some() {
        *shadow = None;
    }
    reason
}

fn locked_parts(w: &Workshop, locked: &[String]) -> Vec<Option<Value>> {
    let json = |board: &str| w.board(board).ok().and_then(|b| serde_json::to_value(b).ok());
    locked
        .iter()
        .map(|id| match json(id) {
            Some(board) => Some(board),
            None => w.board_holding(id).and_then(|b| json(&b)).and_then(|board| item_in(&board, id)),
        })
        .collect()
}

fn item_in(board: &Value, id: &str) -> Option<Value> {
    let Value::Object(fields) = board else { return None };
    fields.values().filter_map(Value::as_array).flatten().find(|item| item.get("id").and_then(Value::as_str) == Some(id)).cloned()
}
