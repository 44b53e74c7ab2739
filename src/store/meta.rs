//! `meta`: small facts about the file itself (when and by which Paja it was made).

use rusqlite::{Connection, OptionalExtension, params};

pub const CREATE: &str = "CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;";

/// Records when and by which Paja the file was made; called once by `Store::create`.
pub fn init(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES
            ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            ('created_by', ?1)",
        params![concat!("paja ", env!("CARGO_PKG_VERSION"))],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT value FROM meta WHERE key = ?1", params![key], |r| {
        r.get(0)
    })
    .optional()
}
