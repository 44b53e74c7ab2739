//! `versions`: named versions ("Versio 1.0"), each the encoded state of both documents
//! at the moment it was made.

use rusqlite::{Connection, OptionalExtension, params};

use super::VersionInfo;

pub const CREATE: &str = "CREATE TABLE versions (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    content    BLOB NOT NULL,
    control    BLOB NOT NULL
);";

/// Inserts a version; `false` if one with this name already exists.
pub fn insert(
    conn: &Connection,
    name: &str,
    content: &[u8],
    control: &[u8],
) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "INSERT OR IGNORE INTO versions (name, created_at, content, control)
         VALUES (?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?2, ?3)",
        params![name, content, control],
    )?;
    Ok(n == 1)
}

/// All versions, oldest first.
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<VersionInfo>> {
    let mut stmt = conn.prepare("SELECT name, created_at FROM versions ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(VersionInfo {
            name: r.get(0)?,
            created_at: r.get(1)?,
        })
    })?;
    rows.collect()
}

/// `(content, control)` of the named version, if it exists.
pub fn state(conn: &Connection, name: &str) -> rusqlite::Result<Option<(Vec<u8>, Vec<u8>)>> {
    conn.query_row(
        "SELECT content, control FROM versions WHERE name = ?1",
        params![name],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}
