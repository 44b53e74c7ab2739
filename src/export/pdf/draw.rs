//! Draws a [`Scene`] as vectors into a box on the current page, scaled to fit: cards at
//! their canvas positions, frames, arrows with their +/− marks, and curves.

use super::layout::{Layout, Style};
use crate::export::fonts::Weight;
use crate::export::scene::{Node, NodeKind, PAD, Scene, TEXT};

const EDGE: [f32; 3] = [0.25, 0.25, 0.3];
const FRAME: [f32; 3] = [0.6, 0.6, 0.66];

fn unit(c: [u8; 3]) -> [f32; 3] {
    c.map(|v| v as f32 / 255.0)
}

/// Maps canvas units to page points.
#[derive(Clone, Copy)]
struct Fit {
    scale: f32,
    dx: f32,
    dy: f32,
}

impl Fit {
    fn new(scene: &Scene, (x, top, w, h): (f32, f32, f32, f32), max_scale: f32) -> Fit {
        let (x0, y0, x1, y1) = scene.bounds();
        let scale = (w / (x1 - x0).max(1.0))
            .min(h / (y1 - y0).max(1.0))
            .min(max_scale);
        Fit {
            scale,
            dx: x - x0 * scale,
            dy: top - y0 * scale,
        }
    }

    fn at(&self, x: f32, y: f32) -> (f32, f32) {
        (self.dx + x * self.scale, self.dy + y * self.scale)
    }
}

/// Draws `scene` inside the box; returns the height actually used.
pub fn scene(l: &mut Layout, scene: &Scene, area: (f32, f32, f32, f32), max_scale: f32) -> f32 {
    let fit = Fit::new(scene, area, max_scale);
    for node in scene.nodes.iter().filter(|n| n.kind == NodeKind::Group) {
        node_box(l, node, fit);
    }
    for node in scene.nodes.iter().filter(|n| n.kind == NodeKind::Card) {
        node_box(l, node, fit);
    }
    for curve in &scene.curves {
        let points: Vec<(f32, f32)> = curve.points.iter().map(|&(x, y)| fit.at(x, y)).collect();
        l.line(&points, unit(curve.color), 1.8, false);
    }
    for edge in &scene.edges {
        if let (Some(a), Some(b)) = (scene.node(&edge.from), scene.node(&edge.to)) {
            arrow(l, a, b, &edge.label, fit);
        }
    }
    let (_, y0, _, y1) = scene.bounds();
    (y1 - y0) * fit.scale
}

fn node_box(l: &mut Layout, n: &Node, fit: Fit) {
    let (x, y) = fit.at(n.x, n.y);
    let (w, h) = (n.w * fit.scale, n.h * fit.scale);
    let size = TEXT * fit.scale;
    let pad = PAD * fit.scale;
    match n.kind {
        NodeKind::Card => l.rect(x, y, w, h, Some(unit(n.fill)), Some(FRAME)),
        NodeKind::Group => l.rect(x, y, w, h, None, Some(FRAME)),
    }
    let weight = if n.bold || n.kind == NodeKind::Group {
        Weight::Bold
    } else {
        Weight::Regular
    };
    let style = Style {
        size,
        weight,
        color: super::layout::INK,
    };
    let lines = l
        .metrics
        .wrap(&n.text, size, weight, (w - 2.0 * pad).max(size));
    let lh = size * 1.3;
    let max_lines = if n.kind == NodeKind::Group {
        1
    } else {
        ((h - 2.0 * pad) / lh).round().max(1.0) as usize
    };
    for (i, line) in lines.iter().take(max_lines).enumerate() {
        l.text_at(x + pad, y + pad + i as f32 * lh, line, style);
    }
}

fn center(n: &Node) -> (f32, f32) {
    (n.x + n.w / 2.0, n.y + n.h / 2.0)
}

/// Where the line from the centre of `n` towards `d` leaves its box.
fn border(n: &Node, d: (f32, f32)) -> (f32, f32) {
    let (cx, cy) = center(n);
    let tx = if d.0.abs() > 1e-3 {
        (n.w / 2.0) / d.0.abs()
    } else {
        f32::MAX
    };
    let ty = if d.1.abs() > 1e-3 {
        (n.h / 2.0) / d.1.abs()
    } else {
        f32::MAX
    };
    let t = tx.min(ty);
    (cx + d.0 * t, cy + d.1 * t)
}

fn arrow(l: &mut Layout, a: &Node, b: &Node, label: &str, fit: Fit) {
    let (ca, cb) = (center(a), center(b));
    let d = (cb.0 - ca.0, cb.1 - ca.1);
    let len = (d.0 * d.0 + d.1 * d.1).sqrt().max(1e-3);
    let d = (d.0 / len, d.1 / len);
    let start = fit.at(border(a, d).0, border(a, d).1);
    let end = fit.at(border(b, (-d.0, -d.1)).0, border(b, (-d.0, -d.1)).1);
    l.line(&[start, end], EDGE, 1.0, false);
    let head = (8.0 * fit.scale).max(3.0);
    let (nx, ny) = (-d.1, d.0);
    let base = (end.0 - d.0 * head, end.1 - d.1 * head);
    let tip = [
        end,
        (base.0 + nx * head * 0.45, base.1 + ny * head * 0.45),
        (base.0 - nx * head * 0.45, base.1 - ny * head * 0.45),
    ];
    l.fill_shape(&tip.map(|p| (p, false)), EDGE);
    if !label.is_empty() {
        let size = (TEXT * 1.2 * fit.scale).max(6.0);
        let mid = ((start.0 + end.0) / 2.0, (start.1 + end.1) / 2.0);
        l.rect(
            mid.0 - size * 0.5,
            mid.1 - size * 0.6,
            size,
            size * 1.2,
            Some([1.0, 1.0, 1.0]),
            Some(EDGE),
        );
        mark(l, mid, size, label);
    }
}

/// A polarity mark drawn as strokes, so it never depends on a glyph; other labels as text.
fn mark(l: &mut Layout, (x, y): (f32, f32), size: f32, label: &str) {
    let arm = size * 0.3;
    match label {
        "+" => {
            l.line(&[(x - arm, y), (x + arm, y)], EDGE, 1.2, false);
            l.line(&[(x, y - arm), (x, y + arm)], EDGE, 1.2, false);
        }
        "−" | "-" => l.line(&[(x - arm, y), (x + arm, y)], EDGE, 1.2, false),
        _ => {
            let w = l.metrics.width(label, size, Weight::Bold);
            l.text_at(
                x - w / 2.0,
                y - size * 0.6,
                label,
                Style {
                    size,
                    weight: Weight::Bold,
                    color: super::layout::INK,
                },
            );
        }
    }
}
