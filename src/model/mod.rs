//! The workshop document: one content `yrs::Doc` and one control `Doc`, with a typed API.
//!
//! Every change goes through [`Workshop`]; it records the encoded update of each change so
//! that the store can log it and the hub can broadcast it. Reading returns projections:
//! plain serde types (also exported to TypeScript) built from the document. What each
//! change touched, local or remote, is projected on its own as a [`ViewChange`] (see
//! [`change`]), so that windows and browsers are sent what changed, not the whole view.
//!
//! To add a board kind, these are the places (the compiler finds every `match` left):
//! 1. model: a module with its board and item types (each item type gets `board_item!`);
//!    its variant in [`board::BoardKind`] (with `ALL`, `as_str`, and `computes_from_items`
//!    if a computed key reads several items) and
//!    [`board::BoardContent`]; its collections in [`schema::ITEM_COLLECTIONS`] (the UI's
//!    list is generated from it) and any new collection or text key in [`schema`]; its
//!    item types in `api::commands`' `item_types!`; its name in [`trace::kind_name`] and
//!    its lines in [`memo`];
//! 2. exporter: a module in `export::kinds` with `section`, `scene` and `rows`;
//! 3. UI: a folder in `ui/src/boards/` registered in `registry.ts`, and the kind's name
//!    in the three languages;
//! 4. template: `templates/boards/<kind>.json`, named in `templates::starter_source`.

macro_rules! board_item {
    ($ty:ty, $kind:ident, $coll:literal) => {
        impl $crate::model::BoardItem for $ty {
            const KIND: $crate::model::BoardKind = $crate::model::BoardKind::$kind;
            const COLLECTION: &'static str = $coll;
            fn id(&self) -> &str {
                &self.id
            }
            fn set_id(&mut self, id: String) {
                self.id = id;
            }
        }
    };
}

pub mod board;
pub mod cafe;
pub mod causal_map;
pub mod change;
pub mod control;
pub mod diff;
mod error;
pub mod evaluation;
pub mod free;
pub mod glossary;
pub mod idea_wall;
mod items;
pub mod memo;
pub mod operating_model;
pub mod persona;
pub mod phenomenon;
pub mod quality_criteria;
mod recent;
pub mod schema;
pub mod service_path;
pub mod session;
pub mod trace;
pub mod trash;
pub mod tree;
mod view;

pub use board::{Board, BoardContent, BoardKind};
pub use change::{BoardChange, ChangedItem, Touched, ViewChange};
pub use control::ControlView;
pub use error::ModelError;
pub use items::Plan;
pub use trash::TrashEntry;
pub use view::{WorkshopView, FORMAT};

use serde::{Deserialize, Serialize, de::DeserializeOwned};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use ts_rs::TS;
use yrs::updates::decoder::Decode;
use yrs::undo::UndoManager;
use yrs::{DeepObservable, Doc, MapRef, OffsetKind, Options, ReadTxn, StateVector, Transact, TransactionMut, Update};

/// The root map of both documents.
pub const ROOT: &str = "workshop";

/// The origin of every update that came from elsewhere (a peer, the hub, the file):
/// the undo history skips it, so undo only ever takes back this replica's own edits.
const REMOTE: &str = "remote";

/// Which of the two documents an update belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocName {
    Content,
    Control,
}

/// A position on a board's canvas, stored as one value so a move is one small entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Pos {
    pub x: f64,
    pub y: f64,
}

/// An item type that lives in one collection of one board kind.
pub trait BoardItem: Serialize + DeserializeOwned {
    const KIND: BoardKind;
    const COLLECTION: &'static str;
    fn id(&self) -> &str;
    fn set_id(&mut self, id: String);
}

