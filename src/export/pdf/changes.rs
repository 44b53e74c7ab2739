//! The report's page "Muutokset": what changed on each board since a named version.

use super::layout::{Layout, Style};
use crate::model::diff::{BoardDiff, Change, ItemChange, VersionDiff};

pub const TITLE: &str = "Muutokset";

/// The heading, which versions are compared, then one part per changed board.
pub fn page(l: &mut Layout, diff: &VersionDiff) {
    l.heading(TITLE, 1);
    let to = if diff.to.is_empty() { "tähän raporttiin".to_string() } else { format!("versioon {}", diff.to) };
    let from = if diff.from.is_empty() { "nykytilasta".to_string() } else { format!("versiosta {}", diff.from) };
    l.paragraph(&format!("Mitä muuttui {from} {to}."), Style::BODY);
    if diff.boards.is_empty() {
        l.paragraph("Tauluihin ei ole tullut muutoksia.", Style::BODY);
    }
    for board in &diff.boards {
        board_part(l, board);
    }
}

fn board_part(l: &mut Layout, board: &BoardDiff) {
    let title = if board.title.trim().is_empty() { "Nimetön taulu" } else { board.title.as_str() };
    l.heading(title, 2);
    match board.change {
        Change::Added => l.paragraph("Uusi taulu.", Style::BODY),
        Change::Removed => l.paragraph("Taulu on poistettu.", Style::BODY),
        Change::Changed => {}
    }
    for item in &board.added {
        l.bullet(&format!("Lisätty: {}", name(item)), Style::BODY);
    }
    for item in &board.changed {
        let fields: Vec<&str> = item.fields.iter().map(|f| field_name(f)).collect();
        l.bullet(&format!("Muutettu: {} ({})", name(item), fields.join(", ")), Style::BODY);
    }
    for item in &board.removed {
        l.bullet(&format!("Poistettu: {}", name(item)), Style::BODY);
    }
}

/// The item's label, after what kind of item it is.
fn name(item: &ItemChange) -> String {
    let kind = type_name(&item.item_type);
    match item.label.trim() {
        "" => kind.to_string(),
        label => format!("{kind} \u{201D}{label}\u{201D}"),
    }
}

fn type_name(item_type: &str) -> &str {
    match item_type {
        "Board" => "taulu",
        "Comment" => "kommentti",
        "Persona" => "persoona",
        "Phase" => "vaihe",
        "Lane" => "kaista",
        "PathCard" | "FreeCard" => "kortti",
        "Endpoint" => "sisään- tai uloskäynti",
        "CausalNode" => "syy tai seuraus",
        "CausalLink" => "yhteys",
        "Station" => "piste",
        "CafeGroup" => "ryhmä",
        "CafeNote" => "muistiinpano",
        "Idea" => "idea",
        "Cluster" => "ryhmä",
        "Vote" => "ääni",
        "Criterion" => "kriteeri",
        "EvalItem" => "kysymys",
        "Answer" => "vastaus",
        _ => "kohta",
    }
}

/// A field's name in Finnish, for the fields people edit most; others as they are.
fn field_name(field: &str) -> &str {
    match field {
        "name" => "nimi",
        "title" => "otsikko",
        "text" => "teksti",
        "age" => "ikä",
        "life_situation" => "elämäntilanne",
        "support_needs" => "tuen tarpeet",
        "strengths" => "voimavarat",
        "goal" => "tavoite",
        "how_to_reach" => "miten tavoitteeseen päästään",
        "services" => "palvelut",
        "quote" => "lainaus",
        "value_functional" | "value_social" | "value_emotional" => "asiakasarvo",
        "avatar" => "kuva",
        "pos" => "paikka",
        "order" => "järjestys",
        "archived" => "arkistoitu",
        "resolved" => "ratkaistu",
        "question" => "kysymys",
        "summary" => "yhteenveto",
        "plain" => "selkoversio",
        "critical" => "kriittinen piste",
        "polarity" => "suunta",
        "note" => "huomio",
        "duration" => "kesto",
        other => other,
    }
}
