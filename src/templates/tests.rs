use super::*;
use crate::model::{
    BoardContent, Pos,
    causal_map::NodeRole,
    schema::{COMPUTED_KEYS, REFERENCE_KEYS},
    service_path::DEFAULT_LANES,
};
use std::collections::BTreeSet;

/// Every template file, by name, as embedded.
fn sources() -> Vec<(String, &'static str)> {
    let mut all = vec![
        ("paku".to_string(), Template::Paku.source().unwrap()),
        ("demo".to_string(), DEMO),
    ];
    for kind in BoardKind::ALL {
        all.push((format!("boards/{}", kind.as_str()), starter_source(kind)));
    }
    for (kind, name, source) in VARIANTS {
        all.push((format!("boards/{}_{name}", kind.as_str()), source));
    }
    all
}

fn paku() -> WorkshopView {
    workshop(Template::Paku, None)
        .expect("the PAKU template loads")
        .view()
}

fn demo_view() -> WorkshopView {
    demo().expect("the demo loads").view()
}

fn board_of(view: &WorkshopView, kind: BoardKind) -> &Board {
    view.boards
        .iter()
        .find(|b| b.content.kind() == kind)
        .unwrap_or_else(|| panic!("a {} board", kind.as_str()))
}

fn is_uuid(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok()
}

