//! Live sync between laptops on the room's network: a hub and its peers.
//!
//! The wire protocol is y-websocket's: binary WebSocket messages, each a varint message
//! type (0 sync, 1 awareness, 2 auth) followed by its body; sync messages carry sub-type
//! 0 step 1 (a state vector), 1 step 2 (an update) or 2 update. Paja's own messages
//! (welcome, lobby, refusal, sealed items) use message type 100 with a JSON body, which
//! Yjs clients ignore.
//!
//! There is one room per document. The room is the last segment of the URL path:
//! `/content` and `/control`, optionally after a prefix such as the workshop's id
//! (`/<id>/content`). A Paja app's join travels in the `Paja-Join` handshake header
//! (inside TLS), never in the URL: `code`, `name`, `id`, `role` (`observer` to join
//! read-only) or a `token` from an earlier welcome; a Yjs client on loopback may put
//! the same in the query. `/rpc` is kept for the browser JSON RPC ([`rpc`]) over its
//! encrypted [`channel`]; a plain HTTP GET on the same port gets the built UI when the
//! hub was given its folder ([`HubOptions::ui_dir`]).
//!
//! - [`wire`]: framing of messages.
//! - [`connection`]: one client's protocol state on the hub, over any message sink.
//! - [`room`]: awareness and fan-out, and the hub's one commit path.
//! - [`persistence`]: the worker that logs updates in batches to the `.paja` update log
//!   before each broadcast, and compacts the log on a checkpoint interval and at shutdown.
//! - [`admission`]: join codes, tokens, the lobby and rate limits.
//! - [`tls`]: the self-signed certificate and the fingerprint-pinning verifier.
//! - [`socket`]: the WebSocket adapter (TCP, TLS, handshake, limits, timeouts).
//! - [`hub`] and [`peer`]: what the desktop app and the CLI call.
//! - `participant`: a person's commands through their own core (role checks, drafts
//!   published at the reveal, hidden dots and answers sealed to the hub).
//! - `seat`: the same for commands run at the hub (the facilitator's window, browsers).
//! - `sealed`: what the hub holds sealed and publishes when the control no longer hides it.
//! - `ledger`: dots counted and questions answered, kept in the hub's file across a restart.
//! - [`projection`]: each change projected once and pushed to every window and browser.
//! - [`relay`]: the published view kept in a document on a regional Hocuspocus server,
//!   and read-only replicas of such documents.
//! - `locks`: the hub's refusal of participants' writes to locked boards and items.
//!
//! To add a Paja message, add a variant to [`wire::PajaMessage`] and handle it in
//! [`connection`] (hub side) and [`peer`] (peer side).

pub mod admission;
pub mod channel;
pub mod connection;
mod error;
pub mod hub;
mod ledger;
pub mod mdns;
mod page;
pub mod peer;
mod participant;
pub mod persistence;
pub mod projection;
mod peer_link;
pub mod qr;
pub mod relay;
pub mod room;
pub mod limits;
pub mod locks;
mod seat;
mod sealed;
pub mod rpc;
pub mod socket;
pub mod tls;
pub mod wire;

pub use admission::{LobbyEntry, Role};
pub use error::SyncError;
pub use hub::{Hub, HubHandle, HubOptions};
pub use persistence::Checkpoint;
pub use peer::{Peer, PeerHandle, PeerOptions, PeerStatus, Presence};
pub use relay::{RelayReader, RelaySettings, RelayState, RelayStatus, RelayTrust};
