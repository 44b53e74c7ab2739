use super::*;
use crate::model::causal_map::{CausalLink, CausalNode};
use crate::model::free::FreeCard;
use crate::model::persona::Persona;
use crate::model::session::Step;
use crate::model::{BoardKind, Pos};
use proptest::prelude::*;

/// A workshop that records its changes, with a free board of `cards` cards.
fn workshop_with_cards(cards: usize) -> (Workshop, String, Vec<String>) {
    let mut w = Workshop::new();
    let board = w.create_board(BoardKind::Free, "Vapaa", None).unwrap();
    let ids = (0..cards).map(|i| w.add(&board, &FreeCard { text: format!("kortti {i}"), ..Default::default() }).unwrap()).collect();
    w.record_changes();
    (w, board, ids)
}

/// Takes the change since `before` was projected, applies it, and checks the result is
/// the workshop's fresh projection; returns the change.
fn applies_to_fresh_view(w: &mut Workshop, before: &mut WorkshopView, what: &str) -> ViewChange {
    let change = w.take_change().unwrap_or_default();
    before.apply(&change);
    assert_eq!(*before, w.view(), "{what}: the old view with the change applied is the new view");
    change
}

fn patch(key: &str, value: &str) -> serde_json::Map<String, Value> {
    [(key.to_string(), Value::String(value.into()))].into_iter().collect()
}

#[test]
fn typing_in_a_card_sends_only_that_card() {
    let (mut w, board, ids) = workshop_with_cards(50);
    let mut view = w.view();
    w.patch::<FreeCard>(&board, &ids[7], &patch("text", "kortti 7 ja vähän lisää")).unwrap();
    let change = applies_to_fresh_view(&mut w, &mut view, "a typed letter");
    assert_eq!(change.boards.len(), 1, "only the card's board changed");
    let items = &change.boards[0].items;
    assert!(change.boards[0].whole.is_none(), "the board is not sent whole");
    assert_eq!(items.len(), 1, "only the edited card is sent");
    assert_eq!(items[0].id, ids[7]);
    assert_eq!(items[0].item.as_ref().and_then(|i| i["text"].as_str()), Some("kortti 7 ja vähän lisää"));
    assert!(change.meta.is_none() && change.control.is_none() && change.sessions.is_none(), "nothing else is sent");
}

#[test]
fn nothing_changed_gives_no_change() {
    let (mut w, _, _) = workshop_with_cards(2);
    assert!(w.take_change().is_none(), "a workshop nobody edited has no change to send");
}

#[test]
fn a_remote_edit_arrives_as_the_items_it_touched() {
    let (mut origin, board, ids) = workshop_with_cards(10);
    origin.take_pending();
    let mut replica = Workshop::from_updates(&[origin.encode_state(DocName::Content)], &[origin.encode_state(DocName::Control)]).unwrap();
    replica.record_changes();
    let mut view = replica.view();
    origin.move_to::<FreeCard>(&board, &ids[3], Pos { x: 40.0, y: 80.0 }).unwrap();
    origin.patch::<FreeCard>(&board, &ids[4], &patch("color", "blue")).unwrap();
    for (doc, update) in origin.take_pending() {
        replica.apply_update(doc, &update).unwrap();
    }
    let change = applies_to_fresh_view(&mut replica, &mut view, "a peer's move and colour");
    let sent: Vec<&str> = change.boards[0].items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(sent.len(), 2, "the moved and the recoloured card, nothing else: {sent:?}");
}

#[test]
fn a_deleted_item_is_sent_as_gone() {
    let (mut w, board, ids) = workshop_with_cards(5);
    let mut view = w.view();
    w.delete::<FreeCard>(&board, &ids[2]).unwrap();
    let change = applies_to_fresh_view(&mut w, &mut view, "a deleted card");
    assert_eq!(change.boards[0].items[0].item, None, "the card is sent as gone");
}

