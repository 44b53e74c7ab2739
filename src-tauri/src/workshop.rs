//! The workshop the window shows: none or one open `Live`, shared by every command,
//! the recent list, and the folders where new workshops and the demo go.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use paja::api::recent::RecentList;
use paja::api::start::{Launch, OpenInfo, StartState, replicas_dir};
use paja::api::WorkshopFile;
use paja::session::{Live, LiveMode, typed_settings};

use crate::error::CommandError;

/// The folders the app uses in the person's home.
pub struct Places {
    /// New workshops: `~/Documents/Paja/` (or the platform's documents folder).
    pub documents: PathBuf,
    /// The demo workshop: `~/.local/share/paja/`.
    pub data: PathBuf,
    /// The recent list: `~/.config/paja/`.
    pub config: PathBuf,
}

impl Places {
    pub fn of_user() -> Places {
        let home = dirs::home_dir().unwrap_or_else(|| PathBuf::from("."));
        let documents = dirs::document_dir().unwrap_or_else(|| home.clone());
        let data = dirs::data_dir().unwrap_or_else(|| home.join(".local").join("share"));
        let config = dirs::config_dir().unwrap_or_else(|| home.join(".config"));
        Places { documents: documents.join("Paja"), data: data.join("paja"), config: config.join("paja") }
    }

    /// Copies of workshops read from the region's server: `~/.local/share/paja/server/`.
    pub fn server_copies(&self) -> PathBuf {
        self.data.join("server")
    }
}

/// The one open workshop, alone or in a live session, or none (the start screen).
///
/// A `Mutex` because commands run on Tauri's thread pool and the core's handle owns a
/// SQLite connection, `Send` but not `Sync`.
pub struct OpenWorkshop {
    live: Mutex<Option<Live>>,
    launch: Mutex<Option<Launch>>,
    pub places: Places,
}

/// The open workshop, locked for one command.
pub struct LiveGuard<'a>(MutexGuard<'a, Option<Live>>);

impl Deref for LiveGuard<'_> {
    type Target = Live;
    fn deref(&self) -> &Live {
        self.0.as_ref().expect("a LiveGuard is only made over an open workshop")
    }
}

impl DerefMut for LiveGuard<'_> {
    fn deref_mut(&mut self) -> &mut Live {
        self.0.as_mut().expect("a LiveGuard is only made over an open workshop")
    }
}

impl OpenWorkshop {
    /// Nothing open yet; `launch` is what the command line asked the window to open.
    pub fn new(places: Places, launch: Option<Launch>) -> Self {
        Self { live: Mutex::new(None), launch: Mutex::new(launch), places }
    }

    /// The open workshop, or `no_workshop` when the start screen is showing.
    pub fn get(&self) -> Result<LiveGuard<'_>, CommandError> {
        let live = self.lock();
        match live.is_some() {
            true => Ok(LiveGuard(live)),
            false => Err(CommandError::no_workshop()),
        }
    }

    pub fn start_state(&self) -> StartState {
        StartState {
            recent: self.recent().entries(),
            open: self.lock().as_ref().map(info),
            launch: lock(&self.launch).clone(),
        }
    }

    /// Puts `file` in the window in place of whatever was open (ending its session), and
    /// at the top of the recent list. A refused file leaves the open workshop as it was.
    pub fn open(&self, file: Result<WorkshopFile, paja::Error>) -> Result<OpenInfo, CommandError> {
        lock(&self.launch).take();
        let file = file?;
        let path = file.path().to_path_buf();
        let live = Live::new(file, &replicas_dir(&path))?;
        let shown = info(&live);
        // Dropping the old Live ends its hub or peer first.
        *self.lock() = Some(live);
        self.remember(&shown);
        Ok(shown)
    }

    /// Opens a workshop from the region's server to read only, in place of whatever was
    /// open. Its copy is not a file of this person's own, so the recent list leaves it
    /// out. The server's first answer is waited for with nothing locked.
    pub fn open_from_server(&self, url: &str, token: &str, workshop: &str) -> Result<OpenInfo, CommandError> {
        lock(&self.launch).take();
        let live = Live::read_from_server(typed_settings(url, token, workshop), &self.places.server_copies())?;
        let shown = info(&live);
        *self.lock() = Some(live);
        Ok(shown)
    }

    /// Ends any session and closes the workshop: the start screen.
    pub fn close(&self) {
        lock(&self.launch).take();
        self.lock().take();
    }

    /// Copies the open workshop into a new file and goes on there.
    pub fn save_as(&self, path: &Path) -> Result<OpenInfo, CommandError> {
        let mut live = self.get()?;
        live.save_as(path, &replicas_dir(path))?;
        let shown = info(&live);
        drop(live);
        self.remember(&shown);
        Ok(shown)
    }

    fn recent(&self) -> RecentList {
        RecentList::in_folder(&self.places.config)
    }

    /// The recent list is a convenience: failing to write it never stops the work.
    fn remember(&self, shown: &OpenInfo) {
        let _ = self.recent().remember(Path::new(&shown.path), &shown.title);
    }

    fn lock(&self) -> MutexGuard<'_, Option<Live>> {
        lock(&self.live)
    }
}

/// A command that panicked mid-call leaves the state as the core left it; the core owns
/// consistency, so keep serving.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn info(live: &Live) -> OpenInfo {
    OpenInfo {
        path: live.path().to_string_lossy().into_owned(),
        title: live.view().meta.title,
        set_aside: live.set_aside(),
        read_only: live.mode() == LiveMode::Reading,
    }
}

/// What the command line asks for: `FILE`, `--demo`, or nothing (the start screen).
pub fn launch_from_args(arg: Option<std::ffi::OsString>) -> Option<Launch> {
    let arg = arg?;
    match arg.to_str() {
        Some("--demo") => Some(Launch::Demo),
        _ => {
            let path = PathBuf::from(&arg);
            let path = std::path::absolute(&path).unwrap_or(path);
            Some(Launch::File(path.to_string_lossy().into_owned()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_opens_a_file_the_demo_or_nothing() {
        assert_eq!(launch_from_args(Some("/some/where/talo.paja".into())), Some(Launch::File("/some/where/talo.paja".into())));
        assert_eq!(launch_from_args(Some("--demo".into())), Some(Launch::Demo));
        assert_eq!(launch_from_args(None), None, "no argument: the start screen");
    }
}
