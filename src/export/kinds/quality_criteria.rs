//! Quality criteria by area, each with its plain-language version (selkoversio).

use super::{Push, by_order};
use crate::export::fonts::{Metrics, Weight};
use crate::export::pdf::layout::{A4, Layout, Style};
use crate::export::pdf::table::Table;
use crate::export::scene::{self, Scene};
use crate::model::Board;
use crate::model::quality_criteria::{Criterion, QualityArea, QualityBoard};

pub const AREAS: [(QualityArea, &str); 3] = [
    (QualityArea::ClientWork, "Asiakastyö"),
    (QualityArea::Management, "Johtaminen"),
    (QualityArea::Structures, "Rakenteet"),
];

/// The criteria of one area, in order.
pub fn of_area(b: &QualityBoard, area: QualityArea) -> Vec<&Criterion> {
    by_order(&b.criteria, |c| c.order)
        .into_iter()
        .filter(|c| c.area == area)
        .collect()
}

pub fn section(l: &mut Layout, board: &Board, b: &QualityBoard) {
    l.page(A4);
    l.heading(&board.title, 1);
    for (area, name) in AREAS {
        let criteria = of_area(b, area);
        if criteria.is_empty() {
            continue;
        }
        l.heading(name, 2);
        let rows: Vec<Vec<String>> = criteria
            .iter()
            .map(|c| vec![c.text.clone(), c.plain.clone()])
            .collect();
        Table {
            shares: &[0.55, 0.45],
            header: &["Kriteeri", "Selkokielellä"],
        }
        .draw(l, &rows);
    }
    plain_page(l, board, b);
}

/// Type large enough for the selkoversio page, as plain-language guidance asks.
const PLAIN_TYPE: Style = Style::sized(14.0, Weight::Regular);

/// The plain-language versions alone, on a page of their own in larger type, to hand
/// out or put on the wall; nothing when no criterion has one.
fn plain_page(l: &mut Layout, board: &Board, b: &QualityBoard) {
    if b.criteria.iter().all(|c| c.plain.trim().is_empty()) {
        return;
    }
    l.page(A4);
    l.heading(&format!("{}: selkokielellä", board.title), 1);
    for (area, name) in AREAS {
        let plain: Vec<&Criterion> = of_area(b, area).into_iter().filter(|c| !c.plain.trim().is_empty()).collect();
        if plain.is_empty() {
            continue;
        }
        l.heading(name, 2);
        for c in plain {
            l.bullet(&c.plain, PLAIN_TYPE);
        }
    }
}

pub fn scene(b: &QualityBoard, m: &Metrics) -> Scene {
    let mut s = Scene::default();
    let col = 320.0;
    for (i, (area, name)) in AREAS.into_iter().enumerate() {
        let x = i as f32 * (col + 40.0);
        let mut y = 50.0;
        for c in of_area(b, area) {
            let text = format!("{}\n({})", c.plain, c.text);
            y += s.card(m, &c.id, (x + 10.0, y, col - 20.0), &text, scene::GREEN) + 10.0;
        }
        s.group(&format!("area-{i}"), (x, 0.0, col, y.max(120.0)), name);
    }
    s
}

pub fn rows(b: &QualityBoard, push: &mut Push) {
    for c in &b.criteria {
        let area = AREAS
            .iter()
            .find(|(a, _)| *a == c.area)
            .map(|(_, n)| *n)
            .unwrap_or("");
        push("criterion", &c.id, "Alue", area);
        push("criterion", &c.id, "Kriteeri", &c.text);
        push("criterion", &c.id, "Selkokielellä", &c.plain);
    }
}
