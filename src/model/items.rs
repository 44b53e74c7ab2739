//! The typed API: create, read, update, move, delete and list for every kind of item.
//!
//! Items are addressed by a path of `(collection, id)` steps from the root, such as
//! `[("boards", b), ("personas", p)]`. Updates read the item, let the caller change the
//! typed value, and write back only what differs.

use super::schema::REFERENCE_KEYS;
use super::session::{Comment, Meta, Session, Step};
use super::trace::Source;
use super::tree::{any_to_json, child_map, read_map, write_map, write_value};
use super::{
    Board, BoardContent, BoardItem, BoardKind, ControlView, DocName, ModelError, Pos, Workshop,
    new_id, to_object,
};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;
use yrs::{Map, MapRef, Out, ReadTxn, TransactionMut};

type Path<'a> = [(&'a str, &'a str)];

fn what(collection: &str) -> &'static str {
    match collection {
        "boards" => "board",
        "sessions" => "session",
        "steps" => "agenda step",
        "comments" => "comment",
        _ => "item",
    }
}

/// The map at `path`, or which step of it is missing.
fn find<T: ReadTxn>(txn: &T, root: &MapRef, path: &Path) -> Result<MapRef, ModelError> {
    let mut map = root.clone();
    for (collection, id) in path {
        let not_found = || ModelError::NotFound { what: what(collection), id: id.to_string() };
        let Some(Out::YMap(items)) = map.get(txn, collection) else { return Err(not_found()) };
        let Some(Out::YMap(item)) = items.get(txn, id) else { return Err(not_found()) };
        map = item;
    }
    Ok(map)
}

fn check_kind<T: ReadTxn>(txn: &T, root: &MapRef, board: &str, kind: BoardKind) -> Result<(), ModelError> {
    let map = find(txn, root, &[("boards", board)])?;
    let found = match map.get(txn, "kind") {
        Some(Out::Any(yrs::Any::String(s))) => s.to_string(),
        _ => String::new(),
    };
    if found == kind.as_str() {
        Ok(())
    } else {
        Err(ModelError::WrongKind { board: board.into(), expected: kind.as_str(), found })
    }
}

fn decode<T: DeserializeOwned>(value: Value) -> Result<T, ModelError> {
    serde_json::from_value(value).map_err(|e| ModelError::Invalid(e.to_string()))
}

/// The next free `order` in a collection: one past the largest.
fn next_order<T: ReadTxn>(txn: &T, items: &MapRef) -> f64 {
    items
        .iter(txn)
        .filter_map(|(_, item)| match item {
            Out::YMap(m) => match m.get(txn, "order") {
                Some(Out::Any(yrs::Any::Number(n))) => Some(match n {
                    yrs::Number::Int(i) => i as f64,
                    yrs::Number::Float(f) => f,
                }),
                _ => None,
            },
            _ => None,
        })
        .fold(0.0, f64::max)
        + 1.0
}

impl Workshop {
    fn insert_at<T: Serialize>(
        &mut self,
        parent: &Path,
        collection: &str,
        value: &T,
    ) -> Result<String, ModelError> {
        let mut obj = to_object(value)?;
        let id = match obj.get("id").and_then(Value::as_str) {
            Some(id) if !id.is_empty() => id.to_string(),
            _ => new_id(),
        };
        obj.insert("id".into(), Value::String(id.clone()));
        self.edit(DocName::Content, |txn, root| {
            let parent = find(txn, root, parent)?;
            let items = child_map(txn, &parent, collection);
            if obj.get("order").and_then(Value::as_f64) == Some(0.0) {
                obj.insert("order".into(), Value::from(next_order(txn, &items)));
            }
            let item = child_map(txn, &items, &id);
            write_map(txn, &item, &obj);
            Ok(id)
        })
    }

    fn get_at<T: DeserializeOwned>(&self, path: &Path) -> Result<T, ModelError> {
        let value = self.read(DocName::Content, |txn, root| Ok(read_map(txn, &find(txn, root, path)?)))?;
        decode(value)
    }

    fn list_at<T: DeserializeOwned>(&self, parent: &Path, collection: &str) -> Result<Vec<T>, ModelError> {
        let value = self.read(DocName::Content, |txn, root| -> Result<Value, ModelError> {
            let parent = find(txn, root, parent)?;
            Ok(read_map(txn, &parent).get(collection).cloned().unwrap_or(Value::Array(vec![])))
        })?;
        decode(value)
    }

