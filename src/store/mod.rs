//! The `.paja` file: one SQLite database per workshop.
//!
//! The store owns the bytes on disk and knows nothing about boards: it keeps yrs
//! update blobs for two named documents ([`DocName::Content`], [`DocName::Control`])
//! in an append-only log, merges the log into one snapshot per document on
//! [`Store::compact`], keeps named versions and content-addressed media, and checks
//! itself ([`Store::check`]).
//!
//! ```no_run
//! use paja::store::{DocName, Store};
//! # fn main() -> Result<(), paja::store::StoreError> {
//! let store = Store::create(std::path::Path::new("työpaja.paja"))?;
//! let id = store.append(DocName::Content, b"an encoded yrs update")?;
//! assert_eq!(store.last_update_id()?, id);
//! let loaded = store.load()?; // apply loaded.content in order to a fresh yrs Doc
//! # let _ = loaded; Ok(()) }
//! ```
//!
//! Files on disk:
//! - WAL mode with `synchronous = NORMAL`: a commit is in the write-ahead log (in the
//!   OS's hands) before `append` returns, so it survives the process being killed at
//!   any instant. Only a power cut or OS crash can lose the last few commits: the
//!   price of not calling fsync on every edit. Peers that received those updates
//!   send them back on the next sync, so nothing another peer has seen is lost.
//! - `PRAGMA application_id` = [`APPLICATION_ID`] marks a Paja file; `PRAGMA
//!   user_version` is its schema version.
//! - [`Store::open`] reads the raw header first and refuses a foreign, truncated or
//!   newer file without letting SQLite write to it.
//!
//! To add a table: create `store/<table>.rs` with its `CREATE` SQL and read/write
//! functions taking `&Connection`; append a step to `schema::MIGRATIONS`, raise
//! [`SCHEMA_VERSION`] to match, and call the table's functions from [`Store`].

mod drafts;
mod error;
mod header;
mod ledger;
mod media;
mod meta;
mod relay;
mod schema;
mod snapshots;
mod updates;
mod versions;

use std::fs::File;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use error::StoreError;
pub use ledger::{AnswerRow, MemberRow};
pub use media::{MAX_ALLOC, MAX_SIDE, decode_image_limited};
pub use relay::RelayRow;

/// The schema version this Paja writes and the newest it reads.
pub const SCHEMA_VERSION: i64 = 4;
/// `PRAGMA application_id` of every `.paja` file: "PAJA" in ASCII.
pub const APPLICATION_ID: i64 = 0x5041_4a41;
/// Default largest media blob: 10 MiB.
pub const DEFAULT_MEDIA_LIMIT: usize = 10 * 1024 * 1024;

const _: () = assert!(
    schema::MIGRATIONS.len() as i64 == SCHEMA_VERSION,
    "SCHEMA_VERSION must equal the number of migration steps"
);

/// The two documents of a workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocName {
    /// Boards, items, comments: what everyone edits.
    Content,
    /// Facilitator-only session state.
    Control,
}

impl DocName {
    pub const ALL: [DocName; 2] = [DocName::Content, DocName::Control];

    /// The value stored in the `doc` column.
    pub fn as_str(self) -> &'static str {
        match self {
            DocName::Content => "content",
            DocName::Control => "control",
        }
    }
}

/// Everything needed to rebuild both documents: for each, the snapshot (if any)
/// first, then the logged updates in order. Apply them all to a fresh `Doc`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    pub content: Vec<Vec<u8>>,
    pub control: Vec<Vec<u8>>,
}

/// Logged updates with their ids, oldest first.
pub type LogRows = Vec<(i64, Vec<u8>)>;

/// A named version as listed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct VersionInfo {
    pub name: String,
    /// RFC 3339, UTC, seconds: `2025-03-01T09:30:00Z`.
    pub created_at: String,
}

/// Result of [`Store::check`]: empty `problems` means the file is sound. `notes` are
/// facts worth saying that do not make it unsound (updates set aside).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    pub problems: Vec<String>,
    pub notes: Vec<String>,
}

