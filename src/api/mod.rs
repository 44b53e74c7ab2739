//! One function per user operation on a workshop file. The desktop shell, the CLI, the
//! browser RPC and the tests all call this API; none of them touches yrs or SQLite.
//!
//! Every change is written to the file's update log before it is returned, so a crash
//! loses nothing a caller has seen. To add an operation, add a method here (or in a
//! file per domain beside this one) that runs one model change through [`WorkshopFile::change`].

mod commands;
pub mod drafts;
mod export;
mod facilitation;
mod file_names;
mod info;
pub mod person;
mod relay;
mod rounds;
pub mod local;
pub mod media;
pub mod recent;
pub mod rules;
mod set_aside;
pub mod start;
mod synthesis;
mod traces;
pub mod voting;

pub use commands::{Command, Item, ItemType, Outcome, Patch, apply as apply_command};
pub use drafts::Draft;
pub use local::LocalView;
pub use export::{ExportFormat, ExportRequest, ExportSnapshot, default_export_path};
pub use info::Info;
pub use relay::RelayRow;
pub use person::SealedItem;
pub use rules::Role;

use crate::model::diff::{self, VersionDiff};
use crate::model::{DocName, ModelError, ViewChange, Workshop, WorkshopView};
use crate::store::{self, CheckReport, Store, VersionInfo};
use crate::Error;
use std::path::Path;

/// An open `.paja` file and the workshop in it.
pub struct WorkshopFile {
    store: Store,
    workshop: Workshop,
    /// While [`WorkshopFile::execute_updates`] runs, the updates it logged.
    collected: Option<Vec<(DocName, Vec<u8>)>>,
}

fn store_doc(name: DocName) -> store::DocName {
    match name {
        DocName::Content => store::DocName::Content,
        DocName::Control => store::DocName::Control,
    }
}

impl WorkshopFile {
    /// Writes `workshop` into a new file; refuses to overwrite anything.
    pub fn create(path: &Path, mut workshop: Workshop) -> Result<WorkshopFile, Error> {
        let store = Store::create(path)?;
        workshop.take_pending();
        workshop.forget_history();
        for name in [DocName::Content, DocName::Control] {
            store.append(store_doc(name), &workshop.encode_state(name))?;
        }
        workshop.record_changes();
        Ok(WorkshopFile { store, workshop, collected: None })
    }

    /// Opens a file; a damaged, foreign or newer one is refused and left untouched. A
    /// logged update that does not apply is set aside, kept whole in the file, and the
    /// file opens without it ([`WorkshopFile::set_aside_note`] says so).
    pub fn open(path: &Path) -> Result<WorkshopFile, Error> {
        let store = Store::open(path)?;
        let loaded = store.load()?;
        let mut workshop = match Workshop::from_updates(&loaded.content, &loaded.control) {
            Ok(workshop) if !workshop.has_missing_updates() => workshop,
            _ => set_aside::rebuild(&store)?,
        };
        workshop.record_changes();
        Ok(WorkshopFile { store, workshop, collected: None })
    }

    /// How many updates of this file were set aside because they would not apply.
    pub fn set_aside_count(&self) -> Result<u32, Error> {
        Ok(self.store.set_aside_count()?)
    }

    /// One sentence about updates of this file set aside because they would not apply.
    pub fn set_aside_note(&self) -> Result<Option<String>, Error> {
        Ok(self.store.set_aside_note()?)
    }

