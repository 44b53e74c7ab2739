//! The harness for sync tests: real `paja serve` and `paja join --script` processes on
//! loopback, a TCP relay the test controls (to cut links and to record what crosses the
//! wire), and polling helpers that wait for convergence instead of timing anything.
#![allow(dead_code)]

pub mod relay;
pub mod session;

use paja::api::WorkshopFile;
use paja::model::{BoardKind, Workshop};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// How long anything may take on a busy two-core machine before a test gives up.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// A workshop file with one free board; returns the file and the board's id.
pub fn workshop_with_board(dir: &Path) -> (PathBuf, String) {
    let path = dir.join("hub.paja");
    let mut workshop = Workshop::new();
    let board = workshop.create_board(BoardKind::Free, "Ideat", None).expect("a board can be made");
    WorkshopFile::create(&path, workshop).expect("the hub's file can be made");
    (path, board)
}

/// Polls `done` until it holds or [`PATIENCE`] runs out.
pub fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < PATIENCE, "gave up waiting: {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn lines_of(stream: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// A running `paja serve`.
pub struct Hub {
    child: Child,
    pub file: PathBuf,
    pub port: u16,
    pub code: String,
    pub fingerprint: Option<String>,
    pub facilitator_token: String,
    extra: Vec<String>,
    /// What the hub printed after its address, not yet taken by [`Hub::expect`].
    lines: Receiver<String>,
    unread: Vec<String>,
}

impl Hub {
    /// Serves `file` on a free loopback port with TLS.
    pub fn serve(file: &Path, extra: &[&str]) -> Hub {
        Hub::serve_on(file, 0, extra.iter().map(|s| s.to_string()).collect())
    }

    fn serve_on(file: &Path, port: u16, extra: Vec<String>) -> Hub {
        let log = std::fs::File::create(file.with_extension(format!("hub-{port}.log"))).expect("log file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_paja"))
            .args(["serve", &file.to_string_lossy(), "--bind", "127.0.0.1", "--port", &port.to_string(), "--no-mdns"])
            .args(&extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("paja serve starts");
        let lines = lines_of(child.stdout.take().expect("stdout"));
        let mut fields = std::collections::HashMap::new();
        while !fields.contains_key("join") {
            let line = lines.recv_timeout(PATIENCE).expect("paja serve prints its address");
            if let Some((key, value)) = line.split_once(' ') {
                fields.insert(key.to_string(), value.to_string());
            }
        }
        let url = &fields["listening"];
        let port = url.rsplit(':').next().and_then(|p| p.parse().ok()).expect("a port in the address");
        Hub {
            child,
            file: file.to_path_buf(),
            port,
            code: fields["code"].clone(),
            fingerprint: fields.get("fingerprint").cloned(),
            facilitator_token: fields["facilitator-token"].clone(),
            extra,
            lines,
            unread: Vec::new(),
        }
    }

    /// Types one line at the `--lobby` console.
    pub fn type_line(&mut self, line: &str) {
        let stdin = self.child.stdin.as_mut().expect("the hub's stdin");
        writeln!(stdin, "{line}").and_then(|_| stdin.flush()).expect("the hub reads its console");
    }

