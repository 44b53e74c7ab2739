//! What the hub refuses in a participant's raw content write: a change to a locked board
//! or item, or to the plan (meta, sessions and steps, deleting or archiving a board).
//!
//! The write is first tried on a shadow copy of the content, and the guarded parts
//! compared before and after. The shadow is kept between writes and brought up to date
//! with what the hub took in meanwhile, so each check costs about the size of the guarded
//! parts; a refused write spoils it, and it is rebuilt at the next check.

use super::SyncError;
use crate::api::rules::PLAN_FACILITATOR_ONLY;
use crate::model::{DocName, ModelError, Workshop};
use serde_json::Value;

/// What a participant is told when their write touches something locked.
pub const LOCKED: &str = "The facilitator has locked this.";

/// Why the hub refuses a participant's content `update`, or None if it may be taken in.
/// `shadow` is the copy kept for these checks (None until the first one, and after a refusal).
pub fn refusal(hub: &Workshop, shadow: &mut Option<Workshop>, update: &[u8]) -> Result<Option<&'static str>, SyncError> {
    let locked = hub.control().locked;
    let (before, after) = tried(hub, shadow, update, |w| (w.plan(), locked_parts(w, &locked)))?;
    let reason = if before.0.changed_by(&after.0) {
        Some(PLAN_FACILITATOR_ONLY)
    } else if before.1 != after.1 {
        Some(LOCKED)
    } else {
        None
    };
    if reason.is_some() {
        *shadow = None;
    }
    Ok(reason)
}

/// Whether applying `update` to `hub` would change anything locked.
pub fn breaks_lock(hub: &Workshop, shadow: &mut Option<Workshop>, update: &[u8]) -> Result<bool, SyncError> {
    let locked = hub.control().locked;
    if locked.is_empty() {
        return Ok(false);
    }
    let (before, after) = tried(hub, shadow, update, |w| locked_parts(w, &locked))?;
    let broken = before != after;
    if broken {
        *shadow = None;
    }
    Ok(broken)
}

/// `parts` of the shadow before and after `update` is applied to it.
fn tried<T>(hub: &Workshop, shadow: &mut Option<Workshop>, update: &[u8], parts: impl Fn(&Workshop) -> T) -> Result<(T, T), SyncError> {
    let bad = |e: ModelError| SyncError::Malformed(e.to_string());
    let copy = match shadow {
        Some(copy) => copy,
        None => shadow.insert(Workshop::from_updates(&[hub.encode_state(DocName::Content)], &[]).map_err(bad)?),
    };
    copy.apply_update(DocName::Content, &hub.diff_since(DocName::Content, &copy.state_vector(DocName::Content))).map_err(bad)?;
    let before = parts(copy);
    if let Err(e) = copy.apply_update(DocName::Content, update) {
        *shadow = None;
        return Err(bad(e));
    }
    Ok((before, parts(copy)))
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
