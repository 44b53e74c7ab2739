//! A workshop with content on every board kind, built through the typed API.

use paja::model::cafe::{CafeGroup, CafeNote, Station};
use paja::model::control::Voting;
use paja::model::causal_map::{CausalLink, CausalNode, NodeRole, Polarity};
use paja::model::evaluation::{Answer, EvalItem, RespondentGroup};
use paja::model::free::FreeCard;
use paja::model::idea_wall::{Idea, Vote};
use paja::model::persona::Persona;
use paja::model::quality_criteria::Criterion;
use paja::model::service_path::{Lane, PathCard, Phase};
use paja::model::session::{Comment, Session, Step};
use paja::model::{BoardKind, Pos, Workshop};

pub fn rich() -> Workshop {
    let mut w = Workshop::new();
    w.update_meta(|m| {
        m.title = "Järvilaakson työpaja".into();
        m.language = "fi".into();
    })
    .unwrap();
    let s = w.add_session(&Session { title: "Alkuvalmennus".into(), ..Default::default() }).unwrap();
    let step = Step {
        title: "Oppimiskahvila".into(),
        instructions: "Kierrä pisteet ryhmänä.".into(),
        questions: vec!["Mitä tarvitsette?".into()],
        minutes: Some(45),
        ..Default::default()
    };
    w.add_step(&s, &step).unwrap();
    let persona_board = w.create_board(BoardKind::Persona, "Persoonat", Some(&s)).unwrap();
    let persona = w
        .add(&persona_board, &Persona { name: "Åsa Öberg".into(), goal: "Löytää työtä".into(), ..Default::default() })
        .unwrap();
    let path = w.create_board(BoardKind::ServicePath, "Åsan polku", Some(&s)).unwrap();
    w.update_board(&path, |b| {
        if let paja::model::BoardContent::ServicePath(p) = &mut b.content {
            p.persona_id = Some(persona.clone());
        }
    })
    .unwrap();
    let phase = w.add(&path, &Phase { name: "Alku".into(), emotion: -1, ..Default::default() }).unwrap();
    let lane = w.add(&path, &Lane { name: "Mitä tapahtuu".into(), ..Default::default() }).unwrap();
    w.add(&path, &PathCard { phase_id: phase, lane_id: lane, text: "Soitto Kelaan".into(), critical: true, ..Default::default() }).unwrap();
    let map = w.create_board(BoardKind::CausalMap, "Syyt", Some(&s)).unwrap();
    let problem = w.add(&map, &CausalNode { text: "Yksinäisyys".into(), role: NodeRole::Problem, ..Default::default() }).unwrap();
    let cause = w.add(&map, &CausalNode { text: "Työttömyys".into(), pos: Pos { x: 100.0, y: 40.0 }, ..Default::default() }).unwrap();
    w.add(&map, &CausalLink { from: cause, to: problem.clone(), polarity: Polarity::Strengthens, ..Default::default() }).unwrap();
    w.update_board(&map, |b| {
        if let paja::model::BoardContent::CausalMap(m) = &mut b.content {
            m.central_problem = Some(problem.clone());
        }
    })
    .unwrap();
    let cafe = w.create_board(BoardKind::Cafe, "Kahvila", Some(&s)).unwrap();
    let station = w.add(&cafe, &Station { question: "Mikä auttaa?".into(), ..Default::default() }).unwrap();
    let group = w.add(&cafe, &CafeGroup { name: "Ryhmä 1".into(), ..Default::default() }).unwrap();
    w.add(&cafe, &CafeNote { station_id: station, group_id: group, round: 1, text: "Vertaistuki".into(), ..Default::default() }).unwrap();
    let ideas = w.create_board(BoardKind::IdeaWall, "Ideat", Some(&s)).unwrap();
    let idea = w.add(&ideas, &Idea { name: "Olohuone".into(), who: "Järjestöt".into(), ..Default::default() }).unwrap();
    w.add(&ideas, &Vote { idea_id: idea, ..Default::default() }).unwrap();
    let quality = w.create_board(BoardKind::QualityCriteria, "Laatukriteerit", None).unwrap();
    w.add(&quality, &Criterion { text: "Asiakas osallistuu.".into(), plain: "Sinä päätät.".into(), ..Default::default() }).unwrap();
    let eval = w.create_board(BoardKind::Evaluation, "Palaute", None).unwrap();
    let item = w.add(&eval, &EvalItem { text: "Tulin kuulluksi".into(), ..Default::default() }).unwrap();
    w.add(&eval, &Answer { item_id: item, group: RespondentGroup::Professional, value: 4, ..Default::default() }).unwrap();
    let free = w.create_board(BoardKind::Free, "Vapaa", None).unwrap();
    w.add(&free, &FreeCard { text: "Muistiin: ääni".into(), color: "yellow".into(), ..Default::default() }).unwrap();
    w.add_comment(&Comment { board_id: free, text: "Hyvä!".into(), ..Default::default() }).unwrap();
    let voting = Voting { board: ideas.clone(), budget: 3, hidden: true, revealed: false };
    w.update_control(|c| c.voting = Some(voting)).unwrap();
    w
}
