//! `snapshots`: per document, the merged state of every update up to `upto_id`,
//! written by compaction. The log holds only what came after it. Snapshots are stored
//! deflated: a merged state repeats its map keys many times and shrinks several-fold.

use rusqlite::{Connection, OptionalExtension, params};

use super::DocName;

pub const CREATE: &str = "CREATE TABLE snapshots (
    doc     TEXT PRIMARY KEY CHECK (doc IN ('content', 'control')),
    data    BLOB NOT NULL,
    upto_id INTEGER NOT NULL,
    codec   TEXT NOT NULL DEFAULT 'deflate' CHECK (codec IN ('raw', 'deflate'))
);";

pub fn get(conn: &Connection, doc: DocName) -> rusqlite::Result<Option<Vec<u8>>> {
    let row: Option<(Vec<u8>, String)> = conn
        .query_row(
            "SELECT data, codec FROM snapshots WHERE doc = ?1",
            params![doc.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        Some((data, codec)) if codec == "deflate" => inflate(&data).map(Some),
        Some((data, _)) => Ok(Some(data)),
        None => Ok(None),
    }
}

fn inflate(data: &[u8]) -> rusqlite::Result<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::DeflateDecoder::new(data)
        .read_to_end(&mut out)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Blob, Box::new(e)))?;
    Ok(out)
}

fn deflate(data: &[u8]) -> rusqlite::Result<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(data)
        .and_then(|_| encoder.finish())
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

pub fn put(conn: &Connection, doc: DocName, data: &[u8], upto_id: i64) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO snapshots (doc, data, upto_id, codec) VALUES (?1, ?2, ?3, 'deflate')
         ON CONFLICT (doc) DO UPDATE SET data = excluded.data, upto_id = excluded.upto_id,
         codec = excluded.codec",
        params![doc.as_str(), deflate(data)?, upto_id],
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
