//! Export benchmark: time and size of the PDF report, CSV and JSON for workshops of 100,
//! 1,000 and 5,000 cards, with each run's ratio to the 100-card run. Targets: 1,000
//! cards in at most 1 s and 2 MB, growing linearly. Run with `cargo bench --bench export`.

#[path = "../tests/spec/support/export.rs"]
mod export_support;

use paja::export::{self, ExportOptions};
use std::time::{Duration, Instant};

/// The fastest of three runs, and the output's size.
fn measure(f: impl Fn() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut size = 0;
    for _ in 0..3 {
        let start = Instant::now();
        size = f();
        best = best.min(start.elapsed());
    }
    (best, size)
}

fn main() {
    let opts = ExportOptions::default();
    let mut base: Option<(f64, f64)> = None;
    println!(
        "{:>6} {:>10} {:>11} {:>8} {:>8} {:>9} {:>9}",
        "cards", "pdf ms", "pdf bytes", "t ratio", "size r.", "csv ms", "json ms"
    );
    for cards in [100, 1_000, 5_000] {
        let view = export_support::with_cards(cards);
        let (pdf_time, pdf_size) = measure(|| {
            export::pdf_report(&view, &opts, &export::no_media, None)
                .map(|b| b.len())
                .unwrap_or(0)
        });
        let (csv_time, _) = measure(|| export::csv(&view, &opts).len());
        let (json_time, _) = measure(|| export::json(&view).len());
        let (ms, bytes) = (pdf_time.as_secs_f64() * 1000.0, pdf_size as f64);
        let (base_ms, base_bytes) = *base.get_or_insert((ms, bytes));
        println!(
            "{cards:>6} {ms:>10.1} {pdf_size:>11} {:>8.2} {:>8.2} {:>9.1} {:>9.1}",
            ms / base_ms,
            bytes / base_bytes,
            csv_time.as_secs_f64() * 1000.0,
            json_time.as_secs_f64() * 1000.0
        );
    }
}
