//! `relay`: the hub's link to its region's server, as the facilitator last set it: the
//! server's address, the token, the workshop's name there, and whether it is on. One
//! row at most. Hub-only and never synced: the token never enters a document, and a
//! changed token is overwritten in place (`secure_delete`) and the log emptied after.

use rusqlite::{Connection, OptionalExtension, params};

pub const CREATE: &str = "CREATE TABLE relay (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    url      TEXT NOT NULL,
    token    TEXT NOT NULL,
    workshop TEXT NOT NULL,
    active   INTEGER NOT NULL
);";

/// The relay as the facilitator last set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayRow {
    pub url: String,
    pub token: String,
    pub workshop: String,
    /// Whether the relay runs while this workshop is shared.
    pub on: bool,
}

pub fn get(conn: &Connection) -> rusqlite::Result<Option<RelayRow>> {
    conn.query_row("SELECT url, token, workshop, active FROM relay WHERE id = 1", [], |r| {
        Ok(RelayRow { url: r.get(0)?, token: r.get(1)?, workshop: r.get(2)?, on: r.get(3)? })
    })
    .optional()
}

/// Keeps `row` in place of whatever was kept; None forgets it.
pub fn put(conn: &Connection, row: Option<&RelayRow>) -> rusqlite::Result<()> {
    match row {
        Some(row) => conn.execute(
            "INSERT OR REPLACE INTO relay (id, url, token, workshop, active) VALUES (1, ?1, ?2, ?3, ?4)",
            params![row.url, row.token, row.workshop, row.on],
        ),
        None => conn.execute("DELETE FROM relay", []),
    }
    .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_relay_kept_is_the_one_last_set_and_forgetting_it_leaves_none() {
        let conn = Connection::open_in_memory().expect("an in-memory database");
        conn.execute_batch(CREATE).expect("the relay table");
        assert_eq!(get(&conn).unwrap(), None, "a new file has no relay");
        let first = RelayRow { url: "wss://alue.example:8443".into(), token: "t1".into(), workshop: "ryhma-1".into(), on: true };
        put(&conn, Some(&first)).unwrap();
        let second = RelayRow { token: "t2".into(), on: false, ..first };
        put(&conn, Some(&second)).unwrap();
        assert_eq!(get(&conn).unwrap(), Some(second), "one row: the last one set");
        put(&conn, None).unwrap();
        assert_eq!(get(&conn).unwrap(), None);
    }
}
