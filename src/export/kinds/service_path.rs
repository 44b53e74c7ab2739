//! Service paths on landscape pages: the phases × lanes grid with the card texts, the
//! entries and exits, and the persona's emotion curve drawn from the phases' −2..+2.

use super::{Ctx, Push, by_order};
use crate::export::fonts::Metrics;
use crate::export::pdf::layout::{A4, Layout, MUTED, Style};
use crate::export::pdf::table::Table;
use crate::export::scene::{self, Curve, Scene};
use crate::model::service_path::{EndpointKind, Lane, LaneRole, Phase, ServicePathBoard};
use crate::model::{Board, BoardContent};

const LANDSCAPE: (f32, f32) = (A4.1, A4.0);
const CURVE: [f32; 3] = [0.75, 0.2, 0.3];

fn phases(b: &ServicePathBoard) -> Vec<&Phase> {
    by_order(&b.phases, |p| p.order)
}

fn lanes(b: &ServicePathBoard) -> Vec<&Lane> {
    by_order(&b.lanes, |l| l.order)
        .into_iter()
        .filter(|l| !l.hidden)
        .collect()
}

/// The text of one cell: its cards in order, critical points marked.
fn cell(b: &ServicePathBoard, phase: &str, lane: &str) -> String {
    let cards = b
        .cards
        .iter()
        .filter(|c| c.phase_id == phase && c.lane_id == lane);
    let mut cards: Vec<_> = cards.collect();
    cards.sort_by(|a, c| a.order.total_cmp(&c.order));
    let text = |c: &&crate::model::service_path::PathCard| {
        if c.critical {
            format!("(!) {}", c.text)
        } else {
            c.text.clone()
        }
    };
    cards.iter().map(text).collect::<Vec<_>>().join("\n")
}

fn persona_name<'a>(ctx: &'a Ctx, id: Option<&str>) -> Option<&'a str> {
    let id = id?;
    ctx.view
        .boards
        .iter()
        .find_map(|board| match &board.content {
            BoardContent::Persona(b) => b
                .personas
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.name.as_str()),
            _ => None,
        })
}

pub fn section(l: &mut Layout, board: &Board, b: &ServicePathBoard, ctx: &Ctx) {
    l.page(LANDSCAPE);
    l.heading(&board.title, 1);
    if let Some(name) = persona_name(ctx, b.persona_id.as_deref()) {
        l.paragraph(&format!("Persoona: {name}"), Style::LABEL);
    }
    let phases = phases(b);
    let first = 0.16;
    let shares: Vec<f32> = std::iter::once(first)
        .chain(
            phases
                .iter()
                .map(|_| (1.0 - first) / phases.len().max(1) as f32),
        )
        .collect();
    let heads: Vec<String> = std::iter::once("Vaihe".to_string())
        .chain(phases.iter().map(|p| {
            if p.duration.is_empty() {
                p.name.clone()
            } else {
                format!("{} ({})", p.name, p.duration)
            }
        }))
        .collect();
    let header: Vec<&str> = heads.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = lanes(b)
        .iter()
        .map(|lane| {
            let cells = phases.iter().map(|p| match lane.role {
                LaneRole::Emotion => format!("{:+}", p.emotion.clamp(-2, 2)),
                _ => cell(b, &p.id, &lane.id),
            });
            std::iter::once(lane.name.clone()).chain(cells).collect()
        })
        .collect();
    curve(l, &phases, first);
    Table {
        shares: &shares,
        header: &header,
    }
    .draw(l, &rows);
    endpoints(l, b);
}

fn endpoints(l: &mut Layout, b: &ServicePathBoard) {
    for e in &b.endpoints {
        let phase = b
            .phases
            .iter()
            .find(|p| p.id == e.phase_id)
            .map(|p| p.name.as_str())
            .unwrap_or("");
        let kind = match e.kind {
            EndpointKind::Entry => "Polulle tulo",
            EndpointKind::Exit => "Polulta lähtö",
        };
        l.bullet(&format!("{kind} ({phase}): {}", e.text), Style::BODY);
    }
}

