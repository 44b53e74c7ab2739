//! Evaluation instruments: seed 001's 29 success factors rated on two scales by twelve
//! respondents come out ranked by mean importance with SD and gap, as computed here
//! independently; start, middle and end forms compare side by side with small groups
//! hidden in every column; open answers are listed with their words counted. The
//! report, read back with `pdftotext`, shows the same.

use paja::api::{Command, ExportFormat, ExportRequest, WorkshopFile};
use paja::model::evaluation::{EvaluationBoard, ItemKind, MIN_GROUP_SIZE, over_time_in};
use paja::model::{BoardContent, Workshop};
use serde_json::{Value, json};
use std::path::Path;

fn run(file: &mut WorkshopFile, command: Value) -> Option<String> {
    let parsed: Command = serde_json::from_value(command.clone()).unwrap_or_else(|e| panic!("{command} parses: {e}"));
    file.execute(&parsed).unwrap_or_else(|e| panic!("{command} runs: {e}")).id
}

fn form(file: &WorkshopFile, board: &str) -> EvaluationBoard {
    match file.view().board(board).unwrap().content.clone() {
        BoardContent::Evaluation(e) => e,
        other => panic!("an evaluation form, not {:?}", other.kind()),
    }
}

fn report_text(file: &WorkshopFile, dir: &Path) -> String {
    let pdf = dir.join("raportti.pdf");
    file.export(ExportFormat::Pdf, &ExportRequest::default(), &pdf, None).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Respondent `r`'s importance and competence for factor `n` (1-based): a fixed
/// pattern with spread, so means, SDs and gaps all differ.
fn rating(r: usize, n: usize) -> (u8, u8) {
    let importance = (n * 7 + r * 3) % 6;
    let competence = (n * 5 + r * 11 + 2) % 6;
    (importance as u8, competence as u8)
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len() as f64
}

fn sd(xs: &[f64]) -> f64 {
    let m = mean(xs);
    (xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (xs.len() as f64 - 1.0)).sqrt()
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[test]
fn twenty_nine_factors_rated_by_twelve_respondents_are_ranked_by_mean_with_sd_and_gap() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = WorkshopFile::create(&dir.path().join("arvio.paja"), Workshop::new()).unwrap();
    let board = run(&mut file, json!({"cmd": "create_board", "kind": "evaluation", "title": "", "session_id": null, "starter": true, "variant": "rating"})).unwrap();
    let items = form(&file, &board).items;
    assert_eq!(items.len(), 29, "seed 001 names 29 success factors");
    assert!(items.iter().all(|i| i.kind == ItemKind::TwoScale), "each is rated for importance and own competence");
    let sections: Vec<&str> = items.iter().map(|i| i.section.as_str()).fold(Vec::new(), |mut v, s| {
        if !v.contains(&s) {
            v.push(s);
        }
        v
    });
    assert_eq!(sections, ["Asiakasnäkökulma", "Osaaminen (oppiminen ja kasvu)", "Sisäiset prosessit", "Talous ja tieto"]);

    for r in 0..12 {
        let group = if r < 5 { "client" } else { "professional" };
        let answers: Vec<Value> = items
            .iter()
            .enumerate()
            .map(|(k, item)| {
                let (value, second) = rating(r, k + 1);
                json!({"item": item.id, "value": value, "second": second, "text": ""})
            })
            .collect();
        run(&mut file, json!({"cmd": "answer_evaluation", "board": board, "group": group, "answers": answers}));
    }

    let results = form(&file, &board).results;
    let mut expected: Vec<(String, f64, f64, f64)> = items
        .iter()
        .enumerate()
        .map(|(k, item)| {
            let importance: Vec<f64> = (0..12).map(|r| rating(r, k + 1).0 as f64).collect();
            let competence: Vec<f64> = (0..12).map(|r| rating(r, k + 1).1 as f64).collect();
            let gap = mean(&importance) - mean(&competence);
            (item.id.clone(), mean(&importance), sd(&importance), gap)
        })
        .collect();
    expected.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap());
    for (place, (id, m, s, gap)) in expected.iter().enumerate() {
        let r = results.iter().find(|r| &r.item_id == id).unwrap();
        assert_eq!(r.count, 12, "twelve answered every factor");
        assert!((r.mean.unwrap() - m).abs() < 0.006, "the mean of {id} is {m:.3}, shown {:?}", r.mean);
        assert!((r.sd.unwrap() - s).abs() < 0.006, "the SD of {id} is {s:.3}, shown {:?}", r.sd);
        assert!((r.gap.unwrap() - gap).abs() < 0.011, "the gap of {id} is {gap:.3}, shown {:?}", r.gap);
        let tied = expected.iter().filter(|e| round2(e.1) == round2(*m)).count();
        if tied == 1 {
            assert_eq!(r.rank as usize, place + 1, "{id} is ranked by its mean");
        }
    }
    let mut ranks: Vec<u32> = results.iter().map(|r| r.rank).collect();
    ranks.sort();
    assert_eq!(ranks, (1..=29).collect::<Vec<u32>>(), "every factor has its own place");

    let text = report_text(&file, dir.path());
    let first = results.iter().find(|r| r.rank == 1).unwrap();
    let first_text = &items.iter().find(|i| i.id == first.item_id).unwrap().text;
    let table = &text[text.find("Järjestys tärkeyden mukaan").expect("the report ranks the factors")..];
    assert!(table.contains(&format!("1 {first_text}")), "the most important factor comes first in the report");
    let shown = format!("{:.2} ({:.2})", first.mean.unwrap(), first.sd.unwrap()).replace('.', ",");
    assert!(table.contains(&shown), "its mean and SD are printed with a decimal comma: {shown}");
}

