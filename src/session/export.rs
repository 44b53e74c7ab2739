//! Exports of the open workshop, wherever it lives now: the own file, the hub's file
//! while hosting, or the replica while joined. Only the reading happens under the
//! workshop; the export is written from the snapshot afterwards.

use super::Live;
use crate::api::ExportSnapshot;
use crate::sync::SyncError;

impl Live {
    /// What an export of the workshop now (`None`) or of a named version reads, with
    /// the changes from `compare_from`; the export is then written without the workshop.
    pub fn export_snapshot(&self, version: Option<&str>, compare_from: Option<&str>) -> Result<ExportSnapshot, SyncError> {
        Ok(self.read_file(|file| file.export_snapshot(version, compare_from))?)
    }
}
