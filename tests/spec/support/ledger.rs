//! What a hub's file keeps to itself (the ledger and the raw answers), read with plain
//! SQLite beside the running hub, as anyone holding the file could.
#![allow(dead_code)]

use std::path::Path;

fn count(file: &Path, sql: &str) -> usize {
    let conn = rusqlite::Connection::open_with_flags(file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("the hub's file opens");
    conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map(|n| n as usize).unwrap_or(0)
}

/// How many raw evaluation answers the hub keeps.
pub fn answers_kept(file: &Path) -> usize {
    count(file, "SELECT count(*) FROM answers")
}

/// How many hidden dots the ledger counts, over everyone.
pub fn dots_counted(file: &Path) -> usize {
    count(file, "SELECT COALESCE(SUM(used), 0) FROM ledger_dots")
}

/// How many (person, question) pairs the ledger marks answered.
pub fn questions_answered(file: &Path) -> usize {
    count(file, "SELECT count(*) FROM ledger_answered")
}

/// The column names of a table in a hub's file.
pub fn columns(file: &Path, table: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open_with_flags(file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("the hub's file opens");
    let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')")).expect("table info");
    stmt.query_map([], |r| r.get(0)).expect("columns").map_while(Result::ok).collect()
}
