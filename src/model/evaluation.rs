//! Evaluation form (palautelomake): items answered anonymously and tagged by respondent
//! group. An item is a 1–5 statement, an open question, or a two-scale rating
//! (importance and own competence, 0–5). Results are computed per group; a group with
//! fewer than [`MIN_GROUP_SIZE`] answers to an item is left out of every figure of that
//! item (the count, the means, the spread and the words too), so no figure shown lets
//! anyone work out the small group's. Forms marked start, middle and end are compared
//! in [`over_time`].
//!
//! In a live session the raw answers stay in the hub's file (its
//! `answers` table); the hub publishes only the results, in `published`. Answers that
//! come after a form's results were published are released [`MIN_GROUP_SIZE`] at a
//! time per question and group ([`to_release`]), so that the difference between two
//! published results never shows one person's answer.

use crate::words;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const MIN_GROUP_SIZE: usize = 5;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct EvaluationBoard {
    /// When in the process the form is filled: alku-, väli- or loppuarviointi.
    pub stage: Option<Stage>,
    pub items: Vec<EvalItem>,
    /// Answers written into the document itself: by the demo and by files from before
    /// the hub kept answers to itself. New answers are never written here.
    pub answers: Vec<Answer>,
    /// The results the hub published, computed from the answers only it keeps.
    pub published: Vec<ItemResult>,
    /// Computed: one result per item: `published` if any, else from `answers`.
    pub results: Vec<ItemResult>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Stage {
    Start,
    Middle,
    End,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Start, Stage::Middle, Stage::End];

    pub fn finnish(self) -> &'static str {
        match self {
            Stage::Start => "Alku",
            Stage::Middle => "Väli",
            Stage::End => "Loppu",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ItemKind {
    /// A statement rated 1–5.
    #[default]
    Scale,
    /// An open question answered in words.
    Open,
    /// Importance and own competence, each 0–5.
    TwoScale,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct EvalItem {
    pub id: String,
    pub text: String,
    pub kind: ItemKind,
    /// A heading the item is listed under, such as "Asiakasnäkökulma".
    pub section: String,
    pub order: f64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RespondentGroup {
    #[default]
    Client,
    Professional,
}

/// One anonymous answer. It holds no respondent identity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Answer {
    pub id: String,
    pub item_id: String,
    pub group: RespondentGroup,
    /// 1–5 for a statement; importance 0–5 for a two-scale item.
    pub value: u8,
    /// Own competence 0–5 for a two-scale item.
    pub second: Option<u8>,
    /// The words of an answer to an open question.
    pub text: String,
}

/// What one respondent says to one item, as sent with the form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Response {
    pub item: String,
    pub value: u8,
    pub second: Option<u8>,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemResult {
    pub item_id: String,
    pub count: u32,
    pub mean: Option<f64>,
    /// Standard deviation of the values (of importance, for a two-scale item).
    pub sd: Option<f64>,
    /// `None` when fewer than five clients answered.
    pub client_mean: Option<f64>,
    /// `None` when fewer than five professionals answered.
    pub professional_mean: Option<f64>,
    /// How many answers gave 1, 2, 3, 4 and 5.
    pub distribution: [u32; 5],
    /// Two-scale items: own competence's mean and SD, and importance less competence.
    pub second_mean: Option<f64>,
    pub second_sd: Option<f64>,
    pub gap: Option<f64>,
    /// Two-scale items: place by mean importance, 1 first; 0 for other items.
    pub rank: u32,
    /// Open questions: the answers, and their words with counts, stop words left out.
    pub texts: Vec<String>,
    pub words: Vec<WordCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WordCount {
    pub word: String,
    pub count: u32,
}

board_item!(EvalItem, Evaluation, "items");
board_item!(Answer, Evaluation, "answers");

impl EvalItem {
    /// Whether `r` is a complete answer to this item.
    pub fn accepts(&self, r: &Response) -> bool {
        match self.kind {
            ItemKind::Scale => (1..=5).contains(&r.value),
            ItemKind::TwoScale => r.value <= 5 && matches!(r.second, Some(s) if s <= 5),
            ItemKind::Open => !r.text.trim().is_empty(),
        }
    }
}

impl EvaluationBoard {
    pub(super) fn derive(&mut self) {
        self.results = match self.published.is_empty() {
            true => results_of(&self.items, &self.answers),
            false => self.published.clone(),
        };
    }
}

/// Each item's result from `answers`, small groups left out, two-scale items ranked.
pub fn results_of(items: &[EvalItem], answers: &[Answer]) -> Vec<ItemResult> {
    let mut results: Vec<ItemResult> = items.iter().map(|item| result(item, answers)).collect();
    rank(&mut results, items);
    results
}

fn rank(results: &mut [ItemResult], items: &[EvalItem]) {
    let mut two: Vec<&mut ItemResult> = results
        .iter_mut()
        .zip(items)
        .filter(|(r, i)| i.kind == ItemKind::TwoScale && r.mean.is_some())
        .map(|(r, _)| r)
        .collect();
    two.sort_by(|a, b| b.mean.partial_cmp(&a.mean).unwrap_or(std::cmp::Ordering::Equal));
    for (place, r) in two.into_iter().enumerate() {
        r.rank = place as u32 + 1;
    }
}

/// The answers to `item` that may be counted: complete ones, of groups of at least
/// [`MIN_GROUP_SIZE`].
fn countable<'a>(item: &EvalItem, answers: &'a [Answer]) -> Vec<&'a Answer> {
    let complete: Vec<&Answer> = answers.iter().filter(|a| a.item_id == item.id && item.accepts(&a.response())).collect();
    let size = |g: RespondentGroup| complete.iter().filter(|a| a.group == g).count();
    complete.iter().copied().filter(|a| size(a.group) >= MIN_GROUP_SIZE).collect()
}

fn result(item: &EvalItem, answers: &[Answer]) -> ItemResult {
    let answers = countable(item, answers);
    let values = |g: Option<RespondentGroup>| -> Vec<f64> {
        answers.iter().filter(|a| g.is_none_or(|g| a.group == g)).map(|a| a.value as f64).collect()
    };
    let mut out = ItemResult { item_id: item.id.clone(), count: answers.len() as u32, ..Default::default() };
    match item.kind {
        ItemKind::Open => {
            out.texts = answers.iter().map(|a| a.text.trim().to_string()).collect();
            out.words = word_counts(&out.texts);
            return out;
        }
        ItemKind::TwoScale => {
            let second: Vec<f64> = answers.iter().filter_map(|a| a.second).map(f64::from).collect();
            out.second_mean = mean(&second);
            out.second_sd = sd(&second);
        }
        ItemKind::Scale => {
            for a in &answers {
                out.distribution[a.value as usize - 1] += 1;
            }
        }
    }
    out.mean = mean(&values(None));
    out.sd = sd(&values(None));
    out.client_mean = shown_mean(&values(Some(RespondentGroup::Client)));
    out.professional_mean = shown_mean(&values(Some(RespondentGroup::Professional)));
    out.gap = out.mean.zip(out.second_mean).map(|(m, s)| round2(m - s));
    out
}

/// Which answers to release into the results now, by id. `rows` are (id, item, group,
/// released). For a form's first results everything goes; once results were `shown`,
/// an item's answers from one group wait until there are [`MIN_GROUP_SIZE`] of them,
/// and then go together.
pub fn to_release(rows: &[(String, String, RespondentGroup, bool)], shown: bool) -> Vec<String> {
    let waiting: Vec<_> = rows.iter().filter(|(_, _, _, released)| !released).collect();
    if !shown {
        return waiting.into_iter().map(|(id, ..)| id.clone()).collect();
    }
    let batch = |item: &str, group: RespondentGroup| waiting.iter().filter(|(_, i, g, _)| i == item && *g == group).count();
    waiting
        .iter()
        .filter(|(_, item, group, _)| batch(item, *group) >= MIN_GROUP_SIZE)
        .map(|(id, ..)| id.clone())
        .collect()
}

impl Answer {
    fn response(&self) -> Response {
        Response { item: self.item_id.clone(), value: self.value, second: self.second, text: self.text.clone() }
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| round2(values.iter().sum::<f64>() / values.len() as f64))
}

/// The sample standard deviation; none for fewer than two values.
fn sd(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let m = values.iter().sum::<f64>() / values.len() as f64;
    let var = values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (values.len() - 1) as f64;
    Some(round2(var.sqrt()))
}

fn shown_mean(values: &[f64]) -> Option<f64> {
    if values.len() < MIN_GROUP_SIZE { None } else { mean(values) }
}

/// The words of open answers with how many answers use each, most first, stop words
/// and numbers left out. Words are lower-cased as written, not stemmed, so a person
/// recognises them.
fn word_counts(texts: &[String]) -> Vec<WordCount> {
    let mut counts: std::collections::BTreeMap<String, u32> = Default::default();
    for text in texts {
        let mut seen: Vec<String> = words::plain_words(text);
        seen.sort();
        seen.dedup();
        for w in seen {
            *counts.entry(w).or_default() += 1;
        }
    }
    let mut out: Vec<WordCount> = counts.into_iter().map(|(word, count)| WordCount { word, count }).collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
    out
}

/// One item across the start, middle and end forms: its result on each, by stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OverTimeRow {
    pub text: String,
    /// One cell per stage in [`Stage::ALL`]; `None` where that form lacks the item.
    pub cells: Vec<Option<ItemResult>>,
}

/// The forms of a workshop marked with a stage, compared: see [`over_time`].
pub fn over_time_in(view: &super::WorkshopView) -> Vec<OverTimeRow> {
    let mut forms: Vec<(Stage, &EvaluationBoard)> = view
        .boards
        .iter()
        .filter(|b| !b.archived)
        .filter_map(|b| match &b.content {
            super::BoardContent::Evaluation(e) => Some((e.stage?, e)),
            _ => None,
        })
        .collect();
    forms.sort_by_key(|(stage, _)| *stage);
    over_time(&forms)
}

/// The items of forms marked with a stage, matched by their text, side by side. Each
/// cell is the item's result on that form, small groups already hidden. Open questions
/// are left out: their words do not compare as numbers.
pub fn over_time(forms: &[(Stage, &EvaluationBoard)]) -> Vec<OverTimeRow> {
    let mut rows: Vec<OverTimeRow> = Vec::new();
    for (stage, form) in forms {
        let column = Stage::ALL.iter().position(|s| s == stage).unwrap_or(0);
        for (item, result) in form.items.iter().zip(&form.results).filter(|(i, _)| i.kind != ItemKind::Open) {
            let key = item.text.trim();
            let row = match rows.iter_mut().position(|r| r.text.trim().to_lowercase() == key.to_lowercase()) {
                Some(i) => &mut rows[i],
                None => {
                    rows.push(OverTimeRow { text: key.to_string(), cells: vec![None; Stage::ALL.len()] });
                    rows.last_mut().expect("just pushed")
                }
            };
            row.cells[column].get_or_insert_with(|| result.clone());
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(item: &str, g: RespondentGroup, v: u8) -> Answer {
        Answer { item_id: item.into(), group: g, value: v, ..Default::default() }
    }

    #[test]
    fn a_group_of_four_is_not_shown_separately() {
        let mut form = EvaluationBoard {
            items: vec![EvalItem { id: "i".into(), ..Default::default() }],
            answers: (0..5)
                .map(|_| answer("i", RespondentGroup::Client, 4))
                .chain((0..4).map(|_| answer("i", RespondentGroup::Professional, 2)))
                .collect(),
            ..Default::default()
        };
        form.derive();
        let r = &form.results[0];
        assert_eq!(r.client_mean, Some(4.0), "five clients answered");
        assert_eq!(r.professional_mean, None, "four professionals is too few to show apart");
        assert_eq!(r.count, 5, "the four professionals are left out of the count too");
        assert_eq!(r.mean, Some(4.0), "and of the overall mean, which would give theirs away");
    }

    #[test]
    fn a_lone_client_is_left_out_of_every_figure() {
        let items = vec![
            EvalItem { id: "s".into(), ..Default::default() },
            EvalItem { id: "t".into(), kind: ItemKind::TwoScale, ..Default::default() },
            EvalItem { id: "o".into(), kind: ItemKind::Open, ..Default::default() },
        ];
        let client = |item: &str| Answer { item_id: item.into(), group: RespondentGroup::Client, value: 1, second: Some(5), text: "Yksin asiakkaana".into(), ..Default::default() };
        let pro = |item: &str| Answer { item_id: item.into(), group: RespondentGroup::Professional, value: 4, second: Some(2), text: "Hyvä".into(), ..Default::default() };
        let mut answers: Vec<Answer> = ["s", "t", "o"].iter().map(|i| client(i)).collect();
        answers.extend(["s", "t", "o"].iter().flat_map(|i| (0..9).map(move |_| pro(i))));
        let with = results_of(&items, &answers);
        let without = results_of(&items, &answers[3..]);
        assert_eq!(with, without, "every figure is as if the client had not answered");
        assert_eq!((with[0].count, with[0].mean, with[0].distribution), (9, Some(4.0), [0, 0, 0, 9, 0]));
        assert!(with[2].texts.iter().all(|t| t == "Hyvä"), "the client's words are not listed: {:?}", with[2].texts);
    }

    #[test]
    fn late_answers_wait_until_five_of_one_group_can_go_together() {
        let row = |id: &str, g: RespondentGroup, released: bool| (id.to_string(), "i".to_string(), g, released);
        let first = vec![row("a", RespondentGroup::Client, false)];
        assert_eq!(to_release(&first, false), vec!["a".to_string()], "a form's first results take every answer");
        let mut late = vec![row("a", RespondentGroup::Client, true)];
        late.extend((0..4).map(|i| row(&format!("c{i}"), RespondentGroup::Client, false)));
        late.push(row("p", RespondentGroup::Professional, false));
        assert!(to_release(&late, true).is_empty(), "four late clients and one professional wait");
        late.push(row("c4", RespondentGroup::Client, false));
        let going = to_release(&late, true);
        assert_eq!(going.len(), 5, "five late clients go together: {going:?}");
        assert!(!going.contains(&"p".to_string()), "the lone late professional still waits");
    }

    #[test]
    fn open_answers_are_listed_and_their_words_counted_without_stop_words() {
        let open = |t: &str| Answer { item_id: "o".into(), text: t.into(), ..Default::default() };
        let mut form = EvaluationBoard {
            items: vec![EvalItem { id: "o".into(), kind: ItemKind::Open, ..Default::default() }],
            answers: ["Hyvä ryhmähenki ja hyvä ohjaus", "Ryhmähenki oli turvallinen", "Kiitos", "Mukava päivä", "Selkeät tehtävät", "  "]
                .into_iter()
                .map(open)
                .collect(),
            ..Default::default()
        };
        form.derive();
        let r = &form.results[0];
        assert_eq!(r.texts.len(), 5, "an empty answer is no answer");
        assert_eq!(r.words[0], WordCount { word: "ryhmähenki".into(), count: 2 });
        assert!(r.words.iter().all(|w| w.word != "ja" && w.word != "oli"), "stop words are left out: {:?}", r.words);
        assert_eq!(r.mean, None, "words have no mean");
    }
}
