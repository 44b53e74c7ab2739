//! The hub's check of locks: a participant's content write that would change a locked
//! board or item is refused. Only while something is locked, the write is first tried
//! on a shadow copy of the content, and the locked boards and items compared before and
//! after. The shadow is kept between writes and brought up to date with what the hub
//! took in meanwhile, so each check costs about the size of the locked parts; a refused
//! write spoils it, and it is rebuilt at the next check.

use super::SyncError;
use crate::model::{DocName, ModelError, Workshop};
use serde_json::Value;


/// Whether applying `update` to `hub` would change anything locked. `shadow` is the
/// copy kept for these checks (None until the first one, and after a refusal).
pub fn breaks_lock(hub: &Workshop, shadow: &mut Option<Workshop>, update: &[u8]) -> Result<bool, SyncError> {
    let locked = hub.control().locked;
    if locked.is_empty() {
        *shadow = None;
        return Ok(false);
    }
    let bad = |e: ModelError| SyncError::Malformed(e.to_string());
    let copy = match shadow {
        Some(copy) => copy,
        None => shadow.insert(Workshop::from_updates(&[hub.encode_state(DocName::Content)], &[]).map_err(bad)?),
    };
    copy.apply_update(DocName::Content, &hub.diff_since(DocName::Content, &copy.state_vector(DocName::Content))).map_err(bad)?;
    let before = locked_parts(copy, &locked);
    copy.apply_update(DocName::Content, update).map_err(bad)?;
    let broken = locked_parts(copy, &locked) != before;
    if broken {
        *shadow = None;
    }
    Ok(broken)
}

/// The JSON of every locked board and item (None for one that does not exist).
fn locked_parts(w: &Workshop, locked: &[String]) -> Vec<Option<Value>> {
    let json = |board: &str| w.board(board).ok().and_then(|b| serde_json::to_value(b).ok());
    locked
        .iter()
        .map(|id| match json(id) {
            Some(board) => Some(board),
            None => w.board_holding(id).and_then(|b| json(&b)).and_then(|board| item_in(&board, id)),
        })
        .collect()
}

fn item_in(board: &Value, id: &str) -> Option<Value> {
    let Value::Object(fields) = board else { return None };
    fields.values().filter_map(Value::as_array).flatten().find(|item| item.get("id").and_then(Value::as_str) == Some(id)).cloned()
}
