//! The hub compacts its update log while a session runs: with 20 writers on loopback the
//! log stays bounded, and a SIGKILL loses nothing any peer has seen.


use paja::api::WorkshopFile;
use paja::sync::Checkpoint;
use paja::sync::persistence::MAX_BATCH;
use rusqlite::{Connection, OpenFlags};
use serde_json::json;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;
use crate::support::sync::{Hub, Peer, card_texts, wait_until, workshop_with_board};

const WRITERS: usize = 20;
/// Checkpoints the hub must have made while the writers wrote.
const CHECKPOINTS: usize = 5;

/// The update log's row count and the content snapshot's last update id, read as any
/// other process may read the file while the hub writes it.
fn log_rows_and_snapshot(file: &Path) -> Option<(i64, i64)> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(file, flags).ok()?;
    conn.busy_timeout(Duration::from_secs(5)).ok()?;
    conn.query_row(
        "SELECT (SELECT count(*) FROM updates),
                COALESCE((SELECT upto_id FROM snapshots WHERE doc = 'content'), 0)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .ok()
}

/// Writes cards `w<i> <n>` one after another until told to stop; counts them.
fn write_until(mut peer: Peer, me: usize, board: String, stop: Arc<AtomicBool>, written: Arc<AtomicUsize>) -> Peer {
    let mut n = 0;
    while !stop.load(Ordering::Relaxed) {
        let added = peer.ask(json!({ "add_free_card": { "board": board, "text": format!("w{me} {n}") } }));
        added.expect("a card can be added locally, online or not");
        written.fetch_add(1, Ordering::Relaxed);
        n += 1;
    }
    peer
}

#[test]
fn a_live_hub_keeps_its_log_bounded_and_a_kill_loses_nothing_a_peer_saw() {
    let dir = tempfile::tempdir().unwrap();
    let (file, board) = workshop_with_board(dir.path());
    let mut hub = Hub::serve(&file, &[]);
    let mut peers: Vec<Peer> = (0..WRITERS)
        .map(|i| Peer::join(&hub, &hub.addr(), &dir.path().join(format!("w{i}.paja")), &["--name", &format!("Kirjoittaja {i}")]))
        .collect();
    for peer in &mut peers {
        wait_until("every writer holds the board", || peer.has_board(&board));
    }

    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicUsize::new(0));
    let writers: Vec<_> = peers
        .into_iter()
        .enumerate()
        .map(|(i, peer)| {
            let (board, stop, written) = (board.clone(), stop.clone(), written.clone());
            std::thread::spawn(move || write_until(peer, i, board, stop, written))
        })
        .collect();

    // The hub checks the log after each batch it logs, and its own edits (the roster)
    // are few, so the log never holds more than a checkpoint's rows, one batch, and the
    // rows the file held when the hub started.
    let limit = Checkpoint::default().rows;
    let bound = (limit + MAX_BATCH + 2 * WRITERS + 2) as i64;
    let mut checkpoints = BTreeSet::new();
    let mut most = 0;
    wait_until("the hub has compacted its log several times", || {
        if let Some((rows, upto)) = log_rows_and_snapshot(&file) {
            most = most.max(rows);
            assert!(rows <= bound, "the log holds {rows} rows, over {bound}: a checkpoint every {limit} rows plus one batch of {MAX_BATCH}");
            checkpoints.insert(upto);
        }
        checkpoints.len() > CHECKPOINTS
    });
    hub.kill();
    stop.store(true, Ordering::Relaxed);
    let mut peers: Vec<Peer> = writers.into_iter().map(|w| w.join().expect("a writer finishes")).collect();
    let total = written.load(Ordering::Relaxed);
    assert!(
        total as i64 > CHECKPOINTS as i64 * limit as i64,
        "{total} cards were written: enough for {CHECKPOINTS} checkpoints of {limit} rows"
    );
    assert!(most > 0, "the log was read while the hub ran");
    eprintln!("{total} cards, {} checkpoints seen, at most {most} log rows", checkpoints.len() - 1);

    let view = WorkshopFile::open(&file).expect("the killed hub's file opens").view();
    let kept = card_texts(&serde_json::to_value(view).expect("a view is JSON"), &board);
    let kept: BTreeSet<String> = kept.into_iter().collect();
    for (i, peer) in peers.iter_mut().enumerate() {
        let seen = peer.card_texts(&board);
        let mine = format!("w{i} ");
        let missing: Vec<&String> = seen.iter().filter(|t| !t.starts_with(&mine) && !kept.contains(*t)).collect();
        assert!(
            missing.is_empty(),
            "writer {i} got {} cards from others through the hub that its file lacks, e.g. {:?}: the hub logs before it sends",
            missing.len(),
            missing.first()
        );
    }
    let from_others = kept.iter().filter(|t| !t.starts_with("w0 ")).count();
    assert!(from_others > limit, "the hub's file holds the others' cards ({from_others}), across many checkpoints");

    let check = Command::new(env!("CARGO_BIN_EXE_paja")).args(["check", &file.to_string_lossy()]).output().expect("paja check runs");
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success() && said.contains("is sound"), "paja check finds the killed hub's file sound: {said}");
}