/// A new UUID v7 id as a string.
/// Applies `update` to `doc` whole, or says why it does not apply: it does not read,
/// fails to apply (an item whose parent is not a type), or leaves structs or deletions
/// pending for items `doc` lacks (which would land on changes made later). A failed
/// update may have applied in part: the caller throws `doc` away. The one rule for what
/// the hub logs and what a file keeps.
///
/// `refused` holds changes a hub refused (a write to a locked item): the writer's next
/// changes come after them, and may skip them.
pub fn apply_whole(doc: &Doc, update: &[u8], refused: &yrs::IdSet) -> Result<(), ModelError> {
    let pending = || ModelError::BadUpdate("it builds on changes this workshop does not have".into());
    let decoded = decode_update(update)?;
    if leaves_a_hole(&doc.transact(), &decoded, refused) {
        return Err(pending());
    }
    match apply_decoded(doc, decoded)? {
        true => Err(pending()),
        false => Ok(()),
    }
}

/// Applies `update` to `doc` as yrs does, holes and all; true if it had a hole or left
/// something pending, so that `doc` no longer matches a document that refuses those.
pub fn apply_partly(doc: &Doc, update: &[u8]) -> Result<bool, ModelError> {
    let decoded = decode_update(update)?;
    let hole = leaves_a_hole(&doc.transact(), &decoded, &yrs::IdSet::default());
    Ok(apply_decoded(doc, decoded)? || hole)
}

fn apply_decoded(doc: &Doc, update: Update) -> Result<bool, ModelError> {
    unpanicked(|| {
        let mut txn = doc.transact_mut_with(REMOTE);
        txn.apply_update(update).map_err(|e| ModelError::BadUpdate(e.to_string()))?;
        Ok(txn.has_missing_updates())
    })
}

/// An update that deletes every item `update` inserted that `have` lacks, and nothing
/// else: a replica applies it to take back its own write that a hub refused. Items
/// written later inside those go with them; items written elsewhere stay.
pub fn taking_back(update: &[u8], have: &StateVector) -> Result<Vec<u8>, ModelError> {
    use yrs::updates::encoder::Encode;
    let mut undo = vec![0];
    undo.extend(lacking(update, have)?.encode_v1());
    Ok(undo)
}

/// The items `update` inserts beyond what `have` holds.
fn lacking(update: &[u8], have: &StateVector) -> Result<yrs::IdSet, ModelError> {
    let inserted = decode_update(update)?.insertions(true);
    let mut known = yrs::IdSet::new();
    for (client, _) in inserted.iter() {
        if have.get(client) > 0 {
            known.insert(yrs::ID::new(*client, 0), have.get(client));
        }
    }
    Ok(inserted.diff(&known))
}

/// An update that takes up the clocks of every item `update` inserted beyond `have` with nothing (the
/// garbage-collected kind of struct): a hub that refused `update` logs this instead, so
/// that it and every replica can take in the writer's next changes, which come after.
pub fn filling(update: &[u8], have: &StateVector) -> Result<Vec<u8>, ModelError> {
    use yrs::encoding::write::Write;
    use yrs::updates::encoder::{Encoder, EncoderV1};
    let inserted = lacking(update, have)?;
    let spans: Vec<_> = inserted
        .iter()
        .filter_map(|(client, ranges)| {
            let start = ranges.iter().map(|r| r.start).min()?;
            let end = ranges.iter().map(|r| r.end).max()?;
            Some((*client, start, end))
        })
        .collect();
    let mut encoder = EncoderV1::new();
    encoder.write_var(spans.len() as u32);
    for (client, start, end) in spans {
        encoder.write_var(1u32);
        encoder.write_client(client);
        encoder.write_var(start);
        encoder.write_info(0);
        encoder.write_len(end - start);
    }
    encoder.write_var(0u32);
    Ok(encoder.to_vec())
}

/// Reads an update from elsewhere. yrs checks some of what it reads with assertions
/// (an id over 53 bits), which a crafted update trips: that is an error here too.
pub fn decode_update(update: &[u8]) -> Result<Update, ModelError> {
    unpanicked(|| Update::decode_v1(update).map_err(|e| ModelError::BadUpdate(e.to_string())))
}

/// Runs yrs on bytes from elsewhere; a panic in it is an error about those bytes.
pub fn unpanicked<R>(run: impl FnOnce() -> Result<R, ModelError>) -> Result<R, ModelError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run))
        .unwrap_or_else(|_| Err(ModelError::BadUpdate("it holds something out of range".into())))
}

