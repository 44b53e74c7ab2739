//! The browser participants' JSON RPC on `/rpc`: the same commands and projections as
//! the desktop window's IPC, over one WebSocket carrying an encrypted [`channel`].
//!
//! The browser first proves a secret through the key exchange: the join code a person
//! typed, the key in the join link's fragment, or the co-facilitator link's key (the
//! facilitator's role). Its first sealed frame is its join: `{name, observer}` or the
//! `{token}` it was welcomed with before (never the facilitator's token). With the lobby
//! on it first hears `{event: "lobby"}`, then `{event: "welcome", token, role, person}`.
//! Nothing travels in the URL, and plaintext is refused. Each command is checked for
//! its role exactly as a desktop core checks its own ([`rules::refusal`]); hidden dots
//! and answers are sealed straight into the hub. Silent-writing drafts stay in the
//! browser until the reveal, then arrive as `write_draft` and are published at once.
//!
//! Each request is one sealed frame `{id, method, params}`; the answer is
//! `{id, ok: true, result}` or `{id, ok: false, error: {code, message}}`. Whenever the
//! workshop changes (this client's command, a peer's edit, the facilitator's), the hub
//! also pushes `{event: "changed", change, local}`: what changed in the projection
//! ([`ViewChange`], computed once for all browsers; the whole view for a browser that
//! fell behind) and this person's own view when it may have changed (else null), so a
//! browser shows others' edits with no action of its own. To add a method, add an arm to [`call`] that calls one
//! `paja::api` function, exactly as the desktop command of the same name does.

use crate::synthesis;
use super::admission::{BrowserJoin, Gate, Member, Role};
use super::channel::{self, Keys, Secret};
use super::room::{HubState, lock};
use super::projection;
use super::wire::SealedItem;
use crate::api::{Command, Outcome, drafts};
use crate::model::ViewChange;
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;
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
            let _ = state.take_drafts(&member.person, board, Vec::new(), true);
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
            let taken = state.take_drafts(&member.person, board, vec![(id.clone(), item)], false).map_err(Failure::from)?;
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

/// The wire of one browser after its exchange: every frame sealed with its keys.
struct Channel<S> {
    ws: WebSocketStream<S>,
    keys: Keys,
}

impl<S: AsyncRead + AsyncWrite + Unpin> Channel<S> {
    async fn send(&mut self, value: &Value) -> bool {
        let frame = self.keys.seal(value.to_string().as_bytes());
        self.ws.send(Message::Binary(frame.into())).await.is_ok()
    }

    /// The next frame's text; None when the browser left, sent plaintext or a frame
    /// that does not open.
    async fn receive(&mut self) -> Option<String> {
        loop {
            match self.ws.next().await? {
                Ok(Message::Binary(frame)) => return self.keys.open(&frame).ok().and_then(|plain| String::from_utf8(plain).ok()),
                Ok(Message::Ping(_) | Message::Pong(_)) => continue,
                _ => return None,
            }
        }
    }
}

/// How long a browser may take over its key exchange and join.
const EXCHANGE_TIMEOUT: Duration = Duration::from_secs(30);

/// Lets a browser in: the key exchange, then its join over the channel; a token holder
/// at once, a newcomer after the lobby.
pub async fn admit<S>(ws: WebSocketStream<S>, state: Arc<HubState>, ip: IpAddr, stop: watch::Receiver<bool>)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let Ok(Some((mut channel, secret, join))) = tokio::time::timeout(EXCHANGE_TIMEOUT, exchange(ws, &state, ip)).await else {
        return;
    };
    let gate = lock(&state.admission).browser_gate(secret, &join);
    let browsers = lock(&state.file).workshop().control().browsers;
    let (token, member) = match gate {
        Gate::Member { token, member } => (token, member),
        Gate::Knock { .. } if !browsers => return refuse(&mut channel, Refusal::BrowsersClosed).await,
        Gate::Knock { name, role } => match knock(&mut channel, &state, name, role).await {
            Some(admitted) => admitted,
            None => return,
        },
        Gate::Refuse { reason, .. } => return refuse(&mut channel, reason).await,
    };
    state.enrol(&member);
    let key = state.drafts_key(&member.person);
    let welcome = json!({ "event": "welcome", "token": token, "role": member.role, "person": member.person, "drafts_key": key });
    if channel.send(&welcome).await {
        serve(channel, state, member, stop).await
    }
}

