//! "Mistä tämä tuli": under an item, where it came from and where it was used. A
//! deleted source is printed as a broken link with the label it had.

use super::Ctx;
use crate::export::pdf::layout::{Layout, Style};
use crate::model::trace::Source;

/// How a source reads in the report.
pub fn source_text(s: &Source) -> String {
    match s.broken {
        true => format!("{} (poistettu, linkki katki)", s.label),
        false => s.label.clone(),
    }
}

/// The line under item `id` that says where it came from.
pub fn lines(l: &mut Layout, ctx: &Ctx, id: &str) {
    let sources: Vec<String> = ctx.traces.iter().filter(|t| t.item_id == id).map(|t| source_text(&t.source)).collect();
    if !sources.is_empty() {
        l.bullet_under(1, &format!("Mistä tämä tuli: {}", sources.join("; ")), Style::NOTE);
    }
}

/// After a board's section: which of its items the model, criteria or ideas came from.
pub fn used_from(l: &mut Layout, ctx: &Ctx, board: &str) {
    let mut sources: Vec<(&str, Vec<&str>)> = Vec::new();
    for t in ctx.traces.iter().filter(|t| t.source.board_id == board) {
        match sources.iter_mut().find(|(id, _)| *id == t.source.item_id) {
            Some((_, used)) => used.push(&t.item_label),
            None => sources.push((&t.source.item_id, vec![&t.item_label])),
        }
    }
    if sources.is_empty() {
        return;
    }
    l.heading("Mihin tätä käytettiin", 3);
    for (id, used) in sources {
        let label = ctx.traces.iter().find(|t| t.source.item_id == id).map(|t| t.source.label.as_str()).unwrap_or_default();
        l.bullet(&format!("{label}. Käytetty: {}", used.join("; ")), Style::BODY);
    }
}

/// After a board's section: where its traced items came from, for kinds that do not
/// print it under each item.
pub fn came_from(l: &mut Layout, ctx: &Ctx, board: &str) {
    let mut items: Vec<&str> = ctx.traces.iter().filter(|t| t.board_id == board).map(|t| t.item_id.as_str()).collect();
    items.dedup();
    if items.is_empty() {
        return;
    }
    l.heading("Mistä nämä tulivat", 3);
    for id in items {
        let label = ctx.traces.iter().find(|t| t.item_id == id).map(|t| t.item_label.as_str()).unwrap_or_default();
        l.bullet(label, Style::BODY);
        lines(l, ctx, id);
    }
}
