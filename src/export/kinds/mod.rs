//! One exporter per board kind. Each module holds everything kind-specific: its section
//! of the PDF report, its drawing as a [`Scene`] (used by PNG, JSON Canvas and posters)
//! and its CSV rows.
//!
//! To add a board kind: add a module here with `section`, `scene` and `rows`, and one arm
//! in each of the three functions below.

mod cafe;
mod causal_map;
pub(crate) mod evaluation;
mod free;
mod glossary;
pub(crate) mod idea_wall;
pub(crate) mod operating_model;
mod persona;
mod phenomenon;
pub mod quality_criteria;
mod service_path;
mod traces;

use super::ExportOptions;
use super::csv::Row;
use super::fonts::Metrics;
use super::pdf::layout::{Layout, Style};
use super::scene::Scene;
use super::RoundChanges;
use crate::model::session::Comment;
use crate::model::trace::Trace;
use crate::model::{Board, BoardContent, WorkshopView};

/// What every section may need besides its board.
pub struct Ctx<'a> {
    pub view: &'a WorkshopView,
    pub opts: &'a ExportOptions,
    pub media: &'a dyn Fn(&str) -> Option<Vec<u8>>,
    /// Every traced link, read once for the whole report.
    pub traces: Vec<Trace>,
    /// What changed on each model after each of its reflection rounds.
    pub rounds: &'a [RoundChanges],
}

/// The board's section of the report, starting on a new page, with its comments.
pub fn section(l: &mut Layout, board: &Board, ctx: &Ctx) {
    match &board.content {
        BoardContent::Glossary(b) => glossary::section(l, board, b),
        BoardContent::Phenomenon(b) => phenomenon::section(l, board, b, ctx),
        BoardContent::OperatingModel(b) => operating_model::section(l, board, b, ctx),
        BoardContent::Persona(b) => persona::section(l, board, b, ctx),
        BoardContent::ServicePath(b) => service_path::section(l, board, b, ctx),
        BoardContent::CausalMap(b) => causal_map::section(l, board, b),
        BoardContent::Cafe(b) => cafe::section(l, board, b, ctx),
        BoardContent::IdeaWall(b) => idea_wall::section(l, board, b, ctx),
        BoardContent::Free(b) => free::section(l, board, b),
        BoardContent::QualityCriteria(b) => quality_criteria::section(l, board, b),
        BoardContent::Evaluation(b) => evaluation::section(l, board, b),
    }
    if !matches!(board.content, BoardContent::OperatingModel(_) | BoardContent::Phenomenon(_)) {
        traces::came_from(l, ctx, &board.id);
    }
    traces::used_from(l, ctx, &board.id);
    comments(l, board, ctx);
}

/// The board as a drawing.
pub fn scene(board: &Board, m: &Metrics) -> Scene {
    match &board.content {
        BoardContent::Glossary(b) => glossary::scene(b, m),
        BoardContent::Phenomenon(b) => phenomenon::scene(b, m),
        BoardContent::OperatingModel(b) => operating_model::scene(b, m),
        BoardContent::Persona(b) => persona::scene(b, m),
        BoardContent::ServicePath(b) => service_path::scene(b, m),
        BoardContent::CausalMap(b) => causal_map::scene(b, m),
        BoardContent::Cafe(b) => cafe::scene(b, m),
        BoardContent::IdeaWall(b) => idea_wall::scene(b, m),
        BoardContent::Free(b) => free::scene(b, m),
        BoardContent::QualityCriteria(b) => quality_criteria::scene(b, m),
        BoardContent::Evaluation(b) => evaluation::scene(b, m),
    }
}

/// Every text item of the board as CSV rows (one row per field).
pub fn rows(board: &Board, out: &mut Vec<Row>) {
    let mut push = |kind: &str, id: &str, field: &str, value: &str| {
        out.push(Row::new("cards", &board.title, kind, id, field, value));
    };
    match &board.content {
        BoardContent::Glossary(b) => glossary::rows(b, &mut push),
        BoardContent::Phenomenon(b) => phenomenon::rows(b, &mut push),
        BoardContent::OperatingModel(b) => operating_model::rows(b, &mut push),
        BoardContent::Persona(b) => persona::rows(b, &mut push),
        BoardContent::ServicePath(b) => service_path::rows(b, &mut push),
        BoardContent::CausalMap(b) => causal_map::rows(b, &mut push),
        BoardContent::Cafe(b) => cafe::rows(b, &mut push),
        BoardContent::IdeaWall(b) => idea_wall::rows(b, &mut push),
        BoardContent::Free(b) => free::rows(b, &mut push),
        BoardContent::QualityCriteria(b) => quality_criteria::rows(b, &mut push),
        BoardContent::Evaluation(b) => evaluation::rows(b, &mut push),
    }
}

/// The callback each kind's `rows` fills: (kind, item id, field, value).
pub type Push<'a> = dyn FnMut(&str, &str, &str, &str) + 'a;

/// Comments on the board, open and resolved, each with its replies under it; the
/// author's name only when names were opted in.
fn comments(l: &mut Layout, board: &Board, ctx: &Ctx) {
    let on_board: Vec<&Comment> = ctx.view.comments.iter().filter(|c| c.board_id == board.id && !c.text.is_empty()).collect();
    let starts_thread = |c: &&Comment| c.reply_to.is_empty() || !on_board.iter().any(|o| o.id == c.reply_to);
    let threads: Vec<&Comment> = on_board.iter().copied().filter(starts_thread).collect();
    if threads.is_empty() {
        return;
    }
    l.heading("Kommentit", 3);
    for c in threads {
        l.bullet_under(0, &comment_line(c, ctx.opts), Style::BODY);
        for reply in on_board.iter().filter(|r| r.reply_to == c.id) {
            l.bullet_under(1, &comment_line(reply, ctx.opts), Style::BODY);
        }
    }
}

pub(crate) fn comment_line(c: &Comment, opts: &ExportOptions) -> String {
    let resolved = if c.resolved { " (ratkaistu)" } else { "" };
    match (opts.include_names, c.author.is_empty()) {
        (true, false) => format!("{}: {}{resolved}", c.author, c.text),
        _ => format!("{}{resolved}", c.text),
    }
}

/// Items sorted by their `order` field.
pub fn by_order<T>(items: &[T], order: impl Fn(&T) -> f64) -> Vec<&T> {
    let mut sorted: Vec<&T> = items.iter().collect();
    sorted.sort_by(|a, b| order(a).total_cmp(&order(b)));
    sorted
}