impl CheckReport {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// An open `.paja` file.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    media_limit: usize,
}

impl Store {
    /// Makes a new `.paja` file; refuses if anything already exists at `path`.
    pub fn create(path: &Path) -> Result<Store, StoreError> {
        claim(path)?;
        let store = Store::initialise(path);
        if store.is_err() {
            remove_leftovers(path, [true, true]);
            let _ = std::fs::remove_file(path);
        }
        store
    }

    /// Schema and header are written in rollback mode, so the main file carries
    /// the application id and version before any write-ahead log exists.
    fn initialise(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|e| StoreError::sqlite(path, &e))?;
        let setup = || -> rusqlite::Result<()> {
            conn.pragma_update(None, "auto_vacuum", "INCREMENTAL")?;
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
            schema::migrate(&conn)?;
            meta::init(&conn)
        };
        setup().map_err(|e| StoreError::sqlite(path, &e))?;
        Store::ready(conn, path)
    }

    /// Opens an existing `.paja` file. A foreign, damaged or newer file is refused
    /// with one sentence and left byte-identical.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        header::inspect(path)?;
        validate(path)?;
        let conn = Connection::open_with_flags(path, rw_flags())
            .map_err(|e| StoreError::sqlite(path, &e))?;
        schema::migrate(&conn).map_err(|e| StoreError::sqlite(path, &e))?;
        Store::ready(conn, path)
    }

    fn ready(conn: Connection, path: &Path) -> Result<Store, StoreError> {
        let setup = || -> rusqlite::Result<()> {
            conn.busy_timeout(std::time::Duration::from_secs(5))?;
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            // Deleted rows (published drafts) are overwritten, not just unlinked.
            conn.pragma_update(None, "secure_delete", "ON")
        };
        setup().map_err(|e| StoreError::sqlite(path, &e))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            media_limit: DEFAULT_MEDIA_LIMIT,
        })
    }

    /// Writes a complete copy of this file (log, versions, media, drafts) to `path`, all
    /// or nothing: the name is claimed first, so nothing there is ever overwritten, and
    /// the copy is written beside it and renamed into place only once it is whole.
    pub fn copy_to(&self, path: &Path) -> Result<(), StoreError> {
        claim(path)?;
        let temp = header::sidecar(path, ".partial");
        let _ = std::fs::remove_file(&temp);
        let copied = self
            .conn
            .execute("VACUUM INTO ?1", [temp.to_string_lossy()])
            .map_err(|e| StoreError::sqlite(path, &e))
            .and_then(|_| std::fs::rename(&temp, path).map_err(|e| StoreError::io(path, &e)));
        if copied.is_err() {
            let _ = std::fs::remove_file(&temp);
            let _ = std::fs::remove_file(path);
        }
        copied
    }

    /// Both documents' snapshot and log, read in one consistent transaction.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        let tx = self.conn.unchecked_transaction().map_err(|e| self.sql(e))?;
        let read = |doc| -> rusqlite::Result<Vec<Vec<u8>>> {
            let mut blobs: Vec<Vec<u8>> = snapshots::get(&tx, doc)?.into_iter().collect();
            blobs.extend(updates::for_doc(&tx, doc)?);
            Ok(blobs)
        };
        let content = read(DocName::Content).map_err(|e| self.sql(e))?;
        let control = read(DocName::Control).map_err(|e| self.sql(e))?;
        Ok(Loaded { content, control })
    }

    /// One document's snapshot (if any) and its logged updates with their ids.
    pub fn load_rows(&self, doc: DocName) -> Result<(Option<Vec<u8>>, LogRows), StoreError> {
        let tx = self.conn.unchecked_transaction().map_err(|e| self.sql(e))?;
        let snapshot = snapshots::get(&tx, doc).map_err(|e| self.sql(e))?;
        let rows = updates::rows_for_doc(&tx, doc).map_err(|e| self.sql(e))?;
        Ok((snapshot, rows))
    }

    /// Moves logged updates that do not apply out of the log, kept whole with the reason,
    /// in one transaction.
    pub fn set_aside(&self, bad: &[(i64, String)]) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction().map_err(|e| self.sql(e))?;
        for (id, reason) in bad {
            updates::set_aside(&tx, *id, reason).map_err(|e| self.sql(e))?;
        }
        tx.commit().map_err(|e| self.sql(e))
    }

    /// How many updates were set aside.
    pub fn set_aside_count(&self) -> Result<u32, StoreError> {
        let count = updates::set_aside_count(&self.conn).map_err(|e| self.sql(e))?;
        Ok(u32::try_from(count).unwrap_or(u32::MAX))
    }

    /// One sentence about the updates set aside, if any were.
    pub fn set_aside_note(&self) -> Result<Option<String>, StoreError> {
        let count = updates::set_aside_count(&self.conn).map_err(|e| self.sql(e))?;
        Ok((count > 0).then(|| set_aside_sentence(count)))
    }

    /// Appends one update to the log and returns its id. When this returns the
    /// update survives a crash of this process; only then may it be broadcast.
    pub fn append(&self, doc: DocName, update: &[u8]) -> Result<i64, StoreError> {
        updates::insert(&self.conn, doc, update).map_err(|e| self.sql(e))
    }

    /// Appends several updates in one transaction: all of them survive a crash of this
    /// process once this returns, or none is logged.
    pub fn append_all<'a>(&self, batch: impl IntoIterator<Item = (DocName, &'a [u8])>) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction().map_err(|e| self.sql(e))?;
        for (doc, update) in batch {
            updates::insert(&tx, doc, update).map_err(|e| self.sql(e))?;
        }
        tx.commit().map_err(|e| self.sql(e))
    }

    /// The largest update id ever given out in this file (0 if none).
    pub fn last_update_id(&self) -> Result<i64, StoreError> {
        updates::last_id(&self.conn).map_err(|e| self.sql(e))
    }

    /// Number of update rows currently in the log (both documents).
    pub fn log_len(&self) -> Result<i64, StoreError> {
        updates::count(&self.conn).map_err(|e| self.sql(e))
    }

    /// Replaces `doc`'s snapshot with `merged_state` (which must include every update
    /// of `doc` up to `upto_id`) and drops those log rows, in one transaction; then
    /// gives the freed space back to the file system.
    pub fn compact(
        &self,
        doc: DocName,
        merged_state: &[u8],
        upto_id: i64,
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction().map_err(|e| self.sql(e))?;
        let last = updates::last_id(&tx).map_err(|e| self.sql(e))?;
        if !(0..=last).contains(&upto_id) {
            return Err(StoreError::BadCompaction {
                path: self.path.clone(),
                upto: upto_id,
                last,
            });
        }
        snapshots::put(&tx, doc, merged_state, upto_id).map_err(|e| self.sql(e))?;
        updates::delete_upto(&tx, doc, upto_id).map_err(|e| self.sql(e))?;
        tx.commit().map_err(|e| self.sql(e))?;
        self.shrink()
    }

    /// Moves free pages to the end, then checkpoints the log into the main file,
    /// truncating both.
    fn shrink(&self) -> Result<(), StoreError> {
        let run = || -> rusqlite::Result<()> {
            // incremental_vacuum frees one page per row stepped, so step to the end.
            let mut stmt = self.conn.prepare("PRAGMA incremental_vacuum")?;
            let mut rows = stmt.query([])?;
            while rows.next()?.is_some() {}
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        };
        run().map_err(|e| self.sql(e))
    }

    // ---- silent-writing drafts (never synced) ----

    pub fn put_draft(&self, id: &str, board: &str, text: &str) -> Result<(), StoreError> {
        drafts::insert(&self.conn, id, board, text).map_err(|e| self.sql(e))?;
        Ok(())
    }

    /// Changes a draft's text; false if there is no such draft. The old text is wiped.
    pub fn edit_draft(&self, id: &str, text: &str) -> Result<bool, StoreError> {
        let changed = drafts::update(&self.conn, id, text).map_err(|e| self.sql(e))?;
        self.wipe_log()?;
        Ok(changed)
    }

    /// Deletes drafts so that neither the file nor its write-ahead log keeps their text.
    pub fn forget_drafts(&self, ids: &[String]) -> Result<usize, StoreError> {
        let gone = drafts::delete(&self.conn, ids).map_err(|e| self.sql(e))?;
        self.wipe_log()?;
        Ok(gone)
    }

    /// Every draft as (id, board, text), oldest first.
    pub fn drafts(&self) -> Result<Vec<drafts::Row>, StoreError> {
        drafts::list(&self.conn).map_err(|e| self.sql(e))
    }

    // ---- the hub's ledger (never synced): see `ledger` ----

    pub fn dots_used(&self, board: &str, person: &str) -> Result<u32, StoreError> {
        ledger::dots_used(&self.conn, board, person).map_err(|e| self.sql(e))
    }

    /// Counts one more hidden dot for `person` if they have fewer than `budget`.
    pub fn take_dot(&self, board: &str, person: &str, budget: u32, id: Option<&str>) -> Result<bool, StoreError> {
        let taken = ledger::take_dot(&self.conn, board, person, budget, id).map_err(|e| self.sql(e))?;
        self.wipe_log()?;
        Ok(taken)
    }

    pub fn return_dot(&self, board: &str, person: &str, id: Option<&str>) -> Result<(), StoreError> {
        ledger::return_dot(&self.conn, board, person, id).map_err(|e| self.sql(e))?;
        self.wipe_log()
    }

    /// Forgets the dots counted for every vote but the one on `running`.
    pub fn forget_dots_except(&self, running: Option<&str>) -> Result<(), StoreError> {
        if ledger::forget_dots_except(&self.conn, running).map_err(|e| self.sql(e))? > 0 {
            self.wipe_log()?;
        }
        Ok(())
    }

    /// Keeps one respondent's answers; false if `person` already answered one of them.
    /// The file and its log keep no trace of the order in which answers came.
    pub fn put_answers(&self, board: &str, person: Option<&str>, rows: &[AnswerRow], id: Option<&str>) -> Result<bool, StoreError> {
        let kept = ledger::put_answers(&self.conn, board, person, rows, id).map_err(|e| self.sql(e))?;
        self.wipe_log()?;
        Ok(kept)
    }

    pub fn mark_sealed(&self, id: &str) -> Result<(), StoreError> {
        ledger::mark_sealed(&self.conn, id).map_err(|e| self.sql(e))
    }

    /// Whether the hub has taken in the sealed item `id` (a hidden dot or an answer).
    pub fn sealed_taken(&self, id: &str) -> Result<bool, StoreError> {
        ledger::taken(&self.conn, id).map_err(|e| self.sql(e))
    }

    pub fn has_answered(&self, board: &str, person: &str, item: &str) -> Result<bool, StoreError> {
        ledger::has_answered(&self.conn, board, person, item).map_err(|e| self.sql(e))
    }

    pub fn answer_boards(&self) -> Result<Vec<String>, StoreError> {
        ledger::answer_boards(&self.conn).map_err(|e| self.sql(e))
    }

    pub fn answers(&self, board: &str) -> Result<Vec<AnswerRow>, StoreError> {
        ledger::answers(&self.conn, board).map_err(|e| self.sql(e))
    }

    /// Replaces the members kept (token, person, role, name) with `members`.
    pub fn set_members(&self, members: &[MemberRow]) -> Result<(), StoreError> {
        ledger::set_members(&self.conn, members).map_err(|e| self.sql(e))
    }

    pub fn members(&self) -> Result<Vec<MemberRow>, StoreError> {
        ledger::members(&self.conn).map_err(|e| self.sql(e))
    }

    pub fn release_answers(&self, board: &str, ids: &[String]) -> Result<(), StoreError> {
        ledger::release(&self.conn, board, ids).map_err(|e| self.sql(e))
    }

    // ---- the relay to the region's server (hub only, never synced) ----

    /// The relay as the facilitator last set it, if ever.
    pub fn relay(&self) -> Result<Option<RelayRow>, StoreError> {
        relay::get(&self.conn).map_err(|e| self.sql(e))
    }

    /// Keeps the relay's settings (None forgets them); an old token is wiped from the log too.
    pub fn set_relay(&self, row: Option<&RelayRow>) -> Result<(), StoreError> {
        relay::put(&self.conn, row).map_err(|e| self.sql(e))?;
        self.wipe_log()
    }

    // ---- anonymous drafts the hub has taken (hub only, never synced) ----

    /// Takes a draft unless its id is known; true if it is new.
    pub fn take_sealed_draft(&self, draft: &str, card: &str, board: &str, item: &str) -> Result<bool, StoreError> {
        drafts::take(&self.conn, draft, card, board, item).map_err(|e| self.sql(e))
    }

    /// The taken drafts not yet published: (draft, card, board, item JSON).
    pub fn waiting_sealed_drafts(&self) -> Result<Vec<drafts::Taken>, StoreError> {
        drafts::waiting(&self.conn).map_err(|e| self.sql(e))
    }

    /// Marks taken drafts published; their text is wiped from the table and its log.
    pub fn published_sealed_drafts(&self, drafts: &[String]) -> Result<(), StoreError> {
        drafts::mark_published(&self.conn, drafts).map_err(|e| self.sql(e))?;
        self.wipe_log()
    }

    /// Whether a batch of taken drafts was already published on `board`.
    pub fn sealed_batch_published(&self, board: &str) -> Result<bool, StoreError> {
        drafts::any_published(&self.conn, board).map_err(|e| self.sql(e))
    }

    /// Copies the write-ahead log into the file and empties it, so that pages holding
    /// text now overwritten or deleted are gone from the log too.
    fn wipe_log(&self) -> Result<(), StoreError> {
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).map_err(|e| self.sql(e))
    }

    /// Saves a named version of both documents; refuses a name already used.
    pub fn create_version(
        &self,
        name: &str,
        content_state: &[u8],
        control_state: &[u8],
    ) -> Result<(), StoreError> {
        if name.trim().is_empty() {
            return Err(StoreError::EmptyVersionName);
        }
        let added = versions::insert(&self.conn, name, content_state, control_state)
            .map_err(|e| self.sql(e))?;
        match added {
            true => Ok(()),
            false => Err(StoreError::VersionExists {
                path: self.path.clone(),
                name: name.into(),
            }),
        }
    }

    /// Named versions, oldest first.
    pub fn list_versions(&self) -> Result<Vec<VersionInfo>, StoreError> {
        versions::list(&self.conn).map_err(|e| self.sql(e))
    }

    /// `(content_state, control_state)` saved under `name`.
    pub fn version_state(&self, name: &str) -> Result<(Vec<u8>, Vec<u8>), StoreError> {
        versions::state(&self.conn, name)
            .map_err(|e| self.sql(e))?
            .ok_or_else(|| StoreError::NoVersion {
                path: self.path.clone(),
                name: name.into(),
            })
    }

    /// Stores a blob under its SHA-256 (hex) and returns that; the same bytes are kept
    /// once. Refuses blobs over the media limit; `image/*` must decode within limits.
    pub fn put_media(&self, bytes: &[u8], mime: &str) -> Result<String, StoreError> {
        if bytes.len() > self.media_limit {
            return Err(StoreError::TooLarge {
                size: bytes.len(),
                limit: self.media_limit,
            });
        }
        if mime.trim().to_ascii_lowercase().starts_with("image/") {
            media::decode_image_limited(bytes)?;
        }
        let hash = media::hash(bytes);
        media::insert(&self.conn, &hash, mime, bytes).map_err(|e| self.sql(e))?;
        Ok(hash)
    }

    /// The bytes stored under `hash`.
    pub fn media(&self, hash: &str) -> Result<Vec<u8>, StoreError> {
        media::get(&self.conn, hash)
            .map_err(|e| self.sql(e))?
            .ok_or_else(|| StoreError::NoMedia {
                path: self.path.clone(),
                hash: hash.into(),
            })
    }

    /// Number of media blobs stored.
    pub fn media_count(&self) -> Result<i64, StoreError> {
        media::count(&self.conn).map_err(|e| self.sql(e))
    }

    /// Sets the largest blob [`Store::put_media`] accepts (default 10 MiB).
    pub fn set_media_limit(&mut self, bytes: usize) {
        self.media_limit = bytes;
    }

    /// When the file was made (RFC 3339 UTC), if recorded.
    pub fn created_at(&self) -> Result<Option<String>, StoreError> {
        meta::get(&self.conn, "created_at").map_err(|e| self.sql(e))
    }

    /// SQLite's integrity check plus Paja's own invariants.
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        let problems = check_all(&self.conn).map_err(|e| self.sql(e))?;
        let notes = self.set_aside_note()?.into_iter().collect();
        Ok(CheckReport { problems, notes })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sql(&self, err: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, &err)
    }
}

