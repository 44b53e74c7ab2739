//! Workshops for the export tests and the export benchmark, and the PDF tools that read
//! the results back (poppler-utils, qpdf).
#![allow(dead_code)]

use paja::model::cafe::{CafeBoard, CafeGroup, CafeNote, Station};
use paja::model::causal_map::{CausalLink, CausalMapBoard, CausalNode, NodeRole, Polarity};
use paja::model::evaluation::{Answer, EvalItem, EvaluationBoard, RespondentGroup};
use paja::model::free::{FreeBoard, FreeCard};
use paja::model::idea_wall::{Idea, IdeaWallBoard, Vote};
use paja::model::persona::{Persona, PersonaBoard};
use paja::model::quality_criteria::{Criterion, QualityArea, QualityBoard};
use paja::model::service_path::{DEFAULT_LANES, Lane, PathCard, Phase, ServicePathBoard};
use paja::model::session::{Comment, Meta, Session, Step};
use paja::model::{Board, BoardContent, Pos, Workshop, WorkshopView};
use std::path::Path;
use std::process::Command;

fn board(id: &str, title: &str, order: f64, content: BoardContent) -> Board {
    Board {
        id: id.into(),
        title: title.into(),
        session_id: None,
        archived: false,
        order,
        content,
    }
}

fn pos(x: f64, y: f64) -> Pos {
    Pos { x, y }
}

/// The projection the core derives (root causes, loops, ranking, results) for `view`.
pub fn derived(view: &WorkshopView) -> WorkshopView {
    let mut w = Workshop::new();
    w.replace_with(view).expect("a built view is valid");
    w.view()
}

pub fn persona(id: &str, name: &str, age: &str, avatar: &str, life: &str) -> Persona {
    Persona {
        id: id.into(),
        name: name.into(),
        age: age.into(),
        avatar: Some(avatar.into()),
        life_situation: life.into(),
        support_needs: "Apua arjen asioiden hoitamiseen ja lomakkeiden täyttämiseen.".into(),
        strengths: "Sinnikäs, hyvä käsistään, läheinen sisko.".into(),
        goal: "Pääsee työkokeiluun ja pärjää omillaan.".into(),
        how_to_reach: "Yksi tuttu työntekijä, joka kulkee rinnalla koko polun ajan.".into(),
        services: "TE-palvelut, Kela, aikuissosiaalityö".into(),
        quote: "Haluaisin, että joku kysyisi, mitä minä itse haluan.".into(),
        value_functional: "Asiat hoituvat yhdellä käynnillä.".into(),
        value_social: "Kuuluu johonkin porukkaan.".into(),
        value_emotional: "Tuntee olevansa kuultu ja arvostettu.".into(),
        ..Default::default()
    }
}

fn service_path() -> ServicePathBoard {
    let names = [
        ("Ensikontakti", "", -1),
        ("Palvelutarpeen arvio", "1 kk", -2),
        ("Väliarviointi", "3 kk", 0),
        ("Työkokeilu", "6 kk", 1),
        ("Loppuarviointi", "12 kk", 2),
    ];
    let phases = names
        .iter()
        .enumerate()
        .map(|(i, (n, d, e))| Phase {
            id: format!("ph{i}"),
            name: n.to_string(),
            duration: d.to_string(),
            emotion: *e,
            order: i as f64,
        })
        .collect();
    let lanes = DEFAULT_LANES
        .iter()
        .enumerate()
        .map(|(i, (role, name))| Lane {
            id: format!("ln{i}"),
            name: name.to_string(),
            role: *role,
            order: i as f64,
            ..Default::default()
        })
        .collect();
    let texts = [
        (0, 0, "Åsa soittaa Kelaan ja jonottaa tunnin.", false),
        (
            1,
            0,
            "Sosiaalityöntekijä tekee arvion kotikäynnillä.",
            false,
        ),
        (
            3,
            0,
            "Työkokeilu kirjastossa kolmena päivänä viikossa.",
            false,
        ),
        (0, 1, "Puhelin, verkkoasiointi", false),
        (1, 2, "Sosiaalityö, TE-toimisto, järjestö", false),
        (0, 5, "Lomakkeet ovat vaikeita ymmärtää.", false),
        (
            1,
            6,
            "Tieto ei kulje palveluiden välillä, Åsa kertoo tarinansa viidesti.",
            true,
        ),
        (2, 4, "Oma työntekijä pysyy samana.", false),
        (2, 7, "Yhteinen suunnitelma, jonka kaikki näkevät.", false),
        (4, 8, "Mobiilisovellus ajanvaraukseen", false),
    ];
    let cards = texts
        .iter()
        .enumerate()
        .map(|(i, (p, l, t, c))| PathCard {
            id: format!("pc{i}"),
            phase_id: format!("ph{p}"),
            lane_id: format!("ln{l}"),
            text: t.to_string(),
            critical: *c,
            order: i as f64,
        })
        .collect();
    ServicePathBoard {
        persona_id: Some("pe1".into()),
        phases,
        lanes,
        cards,
        ..Default::default()
    }
}

