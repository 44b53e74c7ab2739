//! Workshop templates, starter boards and the demo workshop, kept as JSON data in
//! `templates/` and embedded into the binary.
//!
//! - `templates/paku.json`: the PAKU co-development process, sessions 1–10 with agenda
//!   steps, support questions and the boards each session uses.
//! - `templates/demo.json`: a fictional demo workshop with content on every board kind;
//!   the app opens it on first start.
//! - `templates/boards/<kind>.json`: one starter [`Board`] per [`BoardKind`], named by
//!   [`BoardKind::as_str`].
//!
//! Template files use short readable ids (`"s1"`, `"s1-step2"`, `"b-cafe"`). Loading
//! replaces each with a fresh UUID v7, and every reference to it with the same new id, so
//! a template can be loaded any number of times into one document or many. A reference is
//! any string equal to an id that is not free text ([`schema::is_text`]) and not a
//! support question, so readable ids must never equal an ordinary value such as `"fi"`,
//! `"events"` or `"client"`; prefix them (`"lane-events"`). Never write a computed field
//! ([`schema::COMPUTED_KEYS`]) into a template: the core derives it. The tests check
//! both rules for every file here.
//!
//! The boards in `paku.json` and `demo.json` began as copies of the starters; they are
//! plain data now, so a change to a starter does not reach them.
//!
//! To add a workshop template: put the `WorkshopView` JSON (`"format": 1`) in
//! `templates/`, add a variant to [`Template`] with its name in [`Template::as_str`], and
//! `include_str!` the file in `Template::source`. To add a starter board for a new board
//! kind: add `templates/boards/<kind>.json` and its arm in `starter_source`.
//!
//! ```
//! use paja::model::BoardKind;
//! use paja::templates::{self, Template};
//!
//! let mut workshop = templates::workshop(Template::Paku, Some("Kehittäjäryhmä 1")).unwrap();
//! assert_eq!(workshop.view().sessions.len(), 10);
//! let cafe = templates::starter(BoardKind::Cafe, None).unwrap();
//! workshop.add_board(&cafe).unwrap();
//! ```

use crate::model::{
    Board, BoardKind, FORMAT, ModelError, Workshop, WorkshopView, new_id, schema, session::Meta,
};
use serde_json::Value;
use std::collections::HashMap;

/// A workshop to start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// The PAKU co-development process: ten sessions from kick-off to version 1.0.
    Paku,
    /// Only the meta data: a blank workshop in Finnish.
    Empty,
}

impl Template {
    pub const ALL: [Template; 2] = [Template::Paku, Template::Empty];

    pub fn as_str(self) -> &'static str {
        match self {
            Template::Paku => "paku",
            Template::Empty => "empty",
        }
    }

    /// `"paku"` or `"empty"`.
    pub fn parse(name: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.as_str() == name)
    }

    fn source(self) -> Option<&'static str> {
        match self {
            Template::Paku => Some(include_str!("../templates/paku.json")),
            Template::Empty => None,
        }
    }
}

impl std::str::FromStr for Template {
    type Err = ModelError;

    fn from_str(name: &str) -> Result<Template, ModelError> {
        Template::parse(name)
            .ok_or_else(|| ModelError::Invalid(format!("there is no template named \"{name}\"")))
    }
}

/// The title of a workshop made from the empty template without a title.
pub const UNTITLED: &str = "Uusi työpaja";

const DEMO: &str = include_str!("../templates/demo.json");

fn starter_source(kind: BoardKind) -> &'static str {
    match kind {
        BoardKind::Glossary => include_str!("../templates/boards/glossary.json"),
        BoardKind::Persona => include_str!("../templates/boards/persona.json"),
        BoardKind::Phenomenon => include_str!("../templates/boards/phenomenon.json"),
        BoardKind::OperatingModel => include_str!("../templates/boards/operating_model.json"),
        BoardKind::ServicePath => include_str!("../templates/boards/service_path.json"),
        BoardKind::CausalMap => include_str!("../templates/boards/causal_map.json"),
        BoardKind::Cafe => include_str!("../templates/boards/cafe.json"),
        BoardKind::IdeaWall => include_str!("../templates/boards/idea_wall.json"),
        BoardKind::Free => include_str!("../templates/boards/free.json"),
        BoardKind::QualityCriteria => include_str!("../templates/boards/quality_criteria.json"),
        BoardKind::Evaluation => include_str!("../templates/boards/evaluation.json"),
    }
}

