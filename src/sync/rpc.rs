//! The browser participants' JSON RPC on `/rpc`: the same commands and projections as
//! the desktop window's IPC, over one WebSocket.
//!
//! A browser comes in with the facilitator's token (`/rpc?token=T`, the facilitator) or
//! with the join code (`/rpc?code=C&name=N`, a participant, only while the facilitator
//! lets browsers in); with the lobby on it first hears `{event: "lobby"}`, then
//! `{event: "welcome", role, person}`. Each command is checked for its role exactly as
//! a desktop core checks its own ([`rules::refusal`]); hidden dots and answers are
//! sealed straight into the hub. Silent-writing drafts stay in the browser until the
//! reveal, then arrive as `write_draft` and are published at once.
//!
//! Each request is one text frame `{id, method, params}`; the answer is
//! `{id, ok: true, result}` or `{id, ok: false, error: {code, message}}`. Whenever the
//! workshop changes (this client's command, a peer's edit, the facilitator's), the hub
//! also pushes `{event: "changed", change, local}`: what changed in the projection
//! ([`ViewChange`], computed once for all browsers; the whole view for a browser that
//! fell behind) and this person's own view when it may have changed (else null), so a
//! browser shows others' edits with no action of its own. To add a method, add an arm to [`call`] that calls one
//! `paja::api` function, exactly as the desktop command of the same name does.

use crate::synthesis;
use super::admission::{Gate, Member, Role};
use super::room::{HubState, lock};
use super::projection;
use super::wire::SealedItem;
use crate::api::{Command, Outcome, drafts};
use crate::model::ViewChange;
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::sync::Arc;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::watch;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;

use crate::{ErrorCode, Failure, Refusal};

#[derive(Deserialize)]
struct Request {
    #[serde(default)]
    id: Value,
    method: String,
    #[serde(default)]
    params: Value,
}

/// Answers one request frame from `member`.
pub fn answer(state: &HubState, member: &Member, text: &str) -> Value {
    let request: Request = match serde_json::from_str(text) {
        Ok(request) => request,
        Err(e) => return failed(Value::Null, Failure::new(ErrorCode::BadRequest, format!("The request could not be read: {e}."))),
    };
    match call(state, member, &request.method, request.params) {
        Ok(result) => json!({ "id": request.id, "ok": true, "result": result }),
        Err(failure) => failed(request.id, failure),
    }
}

fn failed(id: Value, failure: Failure) -> Value {
    json!({ "id": id, "ok": false, "error": failure })
}

fn core(e: crate::Error) -> Failure {
    Failure::from(&e)
}

fn params<T: DeserializeOwned>(params: Value) -> Result<T, Failure> {
    serde_json::from_value(params).map_err(|e| Failure::new(ErrorCode::BadRequest, format!("The request's parameters are wrong: {e}.")))
}

fn to_json<T: serde::Serialize>(value: T) -> Result<Value, Failure> {
    serde_json::to_value(value).map_err(|e| Failure::new(ErrorCode::Internal, format!("The answer could not be written: {e}.")))
}

fn call(state: &HubState, member: &Member, method: &str, raw: Value) -> Result<Value, Failure> {
    match method {
        "workshop_view" => to_json(lock(&state.file).view()),
        "local_view" => to_json(state.local_view_for(member).map_err(core)?),
        "execute" => {
            #[derive(Deserialize)]
            struct Params {
                command: Command,
            }
            let p: Params = params(raw)?;
            to_json(execute(state, member, &p.command)?)
        }
        "media" => {
            #[derive(Deserialize)]
            struct Params {
                hash: String,
            }
            let p: Params = params(raw)?;
            to_json(lock(&state.file).media_data_url(&p.hash).map_err(core)?)
        }
        "suggest_groups" => {
            #[derive(Deserialize)]
            struct Params {
                board: String,
                station: Option<String>,
            }
            let p: Params = params(raw)?;
            let view = lock(&state.file).view();
            to_json(synthesis::suggest_on(&view, &p.board, p.station.as_deref()).map_err(|e| core(e.into()))?)
        }
        "similar_items" => {
            #[derive(Deserialize)]
            struct Params {
                board: String,
                item: String,
            }
            let p: Params = params(raw)?;
            let view = lock(&state.file).view();
            to_json(synthesis::similar_on(&view, &p.board, &p.item).map_err(|e| core(e.into()))?)
        }
        "plain_language" => {
            #[derive(Deserialize)]
            struct Params {
                text: String,
            }
            let p: Params = params(raw)?;
            to_json(synthesis::plain_language::check(&p.text))
        }
        "traces" => to_json(crate::model::trace::traces(&lock(&state.file).view())),
        "evaluation_over_time" => to_json(crate::model::evaluation::over_time_in(&lock(&state.file).view())),
        "round_changes" => {
            let file = lock(&state.file);
            to_json(file.round_changes(&file.view()).map_err(core)?)
        }
        other => Err(Failure::new(ErrorCode::UnknownMethod, format!("There is no method called {other:?}."))),
    }
}