/// A form with the five THL statements at `stage`, answered by `clients` and
/// `professionals` people; each person answers every statement with `value`.
fn staged_form(file: &mut WorkshopFile, title: &str, stage: &str, clients: usize, professionals: usize) -> String {
    let board = run(file, json!({"cmd": "create_board", "kind": "evaluation", "title": title, "session_id": null, "starter": true})).unwrap();
    run(file, json!({"cmd": "patch_board", "board": board, "patch": {"stage": stage}}));
    let items = form(file, &board).items;
    let groups = std::iter::repeat_n(("client", 5), clients).chain(std::iter::repeat_n(("professional", 3), professionals));
    for (group, value) in groups {
        let answers: Vec<Value> = items.iter().map(|i| json!({"item": i.id, "value": value, "second": null, "text": ""})).collect();
        run(file, json!({"cmd": "answer_evaluation", "board": board, "group": group, "answers": answers}));
    }
    board
}

#[test]
fn start_middle_and_end_forms_compare_side_by_side_and_a_small_group_is_hidden_in_every_column() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = WorkshopFile::create(&dir.path().join("ajan-yli.paja"), Workshop::new()).unwrap();
    staged_form(&mut file, "Alkuarviointi", "start", 6, 4);
    staged_form(&mut file, "Väliarviointi", "middle", 3, 7);
    staged_form(&mut file, "Loppuarviointi", "end", 5, 5);
    staged_form(&mut file, "Ilman vaihetta", "start", 0, 0);

    let rows = over_time_in(&file.view());
    assert_eq!(rows.len(), 5, "the five statements match by their text across the forms");
    for row in &rows {
        let cells: Vec<_> = row.cells.iter().map(|c| c.as_ref().expect("every stage asked it")).collect();
        assert_eq!(cells.iter().map(|c| c.count).collect::<Vec<_>>(), [6, 7, 10], "a group under five is counted in no column");
        assert_eq!(cells[0].client_mean, Some(5.0), "six clients at the start are shown");
        assert_eq!(cells[0].professional_mean, None, "four professionals at the start are too few to show apart");
        assert_eq!(cells[1].client_mean, None, "three clients in the middle are too few to show apart");
        assert_eq!(cells[1].professional_mean, Some(3.0), "seven professionals in the middle are shown");
        assert_eq!((cells[2].client_mean, cells[2].professional_mean), (Some(5.0), Some(3.0)), "five and five at the end are shown");
    }

    let text = report_text(&file, dir.path());
    let section = &text[text.rfind("Arviointi ajan yli").expect("the report compares the forms")..];
    assert!(section.contains(&format!("Alle {MIN_GROUP_SIZE} vastaajan ryhmää ei näytetä")), "the report says why some cells are empty");
    assert!(section.contains("ka 5,00 · A 5,00 · T –"), "the start column leaves the four professionals out, of the overall mean too");
    assert!(section.contains("ka 3,00 · A – · T 3,00"), "the middle column leaves the three clients out");
    assert!(section.contains("ka 4,00 · A 5,00 · T 3,00"), "the end column shows both groups");
}

#[test]
fn open_answers_are_listed_and_their_words_counted_in_the_app_and_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = WorkshopFile::create(&dir.path().join("avoin.paja"), Workshop::new()).unwrap();
    let board = run(&mut file, json!({"cmd": "create_board", "kind": "evaluation", "title": "Loppuarviointi", "session_id": null, "starter": false})).unwrap();
    let item = run(&mut file, json!({"cmd": "add_item", "board": board, "item": {"type": "EvalItem", "text": "Mikä toimi hyvin?", "kind": "open", "section": "", "order": 0}})).unwrap();
    for text in ["Hyvä ryhmähenki ja selkeät ohjeet.", "Ryhmähenki oli turvallinen.", "Kuvakortit ja ryhmähenki.", "Kahvi oli hyvää.", "Aikataulu piti."] {
        run(&mut file, json!({"cmd": "answer_evaluation", "board": board, "group": "client", "answers": [{"item": item, "value": 0, "second": null, "text": text}]}));
    }
    let refused = file.execute(&serde_json::from_value(json!({"cmd": "answer_evaluation", "board": board, "group": "client", "answers": [{"item": item, "value": 0, "second": null, "text": "  "}]})).unwrap());
    assert_eq!(refused.unwrap_err().code(), "answer_out_of_range", "an empty open answer is refused in one sentence");

    let result = form(&file, &board).results.remove(0);
    assert_eq!(result.texts.len(), 5, "the answers are listed");
    assert_eq!((result.words[0].word.as_str(), result.words[0].count), ("ryhmähenki", 3), "the most used word comes first");
    assert!(result.words.iter().all(|w| w.word != "ja" && w.word != "oli"), "stop words are left out");

    let text = report_text(&file, dir.path());
    assert!(text.contains("Ryhmähenki oli turvallinen."), "the report lists the answers");
    assert!(text.contains("Sanat, joita käytettiin useammin kuin kerran ryhmähenki 3"), "and the words used more than once");
}
