//! An update is durable once `append` returns: a writer killed with SIGKILL at a random
//! moment, twenty times on one file, never loses an update it had reported.
//!
//! The writer is this test binary re-run with only `crash_child_appends_until_killed`
//! selected and `CHILD_FILE` naming the file; in a normal run that test does nothing.


use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::store::{Writer, has_key, rebuild};
use paja::store::{DocName, Store};
use rand::RngExt;

const CHILD_FILE: &str = "PAJA_CRASH_CHILD_FILE";
const CHILD_ROUND: &str = "PAJA_CRASH_CHILD_ROUND";
const REPORT: &str = "appended ";
const ROUNDS: usize = 20;
/// The child folds its log into a snapshot this often, so kills also land mid-compaction.
const COMPACT_EVERY: u64 = 400;

#[test]
fn updates_reported_before_a_kill_survive_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("crash.paja");
    drop(Store::create(&path).expect("create"));
    let mut reported: Vec<String> = Vec::new();
    for round in 0..ROUNDS {
        reported.extend(run_child_until_killed(&path, round));
        let store = Store::open(&path)
            .unwrap_or_else(|e| panic!("round {round}: the file must reopen: {e}"));
        let report = store.check().expect("check");
        assert!(
            report.is_clean(),
            "round {round}: a kill must not damage the file: {:?}",
            report.problems
        );
        let doc = rebuild(&store.load().expect("load").content);
        for key in &reported {
            assert!(
                has_key(&doc, key),
                "round {round}: {key} was reported appended, so it must survive"
            );
        }
    }
    assert!(
        reported.len() >= ROUNDS,
        "the children must have written something to prove anything"
    );
    eprintln!(
        "{} reported updates survived {ROUNDS} kills",
        reported.len()
    );
}

/// Starts a writer on `path`, kills it after 20–300 ms, returns the keys it reported.
fn run_child_until_killed(path: &Path, round: usize) -> Vec<String> {
    let exe = std::env::current_exe().expect("path of this test binary");
    let mut child = Command::new(exe)
        .args([
            "--exact",
            "store_crash::crash_child_appends_until_killed",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_FILE, path)
        .env(CHILD_ROUND, round.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the writer");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        text
    });
    std::thread::sleep(Duration::from_millis(rand::rng().random_range(20..=300)));
    child.kill().expect("SIGKILL the writer");
    child.wait().expect("reap the writer");
    let text = reader.join().expect("reader thread");
    complete_lines(&text)
        .filter_map(|l| l.strip_prefix(REPORT))
        .map(String::from)
        .collect()
}

/// Lines ended by a newline; a line cut off by the kill was never fully reported.
fn complete_lines(text: &str) -> impl Iterator<Item = &str> {
    let complete = text.rfind('\n').map_or("", |end| &text[..end]);
    complete.lines()
}

#[test]
fn crash_child_appends_until_killed() {
    let Some(path) = std::env::var_os(CHILD_FILE) else {
        return; // only does work when started by updates_reported_before_a_kill_survive_it
    };
    let round = std::env::var(CHILD_ROUND).unwrap_or_default();
    let store = Store::open(Path::new(&path)).expect("the writer reopens the file");
    let writer = Writer::from_blobs(&store.load().expect("load").content);
    let mut out = std::io::stdout().lock();
    for i in 0u64.. {
        let key = format!("r{round}-{i}");
        let id = store
            .append(DocName::Content, &writer.set(&key, i as i64))
            .expect("append");
        writeln!(out, "{REPORT}{key}")
            .and_then(|()| out.flush())
            .expect("report");
        if i % COMPACT_EVERY == COMPACT_EVERY - 1 {
            store
                .compact(DocName::Content, &writer.state(), id)
                .expect("compact");
        }
    }
}

#[test]
fn a_line_cut_off_by_the_kill_is_not_counted() {
    let lines: Vec<&str> = complete_lines("appended a\nappended b\nappended c").collect();
    assert_eq!(
        lines,
        ["appended a", "appended b"],
        "c was not fully printed, so not reported"
    );
}
