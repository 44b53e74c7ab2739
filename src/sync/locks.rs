//! What the hub refuses in a participant's raw content write: a change to a board or item
//! locked for them, or to the plan (meta, sessions and steps, deleting or archiving a board).
//!
//! The write is applied to a shadow copy of the content while a deep observer notes the
//! paths it changes. The content is a tree of maps: root → "boards" → board id →
//! collection → item id → field, with the plan under "meta" and "sessions". A changed
//! path under a locked board or item, or under the plan, refuses the write, so a check
//! costs about the size of the write, not of the boards. The shadow is kept between
//! writes and brought up to date with the updates the hub took in meanwhile; a refused
//! write spoils it, and it is rebuilt at the next check.
//!
//! Setting a value to what it already was changes nothing and is let through. Replacing a
//! board's whole map, which no Paja client does, counts as changing the plan.
//!
//! What only the hub publishes is refused too, by one rule ([`hub_only`]): raw evaluation
//! answers, a form's results, a dot without a voter (the hub's anonymous ones), any dot on
//! a board whose vote is hidden, and any change to a dot the hub published.
//!
//! One rule says whether an update applies at all ([`applies`]): it reads, it applies,
//! and it leaves nothing pending (no structs waiting for ones the document lacks, no
//! deletions of items it lacks). The lock check and the hub's [`Probe`], which tries
//! every update on a copy of the hub's real state before it is logged, share it.

use super::SyncError;
use crate::Refusal;
use crate::model::idea_wall::Vote;
use crate::model::{ControlView, DocName, ROOT, Workshop};
use std::sync::{Arc, Mutex, PoisonError};
use yrs::types::{EntryChange, Event, PathSegment};
use yrs::{Any, DeepObservable, Doc, Map, MapRef, OffsetKind, Options, Out, ReadTxn, StateVector, Transact, TransactionMut};

/// The name the check's observer is registered under, to remove it again.
const OBSERVER: &str = "locks";

/// The hub's content as of the last check, to try participants' writes on.
pub struct Shadow {
    doc: Doc,
    root: MapRef,
    name: DocName,
    /// How many of the hub's content updates it holds ([`Workshop::content_count`]);
    /// None for the control document, which is caught up by a diff.
    seen: Option<u64>,
    /// Holds something the hub does not: it is made again before the next check.
    spoiled: bool,
}

/// Why the hub refuses a participant's content `update`, or None if it may be taken in.
/// `shadow` is the copy kept for these checks (None after a refusal: it is made again here).
/// Only writes from others than the facilitator come here: locks never stop the facilitator.
pub fn refusal(hub: &Workshop, shadow: &mut Option<Shadow>, update: &[u8]) -> Result<Option<Refusal>, SyncError> {
    let control = Arc::new(hub.control());
    let checked = (|| {
        let copy = match shadow {
            Some(copy) => copy,
            None => shadow.insert(Shadow::new(hub)?),
        };
        copy.catch_up(hub)?;
        Ok::<_, SyncError>(copy.try_write(update, control.clone())?.refusal(hub, &control))
    })();
    if !matches!(checked, Ok(None)) || shadow.as_ref().is_some_and(|copy| copy.spoiled) {
        *shadow = None;
    }
    checked
}


/// A copy of the hub's real state of both documents, that takes in only updates that
/// apply: the hub tries every update from a connection here before it is logged.
#[derive(Default)]
pub struct Probe {
    content: Option<Shadow>,
    control: Option<Shadow>,
    /// What the hub refused of participants' content writes, which their next writes
    /// may skip.
    refused: yrs::IdSet,
}

impl Probe {
    /// Whether `update` applies on the hub's state as it is with the updates `earlier`
    /// admitted before it in this batch, not yet in the hub. An admitted update stays in
    /// the copy, so the caller must log it; a refused one spoils the copy, which is made
    /// again at the next call, from the hub and `earlier`.
    pub fn admits<'a>(
        &mut self,
        hub: &Workshop,
        doc: DocName,
        update: &[u8],
        earlier: impl Iterator<Item = &'a [u8]>,
    ) -> Result<(), SyncError> {
        let slot = match doc {
            DocName::Content => &mut self.content,
            DocName::Control => &mut self.control,
        };
        let tried = (|| {
            let copy = match slot {
                Some(copy) => copy,
                None => {
                    let copy = slot.insert(Shadow::of(hub, doc)?);
                    earlier.into_iter().try_for_each(|update| copy.apply(update))?;
                    copy
                }
            };
            copy.catch_up(hub)?;
            let refused = match doc {
                DocName::Content => &self.refused,
                DocName::Control => &yrs::IdSet::default(),
            };
            crate::model::apply_whole(&copy.doc, update, refused).map_err(malformed)
        })();
        if tried.is_err() {
            *slot = None;
        }
        tried
    }
}