#[test]
fn new_renamed_and_deleted_boards_are_sent_whole_or_as_gone() {
    let (mut w, board, _) = workshop_with_cards(3);
    let mut view = w.view();
    let other = w.create_board(BoardKind::Persona, "Persoonat", None).unwrap();
    let change = applies_to_fresh_view(&mut w, &mut view, "a new board");
    assert!(change.boards.iter().any(|b| b.id == other && b.whole.is_some()), "a new board comes whole");
    w.rename_board(&board, "Uusi nimi").unwrap();
    applies_to_fresh_view(&mut w, &mut view, "a renamed board");
    w.update_board(&other, |b| b.order = -1.0).unwrap();
    applies_to_fresh_view(&mut w, &mut view, "a board moved first");
    w.delete_board(&board).unwrap();
    let change = applies_to_fresh_view(&mut w, &mut view, "a deleted board");
    assert_eq!(change.removed_boards, vec![board], "the deleted board is named as gone");
}

#[test]
fn a_kind_that_computes_from_several_items_is_sent_whole() {
    let mut w = Workshop::new();
    let board = w.create_board(BoardKind::CausalMap, "Syyt", None).unwrap();
    let a = w.add(&board, &CausalNode { text: "yksinäisyys".into(), ..Default::default() }).unwrap();
    let b = w.add(&board, &CausalNode { text: "työttömyys".into(), ..Default::default() }).unwrap();
    w.record_changes();
    let mut view = w.view();
    w.add(&board, &CausalLink { from: a.clone(), to: b, ..Default::default() }).unwrap();
    let change = applies_to_fresh_view(&mut w, &mut view, "a new link changes the root causes");
    assert!(change.boards[0].whole.is_some(), "the causal map comes whole, with its root causes");
    w.delete::<CausalNode>(&board, &a).unwrap();
    applies_to_fresh_view(&mut w, &mut view, "a deleted node takes its links");
}

#[test]
fn an_item_keeps_what_the_core_computes_for_it() {
    let mut w = Workshop::new();
    let board = w.create_board(BoardKind::Persona, "Persoonat", None).unwrap();
    w.record_changes();
    let mut view = w.view();
    w.add(&board, &Persona { name: "Aino".into(), ..Default::default() }).unwrap();
    let change = applies_to_fresh_view(&mut w, &mut view, "a new persona");
    let note = change.boards[0].items[0].item.as_ref().map(|p| p["composite_note"].clone());
    assert_eq!(note, Some(Value::String(crate::model::persona::COMPOSITE_NOTE.into())), "the persona carries its note");
}

#[test]
fn sessions_steps_meta_comments_and_control_are_sent_when_touched() {
    let (mut w, board, _) = workshop_with_cards(1);
    let mut view = w.view();
    let session = w.add_session(&Session { title: "Ensimmäinen".into(), ..Default::default() }).unwrap();
    applies_to_fresh_view(&mut w, &mut view, "a new session");
    w.add_step(&session, &Step { title: "Alku".into(), ..Default::default() }).unwrap();
    let change = applies_to_fresh_view(&mut w, &mut view, "a step inside a session");
    assert!(change.sessions.is_some() && change.boards.is_empty(), "a step sends the sessions, no board");
    w.update_meta(|m| m.title = "Työpaja".into()).unwrap();
    applies_to_fresh_view(&mut w, &mut view, "the workshop's name");
    w.add_comment(&Comment { board_id: board.clone(), text: "Hyvä!".into(), ..Default::default() }).unwrap();
    applies_to_fresh_view(&mut w, &mut view, "a comment");
    w.update_control(|c| c.locked.push(board.clone())).unwrap();
    let change = applies_to_fresh_view(&mut w, &mut view, "a lock");
    assert!(change.control.is_some() && change.boards.is_empty(), "a lock sends the control only");
}

#[test]
fn undo_and_redo_send_what_they_changed() {
    let (mut w, board, ids) = workshop_with_cards(4);
    w.forget_history();
    let mut view = w.view();
    w.patch::<FreeCard>(&board, &ids[1], &patch("text", "muutettu")).unwrap();
    w.delete::<FreeCard>(&board, &ids[2]).unwrap();
    applies_to_fresh_view(&mut w, &mut view, "two edits");
    assert!(w.undo(), "the delete can be undone");
    applies_to_fresh_view(&mut w, &mut view, "the delete undone");
    assert!(w.undo(), "the text can be undone");
    applies_to_fresh_view(&mut w, &mut view, "the text undone");
    assert!(w.redo(), "the text can be redone");
    applies_to_fresh_view(&mut w, &mut view, "the text redone");
}

