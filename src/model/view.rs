//! The projection of a whole workshop: what the UI renders, what JSON export writes and
//! what JSON import reads.

use super::control::ControlView;
use super::session::{Comment, Meta, Session};
use super::{Board, ModelError, TrashEntry};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

/// The version of the JSON format; import refuses anything newer.
pub const FORMAT: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkshopView {
    pub format: u32,
    #[serde(default)]
    pub meta: Meta,
    #[serde(default)]
    pub sessions: Vec<Session>,
    #[serde(default)]
    pub boards: Vec<Board>,
    #[serde(default)]
    pub comments: Vec<Comment>,
    #[serde(default)]
    pub control: ControlView,
    /// Deleted boards and sessions; an export leaves them out.
    #[serde(default)]
    pub trash: Vec<TrashEntry>,
}

impl WorkshopView {
    /// Builds the projection from the documents' JSON. A board that does not fit its
    /// kind (written by a newer or broken peer) is left out rather than failing the view.
    pub(super) fn from_json(content: Value, control: Value) -> WorkshopView {
        let part = |key: &str| content.get(key).cloned().unwrap_or(Value::Null);
        let list = |key: &str| match part(key) {
            Value::Array(items) => items,
            _ => Vec::new(),
        };
        let mut boards: Vec<Board> =
            list("boards").into_iter().filter_map(|b| serde_json::from_value(b).ok()).collect();
        for board in &mut boards {
            board.content.derive();
        }
        WorkshopView {
            format: FORMAT,
            meta: serde_json::from_value(part("meta")).unwrap_or_default(),
            sessions: list("sessions").into_iter().filter_map(|s| serde_json::from_value(s).ok()).collect(),
            boards,
            comments: list("comments").into_iter().filter_map(|c| serde_json::from_value(c).ok()).collect(),
            control: serde_json::from_value(control).unwrap_or_default(),
            trash: super::trash::entries_of(&part(super::trash::TRASH)),
        }
    }

    /// The JSON each document should hold: (content, control).
    pub(super) fn to_json(&self) -> Result<(Map<String, Value>, Map<String, Value>), ModelError> {
        let json = |v: Result<Value, serde_json::Error>| v.map_err(|e| ModelError::Invalid(e.to_string()));
        let mut content = Map::new();
        content.insert("meta".into(), json(serde_json::to_value(&self.meta))?);
        content.insert("sessions".into(), json(serde_json::to_value(&self.sessions))?);
        content.insert("boards".into(), json(serde_json::to_value(&self.boards))?);
        content.insert("comments".into(), json(serde_json::to_value(&self.comments))?);
        let control = match json(serde_json::to_value(&self.control))? {
            Value::Object(obj) => obj,
            _ => Map::new(),
        };
        Ok((content, control))
    }

    /// Reads an exported workshop. Wrong types, duplicate ids and newer formats are refused.
    pub fn from_export(text: &str) -> Result<WorkshopView, ModelError> {
        let raw: Value = serde_json::from_str(text).map_err(|e| ModelError::BadJson(e.to_string()))?;
        let format = raw.get("format").and_then(Value::as_u64).unwrap_or(0) as u32;
        if format > FORMAT {
            return Err(ModelError::NewerJson(format));
        }
        let view: WorkshopView = serde_json::from_value(raw).map_err(|e| ModelError::BadJson(e.to_string()))?;
        view.check_ids()?;
        Ok(WorkshopView { trash: Vec::new(), ..view })
    }

    /// The workshop as JSON, without the trash.
    pub fn to_export(&self) -> String {
        let mut json = serde_json::to_value(self).unwrap_or_default();
        if let Value::Object(obj) = &mut json {
            obj.remove(super::trash::TRASH);
        }
        serde_json::to_string_pretty(&json).unwrap_or_default()
    }

    /// Every id is non-empty and unique within its collection.
    fn check_ids(&self) -> Result<(), ModelError> {
        let value = serde_json::to_value(self).map_err(|e| ModelError::Invalid(e.to_string()))?;
        check_ids_in(&value)
    }

    pub fn board(&self, id: &str) -> Option<&Board> {
        self.boards.iter().find(|b| b.id == id)
    }
}

fn check_ids_in(value: &Value) -> Result<(), ModelError> {
    let Value::Object(obj) = value else { return Ok(()) };
    for (key, child) in obj {
        if let Value::Array(items) = child {
            if super::schema::is_collection(key) {
                let mut seen = std::collections::BTreeSet::new();
                for item in items {
                    let id = item.get("id").and_then(Value::as_str).unwrap_or("");
                    if id.is_empty() || !seen.insert(id) {
                        let why = format!("an item in \"{key}\" has an empty or repeated id \"{id}\"");
                        return Err(ModelError::BadJson(why));
                    }
                    check_ids_in(item)?;
                }
            }
        } else {
            check_ids_in(child)?;
        }
    }
    Ok(())
}
