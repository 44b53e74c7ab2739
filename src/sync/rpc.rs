//! The browser participants' JSON RPC on `/rpc`: the same commands and projections as
//! the desktop window's IPC, over one WebSocket.
//!
//! Each request is one text frame `{id, method, params}`; the answer is
//! `{id, ok: true, result}` or `{id, ok: false, error: {code, message}}`. Whenever the
//! workshop changes (this client's command, a peer's edit, the facilitator's), the hub
//! also pushes `{event: "changed", view}`, so a browser shows others' edits with no
//! action of its own. To add a method, add an arm to [`call`] that calls one
//! `paja::api` function, exactly as the desktop command of the same name does.

use super::room::{HubState, lock};
use crate::api::Command;
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::sync::Arc;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::watch;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;

/// A failed call: a stable code for the UI and one sentence for the person.
type Failure = (String, String);

#[derive(Deserialize)]
struct Request {
    #[serde(default)]
    id: Value,
    method: String,
    #[serde(default)]
    params: Value,
}

/// Answers one request frame.
pub fn answer(state: &HubState, text: &str) -> Value {
    let request: Request = match serde_json::from_str(text) {
        Ok(request) => request,
        Err(e) => return failed(Value::Null, ("bad_request".into(), format!("The request could not be read: {e}."))),
    };
    match call(state, &request.method, request.params) {
        Ok(result) => json!({ "id": request.id, "ok": true, "result": result }),
        Err(failure) => failed(request.id, failure),
    }
}

fn failed(id: Value, (code, message): Failure) -> Value {
    json!({ "id": id, "ok": false, "error": { "code": code, "message": message } })
}

fn core(e: crate::Error) -> Failure {
    (e.code().to_string(), e.to_string())
}

fn params<T: DeserializeOwned>(params: Value) -> Result<T, Failure> {
    serde_json::from_value(params).map_err(|e| ("bad_request".into(), format!("The request's parameters are wrong: {e}.")))
}

fn to_json<T: serde::Serialize>(value: T) -> Result<Value, Failure> {
    serde_json::to_value(value).map_err(|e| ("internal".into(), format!("The answer could not be written: {e}.")))
}

fn call(state: &HubState, method: &str, raw: Value) -> Result<Value, Failure> {
    match method {
        "workshop_view" => to_json(lock(&state.file).view()),
        "execute" => {
            #[derive(Deserialize)]
            struct Params {
                command: Command,
            }
            let p: Params = params(raw)?;
            to_json(state.execute(&p.command).map_err(core)?)
        }
        "media" => {
            #[derive(Deserialize)]
            struct Params {
                hash: String,
            }
            let p: Params = params(raw)?;
            to_json(lock(&state.file).media_data_url(&p.hash).map_err(core)?)
        }
        other => Err(("unknown_method".into(), format!("There is no method called {other:?}."))),
    }
}

/// Serves one browser: answers its requests and pushes every change, until it leaves.
pub async fn serve<S>(mut ws: WebSocketStream<S>, state: Arc<HubState>, mut stop: watch::Receiver<bool>)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let mut changes = state.changed.subscribe();
    loop {
        let out = tokio::select! {
            message = ws.next() => match message {
                Some(Ok(Message::Text(text))) => answer(&state, &text),
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return,
                Some(Ok(_)) => continue,
            },
            changed = changes.recv() => match changed {
                Ok(()) | Err(RecvError::Lagged(_)) => {
                    // A burst of changes is one redraw: send the newest view once.
                    while changes.try_recv().is_ok() {}
                    json!({ "event": "changed", "view": lock(&state.file).view() })
                }
                Err(RecvError::Closed) => return,
            },
            _ = stop.changed() => return,
        };
        if ws.send(Message::Text(out.to_string().into())).await.is_err() {
            return;
        }
    }
}