/// Every string under an "id" key, anywhere.
fn ids(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(obj) => {
            for (key, child) in obj {
                match child {
                    Value::String(id) if key == "id" => out.push(id.clone()),
                    _ => ids(child, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| ids(i, out)),
        _ => {}
    }
}

#[test]
fn every_template_file_is_valid_json_of_its_type() {
    for (name, text) in sources() {
        let value = parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        if name.starts_with("boards/") {
            serde_json::from_value::<Board>(value)
                .unwrap_or_else(|e| panic!("{name} is a Board: {e}"));
        } else {
            WorkshopView::from_export(text)
                .unwrap_or_else(|e| panic!("{name} is a WorkshopView: {e}"));
        }
    }
}

#[test]
fn every_template_loads_into_a_workshop() {
    for template in Template::ALL {
        let view = workshop(template, None)
            .unwrap_or_else(|e| panic!("{}: {e}", template.as_str()))
            .view();
        assert_eq!(
            view.meta.language,
            "fi",
            "{}: templates are written in Finnish",
            template.as_str()
        );
    }
    assert!(!demo_view().boards.is_empty(), "the demo has boards");
    for kind in BoardKind::ALL {
        let board = starter(kind, None).unwrap_or_else(|e| panic!("{}: {e}", kind.as_str()));
        let mut w = Workshop::new();
        let id = w
            .add_board(&board)
            .expect("a starter is ready for add_board");
        let added = w.board(&id).unwrap().content;
        assert_eq!(
            added.item_count(),
            board.content.item_count(),
            "{}: add_board keeps the content",
            kind.as_str()
        );
    }
}

#[test]
fn template_names_parse_both_ways() {
    for template in Template::ALL {
        assert_eq!(
            Template::parse(template.as_str()),
            Some(template),
            "as_str and parse agree"
        );
    }
    assert_eq!(
        "paku".parse::<Template>().unwrap(),
        Template::Paku,
        "FromStr reads the name"
    );
    assert!(
        "paku2".parse::<Template>().is_err(),
        "an unknown name is refused, not guessed"
    );
}

#[test]
fn a_given_title_replaces_the_template_title() {
    let view = workshop(Template::Paku, Some("Kehittäjäryhmä Åbo"))
        .unwrap()
        .view();
    assert_eq!(
        view.meta.title, "Kehittäjäryhmä Åbo",
        "the caller names the new workshop"
    );
    assert_eq!(
        view.sessions.len(),
        10,
        "the title does not change the content"
    );
}

#[test]
fn the_empty_template_holds_only_meta() {
    let view = workshop(Template::Empty, None).unwrap().view();
    assert_eq!(
        view.meta.title, UNTITLED,
        "an untitled blank workshop still has a readable title"
    );
    assert_eq!(
        view.meta.language, "fi",
        "a blank workshop is Finnish by default"
    );
    assert!(
        view.sessions.is_empty() && view.boards.is_empty(),
        "nothing but meta"
    );
}

#[test]
fn templates_write_no_computed_fields() {
    fn check(name: &str, value: &Value) {
        match value {
            Value::Object(obj) => {
                for (key, child) in obj {
                    assert!(
                        !COMPUTED_KEYS.contains(&key.as_str()),
                        "{name}: \"{key}\" is derived by the core"
                    );
                    check(name, child);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| check(name, i)),
            _ => {}
        }
    }
    for (name, text) in sources() {
        check(&name, &parse(text).unwrap());
    }
}

#[test]
fn readable_ids_appear_only_as_ids_and_references() {
    // A readable id equal to an ordinary value (a lane role, a language) would be
    // rewritten there too; this keeps template authors from that trap.
    let refs: BTreeSet<&str> = REFERENCE_KEYS
        .iter()
        .map(|(k, _)| *k)
        .chain([
            "id",
            "persona_id",
            "board_id",
            "central_problem",
            "target_id",
            "current_session",
            "current_step",
            "locked",
        ])
        .collect();
    fn check(name: &str, key: &str, value: &Value, all: &BTreeSet<String>, refs: &BTreeSet<&str>) {
        match value {
            Value::String(s) if all.contains(s) && !is_prose(key) => {
                assert!(
                    refs.contains(key),
                    "{name}: \"{s}\" under \"{key}\" equals an id but is not a reference"
                )
            }
            Value::Object(obj) => obj.iter().for_each(|(k, v)| check(name, k, v, all, refs)),
            Value::Array(items) => items.iter().for_each(|v| check(name, key, v, all, refs)),
            _ => {}
        }
    }
    for (name, text) in sources() {
        let value = parse(text).unwrap();
        let mut found = Vec::new();
        ids(&value, &mut found);
        let all: BTreeSet<String> = found.iter().cloned().collect();
        assert_eq!(
            all.len(),
            found.len(),
            "{name}: readable ids are unique in the whole file"
        );
        check(&name, "", &value, &all, &refs);
    }
}

#[test]
fn loading_gives_fresh_uuid_ids_and_keeps_references() {
    let first = demo_view();
    let second = demo_view();
    let mut a = Vec::new();
    ids(&serde_json::to_value(&first).unwrap(), &mut a);
    let mut b = Vec::new();
    ids(&serde_json::to_value(&second).unwrap(), &mut b);
    assert!(
        a.iter().all(|id| is_uuid(id)),
        "every readable id was replaced by a UUID"
    );
    let a: BTreeSet<_> = a.into_iter().collect();
    assert!(
        b.iter().all(|id| !a.contains(id)),
        "two loads share no id, so both can live in one document"
    );

    let BoardContent::ServicePath(path) = &board_of(&first, BoardKind::ServicePath).content else {
        unreachable!()
    };
    let BoardContent::Persona(personas) = &board_of(&first, BoardKind::Persona).content else {
        unreachable!()
    };
    let persona = path
        .persona_id
        .as_deref()
        .expect("the demo path belongs to a persona");
    assert!(
        personas.personas.iter().any(|p| p.id == persona),
        "persona_id follows the persona's new id"
    );
    let phases: BTreeSet<&str> = path.phases.iter().map(|p| p.id.as_str()).collect();
    assert!(
        path.cards
            .iter()
            .all(|c| phases.contains(c.phase_id.as_str())),
        "cards follow their phases' new ids"
    );
    for comment in &first.comments {
        assert!(
            first.board(&comment.board_id).is_some(),
            "a comment's board_id follows the board"
        );
    }

    let one = starter(BoardKind::Cafe, None).unwrap();
    let two = starter(BoardKind::Cafe, None).unwrap();
    assert_ne!(
        one.id, two.id,
        "two starters of one kind can sit in one workshop"
    );
    assert!(is_uuid(&one.id), "a starter's id is a UUID");
}

#[test]
fn paku_has_sessions_one_to_ten_in_order_with_guided_steps() {
    let view = paku();
    assert_eq!(
        view.sessions.len(),
        10,
        "PAKU groups meet in ten sessions, 1–10"
    );
    for (n, session) in view.sessions.iter().enumerate() {
        let number = format!("{}. ", n + 1);
        assert!(
            session.title.starts_with(&number),
            "session {} is in place, got {:?}",
            n + 1,
            session.title
        );
        assert!(
            !session.steps.is_empty(),
            "{}: a session has an agenda",
            session.title
        );
        for step in &session.steps {
            let what = format!("{} / {}", session.title, step.title);
            assert!(
                !step.instructions.trim().is_empty(),
                "{what}: everyone sees what to do"
            );
            assert!(
                !step.questions.is_empty(),
                "{what}: support questions guide the talk"
            );
            assert!(
                step.minutes.is_some_and(|m| m > 0),
                "{what}: the facilitator's timer needs minutes"
            );
        }
    }
    let orders: Vec<f64> = view.sessions.iter().map(|s| s.order).collect();
    assert!(
        orders.windows(2).all(|w| w[0] < w[1]),
        "sessions are ordered 1..10"
    );
}

#[test]
fn paku_uses_the_method_s_own_questions_and_habits() {
    let view = paku();
    let questions: Vec<&str> = view
        .sessions
        .iter()
        .flat_map(|s| &s.steps)
        .flat_map(|s| &s.questions)
        .map(String::as_str)
        .collect();
    for seed in [
        "Mitä käyttäjäpersoonalle on tapahtunut palvelupolulla ja sen jälkeen?",
        "Mikä palvelupolulla on ollut erityisen merkityksellistä, hyvää ja mikä vaikeaa?",
        "Millaista muutosta tilanteeseen halutaan?",
        "Idean nimi?",
    ] {
        assert!(
            questions.contains(&seed),
            "the seed's support question {seed:?} is asked"
        );
    }
    let instructions: Vec<&str> = view
        .sessions
        .iter()
        .flat_map(|s| &s.steps)
        .map(|s| s.instructions.as_str())
        .collect();
    assert!(
        instructions.iter().filter(|i| i.contains("hiljaa")).count() >= 3,
        "silent writing before discussion is a habit, not a one-off"
    );
    let titles: Vec<&str> = view
        .sessions
        .iter()
        .flat_map(|s| &s.steps)
        .map(|s| s.title.as_str())
        .collect();
    for evaluation in ["Alkuarviointi", "Väliarviointi"] {
        assert!(
            titles.iter().any(|t| t.contains(evaluation)),
            "evaluation at start and middle: {evaluation}"
        );
    }
    assert!(
        titles.iter().any(|t| t.contains("Loppuarviointi")),
        "and at the end"
    );
}

#[test]
fn paku_boards_sit_in_their_sessions() {
    let view = paku();
    let session_of = |kind: BoardKind| -> Vec<usize> {
        view.boards
            .iter()
            .filter(|b| b.content.kind() == kind)
            .map(|b| {
                let id = b
                    .session_id
                    .as_deref()
                    .expect("every PAKU board belongs to a session");
                view.sessions
                    .iter()
                    .position(|s| s.id == id)
                    .expect("the session exists")
                    + 1
            })
            .collect()
    };
    assert_eq!(
        session_of(BoardKind::Cafe),
        vec![1],
        "the learning café maps networks at kick-off"
    );
    assert_eq!(
        session_of(BoardKind::Persona),
        vec![2],
        "personas build client understanding"
    );
    assert_eq!(
        session_of(BoardKind::ServicePath),
        vec![3],
        "paths are drawn in session 3"
    );
    assert_eq!(
        session_of(BoardKind::CausalMap),
        vec![4],
        "the causal map is part of the debrief"
    );
    assert_eq!(
        session_of(BoardKind::QualityCriteria),
        vec![8],
        "criteria come once the models exist"
    );
    assert_eq!(
        session_of(BoardKind::Evaluation).len(),
        3,
        "evaluation at start, middle and end"
    );
}

#[test]
fn every_starter_has_its_kind_and_session() {
    for kind in BoardKind::ALL {
        let board = starter(kind, Some("session-x")).unwrap();
        assert_eq!(
            board.content.kind(),
            kind,
            "the file for {} holds that kind",
            kind.as_str()
        );
        assert_eq!(
            board.session_id.as_deref(),
            Some("session-x"),
            "the starter joins the given session"
        );
        assert!(
            !board.title.is_empty(),
            "{}: a starter has a Finnish title",
            kind.as_str()
        );
        assert_eq!(board.order, 0.0, "order 0 lets add_board put it last");
    }
    assert_eq!(
        starter(BoardKind::Free, None).unwrap().session_id,
        None,
        "no session when none is given"
    );
}

#[test]
fn starters_hold_the_method_s_structure() {
    let content = |kind| starter(kind, None).unwrap().content;

    let BoardContent::Persona(b) = content(BoardKind::Persona) else {
        unreachable!()
    };
    assert_eq!(
        b.personas.len(),
        1,
        "one empty persona to fill in; the UI shows the prompts"
    );

    let BoardContent::ServicePath(b) = content(BoardKind::ServicePath) else {
        unreachable!()
    };
    let lanes: Vec<_> = b.lanes.iter().map(|l| (l.role, l.name.as_str())).collect();
    assert_eq!(
        lanes,
        DEFAULT_LANES.to_vec(),
        "the nine default lanes, in the method's order"
    );
    let durations: Vec<&str> = b.phases.iter().map(|p| p.duration.as_str()).collect();
    assert_eq!(
        durations,
        ["", "1 kk", "3 kk", "6 kk", "9 kk", "12 kk"],
        "seed 004's review points"
    );

    let BoardContent::CausalMap(b) = content(BoardKind::CausalMap) else {
        unreachable!()
    };
    let problem = b.central_problem.clone().expect("a central problem");
    assert!(
        b.nodes
            .iter()
            .any(|n| n.id == problem && n.role == NodeRole::Problem),
        "the problem is a node"
    );
    assert_eq!(
        b.nodes.iter().filter(|n| n.role == NodeRole::Why).count(),
        5,
        "ask why five times"
    );
    let mut at = problem.clone();
    for _ in 0..5 {
        at = b
            .links
            .iter()
            .find(|l| l.to == at)
            .map(|l| l.from.clone())
            .expect("each why explains the one before");
    }
    assert!(
        b.links.iter().all(|l| l.to != at),
        "the chain ends at the fifth why"
    );

    let BoardContent::Cafe(b) = content(BoardKind::Cafe) else {
        unreachable!()
    };
    assert_eq!(b.stations.len(), 3, "three stations");
    assert_eq!(b.groups.len(), 3, "three groups rotate through them");
    assert!(
        b.stations
            .iter()
            .all(|s| s.question.is_empty() && s.host.is_empty()),
        "the facilitator writes these"
    );

    let BoardContent::IdeaWall(b) = content(BoardKind::IdeaWall) else {
        unreachable!()
    };
    let idea = b.ideas.first().expect("one example idea card");
    assert!(
        [&idea.name, &idea.who, &idea.what, &idea.benefit]
            .iter()
            .all(|f| !f.is_empty()),
        "the example shows all four fields of the idea card"
    );

    let BoardContent::QualityCriteria(b) = content(BoardKind::QualityCriteria) else {
        unreachable!()
    };
    let areas: BTreeSet<_> = b.criteria.iter().map(|c| format!("{:?}", c.area)).collect();
    assert_eq!(areas.len(), 3, "client work, management and structures");
    assert!(
        b.criteria.iter().all(|c| !c.plain.is_empty()),
        "every criterion has a plain-language version"
    );

    let BoardContent::Evaluation(b) = content(BoardKind::Evaluation) else {
        unreachable!()
    };
    let texts: Vec<&str> = b.items.iter().map(|i| i.text.as_str()).collect();
    assert!(
        texts.contains(&"Sain sanoa asiani ja tulin kuulluksi."),
        "the seed's first item"
    );
    assert!(
        texts.contains(&"Sain osallistua omalla tavallani."),
        "the seed's second item"
    );
    assert!(b.answers.is_empty(), "a starter form has no answers");
}

#[test]
fn starters_place_items_on_the_canvas() {
    let BoardContent::CausalMap(b) = starter(BoardKind::CausalMap, None).unwrap().content else {
        unreachable!()
    };
    let places: BTreeSet<(i64, i64)> = b
        .nodes
        .iter()
        .map(|n| (n.pos.x as i64, n.pos.y as i64))
        .collect();
    assert_eq!(
        places.len(),
        b.nodes.len(),
        "no two nodes are stacked on one spot"
    );
    assert!(
        b.nodes.iter().all(|n| n.pos != Pos::default()),
        "nodes are laid out, not piled at the origin"
    );
}

#[test]
fn every_silent_writing_step_of_paku_has_a_board_that_takes_silent_writing() {
    let view = paku();
    let steps = view.sessions.iter().flat_map(|s| &s.steps);
    let silent: Vec<_> = steps.filter(|s| s.instructions.contains("hiljaa")).collect();
    assert!(silent.len() >= 5, "the habit is there to check");
    for step in silent {
        let board = view.board(&step.board_id).unwrap_or_else(|| panic!("{:?} names a board", step.title));
        assert!(
            matches!(board.content.kind(), BoardKind::Free | BoardKind::IdeaWall),
            "{:?} writes on a board silent writing works on, not a {:?}",
            step.title,
            board.content.kind()
        );
    }
}

#[test]
fn pakus_service_path_leaves_its_phases_for_the_group_to_name() {
    let view = paku();
    let path = view.boards.iter().find_map(|b| match &b.content {
        crate::model::BoardContent::ServicePath(p) => Some(p),
        _ => None,
    });
    let names: Vec<&str> = path.expect("a service path").phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Vaihe 1", "Vaihe 2", "Vaihe 3"], "not a coordinator's follow-up visits");
}

#[test]
fn every_board_a_paku_step_works_on_is_in_the_same_session() {
    let view = paku();
    for session in &view.sessions {
        for step in session.steps.iter().filter(|s| !s.board_id.is_empty()) {
            let board = view.board(&step.board_id).unwrap_or_else(|| panic!("{:?}'s board exists", step.title));
            let same = board.session_id.as_deref() == Some(session.id.as_str());
            // A step may go back to an earlier session's board (the personas, the path).
            let earlier = view.sessions.iter().take_while(|s| s.id != session.id).any(|s| board.session_id.as_deref() == Some(s.id.as_str()));
            assert!(same || earlier, "{:?} works on a board of its own or an earlier session", step.title);
        }
    }
}
