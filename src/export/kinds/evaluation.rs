//! Evaluation results as bar charts: the mean of everyone, and the clients' and
//! professionals' means only where the core shows them (five answers or more).

use super::{Push, by_order};
use crate::export::fonts::Metrics;
use crate::export::pdf::layout::{A4, Layout, Style};
use crate::export::scene::{self, Scene};
use crate::model::Board;
use crate::model::evaluation::{EvaluationBoard, ItemResult, MIN_GROUP_SIZE};

const BAR: [f32; 3] = [0.3, 0.5, 0.75];
const TRACK: [f32; 3] = [0.92, 0.93, 0.95];

fn bars(r: &ItemResult) -> Vec<(String, f64)> {
    let mut bars = Vec::new();
    if let Some(m) = r.mean {
        bars.push((format!("Kaikki (n = {})", r.count), m));
    }
    if let Some(m) = r.client_mean {
        bars.push(("Asiakkaat".to_string(), m));
    }
    if let Some(m) = r.professional_mean {
        bars.push(("Ammattilaiset".to_string(), m));
    }
    bars
}

pub fn section(l: &mut Layout, board: &Board, b: &EvaluationBoard) {
    l.page(A4);
    l.heading(&board.title, 1);
    let note = format!(
        "Asteikko 1–5. Vastaukset ovat nimettömiä. Ryhmän keskiarvo näytetään erikseen vain, kun ryhmästä on vähintään {MIN_GROUP_SIZE} vastausta."
    );
    l.paragraph(&note, Style::NOTE);
    for item in by_order(&b.items, |i| i.order) {
        let Some(result) = b.results.iter().find(|r| r.item_id == item.id) else {
            continue;
        };
        let bars = bars(result);
        l.ensure(Style::LABEL.line_height() * 2.0 + 18.0 * bars.len().max(1) as f32);
        l.paragraph(&item.text, Style::LABEL);
        if bars.is_empty() {
            l.paragraph("Ei vastauksia.", Style::NOTE);
        }
        for (label, mean) in bars {
            bar(l, &label, mean);
        }
        l.space(6.0);
    }
}

fn bar(l: &mut Layout, label: &str, mean: f64) {
    let (left, width, top) = (l.left(), l.width(), l.y);
    let label_w = 130.0;
    let track = width - label_w - 40.0;
    l.text_at(left, top + 2.0, label, Style::BODY);
    l.rect(left + label_w, top + 2.0, track, 11.0, Some(TRACK), None);
    let filled = track * ((mean.clamp(0.0, 5.0)) / 5.0) as f32;
    l.rect(left + label_w, top + 2.0, filled, 11.0, Some(BAR), None);
    l.text_at(
        left + label_w + track + 6.0,
        top + 2.0,
        &format!("{mean:.2}").replace('.', ","),
        Style::BODY,
    );
    l.y = top + 18.0;
}

pub fn scene(b: &EvaluationBoard, m: &Metrics) -> Scene {
    let mut s = Scene::default();
    let mut y = 0.0;
    for item in by_order(&b.items, |i| i.order) {
        let result = b.results.iter().find(|r| r.item_id == item.id);
        let lines: Vec<String> = result
            .map(bars)
            .unwrap_or_default()
            .iter()
            .map(|(l, v)| format!("{l}: {v:.2}"))
            .collect();
        let text = format!("{}\n{}", item.text, lines.join("\n"));
        y += s.card(m, &item.id, (0.0, y, 420.0), &text, scene::BLUE) + 16.0;
    }
    s
}

pub fn rows(b: &EvaluationBoard, push: &mut Push) {
    for i in &b.items {
        push("eval_item", &i.id, "Väittämä", &i.text);
    }
}
