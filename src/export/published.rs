//! The published view: what of a workshop may leave the room, as the relay to a regional
//! server sends it. It follows the rule of [`super::ExportOptions::default`]: no names of
//! people and no organisation, and never the trash.
//!
//! Field by field, what stays and why it is safe:
//! - The control document (roster, roles, locks, rounds, votes in progress) is dropped
//!   whole: it never leaves the hub.
//! - `meta`: the title, language and version label stay; the organisation is blanked.
//! - Comments keep their text; the author is blanked.
//! - Idea walls keep ideas (`who` is the role that carries an idea out, which exports
//!   print), clusters and votes; a vote's voter is blanked.
//! - Café stations keep their question and harvest; the host is blanked. Groups are
//!   named by the facilitator ("Ryhmä A"), not after people.
//! - Evaluation forms keep their items and published results (already without groups
//!   under five answers); raw answers written into old files are dropped, and their
//!   results are published in their place.
//! - Personas are composites, not people; service paths, causal maps, phenomenon maps,
//!   operating models, glossaries, quality criteria and free cards hold only what the
//!   group wrote together. Pictures are hashes; their bytes never travel.
//! - Drafts, sealed items and hidden dots are never in the content document before the
//!   hub publishes them without a name, so nothing here needs to hide them.

use crate::model::{BoardContent, ControlView, WorkshopView};

/// What of `view` may leave the room.
pub fn view(view: &WorkshopView) -> WorkshopView {
    let mut public = view.clone();
    public.meta.organisation.clear();
    public.control = ControlView::default();
    public.trash.clear();
    for comment in &mut public.comments {
        comment.author.clear();
    }
    for board in &mut public.boards {
        match &mut board.content {
            BoardContent::IdeaWall(wall) => wall.votes.iter_mut().for_each(|v| v.voter = None),
            BoardContent::Cafe(cafe) => cafe.stations.iter_mut().for_each(|s| s.host.clear()),
            BoardContent::Evaluation(form) => {
                if form.published.is_empty() {
                    form.published = form.results.clone();
                }
                form.answers.clear();
            }
            _ => {}
        }
    }
    public
}

#[cfg(test)]
mod tests {
    use crate::model::cafe::Station;
    use crate::model::idea_wall::{Idea, Vote};
    use crate::model::session::Comment;
    use crate::model::{BoardKind, Workshop};

    #[test]
    fn names_the_export_hides_and_the_trash_do_not_leave_the_room() {
        let mut w = Workshop::new();
        let wall = w.create_board(BoardKind::IdeaWall, "Ideat", None).unwrap();
        let idea = w.add(&wall, &Idea { name: "Kahvila".into(), ..Default::default() }).unwrap();
        w.add(&wall, &Vote { idea_id: idea, voter: Some("Aino Äänestäjä".into()), ..Default::default() }).unwrap();
        let cafe = w.create_board(BoardKind::Cafe, "Kahvila", None).unwrap();
        w.add(&cafe, &Station { question: "Mikä auttaa?".into(), host: "Heikki Isäntä".into(), ..Default::default() }).unwrap();
        w.add_comment(&Comment { board_id: wall.clone(), text: "Hyvä".into(), author: "Kalle Kommentoija".into(), ..Default::default() }).unwrap();
        let gone = w.create_board(BoardKind::Free, "Poistettu taulu", None).unwrap();
        w.delete_board(&gone).unwrap();
        let mut view = w.view();
        view.meta.organisation = "Salainen Oy".into();
        let json = serde_json::to_string(&super::view(&view)).unwrap();
        for hidden in ["Aino Äänestäjä", "Heikki Isäntä", "Kalle Kommentoija", "Salainen Oy", "Poistettu taulu"] {
            assert!(!json.contains(hidden), "{hidden} stays in the room");
        }
        assert!(json.contains("Kahvila") && json.contains("Mikä auttaa?") && json.contains("Hyvä"), "the group's work leaves");
    }
}
