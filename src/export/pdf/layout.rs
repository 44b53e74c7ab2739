//! A small layout layer over printpdf: a cursor that flows wrapped text, headings, key–value
//! fields and tables down the page and starts a new page when the next line does not fit.
//! Coordinates are points from the page's top-left corner; the layer flips them for PDF.

use super::super::fonts::{Metrics, Weight};
use crate::export::ExportError;
use printpdf::{
    Color, FontId, Line, LinePoint, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, Point,
    Polygon, PolygonRing, Pt, Rgb, TextItem, WindingOrder,
};

pub const A4: (f32, f32) = (595.28, 841.89);
pub const A3: (f32, f32) = (841.89, 1190.55);
pub const MARGIN: f32 = 48.0;
pub const BODY: f32 = 10.0;
pub const INK: [f32; 3] = [0.1, 0.1, 0.12];
pub const MUTED: [f32; 3] = [0.35, 0.35, 0.4];

/// Size, weight and colour of a run of text.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub weight: Weight,
    pub color: [f32; 3],
}

impl Style {
    pub const BODY: Style = Style {
        size: BODY,
        weight: Weight::Regular,
        color: INK,
    };
    pub const LABEL: Style = Style {
        size: BODY,
        weight: Weight::Bold,
        color: INK,
    };
    pub const NOTE: Style = Style {
        size: 8.5,
        weight: Weight::Regular,
        color: MUTED,
    };

    pub const fn sized(size: f32, weight: Weight) -> Style {
        Style {
            size,
            weight,
            color: INK,
        }
    }

    pub fn line_height(&self) -> f32 {
        self.size * 1.35
    }
}

/// One page being filled.
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub ops: Vec<Op>,
}

/// The flowing cursor over a list of pages.
pub struct Layout<'m> {
    pub metrics: &'m Metrics,
    /// The document the pages go into; images are added to it as they are placed.
    pub doc: PdfDocument,
    fonts: [FontId; 2],
    pub pages: Vec<Page>,
    /// Distance of the cursor from the top of the current page.
    pub y: f32,
}

fn rgb(c: [f32; 3]) -> Color {
    Color::Rgb(Rgb::new(c[0], c[1], c[2], None))
}

impl<'m> Layout<'m> {
    /// A layout over a new document with both Noto Sans weights embedded.
    pub fn new(metrics: &'m Metrics, title: &str) -> Result<Layout<'m>, ExportError> {
        use crate::export::fonts::{BOLD, REGULAR};
        let parse = |bytes, name| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(ExportError::Font(name))
        };
        let mut doc = PdfDocument::new(title);
        let regular = doc.add_font(&parse(REGULAR, "Noto Sans Regular")?);
        let bold = doc.add_font(&parse(BOLD, "Noto Sans Bold")?);
        Ok(Layout {
            metrics,
            doc,
            fonts: [regular, bold],
            pages: Vec::new(),
            y: MARGIN,
        })
    }

    /// Starts a new page of the given size; the cursor goes to its top margin.
    pub fn page(&mut self, size: (f32, f32)) {
        self.pages.push(Page {
            width: size.0,
            height: size.1,
            ops: Vec::new(),
        });
        self.y = MARGIN;
    }

