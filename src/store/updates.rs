//! `updates`: the append-only log of yrs updates, one row per update, in commit order.
//! `AUTOINCREMENT` keeps ids increasing forever, even after compaction deletes rows.

use rusqlite::{Connection, params};

use super::DocName;

pub const CREATE: &str = "CREATE TABLE updates (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    doc  TEXT NOT NULL CHECK (doc IN ('content', 'control')),
    data BLOB NOT NULL
);";

/// Updates of the log that would not apply when the file was opened: moved here whole,
/// never deleted, with the reason, so the file opens without them.
pub const CREATE_SET_ASIDE: &str = "CREATE TABLE IF NOT EXISTS set_aside (
    id     INTEGER PRIMARY KEY,
    doc    TEXT NOT NULL,
    data   BLOB NOT NULL,
    reason TEXT NOT NULL
);";

pub fn insert(conn: &Connection, doc: DocName, data: &[u8]) -> rusqlite::Result<i64> {
    conn.prepare_cached("INSERT INTO updates (doc, data) VALUES (?1, ?2)")?
        .execute(params![doc.as_str(), data])?;
    Ok(conn.last_insert_rowid())
}

/// The log of one document, oldest first.
pub fn for_doc(conn: &Connection, doc: DocName) -> rusqlite::Result<Vec<Vec<u8>>> {
    let mut stmt = conn.prepare_cached("SELECT data FROM updates WHERE doc = ?1 ORDER BY id")?;
    let rows = stmt.query_map(params![doc.as_str()], |r| r.get(0))?;
    rows.collect()
}

/// The log of one document with each row's id, oldest first.
pub fn rows_for_doc(conn: &Connection, doc: DocName) -> rusqlite::Result<Vec<(i64, Vec<u8>)>> {
    let mut stmt = conn.prepare_cached("SELECT id, data FROM updates WHERE doc = ?1 ORDER BY id")?;
    let rows = stmt.query_map(params![doc.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// Moves one logged update to `set_aside`, with the reason it does not apply.
pub fn set_aside(conn: &Connection, id: i64, reason: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO set_aside (id, doc, data, reason) SELECT id, doc, data, ?2 FROM updates WHERE id = ?1",
        params![id, reason],
    )?;
    conn.execute("DELETE FROM updates WHERE id = ?1", params![id])?;
    Ok(())
}

/// How many updates were set aside.
pub fn set_aside_count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM set_aside", [], |r| r.get(0))
}

pub fn delete_upto(conn: &Connection, doc: DocName, upto_id: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM updates WHERE doc = ?1 AND id <= ?2",
        params![doc.as_str(), upto_id],
    )
}

/// The largest id ever given out (0 for a new file), whether or not its row remains.
pub fn last_id(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'updates'), 0),
                    COALESCE((SELECT max(id) FROM updates), 0))",
        [],
        |r| r.get(0),
    )
}

pub fn count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM updates", [], |r| r.get(0))
}

/// Ids must never be reused: the sequence must be at least the largest id present.
pub fn problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let (max_id, seq): (i64, i64) = conn.query_row(
        "SELECT COALESCE((SELECT max(id) FROM updates), 0),
                COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'updates'), 0)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut out = Vec::new();
    if seq < max_id {
        out.push(format!(
            "the update counter ({seq}) is behind the largest update id ({max_id})"
        ));
    }
    Ok(out)
}
