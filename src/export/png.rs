//! PNG image of a board: the scene rasterised with the `image` crate, text drawn with the
//! embedded Noto Sans through `ab_glyph`.

use super::ExportError;
use super::fonts::{Metrics, Weight};
use super::scene::{Node, NodeKind, PAD, Scene, TEXT};
use ab_glyph::{Font, PxScale, ScaleFont};
use image::{Rgb, RgbImage};

const MARGIN: f32 = 40.0;
const MAX_SIDE: f32 = 6000.0;
const INK: [u8; 3] = [26, 26, 31];
const FRAME: [u8; 3] = [150, 150, 165];

struct Canvas<'m> {
    img: RgbImage,
    m: &'m Metrics,
    scale: f32,
    dx: f32,
    dy: f32,
}

/// The board scene with a title line above it, as PNG bytes.
pub fn png(scene: &Scene, title: &str, m: &Metrics) -> Result<Vec<u8>, ExportError> {
    let (x0, y0, x1, y1) = scene.bounds();
    let (w, h) = (x1 - x0 + 2.0 * MARGIN, y1 - y0 + 2.0 * MARGIN + 40.0);
    let scale = (MAX_SIDE / w).min(MAX_SIDE / h).min(1.0);
    let img = RgbImage::from_pixel(
        (w * scale).ceil() as u32,
        (h * scale).ceil() as u32,
        Rgb([255, 255, 255]),
    );
    let mut c = Canvas {
        img,
        m,
        scale,
        dx: MARGIN - x0,
        dy: MARGIN + 40.0 - y0,
    };
    c.text(
        MARGIN * scale,
        MARGIN * 0.5 * scale,
        title,
        24.0 * scale,
        Weight::Bold,
    );
    for n in scene
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Group)
        .chain(scene.nodes.iter().filter(|n| n.kind == NodeKind::Card))
    {
        c.node(n);
    }
    for curve in &scene.curves {
        for pair in curve.points.windows(2) {
            c.line(c.at(pair[0]), c.at(pair[1]), curve.color, 3.0);
        }
    }
    for e in &scene.edges {
        if let (Some(a), Some(b)) = (scene.node(&e.from), scene.node(&e.to)) {
            c.arrow(a, b, &e.label);
        }
    }
    let mut bytes = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut bytes);
    c.img
        .write_with_encoder(encoder)
        .map_err(|e| ExportError::Image(e.to_string()))?;
    Ok(bytes)
}

