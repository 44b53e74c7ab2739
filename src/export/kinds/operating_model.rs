//! The operating model: what it is and for whom, its principles, ways of working and
//! phases with their actors, services, tools and indicators, its interfaces, where each
//! part came from, and the reflection rounds with their comments and what changed after
//! them. Its A3 poster (huoneentaulu) carries the model with its quality criteria.

use super::{Ctx, Push, by_order, quality_criteria, traces};
use crate::export::RoundChanges;
use crate::export::fonts::{Metrics, Weight};
use crate::export::pdf::layout::{A3, A4, Layout, MUTED, Style};
use crate::export::pdf::table::Table;
use crate::export::scene::{self, Scene};
use crate::model::operating_model::{ElementKind, ModelElement, OperatingModelBoard, PartKind, PhasePart};
use crate::model::quality_criteria::QualityBoard;
use crate::model::{Board, BoardContent, WorkshopView};

/// What the model is, with the Finnish label of each field; empty ones left out.
fn fields(m: &OperatingModelBoard) -> Vec<(&'static str, &str)> {
    let all = [
        ("Mikä malli on", &m.purpose),
        ("Kenelle", &m.target_group),
        ("Miten mukaan pääsee", &m.how_to_join),
        ("Palvelulupaus", &m.service_promise),
        ("Arvo", &m.model_value),
    ];
    all.into_iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, v)| (k, v.as_str())).collect()
}

fn elements(m: &OperatingModelBoard, kind: ElementKind) -> Vec<&ModelElement> {
    by_order(&m.elements, |e| e.order).into_iter().filter(|e| e.kind == kind).collect()
}

fn parts<'a>(m: &'a OperatingModelBoard, phase: &str, kind: PartKind) -> Vec<&'a PhasePart> {
    by_order(&m.parts, |p| p.order).into_iter().filter(|p| p.phase_id == phase && p.kind == kind).collect()
}

pub fn section(l: &mut Layout, board: &Board, m: &OperatingModelBoard, ctx: &Ctx) {
    l.page(A4);
    l.heading(&board.title, 1);
    for (label, value) in fields(m) {
        l.field(label, value);
    }
    for kind in ElementKind::ALL {
        let list = elements(m, kind);
        if list.is_empty() {
            continue;
        }
        l.heading(kind.finnish_plural(), 2);
        for (i, e) in list.into_iter().enumerate() {
            let title = if kind == ElementKind::Phase { format!("{}. {}", i + 1, e.text) } else { e.text.clone() };
            l.bullet(&title, Style::sized(10.0, Weight::Bold));
            if !e.note.trim().is_empty() {
                l.bullet_under(1, &e.note, Style::BODY);
            }
            traces::lines(l, ctx, &e.id);
            if kind == ElementKind::Phase {
                phase_parts(l, m, &e.id, ctx);
            }
        }
    }
    interfaces(l, m);
    rounds(l, board, m, ctx);
}

fn phase_parts(l: &mut Layout, m: &OperatingModelBoard, phase: &str, ctx: &Ctx) {
    for kind in [PartKind::Actor, PartKind::Service, PartKind::Tool] {
        let list = parts(m, phase, kind);
        if !list.is_empty() {
            let texts: Vec<&str> = list.iter().map(|p| p.text.as_str()).collect();
            l.bullet_under(1, &format!("{}: {}", kind.finnish_plural(), texts.join("; ")), Style::BODY);
        }
        for p in list {
            traces::lines(l, ctx, &p.id);
        }
    }
    let indicators = parts(m, phase, PartKind::Indicator);
    if !indicators.is_empty() {
        let rows: Vec<Vec<String>> =
            indicators.iter().map(|p| vec![p.text.clone(), p.how_measured.clone(), p.when_measured.clone()]).collect();
        Table { shares: &[0.4, 0.35, 0.25], header: &["Mittari: mitä mitataan", "Miten", "Milloin"] }.draw(l, &rows);
    }
}

fn interfaces(l: &mut Layout, m: &OperatingModelBoard) {
    if m.interfaces.is_empty() {
        return;
    }
    l.heading("Liittymäpinnat muihin malleihin", 2);
    for i in by_order(&m.interfaces, |i| i.order) {
        let line = if i.note.trim().is_empty() { i.name.clone() } else { format!("{}: {}", i.name, i.note) };
        l.bullet(&line, Style::BODY);
    }
}

/// Each round: its comments, then what changed on the model before the next round.
fn rounds(l: &mut Layout, board: &Board, m: &OperatingModelBoard, ctx: &Ctx) {
    if m.rounds.is_empty() {
        return;
    }
    l.heading("Kommentointikierrokset", 2);
    for r in by_order(&m.rounds, |r| r.order) {
        let state = if r.open { " (auki)" } else { "" };
        l.heading(&format!("Kierros {}{state}", r.number), 3);
        let comments: Vec<String> = ctx
            .view
            .comments
            .iter()
            .filter(|c| c.board_id == board.id && c.round == r.number && !c.text.trim().is_empty())
            .map(|c| super::comment_line(c, ctx.opts))
            .collect();
        l.field("Kommentteja", &comments.len().to_string());
        for c in comments {
            l.bullet_under(0, &c, Style::BODY);
        }
        let changes = ctx.rounds.iter().find(|c| c.board_id == board.id && c.number == r.number);
        if let Some(changes) = changes {
            changed_after(l, r.number, changes);
        }
    }
}

