//! Notes as TF-IDF vectors over their terms, grouped by average-linkage agglomerative
//! clustering (kodama) cut at a cosine distance, and each group labelled by its
//! strongest shared words.

use crate::words::Terms;
use std::collections::HashMap;

/// Notes further apart than this never share a group. Tuned on the evaluation set in
/// `tests/data/affinity/`; the test `affinity_evaluation` prints what it gives.
pub const GROUP_DISTANCE: f64 = 0.93;

/// Sparse, unit-length rows of (term index, weight), sorted by term index.
pub struct Vectors {
    rows: Vec<Vec<(usize, f64)>>,
    /// The word shown for each term: its most frequent form in the notes.
    shown: Vec<String>,
}

/// Character n-grams of each stem join the stems as features, each weighing this much
/// of a stem: they tie together inflected forms and compounds the stemmer leaves apart.
const GRAM: usize = 4;
const GRAM_WEIGHT: f64 = 0.7;

impl Vectors {
    pub fn of(texts: &[&str]) -> Vectors {
        let terms = Terms::for_notes(texts);
        let mut features = Features::default();
        let mut counts: Vec<HashMap<usize, f64>> = Vec::new();
        for text in texts {
            let mut row = HashMap::new();
            for term in terms.of(text) {
                let chars: Vec<char> = format!("^{}", term.stem).chars().collect();
                for gram in chars.windows(GRAM) {
                    let g = features.index(format!("#{}", gram.iter().collect::<String>()), GRAM_WEIGHT);
                    *row.entry(g).or_default() += 1.0;
                }
                let i = features.index(term.stem, 1.0);
                *features.forms[i].entry(term.word).or_default() += 1;
                *row.entry(i).or_default() += 1.0;
            }
            counts.push(row);
        }
        let shown = features.forms.iter().map(most_frequent).collect();
        Vectors { rows: weigh(&counts, &features.scale), shown }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn similarity(&self, a: usize, b: usize) -> f64 {
        dot(&self.rows[a], &self.rows[b])
    }

    /// The other notes most like note `i`, most alike first; none that share no term.
    pub fn nearest(&self, i: usize, count: usize) -> Vec<(usize, f64)> {
        let mut near: Vec<(usize, f64)> =
            (0..self.len()).filter(|&j| j != i).map(|j| (j, self.similarity(i, j))).filter(|(_, s)| *s > 0.0).collect();
        near.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        near.truncate(count);
        near
    }

    /// Groups of notes no further apart on average than `distance`, largest first; each
    /// group's members in note order. Notes alone are left out.
    pub fn groups(&self, distance: f64) -> Vec<Vec<usize>> {
        let n = self.len();
        if n < 2 {
            return Vec::new();
        }
        let mut condensed = Vec::with_capacity(n * (n - 1) / 2);
        for a in 0..n - 1 {
            for b in a + 1..n {
                condensed.push(1.0 - self.similarity(a, b));
            }
        }
        let dendrogram = kodama::linkage(&mut condensed, n, kodama::Method::Average);
        let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
        for step in dendrogram.steps().iter().take_while(|s| s.dissimilarity <= distance) {
            let mut merged = std::mem::take(&mut members[step.cluster1]);
            merged.append(&mut std::mem::take(&mut members[step.cluster2]));
            members.push(merged);
        }
        let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| m.len() >= 2).collect();
        for g in &mut groups {
            g.sort_unstable();
        }
        groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
        groups
    }

    /// A short label from the group's strongest terms that at least two members share.
    pub fn label(&self, group: &[usize]) -> String {
        let mut weight: HashMap<usize, (f64, usize)> = HashMap::new();
        for &i in group {
            for &(term, w) in &self.rows[i] {
                let e = weight.entry(term).or_default();
                e.0 += w;
                e.1 += 1;
            }
        }
        let mut shared: Vec<(usize, f64)> = weight
            .into_iter()
            .filter(|(t, (_, n))| *n >= 2 && !self.shown[*t].is_empty())
            .map(|(t, (w, _))| (t, w))
            .collect();
        shared.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut words: Vec<&str> = Vec::new();
        for (term, _) in shared {
            let word = self.shown[term].as_str();
            if !words.iter().any(|w| w.contains(word) || word.contains(w)) {
                words.push(word);
            }
            if words.len() == 2 {
                break;
            }
        }
        capitalise(&words.join(", "))
    }

