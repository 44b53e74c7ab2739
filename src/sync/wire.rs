//! Framing: y-websocket messages in and out, and Paja's own JSON messages (type 100).

use super::SyncError;
use super::admission::Role;
pub use crate::api::SealedItem;
use serde::{Deserialize, Serialize};
use yrs::StateVector;
use yrs::encoding::read::Cursor;
use yrs::sync::awareness::AwarenessUpdate;
use yrs::sync::protocol::MessageReader;
use yrs::sync::{Message, SyncMessage};
use yrs::updates::decoder::DecoderV1;
use yrs::updates::encoder::Encode;

/// The message type of Paja's own messages; Yjs clients skip types they do not know.
pub const PAJA_TAG: u8 = 100;

/// The encoding of an update that changes nothing.
pub const EMPTY_UPDATE: [u8; 2] = [0, 0];

/// Paja's own messages, sent as JSON inside message type 100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PajaMessage {
    /// Hub to peer: you are in; use this token to reconnect. `person` is your id in
    /// the roster (`control.people`).
    Welcome {
        token: String,
        role: Role,
        #[serde(default)]
        person: Option<String>,
    },
    /// Hub to peer: wait until the facilitator admits you.
    Lobby,
    /// Hub to peer: you are not let in (and the connection closes). `code` says why
    /// for the UI; `reason` is the English sentence.
    Refused {
        reason: String,
        #[serde(default)]
        code: Option<crate::Refusal>,
    },
    /// Peer to hub: an anonymous card, a hidden vote or an answer, published by the hub
    /// at reveal. `id` is random and names nobody: the peer sends the item again on
    /// every connection until the hub acknowledges that id, and the hub takes it once.
    Sealed {
        board: String,
        item: SealedItem,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    /// Peer to hub: all of this writer's anonymous drafts for a revealed round (perhaps
    /// none, so the hub need not wait for them), each as (draft id, item). Sent on every
    /// connection until acknowledged; the hub publishes each draft id once.
    Drafts { board: String, drafts: Vec<(String, SealedItem)> },
    /// Hub to peer: these drafts, and these sealed items (by id, taken or refused for
    /// good), are safe with the hub; the writer may forget them.
    Ack {
        #[serde(default)]
        drafts: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sealed: Vec<String>,
    },
    /// Hub to peer: your write was refused for `code`; apply `undo` (hex of an update
    /// that deletes what that write inserted) so your replica shows what the hub has.
    Undo { code: crate::Refusal, undo: String },
}

/// Splits one WebSocket message into its y-sync messages. Several may be packed in one.
pub fn decode(bytes: &[u8]) -> Result<Vec<Message>, SyncError> {
    let read = || {
        let mut decoder = DecoderV1::new(Cursor::new(bytes));
        MessageReader::new(&mut decoder).collect::<Result<Vec<_>, _>>()
    };
    // yrs asserts some of what it reads (an id over 53 bits): a crafted message trips it.
    let messages = std::panic::catch_unwind(read)
        .map_err(|_| SyncError::Malformed("it holds something out of range".into()))?
        .map_err(|e| SyncError::Malformed(e.to_string()))?;
    if messages.is_empty() {
        return Err(SyncError::Malformed("it holds no message".into()));
    }
    Ok(messages)
}

pub fn encode(message: &Message) -> Vec<u8> {
    message.encode_v1()
}

pub fn step1(sv: StateVector) -> Vec<u8> {
    encode(&Message::Sync(SyncMessage::SyncStep1(sv)))
}

pub fn step2(update: Vec<u8>) -> Vec<u8> {
    encode(&Message::Sync(SyncMessage::SyncStep2(update)))
}

pub fn update(update: Vec<u8>) -> Vec<u8> {
    encode(&Message::Sync(SyncMessage::Update(update)))
}

pub fn awareness(update: AwarenessUpdate) -> Vec<u8> {
    encode(&Message::Awareness(update))
}

/// A y-protocols auth message saying why a write was refused.
pub fn denied(reason: crate::Refusal) -> Vec<u8> {
    encode(&Message::Auth(Some(reason.to_string())))
}

/// Tells a writer its `update` was refused and how to take it back.
/// Only what `have` (the hub's state) lacks is taken back.
pub fn undo(reason: crate::Refusal, update: &[u8], have: &StateVector) -> Result<Vec<u8>, SyncError> {
    let undo = crate::model::taking_back(update, have).map_err(|e| SyncError::Malformed(e.to_string()))?;
    Ok(paja(&PajaMessage::Undo { code: reason, undo: hex::encode(undo) }))
}

/// The body of a refused handshake: `{code, message}`, so a peer can tell why.
pub fn refusal_body(refusal: crate::Refusal) -> String {
    serde_json::to_string(&crate::Failure::from(refusal)).unwrap_or_else(|_| refusal.to_string())
}

/// Reads a refused handshake's body; a hub that sent only a sentence gets a general code.
pub fn read_refusal_body(body: &str) -> crate::Failure {
    serde_json::from_str(body).unwrap_or_else(|_| crate::Failure::new(crate::ErrorCode::SyncRefused, body))
}

pub fn paja(message: &PajaMessage) -> Vec<u8> {
    let json = serde_json::to_vec(message).unwrap_or_default();
    encode(&Message::Custom(PAJA_TAG, json))
}

/// Reads a Paja message from the body of a custom message.
pub fn read_paja(body: &[u8]) -> Result<PajaMessage, SyncError> {
    serde_json::from_slice(body).map_err(|e| SyncError::Malformed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paja_messages_round_trip_through_the_y_sync_framing() {
        let sent = PajaMessage::Welcome { token: "t".into(), role: Role::Observer, person: None };
        let messages = decode(&paja(&sent)).expect("a message we framed reads back");
        let Message::Custom(tag, body) = &messages[0] else { panic!("expected a custom message") };
        assert_eq!(*tag, PAJA_TAG, "Paja messages use their own type");
        assert_eq!(read_paja(body).expect("json"), sent, "the body is the JSON we sent");
    }

    #[test]
    fn garbage_is_refused_not_panicked_on() {
        assert!(decode(&[0, 9, 9, 9]).is_err(), "an unknown sync sub-type is an error");
        assert!(decode(&[]).is_err(), "an empty message is an error");
    }
}