impl Probe {
    /// Notes the changes of a content write the hub refused, so that the writer's next
    /// writes, which come after them, are not taken for ones with a hole.
    pub fn refused(&mut self, update: &[u8]) {
        if let Ok(update) = crate::model::decode_update(update) {
            self.refused.merge_with(update.insertions(true));
        }
    }
}

impl Shadow {
    /// A copy of the hub's content; it costs about as much as reading the whole document,
    /// so the hub makes one when it starts rather than at a participant's first write.
    pub fn new(hub: &Workshop) -> Result<Shadow, SyncError> {
        Shadow::of(hub, DocName::Content)
    }

    fn of(hub: &Workshop, name: DocName) -> Result<Shadow, SyncError> {
        let doc = Doc::with_options(Options { offset_kind: OffsetKind::Utf16, ..Options::default() });
        let root = doc.get_or_insert_map(ROOT);
        let seen = match name {
            DocName::Content => Some(hub.content_count()),
            DocName::Control => None,
        };
        let mut shadow = Shadow { doc, root, name, seen, spoiled: false };
        shadow.apply(&hub.encode_state(name))?;
        Ok(shadow)
    }

    /// Takes in what the hub took in since the last check: its last updates if it still
    /// has them all, else a diff. Either way the shadow ends up holding all the hub holds.
    fn catch_up(&mut self, hub: &Workshop) -> Result<(), SyncError> {
        let caught_up = match self.seen.and_then(|seen| hub.content_since(seen)) {
            Some(updates) => updates.into_iter().try_for_each(|update| self.apply(update)).is_ok(),
            None => false,
        };
        if !caught_up || !self.holds(&hub.state_vector(self.name)) {
            let known = self.doc.transact().state_vector();
            self.apply(&hub.diff_since(self.name, &known))?;
        }
        if self.seen.is_some() {
            self.seen = Some(hub.content_count());
        }
        Ok(())
    }

    fn holds(&self, hub: &StateVector) -> bool {
        let mine = self.doc.transact().state_vector();
        hub.iter().all(|(client, clock)| mine.get(client) >= *clock)
    }

    /// Takes in what the hub holds, as the hub took it in.
    fn apply(&mut self, update: &[u8]) -> Result<(), SyncError> {
        crate::model::apply_partly(&self.doc, update).map(drop).map_err(malformed)
    }

    /// Applies `update` and says what it changed that `control` guards.
    fn try_write(&mut self, update: &[u8], control: Arc<ControlView>) -> Result<Seen, SyncError> {
        let seen = Arc::new(Mutex::new(Seen::default()));
        let sink = seen.clone();
        self.root.observe_deep(OBSERVER, move |txn, events| {
            let mut seen = sink.lock().unwrap_or_else(PoisonError::into_inner);
            events.iter().for_each(|event| seen.note(txn, event, &control));
        });
        // A write that builds on one the hub refused leaves parts pending here: it is
        // judged by what it changes, and the copy, no longer the hub's, is made again.
        let applied = crate::model::apply_partly(&self.doc, update).map_err(malformed);
        self.root.unobserve_deep(OBSERVER);
        self.spoiled = applied?;
        Ok(std::mem::take(&mut *seen.lock().unwrap_or_else(PoisonError::into_inner)))
    }
}

fn malformed(e: impl std::fmt::Display) -> SyncError {
    SyncError::Malformed(e.to_string())
}

/// What one write changed of what the hub guards.
#[derive(Default)]
struct Seen {
    plan: bool,
    locked: bool,
    hub_only: bool,
    /// (board, dot) of every dot the write touched: one the hub published is its alone.
    dots: Vec<(String, String)>,
    /// Boards whose collection was replaced or removed whole: the items it held are gone
    /// from the shadow, so the hub's copy says whether one of them was locked.
    emptied: Vec<String>,
}

