//! How good the affinity suggestions are, on labelled notes in `tests/data/affinity/`:
//! the adjusted Rand index of the suggested groups against the themes, and the share of
//! notes whose nearest neighbour has the same theme, beside a random baseline. Run with
//! `--nocapture` to read the figures.

use paja::synthesis::{GROUP_DISTANCE, Vectors};
use std::collections::HashMap;

struct Set {
    themes: Vec<String>,
    texts: Vec<String>,
}

fn load(name: &str) -> Set {
    let path = format!("{}/tests/data/affinity/{name}.tsv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (themes, texts) = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split_once('\t').unwrap_or_else(|| panic!("{name}: no tab in {l:?}")))
        .map(|(theme, note)| (theme.to_string(), note.to_string()))
        .unzip();
    Set { themes, texts }
}

/// Cluster labels per note: the suggested groups, and each note alone a cluster of its own.
fn suggested_labels(v: &Vectors) -> Vec<usize> {
    let mut labels: Vec<usize> = (0..v.len()).map(|i| i + v.len()).collect();
    for (g, members) in v.groups(GROUP_DISTANCE).iter().enumerate() {
        members.iter().for_each(|&i| labels[i] = g);
    }
    labels
}

fn adjusted_rand_index<A: Eq + std::hash::Hash, B: Eq + std::hash::Hash>(a: &[A], b: &[B]) -> f64 {
    let pairs = |n: f64| n * (n - 1.0) / 2.0;
    let mut table: HashMap<(&A, &B), f64> = HashMap::new();
    let mut rows: HashMap<&A, f64> = HashMap::new();
    let mut cols: HashMap<&B, f64> = HashMap::new();
    for (x, y) in a.iter().zip(b) {
        *table.entry((x, y)).or_default() += 1.0;
        *rows.entry(x).or_default() += 1.0;
        *cols.entry(y).or_default() += 1.0;
    }
    let index: f64 = table.values().map(|&n| pairs(n)).sum();
    let row_sum: f64 = rows.values().map(|&n| pairs(n)).sum();
    let col_sum: f64 = cols.values().map(|&n| pairs(n)).sum();
    let expected = row_sum * col_sum / pairs(a.len() as f64);
    let max = (row_sum + col_sum) / 2.0;
    if max == expected { 0.0 } else { (index - expected) / (max - expected) }
}

/// A small deterministic generator for the random baseline.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

struct Figures {
    ari: f64,
    neighbour_share: f64,
    groups: usize,
    grouped: usize,
    baseline_ari: f64,
    baseline_share: f64,
}

fn evaluate(set: &Set) -> Figures {
    let texts: Vec<&str> = set.texts.iter().map(String::as_str).collect();
    let v = Vectors::of(&texts);
    let labels = suggested_labels(&v);
    let ari = adjusted_rand_index(&set.themes, &labels);
    let same = (0..v.len())
        .filter(|&i| v.nearest(i, 1).first().is_some_and(|&(j, _)| set.themes[j] == set.themes[i]))
        .count();
    let groups = v.groups(GROUP_DISTANCE);
    // The baseline: as many groups, of random notes; a random other note as neighbour.
    let mut rng = Lcg(7);
    let k = groups.len().max(1);
    let random_labels: Vec<usize> = (0..v.len()).map(|_| rng.below(k)).collect();
    let random_same = (0..v.len())
        .filter(|&i| {
            let j = (i + 1 + rng.below(v.len() - 1)) % v.len();
            set.themes[j] == set.themes[i]
        })
        .count();
    Figures {
        ari,
        neighbour_share: same as f64 / v.len() as f64,
        groups: groups.len(),
        grouped: groups.iter().map(Vec::len).sum(),
        baseline_ari: adjusted_rand_index(&set.themes, &random_labels),
        baseline_share: random_same as f64 / v.len() as f64,
    }
}

fn report(name: &str, set: &Set, f: &Figures) {
    let themes = set.themes.iter().collect::<std::collections::HashSet<_>>().len();
    println!(
        "{name}: {} notes in {themes} themes; lexical ARI {:.2} (random {:.2}), same-theme nearest neighbour {:.0} % (random {:.0} %), {} groups holding {} notes",
        set.texts.len(),
        f.ari,
        f.baseline_ari,
        f.neighbour_share * 100.0,
        f.baseline_share * 100.0,
        f.groups,
        f.grouped,
    );
}

#[test]
fn suggestions_find_the_themes_of_workshop_notes_far_better_than_chance() {
    let set = load("themes");
    assert!(set.texts.len() >= 150, "the evaluation set has at least 150 notes");
    let f = evaluate(&set);
    report("themes", &set, &f);
    assert!(f.ari >= f.baseline_ari + 0.04, "groups match the themes better than chance");
    assert!(f.neighbour_share >= 3.0 * f.baseline_share, "nearest neighbours share a theme at least three times as often as chance");
}

#[test]
fn notes_sharing_a_keyword_in_many_forms_are_grouped_by_it() {
    let set = load("keywords");
    let f = evaluate(&set);
    report("keywords", &set, &f);
    assert!(f.ari >= 0.5, "inflected forms and compounds of one keyword land in one group");
    assert!(f.neighbour_share >= 0.65, "most notes find a note with the same keyword nearest");
}

#[test]
fn themes_that_share_few_words_stay_at_least_at_chance() {
    let set = load("hard");
    let f = evaluate(&set);
    report("hard", &set, &f);
    // Words alone cannot see that "kukaan ei soita" and "olen illat yksin" are one theme;
    // the figure is printed, and the lexical tier must not do worse than chance.
    assert!(f.ari >= f.baseline_ari - 0.02);
    assert!(f.neighbour_share >= f.baseline_share);
}

