//! Free boards: the sticky notes drawn where they sit, then listed so long texts are whole.

use super::Push;
use crate::export::fonts::Metrics;
use crate::export::pdf::draw;
use crate::export::pdf::layout::{A4, Layout, Style};
use crate::export::scene::{self, Scene};
use crate::model::Board;
use crate::model::free::{FreeBoard, FreeCard};

fn fill(color: &str) -> [u8; 3] {
    match color {
        "blue" => scene::BLUE,
        "green" => scene::GREEN,
        "red" | "pink" => scene::RED,
        "white" => scene::WHITE,
        _ => scene::YELLOW,
    }
}

pub fn section(l: &mut Layout, board: &Board, b: &FreeBoard) {
    l.page((A4.1, A4.0));
    l.heading(&board.title, 1);
    if b.cards.is_empty() {
        return;
    }
    let (left, width, top) = (l.left(), l.width(), l.y);
    let used = draw::scene(
        l,
        &scene(b, l.metrics),
        (left, top, width, l.remaining() * 0.7),
        1.0,
    );
    l.y = top + used + 16.0;
    for card in &b.cards {
        l.bullet(&text(card), Style::BODY);
    }
}

/// A card's text, after the name of its picture card if it has one.
fn text(c: &FreeCard) -> String {
    match c.picture {
        Some(p) if c.text.trim().is_empty() => format!("Kuvakortti: {}", p.finnish()),
        Some(p) => format!("Kuvakortti: {}. {}", p.finnish(), c.text),
        None => c.text.clone(),
    }
}

pub fn scene(b: &FreeBoard, m: &Metrics) -> Scene {
    let mut s = Scene::default();
    let unplaced = scene::unplaced(b.cards.iter().map(|c| &c.pos));
    for (i, c) in b.cards.iter().enumerate() {
        let (x, y) = if unplaced {
            scene::grid(i, 5, (200.0, 140.0))
        } else {
            (c.pos.x as f32, c.pos.y as f32)
        };
        s.card(m, &c.id, (x, y, 200.0), &text(c), fill(&c.color));
    }
    s
}

pub fn rows(b: &FreeBoard, push: &mut Push) {
    for c in &b.cards {
        push("card", &c.id, "Teksti", &c.text);
        if let Some(p) = c.picture {
            push("card", &c.id, "Kuvakortti", p.finnish());
        }
    }
}