impl Seen {
    fn note(&mut self, txn: &TransactionMut, event: &Event, control: &ControlView) {
        let path: Vec<String> = event.path().iter().map(segment).collect();
        match event {
            Event::Map(map) => {
                for (key, change) in map.keys(txn).iter().filter(|(_, change)| !unchanged(change)) {
                    let mut at = path.clone();
                    at.push(key.to_string());
                    self.changed(txn, &at, Some(change), control);
                }
            }
            _ => self.changed(txn, &path, None, control),
        }
    }

    /// Notes a change at `path`: an entry of a map (`change`), or inside a text (None).
    fn changed(&mut self, txn: &TransactionMut, path: &[String], change: Option<&EntryChange>, control: &ControlView) {
        let stops = |board: &str, item: Option<&str>| control.locks_out(false, board, item);
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        self.hub_only |= hub_only(txn, &path, change, control);
        if let ["boards", board, "votes", dot, ..] = path.as_slice() {
            self.dots.push((board.to_string(), dot.to_string()));
        }
        match (path.as_slice(), change) {
            (["meta" | "sessions" | "trash", ..], _) => self.plan = true,
            (["boards"], Some(EntryChange::Inserted(Out::YMap(boards)))) => {
                for (id, board) in boards.iter(txn) {
                    self.board_added(txn, id, &board, control);
                }
            }
            (["boards", board], Some(EntryChange::Inserted(new))) => self.board_added(txn, board, new, control),
            // A board deleted or replaced, or all boards at once.
            (["boards"] | ["boards", _], _) => self.plan = true,
            (["boards", board, key], change) => {
                self.locked |= stops(board, None);
                self.plan |= *key == "archived" && archiving_changed(change);
                if let Some(EntryChange::Inserted(Out::YMap(new)) | EntryChange::Updated(_, Out::YMap(new))) = change {
                    self.locked |= new.keys(txn).any(|item| stops(board, Some(item)));
                }
                if let Some(EntryChange::Updated(Out::YMap(_), _) | EntryChange::Removed(Out::YMap(_))) = change {
                    self.emptied.push(board.to_string());
                }
            }
            (["boards", board, _, item, ..], _) => self.locked |= stops(board, Some(item)),
            _ => {}
        }
    }

    /// A new board changes the plan if it comes archived, and breaks a lock if it, or an
    /// item in it, has a locked id.
    fn board_added(&mut self, txn: &TransactionMut, id: &str, board: &Out, control: &ControlView) {
        let stops = |item: Option<&str>| control.locks_out(false, id, item);
        self.locked |= stops(None);
        let Out::YMap(board) = board else { return };
        self.plan |= matches!(board.get(txn, "archived"), Some(Out::Any(Any::Bool(true))));
        for (key, part) in board.iter(txn) {
            self.hub_only |= hub_only(txn, &["boards", id, key], Some(&EntryChange::Inserted(part)), control);
        }
        let holds_locked = |part: &Out| matches!(part, Out::YMap(items) if items.keys(txn).any(|item| stops(Some(item))));
        self.locked |= board.iter(txn).any(|(_, part)| holds_locked(&part));
    }

    fn refusal(&self, hub: &Workshop, control: &ControlView) -> Option<Refusal> {
        let was_on = |id: &String, board: &String| hub.board_holding(id).as_ref() == Some(board);
        let emptied_locked = || {
            let on_emptied = |id: &String| self.emptied.iter().find(|board| was_on(id, board));
            control.locked.iter().any(|id| on_emptied(id).is_some_and(|board| control.locks_out(false, board, Some(id))))
        };
        let anonymous = |dot: Option<Vote>| dot.is_some_and(|dot| dot.voter.is_none());
        let hubs_dot = |(board, dot): &(String, String)| anonymous(hub.get::<Vote>(board, dot).ok());
        let hubs_dots_gone = || self.emptied.iter().any(|board| hub.list::<Vote>(board).is_ok_and(|dots| dots.into_iter().any(|d| anonymous(Some(d)))));
        if self.plan {
            Some(Refusal::PlanFacilitatorOnly)
        } else if self.hub_only || self.dots.iter().any(hubs_dot) || hubs_dots_gone() {
            Some(Refusal::HubOnly)
        } else if self.locked || emptied_locked() {
            Some(Refusal::Locked)
        } else {
            None
        }
    }
}

