//! Personas: one page each in the report, with the avatar, the fields of the method, the
//! value triad and the composite note; a card per persona on the board drawing.

use super::{Ctx, Push, by_order};
use crate::export::fonts::{Metrics, Weight};
use crate::export::pdf::layout::{A4, Layout, Style};
use crate::export::pdf::table::Table;
use crate::export::scene::{self, Scene};
use crate::model::Board;
use crate::model::persona::{COMPOSITE_NOTE, Persona, PersonaBoard};

const AVATAR: f32 = 96.0;

/// The fields of a persona with their Finnish labels, in the method's order.
fn fields(p: &Persona) -> [(&'static str, &str); 7] {
    [
        ("Elämäntilanne", &p.life_situation),
        ("Tuen tarpeet", &p.support_needs),
        ("Vahvuudet ja voimavarat", &p.strengths),
        ("Toivottu muutos ja tavoite", &p.goal),
        ("Miten tavoitteeseen päästään", &p.how_to_reach),
        ("Käytössä olevat palvelut", &p.services),
        ("Lainaus", &p.quote),
    ]
}

pub fn section(l: &mut Layout, board: &Board, b: &PersonaBoard, ctx: &Ctx) {
    for (i, p) in by_order(&b.personas, |p| p.order).into_iter().enumerate() {
        l.page(A4);
        if i == 0 {
            l.heading(&board.title, 1);
        }
        page(l, p, ctx);
    }
    if b.personas.is_empty() {
        l.page(A4);
        l.heading(&board.title, 1);
    }
}

fn page(l: &mut Layout, p: &Persona, ctx: &Ctx) {
    let top = l.y;
    let x = l.left() + l.width() - AVATAR;
    super::super::pdf::avatar::draw(l, p.avatar.as_deref(), (x, top, AVATAR), ctx.media);
    let name_width = l.width() - AVATAR - 16.0;
    let title = if p.age.is_empty() {
        p.name.clone()
    } else {
        format!("{}, {}", p.name, p.age)
    };
    l.paragraph_in(
        l.left(),
        name_width,
        &title,
        Style::sized(16.0, Weight::Bold),
    );
    l.paragraph_in(l.left(), name_width, COMPOSITE_NOTE, Style::NOTE);
    l.y = l.y.max(top + AVATAR + 12.0);
    for (label, value) in fields(p) {
        l.field(label, value);
    }
    l.heading("Asiakasarvo", 3);
    let triad = Table {
        shares: &[1.0 / 3.0; 3],
        header: &["Toiminnallinen", "Sosiaalinen", "Tunteet"],
    };
    let row = vec![
        p.value_functional.clone(),
        p.value_social.clone(),
        p.value_emotional.clone(),
    ];
    triad.draw(l, &[row]);
}

pub fn scene(b: &PersonaBoard, m: &Metrics) -> Scene {
    let mut s = Scene::default();
    let unplaced = scene::unplaced(b.personas.iter().map(|p| &p.pos));
    for (i, p) in by_order(&b.personas, |p| p.order).into_iter().enumerate() {
        let (x, y) = if unplaced {
            scene::grid(i, 4, (280.0, 320.0))
        } else {
            (p.pos.x as f32, p.pos.y as f32)
        };
        let text = format!(
            "{} {}\n{}\nTavoite: {}",
            p.name, p.age, p.life_situation, p.goal
        );
        s.card(m, &p.id, (x, y, 280.0), text.trim(), scene::BLUE);
    }
    s
}

pub fn rows(b: &PersonaBoard, push: &mut Push) {
    for p in &b.personas {
        push("persona", &p.id, "Nimi", &p.name);
        push("persona", &p.id, "Ikä", &p.age);
        for (label, value) in fields(p) {
            push("persona", &p.id, label, value);
        }
        push("persona", &p.id, "Toiminnallinen arvo", &p.value_functional);
        push("persona", &p.id, "Sosiaalinen arvo", &p.value_social);
        push("persona", &p.id, "Tunnearvo", &p.value_emotional);
    }
}
