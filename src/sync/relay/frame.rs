//! Hocuspocus's framing of y-sync: every message starts with the document's name
//! (`varString`) and a message type (`varUint`), then its payload. Sync payloads are
//! y-protocols sync messages; Auth payloads are `varUint(kind)` and a `varString` (a
//! token from the client; the scope or the reason from the server).

use yrs::StateVector;
use yrs::encoding::read::{Cursor, Read};
use yrs::encoding::write::Write;
use yrs::sync::SyncMessage;
use yrs::updates::decoder::Decode;
use yrs::updates::encoder::Encode;

const SYNC: u32 = 0;
const AWARENESS: u32 = 1;
const AUTH: u32 = 2;
const QUERY_AWARENESS: u32 = 3;
const SYNC_REPLY: u32 = 4;
const CLOSE: u32 = 7;

const AUTH_TOKEN: u32 = 0;
const AUTH_DENIED: u32 = 1;
const AUTH_GRANTED: u32 = 2;

/// A message from the server, as far as the relay cares.
#[derive(Debug, PartialEq)]
pub enum Incoming {
    Sync(SyncMessage),
    /// The token is accepted; `read_only` when it may only read.
    Granted { read_only: bool },
    /// The token is refused, with the server's reason.
    Denied(String),
    /// The server asks for the token again.
    TokenAsked,
    /// The server closed this document's connection, with its reason.
    Closed(String),
    /// Presence, sync acknowledgements, stateless messages and other documents' messages.
    Other,
}

fn head(document: &str, kind: u32) -> Vec<u8> {
    let mut out = Vec::new();
    out.write_string(document);
    out.write_var(kind);
    out
}

/// The client's Auth message with its token.
pub fn auth(document: &str, token: &str) -> Vec<u8> {
    let mut out = head(document, AUTH);
    out.write_var(AUTH_TOKEN);
    out.write_string(token);
    out
}

pub fn sync(document: &str, message: &SyncMessage) -> Vec<u8> {
    let mut out = head(document, SYNC);
    out.extend(message.encode_v1());
    out
}

pub fn step1(document: &str, sv: StateVector) -> Vec<u8> {
    sync(document, &SyncMessage::SyncStep1(sv))
}

pub fn step2(document: &str, update: Vec<u8>) -> Vec<u8> {
    sync(document, &SyncMessage::SyncStep2(update))
}

pub fn update(document: &str, update: Vec<u8>) -> Vec<u8> {
    sync(document, &SyncMessage::Update(update))
}

/// Asks for the document's presence: the server always answers, so this keeps both ends
/// sure the link is alive without showing anyone present.
pub fn keep_alive(document: &str) -> Vec<u8> {
    head(document, QUERY_AWARENESS)
}

/// Reads one message from the server. A message that does not read is an error in one
/// sentence; yrs's assertions on crafted input are caught too.
pub fn read(bytes: &[u8], document: &str) -> Result<Incoming, String> {
    std::panic::catch_unwind(|| read_unguarded(bytes, document))
        .unwrap_or_else(|_| Err("it holds something out of range".into()))
        .map_err(|e| format!("the regional server sent a message that does not read: {e}"))
}

fn read_unguarded(bytes: &[u8], document: &str) -> Result<Incoming, String> {
    let mut cursor = Cursor::new(bytes);
    let name = cursor.read_string().map_err(|e| e.to_string())?;
    let name = name.split('\0').next().unwrap_or_default();
    if name != document {
        return Ok(Incoming::Other);
    }
    let kind: u32 = cursor.read_var().map_err(|e| e.to_string())?;
    Ok(match kind {
        SYNC | SYNC_REPLY => Incoming::Sync(read_sync(&mut cursor)?),
        AUTH => read_auth(&mut cursor)?,
        CLOSE => Incoming::Closed(cursor.read_string().unwrap_or("closed").to_string()),
        AWARENESS | QUERY_AWARENESS => Incoming::Other,
        _ => Incoming::Other,
    })
}

fn read_sync(cursor: &mut Cursor) -> Result<SyncMessage, String> {
    let kind: u32 = cursor.read_var().map_err(|e| e.to_string())?;
    let body = cursor.read_buf().map_err(|e| e.to_string())?;
    match kind {
        0 => StateVector::decode_v1(body).map(SyncMessage::SyncStep1).map_err(|e| e.to_string()),
        1 => Ok(SyncMessage::SyncStep2(body.to_vec())),
        2 => Ok(SyncMessage::Update(body.to_vec())),
        other => Err(format!("unknown sync message {other}")),
    }
}

fn read_auth(cursor: &mut Cursor) -> Result<Incoming, String> {
    let kind: u32 = cursor.read_var().map_err(|e| e.to_string())?;
    Ok(match kind {
        AUTH_TOKEN => Incoming::TokenAsked,
        AUTH_DENIED => Incoming::Denied(cursor.read_string().unwrap_or("permission-denied").to_string()),
        AUTH_GRANTED => Incoming::Granted { read_only: cursor.read_string().map_err(|e| e.to_string())? == "readonly" },
        other => return Err(format!("unknown auth message {other}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(document: &str, kind: u32, body: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
        let mut out = head(document, kind);
        body(&mut out);
        out
    }

    #[test]
    fn the_servers_answers_read_as_hocuspocus_writes_them() {
        let granted = server("ryhma-1", AUTH, |o| {
            o.write_var(AUTH_GRANTED);
            o.write_string("read-write");
        });
        assert_eq!(read(&granted, "ryhma-1"), Ok(Incoming::Granted { read_only: false }));
        let denied = server("ryhma-1", AUTH, |o| {
            o.write_var(AUTH_DENIED);
            o.write_string("unknown token");
        });
        assert_eq!(read(&denied, "ryhma-1"), Ok(Incoming::Denied("unknown token".into())));
        let reply = server("ryhma-1", SYNC_REPLY, |o| o.extend(SyncMessage::SyncStep2(vec![0, 0]).encode_v1()));
        assert_eq!(read(&reply, "ryhma-1"), Ok(Incoming::Sync(SyncMessage::SyncStep2(vec![0, 0]))));
        assert_eq!(read(&update("ryhma-2", vec![0, 0]), "ryhma-1"), Ok(Incoming::Other), "another document's message is not ours");
    }

    #[test]
    fn a_message_that_does_not_read_is_an_error_not_a_panic() {
        for bytes in [&[][..], &[7, b'r', b'y'][..], &[1, b'a', 0, 9, 1][..], &[1, b'a', 2, 5][..]] {
            assert!(read(bytes, "a").is_err(), "{bytes:?} is refused");
        }
    }
}