impl Canvas<'_> {
    fn at(&self, (x, y): (f32, f32)) -> (f32, f32) {
        ((x + self.dx) * self.scale, (y + self.dy) * self.scale)
    }

    fn node(&mut self, n: &Node) {
        let (x, y) = self.at((n.x, n.y));
        let (w, h) = (n.w * self.scale, n.h * self.scale);
        if n.kind == NodeKind::Card {
            self.fill(x, y, w, h, n.fill);
        }
        self.outline(x, y, w, h, FRAME);
        let weight = if n.bold || n.kind == NodeKind::Group {
            Weight::Bold
        } else {
            Weight::Regular
        };
        let lines = self.m.wrap(&n.text, TEXT, weight, n.w - 2.0 * PAD);
        let max = if n.kind == NodeKind::Group {
            1
        } else {
            lines.len()
        };
        for (i, line) in lines.iter().take(max).enumerate() {
            let top = y + (PAD + i as f32 * TEXT * 1.3) * self.scale;
            self.text(x + PAD * self.scale, top, line, TEXT * self.scale, weight);
        }
    }

    fn put(&mut self, x: i64, y: i64, color: [u8; 3], alpha: f32) {
        if x < 0 || y < 0 || x >= self.img.width() as i64 || y >= self.img.height() as i64 {
            return;
        }
        let p = self.img.get_pixel_mut(x as u32, y as u32);
        for (channel, c) in p.0.iter_mut().zip(color) {
            *channel = (*channel as f32 * (1.0 - alpha) + c as f32 * alpha).round() as u8;
        }
    }

    fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, color: [u8; 3]) {
        for py in y.round() as i64..(y + h).round() as i64 {
            for px in x.round() as i64..(x + w).round() as i64 {
                self.put(px, py, color, 1.0);
            }
        }
    }

    fn outline(&mut self, x: f32, y: f32, w: f32, h: f32, color: [u8; 3]) {
        let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
        for pair in corners.windows(2) {
            self.line(pair[0], pair[1], color, 1.0);
        }
    }

    fn line(&mut self, a: (f32, f32), b: (f32, f32), color: [u8; 3], width: f32) {
        let steps = ((b.0 - a.0).abs().max((b.1 - a.1).abs())).ceil().max(1.0) as usize;
        let r = (width / 2.0).max(0.5);
        for i in 0..=steps {
            let t = i as f32 / steps as f32;
            let (x, y) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            self.fill(x - r, y - r, 2.0 * r, 2.0 * r, color);
        }
    }

    fn text(&mut self, x: f32, top: f32, text: &str, size: f32, weight: Weight) {
        let font = self.m.font(weight).clone();
        let scaled = font.as_scaled(PxScale::from(size));
        let mut caret = x;
        for ch in text.chars() {
            let id = font.glyph_id(ch);
            let glyph =
                id.with_scale_and_position(size, ab_glyph::point(caret, top + scaled.ascent()));
            caret += scaled.h_advance(id);
            let Some(outline) = font.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outline.px_bounds();
            outline.draw(|gx, gy, cov| {
                self.put(
                    bounds.min.x as i64 + gx as i64,
                    bounds.min.y as i64 + gy as i64,
                    INK,
                    cov.min(1.0),
                );
            });
        }
    }

    fn arrow(&mut self, a: &Node, b: &Node, label: &str) {
        let center = |n: &Node| self.at((n.x + n.w / 2.0, n.y + n.h / 2.0));
        let (ca, cb) = (center(a), center(b));
        let d = (cb.0 - ca.0, cb.1 - ca.1);
        let len = (d.0 * d.0 + d.1 * d.1).sqrt().max(1e-3);
        let u = (d.0 / len, d.1 / len);
        let exit = |n: &Node, s: f32| {
            let (hw, hh) = (n.w * self.scale / 2.0, n.h * self.scale / 2.0);
            let t = (hw / u.0.abs().max(1e-3)).min(hh / u.1.abs().max(1e-3));
            let c = center(n);
            (c.0 + s * u.0 * t, c.1 + s * u.1 * t)
        };
        let (start, end) = (exit(a, 1.0), exit(b, -1.0));
        self.line(start, end, INK, 2.0);
        let head = 12.0 * self.scale.max(0.3);
        for side in [-0.5f32, 0.5] {
            let back = (
                end.0 - u.0 * head - u.1 * head * side,
                end.1 - u.1 * head + u.0 * head * side,
            );
            self.line(end, back, INK, 2.0);
        }
        if !label.is_empty() {
            let mid = ((start.0 + end.0) / 2.0, (start.1 + end.1) / 2.0);
            let size = 20.0 * self.scale;
            self.fill(
                mid.0 - size * 0.5,
                mid.1 - size * 0.6,
                size,
                size * 1.3,
                [255, 255, 255],
            );
            self.outline(
                mid.0 - size * 0.5,
                mid.1 - size * 0.6,
                size,
                size * 1.3,
                INK,
            );
            let arm = size * 0.3;
            match label {
                "+" | "−" | "-" => {
                    self.line((mid.0 - arm, mid.1), (mid.0 + arm, mid.1), INK, 2.0);
                    if label == "+" {
                        self.line((mid.0, mid.1 - arm), (mid.0, mid.1 + arm), INK, 2.0);
                    }
                }
                _ => {
                    let w = self.m.width(label, size, Weight::Bold);
                    self.text(
                        mid.0 - w / 2.0,
                        mid.1 - size * 0.6,
                        label,
                        size,
                        Weight::Bold,
                    );
                }
            }
        }
    }
}
