//! The workshop the window shows: which file, and the open handle the commands share.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use paja::api::{Live, WorkshopFile};

use crate::error::CommandError;

/// The one open workshop, alone or in a live session, shared by every command, or
/// why it could not be opened.
///
/// A file that fails to open still gets a window: every command answers with
/// the error, so the UI can tell the person (an app started from a menu has no
/// terminal to print to). A `Mutex` because commands run on Tauri's thread
/// pool and the core's handle owns a SQLite connection, `Send` but not `Sync`.
pub struct OpenWorkshop(Result<Mutex<Live>, CommandError>);

impl OpenWorkshop {
    /// Opens `path`, or writes the demo workshop there first if nothing exists yet.
    /// Replicas of workshops joined from this window are kept in a folder beside it.
    pub fn load(path: &Path) -> Self {
        let file = if path.exists() {
            WorkshopFile::open(path)
        } else {
            create_demo(path)
        };
        let replicas = replicas_dir(path);
        let live = file.map_err(CommandError::from).and_then(|file| Live::new(file, &replicas).map_err(CommandError::from));
        Self(live.map(Mutex::new))
    }

    pub fn get(&self) -> Result<MutexGuard<'_, Live>, CommandError> {
        let file = self.0.as_ref().map_err(Clone::clone)?;
        // A command that panicked mid-call leaves the state as the core left
        // it; the core owns consistency, so keep serving.
        Ok(file.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    pub fn error(&self) -> Option<&CommandError> {
        self.0.as_ref().err()
    }
}

/// `talo.paja` keeps its joined replicas in `talo.paja.joined/`.
fn replicas_dir(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".joined");
    PathBuf::from(name)
}

/// Writes the core's fictional demo workshop to `path`, as `paja demo` does.
fn create_demo(path: &Path) -> Result<WorkshopFile, paja::Error> {
    WorkshopFile::create(path, paja::templates::demo()?)
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
        assert_eq!(
            path,
            PathBuf::from("/some/where/talo.paja"),
            "the user's file is opened as given"
        );
    }
}
