//! Traceability (mistä tämä tuli): an item of a model, a quality criterion or an idea
//! names the items it came from. A source keeps the label it had when it was traced, so
//! that when the source is deleted the link stays visible and honest: broken, with the
//! old label and no id pointing at nothing.

use super::diff::label_of;
use super::schema::is_collection;
use super::{Board, BoardContent, BoardKind, WorkshopView};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
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
pub fn source_label(board: &Board, item: &str) -> Option<String> {
    let (collection, value) = find_item(board, item)?;
    Some(label(board.content.kind(), &collection, &value))
}

fn label(kind: BoardKind, collection: &str, item: &Value) -> String {
    let critical = item.get("critical").and_then(Value::as_bool) == Some(true);
    let name = if critical { "Kriittinen piste" } else { kind_name(kind, collection) };
    format!("{name}: {}", label_of(item))
}

/// The collection and JSON of one item of a board.
fn find_item(board: &Board, id: &str) -> Option<(String, Value)> {
    let Value::Object(json) = serde_json::to_value(board).ok()? else { return None };
    json.into_iter().filter(|(k, _)| is_collection(k)).find_map(|(key, items)| {
        let found = items.as_array()?.iter().find(|i| i.get("id").and_then(Value::as_str) == Some(id))?;
        Some((key, found.clone()))
    })
}

/// Every link in the workshop, with the sources' labels as they are now. Only the
/// boards that hold a source are read as JSON, each once.
pub fn traces(view: &WorkshopView) -> Vec<Trace> {
    let traced: Vec<(&Board, TracedItem)> = view.boards.iter().flat_map(|b| traced_items(b).into_iter().map(move |t| (b, t))).collect();
    let mut labels: HashMap<&str, Option<HashMap<String, String>>> = HashMap::new();
    for (_, item) in &traced {
        for source in item.sources.iter().filter(|s| !s.broken) {
            labels.entry(source.board_id.as_str()).or_insert_with(|| view.board(&source.board_id).map(labels_of));
        }
    }
    let fresh = |source: &Source| -> Source {
        if source.broken {
            return source.clone();
        }
        let label = labels.get(source.board_id.as_str()).and_then(|b| b.as_ref()?.get(&source.item_id));
        match label {
            Some(label) => Source { label: label.clone(), ..source.clone() },
            None => source.broken(),
        }
    };
    traced
        .iter()
        .flat_map(|(board, item)| {
            item.sources.iter().map(|s| Trace {
                board_id: board.id.clone(),
                item_id: item.id.to_string(),
                item_label: item.label.to_string(),
                source: fresh(s),
            })
        })
        .collect()
}

/// An item that names its sources.
struct TracedItem<'a> {
    id: &'a str,
    label: &'a str,
    sources: &'a [Source],
}

/// The items of a board that keep sources: model elements and parts, criteria, ideas
/// and phenomenon-map notes.
fn traced_items(board: &Board) -> Vec<TracedItem<'_>> {
    let items: Vec<TracedItem> = match &board.content {
        BoardContent::OperatingModel(m) => m
            .elements
            .iter()
            .map(|e| TracedItem { id: &e.id, label: &e.text, sources: &e.sources })
            .chain(m.parts.iter().map(|p| TracedItem { id: &p.id, label: &p.text, sources: &p.sources }))
            .collect(),
        BoardContent::QualityCriteria(q) => q.criteria.iter().map(|c| TracedItem { id: &c.id, label: &c.text, sources: &c.sources }).collect(),
        BoardContent::IdeaWall(w) => w.ideas.iter().map(|i| TracedItem { id: &i.id, label: &i.name, sources: &i.sources }).collect(),
        BoardContent::Phenomenon(p) => p.entries.iter().map(|e| TracedItem { id: &e.id, label: &e.text, sources: &e.sources }).collect(),
        _ => Vec::new(),
    };
    items.into_iter().filter(|t| !t.sources.is_empty()).collect()
}

/// The label a link keeps for every item of a board, by item id.
fn labels_of(board: &Board) -> HashMap<String, String> {
    let Ok(Value::Object(json)) = serde_json::to_value(board) else { return HashMap::new() };
    let kind = board.content.kind();
    let mut out = HashMap::new();
    for (collection, items) in json.iter().filter(|(k, _)| is_collection(k)) {
        for item in items.as_array().into_iter().flatten() {
            if let Some(id) = item.get("id").and_then(Value::as_str) {
                out.insert(id.to_string(), label(kind, collection, item));
            }
        }
    }
    out
}
