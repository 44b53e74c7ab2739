//! Generic reading and writing of the document tree as JSON, following [`super::schema`].
//!
//! Writing never replaces what is equal: texts get a minimal diff, unchanged values and
//! items are left alone, so concurrent edits to other fields and other items survive.

use super::schema::{is_collection, is_computed, is_text, is_whole};
use serde_json::{Map as JsonMap, Value};
use yrs::{Any, GetString, Map, MapPrelim, MapRef, Out, ReadTxn, Text, TextPrelim, TextRef, TransactionMut};

/// Reads a map of the document as JSON.
pub fn read_map<T: ReadTxn>(txn: &T, map: &MapRef) -> Value {
    let mut obj = JsonMap::new();
    for (key, out) in map.iter(txn) {
        obj.insert(key.to_string(), read_field(txn, key, out));
    }
    Value::Object(obj)
}

/// Reads one field of a map as [`read_map`] reads it: a collection as a sorted array.
pub fn read_field<T: ReadTxn>(txn: &T, key: &str, out: Out) -> Value {
    if is_collection(key) {
        read_collection(txn, &out)
    } else {
        read_out(txn, out)
    }
}

fn read_collection<T: ReadTxn>(txn: &T, out: &Out) -> Value {
    let Out::YMap(map) = out else { return Value::Array(vec![]) };
    let mut items: Vec<Value> = map.iter(txn).map(|(_, item)| read_out(txn, item)).collect();
    sort_items(&mut items);
    Value::Array(items)
}

/// Puts a collection's items in their JSON order: by `order`, then `id`.
pub fn sort_items(items: &mut [Value]) {
    items.sort_by(|a, b| sort_key(a).partial_cmp(&sort_key(b)).unwrap_or(std::cmp::Ordering::Equal));
}

fn sort_key(item: &Value) -> (f64, String) {
    let order = item.get("order").and_then(Value::as_f64).unwrap_or(0.0);
    let id = item.get("id").and_then(Value::as_str).unwrap_or("").to_string();
    (order, id)
}

pub fn read_out<T: ReadTxn>(txn: &T, out: Out) -> Value {
    match out {
        Out::Any(any) => any_to_json(&any),
        Out::YText(text) => Value::String(text.get_string(txn)),
        Out::YMap(map) => read_map(txn, &map),
        _ => Value::Null,
    }
}

pub fn any_to_json(any: &Any) -> Value {
    match any {
        Any::Null | Any::Undefined => Value::Null,
        Any::Bool(b) => Value::Bool(*b),
        Any::Number(yrs::Number::Int(i)) => Value::from(*i),
        Any::Number(yrs::Number::Float(f)) => {
            serde_json::Number::from_f64(*f).map(Value::Number).unwrap_or(Value::Null)
        }
        Any::String(s) => Value::String(s.to_string()),
        Any::Buffer(_) => Value::Null,
        Any::Array(items) => Value::Array(items.iter().map(any_to_json).collect()),
        Any::Map(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), any_to_json(v))).collect())
        }
    }
}

pub fn json_to_any(value: &Value) -> Any {
    match value {
        Value::Null => Any::Null,
        Value::Bool(b) => Any::Bool(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Any::Number(yrs::Number::Int(i)),
            None => Any::Number(yrs::Number::Float(n.as_f64().unwrap_or(0.0))),
        },
        Value::String(s) => Any::String(s.as_str().into()),
        Value::Array(items) => Any::Array(items.iter().map(json_to_any).collect()),
        Value::Object(map) => {
            Any::Map(std::sync::Arc::new(map.iter().map(|(k, v)| (k.clone(), json_to_any(v))).collect()))
        }
    }
}

/// Makes `map` hold exactly the fields of `obj` (computed keys excepted).
pub fn write_map(txn: &mut TransactionMut, map: &MapRef, obj: &JsonMap<String, Value>) {
    let stale: Vec<String> = map
        .keys(txn)
        .filter(|k| !obj.contains_key(*k))
        .map(str::to_string)
        .collect();
    for key in stale {
        map.remove(txn, &key);
    }
    for (key, value) in obj {
        if !is_computed(key) {
            write_value(txn, map, key, value);
        }
    }
}

