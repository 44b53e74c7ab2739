//! The hub's check of locks: a participant's content write that would change a locked
//! board or item is refused. Only while something is locked, the update is tried on a
//! scratch copy of the content and the locked parts compared before and after.

use super::SyncError;
use crate::model::{DocName, Workshop, WorkshopView};
use serde_json::Value;

/// What a participant is told when their write touches something locked.
pub const LOCKED: &str = "The facilitator has locked this.";

/// Whether applying `update` would change anything locked in `workshop`.
pub fn breaks_lock(workshop: &Workshop, update: &[u8]) -> Result<bool, SyncError> {
    let locked = workshop.control().locked;
    if locked.is_empty() {
        return Ok(false);
    }
    let bad = |e: crate::model::ModelError| SyncError::Malformed(e.to_string());
    let mut scratch = Workshop::from_updates(&[workshop.encode_state(DocName::Content)], &[]).map_err(bad)?;
    scratch.apply_update(DocName::Content, update).map_err(bad)?;
    Ok(locked_parts(&scratch.view(), &locked) != locked_parts(&workshop.view(), &locked))
}

/// The JSON of every locked board and item (None for one that does not exist).
fn locked_parts(view: &WorkshopView, locked: &[String]) -> Vec<Option<Value>> {
    let boards: Vec<Value> = view.boards.iter().filter_map(|b| serde_json::to_value(b).ok()).collect();
    locked
        .iter()
        .map(|id| {
            boards.iter().find_map(|board| match board.get("id").and_then(Value::as_str) == Some(id) {
                true => Some(board.clone()),
                false => item_in(board, id),
            })
        })
        .collect()
}

fn item_in(board: &Value, id: &str) -> Option<Value> {
    let Value::Object(fields) = board else { return None };
    fields.values().filter_map(Value::as_array).flatten().find(|item| item.get("id").and_then(Value::as_str) == Some(id)).cloned()
}
