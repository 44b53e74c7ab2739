//! A workshop in a live session, or alone: the layer above the sync module that the
//! window (`src-tauri`), the CLI's `serve` and `join`, and through the hub the browser
//! page all reach a session by.
//!
//! - [`Live`]: the open workshop of a window, in one of three modes: alone (its own
//!   file), hosting (a hub; this person facilitates) or joined (a replica that syncs with
//!   someone's hub). It routes every command to whoever owns the workshop in that mode,
//!   projects the session's status, and tells its subscribers when the workshop or the
//!   status changed, whether the change was made here or by someone else. It runs the
//!   hub and the peer on its own tokio runtime, so its callers need none.
//! - [`host`]: starting a hub on a file, and finding hubs on the room's network.
//! - [`join`]: joining a hub with a link and a code, and waiting for its first answer.
//! - `status`: the status the window shows.

mod export;
pub mod host;
pub mod join;
mod live;
mod status;

pub use crate::sync::wire::SealedItem;
pub use crate::sync::{HubHandle, HubOptions, PeerHandle, PeerOptions, PeerStatus, SyncError};
pub use crate::sync::{RelayReader, RelaySettings, RelayState, RelayStatus, RelayTrust};
pub use host::{HostOptions, find_hubs};
pub use live::{Joining, Live, LiveEvent};
pub use status::{Connection, FoundHub, Hosting, LiveMode, LiveStatus, LobbyPerson, PresenceEntry};
