//! Paja core: the only owner of workshop state.
//!
//! - `model`: the workshop document (yrs) and its typed API per board kind.
//! - `store`: the `.paja` file (SQLite): update log, compaction, versions, media.
//! - `api`: one function per user operation on a workshop file; the desktop shell, the
//!   CLI, the browser RPC and the tests all call it.

pub mod api;
mod error;
pub mod model;
pub mod store;

pub use error::Error;
