//! Causal maps drawn at their canvas positions, scaled to fit a landscape page, with
//! arrows and +/− marks; then the root causes and loops the core found.

use super::Push;
use crate::export::fonts::Metrics;
use crate::export::pdf::draw;
use crate::export::pdf::layout::{A4, Layout, Style};
use crate::export::scene::{self, Scene};
use crate::model::Board;
use crate::model::causal_map::{CausalMapBoard, LoopKind, NodeRole, Polarity};

/// The polarity as every export writes it.
pub fn mark(p: Polarity) -> &'static str {
    match p {
        Polarity::Strengthens => "+",
        Polarity::Weakens => "−",
    }
}

fn text_of<'a>(b: &'a CausalMapBoard, id: &'a str) -> &'a str {
    b.nodes
        .iter()
        .find(|n| n.id == id)
        .map(|n| n.text.as_str())
        .unwrap_or(id)
}

pub fn section(l: &mut Layout, board: &Board, b: &CausalMapBoard) {
    l.page((A4.1, A4.0));
    l.heading(&board.title, 1);
    l.paragraph(
        "Nuoli kulkee syystä seuraukseen: + vahvistaa, − heikentää.",
        Style::NOTE,
    );
    let (m, left, width, top) = (l.metrics, l.left(), l.width(), l.y);
    let used = draw::scene(
        l,
        &scene(b, m),
        (left, top, width, l.remaining() * 0.75),
        1.0,
    );
    l.y = top + used + 16.0;
    l.heading("Juurisyyt", 2);
    if b.root_causes.is_empty() {
        l.paragraph("Karttaan ei löytynyt juurisyitä.", Style::BODY);
    }
    for id in &b.root_causes {
        l.bullet(text_of(b, id), Style::BODY);
    }
    l.heading("Silmukat", 2);
    if b.loops.is_empty() {
        l.paragraph("Kartassa ei ole takaisinkytkentäsilmukoita.", Style::BODY);
    }
    for lp in &b.loops {
        let kind = match lp.kind {
            LoopKind::Reinforcing => "Vahvistava silmukka",
            LoopKind::Balancing => "Tasapainottava silmukka",
        };
        let mut path: Vec<&str> = lp.nodes.iter().map(|id| text_of(b, id)).collect();
        path.extend(lp.nodes.first().map(|id| text_of(b, id)));
        l.bullet(&format!("{kind}: {}", path.join(" → ")), Style::BODY);
    }
    notes(l, b);
}

fn notes(l: &mut Layout, b: &CausalMapBoard) {
    let noted: Vec<_> = b
        .links
        .iter()
        .filter(|k| !k.note.trim().is_empty())
        .collect();
    if noted.is_empty() {
        return;
    }
    l.heading("Yhteyksien huomiot", 2);
    for k in noted {
        let line = format!(
            "{} → {} ({}): {}",
            text_of(b, &k.from),
            text_of(b, &k.to),
            mark(k.polarity),
            k.note
        );
        l.bullet(&line, Style::BODY);
    }
}

pub fn scene(b: &CausalMapBoard, m: &Metrics) -> Scene {
    let mut s = Scene::default();
    let unplaced = scene::unplaced(b.nodes.iter().map(|n| &n.pos));
    for (i, n) in b.nodes.iter().enumerate() {
        let (x, y) = if unplaced {
            scene::grid(i, 4, (200.0, 120.0))
        } else {
            (n.pos.x as f32, n.pos.y as f32)
        };
        let fill = match n.role {
            NodeRole::Problem => scene::RED,
            NodeRole::Cause => scene::YELLOW,
            NodeRole::Effect => scene::BLUE,
            NodeRole::Why => scene::GREEN,
        };
        s.card(m, &n.id, (x, y, 200.0), &n.text, fill);
        if let Some(last) = s
            .nodes
            .last_mut()
            .filter(|_| Some(&n.id) == b.central_problem.as_ref())
        {
            last.bold = true;
        }
    }
    for k in &b.links {
        s.edge(&k.id, &k.from, &k.to, mark(k.polarity));
    }
    s
}

pub fn rows(b: &CausalMapBoard, push: &mut Push) {
    for n in &b.nodes {
        push("node", &n.id, "Teksti", &n.text);
    }
    for k in &b.links {
        let line = format!(
            "{} → {} ({})",
            text_of(b, &k.from),
            text_of(b, &k.to),
            mark(k.polarity)
        );
        push("link", &k.id, "Yhteys", &line);
        push("link", &k.id, "Huomio", &k.note);
    }
}
