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

/// Hub only, never synced: the anonymous drafts the hub has taken, by the writer's draft
/// id, so a draft sent again (after a lost acknowledgement or a restart) is published
/// once. `card` is the random id it is published under; `item` its JSON until it is
/// published, then emptied. No sender is kept.
pub const CREATE_TAKEN: &str = "CREATE TABLE sealed_drafts (
    draft     TEXT PRIMARY KEY,
    card      TEXT NOT NULL,
    board     TEXT NOT NULL,
    item      TEXT NOT NULL,
    published INTEGER NOT NULL DEFAULT 0
);";

/// One taken draft as stored: (draft, card, board, item JSON).
pub type Taken = (String, String, String, String);

/// Takes a draft unless its id is known; true if it is new.
pub fn take(conn: &Connection, draft: &str, card: &str, board: &str, item: &str) -> rusqlite::Result<bool> {
    let added = conn.execute(
        "INSERT OR IGNORE INTO sealed_drafts (draft, card, board, item) VALUES (?1, ?2, ?3, ?4)",
        params![draft, card, board, item],
    )?;
    Ok(added == 1)
}

/// The drafts taken and not yet published.
pub fn waiting(conn: &Connection) -> rusqlite::Result<Vec<Taken>> {
    let mut stmt = conn.prepare("SELECT draft, card, board, item FROM sealed_drafts WHERE published = 0")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}

/// Marks drafts published and wipes their text and card id from this table.
pub fn mark_published(conn: &Connection, drafts: &[String]) -> rusqlite::Result<()> {
    let tx = conn.unchecked_transaction()?;
    for draft in drafts {
        tx.execute("UPDATE sealed_drafts SET published = 1, item = '', card = '' WHERE draft = ?1", params![draft])?;
    }
    tx.commit()
}

/// Whether a batch of drafts was already published on `board`.
pub fn any_published(conn: &Connection, board: &str) -> rusqlite::Result<bool> {
    conn.query_row("SELECT EXISTS (SELECT 1 FROM sealed_drafts WHERE board = ?1 AND published = 1)", params![board], |r| r.get(0))
}