fn changed_after(l: &mut Layout, number: u32, changes: &RoundChanges) {
    l.paragraph(&format!("Muutokset kierroksen {number} jälkeen"), Style::sized(10.0, Weight::Bold));
    let Some(diff) = &changes.diff else {
        l.bullet_under(0, "Ei muutoksia.", Style::BODY);
        return;
    };
    let lines = [("Lisätty", &diff.added), ("Muutettu", &diff.changed), ("Poistettu", &diff.removed)];
    for (what, items) in lines {
        for item in items.iter().filter(|i| i.item_type != "Comment" && i.item_type != "Round") {
            l.bullet_under(0, &format!("{what}: {}", item.label), Style::BODY);
        }
    }
}

/// The model on one A3 sheet with the plain-language criteria of its quality boards.
pub fn poster(l: &mut Layout, view: &WorkshopView, board: &Board, m: &OperatingModelBoard) {
    l.page(A3);
    l.paragraph(crate::export::pdf::cover::title(view), Style { color: MUTED, ..Style::sized(14.0, Weight::Regular) });
    l.paragraph(&board.title, Style::sized(32.0, Weight::Bold));
    for (label, value) in fields(m) {
        l.paragraph(&format!("{label}: {value}"), Style::sized(14.0, Weight::Regular));
    }
    let big = Style::sized(16.0, Weight::Bold);
    for kind in ElementKind::ALL {
        let list = elements(m, kind);
        if list.is_empty() {
            continue;
        }
        l.space(8.0);
        l.paragraph(kind.finnish_plural(), Style { color: [0.2, 0.4, 0.6], ..Style::sized(20.0, Weight::Bold) });
        for e in list {
            l.bullet(&e.text, big);
            if kind == ElementKind::Phase {
                let tools: Vec<&str> = parts(m, &e.id, PartKind::Tool).iter().map(|p| p.text.as_str()).collect();
                if !tools.is_empty() {
                    l.bullet_under(1, &format!("Välineet: {}", tools.join(", ")), Style::sized(12.0, Weight::Regular));
                }
            }
        }
    }
    for q in view.boards.iter().filter_map(|b| criteria_of(b, &board.id)) {
        l.space(8.0);
        l.paragraph("Laatukriteerit", Style { color: [0.2, 0.4, 0.6], ..Style::sized(20.0, Weight::Bold) });
        for (area, name) in quality_criteria::AREAS {
            let list = quality_criteria::of_area(q, area);
            if list.is_empty() {
                continue;
            }
            l.paragraph(name, Style::sized(14.0, Weight::Bold));
            for c in list {
                let plain = if c.plain.trim().is_empty() { &c.text } else { &c.plain };
                l.bullet(plain, Style::sized(13.0, Weight::Regular));
            }
        }
    }
}

/// The criteria board that belongs to the model `model`, if `b` is one.
fn criteria_of<'a>(b: &'a Board, model: &str) -> Option<&'a QualityBoard> {
    match &b.content {
        BoardContent::QualityCriteria(q) if !b.archived && q.model_id.as_deref() == Some(model) => Some(q),
        _ => None,
    }
}

pub fn scene(m: &OperatingModelBoard, ms: &Metrics) -> Scene {
    let mut s = Scene::default();
    let col = 280.0;
    for (i, phase) in elements(m, ElementKind::Phase).into_iter().enumerate() {
        let x = i as f32 * (col + 30.0);
        let mut y = 50.0;
        y += s.card(ms, &phase.id, (x + 10.0, y, col - 20.0), &phase.text, scene::BLUE) + 10.0;
        for kind in PartKind::ALL {
            for p in parts(m, &phase.id, kind) {
                let text = format!("{}: {}", kind.finnish_plural(), p.text);
                y += s.card(ms, &p.id, (x + 10.0, y, col - 20.0), &text, scene::WHITE) + 8.0;
            }
        }
        s.group(&format!("phase-{i}"), (x, 0.0, col, y.max(120.0)), &format!("Vaihe {}", i + 1));
    }
    s
}

pub fn rows(m: &OperatingModelBoard, push: &mut Push) {
    for e in &m.elements {
        let kind = ElementKind::ALL.iter().find(|k| **k == e.kind).map(|k| k.finnish_plural()).unwrap_or("");
        push("element", &e.id, "Osa", kind);
        push("element", &e.id, "Teksti", &e.text);
        push("element", &e.id, "Kuvaus", &e.note);
    }
    for p in &m.parts {
        push("part", &p.id, p.kind.finnish_plural(), &p.text);
        if p.kind == PartKind::Indicator {
            push("part", &p.id, "Miten", &p.how_measured);
            push("part", &p.id, "Milloin", &p.when_measured);
        }
    }
    for i in &m.interfaces {
        push("interface", &i.id, "Liittymäpinta", &i.name);
        push("interface", &i.id, "Huomio", &i.note);
    }
}
