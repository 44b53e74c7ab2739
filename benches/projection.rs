//! `make bench`: what the window receives per keystroke, and what making it costs.
//!
//! A workshop with one free board of 3,000 cards is opened in a window's [`Live`], and
//! one card's text is typed letter by letter (a `PatchItem` per keystroke). The window
//! now receives the command's answer (`{id}`), the `workshop://changed` event (a
//! `ViewChange`) and the own view it asks for after a change. The reference, computed in
//! the same run, is what the code before sent for the same keystroke: the answer with the
//! whole view, the event with the whole view again, and the own view.
//!
//! Then the time to project one keystroke's change against one whole projection, which
//! every change cost before (twice), at 3,000 and 10,000 cards.

use paja::api::{Command, ItemType, LocalView, Outcome, WorkshopFile};
use paja::model::free::FreeCard;
use paja::model::{BoardKind, Pos, ViewChange, Workshop, WorkshopView};
use paja::session::{Live, LiveEvent};
use serde::Serialize;
use std::path::Path;
use std::time::{Duration, Instant};

const KEYSTROKES: usize = 40;

/// What a command answered before: what it made and the whole view.
#[derive(Serialize)]
struct OutcomeBefore<'a> {
    id: Option<String>,
    view: &'a WorkshopView,
}

/// A workshop file with one free board of `cards` cards; the board's and a card's id.
fn workshop(dir: &Path, name: &str, cards: usize) -> (WorkshopFile, String, String) {
    let mut w = Workshop::new();
    let board = w.create_board(BoardKind::Free, "Ideoita", None).unwrap();
    let mut ids = Vec::new();
    for i in 0..cards {
        let text = format!("Kortti {i}: asiakas löytää palvelun helposti ja saa apua ajoissa");
        let pos = Pos { x: (i % 60) as f64 * 220.0, y: (i / 60) as f64 * 160.0 };
        ids.push(w.add(&board, &FreeCard { text, color: "yellow".into(), pos, ..Default::default() }).unwrap());
    }
    let file = WorkshopFile::create(&dir.join(format!("{name}-{cards}.paja")), w).unwrap();
    (file, board, ids[cards / 2].clone())
}

fn keystroke(board: &str, card: &str, typed: &str) -> Command {
    let patch = [("text".to_string(), serde_json::Value::String(typed.to_string()))].into_iter().collect();
    Command::PatchItem { board: board.into(), item_type: ItemType::FreeCard, id: card.into(), patch }
}

fn bytes<T: Serialize>(value: &T) -> usize {
    serde_json::to_string(value).unwrap().len()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Bytes to the window per keystroke through the window's own `Live`: (now, before).
fn bytes_per_keystroke(dir: &Path, cards: usize) -> (usize, usize) {
    let (file, board, card) = workshop(dir, "window", cards);
    let mut live = Live::new(file, &dir.join("replicas")).unwrap();
    let mut events = live.subscribe();
    let (mut now, mut before) = (0, 0);
    for n in 1..=KEYSTROKES {
        let typed = format!("Kortti: asiakas {}", "ä".repeat(n));
        let outcome: Outcome = live.execute(&keystroke(&board, &card, &typed)).unwrap();
        let change: ViewChange = match events.try_recv() {
            Ok(LiveEvent::Changed(change)) => (*change).clone(),
            other => panic!("each keystroke is one change event, not {other:?}"),
        };
        let local: LocalView = live.local_view().unwrap();
        now += bytes(&outcome) + bytes(&change) + bytes(&local);
        let view = live.view();
        before += bytes(&OutcomeBefore { id: outcome.id.clone(), view: &view }) + bytes(&view) + bytes(&local);
    }
    (now / KEYSTROKES, before / KEYSTROKES)
}

/// The median time to project one keystroke's change, and one whole projection.
fn projection_times(dir: &Path, cards: usize) -> (Duration, Duration) {
    let (mut file, board, card) = workshop(dir, "projection", cards);
    let (mut change, mut whole) = (Vec::new(), Vec::new());
    for n in 1..=KEYSTROKES / 2 {
        file.execute(&keystroke(&board, &card, &format!("Kortti {}", "ö".repeat(n)))).unwrap();
        let start = Instant::now();
        let made = file.take_change().expect("a keystroke changes the view");
        change.push(start.elapsed());
        assert_eq!(made.boards[0].items.len(), 1, "one card changed");
        let start = Instant::now();
        std::hint::black_box(file.view());
        whole.push(start.elapsed());
    }
    (median(change), median(whole))
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let (now, before) = bytes_per_keystroke(dir.path(), 3_000);
    println!("bytes to the window per keystroke, 3,000-card board: {now} B");
    println!(
        "  reference, the code before (answer with the whole view, event with the whole view, own view): {before} B ({:.0}× smaller now)",
        before as f64 / now.max(1) as f64
    );
    for cards in [3_000, 10_000] {
        let (change, whole) = projection_times(dir.path(), cards);
        println!("projecting one keystroke's change, {cards} cards: {:.3} ms", ms(change));
        println!(
            "  reference, one whole projection (the code before made two per change): {:.1} ms ({:.0}× that)",
            ms(whole),
            ms(whole) / ms(change).max(1e-6)
        );
    }
}
