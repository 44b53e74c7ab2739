//! `paja serve` and `paja join`: a hub without a window, and a participant's replica.
//!
//! Both print plain `key value` lines on stdout that scripts and tests read. `join
//! --script` reads one JSON line per request on stdin and answers each with one JSON
//! line (`{"ok": ...}` or `{"error": "..."}`); end of input ends the process. A request
//! is any UI command (`{"cmd": "start_timer", "seconds": 300}`, run as the window runs
//! it, with this person's role), or one of [`ScriptCommand`]: `{"view": null}`,
//! `{"local_view": null}`, `{"status": null}`, `{"raw": COMMAND}` (the command written
//! straight into the replica, skipping the core's own checks, to test the hub's), and a
//! few shortcuts.

use anyhow::{Context, Result, bail};
use clap::Args;
use paja::api::{Command, WorkshopFile, apply_command};
use paja::model::free::FreeCard;
use paja::model::{BoardKind, Workshop};
use paja::session::{self, HubHandle, HubOptions, PeerHandle, PeerOptions, PeerStatus, SealedItem};
use paja::session::{RelayReader, RelaySettings, RelayState, RelayStatus, RelayTrust};
use serde::Deserialize;
use serde_json::{Value, json};
use std::io::{BufRead, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Args)]
pub struct ServeArgs {
    file: PathBuf,
    #[arg(long, default_value_t = 7070)]
    port: u16,
    #[arg(long, default_value = "0.0.0.0")]
    bind: IpAddr,
    /// Plain ws:// instead of TLS, for browsers and Yjs clients on this computer only.
    #[arg(long)]
    insecure_loopback: bool,
    /// Hold newcomers in a lobby; admit them by typing `admit ID` (or `deny ID`).
    #[arg(long)]
    lobby: bool,
    /// Largest message accepted, in bytes.
    #[arg(long, default_value_t = 8 * 1024 * 1024)]
    max_message: usize,
    /// Seconds a connection may stay silent, and may take to finish its handshake.
    #[arg(long, default_value_t = 60)]
    idle_timeout: u64,
    #[arg(long, default_value_t = 10)]
    handshake_timeout: u64,
    /// Do not advertise on the LAN over mDNS.
    #[arg(long)]
    no_mdns: bool,
    /// Serve this built UI folder (ui/dist) to browsers over plain HTTP on the same port.
    #[arg(long)]
    ui: Option<PathBuf>,
    /// Let browsers join from the start (the facilitator can turn this off and on).
    #[arg(long)]
    browsers: bool,
    /// Seconds a reveal waits at most for connected writers' anonymous drafts.
    #[arg(long, default_value_t = 3)]
    reveal_wait: u64,
    /// Relay the published workshop to a regional server: wss://HOST:PORT (see below).
    #[arg(long, value_name = "URL", requires_all = ["relay_token", "relay_workshop"])]
    relay: Option<String>,
    /// The token the server's keeper gave for this workshop.
    #[arg(long, value_name = "TOKEN")]
    relay_token: Option<String>,
    /// The workshop's document name on the server, such as ryhma-1.
    #[arg(long, value_name = "NAME")]
    relay_workshop: Option<String>,
    /// Trust the certificates in this PEM file for the server (else the system's).
    #[arg(long, value_name = "CA.pem")]
    relay_ca: Option<PathBuf>,
}