/// The exchange: the browser's opening, the hub's answer, then the first sealed frame,
/// its join. A browser that sends anything else, or whose frame does not open (it did
/// not know the secret), is dropped; a wrong guess counts against its address.
async fn exchange<S>(mut ws: WebSocketStream<S>, state: &HubState, ip: IpAddr) -> Option<(Channel<S>, Secret, BrowserJoin)>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let opening = match ws.next().await? {
        Ok(Message::Binary(bytes)) => bytes,
        _ => {
            tracing::info!("refused {ip}: /rpc takes only an encrypted channel.");
            let _ = ws.close(None).await;
            return None;
        }
    };
    let (secret, message) = channel::read_opening(&opening).ok()?;
    let password = lock(&state.admission).password(secret).to_string();
    let (reply, keys) = channel::hub_answer(&password, message).ok()?;
    ws.send(Message::Binary(reply.into())).await.ok()?;
    let mut channel = Channel { ws, keys };
    let Some(text) = channel.receive().await else {
        lock(&state.admission).wrong_guess(ip);
        tracing::info!("refused {ip}: its channel did not open; a wrong code or key.");
        let refused = json!({ "event": "refused", "code": Refusal::WrongCode, "reason": Refusal::WrongCode.to_string() });
        let _ = channel.ws.send(Message::Text(refused.to_string().into())).await;
        let _ = channel.ws.close(None).await;
        return None;
    };
    match serde_json::from_str::<BrowserJoin>(&text) {
        Ok(join) => Some((channel, secret, join)),
        Err(_) => {
            refuse(&mut channel, Refusal::CodeNeeded).await;
            None
        }
    }
}

async fn refuse<S>(channel: &mut Channel<S>, reason: Refusal)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    tracing::info!("refused a browser: {reason}");
    let _ = channel.send(&json!({ "event": "refused", "reason": reason.to_string(), "code": reason })).await;
    let _ = channel.ws.close(None).await;
}

/// Waits in the lobby until the facilitator decides; None if refused or gone.
async fn knock<S>(channel: &mut Channel<S>, state: &HubState, name: String, role: Role) -> Option<(String, Member)>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let mut answer = lock(&state.admission).knock(name, role);
    let decided = match answer.try_recv() {
        Ok(decided) => decided,
        Err(tokio::sync::oneshot::error::TryRecvError::Closed) => return None,
        Err(tokio::sync::oneshot::error::TryRecvError::Empty) => {
            channel.send(&json!({ "event": "lobby" })).await.then_some(())?;
            loop {
                tokio::select! {
                    decided = &mut answer => break decided.ok()?,
                    text = channel.receive() => text?,
                };
            }
        }
    };
    match decided {
        Ok(admitted) => Some(admitted),
        Err(reason) => {
            refuse(channel, reason).await;
            None
        }
    }
}

/// Serves one browser: answers its requests and pushes every change, until it leaves,
/// the hub stops, or the facilitator removes the person.
async fn serve<S>(mut channel: Channel<S>, state: Arc<HubState>, member: Member, mut stop: watch::Receiver<bool>)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let _writer = super::sealed::Writer::new(&state, &member);
    let mut changes = state.views.subscribe();
    let mut removed = lock(&state.admission).removed.subscribe();
    let mut local_boards = projection::local_boards(&lock(&state.file).workshop().control());
    loop {
        let out = tokio::select! {
            text = channel.receive() => match text {
                Some(text) => answer(&state, &member, &text),
                None => return,
            },
            change = projection::next(&mut changes, || state.views.complete(&state.file)) => match change {
                Some(change) => changed(&state, &member, &change, &mut local_boards),
                None => return,
            },
            person = removed.recv() => match person {
                Ok(person) if person == member.person => return refuse(&mut channel, Refusal::Removed).await,
                _ => continue,
            },
            _ = stop.changed() => return,
        };
        if !channel.send(&out).await {
            return;
        }
    }
}
