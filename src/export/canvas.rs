//! JSON Canvas 1.0 (<https://jsoncanvas.org>) of a board: cards become text nodes, frames
//! become group nodes, causal links become edges with sides, an arrow and the +/− label.
//! Opens in Obsidian and other canvas tools.

use super::scene::{Node, NodeKind, Scene};
use serde_json::{Value, json};

/// Space between boards side by side, and around a board inside its group.
const GAP: f32 = 120.0;
const MARGIN: f32 = 40.0;

/// The scene as a JSON Canvas document.
pub fn canvas(scene: &Scene) -> String {
    document(scene.nodes.iter().map(node).collect(), edges(scene))
}

/// Several boards in one canvas, left to right, each inside a group labelled with its
/// title (`(board id, title, scene)`).
pub fn canvas_of_boards(boards: &[(&str, &str, Scene)]) -> String {
    let (mut nodes, mut edges_all) = (Vec::new(), Vec::new());
    let mut left = 0.0;
    for (id, title, scene) in boards {
        let (x0, y0, x1, y1) = scene.bounds();
        let (dx, dy) = (left + MARGIN - x0, MARGIN - y0);
        let (w, h) = (x1 - x0 + 2.0 * MARGIN, y1 - y0 + 2.0 * MARGIN);
        let mut frame = Scene::default();
        frame.group(id, (left, 0.0, w, h), title);
        nodes.extend(frame.nodes.iter().map(node));
        nodes.extend(scene.nodes.iter().map(|n| node(&Node { x: n.x + dx, y: n.y + dy, ..n.clone() })));
        edges_all.extend(edges(scene));
        left += w + GAP;
    }
    document(nodes, edges_all)
}

fn document(nodes: Vec<Value>, edges: Vec<Value>) -> String {
    serde_json::to_string_pretty(&json!({ "nodes": nodes, "edges": edges })).unwrap_or_default()
}

fn edges(scene: &Scene) -> Vec<Value> {
    scene
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
        .collect()
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