/// Whether a change at `path` writes what only the hub publishes, as
/// [`ControlView::hub_only`] says: a new dot (or voter) is judged by its voter, any other
/// change to a dot by the vote alone, a change elsewhere by its collection.
fn hub_only(txn: &TransactionMut, path: &[&str], change: Option<&EntryChange>, control: &ControlView) -> bool {
    let new = match change {
        Some(EntryChange::Inserted(new) | EntryChange::Updated(_, new)) => Some(new),
        _ => None,
    };
    let voter = |value: &Out| match value {
        Out::Any(Any::String(voter)) => Some(voter.to_string()),
        _ => None,
    };
    let voter_of = |dot: &Out| match dot {
        Out::YMap(dot) => dot.get(txn, "voter").as_ref().and_then(voter),
        _ => None,
    };
    let dot = |board: &str, dot: &Out| control.hub_only(board, "votes", voter_of(dot).as_deref());
    match (path, new) {
        (["boards", board, "votes"], Some(Out::YMap(dots))) => dots.iter(txn).any(|(_, d)| dot(board, &d)),
        (["boards", board, "votes", _], Some(new)) => dot(board, new),
        (["boards", board, "votes", _, "voter"], new) => control.hub_only(board, "votes", new.and_then(voter).as_deref()),
        (["boards", board, "votes", ..], _) => control.hides_votes_on(board),
        (["boards", board, collection, ..], _) => control.hub_only(board, collection, None),
        _ => false,
    }
}

fn segment(segment: &PathSegment) -> String {
    match segment {
        PathSegment::Key(key) => key.to_string(),
        PathSegment::Index(index) => index.to_string(),
    }
}

/// A value set to what it already was.
fn unchanged(change: &EntryChange) -> bool {
    matches!(change, EntryChange::Updated(Out::Any(old), Out::Any(new)) if old == new)
}

