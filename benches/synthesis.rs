//! `make bench`: how fast "Ehdota ryhmiä" answers. Groups 100, 500 and 1,000 notes made
//! from the labelled evaluation notes (each a different mix of two notes, so no two are
//! the same), "Samankaltaiset" for one note among 500, and plain-language hints for the
//! PAKU template's step instructions. The budget for 500 notes is one second; each
//! figure is also given as a ratio of it.

use paja::synthesis::{plain_language, similar, suggest_groups};
use std::time::{Duration, Instant};

const BUDGET: Duration = Duration::from_secs(1);

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    median((0..runs).map(|_| {
        let start = Instant::now();
        f();
        start.elapsed()
    }).collect())
}

fn notes(count: usize) -> Vec<(String, String)> {
    let text = include_str!("../tests/data/affinity/themes.tsv");
    let base: Vec<&str> = text.lines().filter_map(|l| l.split_once('\t')).map(|(_, n)| n).collect();
    (0..count)
        .map(|i| {
            let (a, b) = (base[i % base.len()], base[(i * 7 + i / base.len()) % base.len()]);
            (format!("n{i}"), format!("{a} {}", b.split_whitespace().take(2).collect::<Vec<_>>().join(" ")))
        })
        .collect()
}

fn main() {
    for count in [100, 500, 1_000] {
        let notes = notes(count);
        let mut groups = 0;
        let took = time(5, || groups = suggest_groups(&notes).len());
        let ms = took.as_secs_f64() * 1000.0;
        println!(
            "synthesis: groups for {count:>5} notes {ms:>8.1} ms ({:.3} ms per note, {groups} groups), {:.2}× the one-second budget",
            ms / count as f64,
            took.as_secs_f64() / BUDGET.as_secs_f64()
        );
    }
    let notes = notes(500);
    let took = time(5, || drop(similar(&notes, "n250")));
    println!("synthesis: similar notes for one of 500 {:>8.1} ms", took.as_secs_f64() * 1000.0);
    let template = include_str!("../templates/paku.json");
    let took = time(5, || drop(plain_language::check(template)));
    println!(
        "synthesis: plain-language hints over the PAKU template file ({} kB) {:>8.1} ms",
        template.len() / 1024,
        took.as_secs_f64() * 1000.0
    );
    println!("synthesis: semantic tier: not built (no multilingual embedding model installs from a package registry for offline use)");
}
