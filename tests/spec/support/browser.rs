//! A browser's side of `/rpc` as a raw client: the key exchange, then sealed frames.

use futures_util::{SinkExt, StreamExt};
use paja::sync::HubHandle;
use paja::sync::channel::{self, Keys, Secret};
use serde_json::Value;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;

pub type Ws = WebSocketStream<TcpStream>;

pub struct Browser {
    pub ws: Ws,
    keys: Keys,
}

/// A value from a link's fragment (`#code=C&key=K`, `#lead=K`).
pub fn fragment(link: &str, name: &str) -> String {
    let fragment = link.split_once('#').expect("a link with a fragment").1;
    let pair = fragment.split('&').find_map(|p| p.strip_prefix(&format!("{name}="))).expect("the value is in the link");
    pair.to_string()
}

/// The co-facilitator's key from the hub's lead link.
pub fn lead_key(hub: &HubHandle) -> String {
    fragment(&hub.lead_link().expect("the hub serves the UI"), "lead")
}

/// A WebSocket to `/rpc` with nothing sent yet.
pub async fn socket(addr: SocketAddr) -> Result<Ws, String> {
    let tcp = TcpStream::connect(addr).await.unwrap();
    match tokio_tungstenite::client_async(format!("ws://{addr}/rpc"), tcp).await {
        Ok((ws, _)) => Ok(ws),
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => Err(String::from_utf8_lossy(response.body().as_deref().unwrap_or_default()).into_owned()),
        Err(e) => Err(e.to_string()),
    }
}

impl Browser {
    /// Opens `/rpc`, proves `password` as `secret` and sends `first` (the join).
    pub async fn open(addr: SocketAddr, secret: Secret, password: &str, first: Value) -> Result<Browser, String> {
        let ws = socket(addr).await?;
        Browser::over(ws, secret, password, first).await
    }

    /// The same over a socket already open (through a relay, say).
    pub async fn over(mut ws: Ws, secret: Secret, password: &str, first: Value) -> Result<Browser, String> {
        let (state, opening) = channel::Browser::start(secret, password);
        ws.send(Message::Binary(opening.into())).await.map_err(|e| e.to_string())?;
        let reply = match ws.next().await {
            Some(Ok(Message::Binary(reply))) => reply,
            other => return Err(format!("no key exchange from the hub: {other:?}")),
        };
        let mut keys = state.finish(&reply).map_err(|e| e.to_string())?;
        ws.send(Message::Binary(keys.seal(first.to_string().as_bytes()).into())).await.map_err(|e| e.to_string())?;
        Ok(Browser { ws, keys })
    }

    pub async fn send(&mut self, value: &Value) {
        let frame = self.keys.seal(value.to_string().as_bytes());
        self.ws.send(Message::Binary(frame.into())).await.expect("the hub takes the frame");
    }

    /// The next message: a sealed frame opened, or the hub's one plaintext refusal.
    /// None when the connection closed; Err when a frame did not open.
    pub async fn receive(&mut self) -> Option<Result<Value, channel::ChannelError>> {
        loop {
            let frame = tokio::time::timeout(Duration::from_secs(20), self.ws.next()).await.expect("a frame in time");
            match frame? {
                Ok(Message::Binary(bytes)) => return Some(self.keys.open(&bytes).map(|plain| serde_json::from_slice(&plain).expect("JSON"))),
                Ok(Message::Text(text)) => return Some(Ok(serde_json::from_str(&text).expect("JSON"))),
                Ok(Message::Close(_)) | Err(_) => return None,
                Ok(_) => continue,
            }
        }
    }

    /// The next message, which must open.
    pub async fn next(&mut self) -> Option<Value> {
        self.receive().await.map(|r| r.expect("the hub's frame opens"))
    }
}
