//! Each session's agenda (steps, instructions, support questions) and its memo.

use super::layout::{Layout, Style};
use crate::export::fonts::Weight;
use crate::export::kinds::by_order;
use crate::model::session::Session;

/// A heading for the session, then its steps and memo; returns nothing, flows on.
pub fn session(l: &mut Layout, n: usize, s: &Session) {
    let title = if s.title.is_empty() {
        format!("Kokoontuminen {n}")
    } else {
        format!("{n}. {}", s.title)
    };
    l.heading(&title, 2);
    if !s.date.is_empty() {
        l.paragraph(&format!("Päivä: {}", finnish_date(&s.date)), Style::NOTE);
    }
    for (i, step) in by_order(&s.steps, |st| st.order).into_iter().enumerate() {
        let minutes = step
            .minutes
            .map(|m| format!(" ({m} min)"))
            .unwrap_or_default();
        l.paragraph(
            &format!("{}.{} {}{minutes}", n, i + 1, step.title),
            Style::sized(10.5, Weight::Bold),
        );
        if !step.instructions.trim().is_empty() {
            l.paragraph(&step.instructions, Style::BODY);
        }
        for q in step.questions.iter().filter(|q| !q.trim().is_empty()) {
            l.bullet(q, Style::BODY);
        }
    }
    l.field("Muistio", &s.memo);
}

/// "2026-03-05" as "5.3.2026"; anything else as it is.
pub fn finnish_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (d.parse::<u32>(), m.parse::<u32>()) {
            (Ok(d), Ok(m)) => format!("{d}.{m}.{y}"),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}
