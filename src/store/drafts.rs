//! `drafts`: a participant's silent-writing cards. They live only in this file, never in
//! the synced documents, until the facilitator reveals them; then they are published and
//! deleted with `secure_delete` on and the write-ahead log checkpointed, so the file
//! keeps no trace of what was written (or who wrote an anonymous card).

use rusqlite::{Connection, params};

pub const CREATE: &str = "CREATE TABLE drafts (
    id    TEXT PRIMARY KEY,
    board TEXT NOT NULL,
    text  TEXT NOT NULL,
    seq   INTEGER NOT NULL
);";

/// One draft as stored: (id, board, text).
pub type Row = (String, String, String);

pub fn insert(conn: &Connection, id: &str, board: &str, text: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO drafts (id, board, text, seq) VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM drafts))",
        params![id, board, text],
    )?;
    Ok(())
}

/// Changes a draft's text; false if there is no such draft.
pub fn update(conn: &Connection, id: &str, text: &str) -> rusqlite::Result<bool> {
    Ok(conn.execute("UPDATE drafts SET text = ?2 WHERE id = ?1", params![id, text])? == 1)
}

/// Removes drafts by id; returns how many went.
pub fn delete(conn: &Connection, ids: &[String]) -> rusqlite::Result<usize> {
    let tx = conn.unchecked_transaction()?;
    let mut gone = 0;
    for id in ids {
        gone += tx.execute("DELETE FROM drafts WHERE id = ?1", params![id])?;
    }
    tx.commit()?;
    Ok(gone)
}

/// Every draft, oldest first.
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<Row>> {
    let mut stmt = conn.prepare("SELECT id, board, text FROM drafts ORDER BY seq")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}
