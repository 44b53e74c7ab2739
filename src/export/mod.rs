//! Export: carry a workshop out of the room as a PDF report, an A3 poster, a PNG of a
//! board, JSON, JSON Canvas or CSV.
//!
//! Every format takes a [`WorkshopView`] — of the workshop now, or of a named version —
//! and returns bytes or text; [`write_atomic`] puts them on disk all or nothing. Names of
//! people (comment authors, voters, café hosts) and the organisation appear only when
//! [`ExportOptions`] opts in.
//!
//! ```
//! use paja::export::{self, ExportOptions};
//! use paja::model::{BoardKind, Workshop};
//! use paja::model::quality_criteria::Criterion;
//!
//! let mut workshop = Workshop::new();
//! let board = workshop.create_board(BoardKind::QualityCriteria, "Laatukriteerit", None).unwrap();
//! let criterion = Criterion { text: "Asiakas osallistuu päätöksiin.".into(), plain: "Sinä päätät mukana.".into(), ..Default::default() };
//! workshop.add(&board, &criterion).unwrap();
//! let view = workshop.view();
//! let pdf = export::pdf_report(&view, &ExportOptions::default(), &export::no_media, None).unwrap();
//! assert!(pdf.starts_with(b"%PDF"));
//! let csv = export::csv(&view, &ExportOptions::default());
//! assert!(csv.contains("Sinä päätät mukana."));
//! ```
//!
//! How it is cut: `kinds/` has one module per board kind with its report section, its
//! drawing ([`scene::Scene`]) and its CSV rows; `pdf/` has the layout layer (flowing text,
//! tables, page breaks), the cover and agenda, and the vector drawing of scenes; `png`,
//! `canvas` and `csv` each render one format.
//!
//! To add a format: add a module that takes a `WorkshopView` (or a board's `Scene`), add
//! a public function below, a variant to [`ExportError`] if it can fail in a new way, and
//! a subcommand in the CLI's `export`. To add a board kind, see `kinds/`.

mod atomic;
mod canvas;
mod csv;
mod error;
pub mod fonts;
mod kinds;
pub(crate) mod pdf;
mod png;
pub mod published;
pub mod scene;

pub use atomic::write_atomic;
pub use error::ExportError;

use crate::model::diff::{BoardDiff, VersionDiff};
use crate::model::{Board, WorkshopView};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What an export may show about people (both off unless the user opts in), and what
/// the report compares with. The default is also what leaves the room over the relay
/// ([`published::view`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ExportOptions {
    /// Comment authors, voters and café hosts.
    pub include_names: bool,
    /// The organisation on the cover.
    pub include_organisation: bool,
    /// A named version: the report gets a page "Muutokset" listing what changed from it
    /// to the exported state.
    pub compare_from: Option<String>,
}

/// A media lookup for exports without pictures.
pub fn no_media(_hash: &str) -> Option<Vec<u8>> {
    None
}

/// What a report tells besides the workshop's state: what changed since a version it
/// compares with, and what changed after each reflection round. Both need the stored
/// versions, so the caller reads them.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// For the report's page "Muutokset".
    pub changes: Option<VersionDiff>,
    pub rounds: Vec<RoundChanges>,
}

/// What changed on an operating model from the end of its round `number` to the end of
/// the next round (or to the exported state); `None` when nothing did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoundChanges {
    pub board_id: String,
    pub number: u32,
    pub diff: Option<BoardDiff>,
}

/// The PDF report of the workshop: cover and contents, agendas and memos, then every
/// board that is not archived. `media` returns a picture's bytes by its hash (persona
/// avatars); `progress` hears the share done from 0.0 to 1.0.
pub fn pdf_report(
    view: &WorkshopView,
    opts: &ExportOptions,
    media: &dyn Fn(&str) -> Option<Vec<u8>>,
    progress: Option<&dyn Fn(f32)>,
) -> Result<Vec<u8>, ExportError> {
    pdf::report(view, opts, &History::default(), media, progress)
}

/// Like [`pdf_report`], with what `history` tells: a page "Muutokset" first, and the
/// changes after each reflection round.
pub fn pdf_report_with_history(
    view: &WorkshopView,
    opts: &ExportOptions,
    history: &History,
    media: &dyn Fn(&str) -> Option<Vec<u8>>,
    progress: Option<&dyn Fn(f32)>,
) -> Result<Vec<u8>, ExportError> {
    pdf::report(view, opts, history, media, progress)
}

/// An A3 poster (huoneentaulu) as PDF: of the quality criteria when `board_id` is
/// `None`, else of that board.
pub fn poster(
    view: &WorkshopView,
    board_id: Option<&str>,
    opts: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    pdf::poster(view, board_id, opts)
}

fn board<'v>(view: &'v WorkshopView, id: &str) -> Result<&'v Board, ExportError> {
    view.board(id)
        .ok_or_else(|| ExportError::NoSuchBoard(id.to_string()))
}

/// A PNG image of one board.
pub fn png(view: &WorkshopView, board_id: &str) -> Result<Vec<u8>, ExportError> {
    let board = board(view, board_id)?;
    let metrics = fonts::Metrics::load()?;
    png::png(&kinds::scene(board, &metrics), &board.title, &metrics)
}

/// One board as JSON Canvas 1.0.
pub fn canvas(view: &WorkshopView, board_id: &str) -> Result<String, ExportError> {
    let board = board(view, board_id)?;
    let metrics = fonts::Metrics::load()?;
    Ok(canvas::canvas(&kinds::scene(board, &metrics)))
}

/// Every board not archived as one JSON Canvas, a group per board, left to right.
pub fn canvas_all(view: &WorkshopView) -> Result<String, ExportError> {
    let metrics = fonts::Metrics::load()?;
    let boards: Vec<_> = view.boards.iter().filter(|b| !b.archived).map(|b| (b.id.as_str(), b.title.as_str(), kinds::scene(b, &metrics))).collect();
    Ok(canvas::canvas_of_boards(&boards))
}

/// The board's drawing, for callers that render it themselves.
pub fn board_scene(view: &WorkshopView, board_id: &str) -> Result<scene::Scene, ExportError> {
    let board = board(view, board_id)?;
    Ok(kinds::scene(board, &fonts::Metrics::load()?))
}

/// Cards, votes and evaluation results as one CSV (columns `table, board, kind, item_id,
/// field, value`), UTF-8 with a byte order mark.
pub fn csv(view: &WorkshopView, opts: &ExportOptions) -> String {
    csv::csv(view, opts)
}

/// The complete, re-importable JSON of the workshop (see [`WorkshopView::from_export`]).
pub fn json(view: &WorkshopView) -> String {
    view.to_export()
}
