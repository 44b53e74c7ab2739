//! Domain commands: what the UI sends, over Tauri IPC or the browser RPC alike. Each
//! command is one user operation; [`WorkshopFile::execute`] runs it and logs it.

use super::{WorkshopFile, traces};
use crate::Error;
use crate::model::cafe::{CafeGroup, CafeNote, Station};
use crate::model::causal_map::{CausalLink, CausalNode};
use crate::model::evaluation::{Answer, EvalItem, RespondentGroup, Response};
use crate::model::free::FreeCard;
use crate::model::glossary::Term;
use crate::model::operating_model::{Interface, ModelElement, PhasePart};
use crate::model::phenomenon::Entry;
use crate::model::idea_wall::{Cluster, Idea, Vote};
use crate::model::persona::Persona;
use crate::model::quality_criteria::Criterion;
use crate::model::service_path::{Endpoint, Lane, PathCard, Phase};
use crate::model::session::{Comment, Session, Step};
use crate::model::trace::Source;
use crate::model::{BoardKind, DocName, ModelError, Pos, Workshop};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;
use ts_rs::TS;

/// Fields to set, by name, as JSON.
pub type Patch = Map<String, Value>;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(tag = "cmd", rename_all = "snake_case")]
#[ts(export)]
pub enum Command {
    /// A new board; with `starter`, filled from the kind's template, or from its other
    /// starter named `variant` (`"rating"` for an evaluation form).
    CreateBoard {
        kind: BoardKind,
        title: String,
        session_id: Option<String>,
        starter: bool,
        #[serde(default)]
        #[ts(optional)]
        variant: Option<String>,
    },
    PatchBoard { board: String, #[ts(type = "Record<string, unknown>")] patch: Patch },
    DeleteBoard { board: String },
    AddItem { board: String, item: Item },
    PatchItem { board: String, item_type: ItemType, id: String, #[ts(type = "Record<string, unknown>")] patch: Patch },
    MoveItem { board: String, item_type: ItemType, id: String, pos: Pos },
    DeleteItem { board: String, item_type: ItemType, id: String },
    AddSession { title: String },
    PatchSession { session: String, #[ts(type = "Record<string, unknown>")] patch: Patch },
    DeleteSession { session: String },
    /// Puts a deleted board or session back whole from the trash.
    RestoreTrash { entry: String },
    /// Deletes everything in the trash for good.
    EmptyTrash,
    AddStep { session: String, step: Step },
    PatchStep { session: String, step: String, #[ts(type = "Record<string, unknown>")] patch: Patch },
    DeleteStep { session: String, step: String },
    AddComment { comment: Comment },
    /// Changes a comment's text or marks it resolved (or open again).
    PatchComment { comment: String, #[ts(type = "Record<string, unknown>")] patch: Patch },
    /// Deletes a comment and the replies to it.
    DeleteComment { comment: String },
    PatchMeta { #[ts(type = "Record<string, unknown>")] patch: Patch },
    /// Takes back this replica's last own edit (others' edits stay).
    Undo,
    /// Does again what the last undo took back.
    Redo,
    /// Stores a picture (PNG, JPEG, WebP or GIF, base64) downscaled to at most 512 px
    /// and stripped of metadata, and makes it the persona's avatar.
    SetPersonaImage { board: String, persona: String, data_base64: String },
    /// Accepts a group of notes under `label`, as one undo step: ideas into a new
    /// cluster, café notes under a theme, free cards side by side under a label card.
    GroupItems { board: String, label: String, ids: Vec<String> },
    /// Fills a café station's summary with a draft of its harvest; editable after.
    DraftHarvest { board: String, station: String },
    /// Notes that an item came from `source_item` on `source_board` (mistä tämä tuli).
    Trace { board: String, item_type: ItemType, id: String, source_board: String, source_item: String },
    /// Takes away the item's source at `index` of its sources.
    Untrace { board: String, item_type: ItemType, id: String, index: u32 },

    // ---- the facilitator's controls (the control document; refused for others) ----
    GoToStep { session: String, step: String },
    StartTimer { seconds: u32 },
    StopTimer,
    /// "Bring everyone here": every view follows this board and viewport.
    Follow { board: String, x: f64, y: f64, zoom: f64 },
    StopFollow,
    /// Locks a board or an item against everyone's changes but the facilitator's.
    Lock { id: String },
    Unlock { id: String },
    Spotlight { item: Option<String> },
    StartSilent { board: String, anonymous: bool },
    /// Every participant's drafts for the silent round's board are published at once.
    RevealSilent,
    StartVoting { board: String, budget: u32, hidden: bool },
    RevealVotes,
    EndVoting,
    StartCafe { board: String },
    /// Every group's laptops move on to their next station; hosts stay.
    NextCafeRound,
    AssignCafeGroup { person: String, group: Option<String> },
    /// Groups of `size` (3–4) from the participants; with `board`, each group gets its
    /// own copy of it.
    SplitGroups { size: u32, random: bool, board: Option<String> },
    AssignGroup { person: String, group: Option<String> },
    OpenEvaluation { board: String },
    /// Closes the form; the hub then publishes its answers, without respondents.
    CloseEvaluation,
    AllowBrowsers { on: bool },
    /// Opens the next reflection round on an operating model's draft.
    OpenRound { board: String },
    /// Closes the open round and stores the workshop as a version named after it.
    CloseRound { board: String },
    /// Fills the session's memo from its boards; editable after with `PatchSession`.
    DraftMemo { session: String },

    // ---- a participant's own work ----
    /// A silent-writing card kept only in this person's file until the reveal.
    /// `id`: the browser's own id for the draft, so one sent twice is published once.
    WriteDraft {
        board: String,
        text: String,
        #[serde(default)]
        #[ts(optional)]
        id: Option<String>,
    },
    /// A browser has sent all its drafts of the revealed round, so the hub need not wait
    /// for more from it; elsewhere it changes nothing.
    DraftsSent { board: String },
    EditDraft { id: String, text: String },
    DeleteDraft { id: String },
    /// One dot; while voting is hidden it goes to the hub alone.
    CastVote { board: String, idea: String },
    RetractVote { board: String, idea: String },
    /// Answers to the open evaluation form, handed to the hub alone and published
    /// without a respondent.
    AnswerEvaluation { board: String, group: RespondentGroup, answers: Vec<Response> },
}

impl Command {
    /// Whether only the facilitator may run this command.
    pub fn facilitator_only(&self) -> bool {
        use Command::*;
        matches!(
            self,
            GoToStep { .. }
                | StartTimer { .. }
                | StopTimer
                | Follow { .. }
                | StopFollow
                | Lock { .. }
                | Unlock { .. }
                | Spotlight { .. }
                | StartSilent { .. }
                | RevealSilent
                | StartVoting { .. }
                | RevealVotes
                | EndVoting
                | StartCafe { .. }
                | NextCafeRound
                | AssignCafeGroup { .. }
                | SplitGroups { .. }
                | AssignGroup { .. }
                | OpenEvaluation { .. }
                | CloseEvaluation
                | AllowBrowsers { .. }
                | DraftMemo { .. }
                | OpenRound { .. }
                | CloseRound { .. }
        )
    }

    /// Whether this command changes the plan (meta, sessions, agenda steps, deleting
    /// or archiving boards), which only the facilitator may do in a shared session.
    pub fn changes_plan(&self) -> bool {
        use Command::*;
        match self {
            AddSession { .. } | PatchSession { .. } | DeleteSession { .. } => true,
            AddStep { .. } | PatchStep { .. } | DeleteStep { .. } => true,
            PatchMeta { .. } | DeleteBoard { .. } => true,
            RestoreTrash { .. } | EmptyTrash => true,
            PatchBoard { patch, .. } => patch.contains_key("archived"),
            _ => false,
        }
    }

    /// The command with a new comment's author set to `author`: in a live session the
    /// core knows who writes. Other commands, and an unknown or empty name, stay as they are.
    pub fn signed_by(&self, author: Option<&str>) -> Cow<'_, Command> {
        match (self, author) {
            (Command::AddComment { comment }, Some(name)) if !name.is_empty() => {
                Cow::Owned(Command::AddComment { comment: Comment { author: name.to_string(), ..comment.clone() } })
            }
            _ => Cow::Borrowed(self),
        }
    }

    /// The board, and the item on it, this command changes; None for commands that
    /// change no board's content.
    pub fn target(&self) -> Option<(&str, Option<&str>)> {
        use Command::*;
        match self {
            PatchBoard { board, .. } | DeleteBoard { board } | AddItem { board, .. } => Some((board, None)),
            GroupItems { board, .. } => Some((board, None)),
            DraftHarvest { board, station } => Some((board, Some(station))),
            Trace { board, id, .. } | Untrace { board, id, .. } => Some((board, Some(id))),
            PatchItem { board, id, .. } | MoveItem { board, id, .. } | DeleteItem { board, id, .. } => Some((board, Some(id))),
            SetPersonaImage { board, persona, .. } => Some((board, Some(persona))),
            CastVote { board, idea } | RetractVote { board, idea } => Some((board, Some(idea))),
            WriteDraft { board, .. } | AnswerEvaluation { board, .. } => Some((board, None)),
            _ => None,
        }
    }
}

/// What a command made: the new item's id, if it made one. The change itself reaches
/// every view as a [`crate::model::ViewChange`], so the answer does not carry it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Outcome {
    pub id: Option<String>,
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

        #[cfg(test)]
        #[test]
        fn every_item_type_is_named_alike_in_version_diffs() {
            use crate::model::BoardItem;
            $(assert_eq!(
                crate::model::diff::item_type(<$ty as BoardItem>::KIND, <$ty as BoardItem>::COLLECTION),
                stringify!($name),
                "a version diff names items as commands do"
            );)*
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
    ModelElement(ModelElement),
    PhasePart(PhasePart),
    Interface(Interface),
    Term(Term),
    Entry(Entry),
);

/// The item types that keep sources ("mistä tämä tuli").
const TRACEABLE: [ItemType; 5] =
    [ItemType::ModelElement, ItemType::PhasePart, ItemType::Criterion, ItemType::Idea, ItemType::Entry];

/// Changes an item's sources with `change` and writes them back.
fn retrace(
    w: &mut Workshop,
    board: &str,
    t: ItemType,
    id: &str,
    change: impl FnOnce(&Workshop, Vec<Source>) -> Result<Vec<Source>, ModelError>,
) -> Result<(), ModelError> {
    if !TRACEABLE.contains(&t) {
        return Err(ModelError::NotAllowed(crate::Refusal::NotTraceable));
    }
    let sources = change(w, traces::sources_of(w, board, id)?)?;
    patch_item(w, board, t, id, &traces::as_patch(&sources)?)
}

/// Runs one command on the workshop; returns the id of anything it created.
pub fn apply(w: &mut Workshop, command: &Command) -> Result<Option<String>, ModelError> {
    let none = |r: Result<(), ModelError>| r.map(|_| None);
    match command {
        Command::CreateBoard { kind, title, session_id, starter, variant } => {
            create_board(w, *kind, title, session_id.as_deref(), *starter, variant.as_deref()).map(Some)
        }
        Command::PatchBoard { board, patch } => none(w.patch_board(board, patch)),
        Command::DeleteBoard { board } => w.delete_board(board).map(Some),
        // Answers are kept in the file alone: see `WorkshopFile::keep_answers`.
        Command::AddItem { item: Item::Answer(_), .. } => Err(ModelError::NotAllowed(crate::Refusal::AnswersNeedFile)),
        Command::AddItem { board, item } => add_item(w, board, item).map(Some),
        Command::PatchItem { board, item_type, id, patch } => none(patch_item(w, board, *item_type, id, patch)),
        Command::MoveItem { board, item_type, id, pos } => none(move_item(w, board, *item_type, id, *pos)),
        Command::DeleteItem { board, item_type, id } => none(delete_item(w, board, *item_type, id)),
        Command::AddSession { title } => {
            w.add_session(&Session { title: title.clone(), ..Default::default() }).map(Some)
        }
        Command::PatchSession { session, patch } => none(w.patch_session(session, patch)),
        Command::DeleteSession { session } => w.delete_session(session).map(Some),
        Command::RestoreTrash { entry } => none(w.restore(entry)),
        Command::EmptyTrash => none(w.empty_trash()),
        Command::AddStep { session, step } => w.add_step(session, step).map(Some),
        Command::PatchStep { session, step, patch } => none(w.patch_step(session, step, patch)),
        Command::DeleteStep { session, step } => none(w.delete_step(session, step)),
        Command::AddComment { comment } => w.add_comment(&super::rounds::in_round(w, comment)).map(Some),
        Command::PatchComment { comment, patch } => none(w.patch_comment(comment, patch)),
        Command::DeleteComment { comment } => none(w.delete_comment(comment)),
        Command::PatchMeta { patch } => none(w.patch_meta(patch)),
        Command::Undo => {
            w.undo();
            Ok(None)
        }
        Command::Redo => {
            w.redo();
            Ok(None)
        }
        Command::GroupItems { board, label, ids } => super::synthesis::group(w, board, label, ids),
        Command::DraftHarvest { board, station } => super::synthesis::draft_harvest(w, board, station),
        Command::Trace { board, item_type, id, source_board, source_item } => {
            none(retrace(w, board, *item_type, id, |w, s| traces::added(w, s, id, (source_board, source_item))))
        }
        Command::Untrace { board, item_type, id, index } => {
            none(retrace(w, board, *item_type, id, |_, s| traces::removed(s, *index as usize)))
        }
        Command::OpenRound { board } => super::rounds::open(w, board),
        // Needs the file's media store: run by `WorkshopFile::execute` before this.
        Command::SetPersonaImage { .. } => Ok(None),
        c if c.facilitator_only() => super::facilitation::run(w, c),
        // Need the file (drafts) or the person (votes, answers): run by the file or the peer.
        Command::WriteDraft { .. } | Command::EditDraft { .. } | Command::DeleteDraft { .. } | Command::DraftsSent { .. } => {
            Err(ModelError::NotAllowed(crate::Refusal::DraftsNeedFile))
        }
        Command::CastVote { board, idea } => super::voting::cast(w, board, idea, None).map(Some),
        Command::RetractVote { board, idea } => super::voting::retract(w, board, idea, None).map(|_| None),
        Command::AnswerEvaluation { .. } => Err(ModelError::NotAllowed(crate::Refusal::AnswersNeedFile)),
        _ => Err(ModelError::NotAllowed(crate::Refusal::UnknownCommand)),
    }
}

fn create_board(
    w: &mut Workshop,
    kind: BoardKind,
    title: &str,
    session: Option<&str>,
    starter: bool,
    variant: Option<&str>,
) -> Result<String, ModelError> {
    if !starter && variant.is_none() {
        return w.create_board(kind, title, session);
    }
    let mut board = crate::templates::starter_named(kind, variant, session)?;
    if !title.trim().is_empty() {
        board.title = title.to_string();
    }
    w.add_board(&board)
}

impl WorkshopFile {
    /// Runs a command from the UI, logs it, and returns what it made.
    /// On a file nobody else shares, this person is the facilitator: a reveal publishes
    /// their own drafts at once.
    pub fn execute(&mut self, command: &Command) -> Result<Outcome, Error> {
        if let Some(done) = self.execute_special(command) {
            return done;
        }
        let id = self.change(|w| apply(w, command))?;
        if matches!(command, Command::RevealSilent) {
            let due = self.due_drafts()?;
            self.publish_drafts(&due)?;
        }
        Ok(self.outcome(id))
    }

    pub(super) fn outcome(&self, id: Option<String>) -> Outcome {
        Outcome { id }
    }

    /// Runs a command that needs more than the document: the media store, the drafts.
    fn execute_special(&mut self, command: &Command) -> Option<Result<Outcome, Error>> {
        Some(match command {
            Command::SetPersonaImage { board, persona, data_base64 } => self.set_persona_image(board, persona, data_base64),
            Command::DraftsSent { .. } => Ok(self.outcome(None)),
            Command::WriteDraft { board, text, .. } => self.write_draft(board, text).map(|id| self.outcome(Some(id))),
            Command::EditDraft { id, text } => self.edit_draft(id, text).map(|_| self.outcome(None)),
            Command::DeleteDraft { id } => self.delete_draft(id).map(|_| self.outcome(None)),
            Command::CloseRound { board } => self.close_round(board).map(|_| self.outcome(None)),
            Command::AnswerEvaluation { board, group, answers } => {
                self.keep_answers(board, None, *group, answers).and_then(|_| self.publish_results()).map(|_| self.outcome(None))
            }
            _ => return None,
        })
    }

    /// Like [`WorkshopFile::execute`], and also returns the updates it logged, oldest
    /// first, so that the hub can send exactly them to the other replicas.
    pub fn execute_updates(&mut self, command: &Command) -> Result<(Outcome, Vec<(DocName, Vec<u8>)>), Error> {
        self.start_collecting();
        let outcome = self.execute(command);
        let updates = self.stop_collecting();
        Ok((outcome?, updates))
    }

    /// Runs one model edit the way a command runs, for callers that decided how.
    pub fn execute_as(&mut self, edit: impl FnOnce(&mut Workshop) -> Result<Option<String>, ModelError>) -> Result<Outcome, Error> {
        let id = self.change(edit)?;
        Ok(self.outcome(id))
    }

    /// From now on, keeps every update logged, for [`WorkshopFile::stop_collecting`].
    pub fn start_collecting(&mut self) {
        self.collected = Some(Vec::new());
    }

    /// The updates logged since [`WorkshopFile::start_collecting`], oldest first.
    pub fn stop_collecting(&mut self) -> Vec<(DocName, Vec<u8>)> {
        self.collected.take().unwrap_or_default()
    }
}
