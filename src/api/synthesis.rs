//! Accepting help between sessions: a group of notes made real as one undo step, and a
//! café station's harvest drafted into its summary. The suggestions themselves only
//! read the workshop: see [`crate::synthesis`].

use crate::model::cafe::{CafeNote, Station};
use crate::model::free::FreeCard;
use crate::model::idea_wall::{Cluster, Idea};
use crate::model::{BoardContent, ModelError, Pos, Workshop};
use crate::synthesis;

/// Room for one sticky note on a free board, as the UI lays them out.
const CARD_STEP: (f64, f64) = (220.0, 200.0);
/// A group on a free board is laid out this many notes wide.
const GROUP_COLUMNS: usize = 3;

/// Groups notes under `label`: ideas into a new cluster, café notes under a theme, free
/// cards side by side under a label card. Returns the cluster's or label card's id.
pub fn group(w: &mut Workshop, board: &str, label: &str, ids: &[String]) -> Result<Option<String>, ModelError> {
    let label = label.trim();
    if label.is_empty() {
        return Err(ModelError::Invalid("the group has no name".into()));
    }
    let content = w.board(board)?.content;
    let known = synthesis::groupable(&w.board(board)?, None)?;
    if let Some(missing) = ids.iter().find(|id| !known.iter().any(|(k, _)| k == *id)) {
        return Err(ModelError::NotFound { what: "note", id: missing.clone() });
    }
    w.in_one_step(|w| match content {
        BoardContent::IdeaWall(wall) => {
            let order = wall.clusters.iter().map(|c| c.order).fold(0.0, f64::max) + 1.0;
            let cluster = w.add(board, &Cluster { id: String::new(), name: label.into(), order })?;
            for id in ids {
                w.update::<Idea>(board, id, |i| i.cluster_id = Some(cluster.clone()))?;
            }
            Ok(Some(cluster))
        }
        BoardContent::Cafe(_) => {
            for id in ids {
                w.update::<CafeNote>(board, id, |n| n.theme = label.into())?;
            }
            Ok(None)
        }
        BoardContent::Free(free) => {
            let (x, y) = free_group_corner(&free.cards, ids);
            let heading = FreeCard { text: label.into(), color: "blue".into(), pos: Pos { x, y }, ..FreeCard::default() };
            let heading = w.add(board, &heading)?;
            for (k, id) in ids.iter().enumerate() {
                let pos = Pos {
                    x: x + (k % GROUP_COLUMNS) as f64 * CARD_STEP.0,
                    y: y + (1 + k / GROUP_COLUMNS) as f64 * CARD_STEP.1,
                };
                w.move_to::<FreeCard>(board, id, pos)?;
            }
            Ok(Some(heading))
        }
        other => Err(ModelError::NotGroupable(other.kind())),
    })
}

/// Where a new group goes on a free board: right of every card outside it, at the top.
fn free_group_corner(cards: &[FreeCard], ids: &[String]) -> (f64, f64) {
    let others: Vec<&FreeCard> = cards.iter().filter(|c| !ids.contains(&c.id)).collect();
    let top = cards.iter().map(|c| c.pos.y).fold(f64::INFINITY, f64::min);
    let right = others.iter().map(|c| c.pos.x).fold(f64::NEG_INFINITY, f64::max);
    let x = if others.is_empty() { cards.iter().map(|c| c.pos.x).fold(f64::INFINITY, f64::min) } else { right + CARD_STEP.0 + 40.0 };
    (if x.is_finite() { x } else { 0.0 }, if top.is_finite() { top } else { 0.0 })
}

/// Writes a draft of the station's harvest into its summary, replacing what was there
/// (undo brings it back).
pub fn draft_harvest(w: &mut Workshop, board: &str, station: &str) -> Result<Option<String>, ModelError> {
    let BoardContent::Cafe(cafe) = w.board(board)?.content else {
        return Err(ModelError::WrongKind { board: board.into(), expected: "cafe", found: w.board(board)?.content.kind().as_str().into() });
    };
    let draft = synthesis::harvest_draft(&cafe, station)?;
    w.update::<Station>(board, station, |s| s.summary = draft)?;
    Ok(None)
}
