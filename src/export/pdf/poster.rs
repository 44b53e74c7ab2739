//! Wall posters (huoneentaulu) on A3: the quality criteria with their plain-language
//! versions big, by area; or any board drawn to fill the sheet.

use super::layout::{A3, Layout, MUTED, Style};
use super::{cover, draw, finish};
use crate::export::fonts::{Metrics, Weight};
use crate::export::kinds::{self, quality_criteria};
use crate::export::{ExportError, ExportOptions};
use crate::model::quality_criteria::QualityBoard;
use crate::model::{Board, BoardContent, WorkshopView};

/// A poster of `board_id`, or of the first quality criteria board when no id is given.
pub fn poster(
    view: &WorkshopView,
    board_id: Option<&str>,
    _opts: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let board = match board_id {
        Some(id) => view
            .board(id)
            .ok_or_else(|| ExportError::NoSuchBoard(id.to_string()))?,
        None => view
            .boards
            .iter()
            .find(|b| !b.archived && matches!(b.content, BoardContent::QualityCriteria(_)))
            .ok_or(ExportError::NoQualityCriteria)?,
    };
    let metrics = Metrics::load()?;
    let mut l = Layout::new(&metrics, &board.title)?;
    match &board.content {
        BoardContent::QualityCriteria(b) => criteria(&mut l, view, board, b),
        BoardContent::OperatingModel(m) => kinds::operating_model::poster(&mut l, view, board, m),
        _ => drawing(&mut l, view, board),
    }
    Ok(finish(l, cover::title(view)))
}

fn criteria(l: &mut Layout, view: &WorkshopView, board: &Board, b: &QualityBoard) {
    l.page(A3);
    l.paragraph(
        cover::title(view),
        Style {
            color: MUTED,
            ..Style::sized(14.0, Weight::Regular)
        },
    );
    l.paragraph(&board.title, Style::sized(34.0, Weight::Bold));
    l.space(12.0);
    for (area, name) in quality_criteria::AREAS {
        let criteria = quality_criteria::of_area(b, area);
        if criteria.is_empty() {
            continue;
        }
        l.ensure(90.0);
        l.paragraph(
            name,
            Style {
                color: [0.2, 0.4, 0.6],
                ..Style::sized(24.0, Weight::Bold)
            },
        );
        for c in criteria {
            let plain = if c.plain.trim().is_empty() {
                &c.text
            } else {
                &c.plain
            };
            l.ensure(Style::sized(20.0, Weight::Bold).line_height() * 2.0);
            l.bullet(plain, Style::sized(20.0, Weight::Bold));
            if plain != &c.text {
                let (x, w) = (l.left() + 32.0, l.width() - 32.0);
                l.paragraph_in(
                    x,
                    w,
                    &c.text,
                    Style {
                        color: MUTED,
                        ..Style::sized(11.0, Weight::Regular)
                    },
                );
            }
            l.space(10.0);
        }
        l.space(12.0);
    }
}

fn drawing(l: &mut Layout, view: &WorkshopView, board: &Board) {
    l.page((A3.1, A3.0));
    l.paragraph(
        cover::title(view),
        Style {
            color: MUTED,
            ..Style::sized(14.0, Weight::Regular)
        },
    );
    l.paragraph(&board.title, Style::sized(30.0, Weight::Bold));
    let scene = kinds::scene(board, l.metrics);
    let (left, width, top) = (l.left(), l.width(), l.y);
    let height = l.remaining();
    draw::scene(l, &scene, (left, top, width, height), 2.0);
}
