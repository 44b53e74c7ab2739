//! The embedded Noto Sans fonts and text measuring, shared by the PDF and PNG exports.
//! Both weights carry the minus sign, arrows and a few math signs and check marks that
//! Noto Sans lacks, added by `assets/fonts/add_symbols.py`.

use ab_glyph::{Font as _, FontRef};

pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// Advance widths of both weights, for wrapping text.
pub struct Metrics {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

impl Metrics {
    pub fn load() -> Result<Metrics, super::ExportError> {
        let regular = FontRef::try_from_slice(REGULAR)
            .map_err(|_| super::ExportError::Font("Noto Sans Regular"))?;
        let bold = FontRef::try_from_slice(BOLD)
            .map_err(|_| super::ExportError::Font("Noto Sans Bold"))?;
        Ok(Metrics { regular, bold })
    }

    pub fn font(&self, weight: Weight) -> &FontRef<'static> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Width of `text` at `size` (in the same unit as `size`).
    pub fn width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        let font = self.font(weight);
        let units: f32 = text
            .chars()
            .map(|c| font.h_advance_unscaled(font.glyph_id(c)))
            .sum();
        units / font.units_per_em().unwrap_or(1000.0) * size
    }

    /// Breaks `text` into lines no wider than `max`: at spaces, at newlines, and inside a
    /// word only when the word alone is too wide. Nothing is dropped.
    pub fn wrap(&self, text: &str, size: f32, weight: Weight, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            self.wrap_paragraph(paragraph.trim_end(), size, weight, max, &mut lines);
        }
        lines
    }

    fn wrap_paragraph(
        &self,
        text: &str,
        size: f32,
        weight: Weight,
        max: f32,
        lines: &mut Vec<String>,
    ) {
        let space = self.width(" ", size, weight);
        let mut line = String::new();
        let mut width = 0.0;
        for word in text.split_whitespace() {
            let w = self.width(word, size, weight);
            if !line.is_empty() && width + space + w > max {
                lines.push(std::mem::take(&mut line));
                width = 0.0;
            }
            if line.is_empty() && w > max {
                width = self.break_word(word, size, weight, max, lines, &mut line);
                continue;
            }
            if !line.is_empty() {
                line.push(' ');
                width += space;
            }
            line.push_str(word);
            width += w;
        }
        lines.push(line);
    }

    /// Splits a word wider than a line; returns the width of the unfinished last piece.
    fn break_word(
        &self,
        word: &str,
        size: f32,
        weight: Weight,
        max: f32,
        lines: &mut Vec<String>,
        line: &mut String,
    ) -> f32 {
        let mut width = 0.0;
        for c in word.chars() {
            let w = self.width(c.encode_utf8(&mut [0; 4]), size, weight);
            if !line.is_empty() && width + w > max {
                lines.push(std::mem::take(line));
                width = 0.0;
            }
            line.push(c);
            width += w;
        }
        width
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character of `text` without a glyph in either weight.
    fn missing(metrics: &Metrics, text: &str) -> Vec<char> {
        let mut missing: Vec<char> = text
            .chars()
            .filter(|c| !c.is_control())
            .filter(|&c| {
                [Weight::Regular, Weight::Bold]
                    .iter()
                    .any(|&w| metrics.font(w).glyph_id(c).0 == 0)
            })
            .collect();
        missing.sort();
        missing.dedup();
        missing
    }

    /// The text of every file under `dir` (relative to the crate) ending in `ext`.
    fn sources(dir: &str, ext: &str) -> Vec<(std::path::PathBuf, String)> {
        let mut found = Vec::new();
        let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("the source folder reads") {
                let path = entry.expect("a folder entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == ext) {
                    let text = std::fs::read_to_string(&path).expect("the file reads");
                    found.push((path, text));
                }
            }
        }
        found
    }

    #[test]
    fn the_fonts_have_the_letters_and_signs_people_type() {
        let metrics = Metrics::load().expect("fonts");
        assert_eq!(
            missing(&metrics, "äöåÄÖÅ–—•·…−→←↔⇒≤≥≠≈✓✗€§°½"),
            Vec::<char>::new()
        );
    }

    #[test]
    fn every_character_of_the_templates_has_a_glyph() {
        let metrics = Metrics::load().expect("fonts");
        for (path, text) in sources("templates", "json") {
            assert_eq!(missing(&metrics, &text), Vec::<char>::new(), "{path:?}");
        }
    }

    /// The report's fixed labels live in the export code and the model's names (lanes,
    /// areas, kinds); every character of that code, comments included, must print.
    #[test]
    fn every_character_of_the_export_labels_has_a_glyph() {
        let metrics = Metrics::load().expect("fonts");
        for dir in ["src/export", "src/model"] {
            for (path, text) in sources(dir, "rs") {
                let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                assert_eq!(missing(&metrics, code), Vec::<char>::new(), "{path:?}");
            }
        }
    }

    #[test]
    fn wrapping_keeps_every_word() {
        let metrics = Metrics::load().expect("fonts");
        let text =
            "Äiti ja isä ovat työssä. Pitkäsanaisuusesimerkkisanaaaaaaaaaaaaaaaaaaaaaa loppuu.";
        let lines = metrics.wrap(text, 10.0, Weight::Regular, 60.0);
        assert!(lines.len() > 3, "a narrow column wraps into many lines");
        let joined: String = lines.concat();
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(squeeze(&joined), squeeze(text), "no character is lost");
        for line in &lines {
            assert!(
                metrics.width(line, 10.0, Weight::Regular) <= 60.5,
                "{line:?} fits"
            );
        }
    }
}