    fn update_at<T: Serialize + DeserializeOwned>(
        &mut self,
        path: &Path,
        change: impl FnOnce(&mut T),
    ) -> Result<(), ModelError> {
        self.edit(DocName::Content, |txn, root| {
            let map = find(txn, root, path)?;
            let mut value: T = decode(read_map(txn, &map))?;
            change(&mut value);
            let mut obj = to_object(&value)?;
            let id = path.last().map(|(_, id)| *id).unwrap_or_default();
            obj.insert("id".into(), Value::String(id.to_string()));
            write_map(txn, &map, &obj);
            Ok(())
        })
    }

    /// Sets only the given fields, after checking the result still reads as a `T`, so
    /// other people's concurrent edits to other fields are left alone.
    fn patch_at<T: DeserializeOwned>(
        &mut self,
        path: &Path,
        patch: &serde_json::Map<String, Value>,
    ) -> Result<(), ModelError> {
        if patch.contains_key("id") {
            return Err(ModelError::Invalid("an id cannot be changed".into()));
        }
        self.edit(DocName::Content, |txn, root| {
            let map = find(txn, root, path)?;
            let mut value = read_map(txn, &map);
            if let Value::Object(obj) = &mut value {
                obj.extend(patch.clone());
            }
            decode::<T>(value)?;
            for (key, field) in patch {
                write_value(txn, &map, key, field);
            }
            Ok(())
        })
    }

    /// Removes an item and what only makes sense with it; links traced to anything
    /// removed turn into broken links.
    fn remove_at(&mut self, parent: &Path, collection: &str, id: &str) -> Result<(), ModelError> {
        self.edit(DocName::Content, |txn, root| remove_in(txn, root, parent, collection, id))
    }

    // ---- items on boards ----

    /// Adds an item to a board of its kind; an empty id gets a new one. Returns the id.
    pub fn add<T: BoardItem>(&mut self, board: &str, item: &T) -> Result<String, ModelError> {
        self.read(DocName::Content, |txn, root| check_kind(txn, root, board, T::KIND))?;
        self.insert_at(&[("boards", board)], T::COLLECTION, item)
    }

    pub fn get<T: BoardItem>(&self, board: &str, id: &str) -> Result<T, ModelError> {
        self.read(DocName::Content, |txn, root| check_kind(txn, root, board, T::KIND))?;
        self.get_at(&[("boards", board), (T::COLLECTION, id)])
    }

    pub fn list<T: BoardItem>(&self, board: &str) -> Result<Vec<T>, ModelError> {
        self.read(DocName::Content, |txn, root| check_kind(txn, root, board, T::KIND))?;
        self.list_at(&[("boards", board)], T::COLLECTION)
    }

    /// Changes an item; only the fields that differ are written.
    pub fn update<T: BoardItem>(&mut self, board: &str, id: &str, change: impl FnOnce(&mut T)) -> Result<(), ModelError> {
        self.read(DocName::Content, |txn, root| check_kind(txn, root, board, T::KIND))?;
        self.update_at(&[("boards", board), (T::COLLECTION, id)], change)
    }

    /// Sets some fields of an item, given as JSON; the rest stay as they are.
    pub fn patch<T: BoardItem>(
        &mut self,
        board: &str,
        id: &str,
        patch: &serde_json::Map<String, Value>,
    ) -> Result<(), ModelError> {
        self.read(DocName::Content, |txn, root| check_kind(txn, root, board, T::KIND))?;
        self.patch_at::<T>(&[("boards", board), (T::COLLECTION, id)], patch)
    }

    /// Sets some board fields (title, archived, or a kind's own such as `central_problem`).
    pub fn patch_board(&mut self, id: &str, patch: &serde_json::Map<String, Value>) -> Result<(), ModelError> {
        if patch.contains_key("kind") || patch.keys().any(|k| super::schema::is_collection(k)) {
            return Err(ModelError::Invalid("a board's kind and items are changed one by one".into()));
        }
        self.patch_at::<Board>(&[("boards", id)], patch)
    }

    pub fn patch_session(&mut self, id: &str, patch: &serde_json::Map<String, Value>) -> Result<(), ModelError> {
        if patch.contains_key("steps") {
            return Err(ModelError::Invalid("agenda steps are changed one by one".into()));
        }
        self.patch_at::<Session>(&[("sessions", id)], patch)
    }

