//! Help between sessions, offline and without an account: affinity suggestions for
//! notes and ideas, harvest drafts for café stations, and plain-language hints.
//!
//! Suggestions only read the workshop. Nothing moves until a person accepts one, and an
//! accepted group is an ordinary command (`Command::GroupItems`) with one undo step.

mod affinity;
pub mod plain_language;

pub use affinity::{GROUP_DISTANCE, Vectors};

use crate::model::cafe::CafeBoard;
use crate::model::{Board, BoardContent, ModelError, WorkshopView};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A proposed group of notes: a label made from their words, and the notes' ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GroupSuggestion {
    pub label: String,
    pub ids: Vec<String>,
}

/// A note like the one asked about, with how alike they are (0–1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Neighbour {
    pub id: String,
    pub similarity: f64,
}

/// The most notes grouped at a time: the distances between all pairs are held at once
/// (2,000 notes take about half a second and 16 MB).
pub const MAX_NOTES: usize = 2_000;

/// How many neighbours "Samankaltaiset" shows.
const NEIGHBOURS: usize = 5;

/// The texts a board offers for grouping, by id: a café station's notes (every note
/// without `station`), the ideas of an idea wall, a free board's cards.
pub fn groupable(board: &Board, station: Option<&str>) -> Result<Vec<(String, String)>, ModelError> {
    let texts = match &board.content {
        BoardContent::Cafe(cafe) => cafe
            .notes
            .iter()
            .filter(|n| station.is_none_or(|s| n.station_id == s))
            .map(|n| (n.id.clone(), n.text.clone()))
            .collect(),
        BoardContent::IdeaWall(wall) => wall
            .ideas
            .iter()
            .map(|i| (i.id.clone(), [&i.name, &i.what, &i.benefit, &i.who].map(|s| s.as_str()).join(" ")))
            .collect(),
        BoardContent::Free(free) => free.cards.iter().map(|c| (c.id.clone(), c.text.clone())).collect(),
        other => return Err(ModelError::NotGroupable(other.kind())),
    };
    Ok(texts)
}

/// What "Ehdota ryhmiä" offers on a board, or on one café station.
pub fn suggest_on(view: &WorkshopView, board: &str, station: Option<&str>) -> Result<Vec<GroupSuggestion>, ModelError> {
    Ok(suggest_groups(&not_too_many(groupable(board_in(view, board)?, station)?)?))
}

fn not_too_many(notes: Vec<(String, String)>) -> Result<Vec<(String, String)>, ModelError> {
    match notes.len() {
        count if count > MAX_NOTES => Err(ModelError::TooManyToGroup { count, max: MAX_NOTES }),
        _ => Ok(notes),
    }
}

/// What "Samankaltaiset" offers for one note, idea or card.
pub fn similar_on(view: &WorkshopView, board: &str, item: &str) -> Result<Vec<Neighbour>, ModelError> {
    let board = board_in(view, board)?;
    let station = match &board.content {
        BoardContent::Cafe(cafe) => cafe.notes.iter().find(|n| n.id == item).map(|n| n.station_id.as_str()),
        _ => None,
    };
    Ok(similar(&not_too_many(groupable(board, station)?)?, item))
}

fn board_in<'a>(view: &'a WorkshopView, id: &str) -> Result<&'a Board, ModelError> {
    view.board(id).ok_or_else(|| ModelError::NotFound { what: "board", id: id.into() })
}

/// Groups of alike notes, largest first. A note like no other is in none.
pub fn suggest_groups(notes: &[(String, String)]) -> Vec<GroupSuggestion> {
    let texts: Vec<&str> = notes.iter().map(|(_, t)| t.as_str()).collect();
    let vectors = Vectors::of(&texts);
    vectors
        .groups(GROUP_DISTANCE)
        .iter()
        .map(|g| GroupSuggestion { label: vectors.label(g), ids: g.iter().map(|&i| notes[i].0.clone()).collect() })
        .collect()
}

