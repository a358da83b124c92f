//! What `status` says of a client's batches beyond the last one exported:
//! that batch's warnings by rule, whether it was voided since (and where its
//! files went) with the last batch still valid, the documents exported that
//! are missing from the exports since, and the batches held for review.

use std::path::Path;

use rust_decimal::Decimal;
use serde_json::Value;

use crate::history::{BatchState, BatchSummary, History, VoidRecord};
use crate::money::for_person;
use crate::tr;
use crate::watch::{held_batches, Layout, RuleWarnings};

/// The history's batches and voids, as `status` reads them.
pub(super) struct Recorded {
    pub batches: Vec<BatchSummary>,
    pub voids: Vec<VoidRecord>,
}

/// Under the last exported batch: voided since (then the last valid batch),
/// and its warnings by rule.
pub(super) fn print_after_last_exported(entry: &Value, log: &[Value], recorded: &Recorded) {
    let id = entry["batch"].as_str().unwrap_or_default();
    let voided = recorded
        .batches
        .iter()
        .any(|b| b.id == id && b.status == BatchState::Void);
    if voided {
        let void = recorded.voids.iter().rev().find(|v| v.batch == id);
        say(tr!(
            "status-voided",
            time = void.map(|v| short_time(&v.voided_at)).unwrap_or_default()
        ));
        if let Some(file) = void.and_then(|v| v.reversal_file.as_deref()) {
            say(tr!("status-reversal", file = file));
        }
        print_last_valid(log, recorded);
    }
    print_warnings(id, entry);
}

/// The last batch that stands, with its log line's totals when there is one.
fn print_last_valid(log: &[Value], recorded: &Recorded) {
    let Some(valid) = (recorded.batches.iter().rev()).find(|b| b.status == BatchState::Done) else {
        say(tr!("status-no-valid-batch"));
        return;
    };
    let entry = log
        .iter()
        .rev()
        .find(|l| l["status"] == "exported" && l["batch"].as_str() == Some(valid.id.as_str()));
    let debits: Decimal = entry
        .and_then(|e| e["debits"].as_str())
        .and_then(|d| d.parse().ok())
        .unwrap_or_default();
    say(tr!(
        "status-last-valid",
        batch = valid.id.as_str(),
        time = short_time(&valid.created_at),
        period = format!(
            "{} → {}",
            valid.first_date.clone().unwrap_or_default(),
            valid.last_date.clone().unwrap_or_default()
        ),
        debits = for_person(debits)
    ));
}

/// "avertissements du lot … : 2", then each rule's count and first warning.
fn print_warnings(batch: &str, entry: &Value) {
    let rules: Vec<RuleWarnings> =
        serde_json::from_value(entry["warnings_by_rule"].clone()).unwrap_or_default();
    let count = entry["warnings"].as_u64().unwrap_or(0);
    if count == 0 {
        return;
    }
    say(tr!("status-warnings", batch = batch, count = count));
    for rule in rules {
        say(format!("  {} × {}", rule.count, rule.first));
    }
}

/// The documents exported and missing from the exports since, not
/// acknowledged: each one, and the command that acknowledges it.
pub(super) fn print_missing(history: Option<&History>, root: &Path) {
    let Some(Ok(missing)) = history.map(History::missing_documents) else {
        return;
    };
    if missing.is_empty() {
        return;
    }
    say(tr!(
        "tools-status-missing",
        count = missing.len(),
        root = root.display().to_string()
    ));
    for doc in missing {
        say(format!(
            "  {}",
            tr!(
                "tools-status-missing-document",
                key = &doc.key,
                kind = doc.doc_type.as_ref(),
                number = &doc.number,
                date = doc.date.to_string(),
                batch = &doc.batch,
                since = doc.since.get(..10).unwrap_or(&doc.since)
            )
        ));
    }
}

/// "lots à vérifier : 1 (…)", when batches are held for review.
pub(super) fn print_held(layout: &Layout) {
    let held = held_batches(layout);
    if held.is_empty() {
        return;
    }
    let names: Vec<String> = held
        .iter()
        .map(|p| file_name(&p.to_string_lossy()))
        .collect();
    say(tr!(
        "status-held",
        count = held.len(),
        names = names.join(", "),
        root = layout.root.display().to_string()
    ));
}

fn say(line: String) {
    println!("  {line}");
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// `2026-12-02T11:05:35`: a recorded time without its fractions and zone.
fn short_time(time: &str) -> String {
    time.chars().take(19).collect()
}
