//! IPC commands, one file per domain. Each takes state, calls one core
//! function and maps the error; no rules live here.

pub mod export;
pub mod files;
pub mod session;
pub mod versions;
pub mod workshop;

/// Every command the window may invoke.
pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        files::start_state,
        files::new_workshop,
        files::open_workshop,
        files::open_demo,
        files::open_from_server,
        files::save_workshop_as,
        files::close_workshop,
        workshop::workshop_view,
        workshop::execute,
        workshop::media,
        workshop::suggest_groups,
        workshop::similar_items,
        workshop::plain_language,
        workshop::traces,
        workshop::evaluation_over_time,
        workshop::round_changes,
        workshop::local_view,
        session::host_session,
        session::join_session,
        session::leave_session,
        session::session_status,
        session::admit,
        session::deny,
        session::remove_person,
        session::set_auto_admit,
        session::set_presence,
        session::find_hubs,
        session::relay_settings,
        session::connect_relay,
        session::disconnect_relay,
        export::default_export_path,
        export::export_workshop,
        versions::versions,
        versions::create_version,
        versions::restore_version,
        versions::compare_versions,
    ]
}