#[test]
fn a_complete_change_replaces_any_view() {
    let (w, _, _) = workshop_with_cards(3);
    let mut stale = WorkshopView::default();
    stale.boards.push(Board { id: "vanha".into(), title: String::new(), session_id: None, archived: false, order: 0.0, content: crate::model::BoardContent::empty(BoardKind::Free) });
    stale.apply(&w.complete_change());
    assert_eq!(stale, w.view(), "a complete change leaves nothing of the old view");
}

/// One random edit by `w` on the workshop's boards.
fn random_edit(w: &mut Workshop, boards: &[String], pick: &[u16]) {
    let board = &boards[pick[0] as usize % boards.len()];
    let cards: Vec<String> = w.list::<FreeCard>(&boards[0]).unwrap_or_default().into_iter().map(|c| c.id).collect();
    let card = (!cards.is_empty()).then(|| cards[pick[1] as usize % cards.len()].clone());
    let text = format!("teksti {}", pick[2]);
    let _ = match (pick[3] % 11, card) {
        (0, _) => w.add(&boards[0], &FreeCard { text, ..Default::default() }).map(|_| ()),
        (1, Some(card)) => w.patch::<FreeCard>(&boards[0], &card, &patch("text", &text)),
        (2, Some(card)) => w.move_to::<FreeCard>(&boards[0], &card, Pos { x: pick[2] as f64, y: 1.0 }),
        (3, Some(card)) => w.delete::<FreeCard>(&boards[0], &card),
        (4, _) => w.add(&boards[1], &Persona { name: text, ..Default::default() }).map(|_| ()),
        (5, _) => w.rename_board(board, &text),
        (6, _) => w.add(&boards[2], &CausalNode { text, ..Default::default() }).map(|_| ()),
        (7, _) => {
            w.undo();
            Ok(())
        }
        (8, _) if pick[2] % 3 == 0 => w.add_session(&Session { title: text, ..Default::default() }).map(|_| ()),
        (8, _) if pick[2] % 3 == 1 => w.add_comment(&Comment { board_id: board.clone(), text, ..Default::default() }).map(|_| ()),
        (9, _) => w.delete_board(&boards[2]).map(|_| ()),
        (10, _) => w.create_board(BoardKind::Glossary, &text, None).map(|_| ()),
        _ => w.update_control(|c| c.spotlight = Some(text)),
    };
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Two replicas edit, undo and exchange updates at random; after each round each
    /// one's change, applied to its previous view, is its new view.
    #[test]
    fn applying_each_change_always_gives_the_fresh_view(rounds in prop::collection::vec(prop::collection::vec(any::<u16>(), 4..=4), 1..40)) {
        let mut a = Workshop::new();
        let boards = vec![
            a.create_board(BoardKind::Free, "Vapaa", None).unwrap(),
            a.create_board(BoardKind::Persona, "Persoonat", None).unwrap(),
            a.create_board(BoardKind::CausalMap, "Syyt", None).unwrap(),
        ];
        let mut b = Workshop::from_updates(&[a.encode_state(DocName::Content)], &[a.encode_state(DocName::Control)]).unwrap();
        a.take_pending();
        a.record_changes();
        b.record_changes();
        let (mut view_a, mut view_b) = (a.view(), b.view());
        for (i, pick) in rounds.iter().enumerate() {
            let (me, other) = if pick[0] % 2 == 0 { (&mut a, &mut b) } else { (&mut b, &mut a) };
            random_edit(me, &boards, pick);
            if i % 3 == 0 {
                for (doc, update) in me.take_pending() {
                    other.apply_update(doc, &update).unwrap();
                }
            }
            view_a.apply(&a.take_change().unwrap_or_default());
            view_b.apply(&b.take_change().unwrap_or_default());
            prop_assert_eq!(&view_a, &a.view(), "replica a after edit {}", i);
            prop_assert_eq!(&view_b, &b.view(), "replica b after edit {}", i);
        }
    }
}
