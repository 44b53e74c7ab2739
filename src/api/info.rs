use crate::model::{BoardKind, WorkshopView};
use crate::store::VersionInfo;
use serde::Serialize;

/// What `paja info` prints: a summary of a workshop file.
#[derive(Debug, Clone, Serialize)]
pub struct Info {
    pub title: String,
    pub sessions: Vec<String>,
    /// Board count and item count per kind, for every kind that has boards.
    pub kinds: Vec<KindCount>,
    /// Every board, in the workshop's order, with the id other commands take.
    pub boards: Vec<BoardLine>,
    pub items: usize,
    pub versions: Vec<VersionLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindCount {
    pub kind: String,
    pub boards: usize,
    pub items: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct BoardLine {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub archived: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct VersionLine {
    pub name: String,
    pub created_at: String,
}

impl Info {
    pub fn new(view: &WorkshopView, versions: Vec<VersionInfo>) -> Info {
        let kinds: Vec<KindCount> = BoardKind::ALL
            .into_iter()
            .map(|kind| {
                let of_kind = view.boards.iter().filter(|b| b.content.kind() == kind);
                KindCount {
                    kind: kind.as_str().to_string(),
                    boards: of_kind.clone().count(),
                    items: of_kind.map(|b| b.content.item_count()).sum(),
                }
            })
            .filter(|k| k.boards > 0)
            .collect();
        Info {
            title: view.meta.title.clone(),
            sessions: view.sessions.iter().map(|s| s.title.clone()).collect(),
            items: kinds.iter().map(|k| k.items).sum(),
            kinds,
            boards: view
                .boards
                .iter()
                .map(|b| BoardLine {
                    id: b.id.clone(),
                    kind: b.content.kind().as_str().to_string(),
                    title: b.title.clone(),
                    archived: b.archived,
                })
                .collect(),
            versions: versions
                .into_iter()
                .map(|v| VersionLine { name: v.name, created_at: v.created_at })
                .collect(),
        }
    }

    /// The summary as plain lines for a terminal.
    pub fn to_text(&self) -> String {
        let mut out = format!("{}\n", self.title);
        out += &format!("Sessions: {}\n", self.sessions.len());
        for (i, s) in self.sessions.iter().enumerate() {
            out += &format!("  {}. {}\n", i + 1, s);
        }
        out += "Boards by kind:\n";
        for k in &self.kinds {
            out += &format!("  {}: {} boards, {} items\n", k.kind, k.boards, k.items);
        }
        out += "Boards (id, kind, title):\n";
        for b in &self.boards {
            let archived = if b.archived { " (archived)" } else { "" };
            out += &format!("  {}  {}  {}{archived}\n", b.id, b.kind, b.title);
        }
        out += &format!("Items: {}\n", self.items);
        out += &format!("Versions: {}\n", self.versions.len());
        for v in &self.versions {
            out += &format!("  {} ({})\n", v.name, v.created_at);
        }
        out
    }
}
