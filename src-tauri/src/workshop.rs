//! The workshop the window shows: which file, and the open handle the commands share.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use paja::api::WorkshopFile;

/// The one open workshop, shared by every command.
///
/// A `Mutex` because commands run on Tauri's thread pool and the core's
/// handle owns a SQLite connection, which is `Send` but not `Sync`.
pub struct OpenWorkshop(Mutex<WorkshopFile>);

impl OpenWorkshop {
    /// Opens `path`, or writes the demo workshop there first if nothing exists yet.
    pub fn load(path: &Path) -> Result<Self, paja::Error> {
        let file = if path.exists() {
            WorkshopFile::open(path)?
        } else {
            WorkshopFile::create_demo(path)?
        };
        Ok(Self(Mutex::new(file)))
    }

    pub fn lock(&self) -> MutexGuard<'_, WorkshopFile> {
        // A command that panicked mid-call leaves the core's state as the core
        // left it; the core is the owner of consistency, so keep serving.
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The file given on the command line, or the demo workshop in the user's data dir.
pub fn path_from_args(arg: Option<std::ffi::OsString>) -> Result<PathBuf, String> {
    if let Some(arg) = arg {
        return Ok(PathBuf::from(arg));
    }
    let data = dirs::data_dir().ok_or("no user data directory (set HOME or XDG_DATA_HOME)")?;
    let dir = data.join("paja");
    std::fs::create_dir_all(&dir).map_err(|err| format!("{}: {err}", dir.display()))?;
    Ok(dir.join("demo.paja"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_on_the_command_line_wins_over_the_demo() {
        let path = path_from_args(Some("/some/where/talo.paja".into())).unwrap();
        assert_eq!(path, PathBuf::from("/some/where/talo.paja"), "the user's file is opened as given");
    }
}
