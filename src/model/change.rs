//! What changed in the projection: the parts of the workshop each transaction touched,
//! projected again on their own as a [`ViewChange`], which a window or browser applies to
//! the [`WorkshopView`] it holds instead of receiving the whole view.
//!
//! A deep observer on each document's root notes the path of every change, local or
//! remote, undo included: `boards` → board id → collection → item id → anything below.
//! An item is projected by reading just its map, the way [`Workshop::view`] reads the
//! whole. Three rules keep the result equal to a fresh view:
//! - a change to a board's own fields (title, order, archived, a kind's own field) sends
//!   the board whole;
//! - a change below an item (its text, a nested item) sends the top-level item whole;
//! - a kind whose computed keys read several items ([`BoardKind::computes_from_items`])
//!   sends the board whole, since one item changes the board's rankings or results.

use super::schema::is_collection;
use super::session::{Comment, Meta, Session};
use super::tree::{read_field, read_map, read_out, sort_items};
use super::{Board, ControlView, DocName, TrashEntry, Workshop, WorkshopView};
use serde::{Deserialize, Serialize};
use serde_json::{Map as JsonMap, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use ts_rs::TS;
use yrs::types::{Event, PathSegment};
use yrs::{DeepObservable, Map, MapRef, Out, ReadTxn};

/// What changed in the projection since the last change its receiver got.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ViewChange {
    /// Counts the changes one source sent; a `complete` change may start a new count.
    #[ts(type = "number")]
    pub revision: u64,
    /// The whole view (the first change, or after the receiver fell behind): boards not
    /// named here are gone.
    pub complete: bool,
    /// None: unchanged.
    pub meta: Option<Meta>,
    pub sessions: Option<Vec<Session>>,
    pub comments: Option<Vec<Comment>>,
    pub control: Option<ControlView>,
    pub trash: Option<Vec<TrashEntry>>,
    /// Boards changed or added.
    pub boards: Vec<BoardChange>,
    pub removed_boards: Vec<String>,
}

/// One board's change: the board whole, or some of its items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BoardChange {
    pub id: String,
    /// Replaces (or adds) the whole board; `items` is then empty.
    pub whole: Option<Board>,
    pub items: Vec<ChangedItem>,
}

/// One item of a board's top-level collection, as the board's projection holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChangedItem {
    /// Such as `cards` or `personas` (see [`super::schema::ITEM_COLLECTIONS`]).
    pub collection: String,
    pub id: String,
    /// None: the item is gone.
    #[ts(type = "unknown | null")]
    pub item: Option<Value>,
}

impl ViewChange {
    /// Whether applying this change leaves a view as it was.
    pub fn is_empty(&self) -> bool {
        !self.complete
            && self.meta.is_none()
            && self.sessions.is_none()
            && self.comments.is_none()
            && self.control.is_none()
            && self.trash.is_none()
            && self.boards.is_empty()
            && self.removed_boards.is_empty()
    }

    /// The whole view as a change.
    pub fn complete(view: WorkshopView) -> ViewChange {
        ViewChange {
            revision: 0,
            complete: true,
            meta: Some(view.meta),
            sessions: Some(view.sessions),
            comments: Some(view.comments),
            control: Some(view.control),
            trash: Some(view.trash),
            boards: view.boards.into_iter().map(|b| BoardChange { id: b.id.clone(), whole: Some(b), items: Vec::new() }).collect(),
            removed_boards: Vec::new(),
        }
    }
}

/// The parts of the workshop changed since they were last taken.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Touched {
    everything: bool,
    meta: bool,
    sessions: bool,
    comments: bool,
    control: bool,
    trash: bool,
    boards: BTreeMap<String, BoardTouch>,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct BoardTouch {
    whole: bool,
    /// (collection, item id).
    items: BTreeSet<(String, String)>,
}

impl Touched {
    pub fn is_empty(&self) -> bool {
        *self == Touched::default()
    }

