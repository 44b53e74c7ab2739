//! A board as a drawing: boxes with text, arrows between them and curves, in canvas units
//! (y grows downwards). Each board kind builds its scene in `kinds/`; the PNG, JSON Canvas,
//! poster and the PDF's board drawings all render scenes, so a kind is drawn one way.

use super::fonts::{Metrics, Weight};

/// Text size of a card in canvas units.
pub const TEXT: f32 = 14.0;
pub const PAD: f32 = 8.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A card with text.
    Card,
    /// A frame around other nodes, with a label at its top.
    Group,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub text: String,
    pub fill: [u8; 3],
    pub bold: bool,
}

#[derive(Debug, Clone)]
pub struct Edge {
    pub id: String,
    pub from: String,
    pub to: String,
    /// "+" or "−" on causal links; may be empty.
    pub label: String,
}

/// A polyline, such as the emotion curve of a service path.
#[derive(Debug, Clone)]
pub struct Curve {
    pub points: Vec<(f32, f32)>,
    pub color: [u8; 3],
}

#[derive(Debug, Clone, Default)]
pub struct Scene {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub curves: Vec<Curve>,
}

pub const YELLOW: [u8; 3] = [255, 241, 168];
pub const BLUE: [u8; 3] = [214, 230, 250];
pub const GREEN: [u8; 3] = [210, 240, 214];
pub const RED: [u8; 3] = [250, 205, 200];
pub const GREY: [u8; 3] = [238, 238, 242];
pub const WHITE: [u8; 3] = [255, 255, 255];

impl Scene {
    /// Adds a card whose height fits its wrapped text; returns that height.
    pub fn card(
        &mut self,
        m: &Metrics,
        id: &str,
        (x, y, w): (f32, f32, f32),
        text: &str,
        fill: [u8; 3],
    ) -> f32 {
        let h = card_height(m, text, w, false);
        self.nodes.push(Node {
            id: id.into(),
            kind: NodeKind::Card,
            x,
            y,
            w,
            h,
            text: text.into(),
            fill,
            bold: false,
        });
        h
    }

    /// Adds a frame with a label.
    pub fn group(&mut self, id: &str, (x, y, w, h): (f32, f32, f32, f32), label: &str) {
        let node = Node {
            id: id.into(),
            kind: NodeKind::Group,
            x,
            y,
            w,
            h,
            text: label.into(),
            fill: GREY,
            bold: true,
        };
        self.nodes.push(node);
    }

    pub fn edge(&mut self, id: &str, from: &str, to: &str, label: &str) {
        self.edges.push(Edge {
            id: id.into(),
            from: from.into(),
            to: to.into(),
            label: label.into(),
        });
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// (min x, min y, max x, max y) over every node and curve; a unit box when empty.
    pub fn bounds(&self) -> (f32, f32, f32, f32) {
        let boxes = self.nodes.iter().map(|n| (n.x, n.y, n.x + n.w, n.y + n.h));
        let points = self
            .curves
            .iter()
            .flat_map(|c| c.points.iter().map(|&(x, y)| (x, y, x, y)));
        boxes
            .chain(points)
            .reduce(|a, b| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3)))
            .unwrap_or((0.0, 0.0, 1.0, 1.0))
    }
}

/// Height of a card of width `w` holding `text`.
pub fn card_height(m: &Metrics, text: &str, w: f32, bold: bool) -> f32 {
    let weight = if bold { Weight::Bold } else { Weight::Regular };
    let lines = m.wrap(text, TEXT, weight, w - 2.0 * PAD).len().max(1);
    lines as f32 * TEXT * 1.3 + 2.0 * PAD
}

/// Positions for `n` items without positions of their own: rows of `cols`.
pub fn grid(i: usize, cols: usize, (w, h): (f32, f32)) -> (f32, f32) {
    let cols = cols.max(1);
    (
        (i % cols) as f32 * (w + 30.0),
        (i / cols) as f32 * (h + 30.0),
    )
}

/// Whether a board's items were never placed (every position at the origin).
pub fn unplaced<'a>(mut positions: impl Iterator<Item = &'a crate::model::Pos>) -> bool {
    positions.all(|p| p.x == 0.0 && p.y == 0.0)
}
