//! Evaluation form (palautelomake): Likert items and anonymous answers tagged by
//! respondent group. Results are computed per group; a group with fewer than
//! [`MIN_GROUP_SIZE`] answers to an item is not shown separately.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const MIN_GROUP_SIZE: usize = 5;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct EvaluationBoard {
    pub items: Vec<EvalItem>,
    pub answers: Vec<Answer>,
    /// Computed: one result per item.
    pub results: Vec<ItemResult>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct EvalItem {
    pub id: String,
    pub text: String,
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

/// One anonymous answer on a 1..5 scale. It holds no respondent identity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Answer {
    pub id: String,
    pub item_id: String,
    pub group: RespondentGroup,
    pub value: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemResult {
    pub item_id: String,
    pub count: u32,
    pub mean: Option<f64>,
    /// `None` when fewer than five clients answered.
    pub client_mean: Option<f64>,
    /// `None` when fewer than five professionals answered.
    pub professional_mean: Option<f64>,
    /// How many answers gave 1, 2, 3, 4 and 5.
    pub distribution: [u32; 5],
}

board_item!(EvalItem, Evaluation, "items");
board_item!(Answer, Evaluation, "answers");

impl EvaluationBoard {
    pub(super) fn derive(&mut self) {
        self.results = self.items.iter().map(|item| self.result(&item.id)).collect();
    }

    fn result(&self, item_id: &str) -> ItemResult {
        let answers: Vec<&Answer> = self
            .answers
            .iter()
            .filter(|a| a.item_id == item_id && (1..=5).contains(&a.value))
            .collect();
        let of_group = |g: RespondentGroup| -> Vec<&Answer> {
            answers.iter().copied().filter(|a| a.group == g).collect()
        };
        let mut distribution = [0u32; 5];
        for a in &answers {
            distribution[a.value as usize - 1] += 1;
        }
        ItemResult {
            item_id: item_id.to_string(),
            count: answers.len() as u32,
            mean: mean(&answers),
            client_mean: shown_mean(&of_group(RespondentGroup::Client)),
            professional_mean: shown_mean(&of_group(RespondentGroup::Professional)),
            distribution,
        }
    }
}

fn mean(answers: &[&Answer]) -> Option<f64> {
    if answers.is_empty() {
        return None;
    }
    let sum: f64 = answers.iter().map(|a| a.value as f64).sum();
    Some((sum / answers.len() as f64 * 100.0).round() / 100.0)
}

fn shown_mean(answers: &[&Answer]) -> Option<f64> {
    if answers.len() < MIN_GROUP_SIZE { None } else { mean(answers) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_of_four_is_not_shown_separately() {
        let answer = |g, v| Answer { item_id: "i".into(), group: g, value: v, ..Default::default() };
        let mut form = EvaluationBoard {
            items: vec![EvalItem { id: "i".into(), ..Default::default() }],
            answers: (0..5)
                .map(|_| answer(RespondentGroup::Client, 4))
                .chain((0..4).map(|_| answer(RespondentGroup::Professional, 2)))
                .collect(),
            ..Default::default()
        };
        form.derive();
        let r = &form.results[0];
        assert_eq!(r.client_mean, Some(4.0), "five clients answered");
        assert_eq!(r.professional_mean, None, "four professionals is too few to show apart");
        assert_eq!(r.count, 9, "the total still counts everyone");
    }
}