    fn current(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.page(A4);
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn size(&self) -> (f32, f32) {
        self.pages.last().map(|p| (p.width, p.height)).unwrap_or(A4)
    }

    /// Index of the current page, 0-based.
    pub fn page_index(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    pub fn left(&self) -> f32 {
        MARGIN
    }

    /// Width between the margins.
    pub fn width(&self) -> f32 {
        self.size().0 - 2.0 * MARGIN
    }

    /// The lowest y the flow may reach (the footer sits below it).
    pub fn bottom(&self) -> f32 {
        self.size().1 - MARGIN
    }

    pub fn remaining(&self) -> f32 {
        self.bottom() - self.y
    }

    /// Starts a new page of the same size unless `height` still fits.
    pub fn ensure(&mut self, height: f32) {
        if self.pages.is_empty() || self.y + height > self.bottom() {
            let size = self.size();
            self.page(size);
        }
    }

    pub fn space(&mut self, height: f32) {
        self.y += height;
    }

    /// One line of text with its top at (`x`, `top`); no wrapping.
    pub fn text_at(&mut self, x: f32, top: f32, text: &str, style: Style) {
        self.current();
        let last = self.page_index();
        self.text_on(last, x, top, text, style);
    }

    /// One line of text on any page already made (footers).
    pub fn text_on(&mut self, page: usize, x: f32, top: f32, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        let font = self.fonts[(style.weight == Weight::Bold) as usize].clone();
        let Some(page) = self.pages.get_mut(page) else {
            return;
        };
        let baseline = page.height - top - style.size * 0.95;
        page.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor {
                col: rgb(style.color),
            },
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(style.size),
            },
            Op::SetTextCursor {
                pos: Point {
                    x: Pt(x),
                    y: Pt(baseline),
                },
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    /// Wrapped text in a column at `x` of `width`, flowing over pages; nothing is cut.
    pub fn paragraph_in(&mut self, x: f32, width: f32, text: &str, style: Style) {
        let lh = style.line_height();
        for line in self.metrics.wrap(text, style.size, style.weight, width) {
            self.ensure(lh);
            let y = self.y;
            self.text_at(x, y, &line, style);
            self.y += lh;
        }
    }

    pub fn paragraph(&mut self, text: &str, style: Style) {
        let (x, w) = (self.left(), self.width());
        self.paragraph_in(x, w, text, style);
        self.y += style.size * 0.4;
    }

    /// A heading kept together with at least the next few lines.
    pub fn heading(&mut self, text: &str, level: u8) {
        let size = match level {
            1 => 20.0,
            2 => 14.0,
            _ => 11.5,
        };
        let style = Style::sized(size, Weight::Bold);
        self.ensure(style.line_height() + 4.0 * BODY);
        self.space(if level == 1 { 0.0 } else { size * 0.5 });
        self.paragraph(text, style);
    }

    /// A bold label and its wrapped value; left out when the value is empty.
    pub fn field(&mut self, label: &str, value: &str) {
        if value.trim().is_empty() {
            return;
        }
        self.ensure(Style::LABEL.line_height() * 2.0);
        self.paragraph_in(self.left(), self.width(), label, Style::LABEL);
        self.paragraph(value, Style::BODY);
    }

    /// A list item with a bullet, wrapped under itself.
    pub fn bullet(&mut self, text: &str, style: Style) {
        self.bullet_under(0, text, style);
    }

    /// A list item `depth` steps in under the one before it, such as a reply.
    pub fn bullet_under(&mut self, depth: u8, text: &str, style: Style) {
        self.ensure(style.line_height());
        let (x, y) = (self.left() + f32::from(depth) * style.size * 1.6, self.y);
        let indent = style.size * 1.6;
        self.text_at(x + style.size * 0.4, y, "•", style);
        let w = self.width() - indent;
        self.paragraph_in(x + indent, w, text, style);
        self.y += 2.0;
    }

    pub fn rect(
        &mut self,
        x: f32,
        top: f32,
        w: f32,
        h: f32,
        fill: Option<[f32; 3]>,
        stroke: Option<[f32; 3]>,
    ) {
        let page_h = self.current().height;
        let ring = [(x, top), (x + w, top), (x + w, top + h), (x, top + h)];
        let points = ring
            .iter()
            .map(|&(px, py)| point(px, page_h - py))
            .collect();
        let mode = match (fill, stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (Some(_), None) => PaintMode::Fill,
            _ => PaintMode::Stroke,
        };
        let page = self.current();
        if let Some(c) = fill {
            page.ops.push(Op::SetFillColor { col: rgb(c) });
        }
        if let Some(c) = stroke {
            page.ops.push(Op::SetOutlineColor { col: rgb(c) });
            page.ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
        }
        let polygon = Polygon {
            rings: vec![PolygonRing { points }],
            mode,
            winding_order: WindingOrder::NonZero,
        };
        page.ops.push(Op::DrawPolygon { polygon });
    }

    /// A polyline (or closed outline) through points given top-down.
    pub fn line(&mut self, points: &[(f32, f32)], color: [f32; 3], thickness: f32, closed: bool) {
        let page_h = self.current().height;
        let points = points.iter().map(|&(x, y)| point(x, page_h - y)).collect();
        let page = self.current();
        page.ops.push(Op::SetOutlineColor { col: rgb(color) });
        page.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        page.ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: closed,
            },
        });
    }

    /// A filled shape; `curve` marks Bézier control points as printpdf expects.
    pub fn fill_shape(&mut self, points: &[((f32, f32), bool)], color: [f32; 3]) {
        let page_h = self.current().height;
        let points = points
            .iter()
            .map(|&((x, y), bezier)| LinePoint {
                p: Point {
                    x: Pt(x),
                    y: Pt(page_h - y),
                },
                bezier,
            })
            .collect();
        let page = self.current();
        page.ops.push(Op::SetFillColor { col: rgb(color) });
        let polygon = Polygon {
            rings: vec![PolygonRing { points }],
            mode: PaintMode::Fill,
            winding_order: WindingOrder::NonZero,
        };
        page.ops.push(Op::DrawPolygon { polygon });
    }

    /// Limits later drawing to a shape until [`Op::RestoreGraphicsState`].
    pub fn clip_shape(&mut self, points: &[((f32, f32), bool)]) {
        let page_h = self.current().height;
        let points = points
            .iter()
            .map(|&((x, y), bezier)| LinePoint {
                p: Point {
                    x: Pt(x),
                    y: Pt(page_h - y),
                },
                bezier,
            })
            .collect();
        let polygon = Polygon {
            rings: vec![PolygonRing { points }],
            mode: PaintMode::Clip,
            winding_order: WindingOrder::NonZero,
        };
        let page = self.current();
        page.ops.push(Op::SaveGraphicsState);
        page.ops.push(Op::DrawPolygon { polygon });
    }

    /// Raw operations on the current page (images).
    pub fn push(&mut self, op: Op) {
        self.current().ops.push(op);
    }
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}