/// Sets one field of `map`, as the schema says it is stored.
pub fn write_value(txn: &mut TransactionMut, map: &MapRef, key: &str, value: &Value) {
    match value {
        Value::Array(items) if is_collection(key) => {
            let child = child_map(txn, map, key);
            write_collection(txn, &child, items);
        }
        Value::String(s) if is_text(key) => {
            let text = child_text(txn, map, key);
            set_text(txn, &text, s);
        }
        Value::Object(obj) if !is_whole(key) => {
            let child = child_map(txn, map, key);
            write_map(txn, &child, obj);
        }
        _ => {
            let any = json_to_any(value);
            let same = matches!(map.get(txn, key), Some(Out::Any(old)) if old == any);
            if !same {
                map.insert(txn, key, any);
            }
        }
    }
}

fn write_collection(txn: &mut TransactionMut, map: &MapRef, items: &[Value]) {
    let ids: Vec<&str> = items.iter().filter_map(|i| i.get("id")?.as_str()).collect();
    let stale: Vec<String> =
        map.keys(txn).filter(|k| !ids.contains(k)).map(str::to_string).collect();
    for key in stale {
        map.remove(txn, &key);
    }
    for item in items {
        if let (Some(id), Some(obj)) = (item.get("id").and_then(Value::as_str), item.as_object()) {
            let child = child_map(txn, map, id);
            write_map(txn, &child, obj);
        }
    }
}

/// The map under `key`, created if missing or of another type.
pub fn child_map(txn: &mut TransactionMut, map: &MapRef, key: &str) -> MapRef {
    match map.get(txn, key) {
        Some(Out::YMap(child)) => child,
        _ => map.insert(txn, key, MapPrelim::default()),
    }
}

fn child_text(txn: &mut TransactionMut, map: &MapRef, key: &str) -> TextRef {
    match map.get(txn, key) {
        Some(Out::YText(text)) => text,
        _ => map.insert(txn, key, TextPrelim::new("")),
    }
}

/// Replaces the text's content with `new` by deleting and inserting only what differs.
pub fn set_text(txn: &mut TransactionMut, text: &TextRef, new: &str) {
    let old = text.get_string(txn);
    if old == new {
        return;
    }
    let (start, old_mid, new_mid) = middle_diff(&old, new);
    if old_mid > 0 {
        text.remove_range(txn, start, old_mid);
    }
    if !new_mid.is_empty() {
        text.insert(txn, start, new_mid);
    }
}

/// The differing middle of two strings: start offset and removed length in UTF-16 units,
/// and the inserted text.
fn middle_diff<'a>(old: &str, new: &'a str) -> (u32, u32, &'a str) {
    let prefix: Vec<char> =
        old.chars().zip(new.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a).collect();
    let old_rest: Vec<char> = old.chars().skip(prefix.len()).collect();
    let new_rest: Vec<char> = new.chars().skip(prefix.len()).collect();
    let suffix = old_rest.iter().rev().zip(new_rest.iter().rev()).take_while(|(a, b)| a == b).count();
    let utf16 = |cs: &[char]| cs.iter().map(|c| c.len_utf16() as u32).sum::<u32>();
    let start = utf16(&prefix);
    let removed = utf16(&old_rest[..old_rest.len() - suffix]);
    let byte_start: usize = prefix.iter().map(|c| c.len_utf8()).sum();
    let inserted_len: usize = new_rest[..new_rest.len() - suffix].iter().map(|c| c.len_utf8()).sum();
    (start, removed, &new[byte_start..byte_start + inserted_len])
}

#[cfg(test)]
mod tests {
    use super::middle_diff;

    #[test]
    fn diff_of_a_typed_letter_is_one_insert() {
        assert_eq!(middle_diff("Äiti", "Äidti"), (2, 0, "d"), "only the new letter is inserted");
    }

    #[test]
    fn diff_counts_in_utf16_units() {
        assert_eq!(middle_diff("a😀b", "a😀cb"), (3, 0, "c"), "the emoji takes two UTF-16 units");
        assert_eq!(middle_diff("ååå", "åå"), (2, 1, ""), "one å is removed at the end");
    }
}