    /// The member nearest the group's centre: the note that speaks for it.
    pub fn representative(&self, group: &[usize]) -> Option<usize> {
        let total = |i: usize| group.iter().map(|&j| self.similarity(i, j)).sum::<f64>();
        group.iter().copied().max_by(|&a, &b| total(a).total_cmp(&total(b)).then(b.cmp(&a)))
    }
}

/// Features by name: their index, scale, and the words each came from.
#[derive(Default)]
struct Features {
    index: HashMap<String, usize>,
    scale: Vec<f64>,
    forms: Vec<HashMap<String, usize>>,
}

impl Features {
    fn index(&mut self, name: String, scale: f64) -> usize {
        let next = self.index.len();
        let i = *self.index.entry(name).or_insert(next);
        if i == next {
            self.scale.push(scale);
            self.forms.push(HashMap::new());
        }
        i
    }
}

/// Term counts to unit-length TF-IDF rows: sublinear term frequency, smoothed idf.
fn weigh(counts: &[HashMap<usize, f64>], scale: &[f64]) -> Vec<Vec<(usize, f64)>> {
    let mut df = vec![0.0; scale.len()];
    for row in counts {
        for &t in row.keys() {
            df[t] += 1.0;
        }
    }
    let n = counts.len() as f64;
    counts
        .iter()
        .map(|row| {
            let mut v: Vec<(usize, f64)> =
                row.iter().map(|(&t, &c)| (t, scale[t] * (1.0 + c.ln()) * (((1.0 + n) / (1.0 + df[t])).ln() + 1.0))).collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v.sort_unstable_by_key(|(t, _)| *t);
            v
        })
        .collect()
}

fn dot(a: &[(usize, f64)], b: &[(usize, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

fn most_frequent(forms: &HashMap<String, usize>) -> String {
    forms
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.chars().count().cmp(&a.0.chars().count())).then(b.0.cmp(a.0)))
        .map(|(w, _)| w.clone())
        .unwrap_or_default()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTES: &[&str] = &[
        "Puhelinjonossa meni tunti",
        "Jonot ovat liian pitkiä",
        "Jonossa odottaminen turhauttaa",
        "Lääkäri ei kuunnellut minua",
        "Kukaan ei kuunnellut mitä sanoin",
        "Haluan että minua kuunnellaan",
    ];

    #[test]
    fn notes_about_one_thing_form_one_group() {
        let v = Vectors::of(NOTES);
        let groups = v.groups(GROUP_DISTANCE);
        assert!(groups.contains(&vec![0, 1, 2]), "the queue notes group together: {groups:?}");
        assert!(groups.iter().all(|g| !(g.contains(&0) && g.contains(&3))), "queues and listening stay apart");
    }

    #[test]
    fn a_group_is_labelled_by_the_word_its_notes_share() {
        let v = Vectors::of(NOTES);
        assert!(v.label(&[0, 1, 2]).to_lowercase().contains("jono"), "{}", v.label(&[0, 1, 2]));
    }

    #[test]
    fn nearest_notes_share_words_and_unrelated_ones_are_left_out() {
        let v = Vectors::of(NOTES);
        let near: Vec<usize> = v.nearest(3, 5).into_iter().map(|(j, _)| j).collect();
        assert_eq!(near.first(), Some(&4), "the other listening note is nearest: {near:?}");
        assert!(!near.contains(&1), "a queue note shares no word with it");
    }

    #[test]
    fn empty_and_single_notes_give_no_groups() {
        assert!(Vectors::of(&[]).groups(GROUP_DISTANCE).is_empty());
        assert!(Vectors::of(&["yksi"]).groups(GROUP_DISTANCE).is_empty());
        assert!(Vectors::of(&["", "!!", "ja se"]).groups(GROUP_DISTANCE).is_empty());
    }
}