/// How to run the regional server, shown by `paja serve --help`.
pub const RELAY_HELP: &str = "\
The regional server:
  --relay keeps the workshop's published content (no drafts, sealed items, tokens,
  roster or the names exports hide) in a document on a Hocuspocus server, over TLS.
  The room goes on when the link drops, and merges when it returns.
  Run the server from the repository's relay/ folder (Node 20):
    cd relay && npm ci
    node server.mjs --port 8443 --db paja.sqlite --tokens tokens.json \\
                    --cert cert.pem --key key.pem
  tokens.json names what each token may do, and is read again on every connection:
    { \"TOKEN\": { \"documents\": [\"ryhma-1\"], \"access\": \"write\" } }
  (\"*\" for every document; \"read\" for staff who only read.) A token taken out of
  the file ends its connections at once. The server's certificate must chain to the
  system's roots, or to --relay-ca. Staff read a workshop with
    paja join --relay wss://HOST:PORT --token T --workshop ryhma-1 copy.paja
  One process serves a whole region's workshops; docs/scaling.md says when to run more
  (one instance per region, Redis only for failover).";

#[derive(Args)]
pub struct JoinArgs {
    /// `paja://HOST:PORT?code=C&fp=HEX` from the QR code, or `HOST:PORT` (with --relay: the FILE).
    addr: String,
    /// The local replica; made from the hub's state if missing.
    file: Option<PathBuf>,
    /// Follow a workshop on a regional server read-only instead: wss://HOST:PORT.
    #[arg(long, value_name = "URL", requires = "workshop")]
    relay: Option<String>,
    /// With --relay: the workshop's document name on the server.
    #[arg(long, value_name = "NAME")]
    workshop: Option<String>,
    /// With --relay: trust the certificates in this PEM file for the server.
    #[arg(long, value_name = "CA.pem")]
    relay_ca: Option<PathBuf>,
    #[arg(long)]
    code: Option<String>,
    /// SHA-256 of the hub's certificate (hex). Without it, only a loopback hub is joined, over plain ws.
    #[arg(long)]
    fingerprint: Option<String>,
    #[arg(long)]
    token: Option<String>,
    #[arg(long, default_value = "")]
    name: String,
    #[arg(long)]
    observer: bool,
    /// Read JSON commands from stdin and answer on stdout (for tests and scripts).
    #[arg(long, hide = true)]
    script: bool,
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().context("no async runtime")
}

fn say(line: impl std::fmt::Display) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// Resolves when SIGINT or SIGTERM arrives.
async fn interrupted() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(mut term) = signal(SignalKind::terminate()) else { return std::future::pending().await };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}

pub fn serve(args: ServeArgs) -> Result<()> {
    if args.insecure_loopback && !args.bind.is_loopback() {
        bail!("Plain ws:// is only for this computer: add --bind 127.0.0.1.");
    }
    let options = HubOptions {
        bind: SocketAddr::new(args.bind, args.port),
        tls: !args.insecure_loopback,
        auto_admit: !args.lobby,
        max_message: args.max_message,
        handshake_timeout: Duration::from_secs(args.handshake_timeout),
        idle_timeout: Duration::from_secs(args.idle_timeout),
        mdns: !args.no_mdns,
        ui_dir: args.ui.clone(),
        reveal_wait: Duration::from_secs(args.reveal_wait),
        relay: relay_settings(args.relay.as_deref(), args.relay_token.as_deref(), args.relay_workshop.as_deref(), args.relay_ca.as_deref())?,
        ..HubOptions::default()
    };
    runtime()?.block_on(async {
        let hub = session::host::start(&args.file, &options).await?;
        if args.browsers {
            hub.execute(&Command::AllowBrowsers { on: true })?;
        }
        say(format!("listening {}", hub.url()));
        say(format!("code {}", hub.code));
        if let Some(fp) = &hub.fingerprint {
            say(format!("fingerprint {fp}"));
        }
        say(format!("facilitator-token {}", hub.facilitator_token));
        say(format!("join {}", hub.join_link()));
        if args.ui.is_some() {
            say(format!("page http://{}:{}/", hub.host, hub.addr.port()));
        }
        if let Some(link) = hub.browser_link() {
            say(format!("browser {link}"));
        }
        if let Some(link) = hub.lead_link() {
            say(format!("lead {link}"));
        }
        tokio::select! {
            _ = interrupted() => {}
            _ = lobby_console(&hub), if args.lobby => {}
            _ = show_relay(&hub), if args.relay.is_some() => {}
        }
        hub.stop();
        Ok(())
    })
}

/// Shows newcomers and reads `admit ID [role]`, `deny ID`, `auto on|off`, `reveal BOARD`.
async fn lobby_console(hub: &HubHandle) {
    let (tx, mut lines) = tokio::sync::mpsc::channel::<String>(16);
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            if tx.blocking_send(line).is_err() {
                break;
            }
        }
    });
    let mut shown = std::collections::HashSet::new();
    let mut tick = tokio::time::interval(Duration::from_millis(200));
    loop {
        tokio::select! {
            _ = tick.tick() => {
                for entry in hub.lobby().into_iter().filter(|e| shown.insert(e.id)) {
                    say(format!("lobby {} {}", entry.id, entry.name));
                }
            }
            line = lines.recv() => match line {
                Some(line) => say(console_command(hub, &line)),
                None => return std::future::pending().await,
            },
        }
    }
}

fn console_command(hub: &HubHandle, line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let id = || words.get(1).and_then(|w| w.parse::<u64>().ok()).unwrap_or(0);
    let role = words.get(2).and_then(|r| serde_json::from_value(json!(r)).ok());
    match words.first().copied() {
        Some("admit") => format!("admitted {}", hub.admit(id(), role)),
        Some("deny") => format!("denied {}", hub.deny(id())),
        Some("auto") => {
            hub.set_auto_admit(words.get(1) == Some(&"on"));
            "auto-admit set".into()
        }
        Some("reveal") => match hub.reveal(words.get(1).copied().unwrap_or("")) {
            Ok(n) => format!("revealed {n}"),
            Err(e) => format!("error {e}"),
        },
        Some("do") => {
            let json = line.trim_start().trim_start_matches("do").trim();
            match serde_json::from_str::<Command>(json).map_err(|e| e.to_string()).and_then(|c| hub.execute(&c).map_err(|e| e.to_string())) {
                Ok(outcome) => format!("done {}", json!(outcome.id)),
                Err(e) => format!("error {e}"),
            }
        }
        _ => "commands: admit ID [role], deny ID, auto on|off, reveal BOARD, do COMMAND_JSON".into(),
    }
}

