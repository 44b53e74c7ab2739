//! A workshop in a live session, or alone: the layer above the sync module that the
//! window (`src-tauri`), the CLI's `serve` and `join`, and through the hub the browser
//! page all reach a session by.
//!
//! - [`Live`]: the open workshop of a window, in one of four modes: alone (its own
//!   file), hosting (a hub; this person facilitates, perhaps relaying to the region's
//!   server), joined (a replica that syncs with someone's hub) or reading (a replica of
//!   a workshop on the region's server, which refuses every command). It routes every
//!   command to whoever owns the workshop in that mode, projects the session's status,
//!   and tells its subscribers when the workshop or the status changed, whether the
//!   change was made here or by someone else. It runs the hub, the peer and the reader
//!   on its own tokio runtime, so its callers need none.
//! - [`host`]: starting a hub on a file, and finding hubs on the room's network.
//! - [`join`]: joining a hub with a link and a code, and waiting for its first answer.
//! - `relay`: the relay to the region's server as the window sets it, kept in the
//!   workshop file's hub-only table, and reading a workshop from the server.
//! - `status`: the status the window shows.
//! - `watch`: passing the changes of a hub, a peer or a reader on to the window.

mod export;
pub mod host;
pub mod join;
mod live;
mod relay;
mod status;
mod watch;

pub use crate::sync::wire::SealedItem;
pub use crate::sync::{HubHandle, HubOptions, PeerHandle, PeerOptions, PeerStatus, SyncError};
pub use crate::sync::{RelayReader, RelaySettings, RelayState, RelayStatus, RelayTrust};
pub use host::{HostOptions, find_hubs};
pub use live::{Joining, Live, LiveEvent};
pub use relay::{SavedRelay, typed_settings};
pub use status::{Connection, FoundHub, Hosting, LiveMode, LiveStatus, LobbyPerson, PresenceEntry};
