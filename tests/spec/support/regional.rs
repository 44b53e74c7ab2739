//! A real regional server for the relay's tests: `node relay/server.mjs` (Hocuspocus with
//! its SQLite extension) over TLS, with a certificate signed by a CA made here, and a
//! tokens file the test can rewrite while it runs. `make deps-npm` installs its packages.
#![allow(dead_code)]

use super::sync::session::{facilitator, join, ok, plan};
use super::sync::{Hub, PATIENCE, Peer, wait_until};
use paja::model::WorkshopView;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub struct Region {
    child: Child,
    pub port: u16,
    pub db: PathBuf,
    pub tokens: PathBuf,
    /// The CA the server's certificate chains to, as PEM: what `--relay-ca` is given.
    pub ca: PathBuf,
}

/// A CA and a certificate for `localhost` and 127.0.0.1 that it signed: (CA, cert, key) as PEM.
pub fn certificates() -> (String, String, String) {
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("CA parameters");
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params.distinguished_name.push(rcgen::DnType::CommonName, "Alueen testi-CA");
    let ca_key = rcgen::KeyPair::generate().expect("a CA key");
    let ca = rcgen::CertifiedIssuer::self_signed(ca_params, ca_key).expect("the CA signs itself");
    let params = rcgen::CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()]).expect("server parameters");
    let key = rcgen::KeyPair::generate().expect("a server key");
    let cert = params.signed_by(&key, &ca).expect("the CA signs the server's certificate");
    (ca.pem(), cert.pem(), key.serialize_pem())
}