/// The relay's settings from the command line; None without `--relay`.
fn relay_settings(url: Option<&str>, token: Option<&str>, workshop: Option<&str>, ca: Option<&std::path::Path>) -> Result<Option<RelaySettings>> {
    let Some(url) = url else { return Ok(None) };
    let trust = match ca {
        Some(path) => RelayTrust::Pem(std::fs::read(path).with_context(|| format!("{} could not be read", path.display()))?),
        None => RelayTrust::Platform,
    };
    let text = |v: Option<&str>| v.unwrap_or_default().to_string();
    Ok(Some(RelaySettings { url: url.to_string(), token: text(token), workshop: text(workshop), trust }))
}

/// Prints `relay connected|offline|refused SENTENCE` as the relay's state changes.
async fn show_relay(hub: &HubHandle) {
    let mut signal = hub.subscribe_status();
    let mut shown = None;
    loop {
        if let Some(status) = hub.relay_status() {
            say_relay(&status, &mut shown);
        }
        if let Err(tokio::sync::broadcast::error::RecvError::Closed) = signal.recv().await {
            return std::future::pending().await;
        }
    }
}

fn say_relay(status: &RelayStatus, shown: &mut Option<RelayState>) {
    if *shown == Some(status.state) || status.state == RelayState::Connecting {
        return;
    }
    *shown = Some(status.state);
    let state = json!(status.state);
    match (&status.refusal, status.state) {
        (Some(why), RelayState::Refused) => say(format!("relay {} {}", state.as_str().unwrap_or_default(), why.message)),
        _ => say(format!("relay {}", state.as_str().unwrap_or_default())),
    }
}

pub fn join(args: JoinArgs) -> Result<()> {
    if args.relay.is_some() {
        return read_relay(args);
    }
    let Some(path) = args.file.clone() else { bail!("Give the replica's FILE after the hub's address.") };
    let mut options = PeerOptions::from_link(&args.addr)?;
    options.code = args.code.or(options.code);
    options.fingerprint = args.fingerprint.or(options.fingerprint);
    options.token = args.token;
    options.name = args.name;
    options.observer = args.observer;
    let file = open_or_create(&path)?;
    runtime()?.block_on(async {
        let peer = session::join::connect(file, options);
        let refused = if args.script {
            tokio::select! {
                _ = interrupted() => None,
                _ = script(&peer) => None,
            }
        } else {
            tokio::select! {
                _ = interrupted() => None,
                refused = show_status(&peer) => refused,
            }
        };
        peer.stop();
        match refused {
            Some(reason) => bail!("{}", reason.message),
            None => Ok(()),
        }
    })
}

fn open_or_create(path: &std::path::Path) -> Result<WorkshopFile> {
    Ok(match path.exists() {
        true => WorkshopFile::open(path)?,
        false => WorkshopFile::create(path, Workshop::new())?,
    })
}

/// `paja join --relay`: a read-only replica of a server's document in FILE.
fn read_relay(args: JoinArgs) -> Result<()> {
    if args.file.is_some() {
        bail!("With --relay, give only the replica's FILE.");
    }
    let path = PathBuf::from(&args.addr);
    let settings = relay_settings(args.relay.as_deref(), args.token.as_deref(), args.workshop.as_deref(), args.relay_ca.as_deref())?;
    let settings = settings.context("no relay")?;
    let file = open_or_create(&path)?;
    runtime()?.block_on(async {
        let reader = RelayReader::start(file, settings);
        let refused = tokio::select! {
            _ = interrupted() => None,
            _ = read_script(&reader), if args.script => None,
            refused = show_reading(&reader), if !args.script => refused,
        };
        reader.stop();
        match refused {
            Some(reason) => bail!("{}", reason.message),
            None => Ok(()),
        }
    })
}

/// Prints `relay ...` as the state changes and `updated` after each change taken in,
/// until the server refuses (returned).
async fn show_reading(reader: &RelayReader) -> Option<paja::Failure> {
    let mut status = reader.watch_status();
    let mut changes = reader.subscribe_changes();
    let mut shown = None;
    loop {
        let now = status.borrow_and_update().clone();
        say_relay(&now, &mut shown);
        if now.state == RelayState::Refused {
            return now.refusal;
        }
        tokio::select! {
            biased;
            changed = status.changed() => if changed.is_err() { return None },
            change = changes.recv() => match change {
                Ok(()) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                    while changes.try_recv().is_ok() {}
                    say("updated");
                }
                Err(_) => return None,
            },
        }
    }
}

