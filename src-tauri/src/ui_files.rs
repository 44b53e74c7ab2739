//! The window's own UI files, written out to a folder so that the hub can serve the
//! same UI to browser participants.

use std::path::PathBuf;
use tauri::{AppHandle, Manager};

/// Writes every file the window loads into `<cache>/browser-ui/` and returns that
/// folder; None (browsers are then not offered) if any of it cannot be written.
pub fn export(app: &AppHandle) -> Option<PathBuf> {
    let dir = app.path().app_cache_dir().ok()?.join("browser-ui");
    let resolver = app.asset_resolver();
    let keys: Vec<String> = resolver.iter().map(|(key, _)| key.into_owned()).collect();
    for key in keys {
        let asset = resolver.get(key.clone())?;
        let path = dir.join(key.trim_start_matches('/'));
        std::fs::create_dir_all(path.parent()?).ok()?;
        std::fs::write(&path, asset.bytes()).ok()?;
    }
    dir.join("index.html").exists().then_some(dir)
}
