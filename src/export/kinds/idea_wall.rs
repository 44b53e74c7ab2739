//! Ideas ranked by votes, with the four fields of the idea card; voters only when names
//! were opted in.

use super::{Ctx, Push};
use crate::export::fonts::Metrics;
use crate::export::pdf::layout::{A4, Layout, Style};
use crate::export::pdf::table::Table;
use crate::export::scene::{self, Scene};
use crate::model::idea_wall::{Decision, ExperimentStatus, Idea, IdeaWallBoard};
use crate::model::{Board, BoardContent, WorkshopView};

/// The four questions of the idea card, with each idea's answers.
pub fn fields(i: &Idea) -> [(&'static str, &str); 4] {
    [
        ("Idean nimi", &i.name),
        ("Kuka toteuttaa", &i.who),
        ("Mitä tapahtuu", &i.what),
        ("Mitä hyötyä", &i.benefit),
    ]
}

fn ranked(b: &IdeaWallBoard) -> Vec<(&Idea, u32)> {
    b.ranking
        .iter()
        .filter_map(|r| {
            b.ideas
                .iter()
                .find(|i| i.id == r.idea_id)
                .map(|i| (i, r.votes))
        })
        .collect()
}

fn name_cell(b: &IdeaWallBoard, i: &Idea) -> String {
    let mut cell = i.name.clone();
    if let Some(c) = i
        .cluster_id
        .as_ref()
        .and_then(|id| b.clusters.iter().find(|c| &c.id == id))
    {
        cell.push_str(&format!("\nRyhmä: {}", c.name));
    }
    if i.experiment {
        cell.push_str("\nValittu kokeiluun");
    }
    cell
}

pub fn section(l: &mut Layout, board: &Board, b: &IdeaWallBoard, ctx: &Ctx) {
    l.page(A4);
    l.heading(&board.title, 1);
    l.paragraph(
        "Ideat äänimäärän mukaan, eniten ääniä saanut ensin.",
        Style::NOTE,
    );
    let rows: Vec<Vec<String>> = ranked(b)
        .iter()
        .enumerate()
        .map(|(n, (i, votes))| {
            vec![
                (n + 1).to_string(),
                name_cell(b, i),
                i.who.clone(),
                i.what.clone(),
                i.benefit.clone(),
                votes.to_string(),
            ]
        })
        .collect();
    let header = [
        "#",
        "Idean nimi",
        "Kuka toteuttaa",
        "Mitä tapahtuu",
        "Mitä hyötyä",
        "Ääniä",
    ];
    Table {
        shares: &[0.05, 0.2, 0.18, 0.24, 0.24, 0.09],
        header: &header,
    }
    .draw(l, &rows);
    if ctx.opts.include_names {
        voters(l, b);
    }
}

fn voters(l: &mut Layout, b: &IdeaWallBoard) {
    l.heading("Äänestäjät", 2);
    for (idea, _) in ranked(b) {
        let names: Vec<&str> = b
            .votes
            .iter()
            .filter(|v| v.idea_id == idea.id)
            .filter_map(|v| v.voter.as_deref())
            .collect();
        if !names.is_empty() {
            l.bullet(&format!("{}: {}", idea.name, names.join(", ")), Style::BODY);
        }
    }
}

pub fn scene(b: &IdeaWallBoard, m: &Metrics) -> Scene {
    let mut s = Scene::default();
    let unplaced = scene::unplaced(b.ideas.iter().map(|i| &i.pos));
    let votes = |id: &str| {
        b.ranking
            .iter()
            .find(|r| r.idea_id == id)
            .map(|r| r.votes)
            .unwrap_or(0)
    };
    for (n, i) in b.ideas.iter().enumerate() {
        let (x, y) = if unplaced {
            scene::grid(n, 4, (260.0, 200.0))
        } else {
            (i.pos.x as f32, i.pos.y as f32)
        };
        let text = format!(
            "{}\nKuka: {}\nMitä: {}\nHyöty: {}\nÄäniä: {}",
            i.name,
            i.who,
            i.what,
            i.benefit,
            votes(&i.id)
        );
        let fill = if i.experiment {
            scene::GREEN
        } else {
            scene::YELLOW
        };
        s.card(m, &i.id, (x, y, 260.0), &text, fill);
    }
    s
}

pub fn rows(b: &IdeaWallBoard, push: &mut Push) {
    for i in &b.ideas {
        for (label, value) in fields(i) {
            push("idea", &i.id, label, value);
        }
        if i.experiment {
            for (label, value) in experiment_fields(i) {
                push("idea", &i.id, label, &value);
            }
        }
    }
    for c in &b.clusters {
        push("cluster", &c.id, "Ryhmä", &c.name);
    }
}

/// The report's title for all experiments together.
pub const EXPERIMENTS_TITLE: &str = "Kokeilut";

/// Every idea chosen to be tried out, idea wall by idea wall, archived boards left out.
pub fn experiments(view: &WorkshopView) -> Vec<&Idea> {
    let walls = view.boards.iter().filter(|b| !b.archived).filter_map(|b| match &b.content {
        BoardContent::IdeaWall(wall) => Some(wall),
        _ => None,
    });
    walls.flat_map(|w| w.ideas.iter().filter(|i| i.experiment)).collect()
}

fn status_label(status: ExperimentStatus) -> &'static str {
    match status {
        ExperimentStatus::Planned => "Suunniteltu",
        ExperimentStatus::Running => "Käynnissä",
        ExperimentStatus::Done => "Valmis",
        ExperimentStatus::Stopped => "Keskeytetty",
    }
}

fn decision_label(decision: Option<Decision>) -> &'static str {
    match decision {
        None => "Ei vielä päätöstä",
        Some(Decision::Keep) => "Jatkamme",
        Some(Decision::Change) => "Muutamme ja kokeilemme uudelleen",
        Some(Decision::Drop) => "Lopetamme",
    }
}

/// An experiment's plan beyond the idea card, how it went, and what was decided.
fn experiment_fields(i: &Idea) -> [(&'static str, String); 6] {
    [
        ("Missä", i.place.clone()),
        ("Milloin", when(i)),
        ("Mistä tiedämme, että se toimi", i.measure.clone()),
        ("Tila", status_label(i.status).to_string()),
        ("Tulos", i.outcome.clone()),
        ("Päätös", decision_label(i.decision).to_string()),
    ]
}

/// All experiments together, each with its plan, how it went and what was decided.
pub fn experiments_section(l: &mut Layout, experiments: &[&Idea]) {
    l.page(A4);
    l.heading(EXPERIMENTS_TITLE, 1);
    for idea in experiments {
        l.heading(&idea.name, 2);
        l.field("Kuka toteuttaa", &idea.who);
        l.field("Mitä tapahtuu", &idea.what);
        for (label, value) in experiment_fields(idea) {
            l.field(label, &value);
        }
    }
}

fn when(idea: &Idea) -> String {
    match (idea.starts.trim(), idea.ends.trim()) {
        ("", "") => String::new(),
        (from, "") => format!("{from} alkaen"),
        ("", to) => format!("{to} asti"),
        (from, to) => format!("{from} – {to}"),
    }
}