    /// Notes a change at `path` from the content root.
    fn note(&mut self, path: &[&str]) {
        match path {
            [] | ["boards"] => self.everything = true,
            ["meta", ..] => self.meta = true,
            ["sessions", ..] => self.sessions = true,
            ["comments", ..] => self.comments = true,
            ["trash", ..] => self.trash = true,
            ["boards", board] | ["boards", board, _] => self.board(board).whole = true,
            ["boards", board, collection, item, ..] => {
                self.board(board).items.insert((collection.to_string(), item.to_string()));
            }
            // Keys the projection does not read.
            _ => {}
        }
    }

    fn board(&mut self, id: &str) -> &mut BoardTouch {
        self.boards.entry(id.to_string()).or_default()
    }
}

/// The observers' name on the documents' roots.
const OBSERVER: &str = "view-change";

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Notes every change below `root` in `touched`.
fn observe_content(root: &MapRef, touched: Arc<Mutex<Touched>>) {
    root.observe_deep(OBSERVER, move |txn, events| {
        let mut touched = lock(&touched);
        for event in events.iter() {
            let mut path: Vec<Arc<str>> = Vec::new();
            for segment in event.path() {
                match segment {
                    PathSegment::Key(key) => path.push(key),
                    PathSegment::Index(_) => return touched.everything = true,
                }
            }
            let mut note = |last: Option<&str>| {
                let full: Vec<&str> = path.iter().map(|k| &**k).chain(last).collect();
                touched.note(&full);
            };
            match event {
                Event::Map(map) => map.keys(txn).keys().for_each(|key| note(Some(key))),
                _ => note(None),
            }
        }
    });
}

impl Workshop {
    /// From now on, notes what each change touches, for [`Workshop::take_change`].
    /// Not on by default: a workshop only read, or rebuilt from a log, need not pay for it.
    pub fn record_changes(&mut self) {
        if self.recording {
            return;
        }
        self.recording = true;
        observe_content(&self.content_root, self.touched.clone());
        let touched = self.touched.clone();
        self.control_root.observe_deep(OBSERVER, move |_, _| lock(&touched).control = true);
    }

    /// What changed since the last call, and forgets it.
    pub fn take_touched(&mut self) -> Touched {
        std::mem::take(&mut *lock(&self.touched))
    }

    /// What changed since the last call, projected; None when nothing did.
    pub fn take_change(&mut self) -> Option<ViewChange> {
        let touched = self.take_touched();
        (!touched.is_empty()).then(|| self.change_of(&touched))
    }

    /// The whole view as a change, for a receiver that has none yet or fell behind.
    pub fn complete_change(&self) -> ViewChange {
        ViewChange::complete(self.view())
    }

    /// The touched parts, projected as [`Workshop::view`] would project them.
    pub fn change_of(&self, touched: &Touched) -> ViewChange {
        if touched.everything {
            return self.complete_change();
        }
        let mut change = self.read(DocName::Content, |txn, root| {
            let part = |key: &str| root.get(txn, key).map(|out| read_field(txn, key, out)).unwrap_or(Value::Null);
            let mut change = ViewChange {
                meta: touched.meta.then(|| serde_json::from_value(part("meta")).unwrap_or_default()),
                sessions: touched.sessions.then(|| list(part("sessions"))),
                comments: touched.comments.then(|| list(part("comments"))),
                trash: touched.trash.then(|| super::trash::trash_entries(txn, root)),
                ..ViewChange::default()
            };
            let boards = match root.get(txn, "boards") {
                Some(Out::YMap(boards)) => Some(boards),
                _ => None,
            };
            for (id, touch) in &touched.boards {
                let map = boards.as_ref().and_then(|b| match b.get(txn, id) {
                    Some(Out::YMap(map)) => Some(map),
                    _ => None,
                });
                match map.and_then(|map| board_change(txn, &map, id, touch)) {
                    Some(board) => change.boards.push(board),
                    None => change.removed_boards.push(id.clone()),
                }
            }
            change
        });
        if touched.control {
            change.control = Some(self.control());
        }
        change
    }
}

/// The valid entries of a list, as the view keeps them.
fn list<T: serde::de::DeserializeOwned>(value: Value) -> Vec<T> {
    match value {
        Value::Array(items) => items.into_iter().filter_map(|i| serde_json::from_value(i).ok()).collect(),
        _ => Vec::new(),
    }
}