    /// Waits for the next printed line that starts with `prefix`; keeps the others.
    pub fn expect(&mut self, prefix: &str) -> String {
        let start = Instant::now();
        loop {
            if let Some(i) = self.unread.iter().position(|l| l.starts_with(prefix)) {
                return self.unread.remove(i);
            }
            let left = PATIENCE.saturating_sub(start.elapsed());
            let line = self.lines.recv_timeout(left).unwrap_or_else(|_| panic!("the hub never printed `{prefix}…`"));
            self.unread.push(line);
        }
    }

    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// The hub process's id, to read its memory and open files.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGKILL: no chance to flush or say goodbye.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts again on the same file and port.
    pub fn restart(&mut self) {
        self.kill();
        let start = Instant::now();
        loop {
            // The port may linger for a moment after the kill.
            let probe = std::net::TcpListener::bind(("127.0.0.1", self.port));
            if probe.is_ok() || start.elapsed() > PATIENCE {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let again = Hub::serve_on(&self.file, self.port, self.extra.clone());
        let old = std::mem::replace(self, again);
        drop(old);
    }

    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Hub {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A running `paja join --script`.
pub struct Peer {
    child: Child,
    stdin: ChildStdin,
    answers: Receiver<String>,
    pub file: PathBuf,
}

impl Peer {
    /// Joins `addr` with the hub's code and (if it has TLS) its fingerprint.
    pub fn join(hub: &Hub, addr: &str, file: &Path, extra: &[&str]) -> Peer {
        let mut args = vec!["join".to_string(), addr.to_string(), file.to_string_lossy().into(), "--script".into()];
        args.extend(["--code".into(), hub.code.clone()]);
        if let Some(fp) = &hub.fingerprint {
            args.extend(["--fingerprint".into(), fp.clone()]);
        }
        args.extend(extra.iter().map(|s| s.to_string()));
        Peer::spawn(&args, file)
    }

    pub fn spawn(args: &[String], file: &Path) -> Peer {
        let log = std::fs::File::create(file.with_extension("log")).expect("log file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_paja"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("paja join starts");
        let answers = lines_of(child.stdout.take().expect("stdout"));
        let stdin = child.stdin.take().expect("stdin");
        Peer { child, stdin, answers, file: file.to_path_buf() }
    }

    /// Sends one script command and returns its answer's `ok` value.
    pub fn ask(&mut self, command: Value) -> Result<Value, String> {
        writeln!(self.stdin, "{command}").map_err(|e| e.to_string())?;
        self.stdin.flush().map_err(|e| e.to_string())?;
        let line = self.answers.recv_timeout(PATIENCE).map_err(|_| "the peer did not answer".to_string())?;
        let answer: Value = serde_json::from_str(&line).map_err(|e| format!("{e}: {line}"))?;
        match answer.get("ok") {
            Some(ok) => Ok(ok.clone()),
            None => Err(answer["error"].to_string()),
        }
    }

    /// Adds a card once the replica holds the board (a fresh replica gets it by sync).
    pub fn add_card(&mut self, board: &str, text: &str) -> String {
        wait_until("the replica holds the board", || self.has_board(board));
        let id = self.ask(json!({ "add_free_card": { "board": board, "text": text } }));
        id.expect("a card can be added locally, online or not").as_str().unwrap_or_default().to_string()
    }

    pub fn has_board(&mut self, board: &str) -> bool {
        self.view()["boards"].as_array().is_some_and(|b| b.iter().any(|b| b["id"] == board))
    }

    pub fn view(&mut self) -> Value {
        self.ask(json!({ "view": null })).expect("the peer shows its view")
    }

    pub fn status(&mut self) -> Value {
        self.ask(json!({ "status": null })).expect("the peer shows its status")
    }

    pub fn is_connected(&mut self) -> bool {
        self.status()["status"]["state"] == "connected"
    }

    /// The texts of the cards on a free board, sorted.
    pub fn card_texts(&mut self, board: &str) -> Vec<String> {
        card_texts(&self.view(), board)
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The texts of the cards on a free board in a projection, sorted.
pub fn card_texts(view: &Value, board: &str) -> Vec<String> {
    let boards = view["boards"].as_array().cloned().unwrap_or_default();
    let Some(board) = boards.iter().find(|b| b["id"] == board) else { return Vec::new() };
    let cards = board["cards"].as_array().cloned().unwrap_or_default();
    let mut texts: Vec<String> = cards.iter().filter_map(|c| c["text"].as_str().map(String::from)).collect();
    texts.sort();
    texts
}

/// True once the hub has closed this raw WebSocket connection (within a generous minute).
pub async fn dropped(ws: &mut tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>) -> bool {
    use futures_util::StreamExt;
    use tokio_tungstenite::tungstenite::Message;
    let wait = async {
        loop {
            match ws.next().await {
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return true,
                Some(Ok(_)) => continue,
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(60), wait).await.unwrap_or(false)
}
