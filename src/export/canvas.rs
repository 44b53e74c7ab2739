//! JSON Canvas 1.0 (<https://jsoncanvas.org>) of a board: cards become text nodes, frames
//! become group nodes, causal links become edges with sides, an arrow and the +/− label.
//! Opens in Obsidian and other canvas tools.

use super::scene::{Node, NodeKind, Scene};
use serde_json::{Value, json};

/// The scene as a JSON Canvas document.
pub fn canvas(scene: &Scene) -> String {
    let nodes: Vec<Value> = scene.nodes.iter().map(node).collect();
    let edges: Vec<Value> = scene
        .edges
        .iter()
        .filter_map(|e| {
            let (a, b) = (scene.node(&e.from)?, scene.node(&e.to)?);
            let (from_side, to_side) = sides(a, b);
            let mut edge = json!({
                "id": e.id, "fromNode": e.from, "fromSide": from_side,
                "toNode": e.to, "toSide": to_side, "toEnd": "arrow",
            });
            if !e.label.is_empty() {
                edge["label"] = json!(e.label);
            }
            Some(edge)
        })
        .collect();
    serde_json::to_string_pretty(&json!({ "nodes": nodes, "edges": edges })).unwrap_or_default()
}

fn node(n: &Node) -> Value {
    let mut v = json!({
        "id": n.id,
        "x": n.x.round() as i64, "y": n.y.round() as i64,
        "width": n.w.round() as i64, "height": n.h.round() as i64,
        "color": format!("#{:02x}{:02x}{:02x}", n.fill[0], n.fill[1], n.fill[2]),
    });
    match n.kind {
        NodeKind::Card => {
            v["type"] = json!("text");
            v["text"] = json!(n.text);
        }
        NodeKind::Group => {
            v["type"] = json!("group");
            v["label"] = json!(n.text);
        }
    }
    v
}

/// The sides facing each other: left/right when the boxes lie more side by side than
/// above each other, top/bottom otherwise.
fn sides(a: &Node, b: &Node) -> (&'static str, &'static str) {
    let dx = (b.x + b.w / 2.0) - (a.x + a.w / 2.0);
    let dy = (b.y + b.h / 2.0) - (a.y + a.h / 2.0);
    if dx.abs() >= dy.abs() {
        if dx >= 0.0 {
            ("right", "left")
        } else {
            ("left", "right")
        }
    } else if dy >= 0.0 {
        ("bottom", "top")
    } else {
        ("top", "bottom")
    }
}
