//! The hub's ledger: what it must remember across a restart and never sync.
//! - `ledger`, one body per board and kind: `dots`, how many hidden dots each person
//!   has given (never which), and `answered`, which questions each person has answered
//!   (never how).
//! - `ledger_members`: who was let in, with their reconnect token, roster id and role,
//!   so a restarted hub knows each person again (the same person, the same budget).
//! - `answers`: one body per form holding its raw evaluation answers, each under a
//!   random id and with no person. Only aggregates leave the hub.
//! - `sealed_taken`: the random ids of the hidden dots and answers the hub has taken in,
//!   marked in the same transaction that counts them, so one sent again (after a cut
//!   link or a SIGKILL) is taken once. An id names no person and no choice.
//!
//! Each body is written whole, in key order (people by id, answers by their random
//! id), and the write-ahead log is emptied after each change, with `secure_delete` on:
//! neither row numbers, nor the order of cells in a page, nor older versions in the
//! log keep the order in which people voted or answered, so nothing in the file links
//! a person to a dot or an answer.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub const CREATE: &str = "
CREATE TABLE ledger (
    board TEXT NOT NULL,
    kind  TEXT NOT NULL,
    body  TEXT NOT NULL,
    PRIMARY KEY (board, kind)
) WITHOUT ROWID;
CREATE TABLE ledger_members (
    token  TEXT PRIMARY KEY,
    person TEXT NOT NULL,
    role   TEXT NOT NULL,
    name   TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE answers (
    board TEXT PRIMARY KEY,
    body  TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sealed_taken (
    id TEXT PRIMARY KEY
) WITHOUT ROWID;";

/// One raw answer as the hub keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRow {
    pub id: String,
    pub item: String,
    pub group: String,
    pub value: u8,
    pub second: Option<u8>,
    pub text: String,
    pub released: bool,
}

/// One member as kept: (token, person, role, name).
pub type MemberRow = (String, String, String, String);

type Dots = BTreeMap<String, u32>;
type Answered = BTreeSet<(String, String)>;

fn invalid(e: serde_json::Error) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(Box::new(e))
}

fn read<T: for<'de> Deserialize<'de> + Default>(conn: &Connection, board: &str, kind: &str) -> rusqlite::Result<T> {
    let body: Option<String> = conn
        .query_row("SELECT body FROM ledger WHERE board = ?1 AND kind = ?2", params![board, kind], |r| r.get(0))
        .optional()?;
    body.map_or(Ok(T::default()), |b| serde_json::from_str(&b).map_err(invalid))
}

fn write<T: Serialize>(conn: &Connection, board: &str, kind: &str, body: &T) -> rusqlite::Result<()> {
    let body = serde_json::to_string(body).map_err(invalid)?;
    conn.execute("INSERT OR REPLACE INTO ledger (board, kind, body) VALUES (?1, ?2, ?3)", params![board, kind, body])?;
    Ok(())
}

/// How many hidden dots `person` has given on `board`.
pub fn dots_used(conn: &Connection, board: &str, person: &str) -> rusqlite::Result<u32> {
    let dots: Dots = read(conn, board, "dots")?;
    Ok(dots.get(person).copied().unwrap_or(0))
}

/// Counts one more dot for `person` if they have fewer than `budget`; false if not.
pub fn take_dot(conn: &Connection, board: &str, person: &str, budget: u32, id: Option<&str>) -> rusqlite::Result<bool> {
    let tx = conn.unchecked_transaction()?;
    mark_taken(&tx, id)?;
    let mut dots: Dots = read(&tx, board, "dots")?;
    let used = dots.entry(person.to_string()).or_default();
    if *used >= budget {
        return Ok(false);
    }
    *used += 1;
    write(&tx, board, "dots", &dots)?;
    tx.commit()?;
    Ok(true)
}

/// Gives one dot back to `person` (never below none).
pub fn return_dot(conn: &Connection, board: &str, person: &str, id: Option<&str>) -> rusqlite::Result<()> {
    let tx = conn.unchecked_transaction()?;
    mark_taken(&tx, id)?;
    let mut dots: Dots = read(&tx, board, "dots")?;
    if let Some(used) = dots.get_mut(person) {
        *used = used.saturating_sub(1);
    }
    write(&tx, board, "dots", &dots)?;
    tx.commit()
}

/// Marks a sealed item's id taken, in the caller's transaction; one taken already is an
/// error, which undoes the transaction, so an item sent twice at once is counted once.
fn mark_taken(tx: &Connection, id: Option<&str>) -> rusqlite::Result<()> {
    if let Some(id) = id {
        tx.execute("INSERT INTO sealed_taken (id) VALUES (?1)", params![id])?;
    }
    Ok(())
}

/// Marks a sealed item's id taken on its own (an anonymous card, which no budget counts).
pub fn mark_sealed(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    mark_taken(conn, Some(id))
}

/// Whether the hub has taken in the sealed item `id`.
pub fn taken(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.query_row("SELECT 1 FROM sealed_taken WHERE id = ?1", params![id], |_| Ok(())).optional().map(|r| r.is_some())
}

