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

/// The lines under item `id`: its sources, then what was made from it.
pub fn lines(l: &mut Layout, ctx: &Ctx, id: &str) {
    let sources: Vec<String> = ctx.traces.iter().filter(|t| t.item_id == id).map(|t| source_text(&t.source)).collect();
    if !sources.is_empty() {
        l.bullet_under(1, &format!("Mistä tämä tuli: {}", sources.join("; ")), Style::NOTE);
    }
    let used: Vec<String> = ctx.traces.iter().filter(|t| t.source.item_id == id).map(|t| t.item_label.clone()).collect();
    if !used.is_empty() {
        l.bullet_under(1, &format!("Käytetty: {}", used.join("; ")), Style::NOTE);
    }
}
