//! Paja desktop shell: holds none or one open workshop file, shares or joins a live
//! session of it, and hands the window to the UI. `paja-desktop FILE` opens FILE,
//! `paja-desktop --demo` the demo workshop, and with no argument the window starts on
//! the start screen.
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
    let launch = workshop::launch_from_args(std::env::args_os().nth(1));
    let run = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(workshop::OpenWorkshop::new(workshop::Places::of_user(), launch))
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