    /// Copies the whole workshop (history, versions, pictures) into a new file at `path`
    /// and goes on working there; refuses a path where anything exists already.
    pub fn save_as(&mut self, path: &Path) -> Result<(), Error> {
        self.flush()?;
        self.store.copy_to(path)?;
        self.store = Store::open(path)?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    pub fn workshop(&self) -> &Workshop {
        &self.workshop
    }

    pub fn view(&self) -> WorkshopView {
        self.workshop.view()
    }

    /// What changed in the projection since the last call (every change counts, this
    /// replica's and others'); None when nothing did.
    pub fn take_change(&mut self) -> Option<ViewChange> {
        self.workshop.take_change()
    }

    /// Forgets what changed, without projecting it.
    pub fn forget_changes(&mut self) {
        self.workshop.take_touched();
    }

    /// Runs one change on the workshop and logs its updates before returning.
    pub fn change<R>(&mut self, edit: impl FnOnce(&mut Workshop) -> Result<R, ModelError>) -> Result<R, Error> {
        let result = edit(&mut self.workshop);
        self.flush()?;
        Ok(result?)
    }

    /// Like [`WorkshopFile::change`], and also returns the updates it logged, oldest
    /// first, so that sync can send exactly them to the other replicas.
    pub fn change_updates<R>(
        &mut self,
        edit: impl FnOnce(&mut Workshop) -> Result<R, ModelError>,
    ) -> Result<(R, Vec<(DocName, Vec<u8>)>), Error> {
        let result = edit(&mut self.workshop);
        let updates = self.flush()?;
        Ok((result?, updates))
    }

    fn flush(&mut self) -> Result<Vec<(DocName, Vec<u8>)>, Error> {
        let pending = self.workshop.take_pending();
        for (name, update) in &pending {
            self.store.append(store_doc(*name), update)?;
        }
        if let Some(collected) = &mut self.collected {
            collected.extend(pending.iter().cloned());
        }
        Ok(pending)
    }

    /// Takes in an update from another replica: logged first, then applied.
    pub fn apply_remote(&mut self, name: DocName, update: &[u8]) -> Result<(), Error> {
        WorkshopFile::check_remote(name, update)?;
        self.apply_checked(&[(name, update)])
    }

    /// Takes back this replica's own write that a hub refused: `undo` deletes what it
    /// inserted ([`crate::model::taking_back`]). The log is compacted so that the file no
    /// longer holds the refused text.
    pub fn take_back(&mut self, name: DocName, undo: &[u8]) -> Result<(), Error> {
        self.apply_checked(&[(name, undo)])?;
        self.compact()
    }

    /// Refuses an update from another replica that does not read or apply on its own,
    /// before anything is logged. Needs no file, so it can run outside the file's lock.
    pub fn check_remote(name: DocName, update: &[u8]) -> Result<(), Error> {
        Ok(Workshop::new().apply_update(name, update)?)
    }

    /// Takes in updates that passed [`WorkshopFile::check_remote`]: all logged in one
    /// transaction first, then applied in order.
    pub fn apply_checked(&mut self, updates: &[(DocName, &[u8])]) -> Result<(), Error> {
        self.store.append_all(updates.iter().map(|(name, update)| (store_doc(*name), *update)))?;
        for (name, update) in updates {
            self.workshop.apply_update(*name, update)?;
        }
        Ok(())
    }

    /// Merges the update log into one state per document, in one transaction each.
    pub fn compact(&mut self) -> Result<(), Error> {
        self.flush()?;
        let upto = self.store.last_update_id()?;
        for name in [DocName::Content, DocName::Control] {
            self.store.compact(store_doc(name), &self.workshop.encode_state(name), upto)?;
        }
        Ok(())
    }

    // ---- named versions ----

    pub fn create_version(&self, name: &str) -> Result<(), Error> {
        let content = self.workshop.encode_state(DocName::Content);
        let control = self.workshop.encode_state(DocName::Control);
        Ok(self.store.create_version(name, &content, &control)?)
    }

    pub fn versions(&self) -> Result<Vec<VersionInfo>, Error> {
        Ok(self.store.list_versions()?)
    }

    /// The workshop as it was when the version was made.
    pub fn version_view(&self, name: &str) -> Result<WorkshopView, Error> {
        let (content, control) = self.store.version_state(name)?;
        let old = Workshop::from_updates(&[content], &[control]).map_err(|e| damaged(self.path(), e))?;
        Ok(old.view())
    }

    /// The workshop at `version`, or as it is now for `None`.
    pub fn view_at(&self, version: Option<&str>) -> Result<WorkshopView, Error> {
        match version {
            Some(name) => self.version_view(name),
            None => Ok(self.view()),
        }
    }

    /// What changed from one version to another, board by board (`None`: as it is now).
    pub fn compare_versions(&self, from: Option<&str>, to: Option<&str>) -> Result<VersionDiff, Error> {
        let boards = diff::diff(&self.view_at(from)?, &self.view_at(to)?);
        let name = |v: Option<&str>| v.unwrap_or_default().to_string();
        Ok(VersionDiff { from: name(from), to: name(to), boards })
    }

    /// What restoring a version makes of the workshop: its content as in the version,
    /// and the session's controls (roster, agenda position, rounds) as they are now.
    pub fn restored_view(&self, name: &str) -> Result<WorkshopView, Error> {
        let mut view = self.version_view(name)?;
        view.control = self.workshop.control();
        Ok(view)
    }

    /// Brings the workshop back to a version by ordinary edits, so every peer follows.
    pub fn restore_version(&mut self, name: &str) -> Result<(), Error> {
        let view = self.restored_view(name)?;
        self.change(|w| w.replace_with(&view))
    }

    // ---- media, integrity, JSON ----

    pub fn put_media(&mut self, bytes: &[u8], mime: &str) -> Result<String, Error> {
        Ok(self.store.put_media(bytes, mime)?)
    }

    pub fn media(&self, hash: &str) -> Result<Vec<u8>, Error> {
        Ok(self.store.media(hash)?)
    }

    /// The file's integrity, plus whether every logged update still applies whole.
    pub fn check(&self) -> Result<CheckReport, Error> {
        let mut report = self.store.check()?;
        let loaded = self.store.load()?;
        match Workshop::from_updates(&loaded.content, &loaded.control) {
            Err(e) => report.problems.push(e.to_string()),
            Ok(w) if w.has_missing_updates() => report.problems.push("an update in the log builds on changes the file does not have".into()),
            Ok(_) => {}
        }
        Ok(report)
    }

    pub fn info(&self) -> Result<Info, Error> {
        Ok(Info::new(&self.view(), self.versions()?))
    }

    /// Writes the complete, re-importable JSON of the workshop.
    pub fn export_json(&self, out: &Path) -> Result<(), Error> {
        write_new_or_replace(out, self.view().to_export().as_bytes())
    }

    /// Makes a new `.paja` file from an exported JSON; refuses to overwrite `out`.
    pub fn import_json(json: &Path, out: &Path) -> Result<WorkshopFile, Error> {
        let text = std::fs::read_to_string(json).map_err(|e| Error::io(json, e))?;
        let view = WorkshopView::from_export(&text)?;
        let mut workshop = Workshop::new();
        workshop.replace_with(&view)?;
        WorkshopFile::create(out, workshop)
    }
}

fn damaged(path: &Path, e: ModelError) -> Error {
    Error::Store(store::StoreError::Damaged { path: path.to_path_buf(), detail: e.to_string() })
}

/// Writes a file whole or not at all: a temporary file beside it, then a rename.
pub fn write_new_or_replace(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    Ok(crate::export::write_atomic(path, bytes)?)
}
