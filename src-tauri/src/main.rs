//! Paja desktop shell: opens one workshop file, shares or joins a live session of it,
//! and hands the window to the UI.
//!
//! This crate is a leaf (STYLE habit 1): it owns the window and the IPC
//! commands, nothing else. Each command lives in `commands/<domain>.rs`, takes
//! the state, calls one `paja::api` function and maps the error. To add a
//! command, write it there and list it in `commands::handler()`.

// No console window on Windows release builds; harmless elsewhere.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod error;
mod ui_files;
mod workshop;

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = match workshop::path_from_args(std::env::args_os().nth(1)) {
        Ok(path) => path,
        Err(message) => {
            eprintln!("paja-desktop: {message}");
            return ExitCode::FAILURE;
        }
    };
    let open = workshop::OpenWorkshop::load(&path);
    if let Some(err) = open.error() {
        eprintln!("paja-desktop: {}: {}", path.display(), err.message);
    }
    let run = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(open)
        .setup(|app| {
            commands::session::forward(app.handle());
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    match run {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("paja-desktop: {err}");
            ExitCode::FAILURE
        }
    }
}
