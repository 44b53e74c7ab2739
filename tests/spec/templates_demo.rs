//! The demo workshop the app opens on first start: fictional, in Finnish, with content
//! on every board kind, and derived results (root causes, loops, rotation, ranking,
//! group means) that show what each board is for.

use std::collections::BTreeSet;

use paja::api::WorkshopFile;
use paja::model::causal_map::LoopKind;
use paja::model::persona::COMPOSITE_NOTE;
use paja::model::service_path::EndpointKind;
use paja::model::{Board, BoardContent, BoardKind, WorkshopView};
use paja::templates::demo;

fn demo_view() -> WorkshopView {
    demo().expect("the demo loads").view()
}

fn board_of(view: &WorkshopView, kind: BoardKind) -> &Board {
    view.boards
        .iter()
        .find(|b| b.content.kind() == kind)
        .unwrap_or_else(|| panic!("a {} board", kind.as_str()))
}

#[test]
fn demo_survives_being_stored_and_reopened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("demo.paja");
    let view = demo_view();
    WorkshopFile::create(&path, demo().unwrap()).expect("the demo can be written to a new file");
    let reopened = WorkshopFile::open(&path).expect("and opened again");
    assert_eq!(
        reopened.view().boards.len(),
        view.boards.len(),
        "every board is stored"
    );
    assert_eq!(reopened.view().meta, view.meta, "the meta data is stored");
}

#[test]
fn demo_has_content_on_every_board_kind() {
    let view = demo_view();
    for kind in BoardKind::ALL {
        let board = board_of(&view, kind);
        assert!(
            board.content.item_count() > 0,
            "the demo shows something on the {} board",
            kind.as_str()
        );
    }
    assert_eq!(view.sessions.len(), 10, "the demo runs through all ten PAKU sessions");
    assert!(!view.comments.is_empty(), "comments are part of the demo");
    assert_eq!(view.meta.version_label, "Versio 1.0", "the demo ends at the model's version 1.0");
}

#[test]
fn demo_causal_map_finds_root_causes_and_both_kinds_of_loop() {
    let view = demo_view();
    let BoardContent::CausalMap(map) = &board_of(&view, BoardKind::CausalMap).content else {
        unreachable!()
    };
    assert!(
        map.root_causes.len() >= 2,
        "two root causes to show, got {:?}",
        map.root_causes
    );
    let kinds: Vec<LoopKind> = map.loops.iter().map(|l| l.kind).collect();
    assert!(
        kinds.contains(&LoopKind::Reinforcing),
        "a vicious circle shows as reinforcing"
    );
    assert!(
        kinds.contains(&LoopKind::Balancing),
        "the companion's correction shows as balancing"
    );
}

#[test]
fn demo_personas_are_full_and_say_they_are_composites() {
    let view = demo_view();
    let BoardContent::Persona(board) = &board_of(&view, BoardKind::Persona).content else {
        unreachable!()
    };
    assert!(board.personas.len() >= 2, "two personas");
    for p in &board.personas {
        assert_eq!(
            p.composite_note, COMPOSITE_NOTE,
            "{}: every persona says it is not a real person",
            p.name
        );
        let fields = [
            &p.name,
            &p.age,
            &p.life_situation,
            &p.support_needs,
            &p.strengths,
            &p.goal,
            &p.how_to_reach,
            &p.services,
            &p.quote,
            &p.value_functional,
            &p.value_social,
            &p.value_emotional,
        ];
        assert!(
            fields.iter().all(|f| !f.trim().is_empty()),
            "{}: every field and the value triad is filled",
            p.name
        );
    }
}

#[test]
fn demo_keeps_finnish_and_swedish_letters() {
    let text = demo_view().to_export();
    for letter in ['ä', 'ö', 'å', 'Å', '—', '−'] {
        assert!(
            text.contains(letter),
            "{letter} survives loading and export"
        );
    }
}

#[test]
fn demo_path_has_emotions_critical_points_and_ends() {
    let view = demo_view();
    let BoardContent::ServicePath(path) = &board_of(&view, BoardKind::ServicePath).content else {
        unreachable!()
    };
    let emotions: BTreeSet<i8> = path.phases.iter().map(|p| p.emotion).collect();
    assert!(
        emotions.contains(&-2) && emotions.contains(&2),
        "the curve spans the whole −2..+2 scale"
    );
    assert!(
        path.cards.iter().any(|c| c.critical),
        "critical points are marked"
    );
    let lanes: BTreeSet<&str> = path.cards.iter().map(|c| c.lane_id.as_str()).collect();
    assert!(lanes.len() >= 5, "cards sit in several lanes");

    assert!(
        path.endpoints.iter().any(|e| e.kind == EndpointKind::Entry),
        "an entry into the path"
    );
    assert!(
        path.endpoints.iter().any(|e| e.kind == EndpointKind::Exit),
        "an exit from it"
    );
}

#[test]
fn demo_cafe_notes_follow_the_rotation() {
    let view = demo_view();
    let BoardContent::Cafe(cafe) = &board_of(&view, BoardKind::Cafe).content else {
        unreachable!()
    };
    for note in &cafe.notes {
        let group = cafe
            .groups
            .iter()
            .position(|g| g.id == note.group_id)
            .expect("the note's group exists");
        let station = cafe
            .station_for(group, note.round)
            .expect("the round exists");
        assert_eq!(
            station.id, note.station_id,
            "a group writes at the station it visits in that round"
        );
    }
    let rounds: BTreeSet<u32> = cafe.notes.iter().map(|n| n.round).collect();
    assert_eq!(
        rounds.into_iter().collect::<Vec<_>>(),
        [1, 2, 3],
        "notes from rounds 1–3"
    );
    assert!(
        cafe.stations.iter().all(|s| !s.summary.is_empty()),
        "every station is harvested"
    );
}

#[test]
fn demo_ideas_and_evaluation_show_votes_and_group_results() {
    let view = demo_view();
    let BoardContent::IdeaWall(wall) = &board_of(&view, BoardKind::IdeaWall).content else {
        unreachable!()
    };
    assert!(
        wall.ideas.len() >= 6 && wall.clusters.len() >= 2,
        "six ideas in two clusters"
    );
    assert!(
        wall.votes.iter().all(|v| v.voter.is_none()),
        "published votes carry no voter"
    );
    assert!(
        wall.ideas.iter().any(|i| i.experiment),
        "one idea is chosen as an experiment"
    );
    assert!(
        wall.ranking[0].votes > wall.ranking[1].votes,
        "a clear winner at the top of the ranking"
    );

    let BoardContent::Evaluation(form) = &board_of(&view, BoardKind::Evaluation).content else {
        unreachable!()
    };
    assert!(form.answers.len() >= 12, "enough answers for results");
    assert!(
        form.results.iter().all(|r| r.client_mean.is_some()),
        "six clients answered, so their mean shows"
    );
    assert!(
        form.results.iter().all(|r| r.professional_mean.is_none()),
        "four professionals are too few to be shown apart"
    );
}
