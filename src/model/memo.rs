//! The session memo (muistio) drafted from the session's boards: a heading per board and
//! what the method says matters on it. The facilitator edits it afterwards.

use super::{BoardContent, ModelError, WorkshopView};
use std::fmt::Write;

/// The memo text for one session, in Finnish.
pub fn draft(view: &WorkshopView, session: &str) -> Result<String, ModelError> {
    let found = view
        .sessions
        .iter()
        .find(|s| s.id == session)
        .ok_or_else(|| ModelError::NotFound { what: "session", id: session.into() })?;
    let mut memo = format!("# {}\n", found.title);
    if !found.date.is_empty() {
        let _ = writeln!(memo, "{}", found.date);
    }
    for board in view.boards.iter().filter(|b| b.session_id.as_deref() == Some(session) && !b.archived) {
        let _ = write!(memo, "\n## {}\n", board.title);
        for line in key_content(&board.content) {
            let _ = writeln!(memo, "- {line}");
        }
    }
    Ok(memo)
}

fn key_content(content: &BoardContent) -> Vec<String> {
    match content {
        BoardContent::IdeaWall(b) => b
            .ranking
            .iter()
            .filter_map(|r| {
                let idea = b.ideas.iter().find(|i| i.id == r.idea_id)?;
                let tried = if idea.experiment { " (kokeilu)" } else { "" };
                Some(format!("{} – {} ääntä{tried}", idea.name, r.votes))
            })
            .collect(),
        BoardContent::CausalMap(b) => {
            let text = |id: &String| b.nodes.iter().find(|n| &n.id == id).map(|n| n.text.clone());
            let mut lines: Vec<String> = b.central_problem.iter().filter_map(text).map(|t| format!("Keskeinen ongelma: {t}")).collect();
            lines.extend(b.root_causes.iter().filter_map(text).map(|t| format!("Juurisyy: {t}")));
            lines
        }
        BoardContent::Cafe(b) => b
            .stations
            .iter()
            .map(|s| match s.summary.trim() {
                "" => format!("{} ({} muistiinpanoa)", s.question, b.harvest(&s.id).len()),
                summary => format!("{}: {summary}", s.question),
            })
            .collect(),
        BoardContent::Persona(b) => b.personas.iter().map(|p| format!("{}: {}", p.name, p.goal)).collect(),
        BoardContent::ServicePath(b) => {
            b.cards.iter().filter(|c| c.critical).map(|c| format!("Kriittinen kohta: {}", c.text)).collect()
        }
        BoardContent::Free(b) => b.cards.iter().map(|c| c.text.clone()).collect(),
        BoardContent::Glossary(b) => b.terms.iter().map(|t| format!("{}: {}", t.term, t.meaning)).collect(),
        BoardContent::Phenomenon(b) => b.entries.iter().map(|e| format!("{} {}", e.zone.finnish(), e.text)).collect(),
        BoardContent::OperatingModel(b) => b
            .elements
            .iter()
            .map(|e| format!("{}: {}", e.kind.finnish_plural(), e.text))
            .chain(b.open_round().map(|r| format!("Kommentointikierros {} on auki", r.number)))
            .collect(),
        BoardContent::QualityCriteria(b) => b.criteria.iter().map(|c| c.text.clone()).collect(),
        BoardContent::Evaluation(b) => {
            b.results.iter().filter_map(|r| {
                let item = b.items.iter().find(|i| i.id == r.item_id)?;
                Some(format!("{}: {} vastausta, keskiarvo {}", item.text, r.count, r.mean.map(|m| m.to_string()).unwrap_or_else(|| "–".into())))
            }).collect()
        }
    }
}