    pub fn patch_step(&mut self, session: &str, id: &str, patch: &serde_json::Map<String, Value>) -> Result<(), ModelError> {
        self.patch_at::<Step>(&[("sessions", session), ("steps", id)], patch)
    }

    /// Moves an item on the canvas: only its small position map changes.
    pub fn move_to<T: BoardItem>(&mut self, board: &str, id: &str, pos: Pos) -> Result<(), ModelError> {
        self.read(DocName::Content, |txn, root| check_kind(txn, root, board, T::KIND))?;
        self.edit(DocName::Content, |txn, root| {
            let item = find(txn, root, &[("boards", board), (T::COLLECTION, id)])?;
            let pos = serde_json::to_value(pos).map_err(|e| ModelError::Invalid(e.to_string()))?;
            write_value(txn, &item, "pos", &pos);
            Ok(())
        })
    }

    /// Deletes an item, and the items on its board that only make sense with it
    /// (a node's links, a phase's cards, an idea's votes).
    pub fn delete<T: BoardItem>(&mut self, board: &str, id: &str) -> Result<(), ModelError> {
        self.read(DocName::Content, |txn, root| check_kind(txn, root, board, T::KIND))?;
        self.remove_at(&[("boards", board)], T::COLLECTION, id)
    }

    // ---- boards ----

    pub fn create_board(&mut self, kind: BoardKind, title: &str, session: Option<&str>) -> Result<String, ModelError> {
        if let Some(session) = session {
            self.session(session)?;
        }
        let board = Board {
            id: String::new(),
            title: title.into(),
            session_id: session.map(str::to_string),
            archived: false,
            order: 0.0,
            content: BoardContent::empty(kind),
        };
        self.insert_at(&[], "boards", &board)
    }

    /// Adds a whole board, such as one from a template, keeping its content.
    pub fn add_board(&mut self, board: &Board) -> Result<String, ModelError> {
        self.insert_at(&[], "boards", board)
    }

    pub fn board(&self, id: &str) -> Result<Board, ModelError> {
        let mut board: Board = self.get_at(&[("boards", id)])?;
        board.content.derive();
        Ok(board)
    }

    pub fn update_board(&mut self, id: &str, change: impl FnOnce(&mut Board)) -> Result<(), ModelError> {
        self.update_at(&[("boards", id)], change)
    }

    pub fn rename_board(&mut self, id: &str, title: &str) -> Result<(), ModelError> {
        self.update_board(id, |b| b.title = title.to_string())
    }

    pub fn archive_board(&mut self, id: &str, archived: bool) -> Result<(), ModelError> {
        self.update_board(id, |b| b.archived = archived)
    }

    /// The board that holds an item with this id, found without reading any board whole.
    pub fn board_holding(&self, item: &str) -> Option<String> {
        self.read(DocName::Content, |txn, root| {
            let Some(Out::YMap(boards)) = root.get(txn, "boards") else { return None };
            boards.iter(txn).find_map(|(id, board)| {
                let Out::YMap(board) = board else { return None };
                let holds = board.iter(txn).any(|(_, value)| matches!(value, Out::YMap(items) if items.contains_key(txn, item)));
                holds.then(|| id.to_string())
            })
        })
    }

    /// Moves a board to the trash, with what only made sense with it; returns the
    /// trash entry's id.
    pub fn delete_board(&mut self, id: &str) -> Result<String, ModelError> {
        let title = self.board(id)?.title;
        self.remove_to_trash("board", title, |txn, root| remove_in(txn, root, &[], "boards", id))
    }

    // ---- sessions, agenda steps, comments, meta ----

    pub fn add_session(&mut self, session: &Session) -> Result<String, ModelError> {
        self.insert_at(&[], "sessions", session)
    }

    pub fn session(&self, id: &str) -> Result<Session, ModelError> {
        self.get_at(&[("sessions", id)])
    }

    pub fn sessions(&self) -> Vec<Session> {
        self.list_at(&[], "sessions").unwrap_or_default()
    }

    pub fn update_session(&mut self, id: &str, change: impl FnOnce(&mut Session)) -> Result<(), ModelError> {
        self.update_at(&[("sessions", id)], change)
    }

    /// Moves a session to the trash; its boards stay, outside any session. Returns the
    /// trash entry's id.
    pub fn delete_session(&mut self, id: &str) -> Result<String, ModelError> {
        let title = self.session(id)?.title;
        self.remove_to_trash("session", title, |txn, root| remove_in(txn, root, &[], "sessions", id))
    }

