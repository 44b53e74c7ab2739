//! Named versions and exports of the open workshop, wherever it lives now: the own
//! file, the hub's file while hosting, or the replica while joined. A restore is
//! ordinary edits, so in a shared session every peer follows it.

use super::{Live, Mode};
use crate::api::{ExportSnapshot, WorkshopFile};
use crate::model::diff::VersionDiff;
use crate::store::VersionInfo;
use crate::sync::SyncError;

impl Live {
    /// The named versions, oldest first.
    pub fn versions(&self) -> Result<Vec<VersionInfo>, SyncError> {
        Ok(self.with_file(WorkshopFile::versions)?)
    }

    /// Saves the workshop as it is now under `name`; a used or empty name is refused.
    pub fn create_version(&self, name: &str) -> Result<(), SyncError> {
        Ok(self.with_file(|file| file.create_version(name.trim()))?)
    }

    /// What changed from one version to another (`None`: the workshop as it is now).
    pub fn compare_versions(&self, from: Option<&str>, to: Option<&str>) -> Result<VersionDiff, SyncError> {
        Ok(self.with_file(|file| file.compare_versions(from, to))?)
    }

    /// Brings the workshop back to the version `name` by ordinary edits.
    pub fn restore_version(&mut self, name: &str) -> Result<(), SyncError> {
        let old = self.with_file(|file| file.version_view(name))?;
        match &mut self.mode {
            Mode::Alone(file) => file.change(|w| w.replace_with(&old))?,
            Mode::Hosting { hub, .. } => hub.change(|w| w.replace_with(&old))?,
            Mode::Joined(peer) => peer.change(|w| w.replace_with(&old))?,
        }
        if let Mode::Alone(_) = self.mode {
            let _ = self.events.send(super::LiveEvent::Changed);
        }
        Ok(())
    }

    /// What an export of the workshop now (`None`) or of a named version reads, with
    /// the changes from `compare_from`; the export is then written without the workshop.
    pub fn export_snapshot(&self, version: Option<&str>, compare_from: Option<&str>) -> Result<ExportSnapshot, SyncError> {
        Ok(self.with_file(|file| file.export_snapshot(version, compare_from))?)
    }

    fn with_file<R>(&self, read: impl FnOnce(&WorkshopFile) -> R) -> R {
        match &self.mode {
            Mode::Alone(file) => read(file),
            Mode::Hosting { hub, .. } => hub.read_file(read),
            Mode::Joined(peer) => peer.read_file(read),
        }
    }
}
