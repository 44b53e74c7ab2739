//! Paja core: the only owner of workshop state.
//!
//! - `model`: the workshop document (yrs) and its typed API per board kind.
//! - `store`: the `.paja` file (SQLite): update log, compaction, versions, media.
//! - `export`: PDF report and posters, PNG, JSON, JSON Canvas and CSV of a workshop.
//! - `sync`: the hub and peers of a live session: y-sync over WebSocket, joining, roles.
//! - `synthesis`: affinity suggestions, harvest drafts and plain-language hints.
//! - `templates`: the PAKU workshop template, starter boards and the demo, as JSON data.
//! - `words`: a text's words, stop words and stems in Finnish, Swedish and English.
//! - `api`: one function per user operation on a workshop file; the desktop shell, the
//!   CLI, the browser RPC and the tests all call it.

pub mod api;
mod error;
mod error_code;
pub mod export;
pub mod model;
pub mod store;
pub mod sync;
pub mod synthesis;
pub mod templates;
pub mod words;

pub use error::Error;
pub use error_code::{ErrorCode, Failure, Refusal};
