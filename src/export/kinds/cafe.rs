//! The learning café's harvest: per station its question and host, the notes by round
//! and group, and the summary.

use super::{Ctx, Push, by_order};
use crate::export::fonts::Metrics;
use crate::export::pdf::layout::{A4, Layout, Style};
use crate::export::pdf::table::Table;
use crate::export::scene::{self, Scene};
use crate::model::Board;
use crate::model::cafe::CafeBoard;

fn group_name(b: &CafeBoard, id: &str) -> String {
    b.groups
        .iter()
        .find(|g| g.id == id)
        .map(|g| g.name.clone())
        .unwrap_or_default()
}

pub fn section(l: &mut Layout, board: &Board, b: &CafeBoard, ctx: &Ctx) {
    l.page(A4);
    l.heading(&board.title, 1);
    for (i, station) in by_order(&b.stations, |s| s.order).into_iter().enumerate() {
        l.heading(&format!("Piste {}: {}", i + 1, station.question), 2);
        if ctx.opts.include_names && !station.host.is_empty() {
            l.paragraph(
                &format!("Pisteen emäntä tai isäntä: {}", station.host),
                Style::NOTE,
            );
        }
        let notes = b.harvest(&station.id);
        // Themes the facilitator accepted get a column of their own.
        let themed = notes.iter().any(|n| !n.theme.is_empty());
        let rows: Vec<Vec<String>> = notes
            .iter()
            .map(|n| {
                let mut row = vec![n.round.to_string(), group_name(b, &n.group_id)];
                if themed {
                    row.push(n.theme.clone());
                }
                row.push(n.text.clone());
                row
            })
            .collect();
        let (shares, header): (&[f32], &[&str]) = if themed {
            (&[0.12, 0.18, 0.2, 0.5], &["Kierros", "Ryhmä", "Teema", "Muistiinpano"])
        } else {
            (&[0.12, 0.2, 0.68], &["Kierros", "Ryhmä", "Muistiinpano"])
        };
        if !rows.is_empty() {
            Table { shares, header }.draw(l, &rows);
        }
        l.field("Yhteenveto", &station.summary);
    }
}

pub fn scene(b: &CafeBoard, m: &Metrics) -> Scene {
    let mut s = Scene::default();
    let col = 300.0;
    for (i, station) in by_order(&b.stations, |s| s.order).into_iter().enumerate() {
        let x = i as f32 * (col + 40.0);
        let mut y = 50.0;
        for note in b.harvest(&station.id) {
            let text = format!(
                "{}. kierros, {}: {}",
                note.round,
                group_name(b, &note.group_id),
                note.text
            );
            y += s.card(m, &note.id, (x + 10.0, y, col - 20.0), &text, scene::YELLOW) + 10.0;
        }
        if !station.summary.is_empty() {
            let id = format!("{}-summary", station.id);
            y += s.card(
                m,
                &id,
                (x + 10.0, y, col - 20.0),
                &format!("Yhteenveto: {}", station.summary),
                scene::GREEN,
            ) + 10.0;
        }
        s.group(&station.id, (x, 0.0, col, y.max(120.0)), &station.question);
    }
    s
}

pub fn rows(b: &CafeBoard, push: &mut Push) {
    for st in &b.stations {
        push("station", &st.id, "Kysymys", &st.question);
        push("station", &st.id, "Yhteenveto", &st.summary);
    }
    for n in &b.notes {
        let station = b
            .stations
            .iter()
            .find(|s| s.id == n.station_id)
            .map(|s| s.question.as_str())
            .unwrap_or("");
        push("cafe_note", &n.id, "Piste", station);
        push("cafe_note", &n.id, "Kierros", &n.round.to_string());
        push("cafe_note", &n.id, "Ryhmä", &group_name(b, &n.group_id));
        push("cafe_note", &n.id, "Teksti", &n.text);
        if !n.theme.is_empty() {
            push("cafe_note", &n.id, "Teema", &n.theme);
        }
    }
}
