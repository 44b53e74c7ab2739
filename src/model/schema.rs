//! How workshop JSON maps onto the yrs document, declared once.
//!
//! The content document is a tree of `Y.Map`s. A key listed in [`COLLECTIONS`] holds a
//! map from item id to item; in JSON it is an array sorted by `order`, then `id`. A key
//! in [`TEXT_KEYS`] holds a `Y.Text` so that concurrent typing merges by character.
//! Keys in [`COMPUTED_KEYS`] are derived by the core and never stored. Any other value is
//! stored whole, and so are the small objects in [`WHOLE_KEYS`]. To add a field, add it to the projection type; if it is free text, list
//! its key in [`TEXT_KEYS`]; if it is a list of items with ids, list it in [`COLLECTIONS`].

use super::BoardKind;

pub const COLLECTIONS: &[&str] = &[
    "sessions", "steps", "boards", "comments", "personas", "phases", "lanes", "cards",
    "endpoints", "nodes", "links", "stations", "groups", "notes", "ideas", "clusters", "votes",
    "criteria", "items", "answers", "people", "elements", "parts", "interfaces", "rounds", "terms",
    "entries",
];

pub const TEXT_KEYS: &[&str] = &[
    "title", "organisation", "version_label", "memo", "instructions", "name", "age",
    "life_situation", "support_needs", "strengths", "goal", "how_to_reach", "services", "quote",
    "value_functional", "value_social", "value_emotional", "duration", "text", "note",
    "question", "host", "summary", "who", "what", "benefit", "plain", "place", "measure",
    "outcome", "purpose", "target_group", "how_to_join", "service_promise", "model_value",
    "how_measured", "when_measured", "term", "meaning", "phenomenon",
];

/// Each board kind's item collections, with the item type commands name them by. The
/// UI's list of collections is generated from this (`ui/src/types/generated/collections.ts`).
pub const ITEM_COLLECTIONS: &[(BoardKind, &str, &str)] = &[
    (BoardKind::Glossary, "terms", "Term"),
    (BoardKind::Persona, "personas", "Persona"),
    (BoardKind::ServicePath, "phases", "Phase"),
    (BoardKind::ServicePath, "lanes", "Lane"),
    (BoardKind::ServicePath, "cards", "PathCard"),
    (BoardKind::ServicePath, "endpoints", "Endpoint"),
    (BoardKind::CausalMap, "nodes", "CausalNode"),
    (BoardKind::CausalMap, "links", "CausalLink"),
    (BoardKind::Cafe, "stations", "Station"),
    (BoardKind::Cafe, "groups", "CafeGroup"),
    (BoardKind::Cafe, "notes", "CafeNote"),
    (BoardKind::IdeaWall, "ideas", "Idea"),
    (BoardKind::IdeaWall, "clusters", "Cluster"),
    (BoardKind::IdeaWall, "votes", "Vote"),
    (BoardKind::Phenomenon, "entries", "Entry"),
    (BoardKind::OperatingModel, "elements", "ModelElement"),
    (BoardKind::OperatingModel, "parts", "PhasePart"),
    (BoardKind::OperatingModel, "interfaces", "Interface"),
    (BoardKind::Free, "cards", "FreeCard"),
    (BoardKind::QualityCriteria, "criteria", "Criterion"),
    (BoardKind::Evaluation, "items", "EvalItem"),
    (BoardKind::Evaluation, "answers", "Answer"),
];

pub const COMPUTED_KEYS: &[&str] =
    &["composite_note", "root_causes", "loops", "ranking", "rotation", "results"];

/// Small objects stored whole as one value, so a change is one entry, not one per field:
/// a move overwrites one key and leaves one tombstone.
pub const WHOLE_KEYS: &[&str] = &["pos"];

pub fn is_whole(key: &str) -> bool {
    WHOLE_KEYS.contains(&key)
}

pub fn is_collection(key: &str) -> bool {
    COLLECTIONS.contains(&key)
}

pub fn is_text(key: &str) -> bool {
    TEXT_KEYS.contains(&key)
}

pub fn is_computed(key: &str) -> bool {
    COMPUTED_KEYS.contains(&key)
}

/// Fields that point at another item of the same parent (a board, or the workshop for
/// comments), and whether deleting that item
/// deletes the referring one too (`true`) or only clears the reference (`false`).
pub const REFERENCE_KEYS: &[(&str, bool)] = &[
    ("from", true),
    ("to", true),
    ("phase_id", true),
    ("lane_id", true),
    ("station_id", true),
    ("group_id", true),
    ("idea_id", true),
    ("item_id", true),
    ("cluster_id", false),
    ("reply_to", true),
    ("session_id", false),
    ("model_id", false),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes the UI's table of each kind's collections and the computed keys, next to
    /// the types ts-rs exports, so the UI never lists them by hand.
    #[test]
    fn every_kind_has_its_collections_and_the_ui_gets_them() {
        let mut ts = String::from(
            "// Generated from src/model/schema.rs by `cargo test`; do not edit.\n\
             import type { BoardKind } from './BoardKind';\n\
             import type { ItemType } from './ItemType';\n\n\
             export const itemCollections: Record<BoardKind, { key: string; itemType: ItemType }[]> = {\n",
        );
        for kind in BoardKind::ALL {
            let entries: Vec<String> = ITEM_COLLECTIONS
                .iter()
                .filter(|(k, _, _)| *k == kind)
                .map(|(_, key, item)| format!("{{ key: '{key}', itemType: '{item}' }}"))
                .collect();
            assert!(!entries.is_empty(), "{} lists its collections", kind.as_str());
            assert!(ITEM_COLLECTIONS.iter().all(|(_, key, _)| is_collection(key)), "every item collection is stored as one");
            ts.push_str(&format!("  {}: [{}],\n", kind.as_str(), entries.join(", ")));
        }
        ts.push_str("};\n\nexport const computedKeys = [");
        ts.push_str(&COMPUTED_KEYS.iter().map(|k| format!("'{k}'")).collect::<Vec<_>>().join(", "));
        ts.push_str("] as const;\n");
        let dir = std::env::var("TS_RS_EXPORT_DIR").unwrap_or_else(|_| "ui/src/types/generated".into());
        let path = std::path::Path::new(&dir).join("collections.ts");
        if std::fs::read_to_string(&path).ok().as_deref() != Some(ts.as_str()) {
            std::fs::write(&path, ts).expect("the generated types folder is writable");
        }
    }
}
