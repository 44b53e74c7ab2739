//! The phenomenon map: the phenomenon in the middle, its zones around it, and the SWOT
//! beside it.

use super::{Ctx, Push, by_order, traces};
use crate::export::fonts::Metrics;
use crate::export::pdf::layout::{A4, Layout, Style};
use crate::export::scene::{self, Scene};
use crate::model::phenomenon::{Entry, PhenomenonBoard, Zone};
use crate::model::Board;

fn in_zone(b: &PhenomenonBoard, zone: Zone) -> Vec<&Entry> {
    by_order(&b.entries, |e| e.order).into_iter().filter(|e| e.zone == zone).collect()
}

pub fn section(l: &mut Layout, board: &Board, b: &PhenomenonBoard, ctx: &Ctx) {
    l.page(A4);
    l.heading(&board.title, 1);
    if !b.phenomenon.trim().is_empty() {
        l.field("Ilmiö", &b.phenomenon);
    }
    for (heading, zones) in [("Ilmiökartta", &Zone::MAP[..]), ("SWOT", &Zone::SWOT[..])] {
        if zones.iter().all(|z| in_zone(b, *z).is_empty()) {
            continue;
        }
        l.heading(heading, 2);
        for zone in zones {
            let entries = in_zone(b, *zone);
            if entries.is_empty() {
                continue;
            }
            l.heading(zone.finnish(), 3);
            for e in entries {
                l.bullet(&e.text, Style::BODY);
                traces::lines(l, ctx, &e.id);
            }
        }
    }
}

pub fn scene(b: &PhenomenonBoard, m: &Metrics) -> Scene {
    let mut s = Scene::default();
    let col = 240.0;
    let zones = Zone::MAP.iter().chain(Zone::SWOT.iter());
    for (i, zone) in zones.enumerate() {
        let x = i as f32 * (col + 30.0);
        let mut y = 50.0;
        for e in in_zone(b, *zone) {
            let fill = if Zone::SWOT.contains(zone) { scene::GREEN } else { scene::YELLOW };
            y += s.card(m, &e.id, (x + 10.0, y, col - 20.0), &e.text, fill) + 10.0;
        }
        s.group(&format!("zone-{i}"), (x, 0.0, col, y.max(120.0)), zone.finnish());
    }
    s
}

pub fn rows(b: &PhenomenonBoard, push: &mut Push) {
    for e in &b.entries {
        push("entry", &e.id, "Alue", e.zone.finnish());
        push("entry", &e.id, "Teksti", &e.text);
    }
}