/// Whether `update` holds changes of a client that start past what `txn` has of them,
/// or after a gap: yrs takes such changes in over a skipped hole, and would then ignore
/// the client's real changes in that hole.
fn leaves_a_hole(txn: &impl ReadTxn, update: &Update, refused: &yrs::IdSet) -> bool {
    let have = txn.state_vector();
    update.insertions(true).iter().any(|(client, ranges)| {
        let skippable: Vec<std::ops::Range<u32>> =
            refused.iter().filter(|(c, _)| *c == client).flat_map(|(_, r)| r.iter().cloned().collect::<Vec<_>>()).collect();
        let mut reach = have.get(client);
        ranges.iter().any(|range| {
            while let Some(skip) = skippable.iter().find(|s| s.start <= reach && s.end > reach) {
                reach = skip.end;
            }
            let hole = range.start > reach;
            reach = reach.max(range.end);
            hole
        })
    })
}

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// A new random UUID v4 id: for anonymous items, whose ids must carry no time or order.
pub fn new_random_id() -> String {
    uuid::Builder::from_random_bytes(rand::random()).into_uuid().to_string()
}

/// One workshop: the content and control documents, and the updates not yet taken.
pub struct Workshop {
    content: Doc,
    control: Doc,
    content_root: MapRef,
    control_root: MapRef,
    pending: Vec<(DocName, Vec<u8>)>,
    /// This replica's own content edits, one step per command.
    undo: UndoManager<()>,
    /// The undo history's clock: it ticks once per transaction, or once for a whole
    /// [`Workshop::in_one_step`], and edits at the same tick merge into one undo step.
    steps: Arc<AtomicU64>,
    in_one_step: bool,
    /// What changed since last taken, once [`Workshop::record_changes`] is on.
    touched: Arc<std::sync::Mutex<Touched>>,
    recording: bool,
    /// The last content updates, for a copy that follows this workshop.
    recent: recent::Recent,
    /// The control view as last read; emptied by any change to the control document.
    control_cache: Arc<std::sync::Mutex<Option<ControlView>>>,
}

impl Default for Workshop {
    fn default() -> Self {
        Self::new()
    }
}

impl Workshop {
    /// An empty workshop with a fresh client id.
    pub fn new() -> Workshop {
        let options = || Options { offset_kind: OffsetKind::Utf16, ..Options::default() };
        let content = Doc::with_options(options());
        let control = Doc::with_options(options());
        let content_root = content.get_or_insert_map(ROOT);
        let control_root = control.get_or_insert_map(ROOT);
        let steps = Arc::new(AtomicU64::new(1));
        let clock = steps.clone();
        let mut undo = UndoManager::with_options(yrs::undo::Options {
            capture_timeout_millis: 1,
            timestamp: Arc::new(move || clock.load(Ordering::Relaxed)),
            ..yrs::undo::Options::default()
        });
        undo.expand_scope(&content, &content_root);
        let control_cache: Arc<std::sync::Mutex<Option<ControlView>>> = Arc::default();
        let stale = control_cache.clone();
        control_root.observe_deep("control-cache", move |_, _| {
            *stale.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
        });
        Workshop {
            content,
            control,
            content_root,
            control_root,
            pending: Vec::new(),
            undo,
            steps,
            in_one_step: false,
            touched: Arc::default(),
            recording: false,
            recent: recent::Recent::default(),
            control_cache,
        }
    }

    /// Runs several edits as one undo step: one Ctrl+Z takes all of them back.
    pub fn in_one_step<R>(&mut self, edits: impl FnOnce(&mut Workshop) -> R) -> R {
        self.steps.fetch_add(1, Ordering::Relaxed);
        let outer = std::mem::replace(&mut self.in_one_step, true);
        let result = edits(self);
        self.in_one_step = outer;
        result
    }

