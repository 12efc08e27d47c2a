//! The README's layout table is the map of the repository: each row names
//! a top folder and what it holds. The test here holds it true: every Rust
//! file of a folder is named in its row (by its name, a `*` pattern such as
//! `worker_*.rs`, or the folder that holds it), and every file a row names
//! exists.

use std::collections::BTreeSet;
use std::path::Path;

/// Folders that hold no sources of ours (build output, installs).
const NOT_SOURCES: [&str; 7] = [
    "target",
    "node_modules",
    "build",
    "dist",
    "pkg",
    ".wrangler",
    "fixtures",
];

/// The table's rows: `(path, what it holds)`.
fn rows(readme: &str) -> Vec<(String, String)> {
    readme
        .lines()
        .skip_while(|line| *line != "| path | what it holds |")
        .skip(2)
        .take_while(|line| line.starts_with("| `"))
        .filter_map(|line| {
            let line = line.strip_prefix("| `")?.strip_suffix(" |")?;
            let (path, text) = line.split_once("` | ")?;
            Some((path.to_string(), text.to_string()))
        })
        .collect()
}

/// What a row names in backticks: file names (and patterns) and folders.
fn named(text: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut files = BTreeSet::new();
    let mut folders = BTreeSet::new();
    for quoted in text.split('`').skip(1).step_by(2) {
        for word in quoted.split([' ', ',']) {
            if let Some(folder) = word.strip_suffix('/') {
                if let Some(last) = folder.rsplit('/').next() {
                    folders.insert(last.to_string());
                }
            } else if word.ends_with(".rs") {
                files.insert(word.rsplit('/').next().unwrap_or(word).to_string());
            }
        }
    }
    (files, folders)
}

/// Whether `name` matches `pattern`, which may hold one `*`.
fn matches(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        Some((start, end)) => {
            name.len() >= start.len() + end.len() && name.starts_with(start) && name.ends_with(end)
        }
        None => pattern == name,
    }
}

/// Every `.rs` file under `dir`, as (path, name, the folder holding it).
fn sources(dir: &Path, depth: usize, found: &mut Vec<(String, String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if depth < 8 && !NOT_SOURCES.contains(&name.as_str()) {
                sources(&path, depth + 1, found);
            }
        } else if name.ends_with(".rs") {
            let folder = dir
                .file_name()
                .map(|folder| folder.to_string_lossy().into_owned())
                .unwrap_or_default();
            found.push((path.display().to_string(), name, folder));
        }
    }
}

#[test]
fn the_readme_layout_table_names_every_source_file_and_no_missing_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or_else(|| unreachable!("xtask lives in the workspace"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap_or_default();
    let rows = rows(&readme);
    assert!(rows.len() > 8, "the layout table was not found");
    let mut unnamed = Vec::new();
    let mut missing = Vec::new();
    for (path, text) in &rows {
        let Some(top) = path.strip_suffix('/') else {
            continue;
        };
        let mut found = Vec::new();
        sources(&root.join(top), 0, &mut found);
        let (files, folders) = named(text);
        for (full, name, folder) in &found {
            // A crate's root files are what its row describes.
            let root_file = matches!(name.as_str(), "lib.rs" | "main.rs" | "build.rs")
                && (folder == "src" || folder == top);
            let in_named_folder = folder != "src" && folders.contains(folder);
            if !root_file && !in_named_folder && !files.iter().any(|file| matches(file, name)) {
                unnamed.push(full.clone());
            }
        }
        for file in &files {
            if !found.iter().any(|(_, name, _)| matches(file, name)) {
                missing.push(format!("{path} names {file}"));
            }
        }
    }
    assert!(
        unnamed.is_empty(),
        "the README's layout table does not name: {unnamed:#?}"
    );
    assert!(
        missing.is_empty(),
        "the README's layout table names files that do not exist: {missing:#?}"
    );
}

#[test]
fn a_pattern_matches_what_it_says() {
    assert!(matches("worker_*.rs", "worker_move.rs"));
    assert!(!matches("worker_*.rs", "browser_move.rs"));
    assert!(matches("busy.rs", "busy.rs"));
    assert!(!matches("busy.rs", "not_busy.rs"));
    let (files, folders) = named("`store/busy.rs`, `src/app/` and `worker_*.rs, x.rs`");
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        ["busy.rs", "worker_*.rs", "x.rs"]
    );
    assert_eq!(folders.into_iter().collect::<Vec<_>>(), ["app"]);
}
