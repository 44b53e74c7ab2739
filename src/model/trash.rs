//! The trash: a deleted board or session is kept in the workshop document with when it
//! was deleted and everything deleting it took away or changed, so the facilitator can
//! restore it whole, or empty the trash. It syncs and is saved like any content, but no
//! view that leaves the workshop (an export) holds it. It never records who deleted.

use super::tree::{read_field, read_map, read_out, write_map, write_value};
use super::{DocName, ModelError, Workshop, new_id};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;
use yrs::{Any, Map, MapPrelim, MapRef, Out, ReadTxn, TransactionMut};

/// The content root's key for the trash.
pub const TRASH: &str = "trash";

/// One deleted board or session, as the trash view lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrashEntry {
    pub id: String,
    /// `"board"` or `"session"`.
    pub what: String,
    /// The board's or session's title when it was deleted.
    pub label: String,
    /// When it was deleted, in milliseconds since 1970.
    pub deleted_at: f64,
}

/// What deleting did: the items it removed, whole, and the fields it changed on items it
/// kept (a cleared session, a link turned broken).
#[derive(Debug, Default, Serialize, Deserialize)]
struct Removal {
    removed: Vec<Removed>,
    changed: Vec<Changed>,
}

/// `Path` steps from the root, as `(collection, id)`.
type Steps = Vec<(String, String)>;

#[derive(Debug, Serialize, Deserialize)]
struct Removed {
    parent: Steps,
    collection: String,
    item: Value,
}

#[derive(Debug, Serialize, Deserialize)]
struct Changed {
    path: Steps,
    key: String,
    before: Value,
    after: Value,
}

impl Workshop {
    /// Runs `remove` (a deletion), and keeps what it took away in the trash as one entry.
    /// Returns the entry's id.
    pub(super) fn remove_to_trash(
        &mut self,
        what: &str,
        label: String,
        remove: impl FnOnce(&mut TransactionMut, &MapRef) -> Result<(), ModelError>,
    ) -> Result<String, ModelError> {
        self.edit(DocName::Content, |txn, root| {
            let before = content_json(txn, root);
            remove(txn, root)?;
            let mut removal = Removal::default();
            diff(&mut Vec::new(), &before, &content_json(txn, root), &mut removal);
            let id = new_id();
            let entry = TrashEntry { id: id.clone(), what: what.into(), label, deleted_at: super::control::now_ms() };
            put_entry(txn, root, &entry, &removal)?;
            Ok(id)
        })
    }

    /// What the trash holds, newest first.
    pub fn trash(&self) -> Vec<TrashEntry> {
        self.read(DocName::Content, |txn, root| trash_entries(txn, root))
    }

    /// Puts a trashed board or session back whole, with what deleting it removed or changed;
    /// fields changed again since are left as they are now.
    pub fn restore(&mut self, entry: &str) -> Result<(), ModelError> {
        self.edit(DocName::Content, |txn, root| {
            let removal = take_entry(txn, root, entry)?;
            for removed in &removal.removed {
                put_back(txn, root, removed);
            }
            for changed in &removal.changed {
                change_back(txn, root, changed);
            }
            Ok(())
        })
    }

    /// Deletes everything in the trash for good: entry by entry, so an entry another
    /// replica adds meanwhile stays.
    pub fn empty_trash(&mut self) -> Result<(), ModelError> {
        self.edit(DocName::Content, |txn, root| {
            let Some(Out::YMap(trash)) = root.get(txn, TRASH) else { return Ok(()) };
            let entries: Vec<String> = trash.keys(txn).map(str::to_string).collect();
            for entry in entries {
                trash.remove(txn, &entry);
            }
            Ok(())
        })
    }
}

/// The entries of the content root's trash, newest first.
pub(super) fn trash_entries<T: ReadTxn>(txn: &T, root: &MapRef) -> Vec<TrashEntry> {
    let Some(Out::YMap(trash)) = root.get(txn, TRASH) else { return Vec::new() };
    let mut entries: Vec<TrashEntry> = trash
        .iter(txn)
        .filter_map(|(_, entry)| serde_json::from_value(read_out(txn, entry)).ok())
        .collect();
    newest_first(&mut entries);
    entries
}

/// The entries in the trash's JSON (as the content root's JSON holds it), newest first.
pub(super) fn entries_of(json: &Value) -> Vec<TrashEntry> {
    let Value::Object(trash) = json else { return Vec::new() };
    let mut entries: Vec<TrashEntry> = trash.values().filter_map(|e| serde_json::from_value(e.clone()).ok()).collect();
    newest_first(&mut entries);
    entries
}

fn newest_first(entries: &mut [TrashEntry]) {
    entries.sort_by(|a, b| b.deleted_at.total_cmp(&a.deleted_at).then_with(|| a.id.cmp(&b.id)));
}

