//! `snapshots`: per document, the merged state of every update up to `upto_id`,
//! written by compaction. The log holds only what came after it.

use rusqlite::{Connection, OptionalExtension, params};

use super::DocName;

pub const CREATE: &str = "CREATE TABLE snapshots (
    doc     TEXT PRIMARY KEY CHECK (doc IN ('content', 'control')),
    data    BLOB NOT NULL,
    upto_id INTEGER NOT NULL
);";

pub fn get(conn: &Connection, doc: DocName) -> rusqlite::Result<Option<Vec<u8>>> {
    conn.query_row(
        "SELECT data FROM snapshots WHERE doc = ?1",
        params![doc.as_str()],
        |r| r.get(0),
    )
    .optional()
}

pub fn put(conn: &Connection, doc: DocName, data: &[u8], upto_id: i64) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO snapshots (doc, data, upto_id) VALUES (?1, ?2, ?3)
         ON CONFLICT (doc) DO UPDATE SET data = excluded.data, upto_id = excluded.upto_id",
        params![doc.as_str(), data, upto_id],
    )?;
    Ok(())
}

/// A log row at or below its document's snapshot would be applied twice or means
/// compaction did not finish as one transaction.
pub fn problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT s.doc, s.upto_id, count(u.id) FROM snapshots s
         JOIN updates u ON u.doc = s.doc AND u.id <= s.upto_id GROUP BY s.doc",
    )?;
    let rows = stmt.query_map([], |r| {
        let (doc, upto, n): (String, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
        Ok(format!(
            "{n} {doc} updates are older than its snapshot (up to {upto}) but still logged"
        ))
    })?;
    rows.collect()
}
