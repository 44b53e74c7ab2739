//! Paja checks its own Finnish: the plain-language checker over every Finnish UI string
//! and the texts of the templates and the demo. It prints the Wiio figure (long words per
//! hundred) and the hints by rule; every hint left must be one we kept on purpose, listed
//! with its reason in `tests/data/selko/deliberate.tsv`. Run with `--nocapture` to read.

use paja::synthesis::plain_language::{self, HintRule};
use serde_json::Value;
use std::collections::BTreeMap;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The Finnish UI strings: each `'key': "text",` or `'key': 'text',` line of fi.ts.
fn ui_strings() -> Vec<(String, String)> {
    read("ui/src/i18n/fi.ts")
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let (key, rest) = line.strip_prefix('\'')?.split_once("': ")?;
            let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let text = rest[1..].rsplit_once(quote)?.0;
            // Placeholders read as a word: "{n} osumaa" is checked as "3 osumaa".
            Some((format!("ui {key}"), text.replace(['{', '}'], "").replace("\\'", "'")))
        })
        .collect()
}

/// Texts people read in the templates and the demo: instructions, questions, criteria.
fn template_texts() -> Vec<(String, String)> {
    const READ: &[&str] = &["instructions", "question", "questions", "plain", "title"];
    let mut out = Vec::new();
    for path in ["templates/paku.json", "templates/demo.json"] {
        let json: Value = serde_json::from_str(&read(path)).unwrap();
        collect(&json, path, READ, &mut out);
    }
    out
}

fn collect(value: &Value, place: &str, keys: &[&str], out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match v {
                    Value::String(s) if keys.contains(&k.as_str()) && !s.trim().is_empty() => {
                        out.push((format!("{place} {k}"), s.clone()))
                    }
                    Value::Array(items) if keys.contains(&k.as_str()) => {
                        for s in items.iter().filter_map(Value::as_str) {
                            out.push((format!("{place} {k}"), s.to_string()));
                        }
                    }
                    _ => collect(v, place, keys, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect(v, place, keys, out)),
        _ => {}
    }
}

/// Hints kept on purpose: `rule<TAB>excerpt<TAB>why`.
fn deliberate() -> Vec<(String, String)> {
    read("tests/data/selko/deliberate.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split('\t');
            let rule = parts.next().unwrap_or_default().to_string();
            let excerpt = parts.next().unwrap_or_default().to_string();
            assert!(parts.next().is_some_and(|why| !why.trim().is_empty()), "every kept hint says why: {l}");
            (rule, excerpt)
        })
        .collect()
}

#[test]
fn every_plain_language_hint_left_in_pajas_own_finnish_is_deliberate() {
    let kept = deliberate();
    let mut unexplained = Vec::new();
    for (name, texts) in [("UI strings", ui_strings()), ("templates and demo", template_texts())] {
        let joined: String = texts.iter().map(|(_, t)| format!("{}.\n", t.trim_end_matches('.'))).collect();
        let figure = plain_language::check(&joined).readability;
        let mut by_rule: BTreeMap<String, usize> = BTreeMap::new();
        for (place, text) in &texts {
            for hint in plain_language::check(text).hints {
                let rule = format!("{:?}", hint.rule);
                *by_rule.entry(rule.clone()).or_default() += 1;
                if !kept.iter().any(|(r, e)| *r == rule && *e == hint.excerpt) {
                    unexplained.push(format!("{place}: {rule} {:?} in {text:?}", hint.excerpt));
                }
            }
        }
        println!(
            "{name}: {} texts, {} words, Wiio figure {} long words per hundred, {:.1} words per sentence; hints kept {by_rule:?}",
            texts.len(),
            figure.words,
            figure.wiio,
            figure.words_per_sentence
        );
    }
    assert!(unexplained.is_empty(), "hints nobody decided to keep:\n{}", unexplained.join("\n"));
    let control = plain_language::check("Päätös tehdään.").hints;
    assert!(control.iter().any(|h| h.rule == HintRule::Passive), "positive control: the same check finds a passive");
}