fn causal_map() -> CausalMapBoard {
    let node = |id: &str, text: &str, role, x, y| CausalNode {
        id: id.into(),
        text: text.into(),
        role,
        pos: pos(x, y),
    };
    let link = |id: &str, from: &str, to: &str, polarity| CausalLink {
        id: id.into(),
        from: from.into(),
        to: to.into(),
        polarity,
        note: String::new(),
    };
    CausalMapBoard {
        central_problem: Some("n1".into()),
        nodes: vec![
            node(
                "n1",
                "Yksinäisyys ja syrjäytyminen",
                NodeRole::Problem,
                420.0,
                260.0,
            ),
            node("n2", "Pitkä työttömyys", NodeRole::Cause, 60.0, 80.0),
            node("n3", "Palvelut pirstaleisia", NodeRole::Cause, 60.0, 420.0),
            node(
                "n4",
                "Toimintakyky heikkenee",
                NodeRole::Effect,
                780.0,
                120.0,
            ),
            node(
                "n5",
                "Vähemmän yhteydenottoja",
                NodeRole::Effect,
                780.0,
                420.0,
            ),
            node("n6", "Vertaistuki", NodeRole::Cause, 420.0, 520.0),
        ],
        links: vec![
            link("l1", "n2", "n1", Polarity::Strengthens),
            link("l2", "n3", "n1", Polarity::Strengthens),
            link("l3", "n1", "n4", Polarity::Strengthens),
            link("l4", "n4", "n5", Polarity::Strengthens),
            link("l5", "n5", "n1", Polarity::Strengthens),
            link("l6", "n6", "n1", Polarity::Weakens),
        ],
        ..Default::default()
    }
}

fn cafe() -> CafeBoard {
    let questions = [
        "Mitä palveluja alueella on?",
        "Mikä auttaa pääsemään eteenpäin?",
        "Mitä verkostoista puuttuu?",
    ];
    let stations = questions
        .iter()
        .enumerate()
        .map(|(i, q)| Station {
            id: format!("st{i}"),
            question: q.to_string(),
            host: format!("Isäntä {i}"),
            summary: format!(
                "Yhteenveto: {q} Ryhmät nostivat esiin yhteistyön ja matalan kynnyksen paikat."
            ),
            order: i as f64,
        })
        .collect();
    let groups = (0..3)
        .map(|g| CafeGroup {
            id: format!("g{g}"),
            name: format!("Ryhmä {}", g + 1),
            order: g as f64,
        })
        .collect();
    let mut notes = Vec::new();
    for round in 1..=3u32 {
        for g in 0..3usize {
            let s = (g + round as usize - 1) % 3;
            notes.push(CafeNote { id: format!("cn{round}{g}"), station_id: format!("st{s}"), group_id: format!("g{g}"), round, text: format!("Ryhmän {} huomio kierroksella {round}: seurakunnan ruoka-apu, järjestöjen kohtaamispaikat ja työpajat.", g + 1), theme: String::new() });
        }
    }
    CafeBoard {
        round_minutes: 15,
        stations,
        groups,
        notes,
        ..Default::default()
    }
}

fn ideas() -> IdeaWallBoard {
    let idea = |i: usize, name: &str, who: &str, what: &str, benefit: &str| Idea {
        id: format!("i{i}"),
        name: name.into(),
        who: who.into(),
        what: what.into(),
        benefit: benefit.into(),
        pos: pos(i as f64 * 280.0, 0.0),
        order: i as f64,
        experiment: i == 1,
        ..Default::default()
    };
    let ideas = vec![
        idea(
            0,
            "Olohuone kirjastoon",
            "Järjestöt ja kirjasto",
            "Avoin paikka, jossa voi istua, kysyä ja tavata.",
            "Matala kynnys tulla mukaan.",
        ),
        idea(
            1,
            "Oma työntekijä",
            "Sosiaalityö ja TE-palvelut",
            "Yksi nimetty työntekijä koko polun ajan.",
            "Tarinaa ei tarvitse kertoa moneen kertaan.",
        ),
        idea(
            2,
            "Selkolomakkeet",
            "Kela ja kunta",
            "Lomakkeet kirjoitetaan selkokielellä.",
            "Useampi saa etuudet ajoissa.",
        ),
    ];
    let mut votes = Vec::new();
    for (idea, count) in [(1, 5), (0, 3), (2, 1)] {
        for v in 0..count {
            votes.push(Vote {
                id: format!("v{idea}{v}"),
                idea_id: format!("i{idea}"),
                voter: Some(format!("Äänestäjä {v}")),
            });
        }
    }
    IdeaWallBoard {
        ideas,
        votes,
        ..Default::default()
    }
}

