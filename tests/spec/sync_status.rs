//! The hub tells its window when the lobby, presence or the connections change, so the
//! window reads its status then instead of polling it.

use paja::api::WorkshopFile;
use paja::model::Workshop;
use paja::sync::{Hub, HubHandle, HubOptions};
use std::time::Duration;
use tokio::sync::broadcast;

/// How long a test waits for a signal before it says it never came.
const PATIENCE: Duration = Duration::from_secs(30);

async fn hub_with_lobby(dir: &std::path::Path) -> HubHandle {
    let file = WorkshopFile::create(&dir.join("hub.paja"), Workshop::new()).expect("file");
    let options = HubOptions { bind: ([127, 0, 0, 1], 0).into(), tls: false, auto_admit: false, mdns: false, ..HubOptions::default() };
    Hub::start(file, options).await.expect("the hub starts")
}

/// Waits for the next signal and takes any that came with it.
async fn signalled(status: &mut broadcast::Receiver<()>) -> bool {
    let next = tokio::time::timeout(PATIENCE, status.recv()).await;
    while status.try_recv().is_ok() {}
    matches!(next, Ok(Ok(()) | Err(broadcast::error::RecvError::Lagged(_))))
}

#[tokio::test]
async fn the_status_signal_fires_for_the_lobby_presence_and_leaving() {
    let dir = tempfile::tempdir().unwrap();
    let hub = hub_with_lobby(dir.path()).await;
    let mut status = hub.subscribe_status();

    let url = format!("ws://{}/content?code={}&name=Aino", hub.addr, hub.code);
    let tcp = tokio::net::TcpStream::connect(hub.addr).await.expect("tcp");
    let (ws, _) = tokio_tungstenite::client_async(url, tcp).await.expect("handshake");
    assert!(signalled(&mut status).await, "a knock changes the facilitator's lobby");
    let waiting = hub.lobby();
    assert_eq!(waiting.len(), 1, "Aino waits in the lobby when the signal comes");

    assert!(hub.admit(waiting[0].id, None), "Aino can be let in");
    assert!(signalled(&mut status).await, "letting someone in changes the lobby and the connections");
    assert!(hub.lobby().is_empty(), "the lobby is empty once she is in");

    hub.set_presence(serde_json::json!({ "name": "Ohjaaja" }));
    assert!(signalled(&mut status).await, "a change of presence is signalled");
    assert_eq!(hub.people(), 1, "the facilitator's own presence shows");

    drop(ws);
    assert!(signalled(&mut status).await, "a connection that leaves is signalled");
}
