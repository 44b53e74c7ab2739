//! Evaluation results: statements as bar charts (the mean of everyone, and the clients'
//! and professionals' means only where the core shows them, five answers or more);
//! two-scale ratings ranked by importance with SD and gap; open answers listed with
//! their words counted; and the start, middle and end forms side by side.

use super::{Push, by_order};
use crate::export::fonts::Metrics;
use crate::export::pdf::layout::{A4, Layout, Style};
use crate::export::pdf::table::Table;
use crate::export::scene::{self, Scene};
use crate::model::evaluation::{EvalItem, EvaluationBoard, ItemKind, ItemResult, MIN_GROUP_SIZE, OverTimeRow, Stage};
use crate::model::{Board, WorkshopView};

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

fn result<'a>(b: &'a EvaluationBoard, item: &EvalItem) -> Option<&'a ItemResult> {
    b.results.iter().find(|r| r.item_id == item.id)
}

pub fn section(l: &mut Layout, board: &Board, b: &EvaluationBoard) {
    l.page(A4);
    l.heading(&board.title, 1);
    if let Some(stage) = b.stage {
        l.field("Vaihe", &format!("{}arviointi", stage.finnish()));
    }
    let note = format!(
        "Vastaukset ovat nimettömiä. Ryhmän keskiarvo näytetään erikseen vain, kun ryhmästä on vähintään {MIN_GROUP_SIZE} vastausta."
    );
    l.paragraph(&note, Style::NOTE);
    let items = by_order(&b.items, |i| i.order);
    for item in items.iter().filter(|i| i.kind == ItemKind::Scale) {
        let Some(result) = result(b, item) else { continue };
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
    ranking(l, b, &items);
    for item in items.iter().filter(|i| i.kind == ItemKind::Open) {
        open_answers(l, item, result(b, item));
    }
}

fn decimal(x: Option<f64>) -> String {
    x.map(|v| format!("{v:.2}").replace('.', ",")).unwrap_or_else(|| "–".into())
}

/// Two-scale items by mean importance, with SD and the gap to own competence.
fn ranking(l: &mut Layout, b: &EvaluationBoard, items: &[&EvalItem]) {
    let mut rated: Vec<(&EvalItem, &ItemResult)> =
        items.iter().filter(|i| i.kind == ItemKind::TwoScale).filter_map(|i| Some((*i, result(b, i)?))).collect();
    if rated.is_empty() {
        return;
    }
    rated.sort_by_key(|(_, r)| if r.rank == 0 { u32::MAX } else { r.rank });
    l.heading("Järjestys tärkeyden mukaan", 2);
    l.paragraph("Asteikot 0–5: tärkeys ja oma osaaminen. Ero on tärkeys miinus osaaminen.", Style::NOTE);
    let rows: Vec<Vec<String>> = rated
        .iter()
        .map(|(i, r)| {
            vec![
                if r.rank == 0 { "–".into() } else { r.rank.to_string() },
                i.text.clone(),
                format!("{} ({})", decimal(r.mean), decimal(r.sd)),
                format!("{} ({})", decimal(r.second_mean), decimal(r.second_sd)),
                decimal(r.gap),
            ]
        })
        .collect();
    Table { shares: &[0.07, 0.48, 0.17, 0.17, 0.11], header: &["#", "Tekijä", "Tärkeys ka (kh)", "Osaaminen ka (kh)", "Ero"] }
        .draw(l, &rows);
}

fn open_answers(l: &mut Layout, item: &EvalItem, result: Option<&ItemResult>) {
    l.heading(&item.text, 2);
    let Some(r) = result.filter(|r| !r.texts.is_empty()) else {
        l.paragraph("Ei vastauksia.", Style::NOTE);
        return;
    };
    for text in &r.texts {
        l.bullet(text, Style::BODY);
    }
    let words: Vec<String> = r.words.iter().filter(|w| w.count > 1).map(|w| format!("{} {}", w.word, w.count)).collect();
    if !words.is_empty() {
        l.field("Sanat, joita käytettiin useammin kuin kerran", &words.join(", "));
    }
}

/// The forms marked start, middle and end side by side; a hidden group reads "–".
pub fn over_time(l: &mut Layout, view: &WorkshopView) -> bool {
    let rows = crate::model::evaluation::over_time_in(view);
    if rows.iter().all(|r| r.cells.iter().filter(|c| c.is_some()).count() < 2) {
        return false;
    }
    l.page(A4);
    l.heading(OVER_TIME_TITLE, 1);
    let note = format!("ka = kaikkien keskiarvo; A = asiakkaat, T = työntekijät. Alle {MIN_GROUP_SIZE} vastaajan ryhmää ei näytetä (–).");
    l.paragraph(&note, Style::NOTE);
    let header: Vec<String> = std::iter::once("Väittämä".to_string()).chain(Stage::ALL.iter().map(|s| s.finnish().to_string())).collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let table: Vec<Vec<String>> = rows.iter().map(over_time_row).collect();
    Table { shares: &[0.37, 0.21, 0.21, 0.21], header: &header }.draw(l, &table);
    true
}

pub const OVER_TIME_TITLE: &str = "Arviointi ajan yli";

fn over_time_row(row: &OverTimeRow) -> Vec<String> {
    let cell = |r: &Option<ItemResult>| match r {
        Some(r) => format!("ka {} · A {} · T {}", decimal(r.mean), decimal(r.client_mean), decimal(r.professional_mean)),
        None => String::new(),
    };
    std::iter::once(row.text.clone()).chain(row.cells.iter().map(cell)).collect()
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
        let Some(r) = result(b, i) else { continue };
        match i.kind {
            ItemKind::Scale => push("eval_item", &i.id, "Keskiarvo", &decimal(r.mean)),
            ItemKind::TwoScale => {
                push("eval_item", &i.id, "Tärkeys", &decimal(r.mean));
                push("eval_item", &i.id, "Oma osaaminen", &decimal(r.second_mean));
                push("eval_item", &i.id, "Ero", &decimal(r.gap));
            }
            ItemKind::Open => {
                for text in &r.texts {
                    push("eval_item", &i.id, "Vastaus", text);
                }
            }
        }
    }
}
