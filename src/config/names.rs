//! Names in the configuration: how sections and keys are written in
//! messages, and the known name an unknown one most likely means.

use std::collections::VecDeque;

use super::raw::{Key, Kind, FILE};
use crate::load::text::fold_name;

/// How alike (normalized Damerau–Levenshtein, folded names) an unknown name and
/// a known one must be for the known one to be suggested: at most two letters
/// wrong, missing, extra or swapped in five.
const CLOSE: f64 = 0.6;

/// A known key an unknown name is taken for.
#[derive(Debug, Clone)]
pub(super) struct Suggestion {
    pub(super) key: &'static Key,
    /// The section it is in: the unknown name's, or another.
    pub(super) parent: Vec<String>,
}

/// The known key an unknown name most likely means: one of this table's keys
/// named alike (case, accents, `-` for `_`, or its French name), else such a
/// key of another section, else one of this table's keys spelt closely.
pub(super) fn suggest(name: &str, path: &[String], keys: &'static [Key]) -> Option<Suggestion> {
    let folded = fold_key(name);
    let alike = |key: &Key| key.name == folded || key.french.contains(&folded.as_str());
    let here = |key: &'static Key| Suggestion {
        key,
        parent: path.to_vec(),
    };
    if let Some(key) = keys.iter().find(|key| alike(key)) {
        return Some(here(key));
    }
    if let Some(elsewhere) = find_elsewhere(&alike, path) {
        return Some(elsewhere);
    }
    let score = |key: &Key| strsim::normalized_damerau_levenshtein(&folded, key.name);
    keys.iter()
        .map(|key| (score(key), key))
        .filter(|(score, _)| *score >= CLOSE)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, key)| here(key))
}

/// A key of another section than `path` that `alike` accepts, the nearest the
/// top of the file first.
fn find_elsewhere(alike: &dyn Fn(&Key) -> bool, path: &[String]) -> Option<Suggestion> {
    let mut tables: VecDeque<(Vec<&'static str>, &'static [Key])> =
        VecDeque::from([(vec![], FILE)]);
    while let Some((parent, keys)) = tables.pop_front() {
        for key in keys {
            if alike(key) && parent.iter().ne(path.iter()) {
                return Some(Suggestion {
                    key,
                    parent: parent.iter().map(|name| name.to_string()).collect(),
                });
            }
            if let Kind::Table(inner) = key.kind {
                let mut inner_path = parent.clone();
                inner_path.push(key.name);
                tables.push_back((inner_path, inner));
            }
        }
    }
    None
}

/// A name folded for comparing with the known ones: case, accents, and
/// spaces or `-` for `_`.
fn fold_key(name: &str) -> String {
    fold_name(name).replace([' ', '-'], "_")
}

/// The names allowed in the table at `path`, as they are written.
pub(super) fn known_names(path: &[String]) -> String {
    let mut keys = FILE;
    for name in path {
        match keys.iter().find(|key| key.name == name).map(|key| key.kind) {
            Some(Kind::Table(inner)) => keys = inner,
            _ => return String::new(),
        }
    }
    let shown = |key: &Key| match key.kind {
        Kind::Table(_) | Kind::Map(_) => section_name(&child(path, key.name)),
        _ => key.name.to_string(),
    };
    keys.iter().map(shown).collect::<Vec<_>>().join(", ")
}

pub(super) fn child(path: &[String], name: &str) -> Vec<String> {
    let mut path = path.to_vec();
    path.push(name.to_string());
    path
}

/// A name as TOML writes it: bare when it can be, else quoted.
pub(super) fn quoted(name: &str) -> String {
    let bare = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if !name.is_empty() && name.chars().all(bare) {
        name.to_string()
    } else {
        format!("{name:?}")
    }
}

/// `[taxes.gst]`.
pub(super) fn section_name(path: &[String]) -> String {
    let names: Vec<String> = path.iter().map(|name| quoted(name)).collect();
    format!("[{}]", names.join("."))
}

/// `[accounts] bank`, or `company` at the top of the file.
pub(super) fn key_name(path: &[String]) -> String {
    match path {
        [] => String::new(),
        [name] => quoted(name),
        [parent @ .., name] => format!("{} {}", section_name(parent), quoted(name)),
    }
}