/// The other starters a kind has besides its own, by name: the evaluation form of
/// seed 001's 29 success factors, each rated for importance and own competence.
const VARIANTS: [(BoardKind, &str, &str); 1] =
    [(BoardKind::Evaluation, "rating", include_str!("../templates/boards/evaluation_rating.json"))];

fn variant_source(kind: BoardKind, variant: &str) -> Result<&'static str, ModelError> {
    VARIANTS
        .iter()
        .find(|(k, name, _)| *k == kind && *name == variant)
        .map(|(_, _, source)| *source)
        .ok_or_else(|| ModelError::Invalid(format!("there is no starter \"{variant}\" for {}", kind.as_str())))
}

/// A new workshop from a template, with fresh ids; `title` replaces the template's title.
///
/// The writes that built it are left pending in the workshop ([`Workshop::take_pending`]);
/// whoever stores it decides what to do with them (`WorkshopFile::create` stores the
/// whole state and drops them).
pub fn workshop(template: Template, title: Option<&str>) -> Result<Workshop, ModelError> {
    let mut view = match template.source() {
        Some(text) => load_view(text)?,
        None => WorkshopView {
            format: FORMAT,
            meta: Meta {
                title: UNTITLED.into(),
                language: "fi".into(),
                ..Meta::default()
            },
            ..WorkshopView::default()
        },
    };
    if let Some(title) = title {
        view.meta.title = title.to_string();
    }
    into_workshop(&view)
}

/// The fictional demo workshop, with fresh ids and its writes pending as in [`workshop`].
pub fn demo() -> Result<Workshop, ModelError> {
    into_workshop(&load_view(DEMO)?)
}

/// The starter board of a kind, with fresh ids, ready for [`Workshop::add_board`]. Its
/// `order` is 0, so the board goes after the workshop's other boards.
pub fn starter(kind: BoardKind, session: Option<&str>) -> Result<Board, ModelError> {
    starter_named(kind, None, session)
}

/// Like [`starter`], or one of the kind's other starters by name (`"rating"`).
pub fn starter_named(kind: BoardKind, variant: Option<&str>, session: Option<&str>) -> Result<Board, ModelError> {
    let source = match variant {
        Some(name) => variant_source(kind, name)?,
        None => starter_source(kind),
    };
    let value = with_fresh_ids(parse(source)?);
    let mut board: Board =
        serde_json::from_value(value).map_err(|e| ModelError::BadJson(e.to_string()))?;
    if board.content.kind() != kind {
        let why = format!(
            "the starter for {} holds a {} board",
            kind.as_str(),
            board.content.kind().as_str()
        );
        return Err(ModelError::Invalid(why));
    }
    board.session_id = session.map(str::to_string);
    Ok(board)
}

fn parse(text: &str) -> Result<Value, ModelError> {
    serde_json::from_str(text).map_err(|e| ModelError::BadJson(e.to_string()))
}

fn load_view(text: &str) -> Result<WorkshopView, ModelError> {
    let value = with_fresh_ids(parse(text)?);
    WorkshopView::from_export(&value.to_string())
}

fn into_workshop(view: &WorkshopView) -> Result<Workshop, ModelError> {
    let mut workshop = Workshop::new();
    workshop.replace_with(view)?;
    Ok(workshop)
}

/// Replaces every id with a new one, and every reference to an id with the same new one.
fn with_fresh_ids(mut value: Value) -> Value {
    let mut fresh = HashMap::new();
    collect_ids(&value, &mut fresh);
    rewrite(&mut value, &fresh);
    value
}

fn collect_ids(value: &Value, fresh: &mut HashMap<String, String>) {
    match value {
        Value::Object(obj) => {
            for (key, child) in obj {
                match child {
                    Value::String(id) if key == "id" => {
                        fresh.entry(id.clone()).or_insert_with(new_id);
                    }
                    _ => collect_ids(child, fresh),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_ids(item, fresh)),
        _ => {}
    }
}

/// Free text is never an id, however it reads.
fn is_prose(key: &str) -> bool {
    schema::is_text(key) || key == "questions"
}

fn rewrite(value: &mut Value, fresh: &HashMap<String, String>) {
    match value {
        Value::String(s) => {
            if let Some(id) = fresh.get(s.as_str()) {
                *s = id.clone();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| rewrite(item, fresh)),
        Value::Object(obj) => {
            for (key, child) in obj.iter_mut() {
                if !is_prose(key) {
                    rewrite(child, fresh);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests;
