//! Tracing: an item names where it came from. The label of the source is set by the
//! core when the link is made, so a deleted source still reads as what it was.

use super::commands::{ItemType, Patch, patch_item};
use crate::Refusal;
use crate::model::trace::{Source, source_label};
use crate::model::{ModelError, Workshop};
use serde_json::Value;

/// The item types that keep sources.
const TRACEABLE: [ItemType; 5] =
    [ItemType::ModelElement, ItemType::PhasePart, ItemType::Criterion, ItemType::Idea, ItemType::Entry];

/// Adds `source_item` on `source_board` to the sources of an item; a link already there
/// is not added twice.
pub fn add(w: &mut Workshop, board: &str, item_type: ItemType, id: &str, source: (&str, &str)) -> Result<(), ModelError> {
    let (source_board, source_item) = source;
    if source_item == id {
        return Err(ModelError::NotAllowed(Refusal::NotTraceable));
    }
    let label = source_label(&w.board(source_board)?, source_item)
        .ok_or_else(|| ModelError::NotFound { what: "item", id: source_item.into() })?;
    let mut sources = sources_of(w, board, item_type, id)?;
    if sources.iter().any(|s| s.item_id == source_item) {
        return Ok(());
    }
    sources.push(Source { board_id: source_board.into(), item_id: source_item.into(), label, broken: false });
    set(w, board, item_type, id, &sources)
}

/// Removes the source at `index` of an item's sources (a broken link has no id).
pub fn remove(w: &mut Workshop, board: &str, item_type: ItemType, id: &str, index: usize) -> Result<(), ModelError> {
    let mut sources = sources_of(w, board, item_type, id)?;
    if index >= sources.len() {
        return Err(ModelError::NotFound { what: "source", id: index.to_string() });
    }
    sources.remove(index);
    set(w, board, item_type, id, &sources)
}

fn sources_of(w: &Workshop, board: &str, item_type: ItemType, id: &str) -> Result<Vec<Source>, ModelError> {
    if !TRACEABLE.contains(&item_type) {
        return Err(ModelError::NotAllowed(Refusal::NotTraceable));
    }
    let board_view = w.board(board)?;
    let json = serde_json::to_value(&board_view).map_err(|e| ModelError::Invalid(e.to_string()))?;
    let item = json
        .as_object()
        .into_iter()
        .flat_map(|o| o.values())
        .filter_map(Value::as_array)
        .flatten()
        .find(|i| i.get("id").and_then(Value::as_str) == Some(id))
        .ok_or_else(|| ModelError::NotFound { what: "item", id: id.into() })?;
    let sources = item.get("sources").cloned().unwrap_or(Value::Array(vec![]));
    serde_json::from_value(sources).map_err(|e| ModelError::Invalid(e.to_string()))
}

fn set(w: &mut Workshop, board: &str, item_type: ItemType, id: &str, sources: &[Source]) -> Result<(), ModelError> {
    let mut patch = Patch::new();
    patch.insert("sources".into(), serde_json::to_value(sources).map_err(|e| ModelError::Invalid(e.to_string()))?);
    patch_item(w, board, item_type, id, &patch)
}
