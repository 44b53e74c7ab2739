//! What the specification's files share: real files, real processes and real documents.
//!
//! - `store`: yrs updates written as another replica would, and file fingerprints.
//! - `workshop`: workshops with every board kind, built through the core's API.
//! - `sync`: real `paja serve` and `paja join --script` processes on loopback, a relay
//!   the test controls, a scripted session room, and waiting without timing anything.
//! - `export`: the demo's exports and reading PDFs back with poppler.
//! - `live`: the window's `Live` hosting on loopback.
//! - `ledger`: what a hub's file keeps to itself, read with plain SQLite.
//! - `regional`: a real Hocuspocus server (`relay/server.mjs`) over TLS, and readers of it.

pub mod crafted;
pub mod export;
pub mod browser;
pub mod ledger;
pub mod live;
pub mod regional;
pub mod store;
pub mod sync;
pub mod workshop;