/// Forgets the dots of every vote but the one on `running`.
pub fn forget_dots_except(conn: &Connection, running: Option<&str>) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM ledger WHERE kind = 'dots' AND board IS NOT ?1", params![running])
}

/// Keeps one respondent's answers: each question marked answered by `person` (None for a
/// paper form the facilitator types in), and the answers, in one transaction. False,
/// and nothing kept, if `person` already answered one of them.
pub fn put_answers(conn: &Connection, board: &str, person: Option<&str>, rows: &[AnswerRow], id: Option<&str>) -> rusqlite::Result<bool> {
    let tx = conn.unchecked_transaction()?;
    mark_taken(&tx, id)?;
    if let Some(person) = person {
        let mut answered: Answered = read(&tx, board, "answered")?;
        for row in rows {
            if !answered.insert((person.to_string(), row.item.clone())) {
                return Ok(false);
            }
        }
        write(&tx, board, "answered", &answered)?;
    }
    let mut kept = answers(&tx, board)?;
    kept.extend(rows.iter().cloned());
    write_answers(&tx, board, kept)?;
    tx.commit()?;
    Ok(true)
}

fn write_answers(conn: &Connection, board: &str, mut rows: Vec<AnswerRow>) -> rusqlite::Result<()> {
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    let body = serde_json::to_string(&rows).map_err(invalid)?;
    conn.execute("INSERT OR REPLACE INTO answers (board, body) VALUES (?1, ?2)", params![board, body])?;
    Ok(())
}

/// Whether `person` has answered `item` on `board`.
pub fn has_answered(conn: &Connection, board: &str, person: &str, item: &str) -> rusqlite::Result<bool> {
    let answered: Answered = read(conn, board, "answered")?;
    Ok(answered.contains(&(person.to_string(), item.to_string())))
}

/// The boards that have answers kept.
pub fn answer_boards(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT board FROM answers ORDER BY board")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}

/// Every answer kept for `board`, in the order of their random ids.
pub fn answers(conn: &Connection, board: &str) -> rusqlite::Result<Vec<AnswerRow>> {
    let body: Option<String> = conn.query_row("SELECT body FROM answers WHERE board = ?1", params![board], |r| r.get(0)).optional()?;
    body.map_or(Ok(Vec::new()), |b| serde_json::from_str(&b).map_err(invalid))
}

/// Marks answers of `board` as released into the aggregates.
pub fn release(conn: &Connection, board: &str, ids: &[String]) -> rusqlite::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let tx = conn.unchecked_transaction()?;
    let mut kept = answers(&tx, board)?;
    for row in kept.iter_mut().filter(|r| ids.contains(&r.id)) {
        row.released = true;
    }
    write_answers(&tx, board, kept)?;
    tx.commit()
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn ledger() -> Connection {
        let conn = Connection::open_in_memory().expect("an in-memory database");
        conn.execute_batch(CREATE).expect("the ledger's tables");
        conn
    }

    fn answer(id: &str, item: &str) -> AnswerRow {
        AnswerRow { id: id.into(), item: item.into(), group: "client".into(), value: 3, second: None, text: String::new(), released: false }
    }

    #[test]
    fn a_person_gets_their_budget_of_dots_and_a_dot_given_back_can_be_given_again() {
        let conn = ledger();
        assert!(take_dot(&conn, "b", "p", 2, None).unwrap() && take_dot(&conn, "b", "p", 2, None).unwrap());
        assert!(!take_dot(&conn, "b", "p", 2, None).unwrap(), "the third dot is over the budget");
        return_dot(&conn, "b", "p", None).unwrap();
        assert_eq!(dots_used(&conn, "b", "p").unwrap(), 1);
        assert!(take_dot(&conn, "b", "p", 2, None).unwrap(), "the dot given back can be given again");
        forget_dots_except(&conn, Some("other")).unwrap();
        assert_eq!(dots_used(&conn, "b", "p").unwrap(), 0, "a finished vote is forgotten");
    }

    #[test]
    fn a_person_answers_a_question_once_and_the_answers_keep_no_arrival_order() {
        let conn = ledger();
        assert!(put_answers(&conn, "f", Some("p"), &[answer("c", "q1")], None).unwrap());
        assert!(!put_answers(&conn, "f", Some("p"), &[answer("d", "q2"), answer("e", "q1")], None).unwrap(), "q1 again is refused");
        assert!(!has_answered(&conn, "f", "p", "q2").unwrap(), "and nothing of the refused form is kept");
        assert!(put_answers(&conn, "f", None, &[answer("a", "q1")], None).unwrap(), "a paper form names nobody");
        let ids: Vec<String> = answers(&conn, "f").unwrap().into_iter().map(|a| a.id).collect();
        assert_eq!(ids, ["a", "c"], "kept by their random ids, not as they came");
        release(&conn, "f", &["c".to_string()]).unwrap();
        assert!(answers(&conn, "f").unwrap().iter().all(|a| a.released == (a.id == "c")));
    }
}
