//! What one address, or everyone at once, may hold of the hub: connections per address
//! and in total, the time a page request may take, and the lobby's seats and wait. A
//! connection over a limit is closed at once, before anything of it is read.

use crate::Refusal;
use crate::api::SealedItem;
use crate::model::ControlView;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// The most connections one address may hold open at once (a laptop needs two rooms, a
/// browser a page and `/rpc`). The hub's own computer (127.0.0.1, ::1) is not held to it,
/// only to the total: its window, and tests and benchmarks with many peers, live there.
pub const PER_ADDRESS: usize = 64;
/// The most connections the hub holds at once, if the process may open that many files.
pub const TOTAL: usize = 4096;
/// Files the hub keeps for itself beside its connections: the workshop, logs, listeners.
const SPARE_FILES: u64 = 64;
/// The longest a page request may take, from its first byte to the last byte answered.
pub const PAGE_TIME: Duration = Duration::from_secs(20);
/// How many may wait in the lobby at once.
pub const LOBBY_SEATS: usize = 64;
/// How long someone may wait in the lobby before the door closes on them.
pub const LOBBY_WAIT: Duration = Duration::from_secs(15 * 60);
/// What a client waiting in the lobby may send ahead, in all.
pub const LOBBY_EARLY_BYTES: usize = 256 * 1024;

/// Why the hub refuses a sealed card or idea on `board`: only a silent-writing round on
/// that board (running, or revealed and taking latecomers) sends cards sealed, and
/// nothing goes onto a locked board. Votes and answers have their own rules.
pub fn sealed_refusal(control: &ControlView, board: &str, item: &SealedItem) -> Option<Refusal> {
    if !matches!(item, SealedItem::FreeCard { .. } | SealedItem::Idea { .. }) {
        return None;
    }
    if control.locks_out(false, board, None) {
        return Some(Refusal::Locked);
    }
    match control.silent.as_ref().is_some_and(|round| round.board == board) {
        true => None,
        false => Some(Refusal::NoSilentRound),
    }
}

/// The connections held, by address and in total.
#[derive(Debug)]
pub struct Connections {
    per_address: usize,
    total: usize,
    by_address: Mutex<HashMap<IpAddr, usize>>,
    held: AtomicUsize,
}

/// One connection's place; given back when dropped.
pub struct Held {
    connections: Arc<Connections>,
    ip: IpAddr,
}

impl Connections {
    pub fn new(per_address: usize, total: usize) -> Arc<Connections> {
        Arc::new(Connections { per_address, total, by_address: Mutex::default(), held: AtomicUsize::new(0) })
    }

    /// A place for a connection from `ip`, or None when that address or the hub is full.
    pub fn hold(self: &Arc<Self>, ip: IpAddr) -> Option<Held> {
        let mut by_address = self.by_address.lock().unwrap_or_else(PoisonError::into_inner);
        let own_computer = ip == IpAddr::from([127, 0, 0, 1]) || ip == IpAddr::from(std::net::Ipv6Addr::LOCALHOST);
        let mine = by_address.entry(ip).or_default();
        if (*mine >= self.per_address && !own_computer) || self.held.load(Ordering::Acquire) >= self.total {
            return None;
        }
        *mine += 1;
        self.held.fetch_add(1, Ordering::AcqRel);
        Some(Held { connections: self.clone(), ip })
    }

    /// How many connections are held now.
    pub fn held(&self) -> usize {
        self.held.load(Ordering::Acquire)
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let mut by_address = self.connections.by_address.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = by_address.get_mut(&self.ip) {
            *count -= 1;
            if *count == 0 {
                by_address.remove(&self.ip);
            }
        }
        self.connections.held.fetch_sub(1, Ordering::AcqRel);
    }
}

/// How many connections the hub may hold: `wanted`, or fewer if this process may not
/// open that many files. Raises the process's own limit on open files as far as the
/// system lets it first.
pub fn total_connections(wanted: usize) -> usize {
    let files = raise_file_limit();
    let room = usize::try_from(files.saturating_sub(SPARE_FILES)).unwrap_or(usize::MAX);
    wanted.min(room).max(1)
}

#[cfg(unix)]
fn raise_file_limit() -> u64 {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit and setrlimit only read and write the struct passed to them.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return 1024;
        }
        if limit.rlim_cur < limit.rlim_max {
            let raised = libc::rlimit { rlim_cur: limit.rlim_max, rlim_max: limit.rlim_max };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit = raised;
            }
        }
    }
    limit.rlim_cur
}

#[cfg(not(unix))]
fn raise_file_limit() -> u64 {
    u64::MAX
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gets_its_share_and_a_place_comes_back_when_its_connection_ends() {
        let connections = Connections::new(2, 3);
        let (a, b): (IpAddr, IpAddr) = ([10, 0, 0, 1].into(), [10, 0, 0, 2].into());
        let first = connections.hold(a).expect("a first place");
        let _second = connections.hold(a).expect("a second place");
        assert!(connections.hold(a).is_none(), "the address is full");
        let _other = connections.hold(b).expect("another address still gets in");
        assert!(connections.hold(b).is_none(), "the hub is full");
        drop(first);
        let _again = connections.hold(b).expect("a place that ended is given again");
        assert_eq!(connections.held(), 3);
    }

    #[test]
    fn the_hubs_own_computer_is_held_only_to_the_total() {
        let connections = Connections::new(1, 3);
        let own: IpAddr = [127, 0, 0, 1].into();
        let held: Vec<Held> = (0..3).filter_map(|_| connections.hold(own)).collect();
        assert_eq!(held.len(), 3, "more than one address's share");
        assert!(connections.hold(own).is_none(), "but not more than the total");
    }
}
