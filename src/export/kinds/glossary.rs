//! The glossary: each agreed word with its meaning and its plain-language version.

use super::{Push, by_order};
use crate::export::fonts::Metrics;
use crate::export::pdf::layout::{A4, Layout};
use crate::export::pdf::table::Table;
use crate::export::scene::{self, Scene};
use crate::model::Board;
use crate::model::glossary::GlossaryBoard;

pub fn section(l: &mut Layout, board: &Board, b: &GlossaryBoard) {
    l.page(A4);
    l.heading(&board.title, 1);
    let rows: Vec<Vec<String>> =
        by_order(&b.terms, |t| t.order).into_iter().map(|t| vec![t.term.clone(), t.meaning.clone(), t.plain.clone()]).collect();
    Table { shares: &[0.22, 0.43, 0.35], header: &["Käsite", "Mitä se tarkoittaa", "Selkokielellä"] }.draw(l, &rows);
}

pub fn scene(b: &GlossaryBoard, m: &Metrics) -> Scene {
    let mut s = Scene::default();
    for (i, t) in by_order(&b.terms, |t| t.order).into_iter().enumerate() {
        let (x, y) = scene::grid(i, 4, (260.0, 180.0));
        s.card(m, &t.id, (x, y, 240.0), &format!("{}\n{}", t.term, t.meaning), scene::BLUE);
    }
    s
}

pub fn rows(b: &GlossaryBoard, push: &mut Push) {
    for t in &b.terms {
        push("term", &t.id, "Käsite", &t.term);
        push("term", &t.id, "Merkitys", &t.meaning);
        push("term", &t.id, "Selkokielellä", &t.plain);
    }
}
