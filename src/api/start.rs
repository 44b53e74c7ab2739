//! Where workshops begin: a new one from a template in a folder, named from its title,
//! and the demo workshop. The start screen of the desktop app calls these.

use super::WorkshopFile;
use super::file_names::{file_stem, numbered};
use super::recent::RecentEntry;
use crate::Error;
use crate::store::StoreError;
use crate::templates::{self, Template};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The workshop a window has open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OpenInfo {
    pub path: String,
    pub title: String,
    /// How many changes of the file's log would not apply and were set aside when it
    /// was opened (kept in the file, not shown); the window says so.
    #[serde(default)]
    pub set_aside: u32,
    /// A copy of a workshop on the region's server: it can only be read, and there is
    /// no own file to save under another name.
    #[serde(default)]
    pub read_only: bool,
}

/// What the start screen shows: the recent workshops, the open one (if any), and what
/// the app was started to open, until the window has tried it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StartState {
    pub recent: Vec<RecentEntry>,
    pub open: Option<OpenInfo>,
    pub launch: Option<Launch>,
}

/// What the app was started to open: a file (a double-click in a file manager), or the demo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Launch {
    File(String),
    Demo,
}

/// The demo's file name in the folder given to [`open_demo`].
pub const DEMO_FILE: &str = "demo.paja";

/// Makes a new workshop from `template` in `folder`, in a file named after `title`
/// (`Kevään työpaja.paja`, then `Kevään työpaja (2).paja`, …); never overwrites a file.
pub fn new_workshop(folder: &Path, title: &str, template: Template) -> Result<WorkshopFile, Error> {
    std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
    let title = title.trim();
    let base = file_stem(title);
    let mut n = 1;
    loop {
        let workshop = templates::workshop(template, (!title.is_empty()).then_some(title))?;
        match WorkshopFile::create(&numbered(folder, &base, "paja", n), workshop) {
            Err(Error::Store(StoreError::Exists { .. })) => n += 1,
            other => return other,
        }
    }
}

/// Opens the demo workshop in `folder`, writing it there first if it is not there yet.
pub fn open_demo(folder: &Path) -> Result<WorkshopFile, Error> {
    let path = folder.join(DEMO_FILE);
    if path.exists() {
        return WorkshopFile::open(&path);
    }
    std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
    WorkshopFile::create(&path, templates::demo()?)
}

/// Where the workshop at `path` keeps the replicas of sessions joined from it:
/// `talo.paja` keeps them in `talo.paja.joined/`.
pub fn replicas_dir(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".joined");
    PathBuf::from(name)
}
