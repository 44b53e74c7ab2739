//! What a hub's file keeps to itself (the ledger and the raw answers), read with plain
//! SQLite beside the running hub, as anyone holding the file could.
#![allow(dead_code)]

use serde_json::Value;
use std::path::Path;

fn open(file: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open_with_flags(file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("the hub's file opens")
}

/// Every body of `table` (`ledger` or `answers`) whose kind is `kind` (any for answers).
pub fn bodies(file: &Path, table: &str, kind: &str) -> Vec<Value> {
    let conn = open(file);
    let sql = match table {
        "ledger" => "SELECT body FROM ledger WHERE kind = ?1",
        _ => "SELECT body FROM answers WHERE ?1 IS NOT NULL",
    };
    let Ok(mut stmt) = conn.prepare(sql) else { return Vec::new() };
    let rows = stmt.query_map([kind], |r| r.get::<_, String>(0)).expect("bodies");
    rows.map_while(Result::ok).map(|b| serde_json::from_str(&b).expect("a body is JSON")).collect()
}

/// How many raw evaluation answers the hub keeps.
pub fn answers_kept(file: &Path) -> usize {
    bodies(file, "answers", "").iter().map(|b| b.as_array().map_or(0, Vec::len)).sum()
}

/// How many hidden dots the ledger counts, over everyone.
pub fn dots_counted(file: &Path) -> u64 {
    let counts = bodies(file, "ledger", "dots");
    counts.iter().flat_map(|b| b.as_object().into_iter().flatten()).filter_map(|(_, n)| n.as_u64()).sum()
}

/// How many (person, question) pairs the ledger marks answered.
pub fn questions_answered(file: &Path) -> usize {
    bodies(file, "ledger", "answered").iter().map(|b| b.as_array().map_or(0, Vec::len)).sum()
}
