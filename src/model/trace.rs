//! Traceability (mistä tämä tuli): an item of a model, a quality criterion or an idea
//! names the items it came from. A source keeps the label it had when it was traced, so
//! that when the source is deleted the link stays visible and honest: broken, with the
//! old label and no id pointing at nothing.

use super::diff::label_of;
use super::schema::is_collection;
use super::{Board, BoardKind, WorkshopView};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Source {
    pub board_id: String,
    pub item_id: String,
    /// The source's label when it was traced ("Persoona: Sanna, 34").
    pub label: String,
    /// The source was deleted: both ids are empty and only the label remains.
    pub broken: bool,
}

impl Source {
    /// The same link after its source was deleted.
    pub fn broken(&self) -> Source {
        Source { board_id: String::new(), item_id: String::new(), label: self.label.clone(), broken: true }
    }
}

/// One link, read both ways: `item` on `board` came from `source`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Trace {
    pub board_id: String,
    pub item_id: String,
    /// What the tracing item says now.
    pub item_label: String,
    /// The source as it is now: its label is fresh while the source exists.
    pub source: Source,
}

/// The Finnish name of what an item is, by its board kind and collection.
pub fn kind_name(kind: BoardKind, collection: &str) -> &'static str {
    use BoardKind::*;
    match (kind, collection) {
        (Persona, _) => "Persoona",
        (ServicePath, "phases") => "Polun vaihe",
        (ServicePath, "cards") => "Polun kortti",
        (ServicePath, _) => "Palvelupolku",
        (CausalMap, "nodes") => "Syy tai seuraus",
        (CausalMap, _) => "Kausaalikartta",
        (Cafe, _) => "Kahvilan muistiinpano",
        (IdeaWall, _) => "Idea",
        (Free, _) => "Lappu",
        (QualityCriteria, _) => "Laatukriteeri",
        (OperatingModel, _) => "Mallin osa",
        (Glossary, _) => "Käsite",
        (Phenomenon, _) => "Ilmiökartta",
        (Evaluation, _) => "Arviointi",
    }
}

/// The label a new link to `item` on `board` keeps: "Persoona: Sanna, 34". A path card
/// marked critical says so.
pub fn source_label(view: &WorkshopView, board: &str, item: &str) -> Option<String> {
    let board = view.board(board)?;
    let (collection, value) = find_item(board, item)?;
    let mut kind = kind_name(board.content.kind(), &collection).to_string();
    if value.get("critical").and_then(Value::as_bool) == Some(true) {
        kind = "Kriittinen piste".into();
    }
    Some(format!("{kind}: {}", label_of(&value)))
}

/// The collection and JSON of one item of a board.
fn find_item(board: &Board, id: &str) -> Option<(String, Value)> {
    let Value::Object(json) = serde_json::to_value(board).ok()? else { return None };
    json.into_iter().filter(|(k, _)| is_collection(k)).find_map(|(key, items)| {
        let found = items.as_array()?.iter().find(|i| i.get("id").and_then(Value::as_str) == Some(id))?;
        Some((key, found.clone()))
    })
}

/// Every link in the workshop, with the sources' labels as they are now.
pub fn traces(view: &WorkshopView) -> Vec<Trace> {
    let mut out = Vec::new();
    for board in &view.boards {
        let Ok(Value::Object(json)) = serde_json::to_value(board) else { continue };
        for items in json.iter().filter(|(k, _)| is_collection(k)).filter_map(|(_, v)| v.as_array()) {
            for item in items {
                out.extend(item_traces(view, board, item));
            }
        }
    }
    out
}

fn item_traces(view: &WorkshopView, board: &Board, item: &Value) -> Vec<Trace> {
    let sources: Vec<Source> = item.get("sources").and_then(|s| serde_json::from_value(s.clone()).ok()).unwrap_or_default();
    let id = item.get("id").and_then(Value::as_str).unwrap_or_default();
    sources
        .into_iter()
        .map(|source| Trace {
            board_id: board.id.clone(),
            item_id: id.to_string(),
            item_label: label_of(item),
            source: fresh(view, source),
        })
        .collect()
}

/// A source with its label as it is now; one whose item is gone reads as broken.
fn fresh(view: &WorkshopView, source: Source) -> Source {
    if source.broken {
        return source;
    }
    match source_label(view, &source.board_id, &source.item_id) {
        Some(label) => Source { label, ..source },
        None => source.broken(),
    }
}
