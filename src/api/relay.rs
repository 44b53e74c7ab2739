//! The relay to the region's server as the facilitator last set it, kept in this file's
//! hub-only tables and never in a document: a hub started on the file again resumes it.

use super::WorkshopFile;
use crate::Error;
pub use crate::store::RelayRow;

impl WorkshopFile {
    pub fn relay_settings(&self) -> Result<Option<RelayRow>, Error> {
        Ok(self.store.relay()?)
    }

    /// Keeps the relay's settings in place of the ones kept (None forgets them).
    pub fn keep_relay_settings(&self, row: Option<&RelayRow>) -> Result<(), Error> {
        Ok(self.store.set_relay(row)?)
    }
}
