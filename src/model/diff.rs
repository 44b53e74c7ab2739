//! What changed between two states of a workshop, board by board: items added, removed
//! and changed, each with a label a person recognises (a persona's name, a card's text)
//! and the fields that changed. Comments count as items of their board. Boards with no
//! change are left out.
//!
//! The comparison is generic over the projection's JSON: every collection of a board is
//! compared by item id, so a new board kind needs nothing here but its row in
//! [`item_type`].

use super::schema::{is_collection, is_computed};
use super::{Board, BoardKind, WorkshopView};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

/// The changes from one state to another. `from` and `to` name versions; an empty name
/// is the workshop as it is now.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VersionDiff {
    pub from: String,
    pub to: String,
    pub boards: Vec<BoardDiff>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BoardDiff {
    pub board_id: String,
    pub title: String,
    pub kind: BoardKind,
    pub change: Change,
    pub added: Vec<ItemChange>,
    pub removed: Vec<ItemChange>,
    pub changed: Vec<ItemChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Change {
    Added,
    Removed,
    Changed,
}

/// One item that was added, removed or changed. `item_type` is the item's type as
/// commands name it (`Persona`, `PathCard`, …), or `Board` for the board's own fields
/// and `Comment` for a comment on the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemChange {
    pub id: String,
    pub item_type: String,
    pub label: String,
    pub fields: Vec<String>,
}

/// The board diffs from `old` to `new`, in the new state's board order (removed boards last).
pub fn diff(old: &WorkshopView, new: &WorkshopView) -> Vec<BoardDiff> {
    let mut out = Vec::new();
    for board in &new.boards {
        match old.board(&board.id) {
            None => out.push(whole(board, Change::Added)),
            Some(before) => out.extend(changed_board(old, before, new, board)),
        }
    }
    for board in old.boards.iter().filter(|b| new.board(&b.id).is_none()) {
        out.push(whole(board, Change::Removed));
    }
    out
}

fn whole(board: &Board, change: Change) -> BoardDiff {
    BoardDiff {
        board_id: board.id.clone(),
        title: board.title.clone(),
        kind: board.content.kind(),
        change,
        added: Vec::new(),
        removed: Vec::new(),
        changed: Vec::new(),
    }
}

fn changed_board(old_view: &WorkshopView, old: &Board, new_view: &WorkshopView, new: &Board) -> Option<BoardDiff> {
    let (before, after) = (to_json(old), to_json(new));
    let mut diff = whole(new, Change::Changed);
    let own = changed_fields(&before, &after);
    if !own.is_empty() {
        diff.changed.push(ItemChange { id: new.id.clone(), item_type: "Board".into(), label: new.title.clone(), fields: own });
    }
    let kind = new.content.kind();
    let labels = Labels { before: &before, after: &after };
    for (key, items) in after.iter().filter(|(k, _)| is_collection(k)) {
        let old_items = before.get(key).cloned().unwrap_or(Value::Array(Vec::new()));
        compare(&mut diff, &labels, item_type(kind, key), &old_items, items);
    }
    let comments = |view: &WorkshopView| {
        let on_board = view.comments.iter().filter(|c| c.board_id == new.id);
        Value::Array(on_board.filter_map(|c| serde_json::to_value(c).ok()).collect())
    };
    compare(&mut diff, &labels, "Comment", &comments(old_view), &comments(new_view));
    let empty = diff.added.is_empty() && diff.removed.is_empty() && diff.changed.is_empty();
    (!empty).then_some(diff)
}

fn to_json(board: &Board) -> Map<String, Value> {
    match serde_json::to_value(board) {
        Ok(Value::Object(obj)) => obj,
        _ => Map::new(),
    }
}

/// The board's JSON before and after, to name items that other items point at.
struct Labels<'a> {
    before: &'a Map<String, Value>,
    after: &'a Map<String, Value>,
}

impl Labels<'_> {
    fn of(&self, item: &Value) -> String {
        let own = label_of(item);
        if !own.is_empty() {
            return own;
        }
        let named = |key: &str| item.get(key).and_then(Value::as_str).map(|id| self.find(id)).filter(|l| !l.is_empty());
        match (named("from"), named("to")) {
            (Some(from), Some(to)) => format!("{from} → {to}"),
            _ => ["idea_id", "item_id", "phase_id"].into_iter().find_map(named).unwrap_or_default(),
        }
    }

    fn find(&self, id: &str) -> String {
        [self.after, self.before]
            .into_iter()
            .flat_map(|board| board.values().filter_map(Value::as_array).flatten())
            .find(|item| item.get("id").and_then(Value::as_str) == Some(id))
            .map(label_of)
            .unwrap_or_default()
    }
}

/// The first field that names an item for a person.
pub fn label_of(item: &Value) -> String {
    ["name", "title", "term", "text", "question", "plain"]
        .into_iter()
        .filter_map(|key| item.get(key).and_then(Value::as_str))
        .find(|s| !s.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

fn compare(diff: &mut BoardDiff, labels: &Labels, item_type: &str, old: &Value, new: &Value) {
    let (old, new) = (by_id(old), by_id(new));
    let change = |id: &str, item: &Value, fields: Vec<String>| ItemChange {
        id: id.to_string(),
        item_type: item_type.to_string(),
        label: labels.of(item),
        fields,
    };
    for (id, item) in &new {
        match old.iter().find(|(old_id, _)| old_id == id) {
            None => diff.added.push(change(id, item, Vec::new())),
            Some((_, before)) => {
                let fields = match (before.as_object(), item.as_object()) {
                    (Some(a), Some(b)) => changed_fields(a, b),
                    _ => Vec::new(),
                };
                if !fields.is_empty() {
                    diff.changed.push(change(id, item, fields));
                }
            }
        }
    }
    for (id, item) in old.iter().filter(|(id, _)| !new.iter().any(|(new_id, _)| new_id == id)) {
        diff.removed.push(change(id, item, Vec::new()));
    }
}

fn by_id(items: &Value) -> Vec<(String, Value)> {
    let list = items.as_array().map(Vec::as_slice).unwrap_or_default();
    list.iter()
        .filter_map(|item| Some((item.get("id")?.as_str()?.to_string(), item.clone())))
        .collect()
}

/// The fields whose values differ, leaving out collections (compared item by item)
/// and what the core computes.
fn changed_fields(before: &Map<String, Value>, after: &Map<String, Value>) -> Vec<String> {
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| !is_collection(k) && !is_computed(k))
        .filter(|k| before.get(*k) != after.get(*k))
        .cloned()
        .collect()
}

/// The command's name for the items a board kind keeps under `collection`.
pub fn item_type(kind: BoardKind, collection: &str) -> &'static str {
    // Rounds are made by the facilitator's round commands, never as items.
    if (kind, collection) == (BoardKind::OperatingModel, "rounds") {
        return "Round";
    }
    super::schema::ITEM_COLLECTIONS
        .iter()
        .find(|(k, key, _)| *k == kind && *key == collection)
        .map(|(_, _, item)| *item)
        .unwrap_or("Item")
}