fn quality() -> QualityBoard {
    let c = |i: usize, area, text: &str, plain: &str| Criterion {
        id: format!("q{i}"),
        area,
        text: text.into(),
        plain: plain.into(),
        order: i as f64,
        ..Default::default()
    };
    QualityBoard {
                        model_id: None,
        criteria: vec![
            c(
                0,
                QualityArea::ClientWork,
                "Asiakkaan oma näkemys tilanteesta kirjataan suunnitelmaan hänen omin sanoin.",
                "Sinun oma mielipiteesi kirjoitetaan suunnitelmaan.",
            ),
            c(
                1,
                QualityArea::ClientWork,
                "Asiakkaalla on nimetty vastuutyöntekijä.",
                "Sinulla on oma työntekijä.",
            ),
            c(
                2,
                QualityArea::Management,
                "Johto varaa aikaa yhteiskehittämiselle.",
                "Työntekijöillä on aikaa kehittää yhdessä.",
            ),
            c(
                3,
                QualityArea::Structures,
                "Tieto siirtyy palveluiden välillä asiakkaan luvalla.",
                "Sinun ei tarvitse kertoa asioitasi monta kertaa.",
            ),
        ],
    }
}

fn evaluation() -> EvaluationBoard {
    let items = vec![
        EvalItem {
                        kind: Default::default(), section: String::new(),
            id: "e1".into(),
            text: "Sain sanoa asiani ja tulin kuulluksi.".into(),
            order: 0.0,
        },
        EvalItem {
                        kind: Default::default(), section: String::new(),
            id: "e2".into(),
            text: "Sain osallistua omalla tavallani.".into(),
            order: 1.0,
        },
    ];
    let mut answers = Vec::new();
    for (n, (item, group, value)) in (0..6)
        .map(|i| ("e1", RespondentGroup::Client, 4 + (i % 2) as u8))
        .chain((0..5).map(|i| ("e1", RespondentGroup::Professional, 3 + (i % 2) as u8)))
        .chain((0..3).map(|_| ("e2", RespondentGroup::Professional, 4)))
        .enumerate()
    {
        answers.push(Answer {
                        second: None, text: String::new(),
            id: format!("a{n}"),
            item_id: item.into(),
            group,
            value,
        });
    }
    EvaluationBoard {
        items,
        answers,
        ..Default::default()
    }
}

