//! `make bench`: opening a 10,000-card workshop, and 200,000 small updates then compaction.
//! Prints figures and ratios against a reference run in the same command: the bare
//! SQLite read of the same bytes, and the targets (open ≤ 150 ms, compacted ≤ 5 MB).

use paja::api::WorkshopFile;
use paja::model::free::FreeCard;
use paja::model::{BoardKind, Pos, Workshop};
use std::path::Path;
use std::time::{Duration, Instant};

const CARDS: usize = 10_000;
const UPDATES: usize = 200_000;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn mib(path: &Path) -> f64 {
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let wal = path.with_extension("paja-wal");
    (size(path) + size(&wal)) as f64 / 1024.0 / 1024.0
}

fn ten_thousand_cards() -> (Workshop, Vec<(String, String)>) {
    let mut w = Workshop::new();
    let mut cards = Vec::with_capacity(CARDS);
    for b in 0..10 {
        let board = w.create_board(BoardKind::Free, &format!("Taulu {b}"), None).unwrap();
        for i in 0..CARDS / 10 {
            let card = FreeCard {
                text: format!("Kortti {i}: ääni ja ööliikenne"),
                pos: Pos { x: (i % 40) as f64 * 120.0, y: (i / 40) as f64 * 80.0 },
                ..Default::default()
            };
            cards.push((board.clone(), w.add(&board, &card).unwrap()));
        }
    }
    (w, cards)
}

fn bench_open(dir: &Path) {
    let path = dir.join("open.paja");
    let (w, _) = ten_thousand_cards();
    let mut file = WorkshopFile::create(&path, w).unwrap();
    file.compact().unwrap();
    drop(file);
    let reference = median((0..7).map(|_| time(|| drop(paja::store::Store::open(&path).unwrap().load().unwrap()))).collect());
    let open = median((0..7).map(|_| time(|| drop(WorkshopFile::open(&path).unwrap()))).collect());
    let file = WorkshopFile::open(&path).unwrap();
    let view = median((0..7).map(|_| time(|| drop(file.view()))).collect());
    println!("open {CARDS}-card workshop: {:.1} ms (target ≤ 150 ms, ratio {:.2})", ms(open), ms(open) / 150.0);
    println!("  reference, SQLite read of the same bytes: {:.1} ms (open is {:.1}× that)", ms(reference), ms(open) / ms(reference));
    println!("  projection of the whole workshop: {:.1} ms", ms(view));
    println!("  file size: {:.2} MiB", mib(&path));
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn bench_updates(dir: &Path) {
    let path = dir.join("updates.paja");
    let (w, cards) = ten_thousand_cards();
    let mut file = WorkshopFile::create(&path, w).unwrap();
    let start = Instant::now();
    for i in 0..UPDATES {
        let (board, card) = &cards[(i * 7919) % cards.len()];
        if i % 2 == 0 {
            let pos = Pos { x: (i % 1000) as f64, y: (i % 700) as f64 };
            file.change(|w| w.move_to::<FreeCard>(board, card, pos)).unwrap();
        } else {
            file.change(|w| w.update::<FreeCard>(board, card, |c| c.text.push('ä'))).unwrap();
        }
    }
    let applied = start.elapsed();
    let before = mib(&path);
    let compaction = time(|| file.compact().unwrap());
    let after = mib(&path);
    println!("{UPDATES} small updates, each logged: {:.2} s ({:.1} µs each)", applied.as_secs_f64(), applied.as_secs_f64() * 1e6 / UPDATES as f64);
    println!("  file before compaction: {before:.2} MiB");
    println!("compaction: {:.1} ms; compacted file: {after:.2} MiB (target ≤ 5 MB, ratio {:.2})", ms(compaction), after * 1.048_576 / 5.0);
    drop(file);
    let reopened = time(|| drop(WorkshopFile::open(&path).unwrap()));
    println!("  reopen after compaction: {:.1} ms", ms(reopened));
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    bench_open(dir.path());
    bench_updates(dir.path());
}