    pub fn add_step(&mut self, session: &str, step: &Step) -> Result<String, ModelError> {
        self.insert_at(&[("sessions", session)], "steps", step)
    }

    pub fn update_step(&mut self, session: &str, id: &str, change: impl FnOnce(&mut Step)) -> Result<(), ModelError> {
        self.update_at(&[("sessions", session), ("steps", id)], change)
    }

    pub fn delete_step(&mut self, session: &str, id: &str) -> Result<(), ModelError> {
        self.remove_at(&[("sessions", session)], "steps", id)
    }

    pub fn add_comment(&mut self, comment: &Comment) -> Result<String, ModelError> {
        self.board(&comment.board_id)?;
        self.insert_at(&[], "comments", comment)
    }

    /// Sets a comment's text or whether it is resolved; nothing else of it changes.
    pub fn patch_comment(&mut self, id: &str, patch: &serde_json::Map<String, Value>) -> Result<(), ModelError> {
        if let Some(key) = patch.keys().find(|k| !matches!(k.as_str(), "text" | "resolved")) {
            return Err(ModelError::Invalid(format!("a comment's \"{key}\" cannot be changed")));
        }
        self.patch_at::<Comment>(&[("comments", id)], patch)
    }

    pub fn update_comment(&mut self, id: &str, change: impl FnOnce(&mut Comment)) -> Result<(), ModelError> {
        self.update_at(&[("comments", id)], change)
    }

    pub fn delete_comment(&mut self, id: &str) -> Result<(), ModelError> {
        self.remove_at(&[], "comments", id)
    }

    pub fn comments(&self) -> Vec<Comment> {
        self.list_at(&[], "comments").unwrap_or_default()
    }

    /// What only the facilitator may change in a shared session, read without building
    /// the whole view: the meta, the sessions with their steps, and whether each board is
    /// archived (by id).
    pub fn plan(&self) -> Plan {
        self.read(DocName::Content, |txn, root| {
            let part = |key: &str| match root.get(txn, key) {
                Some(Out::YMap(map)) => read_map(txn, &map),
                _ => Value::Null,
            };
            let archived = |board: &Out| match board {
                Out::YMap(map) => matches!(map.get(txn, "archived"), Some(Out::Any(yrs::Any::Bool(true)))),
                _ => false,
            };
            let boards = match root.get(txn, "boards") {
                Some(Out::YMap(boards)) => boards.iter(txn).map(|(id, board)| (id.to_string(), archived(&board))).collect(),
                _ => Default::default(),
            };
            Plan { meta: part("meta"), sessions: part("sessions"), boards, trash: part(super::trash::TRASH) }
        })
    }

    pub fn meta(&self) -> Meta {
        self.view().meta
    }

    pub fn update_meta(&mut self, change: impl FnOnce(&mut Meta)) -> Result<(), ModelError> {
        let mut meta = self.meta();
        change(&mut meta);
        let obj = to_object(&meta)?;
        self.edit(DocName::Content, |txn, root| {
            let map = child_map(txn, root, "meta");
            write_map(txn, &map, &obj);
            Ok(())
        })
    }

    pub fn patch_meta(&mut self, patch: &serde_json::Map<String, Value>) -> Result<(), ModelError> {
        let mut value = serde_json::to_value(self.meta()).map_err(|e| ModelError::Invalid(e.to_string()))?;
        if let Value::Object(obj) = &mut value {
            obj.extend(patch.clone());
        }
        let meta: Meta = decode(value)?;
        self.update_meta(|m| *m = meta)
    }

    // ---- control document ----

    /// The control document alone (without building the whole workshop's projection).
    /// The control view; read from the document again only after it changed, since the
    /// hub reads it for every participant's write.
    pub fn control(&self) -> ControlView {
        let mut cached = self.control_cache.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        cached
            .get_or_insert_with(|| {
                let json = self.read(DocName::Control, |txn, root| read_map(txn, root));
                serde_json::from_value(json).unwrap_or_default()
            })
            .clone()
    }

    pub fn update_control(&mut self, change: impl FnOnce(&mut ControlView)) -> Result<(), ModelError> {
        let mut control = self.control();
        change(&mut control);
        let obj = to_object(&control)?;
        self.edit(DocName::Control, |txn, root| Ok(write_map(txn, root, &obj)))
    }
}