/// A demo workshop with content on every board kind, in Finnish with Swedish names.
pub fn demo() -> WorkshopView {
    let step = |i: usize, title: &str, instructions: &str, questions: &[&str]| Step {
        id: format!("sp{i}"),
        title: title.into(),
        instructions: instructions.into(),
        questions: questions.iter().map(|q| q.to_string()).collect(),
        minutes: Some(20 + 5 * i as u32),
        order: i as f64,
        ..Default::default()
    };
    let sessions = vec![
        Session { id: "s1".into(), title: "Alkuvalmennus".into(), date: "2026-02-03".into(), memo: "Ryhmä sopi yhteiset pelisäännöt. Käsitteet palveluohjaus ja varhainen tuki avattiin.".into(), steps: vec![step(0, "Esittäytyminen kuvakorteilla", "Valitse kortti, joka kertoo jotain sinusta.", &[]), step(1, "Oppimiskahvila", "Kiertäkää pisteet ryhmänä. Lukekaa ensin edellisten ryhmien muistiinpanot.", &["Mitä palveluja alueella on?", "Mitä verkostoista puuttuu?"])], order: 0.0 },
        Session { id: "s2".into(), title: "Asiakasymmärrys ja palvelupolut".into(), date: "2026-03-10".into(), memo: "Kaksi persoonaa ja Åsan palvelupolku. Kriittinen piste: tieto ei kulje.".into(), steps: vec![step(2, "Persoonat pienryhmissä", "Luokaa 1–3 persoonaa ja heidän elämäntilanteensa.", &["Mitä muutosta toivotaan?", "Miten siihen päästään?"]), step(3, "Palvelupolku", "Piirtäkää persoonan polku vaiheittain.", &["Mitä persoonalle tapahtui polulla ja sen jälkeen?", "Mikä oli erityisen merkityksellistä tai hyvää, mikä vaikeaa?"])], order: 1.0 },
    ];
    let personas = PersonaBoard {
        personas: vec![
            persona(
                "pe1",
                "Åsa Öberg",
                "34",
                "drawn:2",
                "Åsa asuu yksin vuokrayksiössä Järvilaaksossa. Hän on ollut työttömänä kaksi vuotta ja hoitaa asioitaan enimmäkseen puhelimella.",
            ),
            persona(
                "pe2",
                "Väinö Äijälä",
                "58",
                "drawn:5",
                "Väinö jäi pois työstä selkävaivan takia. Hän on huolissaan toimeentulostaan ja kaipaa tekemistä.",
            ),
        ],
    };
    let view = WorkshopView {
        format: paja::model::FORMAT,
        meta: Meta {
            title: "Järvilaakson työpaja".into(),
            organisation: "Järvilaakson hyvinvointialue".into(),
            language: "fi".into(),
            version_label: "Malliluonnos 0.3".into(),
        },
        sessions,
        boards: vec![
            board("b1", "Persoonat", 0.0, BoardContent::Persona(personas)),
            board(
                "b2",
                "Åsan palvelupolku",
                1.0,
                BoardContent::ServicePath(service_path()),
            ),
            board(
                "b3",
                "Yksinäisyyden syyt",
                2.0,
                BoardContent::CausalMap(causal_map()),
            ),
            board(
                "b4",
                "Oppimiskahvila: verkostot",
                3.0,
                BoardContent::Cafe(cafe()),
            ),
            board("b5", "Ideaseinä", 4.0, BoardContent::IdeaWall(ideas())),
            board(
                "b6",
                "Laatukriteerit",
                5.0,
                BoardContent::QualityCriteria(quality()),
            ),
            board("b7", "Palaute", 6.0, BoardContent::Evaluation(evaluation())),
            board(
                "b8",
                "Vapaa taulu",
                7.0,
                BoardContent::Free(FreeBoard {
                    cards: vec![
                        FreeCard {
                        picture: None,
                            id: "f1".into(),
                            text: "Muistilista: tilavaraus, kahvit, selkoesitteet".into(),
                            color: "yellow".into(),
                            pos: pos(0.0, 0.0),
                        },
                        FreeCard {
                        picture: None,
                            id: "f2".into(),
                            text: "Seuraavaksi: pilotti kevät 2026".into(),
                            color: "green".into(),
                            pos: pos(240.0, 60.0),
                        },
                        FreeCard {
                        picture: None,
                            id: "f3".into(),
                            text: "På svenska: vi träffas på måndag i Åbo.".into(),
                            color: "blue".into(),
                            pos: pos(480.0, 0.0),
                        },
                    ],
                }),
            ),
        ],
        comments: vec![Comment {
            id: "c1".into(),
            board_id: "b5".into(),
            target_id: "i1".into(),
            text: "Tämä auttaisi minua eniten.".into(),
            author: "Björn Åkerlund".into(),
            created_at: "2026-03-10T10:00:00Z".into(),
            ..Default::default()
        }],
        control: Default::default(),
        trash: Vec::new(),
    };
    derived(&view)
}

/// A workshop with about `cards` text items spread over free boards, idea walls and
/// service paths, for measuring how export grows.
pub fn with_cards(cards: usize) -> WorkshopView {
    let mut view = demo();
    let per_board = 50;
    for b in 0..cards.div_ceil(per_board) {
        let n = per_board.min(cards - b * per_board);
        let content = match b % 2 {
            0 => BoardContent::Free(FreeBoard { cards: (0..n).map(|i| FreeCard { id: format!("f{b}-{i}"), text: format!("Kortti {i}: äänekäs öljykäsittely, Åbo ja Östersund — ajatus numero {i}."), color: "yellow".into(), picture: None, pos: pos((i % 10) as f64 * 230.0, (i / 10) as f64 * 120.0) }).collect() }),
            _ => BoardContent::IdeaWall(IdeaWallBoard { ideas: (0..n).map(|i| Idea { id: format!("i{b}-{i}"), name: format!("Idea {i} äöå"), who: "Järjestöt".into(), what: "Mitä siinä tapahtuu: paljon.".into(), benefit: "Hyöty kaikille.".into(), order: i as f64, ..Default::default() }).collect(), ..Default::default() }),
        };
        view.boards.push(board(
            &format!("big{b}"),
            &format!("Taulu {b}"),
            10.0 + b as f64,
            content,
        ));
    }
    derived(&view)
}

/// Runs a tool on a file and returns its standard output; panics with the tool's
/// message when it fails, since the test cannot go on without it.
pub fn run(tool: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("{tool} must be installed (poppler-utils, qpdf): {e}"));
    assert!(
        out.status.success(),
        "{tool} accepts the file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// pdftotext's text of the whole PDF, with layout preserved as lines.
pub fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed (poppler-utils)");
    assert!(out.status.success(), "pdftotext reads the PDF");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Page count from pdfinfo.
pub fn pages(pdf: &Path) -> usize {
    run("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| {
            l.strip_prefix("Pages:")
                .map(|n| n.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0)
}

/// Text with every run of whitespace made one space, for comparing wrapped output.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
