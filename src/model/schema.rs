//! How workshop JSON maps onto the yrs document, declared once.
//!
//! The content document is a tree of `Y.Map`s. A key listed in [`COLLECTIONS`] holds a
//! map from item id to item; in JSON it is an array sorted by `order`, then `id`. A key
//! in [`TEXT_KEYS`] holds a `Y.Text` so that concurrent typing merges by character.
//! Keys in [`COMPUTED_KEYS`] are derived by the core and never stored. Any other value is
//! stored whole, and so are the small objects in [`WHOLE_KEYS`]. To add a field, add it to the projection type; if it is free text, list
//! its key in [`TEXT_KEYS`]; if it is a list of items with ids, list it in [`COLLECTIONS`].

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