impl Region {
    /// Starts a server in `dir` whose tokens file holds `tokens`.
    pub fn start(dir: &Path, tokens: &Value) -> Region {
        let server = Path::new(env!("CARGO_MANIFEST_DIR")).join("relay");
        assert!(
            server.join("node_modules/@hocuspocus/server").exists(),
            "the regional server's packages are missing: run `make deps-npm` (or `npm ci` in relay/)"
        );
        let (ca, cert, key) = certificates();
        let write = |name: &str, text: &str| {
            let path = dir.join(name);
            std::fs::write(&path, text).expect("a file for the server");
            path
        };
        let ca = write("region-ca.pem", &ca);
        let cert = write("region-cert.pem", &cert);
        let key = write("region-key.pem", &key);
        let tokens = write("tokens.json", &tokens.to_string());
        let db = dir.join("region.sqlite");
        let log = std::fs::File::create(dir.join("region.log")).expect("log file");
        let path = |p: &Path| p.to_string_lossy().to_string();
        let mut child = Command::new("node")
            .arg(server.join("server.mjs"))
            .args(["--port", "0", "--host", "127.0.0.1", "--db", &path(&db), "--tokens", &path(&tokens)])
            .args(["--cert", &path(&cert), "--key", &path(&key)])
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("node starts the regional server");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let first = lines.next().and_then(Result::ok);
            let _ = tx.send(first);
            for _ in lines {}
        });
        let line = rx.recv_timeout(PATIENCE).ok().flatten().expect("the regional server prints `listening PORT`");
        let port = line.strip_prefix("listening ").and_then(|p| p.trim().parse().ok()).expect("a port");
        Region { child, port, db, tokens, ca }
    }

    pub fn url(&self) -> String {
        format!("wss://localhost:{}", self.port)
    }

    /// The server's address through a relay the test controls, on `port`.
    pub fn url_via(&self, port: u16) -> String {
        format!("wss://localhost:{port}")
    }

    /// Replaces the tokens file in one rename, as an operator's editor would.
    pub fn set_tokens(&self, tokens: &Value) {
        let next = self.tokens.with_extension("json.new");
        std::fs::write(&next, tokens.to_string()).expect("the new tokens file");
        std::fs::rename(&next, &self.tokens).expect("the tokens file is replaced");
    }

    /// Every byte the server has stored: its SQLite file and write-ahead log.
    pub fn stored_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = self.db.as_os_str().to_owned();
            name.push(suffix);
            bytes.extend(std::fs::read(PathBuf::from(name)).unwrap_or_default());
        }
        bytes
    }

    /// The CLI's flags for trusting this server.
    pub fn ca_arg(&self) -> String {
        self.ca.to_string_lossy().to_string()
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Region {
    /// `paja join --relay … --script`: a staff member's read-only copy of `workshop`.
    pub fn reader(&self, file: &Path, token: &str, workshop: &str) -> super::sync::Peer {
        let args: Vec<String> = ["join", "--relay", &self.url(), "--token", token, "--workshop", workshop, "--relay-ca", &self.ca_arg()]
            .iter()
            .map(|s| s.to_string())
            .chain([file.to_string_lossy().to_string(), "--script".to_string()])
            .collect();
        super::sync::Peer::spawn(&args, file)
    }

    /// `paja serve`'s flags to relay to this server (at `url`) as `workshop` with `token`.
    pub fn serve_args(&self, url: &str, token: &str, workshop: &str) -> Vec<String> {
        ["--relay", url, "--relay-token", token, "--relay-workshop", workshop, "--relay-ca", &self.ca_arg()].iter().map(|s| s.to_string()).collect()
    }
}

pub fn args(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

/// What of the hub's workshop (as a replica that follows it shows it) may leave the room.
pub fn published(view: &Value) -> Value {
    let view: WorkshopView = serde_json::from_value(view.clone()).expect("a replica's view reads as a workshop");
    serde_json::to_value(paja::export::published::view(&view)).expect("the published view as JSON")
}

/// The reader's view, normalised the same way.
pub fn normal(view: &Value) -> Value {
    let view: WorkshopView = serde_json::from_value(view.clone()).expect("the reader's view reads as a workshop");
    serde_json::to_value(view).expect("JSON")
}

/// A free board made by the facilitator, for the participants' cards.
pub fn free_board(fac: &mut Peer, title: &str) -> String {
    let made = ok(fac, json!({ "cmd": "create_board", "kind": "free", "title": title, "session_id": null, "starter": false }));
    made["id"].as_str().expect("the board's id").to_string()
}

/// One room with its hub relaying to the region (perhaps refused), a facilitator and one
/// participant, and a free board for cards.
pub struct Room {
    pub hub: Hub,
    pub fac: Peer,
    pub writer: Peer,
    pub wall: String,
    pub cards: String,
    pub cafe: String,
    pub station: String,
}

pub fn room(dir: &Path, region: &Region, url: &str, token: &str, workshop: &str, writer_name: &str) -> Room {
    std::fs::create_dir_all(dir).expect("the room's folder");
    let plan = plan(dir);
    let hub = Hub::serve(&plan.file, &args(&region.serve_args(url, token, workshop)));
    let mut fac = facilitator(&hub, dir);
    let mut writer = join(&hub, dir, "w.paja", &["--name", writer_name]);
    wait_until("the room is in", || fac.is_connected() && writer.is_connected());
    let cards = free_board(&mut fac, "Kortit");
    Room { hub, fac, writer, cards, cafe: plan.cafe, station: plan.stations[0].clone(), wall: plan.wall }
}


impl Region {
    /// Settings for the library's hub and reader.
    pub fn settings(&self, token: &str, workshop: &str) -> paja::session::RelaySettings {
        let ca = std::fs::read(&self.ca).expect("the CA file");
        paja::session::RelaySettings { url: self.url(), token: token.into(), workshop: workshop.into(), trust: paja::session::RelayTrust::Pem(ca) }
    }

    /// `paja join --relay` without a script: its printed lines as they come.
    pub fn reader_lines(&self, file: &Path, token: &str, workshop: &str) -> (Child, std::sync::mpsc::Receiver<String>) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_paja"))
            .args(["join", "--relay", &self.url(), "--token", token, "--workshop", workshop, "--relay-ca", &self.ca_arg()])
            .arg(file)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("paja join starts");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        (child, rx)
    }
}

/// Whether the workshop file at `path` shows `text` anywhere in its view.
pub fn file_shows(path: &Path, text: &str) -> bool {
    paja::api::WorkshopFile::open(path).is_ok_and(|file| serde_json::to_string(&file.view()).is_ok_and(|json| json.contains(text)))
}
