//! Exporting a workshop file, or one of its named versions, to a file on disk.

use super::WorkshopFile;
use crate::Error;
use crate::export::{self, ExportError, ExportOptions};
use std::path::Path;

/// The formats `paja export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Pdf,
    Poster,
    Png,
    Canvas,
    Csv,
    Json,
}

/// What to export: the format, which version (the current state when `None`), which
/// board (needed by PNG and JSON Canvas, optional for posters) and what names to show.
#[derive(Debug, Clone, Default)]
pub struct ExportRequest {
    pub version: Option<String>,
    pub board: Option<String>,
    pub options: ExportOptions,
}

impl WorkshopFile {
    /// Writes the export to `out` all or nothing; `progress` hears the PDF report's progress.
    pub fn export(
        &self,
        format: ExportFormat,
        request: &ExportRequest,
        out: &Path,
        progress: Option<&dyn Fn(f32)>,
    ) -> Result<(), Error> {
        let view = self.view_at(request.version.as_deref())?;
        let media = |hash: &str| self.media(hash).ok();
        let board = || request.board.as_deref().ok_or(ExportError::BoardNeeded);
        let opts = &request.options;
        let bytes = match format {
            ExportFormat::Pdf => {
                let changes = match &opts.compare_from {
                    Some(from) => Some(self.compare_versions(Some(from), request.version.as_deref())?),
                    None => None,
                };
                export::pdf_report_with_changes(&view, opts, changes.as_ref(), &media, progress)?
            }
            ExportFormat::Poster => export::poster(&view, request.board.as_deref(), opts)?,
            ExportFormat::Png => export::png(&view, board()?)?,
            ExportFormat::Canvas => export::canvas(&view, board()?)?.into_bytes(),
            ExportFormat::Csv => export::csv(&view, opts).into_bytes(),
            ExportFormat::Json => export::json(&view).into_bytes(),
        };
        export::write_atomic(out, &bytes)?;
        Ok(())
    }
}