/// Whether a change of a board's `archived` entry archives or restores it.
fn archiving_changed(change: Option<&EntryChange>) -> bool {
    let archived = |value: &Out| matches!(value, Out::Any(Any::Bool(true)));
    match change {
        Some(EntryChange::Inserted(new)) => archived(new),
        Some(EntryChange::Updated(old, new)) => archived(old) != archived(new),
        Some(EntryChange::Removed(old)) => archived(old),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yrs::Update;
    use yrs::updates::decoder::Decode;
    use crate::model::free::FreeCard;
    use crate::model::session::Session;
    use crate::model::{Board, BoardContent, BoardKind, Pos};

    /// A hub with two free boards of two cards each, and a participant's replica of it.
    struct Room {
        hub: Workshop,
        aino: Workshop,
        shadow: Option<Shadow>,
        locked_board: String,
        open_board: String,
        cards: Vec<String>,
    }

    impl Room {
        fn new() -> Room {
            let mut hub = Workshop::new();
            let mut cards = Vec::new();
            let mut boards = Vec::new();
            for title in ["Lukittu", "Auki"] {
                let board = hub.create_board(BoardKind::Free, title, None).unwrap();
                for text in ["Eka", "Toka"] {
                    cards.push(hub.add(&board, &FreeCard { text: text.into(), ..Default::default() }).unwrap());
                }
                boards.push(board);
            }
            hub.add_session(&Session { title: "Aamu".into(), ..Default::default() }).unwrap();
            let aino = Workshop::from_updates(&[hub.encode_state(DocName::Content)], &[]).unwrap();
            let [locked_board, open_board] = boards.try_into().unwrap();
            Room { hub, aino, shadow: None, locked_board, open_board, cards }
        }

        fn lock(&mut self, ids: &[&str]) {
            self.hub.update_control(|c| c.locked = ids.iter().map(|id| id.to_string()).collect()).unwrap();
        }

        /// What the hub says to Aino's next edit; a write it may take in is taken in.
        fn write(&mut self, edit: impl FnOnce(&mut Workshop)) -> Option<Refusal> {
            self.aino.take_pending();
            edit(&mut self.aino);
            let update = self.aino.take_pending().into_iter().map(|(_, u)| u).collect::<Vec<_>>();
            let update = yrs::merge_updates_v1(update).unwrap();
            let reason = refusal(&self.hub, &mut self.shadow, &update).unwrap();
            if reason.is_none() {
                self.hub.apply_update(DocName::Content, &update).unwrap();
            }
            reason
        }

        fn text(&self, board: &str, card: &str) -> String {
            self.hub.get::<FreeCard>(board, card).map(|c| c.text).unwrap_or_default()
        }
    }

    fn card(text: &str) -> FreeCard {
        FreeCard { text: text.into(), ..Default::default() }
    }

    /// One struct of `client` at `clock`: a map entry "x" holding a string, under the root.
    fn late_struct(client: u8, clock: u8) -> Vec<u8> {
        let mut u = vec![1, 1, client, clock, 8 | 0x20, 1, 8];
        u.extend(b"workshop");
        u.extend([1, b'x', 1, 119, 1, b'y', 0]);
        u
    }

    #[test]
    fn the_probe_admits_only_updates_that_apply_whole_on_the_hubs_state() {
        let room = Room::new();
        let mut probe = Probe::default();
        let mut admits = |update: &[u8], earlier: &[&[u8]]| probe.admits(&room.hub, DocName::Content, update, earlier.iter().copied()).is_ok();
        let first = late_struct(78, 0);
        assert!(admits(&first, &[]), "a first struct");
        assert!(!admits(&late_struct(79, 5), &[&first]), "a struct after ones nobody has");
        let deletion = [0, 1, 80, 1, 0, 3];
        assert!(!admits(&deletion, &[&first]), "a deletion of items nobody has");
        assert!(admits(&late_struct(78, 1), &[&first]), "after a refusal the copy is made again with the batch's earlier updates");
    }

    #[test]
    fn every_change_on_a_locked_board_is_refused_down_to_a_cards_text() {
        let mut room = Room::new();
        let (board, first) = (room.locked_board.clone(), room.cards[0].clone());
        room.lock(&[&board]);
        let locked = Some(Refusal::Locked);
        assert_eq!(room.write(|w| { w.add(&board, &card("Uusi")).unwrap(); }), locked, "a new card on it");
        assert_eq!(room.write(|w| w.update::<FreeCard>(&board, &first, |c| c.text.push('!')).unwrap()), locked, "a card's text");
        assert_eq!(room.write(|w| w.move_to::<FreeCard>(&board, &first, Pos { x: 9.0, y: 9.0 }).unwrap()), locked, "a card's place");
        assert_eq!(room.write(|w| w.rename_board(&board, "Toinen").unwrap()), locked, "the board's title");
        assert_eq!(room.text(&board, &first), "Eka", "nothing of it reached the hub");
    }

    #[test]
    fn a_card_locked_alone_cannot_be_changed_or_deleted_while_its_neighbours_can() {
        let mut room = Room::new();
        let board = room.locked_board.clone();
        let (kept, free) = (room.cards[0].clone(), room.cards[1].clone());
        room.lock(&[&kept]);
        let locked = Some(Refusal::Locked);
        assert_eq!(room.write(|w| w.update::<FreeCard>(&board, &kept, |c| c.text = "Muutettu".into()).unwrap()), locked, "its text");
        assert_eq!(room.write(|w| w.delete::<FreeCard>(&board, &kept).unwrap()), locked, "deleting it");
        assert_eq!(room.write(|w| w.update::<FreeCard>(&board, &free, |c| c.text = "Muutettu".into()).unwrap()), None, "the card beside it");
        assert_eq!(room.write(|w| { w.add(&board, &card("Uusi")).unwrap(); }), None, "a new card on its board");
        assert_eq!(room.write(|w| w.delete::<FreeCard>(&board, &free).unwrap()), None, "deleting the card beside it");
        assert_eq!(room.text(&board, &kept), "Eka", "the locked card is as it was at the hub");
        assert_eq!(room.text(&board, &free), "", "the open card was changed, then deleted");
    }

    #[test]
    fn writes_to_an_open_board_next_to_a_locked_one_are_taken_in_one_after_another() {
        let mut room = Room::new();
        let (locked, open) = (room.locked_board.clone(), room.open_board.clone());
        room.lock(&[&locked]);
        for n in 0..3 {
            assert_eq!(room.write(|w| { w.add(&open, &card(&format!("Kortti {n}"))).unwrap(); }), None, "card {n}");
        }
        assert_eq!(room.hub.list::<FreeCard>(&open).unwrap().len(), 5, "the two cards and the three new ones");
    }

    #[test]
    fn what_the_hub_took_in_from_others_is_guarded_at_the_next_check() {
        let mut room = Room::new();
        let (board, open) = (room.locked_board.clone(), room.open_board.clone());
        assert_eq!(room.write(|w| { w.add(&open, &card("Ennen")).unwrap(); }), None, "the shadow is made");
        let late = room.hub.add(&board, &card("Ohjaajan")).unwrap();
        room.lock(&[&late]);
        room.aino.apply_update(DocName::Content, &room.hub.encode_state(DocName::Content)).unwrap();
        let edit = |w: &mut Workshop| w.update::<FreeCard>(&board, &late, |c| c.text = "Muutettu".into()).unwrap();
        assert_eq!(room.write(edit), Some(Refusal::Locked), "the card the facilitator added later and locked");
    }

    #[test]
    fn an_edit_of_a_card_the_facilitator_deleted_meanwhile_changes_nothing_and_is_taken_in() {
        let mut room = Room::new();
        let (board, open, first) = (room.locked_board.clone(), room.open_board.clone(), room.cards[0].clone());
        room.lock(&[&board]);
        assert_eq!(room.write(|w| { w.add(&open, &card("Ennen")).unwrap(); }), None, "the shadow is made");
        room.hub.delete::<FreeCard>(&board, &first).unwrap();
        let edit = |w: &mut Workshop| w.update::<FreeCard>(&board, &first, |c| c.text = "Myöhässä".into()).unwrap();
        assert_eq!(room.write(edit), None, "the deletion reached the shadow, so the edit touches nothing there");
        assert!(room.hub.get::<FreeCard>(&board, &first).is_err(), "the card stays deleted at the hub");
    }

    #[test]
    fn a_locked_boards_collection_dropped_whole_is_refused() {
        let mut room = Room::new();
        let (board, first) = (room.locked_board.clone(), room.cards[0].clone());
        room.lock(&[&first]);
        let update = raw_write(&room.hub, &board, |txn, map| {
            map.remove(txn, "cards");
        });
        let reason = refusal(&room.hub, &mut room.shadow, &update).unwrap();
        assert_eq!(reason, Some(Refusal::Locked), "the locked card went with its collection");
    }

    #[test]
    fn the_plan_is_refused_and_a_new_open_board_is_not() {
        let mut room = Room::new();
        let (locked, open) = (room.locked_board.clone(), room.open_board.clone());
        room.lock(&[&locked]);
        let plan = Some(Refusal::PlanFacilitatorOnly);
        assert_eq!(room.write(|w| w.update_meta(|m| m.title = "Toinen".into()).unwrap()), plan, "the workshop's title");
        let session = room.aino.sessions()[0].id.clone();
        assert_eq!(room.write(|w| w.update_session(&session, |s| s.title = "Ilta".into()).unwrap()), plan, "a session");
        assert_eq!(room.write(|w| w.archive_board(&open, true).unwrap()), plan, "archiving a board");
        assert_eq!(room.write(|w| { w.delete_board(&locked).unwrap(); }), plan, "deleting a locked board says plan first");
        assert_eq!(room.write(|w| { w.delete_board(&open).unwrap(); }), plan, "deleting an open board");
        let archived = Board {
            id: String::new(),
            title: "Arkisto".into(),
            session_id: None,
            archived: true,
            order: 0.0,
            content: BoardContent::empty(BoardKind::Free),
        };
        assert_eq!(room.write(|w| { w.add_board(&archived).unwrap(); }), plan, "adding an archived board");
        assert_eq!(room.write(|w| { w.create_board(BoardKind::Free, "Uusi", None).unwrap(); }), None, "adding an open board");
        assert!(room.hub.board(&open).is_ok_and(|b| !b.archived), "the open board is still there, not archived");
    }

    #[test]
    fn a_write_that_leaves_a_locked_card_as_it_was_is_taken_in() {
        let mut room = Room::new();
        let (board, first) = (room.locked_board.clone(), room.cards[0].clone());
        room.lock(&[&first]);
        let update = raw_write(&room.hub, &board, |txn, map| {
            let Some(Out::YMap(cards)) = map.get(txn, "cards") else { panic!("the cards") };
            let Some(Out::YMap(card)) = cards.get(txn, &first) else { panic!("the card") };
            let Some(Out::Any(color)) = card.get(txn, "color") else { panic!("a plain value") };
            card.insert(txn, "color", color);
        });
        assert_eq!(refusal(&room.hub, &mut room.shadow, &update).unwrap(), None, "the colour was set to what it was");
    }

    #[test]
    fn what_only_the_hub_publishes_is_refused_from_a_participant() {
        use crate::model::evaluation::Answer;
        use crate::model::idea_wall::Idea;
        let mut hub = Workshop::new();
        let wall = hub.create_board(BoardKind::IdeaWall, "Seinä", None).unwrap();
        let form = hub.create_board(BoardKind::Evaluation, "Palaute", None).unwrap();
        let idea = hub.add(&wall, &Idea { name: "Idea".into(), ..Default::default() }).unwrap();
        let hubs = hub.add(&wall, &Vote { idea_id: idea.clone(), ..Default::default() }).unwrap();
        let aino = Workshop::from_updates(&[hub.encode_state(DocName::Content)], &[]).unwrap();
        let mut room = Room { hub, aino, shadow: None, locked_board: wall.clone(), open_board: form.clone(), cards: Vec::new() };
        let dot = |voter: Option<&str>| Vote { idea_id: idea.clone(), voter: voter.map(str::to_string), ..Default::default() };
        let hub_only = Some(Refusal::HubOnly);
        assert_eq!(room.write(|w| { w.add(&form, &Answer { item_id: "q".into(), value: 1, ..Default::default() }).unwrap(); }), hub_only, "a raw answer");
        let mut results = serde_json::Map::new();
        results.insert("published".into(), serde_json::to_value([crate::model::evaluation::ItemResult { item_id: "q".into(), count: 9, ..Default::default() }]).unwrap());
        assert_eq!(room.write(|w| w.patch_board(&form, &results).unwrap()), hub_only, "a form's results");
        assert_eq!(room.write(|w| { w.add(&wall, &dot(None)).unwrap(); }), hub_only, "a dot without a voter");
        assert_eq!(room.write(|w| w.delete::<Vote>(&wall, &hubs).unwrap()), hub_only, "taking away the hub's dot");
        room.aino = Workshop::from_updates(&[room.hub.encode_state(DocName::Content)], &[]).unwrap();
        assert_eq!(room.write(|w| w.update::<Vote>(&wall, &hubs, |v| v.voter = Some("aino".into())).unwrap()), hub_only, "claiming the hub's dot");
        assert_eq!(room.write(|w| { w.add(&wall, &dot(Some("aino"))).unwrap(); }), None, "one's own dot in an open vote");
        room.hub.update_control(|c| c.voting = Some(crate::model::control::Voting { board: wall.clone(), budget: 3, hidden: true, ..Default::default() })).unwrap();
        assert_eq!(room.write(|w| { w.add(&wall, &dot(Some("aino"))).unwrap(); }), hub_only, "a dot in a hidden vote, outside the sealed path");
        assert_eq!(room.hub.list::<Vote>(&wall).unwrap().len(), 2, "the hub's dot and Aino's open one");
    }

    /// A write straight on the document's maps, as a tampered app would send it: `edit`
    /// gets the map of `board` in a copy of the hub's content.
    fn raw_write(hub: &Workshop, board: &str, edit: impl FnOnce(&mut TransactionMut, &MapRef)) -> Vec<u8> {
        let doc = Doc::new();
        let root = doc.get_or_insert_map(ROOT);
        doc.transact_mut().apply_update(Update::decode_v1(&hub.encode_state(DocName::Content)).unwrap()).unwrap();
        let before = doc.transact().state_vector();
        {
            let mut txn = doc.transact_mut();
            let Some(Out::YMap(boards)) = root.get(&txn, "boards") else { panic!("the boards") };
            let Some(Out::YMap(map)) = boards.get(&txn, board) else { panic!("the board") };
            edit(&mut txn, &map);
        }
        doc.transact().encode_state_as_update_v1(&before)
    }
}