    /// A workshop rebuilt from stored updates (a snapshot first, then the log).
    pub fn from_updates(content: &[Vec<u8>], control: &[Vec<u8>]) -> Result<Workshop, ModelError> {
        let mut workshop = Workshop::new();
        for update in content {
            workshop.apply_update(DocName::Content, update)?;
        }
        for update in control {
            workshop.apply_update(DocName::Control, update)?;
        }
        Ok(workshop)
    }

    fn doc(&self, name: DocName) -> &Doc {
        match name {
            DocName::Content => &self.content,
            DocName::Control => &self.control,
        }
    }

    fn root(&self, name: DocName) -> &MapRef {
        match name {
            DocName::Content => &self.content_root,
            DocName::Control => &self.control_root,
        }
    }

    /// Applies an update from elsewhere (a peer, the hub, the file). It is not re-recorded.
    pub fn apply_update(&mut self, name: DocName, update: &[u8]) -> Result<(), ModelError> {
        let decoded = decode_update(update)?;
        let mut txn = self.doc(name).transact_mut_with(REMOTE);
        txn.apply_update(decoded).map_err(|e| ModelError::BadUpdate(e.to_string()))?;
        drop(txn);
        self.note(name, update);
        Ok(())
    }

    /// Like [`Workshop::apply_update`], by the rule of [`apply_whole`]: an update that
    /// fails or leaves anything pending is an error, and this workshop is spoiled.
    pub fn apply_whole_update(&mut self, name: DocName, update: &[u8]) -> Result<(), ModelError> {
        apply_whole(self.doc(name), update, &yrs::IdSet::default())?;
        self.note(name, update);
        Ok(())
    }

    /// Whether either document holds structs or deletions waiting for changes it lacks.
    pub fn has_missing_updates(&self) -> bool {
        [&self.content, &self.control].iter().any(|doc| doc.transact().has_missing_updates())
    }

    fn note(&mut self, name: DocName, update: &[u8]) {
        if name == DocName::Content {
            self.recent.push(update);
        }
    }

    /// How many content updates this workshop has taken in or made.
    pub fn content_count(&self) -> u64 {
        self.recent.count()
    }

    /// The content updates after the first `seen` of [`Workshop::content_count`], oldest
    /// first; None when they are no longer all kept (then diff by the state vector).
    pub fn content_since(&self, seen: u64) -> Option<Vec<&[u8]>> {
        self.recent.since(seen)
    }

    /// Takes back this replica's last own content edit; false when there is none.
    /// Edits by others made since are kept: undo reverses only what this replica did.
    pub fn undo(&mut self) -> bool {
        self.undo_or_redo(true)
    }