/// The notes most like note `id`, most alike first; empty when `id` is not among them.
pub fn similar(notes: &[(String, String)], id: &str) -> Vec<Neighbour> {
    let Some(i) = notes.iter().position(|(n, _)| n == id) else {
        return Vec::new();
    };
    let texts: Vec<&str> = notes.iter().map(|(_, t)| t.as_str()).collect();
    Vectors::of(&texts)
        .nearest(i, NEIGHBOURS)
        .into_iter()
        .map(|(j, s)| Neighbour { id: notes[j].0.clone(), similarity: (s * 100.0).round() / 100.0 })
        .collect()
}

/// A draft of a station's harvest for the facilitator to edit: its themes with counts
/// and the notes that speak for them. Themes people gave notes come first; the rest are
/// grouped by suggestion.
pub fn harvest_draft(cafe: &CafeBoard, station: &str) -> Result<String, ModelError> {
    let notes = cafe.harvest(station);
    if notes.len() > MAX_NOTES {
        return Err(ModelError::TooManyToGroup { count: notes.len(), max: MAX_NOTES });
    }
    let mut themes: Vec<(String, Vec<&str>)> = Vec::new();
    for note in notes.iter().filter(|n| !n.theme.trim().is_empty()) {
        match themes.iter_mut().find(|(t, _)| *t == note.theme.trim()) {
            Some((_, texts)) => texts.push(&note.text),
            None => themes.push((note.theme.trim().to_string(), vec![&note.text])),
        }
    }
    let rest: Vec<(String, String)> =
        notes.iter().filter(|n| n.theme.trim().is_empty()).map(|n| (n.id.clone(), n.text.clone())).collect();
    let texts: Vec<&str> = rest.iter().map(|(_, t)| t.as_str()).collect();
    let vectors = Vectors::of(&texts);
    let groups = vectors.groups(GROUP_DISTANCE);
    for g in &groups {
        let mut members: Vec<&str> = g.iter().map(|&i| texts[i]).collect();
        if let Some(r) = vectors.representative(g) {
            members.retain(|t| *t != texts[r]);
            members.insert(0, texts[r]);
        }
        themes.push((vectors.label(g), members));
    }
    let grouped: usize = groups.iter().map(Vec::len).sum();
    let mut lines: Vec<String> = themes.iter().map(|(theme, texts)| theme_line(theme, texts)).collect();
    if texts.len() > grouped {
        let alone: Vec<&str> = (0..texts.len()).filter(|i| !groups.iter().any(|g| g.contains(i))).map(|i| texts[i]).collect();
        lines.push(theme_line("Muut", &alone));
    }
    Ok(lines.join("\n"))
}

/// "Theme (3): "first note" "second note"": a count, and at most two notes quoted.
fn theme_line(theme: &str, texts: &[&str]) -> String {
    let quoted: Vec<String> = texts.iter().take(2).map(|t| format!("”{}”", t.trim())).collect();
    format!("{theme} ({}): {}", texts.len(), quoted.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cafe::{CafeNote, Station};

    fn note(id: &str, text: &str, theme: &str) -> CafeNote {
        CafeNote { id: id.into(), station_id: "s".into(), group_id: String::new(), round: 1, text: text.into(), theme: theme.into() }
    }

    #[test]
    fn a_harvest_draft_counts_each_theme_and_quotes_its_notes() {
        let cafe = CafeBoard {
            stations: vec![Station { id: "s".into(), ..Default::default() }],
            notes: vec![
                note("1", "Jonot ovat pitkiä", ""),
                note("2", "Jonossa meni tunti", ""),
                note("3", "Puhelinjono on hidas", ""),
                note("4", "Vertaistuki auttoi", "Vertaistuki"),
                note("5", "Sää oli kaunis", ""),
            ],
            ..Default::default()
        };
        let draft = harvest_draft(&cafe, "s").unwrap();
        let lines: Vec<&str> = draft.lines().collect();
        assert_eq!(lines[0], "Vertaistuki (1): ”Vertaistuki auttoi”", "a theme people gave comes first");
        assert!(lines[1].starts_with("Jono") && lines[1].contains("(3)"), "the queue notes are one suggested theme: {draft}");
        assert_eq!(lines.last(), Some(&"Muut (1): ”Sää oli kaunis”"), "a note like no other is under Muut");
    }

    #[test]
    fn similar_names_nothing_for_an_unknown_note() {
        let notes = vec![("a".to_string(), "jono".to_string())];
        assert!(similar(&notes, "zzz").is_empty());
    }
}
