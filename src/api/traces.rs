//! Tracing: an item names where it came from. The label of the source is set by the
//! core when the link is made, so a deleted source still reads as what it was. Which
//! item types keep sources, and writing them back, is the commands' part.

use crate::Refusal;
use crate::model::trace::{Source, source_label};
use crate::model::{ModelError, Workshop};
use serde_json::{Map, Value};

/// The sources with `source_item` on `source_board` added; a link already there is not
/// added twice, and an item cannot come from itself.
pub fn added(w: &Workshop, mut sources: Vec<Source>, id: &str, source: (&str, &str)) -> Result<Vec<Source>, ModelError> {
    let (source_board, source_item) = source;
    if source_item == id {
        return Err(ModelError::NotAllowed(Refusal::NotTraceable));
    }
    let label = source_label(&w.board(source_board)?, source_item)
        .ok_or_else(|| ModelError::NotFound { what: "item", id: source_item.into() })?;
    if !sources.iter().any(|s| s.item_id == source_item) {
        sources.push(Source { board_id: source_board.into(), item_id: source_item.into(), label, broken: false });
    }
    Ok(sources)
}

/// The sources without the one at `index` (a broken link has no id to name it by).
pub fn removed(mut sources: Vec<Source>, index: usize) -> Result<Vec<Source>, ModelError> {
    if index >= sources.len() {
        return Err(ModelError::NotFound { what: "source", id: index.to_string() });
    }
    sources.remove(index);
    Ok(sources)
}

/// The sources item `id` on `board` names now.
pub fn sources_of(w: &Workshop, board: &str, id: &str) -> Result<Vec<Source>, ModelError> {
    let json = serde_json::to_value(w.board(board)?).map_err(|e| ModelError::Invalid(e.to_string()))?;
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

/// The patch that sets an item's sources.
pub fn as_patch(sources: &[Source]) -> Result<Map<String, Value>, ModelError> {
    let value = serde_json::to_value(sources).map_err(|e| ModelError::Invalid(e.to_string()))?;
    Ok(Map::from_iter([("sources".to_string(), value)]))
}