    /// Does again the edit the last undo took back; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.undo_or_redo(false)
    }

    /// Forgets the undo history: a workshop just made or opened has nothing to undo.
    pub fn forget_history(&mut self) {
        self.undo.clear_all();
    }

    pub fn can_undo(&self) -> bool {
        self.undo.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.undo.can_redo()
    }

    fn undo_or_redo(&mut self, undo: bool) -> bool {
        let before = self.content.transact().state_vector();
        let done = if undo { self.undo.undo_blocking() } else { self.undo.redo_blocking() };
        if done {
            // The undo ran in its own transaction: record what it changed like any edit.
            let update = self.content.transact().encode_state_as_update_v1(&before);
            self.note(DocName::Content, &update);
            self.pending.push((DocName::Content, update));
        }
        done
    }

    /// The whole state of one document as a single update.
    pub fn encode_state(&self, name: DocName) -> Vec<u8> {
        self.doc(name).transact().encode_state_as_update_v1(&StateVector::default())
    }

    /// The updates made through this API since the last call, oldest first.
    pub fn take_pending(&mut self) -> Vec<(DocName, Vec<u8>)> {
        std::mem::take(&mut self.pending)
    }

    /// Runs one change in one transaction and records its update.
    fn edit<R>(
        &mut self,
        name: DocName,
        change: impl FnOnce(&mut TransactionMut, &MapRef) -> Result<R, ModelError>,
    ) -> Result<R, ModelError> {
        if !self.in_one_step {
            self.steps.fetch_add(1, Ordering::Relaxed);
        }
        let root = self.root(name).clone();
        let mut txn = self.doc(name).transact_mut();
        let result = change(&mut txn, &root)?;
        let update = txn.encode_update_v1();
        drop(txn);
        if update.as_slice() != [0, 0] {
            self.note(name, &update);
            self.pending.push((name, update));
        }
        Ok(result)
    }

    fn read<R>(&self, name: DocName, f: impl FnOnce(&yrs::Transaction, &MapRef) -> R) -> R {
        let txn = self.doc(name).transact();
        f(&txn, self.root(name))
    }

    /// The whole workshop, as the UI and exports see it.
    pub fn view(&self) -> WorkshopView {
        let content = self.read(DocName::Content, |txn, root| tree::read_map(txn, root));
        let control = self.read(DocName::Control, |txn, root| tree::read_map(txn, root));
        WorkshopView::from_json(content, control)
    }

    /// Makes this workshop equal to `view` by ordinary edits, so every peer follows.
    pub fn replace_with(&mut self, view: &WorkshopView) -> Result<(), ModelError> {
        let (content, control) = view.to_json()?;
        self.edit(DocName::Content, |txn, root| {
            let mut content = content;
            if let Some(trash) = yrs::Map::get(root, txn, trash::TRASH) {
                content.insert(trash::TRASH.into(), tree::read_field(txn, trash::TRASH, trash));
            }
            tree::write_map(txn, root, &content);
            Ok(())
        })?;
        self.edit(DocName::Control, |txn, root| Ok(tree::write_map(txn, root, &control)))
    }

    /// Whether a document has anything this state vector has not seen.
    pub fn state_vector(&self, name: DocName) -> StateVector {
        self.doc(name).transact().state_vector()
    }

    /// What `remote` lacks of one document, as one update.
    pub fn diff_since(&self, name: DocName, remote: &StateVector) -> Vec<u8> {
        self.doc(name).transact().encode_state_as_update_v1(remote)
    }
}

fn to_object<T: Serialize>(value: &T) -> Result<serde_json::Map<String, serde_json::Value>, ModelError> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::Object(obj)) => Ok(obj),
        Ok(_) => Err(ModelError::Invalid("the value is not an object".into())),
        Err(e) => Err(ModelError::Invalid(e.to_string())),
    }
}

#[cfg(test)]
mod taking_back_tests {
    use super::*;
    use crate::model::idea_wall::Idea;

    fn content(w: &mut Workshop) -> Vec<u8> {
        let mut updates: Vec<Vec<u8>> = w.take_pending().into_iter().filter(|(d, _)| *d == DocName::Content).map(|(_, u)| u).collect();
        assert_eq!(updates.len(), 1, "one content update per change");
        updates.remove(0)
    }

    #[test]
    fn a_filled_refusal_lets_the_writers_next_change_in_and_taking_back_removes_only_it() {
        let mut writer = Workshop::new();
        let wall = writer.create_board(BoardKind::IdeaWall, "Seinä", None).unwrap();
        let plan = content(&mut writer);
        let hub = Workshop::new();
        apply_whole(&hub.content, &plan, &yrs::IdSet::default()).unwrap();
        writer.add(&wall, &Idea { name: "Hylätty".into(), ..Default::default() }).unwrap();
        let refused = content(&mut writer);
        writer.add(&wall, &Idea { name: "Otettu".into(), ..Default::default() }).unwrap();
        let next = content(&mut writer);

        let have = hub.state_vector(DocName::Content);
        apply_whole(&hub.content, &filling(&refused, &have).unwrap(), &yrs::IdSet::default()).expect("the filling applies");
        apply_whole(&hub.content, &next, &yrs::IdSet::default()).expect("the next change applies after the filling");
        writer.apply_update(DocName::Content, &taking_back(&refused, &have).unwrap()).unwrap();
        let board = |w: &Workshop| serde_json::to_string(&w.view().boards[0]).unwrap();
        assert!(board(&writer).contains("Otettu") && !board(&writer).contains("Hylätty"), "only the refused idea is gone");
        assert_eq!(board(&writer), board(&hub), "the writer shows what the hub has");
    }
}
