//! Table-driven migrations. `PRAGMA user_version` is the number of steps applied.
//!
//! To add a table or column: write its SQL in that table's file and append one new
//! step to [`MIGRATIONS`]. Never edit or remove a step that has shipped; steps only add.

use rusqlite::Connection;

use super::{drafts, ledger, media, meta, relay, snapshots, updates, versions};

/// Step `i` brings a file from schema version `i` to `i + 1`.
pub const MIGRATIONS: &[&[&str]] = &[
    // 1: the first Paja file.
    &[
        meta::CREATE,
        updates::CREATE,
        snapshots::CREATE,
        versions::CREATE,
        media::CREATE,
    ],
    // 2: silent-writing drafts, local to this file.
    &[drafts::CREATE],
    // 3: hub-only tables, never synced: the hub's ledger (dots used, questions answered,
    // raw evaluation answers, members), the anonymous drafts it took, and updates of the
    // log set aside because they would not apply.
    &[ledger::CREATE, drafts::CREATE_TAKEN, updates::CREATE_SET_ASIDE],
    // 4: hub-only, never synced: the relay to the region's server as last set.
    &[relay::CREATE],
];

/// Applies every step the file lacks, each in its own transaction with its version bump.
pub fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let start = usize::try_from(current).unwrap_or(0);
    for (index, step) in MIGRATIONS.iter().enumerate().skip(start) {
        let tx = conn.unchecked_transaction()?;
        for sql in step.iter() {
            tx.execute_batch(sql)?;
        }
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
