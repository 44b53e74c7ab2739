//! The PDF report and posters. `layout` flows text and tables over pages, `table` draws
//! tables, `draw` renders board scenes as vectors; the report's sections per board kind
//! live in `export::kinds`.

mod agenda;
pub mod avatar;
mod changes;
pub(crate) mod cover;
pub mod draw;
pub mod layout;
mod poster;
pub mod table;

pub use poster::poster;

use super::fonts::Metrics;
use super::kinds::{self, Ctx};
use super::{ExportError, ExportOptions, History};
use crate::model::{Board, BoardKind, WorkshopView};
use layout::{A4, Layout, Style};
use printpdf::{Mm, PdfPage, PdfSaveOptions};

/// The boards the report shows, in report order; archived boards are left out.
fn report_boards(view: &WorkshopView) -> Vec<&Board> {
    let mut boards: Vec<&Board> = view.boards.iter().filter(|b| !b.archived).collect();
    let rank = |b: &Board| {
        BoardKind::ALL
            .iter()
            .position(|k| *k == b.content.kind())
            .unwrap_or(usize::MAX)
    };
    boards.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.order.total_cmp(&b.order)));
    boards
}

/// The whole report, with a page of `changes` first if given. `media` returns the bytes of a picture by its hash; `progress`
/// hears the share done, from 0.0 to 1.0.
pub fn report(
    view: &WorkshopView,
    opts: &ExportOptions,
    history: &History,
    media: &dyn Fn(&str) -> Option<Vec<u8>>,
    progress: Option<&dyn Fn(f32)>,
) -> Result<Vec<u8>, ExportError> {
    let tell = |share: f32| progress.iter().for_each(|p| p(share));
    let metrics = Metrics::load()?;
    let ctx = Ctx { view, opts, media, traces: crate::model::trace::traces(view), rounds: &history.rounds };
    let mut l = Layout::new(&metrics, cover::title(view))?;
    let mut toc: Vec<(String, usize)> = Vec::new();
    if let Some(diff) = &history.changes {
        l.page(A4);
        toc.push((changes::TITLE.to_string(), l.page_index()));
        changes::page(&mut l, diff);
    }
    if !view.sessions.is_empty() {
        l.page(A4);
        toc.push(("Kokoontumiset".to_string(), l.page_index()));
        l.heading("Kokoontumiset", 1);
        for (i, s) in kinds::by_order(&view.sessions, |s| s.order)
            .into_iter()
            .enumerate()
        {
            agenda::session(&mut l, i + 1, s);
        }
        if let Some(counts) = agenda::participation_counts(&view.sessions) {
            l.field("Osallisuuden tasot: vaiheita kullakin tasolla", &counts);
        }
    }
    let boards = report_boards(view);
    for (i, board) in boards.iter().enumerate() {
        tell(0.85 * i as f32 / boards.len() as f32);
        toc.push((board_title(board), l.pages.len()));
        kinds::section(&mut l, board, &ctx);
    }
    let pages = l.pages.len();
    if kinds::evaluation::over_time(&mut l, view) {
        toc.push((kinds::evaluation::OVER_TIME_TITLE.to_string(), pages));
    }
    let experiments = kinds::idea_wall::experiments(view);
    if !experiments.is_empty() {
        toc.push((kinds::idea_wall::EXPERIMENTS_TITLE.to_string(), l.pages.len()));
        kinds::idea_wall::experiments_section(&mut l, &experiments);
    }
    tell(0.85);
    add_cover(&mut l, view, opts, &toc);
    let bytes = finish(l, cover::title(view));
    tell(1.0);
    Ok(bytes)
}

fn board_title(board: &Board) -> String {
    if board.title.trim().is_empty() {
        board.content.kind().as_str().to_string()
    } else {
        board.title.clone()
    }
}

/// Renders the cover and moves it to the front. The cover is drawn twice: once to learn
/// how many pages it takes, then with the contents' page numbers shifted by that.
fn add_cover(l: &mut Layout, view: &WorkshopView, opts: &ExportOptions, toc: &[(String, usize)]) {
    let body = l.pages.len();
    let date = today();
    cover::draw(l, view, opts, &date, toc);
    let cover_pages = l.pages.len() - body;
    l.pages.truncate(body);
    let entries: Vec<(String, usize)> = toc
        .iter()
        .map(|(t, p)| (t.clone(), p + cover_pages + 1))
        .collect();
    cover::draw(l, view, opts, &date, &entries);
    l.pages.rotate_right(cover_pages);
    for (title, page) in &entries {
        l.doc.add_bookmark(title, *page);
    }
}

/// Footers with page numbers, then the document with fonts embedded and subset.
pub(super) fn finish(mut l: Layout, title: &str) -> Vec<u8> {
    let total = l.pages.len();
    for i in 0..total {
        let (w, h) = (l.pages[i].width, l.pages[i].height);
        let text = format!("{title} · {} / {total}", i + 1);
        let tw = l.metrics.width(&text, Style::NOTE.size, Style::NOTE.weight);
        l.text_on(
            i,
            w - layout::MARGIN - tw,
            h - layout::MARGIN + 14.0,
            &text,
            Style::NOTE,
        );
    }
    let to_mm = |pt: f32| Mm(pt * 25.4 / 72.0);
    let pages: Vec<PdfPage> = std::mem::take(&mut l.pages)
        .into_iter()
        .map(|p| PdfPage::new(to_mm(p.width), to_mm(p.height), p.ops))
        .collect();
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..Default::default()
    };
    l.doc.with_pages(pages).save(&options, &mut Vec::new())
}

/// Today's date in Finnish form, from the system clock (UTC).
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{d}.{m}.{y}")
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's algorithm.
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn day_numbers_become_calendar_dates() {
        assert_eq!(super::civil_from_days(0), (1970, 1, 1), "the epoch");
        assert_eq!(
            super::civil_from_days(20_513),
            (2026, 3, 1),
            "after a non-leap February"
        );
    }
}