/// One touched board's change; None when the view leaves the board out (it does not
/// read as its kind).
fn board_change<T: ReadTxn>(txn: &T, map: &MapRef, id: &str, touch: &BoardTouch) -> Option<BoardChange> {
    let whole = |board: Board| Some(BoardChange { id: id.to_string(), whole: Some(board), items: Vec::new() });
    if touch.whole {
        return whole(read_board(read_map(txn, map))?);
    }
    let partial = read_board(read_touched(txn, map, &touch.items));
    let Some(partial) = partial.filter(|b| !b.content.kind().computes_from_items()) else {
        return whole(read_board(read_map(txn, map))?);
    };
    let json = serde_json::to_value(&partial).ok()?;
    let items = touch
        .items
        .iter()
        .filter_map(|(collection, item)| {
            let Some(Value::Array(list)) = json.get(collection) else { return None };
            let found = list.iter().find(|i| i.get("id").and_then(Value::as_str) == Some(item));
            Some(ChangedItem { collection: collection.clone(), id: item.clone(), item: found.cloned() })
        })
        .collect();
    Some(BoardChange { id: id.to_string(), whole: None, items })
}

fn read_board(json: Value) -> Option<Board> {
    let mut board: Board = serde_json::from_value(json).ok()?;
    board.content.derive();
    Some(board)
}

/// A board's JSON with its own fields whole and only the touched items in its collections.
fn read_touched<T: ReadTxn>(txn: &T, map: &MapRef, touched: &BTreeSet<(String, String)>) -> Value {
    let mut obj = JsonMap::new();
    for (key, out) in map.iter(txn) {
        let value = match (is_collection(key), out) {
            (true, Out::YMap(items)) => {
                let wanted = touched.iter().filter(|(c, _)| c == key);
                let found = wanted.filter_map(|(_, id)| items.get(txn, id)).map(|item| read_out(txn, item));
                Value::Array(found.collect())
            }
            (_, out) => read_field(txn, key, out),
        };
        obj.insert(key.to_string(), value);
    }
    Value::Object(obj)
}

impl WorkshopView {
    /// Applies a change made since this view was projected: the result equals the new
    /// projection. Unchanged boards and items are left as they are.
    pub fn apply(&mut self, change: &ViewChange) {
        if change.complete {
            self.format = super::FORMAT;
            self.boards.clear();
        }
        if let Some(meta) = &change.meta {
            self.meta = meta.clone();
        }
        if let Some(sessions) = &change.sessions {
            self.sessions = sessions.clone();
        }
        if let Some(comments) = &change.comments {
            self.comments = comments.clone();
        }
        if let Some(control) = &change.control {
            self.control = control.clone();
        }
        if let Some(trash) = &change.trash {
            self.trash = trash.clone();
        }
        self.boards.retain(|b| !change.removed_boards.contains(&b.id));
        for board in &change.boards {
            self.apply_board(board);
        }
        let key = |b: &Board| (b.order, b.id.clone());
        self.boards.sort_by(|a, b| key(a).partial_cmp(&key(b)).unwrap_or(std::cmp::Ordering::Equal));
    }

    fn apply_board(&mut self, change: &BoardChange) {
        let at = self.boards.iter().position(|b| b.id == change.id);
        match (&change.whole, at) {
            (Some(whole), Some(at)) => self.boards[at] = whole.clone(),
            (Some(whole), None) => self.boards.push(whole.clone()),
            (None, Some(at)) => apply_items(&mut self.boards[at], &change.items),
            (None, None) => {}
        }
    }
}

fn apply_items(board: &mut Board, items: &[ChangedItem]) {
    let Ok(Value::Object(mut json)) = serde_json::to_value(&*board) else { return };
    for change in items {
        let Some(Value::Array(list)) = json.get_mut(&change.collection) else { continue };
        list.retain(|i| i.get("id").and_then(Value::as_str) != Some(change.id.as_str()));
        list.extend(change.item.clone());
        sort_items(list);
    }
    if let Ok(changed) = serde_json::from_value(Value::Object(json)) {
        *board = changed;
    }
}

#[cfg(test)]
mod tests;
