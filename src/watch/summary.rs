//! What a batch's line says beyond its totals, for a folder nobody watches:
//! its warnings grouped by rule (how many, and the first of each, as `run`
//! prints them) and the documents it skipped as already exported. Kept in
//! the log, so that `status` can say them later.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Severity;
use crate::report::RunReport;

/// The warnings of one rule in a batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleWarnings {
    pub rule: String,
    pub count: usize,
    /// The first of them, as a person reads it (the batch's language).
    pub first: String,
}

/// Documents of one type a batch skipped because a batch had exported them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlreadyExported {
    /// The batch that last posted them.
    pub batch: String,
    /// The document type as stored (`invoice`, `payment`, …).
    pub kind: String,
    pub count: usize,
}

/// The report's warnings by rule, in the order they were found. When every
/// document was already exported, they are about those documents: none.
pub fn warnings_by_rule(report: &RunReport) -> Vec<RuleWarnings> {
    if report.nothing_new() {
        return Vec::new();
    }
    let mut rules: Vec<RuleWarnings> = Vec::new();
    for finding in &report.findings {
        if finding.severity != Severity::Warning {
            continue;
        }
        match rules.iter_mut().find(|r| r.rule == finding.rule) {
            Some(rule) => rule.count += 1,
            None => rules.push(RuleWarnings {
                rule: finding.rule.clone(),
                count: 1,
                first: finding.headline(),
            }),
        }
    }
    rules
}

/// The documents skipped, per batch that posted them and type.
pub fn already_exported(report: &RunReport) -> Vec<AlreadyExported> {
    let mut skipped: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (doc, state) in &report.history.unchanged {
        *skipped
            .entry((state.last_batch.as_str(), doc.doc_type.as_ref()))
            .or_default() += 1;
    }
    skipped
        .into_iter()
        .map(|((batch, kind), count)| AlreadyExported {
            batch: batch.to_string(),
            kind: kind.to_string(),
            count,
        })
        .collect()
}