/// The plan's parts, for telling whether a write changed it: see [`Workshop::plan`].
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub meta: Value,
    pub sessions: Value,
    /// Board id and whether the board is archived.
    pub boards: std::collections::BTreeMap<String, bool>,
    /// The trash, whole: restoring and emptying it are the facilitator's.
    pub trash: Value,
}

impl Plan {
    /// Whether `after` changed this plan: meta or sessions differ, a board is gone, or
    /// a board's archiving changed. Adding a board that is not archived leaves the plan be.
    pub fn changed_by(&self, after: &Plan) -> bool {
        let kept = self.boards.iter().all(|(id, archived)| after.boards.get(id) == Some(archived));
        let added_archived = after.boards.iter().any(|(id, archived)| *archived && !self.boards.contains_key(id));
        let plan_moved = self.meta != after.meta || self.sessions != after.sessions || self.trash != after.trash;
        plan_moved || !kept || added_archived
    }
}

fn remove_in(txn: &mut TransactionMut, root: &MapRef, parent: &Path, collection: &str, id: &str) -> Result<(), ModelError> {
    let parent_map = find(txn, root, parent)?;
    let target = find(txn, &parent_map, &[(collection, id)])?;
    let mut gone = vec![id.to_string()];
    gone.extend(ids_within(txn, &target));
    if let Some(Out::YMap(items)) = parent_map.get(txn, collection) {
        items.remove(txn, id);
    }
    gone.extend(remove_references(txn, &parent_map, id));
    break_sources(txn, root, &gone);
    Ok(())
}

/// The ids of the items in the collections of `map` (a board's items).
fn ids_within<T: ReadTxn>(txn: &T, map: &MapRef) -> Vec<String> {
    map.iter(txn)
        .filter_map(|(_, out)| if let Out::YMap(items) = out { Some(items) } else { None })
        .flat_map(|items| items.keys(txn).map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// Every traced source that points at one of `gone` becomes a broken link.
fn break_sources(txn: &mut TransactionMut, root: &MapRef, gone: &[String]) {
    let Some(Out::YMap(boards)) = root.get(txn, "boards") else { return };
    let mut changes: Vec<(MapRef, Value)> = Vec::new();
    for (_, board) in boards.iter(txn) {
        let Out::YMap(board) = board else { continue };
        for (_, items) in board.iter(txn) {
            let Out::YMap(items) = items else { continue };
            for (_, item) in items.iter(txn) {
                let Out::YMap(item) = item else { continue };
                let Some(Out::Any(any)) = item.get(txn, "sources") else { continue };
                let Ok(sources) = serde_json::from_value::<Vec<Source>>(any_to_json(&any)) else { continue };
                let hit = |s: &Source| gone.contains(&s.item_id) || gone.contains(&s.board_id);
                if sources.iter().any(hit) {
                    let fixed: Vec<Source> = sources.iter().map(|s| if hit(s) { s.broken() } else { s.clone() }).collect();
                    changes.push((item, serde_json::to_value(fixed).unwrap_or_default()));
                }
            }
        }
    }
    for (item, sources) in changes {
        write_value(txn, &item, "sources", &sources);
    }
}

/// Removes items of the same parent that refer to `id`; clears optional references.
/// Returns the ids of the items removed.
fn remove_references(txn: &mut TransactionMut, parent: &MapRef, id: &str) -> Vec<String> {
    let mut removed = Vec::new();
    let collections: Vec<MapRef> = parent
        .iter(txn)
        .filter_map(|(_, out)| if let Out::YMap(m) = out { Some(m) } else { None })
        .collect();
    for items in collections {
        let doomed: Vec<(String, Option<&'static str>)> = items
            .iter(txn)
            .filter_map(|(key, out)| {
                let Out::YMap(item) = out else { return None };
                REFERENCE_KEYS.iter().find_map(|(ref_key, cascade)| {
                    let refers = matches!(item.get(txn, ref_key), Some(Out::Any(yrs::Any::String(s))) if &*s == id);
                    refers.then(|| (key.to_string(), (!cascade).then_some(*ref_key)))
                })
            })
            .collect();
        for (key, clear) in doomed {
            match clear {
                None => {
                    items.remove(txn, &key);
                    removed.push(key);
                }
                Some(ref_key) => {
                    if let Some(Out::YMap(item)) = items.get(txn, &key) {
                        item.insert(txn, ref_key, yrs::Any::Null);
                    }
                }
            }
        }
    }
    removed
}
