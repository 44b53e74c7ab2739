//! Tables for the layout layer: columns by share of the width, wrapped cells, a header
//! row repeated on every page the table continues to, and rows split across pages when
//! a row alone is taller than a page.

use super::layout::{BODY, Layout, Style};
use crate::export::fonts::Weight;

const PAD: f32 = 4.0;
const HEADER_FILL: [f32; 3] = [0.9, 0.92, 0.95];
const RULE: [f32; 3] = [0.75, 0.75, 0.8];

/// A table: column shares (summing to about 1) and a header.
pub struct Table<'a> {
    pub shares: &'a [f32],
    pub header: &'a [&'a str],
}

impl Table<'_> {
    pub fn draw(&self, l: &mut Layout, rows: &[Vec<String>]) {
        let widths: Vec<f32> = self.shares.iter().map(|s| s * l.width()).collect();
        let header: Vec<String> = self.header.iter().map(|h| h.to_string()).collect();
        let header_lines = wrap_row(l, &header, &widths, Weight::Bold);
        let lh = Style::BODY.line_height();
        l.ensure(row_height(&header_lines, lh) + row_height(&[vec![String::new()]], lh));
        draw_row(l, &header_lines, &widths, Weight::Bold, Some(HEADER_FILL));
        for row in rows {
            let mut lines = wrap_row(l, row, &widths, Weight::Regular);
            loop {
                let fit = ((l.remaining() - 2.0 * PAD) / lh).floor().max(0.0) as usize;
                let tallest = lines.iter().map(Vec::len).max().unwrap_or(0);
                if tallest <= fit {
                    draw_row(l, &lines, &widths, Weight::Regular, None);
                    break;
                }
                if fit >= 3 {
                    let rest: Vec<Vec<String>> = lines
                        .iter_mut()
                        .map(|cell| cell.split_off(fit.min(cell.len())))
                        .collect();
                    draw_row(l, &lines, &widths, Weight::Regular, None);
                    lines = rest;
                }
                l.ensure(f32::MAX);
                draw_row(l, &header_lines, &widths, Weight::Bold, Some(HEADER_FILL));
            }
        }
        l.space(BODY);
    }
}

fn wrap_row(l: &Layout, cells: &[String], widths: &[f32], weight: Weight) -> Vec<Vec<String>> {
    cells
        .iter()
        .zip(widths)
        .map(|(text, w)| l.metrics.wrap(text, BODY, weight, w - 2.0 * PAD))
        .collect()
}

fn row_height(lines: &[Vec<String>], lh: f32) -> f32 {
    lines.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * lh + 2.0 * PAD
}

fn draw_row(
    l: &mut Layout,
    lines: &[Vec<String>],
    widths: &[f32],
    weight: Weight,
    fill: Option<[f32; 3]>,
) {
    let style = Style {
        weight,
        ..Style::BODY
    };
    let lh = style.line_height();
    let h = row_height(lines, lh);
    let (top, mut x) = (l.y, l.left());
    for (cell, w) in lines.iter().zip(widths) {
        l.rect(x, top, *w, h, fill, Some(RULE));
        for (i, line) in cell.iter().enumerate() {
            l.text_at(x + PAD, top + PAD + i as f32 * lh, line, style);
        }
        x += w;
    }
    l.y = top + h;
}
