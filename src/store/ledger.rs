//! The hub's ledger: what it must remember across a restart and never sync.
//! - `ledger_dots`: how many hidden dots each person has given on a board (never which).
//! - `ledger_answered`: which questions of a form each person has answered (never how).
//! - `ledger_members`: who was let in, with their reconnect token, roster id and role,
//!   so a restarted hub knows each person again (the same person, the same budget).
//! - `answers`: the raw evaluation answers, each under a random id and with no person,
//!   so that no row links a person to a choice. Only aggregates leave the hub.
//!
//! Every table is keyed by its contents (`WITHOUT ROWID`), so no row number keeps the
//! order in which people voted or answered.

use rusqlite::{Connection, OptionalExtension, params};

pub const CREATE: &str = "
CREATE TABLE ledger_dots (
    board  TEXT NOT NULL,
    person TEXT NOT NULL,
    used   INTEGER NOT NULL,
    PRIMARY KEY (board, person)
) WITHOUT ROWID;
CREATE TABLE ledger_answered (
    board  TEXT NOT NULL,
    person TEXT NOT NULL,
    item   TEXT NOT NULL,
    PRIMARY KEY (board, person, item)
) WITHOUT ROWID;
CREATE TABLE ledger_members (
    token  TEXT PRIMARY KEY,
    person TEXT NOT NULL,
    role   TEXT NOT NULL,
    name   TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE answers (
    id       TEXT PRIMARY KEY,
    board    TEXT NOT NULL,
    item     TEXT NOT NULL,
    grp      TEXT NOT NULL,
    value    INTEGER NOT NULL,
    second   INTEGER,
    text     TEXT NOT NULL,
    released INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;";

/// One raw answer as the hub keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRow {
    pub id: String,
    pub item: String,
    pub group: String,
    pub value: u8,
    pub second: Option<u8>,
    pub text: String,
    pub released: bool,
}

/// How many hidden dots `person` has given on `board`.
pub fn dots_used(conn: &Connection, board: &str, person: &str) -> rusqlite::Result<u32> {
    let used = conn
        .query_row("SELECT used FROM ledger_dots WHERE board = ?1 AND person = ?2", params![board, person], |r| r.get(0))
        .optional()?;
    Ok(used.unwrap_or(0))
}

/// Counts one more dot for `person` if they have fewer than `budget`; false if not.
pub fn take_dot(conn: &Connection, board: &str, person: &str, budget: u32) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "INSERT INTO ledger_dots (board, person, used) SELECT ?1, ?2, 1 WHERE ?3 > 0
         ON CONFLICT (board, person) DO UPDATE SET used = used + 1 WHERE used < ?3",
        params![board, person, budget],
    )?;
    Ok(changed == 1)
}

/// Gives one dot back to `person` (never below none).
pub fn return_dot(conn: &Connection, board: &str, person: &str) -> rusqlite::Result<()> {
    conn.execute("UPDATE ledger_dots SET used = used - 1 WHERE board = ?1 AND person = ?2 AND used > 0", params![board, person])?;
    Ok(())
}

/// Forgets the dots of every vote but the one on `running`.
pub fn forget_dots_except(conn: &Connection, running: Option<&str>) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM ledger_dots WHERE board IS NOT ?1", params![running])?;
    Ok(())
}

/// Keeps one respondent's answers: each question marked answered by `person` (None for a
/// paper form the facilitator types in), and the answers under random ids, in one
/// transaction. False, and nothing kept, if `person` already answered one of them.
pub fn put_answers(conn: &Connection, board: &str, person: Option<&str>, rows: &[AnswerRow]) -> rusqlite::Result<bool> {
    let tx = conn.unchecked_transaction()?;
    for row in rows {
        if let Some(person) = person {
            let fresh = tx.execute(
                "INSERT OR IGNORE INTO ledger_answered (board, person, item) VALUES (?1, ?2, ?3)",
                params![board, person, row.item],
            )?;
            if fresh == 0 {
                return Ok(false);
            }
        }
        tx.execute(
            "INSERT INTO answers (id, board, item, grp, value, second, text, released) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0)",
            params![row.id, board, row.item, row.group, row.value, row.second, row.text],
        )?;
    }
    tx.commit()?;
    Ok(true)
}

/// Whether `person` has answered `item` on `board`.
pub fn has_answered(conn: &Connection, board: &str, person: &str, item: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT 1 FROM ledger_answered WHERE board = ?1 AND person = ?2 AND item = ?3",
        params![board, person, item],
        |_| Ok(()),
    )
    .optional()
    .map(|found| found.is_some())
}

/// The boards that have answers kept.
pub fn answer_boards(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT board FROM answers ORDER BY board")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}

/// Every answer kept for `board`, in the order of their random ids.
pub fn answers(conn: &Connection, board: &str) -> rusqlite::Result<Vec<AnswerRow>> {
    let mut stmt = conn.prepare("SELECT id, item, grp, value, second, text, released FROM answers WHERE board = ?1 ORDER BY id")?;
    let rows = stmt.query_map(params![board], |r| {
        Ok(AnswerRow {
            id: r.get(0)?,
            item: r.get(1)?,
            group: r.get(2)?,
            value: r.get(3)?,
            second: r.get(4)?,
            text: r.get(5)?,
            released: r.get(6)?,
        })
    })?;
    rows.collect()
}

/// Marks answers as released into the aggregates.
pub fn release(conn: &Connection, ids: &[String]) -> rusqlite::Result<()> {
    let tx = conn.unchecked_transaction()?;
    for id in ids {
        tx.execute("UPDATE answers SET released = 1 WHERE id = ?1", params![id])?;
    }
    tx.commit()
}

/// One member as kept: (token, person, role, name).
pub type MemberRow = (String, String, String, String);

/// Replaces the members kept with `members`, in one transaction.
pub fn set_members(conn: &Connection, members: &[MemberRow]) -> rusqlite::Result<()> {
    let tx = conn.unchecked_transaction()?;
    tx.execute("DELETE FROM ledger_members", [])?;
    for (token, person, role, name) in members {
        tx.execute("INSERT INTO ledger_members (token, person, role, name) VALUES (?1, ?2, ?3, ?4)", params![token, person, role, name])?;
    }
    tx.commit()
}

pub fn members(conn: &Connection) -> rusqlite::Result<Vec<MemberRow>> {
    let mut stmt = conn.prepare("SELECT token, person, role, name FROM ledger_members")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}