/// The emotion curve under the grid, each point under its phase's column.
fn curve(l: &mut Layout, phases: &[&Phase], first: f32) {
    if phases.is_empty() {
        return;
    }
    let height = 64.0;
    l.ensure(height + 30.0);
    l.paragraph("Tunnekäyrä", Style::LABEL);
    let (left, width, top) = (l.left(), l.width(), l.y);
    let col = width * (1.0 - first) / phases.len() as f32;
    let y_of = |v: i8| top + height / 2.0 - v.clamp(-2, 2) as f32 * height / 4.0;
    for v in -2..=2i8 {
        let y = y_of(v);
        l.line(
            &[(left + width * first, y), (left + width, y)],
            [0.85, 0.85, 0.88],
            0.5,
            false,
        );
        l.text_at(
            left + width * first - 18.0,
            y - 5.0,
            &format!("{v:+}"),
            Style::NOTE,
        );
    }
    let points: Vec<(f32, f32)> = phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                left + width * first + col * (i as f32 + 0.5),
                y_of(p.emotion),
            )
        })
        .collect();
    l.line(&points, CURVE, 2.0, false);
    for &(x, y) in &points {
        l.fill_shape(&crate::export::pdf::avatar::circle(x, y, 3.0), CURVE);
    }
    l.text_at(
        left,
        top,
        "hyvä",
        Style {
            color: MUTED,
            ..Style::NOTE
        },
    );
    l.text_at(
        left,
        top + height - 10.0,
        "huono",
        Style {
            color: MUTED,
            ..Style::NOTE
        },
    );
    l.y = top + height + 12.0;
}

pub fn scene(b: &ServicePathBoard, m: &Metrics) -> Scene {
    let mut s = Scene::default();
    let (col, label_w) = (220.0, 180.0);
    let phases = phases(b);
    for (i, p) in phases.iter().enumerate() {
        s.card(
            m,
            &p.id,
            (label_w + i as f32 * col, 0.0, col - 10.0),
            &p.name,
            scene::WHITE,
        );
    }
    let mut y = 60.0;
    for lane in lanes(b) {
        let top = y;
        let mut tallest: f32 = 40.0;
        for (i, p) in phases.iter().enumerate() {
            let mut cy = top + 30.0;
            for c in b
                .cards
                .iter()
                .filter(|c| c.phase_id == p.id && c.lane_id == lane.id)
            {
                let fill = if c.critical {
                    scene::RED
                } else {
                    scene::YELLOW
                };
                cy += s.card(
                    m,
                    &c.id,
                    (label_w + i as f32 * col, cy, col - 10.0),
                    &c.text,
                    fill,
                ) + 8.0;
            }
            tallest = tallest.max(cy - top);
        }
        if lane.role == LaneRole::Emotion {
            tallest = tallest.max(120.0);
            let points = phases.iter().enumerate().map(|(i, p)| {
                (
                    label_w + (i as f32 + 0.5) * col,
                    top + 75.0 - p.emotion.clamp(-2, 2) as f32 * 20.0,
                )
            });
            s.curves.push(Curve {
                points: points.collect(),
                color: [190, 50, 75],
            });
        }
        s.group(
            &lane.id,
            (
                0.0,
                top,
                label_w + phases.len() as f32 * col,
                tallest + 10.0,
            ),
            &lane.name,
        );
        y = top + tallest + 20.0;
    }
    s
}

pub fn rows(b: &ServicePathBoard, push: &mut Push) {
    for p in &b.phases {
        push("phase", &p.id, "Vaihe", &p.name);
        push("phase", &p.id, "Kesto", &p.duration);
        push("phase", &p.id, "Tunne", &p.emotion.to_string());
    }
    for lane in &b.lanes {
        push("lane", &lane.id, "Kaista", &lane.name);
    }
    for c in &b.cards {
        let phase = b
            .phases
            .iter()
            .find(|p| p.id == c.phase_id)
            .map(|p| p.name.as_str())
            .unwrap_or("");
        let lane = b
            .lanes
            .iter()
            .find(|l| l.id == c.lane_id)
            .map(|l| l.name.as_str())
            .unwrap_or("");
        push("path_card", &c.id, "Vaihe", phase);
        push("path_card", &c.id, "Kaista", lane);
        push("path_card", &c.id, "Teksti", &c.text);
    }
    for e in &b.endpoints {
        push("endpoint", &e.id, "Teksti", &e.text);
    }
}
