//! `make bench`: what tracing costs on a large workshop. Free boards of 1,000, 3,000 and
//! 10,000 cards feed an operating model of 30 elements, each traced to two cards. Timed:
//! the "Mistä tämä tuli?" query over the whole workshop, and deleting a traced card
//! (which turns the links to it into broken ones). Each is also given as a ratio of one
//! projection of the workshop (`view()`), which every command already pays.

use paja::model::free::FreeCard;
use paja::model::operating_model::{ElementKind, ModelElement};
use paja::model::trace::{Source, traces};
use paja::model::{BoardKind, Workshop};
use std::time::{Duration, Instant};

const ELEMENTS: usize = 30;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut(usize)) -> Duration {
    median((0..runs).map(|run| {
        let start = Instant::now();
        f(run);
        start.elapsed()
    }).collect())
}

/// A workshop with `cards` cards and a model whose elements are traced to the first ones.
fn workshop(cards: usize) -> (Workshop, String, Vec<String>) {
    let mut w = Workshop::new();
    let free = w.create_board(BoardKind::Free, "Lappuja", None).unwrap();
    let ids: Vec<String> = (0..cards)
        .map(|i| w.add(&free, &FreeCard { text: format!("Lappu {i}: äänekäs ajatus"), ..FreeCard::default() }).unwrap())
        .collect();
    let model = w.create_board(BoardKind::OperatingModel, "Toimintamalli", None).unwrap();
    for e in 0..ELEMENTS {
        let source = |k: usize| Source { board_id: free.clone(), item_id: ids[k].clone(), label: format!("Lappu: {k}"), broken: false };
        let element = ModelElement { kind: ElementKind::Principle, text: format!("Periaate {e}"), sources: vec![source(2 * e), source(2 * e + 1)], ..ModelElement::default() };
        w.add(&model, &element).unwrap();
    }
    w.take_pending();
    (w, free, ids)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    for cards in [1_000, 3_000, 10_000] {
        let (mut w, free, ids) = workshop(cards);
        let view_build = time(5, |_| drop(w.view()));
        let view = w.view();
        let mut links = 0;
        let query = time(5, |_| links = traces(&view).len());
        let delete = time(5, |run| w.delete::<FreeCard>(&free, &ids[run]).unwrap());
        println!(
            "traces: {cards:>6} cards, {links} links: query {:>7.1} ms ({:.2}× one view), delete a traced card {:>7.1} ms ({:.2}× one view of {:.1} ms)",
            ms(query),
            query.as_secs_f64() / view_build.as_secs_f64(),
            ms(delete),
            delete.as_secs_f64() / view_build.as_secs_f64(),
            ms(view_build),
        );
    }
}