/// The content as JSON, without the trash.
fn content_json<T: ReadTxn>(txn: &T, root: &MapRef) -> Value {
    let mut json = read_map(txn, root);
    if let Value::Object(obj) = &mut json {
        obj.remove(TRASH);
    }
    json
}

/// Notes in `out` how `after` differs from `before` (both an item, or the root, at `path`).
fn diff(path: &mut Steps, before: &Value, after: &Value, out: &mut Removal) {
    let (Value::Object(before), Some(after)) = (before, after.as_object()) else { return };
    for (key, old) in before {
        let new = after.get(key).unwrap_or(&Value::Null);
        if super::schema::is_collection(key) {
            diff_collection(path, key, old, new, out);
        } else if old != new {
            out.changed.push(Changed { path: path.clone(), key: key.clone(), before: old.clone(), after: new.clone() });
        }
    }
}

fn diff_collection(path: &mut Steps, key: &str, before: &Value, after: &Value, out: &mut Removal) {
    let id_of = |item: &Value| item.get("id").and_then(Value::as_str).unwrap_or_default().to_string();
    let after_items: Vec<&Value> = after.as_array().map(|a| a.iter().collect()).unwrap_or_default();
    for item in before.as_array().into_iter().flatten() {
        let id = id_of(item);
        match after_items.iter().find(|i| id_of(i) == id) {
            None => out.removed.push(Removed { parent: path.clone(), collection: key.into(), item: item.clone() }),
            Some(now) if *now != item => {
                path.push((key.into(), id));
                diff(path, item, now, out);
                path.pop();
            }
            Some(_) => {}
        }
    }
}

fn put_entry(txn: &mut TransactionMut, root: &MapRef, entry: &TrashEntry, removal: &Removal) -> Result<(), ModelError> {
    let json = |v: Result<String, serde_json::Error>| v.map_err(|e| ModelError::Invalid(e.to_string()));
    let trash = match root.get(txn, TRASH) {
        Some(Out::YMap(trash)) => trash,
        _ => root.insert(txn, TRASH, MapPrelim::default()),
    };
    let map = trash.insert(txn, entry.id.as_str(), MapPrelim::default());
    map.insert(txn, "id", Any::from(entry.id.as_str()));
    map.insert(txn, "what", Any::from(entry.what.as_str()));
    map.insert(txn, "label", Any::from(entry.label.as_str()));
    map.insert(txn, "deleted_at", Any::from(entry.deleted_at));
    map.insert(txn, "removal", Any::from(json(serde_json::to_string(removal))?));
    Ok(())
}

/// Takes the entry out of the trash and returns what deleting did.
fn take_entry(txn: &mut TransactionMut, root: &MapRef, entry: &str) -> Result<Removal, ModelError> {
    let not_found = || ModelError::NotFound { what: "trash entry", id: entry.to_string() };
    let Some(Out::YMap(trash)) = root.get(txn, TRASH) else { return Err(not_found()) };
    let Some(Out::YMap(map)) = trash.get(txn, entry) else { return Err(not_found()) };
    let removal = match map.get(txn, "removal") {
        Some(Out::Any(Any::String(text))) => serde_json::from_str(&text).map_err(|e| ModelError::Invalid(e.to_string()))?,
        _ => Removal::default(),
    };
    trash.remove(txn, entry);
    Ok(removal)
}

/// The map at `path` from the root, if it is still there.
fn find<T: ReadTxn>(txn: &T, root: &MapRef, path: &Steps) -> Option<MapRef> {
    let mut map = root.clone();
    for (collection, id) in path {
        let Some(Out::YMap(items)) = map.get(txn, collection) else { return None };
        let Some(Out::YMap(item)) = items.get(txn, id) else { return None };
        map = item;
    }
    Some(map)
}

/// Puts a removed item back, unless its parent is gone or an item has its id again.
fn put_back(txn: &mut TransactionMut, root: &MapRef, removed: &Removed) {
    let (Some(parent), Some(Value::String(id))) = (find(txn, root, &removed.parent), removed.item.get("id")) else { return };
    let Some(obj) = removed.item.as_object() else { return };
    let items = super::tree::child_map(txn, &parent, &removed.collection);
    if items.contains_key(txn, id) {
        return;
    }
    let map = items.insert(txn, id.as_str(), MapPrelim::default());
    write_map(txn, &map, obj);
}