/// `--script` for a reader: `{"view": null}` and `{"status": null}` answer; anything else
/// is refused, since the copy can only be read.
async fn read_script(reader: &RelayReader) {
    let mut lines = stdin_lines();
    while let Some(line) = lines.recv().await {
        if line.trim().is_empty() {
            continue;
        }
        let answer = match read_request(&line) {
            Ok(Err(ScriptCommand::View)) => serde_json::to_value(reader.view()).map_err(anyhow::Error::from),
            Ok(Err(ScriptCommand::Status)) => Ok(json!({ "relay": reader.status() })),
            Ok(_) => Err(anyhow::anyhow!("{}", paja::Refusal::ReadOnlyCopy)),
            Err(e) => Err(e),
        };
        say(match answer {
            Ok(value) => json!({ "ok": value }),
            Err(e) => json!({ "error": e.to_string() }),
        });
    }
}

fn stdin_lines() -> tokio::sync::mpsc::Receiver<String> {
    let (tx, lines) = tokio::sync::mpsc::channel::<String>(256);
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            if tx.blocking_send(line).is_err() {
                break;
            }
        }
    });
    lines
}

/// Prints each status until the hub refuses us (returned) or the link ends.
async fn show_status(peer: &PeerHandle) -> Option<paja::Failure> {
    let mut status = peer.watch_status();
    loop {
        let now = status.borrow_and_update().clone();
        say(format!("status {}", json!(now)));
        if let PeerStatus::Refused { reason } = now {
            return Some(reason);
        }
        if status.changed().await.is_err() {
            return None;
        }
    }
}

/// One scripted request besides the UI's commands.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum ScriptCommand {
    CreateBoard { kind: BoardKind, title: String },
    AddFreeCard { board: String, text: String },
    SealedCard { board: String, text: String },
    /// Handed to the hub as it is, past the core's own count of dots and answers, as a
    /// tampered app would.
    Sealed { board: String, item: SealedItem },
    /// Written into the replica without the core's checks, as a tampered app would.
    Raw(Command),
    View,
    LocalView,
    Status,
}

/// A request line: a UI command (it has `cmd`) or a script command.
fn read_request(line: &str) -> Result<Result<Command, ScriptCommand>> {
    let value: Value = serde_json::from_str(line).map_err(|e| anyhow::anyhow!("The line is not JSON: {e}."))?;
    if value.get("cmd").is_some() {
        let command = serde_json::from_value(value).map_err(|e| anyhow::anyhow!("The command was not understood: {e}."))?;
        return Ok(Ok(command));
    }
    let script = serde_json::from_value(value).map_err(|e| anyhow::anyhow!("The command was not understood: {e}."))?;
    Ok(Err(script))
}

async fn script(peer: &PeerHandle) {
    let mut lines = stdin_lines();
    while let Some(line) = lines.recv().await {
        if line.trim().is_empty() {
            continue;
        }
        let answer = match read_request(&line) {
            Ok(Ok(command)) => peer.execute(&command).map(|o| json!({ "id": o.id })).map_err(anyhow::Error::from),
            Ok(Err(script)) => run_command(peer, script),
            Err(e) => Err(e),
        };
        say(match answer {
            Ok(value) => json!({ "ok": value }),
            Err(e) => json!({ "error": e.to_string() }),
        });
    }
}

fn run_command(peer: &PeerHandle, command: ScriptCommand) -> Result<Value> {
    Ok(match command {
        ScriptCommand::CreateBoard { kind, title } => json!(peer.change(|w| w.create_board(kind, &title, None))?),
        ScriptCommand::AddFreeCard { board, text } => {
            let card = FreeCard { text, color: "yellow".into(), ..FreeCard::default() };
            json!(peer.change(|w| w.add(&board, &card))?)
        }
        ScriptCommand::Raw(command) => json!(peer.change(|w| apply_command(w, &command))?),
        ScriptCommand::SealedCard { board, text } => {
            json!(peer.send_sealed(&board, SealedItem::FreeCard { text, color: "yellow".into() }))
        }
        ScriptCommand::Sealed { board, item } => json!(peer.send_sealed(&board, item)),
        ScriptCommand::View => serde_json::to_value(peer.view())?,
        ScriptCommand::LocalView => serde_json::to_value(peer.local_view()?)?,
        ScriptCommand::Status => json!({
            "status": peer.status(),
            "role": peer.role(),
            "refusals": peer.refusals(),
            "presence": peer.presence().len(),
        }),
    })
}