/// Runs a browser's command with its role's limits. Its drafts stay in the browser
/// until the reveal.
fn execute(state: &HubState, member: &Member, command: &Command) -> Result<Outcome, Failure> {
    match command {
        Command::WriteDraft { board, text, id } => publish_draft(state, member, board, text, id.as_deref()),
        Command::DraftsSent { board } => {
            // Only a revealed anonymous round waits for writers; any other says nothing.
            let _ = state.take_drafts(&member.person, board, Vec::new());
            Ok(Outcome { id: None })
        }
        Command::EditDraft { .. } | Command::DeleteDraft { .. } => Err(Refusal::DraftInBrowser.into()),
        other => state.execute_for(member, other).map_err(core),
    }
}

/// A browser's draft arrives only once its round is revealed, and is published at once:
/// sealed for an anonymous round (so the hub writes it as its own), else as a card.
fn publish_draft(state: &HubState, member: &Member, board: &str, text: &str, id: Option<&str>) -> Result<Outcome, Failure> {
    if member.role == Role::Observer {
        return Err(Refusal::ObserverCannotWrite.into());
    }
    let round = lock(&state.file).workshop().control().silent.filter(|s| s.board == board);
    match round {
        None => Err(Refusal::SilentNotHere.into()),
        Some(round) if !round.revealed => Err(Refusal::DraftInBrowser.into()),
        Some(round) if round.anonymous => {
            let kind = lock(&state.file).workshop().board(board).map_err(|e| core(e.into()))?.content.kind();
            let item = SealedItem::draft(Some(kind), text);
            let id = id.map(str::to_string).unwrap_or_else(crate::model::new_random_id);
            let taken = state.take_drafts(&member.person, board, vec![(id.clone(), item)]).map_err(Failure::from)?;
            match taken.contains(&id) {
                true => Ok(Outcome { id: None }),
                false => Err(Failure::new(ErrorCode::BadRequest, "The draft's id could not be read.")),
            }
        }
        Some(_) => {
            let id = state.change(|w| drafts::add_card(w, board, text)).map_err(sync_failure)?;
            Ok(Outcome { id: Some(id) })
        }
    }
}

fn sync_failure(e: super::SyncError) -> Failure {
    match e {
        e => Failure::from(&e),
    }
}

/// The push of one change: what changed, and this person's own view when the change
/// can have changed it (null: as it was).
fn changed(state: &HubState, member: &Member, change: &ViewChange, local_boards: &mut Vec<String>) -> Value {
    if let Some(control) = &change.control {
        *local_boards = projection::local_boards(control);
    }
    let local = projection::touches_local(change, local_boards).then(|| state.local_view_for(member).ok()).flatten();
    json!({ "event": "changed", "change": change, "local": local })
}

/// Lets a browser in: a token holder at once, someone with the code after the lobby.
pub async fn admit<S>(mut ws: WebSocketStream<S>, state: Arc<HubState>, gate: Gate, stop: watch::Receiver<bool>)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let (token, member) = match gate {
        Gate::Member { token, member } => (token, member),
        Gate::Knock { name, role } => match knock(&mut ws, &state, name, role).await {
            Some(admitted) => admitted,
            None => return,
        },
        Gate::Refuse { .. } => return,
    };
    state.enrol(&member);
    let key = state.drafts_key(&member.person);
    let welcome = json!({ "event": "welcome", "token": token, "role": member.role, "person": member.person, "drafts_key": key }).to_string();
    if ws.send(Message::Text(welcome.into())).await.is_err() {
        return;
    }
    serve(ws, state, member, stop).await
}

/// Waits in the lobby until the facilitator decides; None if refused or gone.
async fn knock<S>(ws: &mut WebSocketStream<S>, state: &HubState, name: String, role: Role) -> Option<(String, Member)>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let mut answer = lock(&state.admission).knock(name, role);
    let decided = match answer.try_recv() {
        Ok(decided) => decided,
        Err(tokio::sync::oneshot::error::TryRecvError::Closed) => return None,
        Err(tokio::sync::oneshot::error::TryRecvError::Empty) => {
            ws.send(Message::Text(json!({ "event": "lobby" }).to_string().into())).await.ok()?;
            loop {
                tokio::select! {
                    decided = &mut answer => break decided.ok()?,
                    message = ws.next() => match message {
                        Some(Ok(_)) => continue,
                        _ => return None,
                    },
                }
            }
        }
    };
    match decided {
        Ok(admitted) => Some(admitted),
        Err(reason) => {
            let _ = ws.send(Message::Text(json!({ "event": "refused", "reason": reason.to_string(), "code": reason }).to_string().into())).await;
            let _ = ws.close(None).await;
            None
        }
    }
}

/// Serves one browser: answers its requests and pushes every change, until it leaves.
pub async fn serve<S>(mut ws: WebSocketStream<S>, state: Arc<HubState>, member: Member, mut stop: watch::Receiver<bool>)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let _writer = super::sealed::Writer::new(&state, &member);
    let mut changes = state.views.subscribe();
    let mut local_boards = projection::local_boards(&lock(&state.file).workshop().control());
    loop {
        let out = tokio::select! {
            message = ws.next() => match message {
                Some(Ok(Message::Text(text))) => answer(&state, &member, &text),
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return,
                Some(Ok(_)) => continue,
            },
            change = projection::next(&mut changes, || state.views.complete(&state.file)) => match change {
                Some(change) => changed(&state, &member, &change, &mut local_boards),
                None => return,
            },
            _ = stop.changed() => return,
        };
        if ws.send(Message::Text(out.to_string().into())).await.is_err() {
            return;
        }
    }
}
