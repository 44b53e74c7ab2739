//! Silent writing on a participant's own laptop: drafts are kept in a local table of
//! this file (never in the synced documents) until the control document says the round
//! is revealed. Then each is published — as this replica's own card, or, for an
//! anonymous round, handed to the hub to publish under its own identity — and deleted
//! so that nothing of it stays in the file.

use super::WorkshopFile;
use crate::Error;
use crate::model::free::FreeCard;
use crate::model::idea_wall::Idea;
use crate::model::{BoardKind, ModelError, Workshop};
use super::person::SealedItem;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A silent-writing card only its writer sees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Draft {
    pub id: String,
    pub board: String,
    pub text: String,
}

/// Drafts whose round the facilitator has revealed, ready to publish.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Due {
    pub board: String,
    pub anonymous: bool,
    pub kind: Option<BoardKind>,
    pub drafts: Vec<Draft>,
}

impl WorkshopFile {
    pub fn drafts(&self) -> Result<Vec<Draft>, Error> {
        let rows = self.store.drafts()?;
        Ok(rows.into_iter().map(|(id, board, text)| Draft { id, board, text }).collect())
    }

    pub fn write_draft(&mut self, board: &str, text: &str) -> Result<String, Error> {
        self.workshop.board(board)?;
        // Random: the hub keeps a sent draft's id, which must not tell when it was written.
        let id = crate::model::new_random_id();
        self.store.put_draft(&id, board, text)?;
        Ok(id)
    }

    pub fn edit_draft(&mut self, id: &str, text: &str) -> Result<(), Error> {
        match self.store.edit_draft(id, text)? {
            true => Ok(()),
            false => Err(no_draft(id)),
        }
    }

    pub fn delete_draft(&mut self, id: &str) -> Result<(), Error> {
        match self.store.forget_drafts(&[id.to_string()])? {
            0 => Err(no_draft(id)),
            _ => Ok(()),
        }
    }

    /// The drafts the control document says are revealed now.
    pub fn due_drafts(&self) -> Result<Due, Error> {
        let control = self.workshop.control();
        let Some(round) = control.silent.filter(|s| s.revealed) else { return Ok(Due::default()) };
        let drafts: Vec<Draft> = self.drafts()?.into_iter().filter(|d| d.board == round.board).collect();
        let kind = self.workshop.board(&round.board).ok().map(|b| b.content.kind());
        Ok(Due { board: round.board, anonymous: round.anonymous, kind, drafts })
    }

    /// Publishes drafts as this replica's own cards and then forgets them.
    pub fn publish_drafts(&mut self, due: &Due) -> Result<(), Error> {
        self.change(|w| {
            for draft in &due.drafts {
                add_card(w, &due.board, &draft.text)?;
            }
            Ok(())
        })?;
        self.forget_drafts(&due.drafts)
    }

    /// Deletes the drafts with these ids (those still here), leaving no trace.
    pub fn forget_draft_ids(&mut self, ids: &[String]) -> Result<(), Error> {
        self.store.forget_drafts(ids)?;
        Ok(())
    }

    /// Deletes drafts leaving no trace of their text in the file or its log.
    pub fn forget_drafts(&mut self, drafts: &[Draft]) -> Result<(), Error> {
        let ids: Vec<String> = drafts.iter().map(|d| d.id.clone()).collect();
        self.store.forget_drafts(&ids)?;
        Ok(())
    }
}

/// An anonymous draft the hub has taken and not yet published. `card` is the random
/// id it will be published under.
#[derive(Debug, Clone, PartialEq)]
pub struct TakenDraft {
    pub draft: String,
    pub card: String,
    pub board: String,
    pub item: SealedItem,
}

impl WorkshopFile {
    /// Takes an anonymous draft into the hub's own table, unless its id is known;
    /// true if it is new. It gets a random id to be published under.
    pub fn take_sealed_draft(&self, draft: &str, board: &str, item: &SealedItem) -> Result<bool, Error> {
        let json = serde_json::to_string(item).map_err(|e| ModelError::Invalid(e.to_string()))?;
        Ok(self.store.take_sealed_draft(draft, &crate::model::new_random_id(), board, &json)?)
    }

    /// The anonymous drafts taken and not yet published.
    pub fn waiting_sealed_drafts(&self) -> Result<Vec<TakenDraft>, Error> {
        let rows = self.store.waiting_sealed_drafts()?;
        let read = |(draft, card, board, item): (String, String, String, String)| {
            let item = serde_json::from_str(&item).ok()?;
            Some(TakenDraft { draft, card, board, item })
        };
        Ok(rows.into_iter().filter_map(read).collect())
    }

    /// Marks taken drafts published, wiping their text from the hub's table.
    pub fn published_sealed_drafts(&self, drafts: &[String]) -> Result<(), Error> {
        Ok(self.store.published_sealed_drafts(drafts)?)
    }

    /// Whether a batch of anonymous drafts was already published on `board`.
    pub fn sealed_batch_published(&self, board: &str) -> Result<bool, Error> {
        Ok(self.store.sealed_batch_published(board)?)
    }
}

/// A card on a free board or an idea on an idea wall, by the board's kind.
pub fn add_card(w: &mut Workshop, board: &str, text: &str) -> Result<String, ModelError> {
    add_card_as(w, board, text, String::new())
}

/// Whether `board` holds a card (or idea) with this id.
pub fn has_card(w: &Workshop, board: &str, id: &str) -> bool {
    match w.board(board).map(|b| b.content.kind()) {
        Ok(BoardKind::IdeaWall) => w.get::<Idea>(board, id).is_ok(),
        Ok(_) => w.get::<FreeCard>(board, id).is_ok(),
        Err(_) => false,
    }
}

/// Like [`add_card`], under the given id (an empty one gets a new id).
pub fn add_card_as(w: &mut Workshop, board: &str, text: &str, id: String) -> Result<String, ModelError> {
    match w.board(board)?.content.kind() {
        BoardKind::IdeaWall => w.add(board, &Idea { id, name: text.into(), ..Idea::default() }),
        _ => w.add(board, &FreeCard { id, text: text.into(), color: "yellow".into(), ..FreeCard::default() }),
    }
}

fn no_draft(id: &str) -> Error {
    Error::Model(ModelError::NotFound { what: "draft", id: id.into() })
}
