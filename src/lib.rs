//! Paja core: the only owner of workshop state.
//!
//! - `model`: the workshop document (yrs) and its typed API per board kind.
//! - `store`: the `.paja` file (SQLite): update log, compaction, versions, media.
//! - `export`: PDF report and posters, PNG, JSON, JSON Canvas and CSV of a workshop.
//! - `synthesis`: affinity suggestions, harvest drafts and plain-language hints.
//! - `templates`: the PAKU workshop template, starter boards and the demo, as JSON data.
//! - `words`: a text's words, stop words and stems in Finnish, Swedish and English.
//! - `api`: one function per user operation on a workshop file, and the rules of a
//!   person's command (roles, locks, drafts, sealing); everything above calls it.
//! - `sync`: the hub and peers of a live session: y-sync over WebSocket, joining, the
//!   browser RPC.
//! - `session`: the open workshop alone, hosting or joined; the desktop window and the
//!   CLI's `serve` and `join` reach a hub only through it.
//!
//! The layers run one way, from the ground up: `words`, `model`, `store`, then
//! `export`, `synthesis` and `templates`, then `api`, `sync`, `session`, and the CLI and
//! the window on top; `tests/spec/layers.rs` fails on an import that runs back up.

pub mod api;
mod error;
mod error_code;
pub mod export;
pub mod model;
pub mod session;
pub mod store;
pub mod sync;
pub mod synthesis;
pub mod templates;
pub mod words;

pub use error::Error;
pub use error_code::{ErrorCode, Failure, Refusal};
