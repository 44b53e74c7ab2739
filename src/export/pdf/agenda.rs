//! Each session's agenda (steps, instructions, support questions) and its memo.

use super::layout::{Layout, Style};
use crate::export::fonts::Weight;
use crate::export::kinds::by_order;
use crate::model::session::{ParticipationLevel, Session};

/// A heading for the session, then its steps and memo; returns nothing, flows on.
pub fn session(l: &mut Layout, n: usize, s: &Session) {
    l.heading(&heading(n, &s.title), 2);
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
        if let Some(level) = step.participation {
            l.paragraph(&format!("Osallisuuden taso: {}", level.finnish()), Style::NOTE);
        }
        if !step.instructions.trim().is_empty() {
            l.paragraph(&step.instructions, Style::BODY);
        }
        for q in step.questions.iter().filter(|q| !q.trim().is_empty()) {
            l.bullet(q, Style::BODY);
        }
    }
    l.field("Muistio", &s.memo);
}

/// How many agenda steps of all sessions are at each level of participation, as one
/// line ("Tiedonantaja 2, Osallistuja 5, …"); None when no step has a level.
pub fn participation_counts(sessions: &[Session]) -> Option<String> {
    let steps: Vec<ParticipationLevel> =
        sessions.iter().flat_map(|s| &s.steps).filter_map(|st| st.participation).collect();
    if steps.is_empty() {
        return None;
    }
    let count = |level| steps.iter().filter(|l| **l == level).count();
    let parts: Vec<String> = ParticipationLevel::ALL.iter().map(|&l| format!("{} {}", l.finnish(), count(l))).collect();
    Some(parts.join(", "))
}

/// The session's heading, numbered by its place `n` in the order. The report owns the
/// number, so a number the title starts with ("1. Alkuvalmennus", as the PAKU template
/// writes them) gives way to it rather than printing twice.
pub fn heading(n: usize, title: &str) -> String {
    let title = without_number(title.trim());
    if title.is_empty() {
        format!("Kokoontuminen {n}")
    } else {
        format!("{n}. {title}")
    }
}

/// `title` without a leading "12. "; anything else as it is.
fn without_number(title: &str) -> &str {
    let digits = title.len() - title.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match title[digits..].strip_prefix(". ") {
        Some(rest) if (1..=3).contains(&digits) => rest.trim_start(),
        _ => title,
    }
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

#[cfg(test)]
mod tests {
    use super::heading;

    #[test]
    fn a_session_is_numbered_once_by_its_place() {
        assert_eq!(heading(1, "1. Alkuvalmennus"), "1. Alkuvalmennus");
        assert_eq!(heading(1, "Alkuvalmennus"), "1. Alkuvalmennus");
        assert_eq!(heading(10, "10. Liittymäpinnat"), "10. Liittymäpinnat");
        assert_eq!(
            heading(2, "3. Palvelupolut"),
            "2. Palvelupolut",
            "a moved session takes the number of its new place, like its steps"
        );
        assert_eq!(
            heading(4, "2026 alkaa"),
            "4. 2026 alkaa",
            "a year is not a number prefix"
        );
        assert_eq!(heading(3, ""), "Kokoontuminen 3");
    }
}
