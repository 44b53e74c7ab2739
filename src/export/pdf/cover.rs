//! The cover: title, organisation (only when opted in), version label, date and the
//! table of contents.

use super::layout::{A4, Layout, MUTED, Style};
use crate::export::ExportOptions;
use crate::export::fonts::Weight;
use crate::model::WorkshopView;

/// Draws the cover from a new page. `entries` are (title, 1-based page number).
pub fn draw(
    l: &mut Layout,
    view: &WorkshopView,
    opts: &ExportOptions,
    date: &str,
    entries: &[(String, usize)],
) {
    l.page(A4);
    l.space(120.0);
    l.paragraph(title(view), Style::sized(26.0, Weight::Bold));
    if opts.include_organisation && !view.meta.organisation.is_empty() {
        l.paragraph(&view.meta.organisation, Style::sized(14.0, Weight::Regular));
    }
    if !view.meta.version_label.is_empty() {
        l.paragraph(&view.meta.version_label, Style::sized(14.0, Weight::Bold));
    }
    l.paragraph(
        date,
        Style {
            color: MUTED,
            ..Style::sized(11.0, Weight::Regular)
        },
    );
    l.space(40.0);
    l.heading("Sisällys", 2);
    let style = Style::BODY;
    for (name, page) in entries {
        l.ensure(style.line_height());
        let number = page.to_string();
        let (left, width, y) = (l.left(), l.width(), l.y);
        let room = width - 40.0;
        let shown = fit(l, name, room, style);
        l.text_at(left, y, &shown, style);
        let w = l.metrics.width(&number, style.size, style.weight);
        l.text_at(left + width - w, y, &number, style);
        l.y += style.line_height();
    }
}

pub fn title(view: &WorkshopView) -> &str {
    if view.meta.title.trim().is_empty() {
        "Työpaja"
    } else {
        &view.meta.title
    }
}

/// The text cut with an ellipsis to fit one line of the contents.
fn fit(l: &Layout, text: &str, width: f32, style: Style) -> String {
    if l.metrics.width(text, style.size, style.weight) <= width {
        return text.to_string();
    }
    let mut shown = String::new();
    for c in text.chars() {
        if l.metrics
            .width(&format!("{shown}{c}…"), style.size, style.weight)
            > width
        {
            break;
        }
        shown.push(c);
    }
    format!("{shown}…")
}
