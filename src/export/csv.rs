//! CSV of the workshop: every text item of every board, the vote counts and the
//! evaluation results (the same figures the app shows, small groups left out; never
//! a raw answer), as one table with a `table` column. UTF-8 with a byte order mark so
//! LibreOffice and Excel read å, ä and ö. (Headless LibreOffice 7.4 ignores the mark and
//! reads the system character set; give it `--infilter="Text - txt - csv (StarCalc):44,34,76,1"`.)

use super::{ExportOptions, kinds};
use crate::model::evaluation::ItemResult;
use crate::model::{BoardContent, WorkshopView};

pub const HEADER: [&str; 6] = ["table", "board", "kind", "item_id", "field", "value"];

/// One line of the CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct Row(pub [String; 6]);

impl Row {
    pub fn new(table: &str, board: &str, kind: &str, id: &str, field: &str, value: &str) -> Row {
        Row([table, board, kind, id, field, value].map(str::to_string))
    }
}

/// The CSV text. Voters (table `voters`) and comment authors (the `field` of table
/// `comments`) appear only when names were opted in.
pub fn csv(view: &WorkshopView, opts: &ExportOptions) -> String {
    let mut rows = Vec::new();
    for board in &view.boards {
        kinds::rows(board, &mut rows);
    }
    for board in &view.boards {
        match &board.content {
            BoardContent::IdeaWall(b) => {
                for r in &b.ranking {
                    let name = b
                        .ideas
                        .iter()
                        .find(|i| i.id == r.idea_id)
                        .map(|i| i.name.as_str())
                        .unwrap_or("");
                    rows.push(Row::new(
                        "votes",
                        &board.title,
                        "idea",
                        &r.idea_id,
                        name,
                        &r.votes.to_string(),
                    ));
                }
                if opts.include_names {
                    for v in b.votes.iter().filter(|v| v.voter.is_some()) {
                        let voter = v.voter.as_deref().unwrap_or("");
                        rows.push(Row::new(
                            "voters",
                            &board.title,
                            "vote",
                            &v.idea_id,
                            "voter",
                            voter,
                        ));
                    }
                }
            }
            BoardContent::Evaluation(b) => {
                for r in &b.results {
                    result_rows(&mut rows, &board.title, r);
                }
            }
            _ => {}
        }
    }
    for c in view.comments.iter().filter(|c| !c.text.is_empty()) {
        let board = view
            .board(&c.board_id)
            .map(|b| b.title.as_str())
            .unwrap_or("");
        let author = if opts.include_names {
            c.author.as_str()
        } else {
            ""
        };
        rows.push(Row::new(
            "comments",
            board,
            "comment",
            &c.target_id,
            author,
            &c.text,
        ));
    }
    render(&rows)
}

fn render(rows: &[Row]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for row in rows {
        let cells: Vec<String> = row.0.iter().map(|c| quote(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// RFC 4180 quoting; a cell starting with = + - @ gets a leading apostrophe so a
/// spreadsheet shows it as text instead of running it as a formula.
fn quote(cell: &str) -> String {
    let cell = if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// One evaluation item's figures: `n`, the means and, for an open question, its answers.
fn result_rows(rows: &mut Vec<Row>, board: &str, r: &ItemResult) {
    let figures = [("n", Some(r.count as f64)), ("ka", r.mean), ("asiakkaat", r.client_mean), ("ammattilaiset", r.professional_mean), ("osaaminen", r.second_mean)];
    for (field, value) in figures {
        if let Some(value) = value {
            rows.push(Row::new("results", board, "result", &r.item_id, field, &value.to_string()));
        }
    }
    for text in &r.texts {
        rows.push(Row::new("results", board, "result", &r.item_id, "vastaus", text));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cells_with_commas_quotes_and_formulas_are_safe() {
        assert_eq!(super::quote("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(
            super::quote("=SUM(A1)"),
            "'=SUM(A1)",
            "no formula runs in a spreadsheet"
        );
        assert_eq!(super::quote("äö"), "äö");
    }
}

