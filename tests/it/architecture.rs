//! The layout the code keeps: modules form a tree (no two import each other,
//! directly or through others), domain modules do not depend on the command
//! line crate, and no source file grows past 600 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn source_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.sort();
    files
}

/// `src/run/publish.rs` → ["run", "publish"]; `src/load/mod.rs` → ["load"].
fn module_path(file: &Path) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Paths named after `prefix` in `text`: `crate::a::b` and `crate::{a, b::c}` give
/// [a, b], [a], [b, c].
fn referenced_paths(text: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        rest = &rest[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                paths.push(split_path(item.trim()));
            }
        } else {
            paths.push(split_path(rest));
        }
    }
    paths
}

fn split_path(text: &str) -> Vec<String> {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(text.len());
    text[..end]
        .split("::")
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The first cycle in a graph, if any.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn modules_form_a_tree() {
    let files = source_files();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_path(f)).collect();
    // Edges between top-level modules, and between sibling modules of a folder.
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut siblings: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let from = module_path(file);
        if from.is_empty() || from == ["main"] {
            continue; // lib.rs declares the modules; main.rs is the binary
        }
        let text = std::fs::read_to_string(file).unwrap();
        let mut targets: Vec<Vec<String>> = referenced_paths(&text, "crate::");
        if from.len() > 1 {
            let parent = &from[..from.len() - 1];
            targets.extend(referenced_paths(&text, "super::").into_iter().map(|p| {
                let mut full = parent.to_vec();
                full.extend(p);
                full
            }));
        }
        for target in targets {
            let Some(first) = target.first() else {
                continue;
            };
            if !modules.contains(&vec![first.clone()]) {
                continue;
            }
            if *first != from[0] {
                top.entry(from[0].clone())
                    .or_default()
                    .insert(first.clone());
            } else if from.len() == 2 && target.len() >= 2 {
                let sibling = vec![first.clone(), target[1].clone()];
                if modules.contains(&sibling) && sibling != from {
                    siblings
                        .entry(from.join("::"))
                        .or_default()
                        .insert(sibling.join("::"));
                }
            }
        }
    }
    assert!(
        top.values().map(BTreeSet::len).sum::<usize>() > 20,
        "the scan found too few imports to be right: {top:?}"
    );
    assert_eq!(find_cycle(&top), None, "modules importing each other");
    assert_eq!(
        find_cycle(&siblings),
        None,
        "sibling modules importing each other"
    );
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(
        referenced_paths("use crate::{config::Config, load};", "crate::"),
        vec![
            vec!["config".to_string(), "Config".to_string()],
            vec!["load".to_string()]
        ]
    );
}

#[test]
fn only_the_command_line_knows_clap() {
    for file in source_files() {
        let module = module_path(&file);
        if ["cli", "cmd", "main"].contains(&module[0].as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            !text.contains("clap::") && !text.contains("use clap"),
            "{} depends on the command-line crate",
            file.display()
        );
    }
}

#[test]
fn no_source_file_over_600_lines() {
    for file in source_files() {
        let lines = std::fs::read_to_string(&file).unwrap().lines().count();
        assert!(lines <= 600, "{}: {lines} lines", file.display());
    }
}
