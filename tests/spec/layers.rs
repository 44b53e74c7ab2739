//! The core's layers run one way: each module imports only modules on its own layer or
//! below. `model` ← `store` ← `api` (a person's command: roles, locks, drafts, sealing)
//! ← `sync` (bytes, rooms, links, persistence) ← `session` (alone, hosting, joined) ←
//! the CLI and the desktop window. Read from the code's own `crate::`/`paja::` paths.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// From the ground up; a module may import its own layer and those before it.
const LAYERS: &[&[&str]] = &[
    &["words", "error_code"],
    &["model"],
    &["store"],
    &["export", "synthesis", "templates", "error"],
    &["api"],
    &["sync"],
    &["session"],
    &["cli", "desktop"],
];

/// Names the crate root re-exports, and the module that defines each.
const ROOT_NAMES: &[(&str, &str)] = &[("Error", "error"), ("ErrorCode", "error_code"), ("Failure", "error_code"), ("Refusal", "error_code")];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a source folder").map(|e| e.expect("an entry").path()) {
        if entry.is_dir() {
            files.extend(rust_files(&entry));
        } else if entry.extension().is_some_and(|e| e == "rs") {
            files.push(entry);
        }
    }
    files
}

/// The module a file of the core belongs to: its first folder or file name under `src/`.
fn module_of(root: &Path, file: &Path) -> String {
    let first = file.strip_prefix(root).expect("under the root").components().next().expect("a component");
    let name = first.as_os_str().to_string_lossy();
    match name.trim_end_matches(".rs") {
        "main" => "cli".into(),
        other => other.into(),
    }
}

/// Every top-level module the code names through `prefix::` (`crate` or `paja`).
fn named_modules(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let marker = format!("{prefix}::");
    for (at, _) in code.match_indices(&marker) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[at + marker.len()..];
        let listed: Vec<&str> = match rest.strip_prefix('{') {
            Some(group) => group[..group.find('}').unwrap_or(0)].split(',').map(str::trim).collect(),
            None => vec![rest],
        };
        for item in listed {
            let name: String = item.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let module = ROOT_NAMES.iter().find(|(n, _)| *n == name).map_or(name, |(_, m)| m.to_string());
            if !module.is_empty() {
                names.insert(module);
            }
        }
    }
    names
}

/// `file (module) -> named` for every import of a module on a higher layer.
fn upward_imports(root: &Path, prefix: &str, module_for: impl Fn(&Path) -> String) -> Vec<String> {
    let mut found = Vec::new();
    for file in rust_files(root) {
        let module = module_for(&file);
        let Some(own) = layer(&module) else { continue };
        let code = std::fs::read_to_string(&file).expect("a readable source file");
        for named in named_modules(&code, prefix) {
            if layer(&named).is_some_and(|theirs| theirs > own) {
                found.push(format!("{} ({module}) -> {named}", file.display()));
            }
        }
    }
    found
}

fn core_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_module_of_the_core_imports_one_above_it() {
    let root = core_root();
    let mut upward = upward_imports(&root, "crate", |file| module_of(&root, file));
    upward.extend(upward_imports(&root.join("cli"), "paja", |_| "cli".into()));
    assert!(upward.is_empty(), "imports that run back up the layers:\n{}", upward.join("\n"));
}

#[test]
fn the_cli_and_the_window_reach_the_hub_only_through_session() {
    let root = core_root();
    let mut files: Vec<PathBuf> = rust_files(&root.join("cli"));
    files.push(root.join("main.rs"));
    files.extend(rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri").join("src")));
    let direct: Vec<String> = files
        .iter()
        .filter(|file| named_modules(&std::fs::read_to_string(file).expect("a readable source file"), "paja").contains("sync"))
        .map(|file| file.display().to_string())
        .collect();
    assert!(direct.is_empty(), "these name paja::sync instead of going through paja::session:\n{}", direct.join("\n"));
}

#[test]
fn an_import_of_a_higher_layer_is_found() {
    let code = "use crate::model::Board;\nuse crate::{Error, Refusal};\nlet x = paja::session::Live::new();";
    assert_eq!(named_modules(code, "crate"), BTreeSet::from(["model".to_string(), "error".into(), "error_code".into()]));
    assert_eq!(named_modules(code, "paja"), BTreeSet::from(["session".to_string()]));
    assert!(layer("session") > layer("sync") && layer("sync") > layer("api"), "session sits on sync, sync on api");
}
