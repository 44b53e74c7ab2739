//! Paja core: the only owner of workshop state.
//!
//! - `model`: the workshop document (yrs) and its typed API per board kind.
//! - `store`: the `.paja` file (SQLite): update log, compaction, versions, media.

pub mod store;