/// Sets a changed field back, if it still holds what deleting left there.
fn change_back(txn: &mut TransactionMut, root: &MapRef, changed: &Changed) {
    let Some(map) = find(txn, root, &changed.path) else { return };
    let now = map.get(txn, &changed.key).map(|out| read_field(txn, &changed.key, out)).unwrap_or(Value::Null);
    if now == changed.after {
        write_value(txn, &map, &changed.key, &changed.before);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::idea_wall::Idea;
    use crate::model::persona::Persona;
    use crate::model::session::Session;
    use crate::model::trace::Source;
    use crate::model::BoardKind;

    /// A session holding a persona board, and an idea on another board traced to a persona.
    fn workshop() -> (Workshop, String, String) {
        let mut w = Workshop::new();
        let session = w.add_session(&Session { title: "Aamupäivä".into(), ..Default::default() }).unwrap();
        let personas = w.create_board(BoardKind::Persona, "Persoonat", Some(&session)).unwrap();
        let sanna = w.add(&personas, &Persona { name: "Sanna".into(), ..Default::default() }).unwrap();
        let ideas = w.create_board(BoardKind::IdeaWall, "Ideat", None).unwrap();
        let source = Source { board_id: personas.clone(), item_id: sanna, label: "Persoona: Sanna".into(), broken: false };
        w.add(&ideas, &Idea { name: "Kotikäynti".into(), sources: vec![source], ..Default::default() }).unwrap();
        (w, session, personas)
    }

    #[test]
    fn a_deleted_board_goes_to_the_trash_and_comes_back_whole() {
        let (mut w, _, personas) = workshop();
        let before = w.view();
        let entry = w.delete_board(&personas).unwrap();
        let deleted = w.view();
        assert!(deleted.board(&personas).is_none(), "the board is gone from the boards");
        assert_eq!(deleted.trash.len(), 1, "and is in the trash");
        assert_eq!((deleted.trash[0].what.as_str(), deleted.trash[0].label.as_str()), ("board", "Persoonat"));
        let idea = &deleted.boards.iter().find(|b| b.title == "Ideat").unwrap();
        assert!(serde_json::to_string(idea).unwrap().contains("\"broken\":true"), "the link to it is broken meanwhile");
        w.restore(&entry).unwrap();
        assert_eq!(w.view(), before, "restoring gives back the board, its items and the link");
    }

    #[test]
    fn a_deleted_session_comes_back_with_its_boards_in_it() {
        let (mut w, session, personas) = workshop();
        let before = w.view();
        let entry = w.delete_session(&session).unwrap();
        assert_eq!(w.board(&personas).unwrap().session_id, None, "its boards stay, outside any session");
        w.restore(&entry).unwrap();
        assert_eq!(w.view(), before, "restoring puts the session and its boards' place in it back");
    }

    #[test]
    fn emptying_the_trash_deletes_for_good() {
        let (mut w, session, personas) = workshop();
        let entry = w.delete_board(&personas).unwrap();
        w.delete_session(&session).unwrap();
        assert_eq!(w.trash().len(), 2);
        w.empty_trash().unwrap();
        assert!(w.trash().is_empty() && w.view().trash.is_empty(), "the trash is empty");
        assert!(matches!(w.restore(&entry), Err(ModelError::NotFound { .. })), "and nothing can be restored from it");
        assert!(w.view().board(&personas).is_none());
    }

    #[test]
    fn an_export_leaves_the_trash_out() {
        let (mut w, _, personas) = workshop();
        w.delete_board(&personas).unwrap();
        let export = w.view().to_export();
        assert!(!export.contains("Persoonat"), "no trashed board in the export");
        let json: Value = serde_json::from_str(&export).unwrap();
        assert_eq!(json.get(TRASH), None, "nor the trash");
    }

    #[test]
    fn a_trash_entry_says_what_and_when_never_who() {
        let (mut w, _, personas) = workshop();
        w.delete_board(&personas).unwrap();
        let keys = w.read(DocName::Content, |txn, root| {
            let Some(Out::YMap(trash)) = root.get(txn, TRASH) else { return Vec::new() };
            let entry = trash.iter(txn).next().map(|(_, e)| read_out(txn, e)).unwrap_or_default();
            entry.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default()
        });
        assert_eq!(keys, ["deleted_at", "id", "label", "removal", "what"], "no person, client or device is kept");
    }

    #[test]
    fn restoring_leaves_a_field_changed_since_as_it_is() {
        let (mut w, session, personas) = workshop();
        let entry = w.delete_session(&session).unwrap();
        let later = w.add_session(&Session { title: "Iltapäivä".into(), ..Default::default() }).unwrap();
        w.update_board(&personas, |b| b.session_id = Some(later.clone())).unwrap();
        w.restore(&entry).unwrap();
        assert_eq!(w.board(&personas).unwrap().session_id, Some(later), "the board stays where it was moved since");
        assert!(w.session(&session).is_ok(), "the session is back");
    }

    #[test]
    fn going_back_to_a_version_keeps_the_trash() {
        let (mut w, _, personas) = workshop();
        let version = w.view();
        let entry = w.delete_board(&personas).unwrap();
        w.replace_with(&version).unwrap();
        assert_eq!(w.trash().len(), 1, "the trash is not a part of a version");
        w.empty_trash().unwrap();
        assert!(w.board(&personas).is_ok(), "the version brought the board back");
        assert!(w.restore(&entry).is_err());
    }
}
