//! `make bench`: what a lock costs the hub. While anything is locked, each participant's
//! content write is tried on a shadow copy before it is taken in; this prints that check
//! for one small write on workshops of 1,000 and 5,000 cards (the first check, which
//! builds the shadow, and the next ones), against the reference of taking the same write
//! in without any lock (applying it to the hub's document).

use paja::model::free::FreeCard;
use paja::model::{BoardKind, DocName, Workshop};
use paja::sync::locks::breaks_lock;
use std::time::{Duration, Instant};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A workshop of `cards` cards on ten boards, the first board locked, and a
/// participant's replica of it with the last board's id.
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
    let mut participant = Workshop::from_updates(&[hub.encode_state(DocName::Content)], &[]).unwrap();
    participant.take_pending();
    (hub, participant, boards[9].clone())
}

/// The participant's next write: a new card on the unlocked board.
fn write(participant: &mut Workshop, board: &str) -> Vec<u8> {
    participant.add(board, &FreeCard { text: "Uusi".into(), ..Default::default() }).unwrap();
    participant.take_pending().pop().unwrap().1
}

fn main() {
    for cards in [1_000, 5_000] {
        let (mut hub, mut participant, board) = workshop(cards);
        let mut shadow = None;
        let mut checks = Vec::new();
        let mut reference = Vec::new();
        for _ in 0..10 {
            let write = write(&mut participant, &board);
            checks.push(time(|| assert!(!breaks_lock(&hub, &mut shadow, &write).unwrap())));
            reference.push(time(|| hub.apply_update(DocName::Content, &write).unwrap()));
        }
        let first = checks.remove(0);
        let (check, reference) = (median(checks), median(reference));
        println!("lock check, one write on a {cards}-card workshop: first {:.1} ms, then {:.2} ms", ms(first), ms(check));
        println!("  reference, taking the write in without a lock: {:.2} ms (the check is {:.0}× that)", ms(reference), ms(check) / ms(reference).max(1e-6));
    }
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}
