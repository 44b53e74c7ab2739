//! Bad input costs only the offending connection: the hub logs it, drops it and keeps
//! serving everyone else.

use futures_util::{SinkExt, StreamExt};
use paja::api::WorkshopFile;
use paja::model::Workshop;
use paja::sync::{Hub, HubHandle, HubOptions};
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use crate::support::sync::dropped;
use tokio_tungstenite::tungstenite::Message;

type Client = tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>;

async fn small_hub(dir: &std::path::Path) -> HubHandle {
    let file = WorkshopFile::create(&dir.join("hub.paja"), Workshop::new()).expect("file");
    let options = HubOptions {
        bind: ([127, 0, 0, 1], 0).into(),
        tls: false,
        auto_admit: true,
        max_message: 64 * 1024,
        handshake_timeout: Duration::from_millis(500),
        idle_timeout: Duration::from_secs(2),
        mdns: false,
        ui_dir: None,
        ..HubOptions::default()
    };
    Hub::start(file, options).await.expect("the hub starts")
}

async fn client(hub: &HubHandle) -> Client {
    let url = format!("ws://{}/content?code={}", hub.addr, hub.code);
    let tcp = tokio::net::TcpStream::connect(hub.addr).await.expect("tcp");

    tokio_tungstenite::client_async(url, tcp).await.expect("handshake").0
}

/// True if the hub still answers a sync step 1 on this connection.
async fn still_served(ws: &mut Client) -> bool {
    let step1 = paja::sync::wire::step1(Default::default());
    if ws.send(Message::Binary(step1.into())).await.is_err() {
        return false;
    }
    let deadline = tokio::time::sleep(Duration::from_secs(30));
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            _ = &mut deadline => return false,
            message = ws.next() => match message {
                Some(Ok(Message::Binary(b))) if b.starts_with(&[0, 1]) => return true,
                Some(Ok(_)) => continue,
                _ => return false,
            },
        }
    }
}


#[tokio::test]
async fn a_malformed_message_drops_only_its_connection() {
    let dir = tempfile::tempdir().expect("temp dir");
    let hub = small_hub(dir.path()).await;
    let mut good = client(&hub).await;
    let mut bad = client(&hub).await;
    bad.send(Message::Binary(vec![0, 7, 255, 255, 255].into())).await.expect("sent");
    assert!(dropped(&mut bad).await, "the sender of garbage is dropped");
    assert!(still_served(&mut good).await, "everyone else is still served");
    assert!(still_served(&mut client(&hub).await).await, "and newcomers too");
}

#[tokio::test]
async fn a_message_over_the_size_limit_drops_only_its_connection() {
    let dir = tempfile::tempdir().expect("temp dir");
    let hub = small_hub(dir.path()).await;
    let mut good = client(&hub).await;
    let mut big = client(&hub).await;
    let _ = big.send(Message::Binary(vec![0u8; 200 * 1024].into())).await;
    assert!(dropped(&mut big).await, "a message over 64 KiB is refused");
    assert!(still_served(&mut good).await, "everyone else is still served");
}

#[tokio::test]
async fn half_open_and_silent_connections_are_timed_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let hub = small_hub(dir.path()).await;
    let mut half_open = tokio::net::TcpStream::connect(hub.addr).await.expect("tcp");
    half_open.write_all(b"GET /content HTTP/1.1\r\n").await.expect("a slow start");
    let mut silent = client(&hub).await;
    let mut good = client(&hub).await;
    let mut buf = [0u8; 64];
    let closed = tokio::time::timeout(Duration::from_secs(30), tokio::io::AsyncReadExt::read(&mut half_open, &mut buf)).await;
    assert!(matches!(closed, Ok(Ok(0)) | Ok(Err(_))), "an unfinished handshake is closed after the handshake timeout");
    // `silent` never reads, so it never answers pings: it must be dropped as idle, while
    // `good` keeps talking.
    for _ in 0..5 {
        assert!(still_served(&mut good).await, "an active client stays");
        tokio::time::sleep(Duration::from_millis(700)).await;
    }
    assert!(dropped(&mut silent).await, "a client silent past the idle timeout is dropped");
}
