//! The relay to the region's server as the window reaches it: the settings a facilitator
//! types, kept in the workshop file's hub-only table (never in a document) and resumed
//! when the workshop is shared again, and reading a workshop from the server into a
//! replica that nothing here writes to.

use crate::api::{RelayRow, WorkshopFile};
use crate::model::ModelError;
use crate::sync::{RelayReader, RelaySettings, RelayState, RelayTrust, SyncError};
use crate::Refusal;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::{Duration, Instant};
use ts_rs::TS;

/// How long opening from the server waits for its first answer before it goes on.
const FIRST_ANSWER: Duration = Duration::from_secs(8);

/// The relay as kept in the workshop file, as the host dialog fills its form in: never
/// the token itself, only whether one is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SavedRelay {
    pub url: String,
    pub workshop: String,
    pub token_saved: bool,
    /// Whether the relay runs while the workshop is shared.
    pub on: bool,
}

impl From<&RelayRow> for SavedRelay {
    fn from(row: &RelayRow) -> SavedRelay {
        SavedRelay { url: row.url.clone(), workshop: row.workshop.clone(), token_saved: !row.token.is_empty(), on: row.on }
    }
}

/// The settings a person types in the window: the system's certificates decide whom to
/// trust (`SSL_CERT_FILE` is honoured), as a browser's would.
pub fn typed_settings(url: &str, token: &str, workshop: &str) -> RelaySettings {
    RelaySettings { url: url.trim().into(), token: token.trim().into(), workshop: workshop.trim().into(), trust: RelayTrust::Platform }
}

/// The settings a kept row stands for.
pub(super) fn settings(row: &RelayRow) -> RelaySettings {
    typed_settings(&row.url, &row.token, &row.workshop)
}

/// The row to keep for what was typed: an empty token keeps the one kept before.
pub(super) fn typed(url: &str, token: &str, workshop: &str, kept: Option<RelayRow>) -> RelayRow {
    let token = match token.trim() {
        "" => kept.map(|k| k.token).unwrap_or_default(),
        typed => typed.to_string(),
    };
    RelayRow { url: url.trim().to_string(), token, workshop: workshop.trim().to_string(), on: true }
}

/// The relay kept in `file`, if it is to run.
pub(super) fn resumed(file: &WorkshopFile) -> Option<RelaySettings> {
    file.relay_settings().ok().flatten().filter(|row| row.on).map(|row| settings(&row))
}

/// What every write to a copy read from the server gets.
pub(super) fn read_only() -> SyncError {
    crate::Error::from(ModelError::NotAllowed(Refusal::ReadOnlyCopy)).into()
}

/// The replica's file name: one per server and workshop, so that opening the same one
/// again continues the same replica.
pub(super) fn replica_name(settings: &RelaySettings) -> String {
    let server = settings.url.trim().trim_start_matches("wss://");
    let key: String = format!("{server}-{}", settings.workshop.trim())
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("server-{key}.paja")
}

/// Waits until the server has answered (or [`FIRST_ANSWER`] has passed); a refusal is
/// the error, and so is a server never reached when there is no earlier copy to show.
pub(super) fn first_answer(reader: &RelayReader, had_copy: bool) -> Result<(), SyncError> {
    let until = Instant::now() + FIRST_ANSWER;
    loop {
        let status = reader.status();
        let refused = |status: crate::sync::RelayStatus| {
            let failure = status.refusal.unwrap_or_else(|| Refusal::RelayRefused.into());
            Err(SyncError::Refused(failure))
        };
        match status.state {
            RelayState::Refused => return refused(status),
            RelayState::Offline if !had_copy => return refused(status),
            RelayState::Connecting if Instant::now() < until => std::thread::sleep(Duration::from_millis(20)),
            _ => return Ok(()),
        }
    }
}

/// Removes a replica made for a first opening the server refused, so that the next
/// opening does not take the empty file for an earlier copy.
pub(super) fn forget_replica(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(std::path::PathBuf::from(name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(token: &str) -> RelayRow {
        RelayRow { url: "wss://alue.example:8443".into(), token: token.into(), workshop: "ryhma-1".into(), on: false }
    }

    #[test]
    fn an_empty_token_keeps_the_one_kept_and_a_typed_one_replaces_it() {
        assert_eq!(typed(" wss://alue.example:8443 ", "", "ryhma-1", Some(row("vanha"))).token, "vanha");
        assert_eq!(typed("wss://alue.example:8443", "uusi", "ryhma-1", Some(row("vanha"))).token, "uusi");
        assert!(typed("wss://a:1", "t", " ryhma-2 ", None).on, "connecting turns the relay on");
        assert_eq!(typed("wss://a:1", "t", " ryhma-2 ", None).workshop, "ryhma-2");
    }

    #[test]
    fn the_form_is_told_whether_a_token_is_kept_but_never_the_token() {
        let saved = SavedRelay::from(&row("salainen"));
        assert!(saved.token_saved);
        assert!(!serde_json::to_string(&saved).unwrap().contains("salainen"), "the token never reaches the window");
    }

    #[test]
    fn each_server_and_workshop_has_its_own_replica_file() {
        let name = replica_name(&settings(&row("t")));
        assert_eq!(name, "server-alue-example-8443-ryhma-1.paja");
        let other = RelayRow { workshop: "ryhma-2".into(), ..row("t") };
        assert_ne!(replica_name(&settings(&other)), name);
    }
}
