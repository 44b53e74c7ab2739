//! Recent workshops: the files a person opened last, newest first, kept as a small JSON
//! file (`recent.json`) in a folder the caller chooses (the desktop app uses its config
//! folder). A missing or damaged list reads as empty and is written anew; it never
//! stops a workshop from opening.
//!
//! ```
//! use paja::api::recent::RecentList;
//! let dir = tempfile::tempdir().unwrap();
//! let recent = RecentList::in_folder(dir.path());
//! recent.remember(&dir.path().join("talo.paja"), "Talon työpaja").unwrap();
//! assert_eq!(recent.entries()[0].title, "Talon työpaja");
//! ```

use crate::Error;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// How many workshops the list keeps.
pub const MAX_RECENT: usize = 10;
const FILE_NAME: &str = "recent.json";

/// One workshop opened lately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecentEntry {
    pub path: String,
    pub title: String,
    /// RFC 3339, UTC, seconds: `2026-03-01T09:30:00Z`.
    pub opened_at: String,
}

/// The recent list in one folder.
#[derive(Debug, Clone)]
pub struct RecentList {
    file: PathBuf,
}

impl RecentList {
    pub fn in_folder(folder: &Path) -> RecentList {
        RecentList { file: folder.join(FILE_NAME) }
    }

    /// The workshops, newest first. A damaged list is read as empty and written anew.
    pub fn entries(&self) -> Vec<RecentEntry> {
        let Ok(text) = std::fs::read_to_string(&self.file) else { return Vec::new() };
        match serde_json::from_str::<Vec<RecentEntry>>(&text) {
            Ok(entries) => entries,
            Err(_) => {
                let _ = self.write(&[]);
                Vec::new()
            }
        }
    }

    /// Puts `path` first with its title and the time now; the oldest beyond
    /// [`MAX_RECENT`] drop off.
    pub fn remember(&self, path: &Path, title: &str) -> Result<Vec<RecentEntry>, Error> {
        let path = absolute(path);
        let mut entries = self.entries();
        entries.retain(|e| e.path != path);
        entries.insert(0, RecentEntry { path, title: title.to_string(), opened_at: utc_now() });
        entries.truncate(MAX_RECENT);
        self.write(&entries)?;
        Ok(entries)
    }

    /// Takes `path` off the list (a file that is gone, or that the person removed).
    pub fn forget(&self, path: &Path) -> Result<Vec<RecentEntry>, Error> {
        let path = absolute(path);
        let mut entries = self.entries();
        entries.retain(|e| e.path != path);
        self.write(&entries)?;
        Ok(entries)
    }

    fn write(&self, entries: &[RecentEntry]) -> Result<(), Error> {
        if let Some(folder) = self.file.parent() {
            std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
        }
        let json = serde_json::to_string_pretty(entries).unwrap_or_else(|_| "[]".into());
        super::write_new_or_replace(&self.file, json.as_bytes())
    }
}

/// The same file reached by another way (a relative path, `..`) is one entry.
fn absolute(path: &Path) -> String {
    let full = std::fs::canonicalize(path).or_else(|_| std::path::absolute(path)).unwrap_or_else(|_| path.to_path_buf());
    full.to_string_lossy().into_owned()
}

fn utc_now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let (y, m, d) = crate::export::pdf::civil_from_days((secs / 86_400) as i64);
    let s = secs % 86_400;
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}
