//! The window's `Live` in tests: hosting on loopback, a card to add, and what a window shows.

use paja::api::{Command, Item};
use paja::model::free::FreeCard;
use paja::session::{HostOptions, HubOptions, Live};
use std::net::SocketAddr;

/// Hosting on loopback, everyone let in, not advertised.
pub fn loopback() -> HostOptions {
    let hub = HubOptions { bind: SocketAddr::from(([127, 0, 0, 1], 0)), auto_admit: true, mdns: false, ..HubOptions::default() };
    HostOptions { name: "Fasilitaattori".into(), hub }
}

/// A yellow card with `text` on `board`.
pub fn card(board: &str, text: &str) -> Command {
    let card = FreeCard { text: text.into(), color: "yellow".into(), ..FreeCard::default() };
    Command::AddItem { board: board.into(), item: Item::FreeCard(card) }
}

/// Whether the window's view holds `text` anywhere.
pub fn shows(live: &Live, text: &str) -> bool {
    serde_json::to_string(&live.view()).expect("the view is JSON").contains(text)
}
