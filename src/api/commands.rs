//! Domain commands: what the UI sends, over Tauri IPC or the browser RPC alike. Each
//! command is one user operation; [`WorkshopFile::execute`] runs it and logs it.

use super::WorkshopFile;
use crate::Error;
use crate::model::cafe::{CafeGroup, CafeNote, Station};
use crate::model::causal_map::{CausalLink, CausalNode};
use crate::model::evaluation::{Answer, EvalItem};
use crate::model::free_board::FreeCard;
use crate::model::idea_wall::{Cluster, Idea, Vote};
use crate::model::persona::Persona;
use crate::model::quality::Criterion;
use crate::model::service_path::{Endpoint, Lane, PathCard, Phase};
use crate::model::session::{Comment, Session, Step};
use crate::model::{BoardKind, DocName, ModelError, Pos, Workshop, WorkshopView};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

/// Fields to set, by name, as JSON.
pub type Patch = Map<String, Value>;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(tag = "cmd", rename_all = "snake_case")]
#[ts(export)]
pub enum Command {
    /// A new board; with `starter`, filled from the kind's template.
    CreateBoard { kind: BoardKind, title: String, session_id: Option<String>, starter: bool },
    PatchBoard { board: String, #[ts(type = "Record<string, unknown>")] patch: Patch },
    DeleteBoard { board: String },
    AddItem { board: String, item: Item },
    PatchItem { board: String, item_type: ItemType, id: String, #[ts(type = "Record<string, unknown>")] patch: Patch },
    MoveItem { board: String, item_type: ItemType, id: String, pos: Pos },
    DeleteItem { board: String, item_type: ItemType, id: String },
    AddSession { title: String },
    PatchSession { session: String, #[ts(type = "Record<string, unknown>")] patch: Patch },
    DeleteSession { session: String },
    AddStep { session: String, step: Step },
    PatchStep { session: String, step: String, #[ts(type = "Record<string, unknown>")] patch: Patch },
    DeleteStep { session: String, step: String },
    AddComment { comment: Comment },
    PatchMeta { #[ts(type = "Record<string, unknown>")] patch: Patch },
    /// Takes back this replica's last own edit (others' edits stay).
    Undo,
    /// Does again what the last undo took back.
    Redo,
    /// Stores a picture (PNG, JPEG, WebP or GIF, base64) downscaled to at most 512 px
    /// and stripped of metadata, and makes it the persona's avatar.
    SetPersonaImage { board: String, persona: String, data_base64: String },
}

/// What a command did: the new item's id, if it made one, and the workshop after it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Outcome {
    pub id: Option<String>,
    pub view: WorkshopView,
}

macro_rules! item_types {
    ($($name:ident($ty:ty)),* $(,)?) => {
        /// Any item a board can hold, tagged with its type.
        #[derive(Debug, Clone, Serialize, Deserialize, TS)]
        #[serde(tag = "type")]
        #[ts(export)]
        pub enum Item { $($name($ty)),* }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
        #[ts(export)]
        pub enum ItemType { $($name),* }

        fn add_item(w: &mut Workshop, board: &str, item: &Item) -> Result<String, ModelError> {
            match item { $(Item::$name(i) => w.add(board, i)),* }
        }

        fn patch_item(w: &mut Workshop, board: &str, t: ItemType, id: &str, patch: &Patch) -> Result<(), ModelError> {
            match t { $(ItemType::$name => w.patch::<$ty>(board, id, patch)),* }
        }

        fn move_item(w: &mut Workshop, board: &str, t: ItemType, id: &str, pos: Pos) -> Result<(), ModelError> {
            match t { $(ItemType::$name => w.move_to::<$ty>(board, id, pos)),* }
        }

        fn delete_item(w: &mut Workshop, board: &str, t: ItemType, id: &str) -> Result<(), ModelError> {
            match t { $(ItemType::$name => w.delete::<$ty>(board, id)),* }
        }
    };
}

item_types!(
    Persona(Persona),
    Phase(Phase),
    Lane(Lane),
    PathCard(PathCard),
    Endpoint(Endpoint),
    CausalNode(CausalNode),
    CausalLink(CausalLink),
    Station(Station),
    CafeGroup(CafeGroup),
    CafeNote(CafeNote),
    Idea(Idea),
    Cluster(Cluster),
    Vote(Vote),
    Criterion(Criterion),
    EvalItem(EvalItem),
    Answer(Answer),
    FreeCard(FreeCard),
);

/// Runs one command on the workshop; returns the id of anything it created.
pub fn apply(w: &mut Workshop, command: &Command) -> Result<Option<String>, ModelError> {
    let none = |r: Result<(), ModelError>| r.map(|_| None);
    match command {
        Command::CreateBoard { kind, title, session_id, starter } => {
            create_board(w, *kind, title, session_id.as_deref(), *starter).map(Some)
        }
        Command::PatchBoard { board, patch } => none(w.patch_board(board, patch)),
        Command::DeleteBoard { board } => none(w.delete_board(board)),
        Command::AddItem { board, item } => add_item(w, board, item).map(Some),
        Command::PatchItem { board, item_type, id, patch } => none(patch_item(w, board, *item_type, id, patch)),
        Command::MoveItem { board, item_type, id, pos } => none(move_item(w, board, *item_type, id, *pos)),
        Command::DeleteItem { board, item_type, id } => none(delete_item(w, board, *item_type, id)),
        Command::AddSession { title } => {
            w.add_session(&Session { title: title.clone(), ..Default::default() }).map(Some)
        }
        Command::PatchSession { session, patch } => none(w.patch_session(session, patch)),
        Command::DeleteSession { session } => none(w.delete_session(session)),
        Command::AddStep { session, step } => w.add_step(session, step).map(Some),
        Command::PatchStep { session, step, patch } => none(w.patch_step(session, step, patch)),
        Command::DeleteStep { session, step } => none(w.delete_step(session, step)),
        Command::AddComment { comment } => w.add_comment(comment).map(Some),
        Command::PatchMeta { patch } => none(w.patch_meta(patch)),
        Command::Undo => {
            w.undo();
            Ok(None)
        }
        Command::Redo => {
            w.redo();
            Ok(None)
        }
        // Needs the file's media store: run by `WorkshopFile::execute` before this.
        Command::SetPersonaImage { .. } => Ok(None),
    }
}

fn create_board(
    w: &mut Workshop,
    kind: BoardKind,
    title: &str,
    session: Option<&str>,
    starter: bool,
) -> Result<String, ModelError> {
    if !starter {
        return w.create_board(kind, title, session);
    }
    let mut board = crate::templates::starter(kind, session)?;
    if !title.trim().is_empty() {
        board.title = title.to_string();
    }
    w.add_board(&board)
}

impl WorkshopFile {
    /// Runs a command from the UI, logs it, and returns what it made and the new view.
    pub fn execute(&mut self, command: &Command) -> Result<Outcome, Error> {
        if let Some(done) = self.execute_special(command) {
            return done;
        }
        let id = self.change(|w| apply(w, command))?;
        Ok(Outcome { id, view: self.view() })
    }

    /// Like [`WorkshopFile::execute`], and also returns the updates it logged, oldest
    /// first, so that the hub can send exactly them to the other replicas.
    pub fn execute_updates(&mut self, command: &Command) -> Result<(Outcome, Vec<(DocName, Vec<u8>)>), Error> {
        self.collected = Some(Vec::new());
        let outcome = self.execute(command);
        let updates = self.collected.take().unwrap_or_default();
        Ok((outcome?, updates))
    }
}