fn set_aside_sentence(count: i64) -> String {
    match count {
        1 => "One change in this file would not apply, so it was set aside: it is kept in the file but not shown.".into(),
        n => format!("{n} changes in this file would not apply, so they were set aside: they are kept in the file but not shown."),
    }
}

/// Makes an empty file at `path`; refuses if anything is there already.
fn claim(path: &Path) -> Result<(), StoreError> {
    File::options()
        .write(true)
        .create_new(true)
        .open(path)
        .map(drop)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => StoreError::Exists {
                path: path.to_path_buf(),
            },
            _ => StoreError::io(path, &e),
        })
}

fn check_all(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut problems: Vec<String> = integrity(conn, "integrity_check")?;
    let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app != APPLICATION_ID {
        problems.push(format!(
            "application id is {app}, not Paja's {APPLICATION_ID}"
        ));
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version != SCHEMA_VERSION {
        problems.push(format!(
            "schema version is {version}, expected {SCHEMA_VERSION}"
        ));
    }
    problems.extend(updates::problems(conn)?);
    problems.extend(snapshots::problems(conn)?);
    problems.extend(media::problems(conn)?);
    Ok(problems)
}

/// Rows of `PRAGMA integrity_check` / `quick_check` other than the single "ok".
fn integrity(conn: &Connection, pragma: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let rows: Vec<String> = rows.collect::<rusqlite::Result<_>>()?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

fn rw_flags() -> OpenFlags {
    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
}

/// Looks inside with a read-only connection before anything may write: quick_check,
/// and the id and version as SQLite sees them (a log may hold a newer header).
/// Side files this connection creates are removed again when the file is refused.
fn validate(path: &Path) -> Result<(), StoreError> {
    let had = ["-wal", "-shm"].map(|s| header::sidecar(path, s).exists());
    let result = validate_read_only(path);
    if result.is_err() {
        remove_leftovers(path, had.map(|h| !h));
    }
    result
}

fn validate_read_only(path: &Path) -> Result<(), StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| damaged(path, &e))?;
    let problems = integrity(&conn, "quick_check").map_err(|e| damaged(path, &e))?;
    if let Some(first) = problems.first() {
        return Err(StoreError::damaged(path, first));
    }
    let read = |name| conn.pragma_query_value(None, name, |r| r.get::<_, i64>(0));
    let app = read("application_id").map_err(|e| damaged(path, &e))?;
    let version = read("user_version").map_err(|e| damaged(path, &e))?;
    if app != APPLICATION_ID {
        return Err(StoreError::NotPaja {
            path: path.to_path_buf(),
        });
    }
    if version > SCHEMA_VERSION {
        let (found, supported) = (version, SCHEMA_VERSION);
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            supported,
        });
    }
    Ok(())
}

fn damaged(path: &Path, err: &rusqlite::Error) -> StoreError {
    StoreError::damaged(path, &err.to_string())
}

/// Removes `-wal` / `-shm` where `which` says so (in that order).
fn remove_leftovers(path: &Path, which: [bool; 2]) {
    for (suffix, remove) in ["-wal", "-shm"].into_iter().zip(which) {
        if remove {
            let _ = std::fs::remove_file(header::sidecar(path, suffix));
        }
    }
}
