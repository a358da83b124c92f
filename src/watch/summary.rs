//! What a batch's line says beyond its totals, for a folder nobody watches:
//! its warnings grouped by rule (how many, and the first of each, as `run`
//! prints them) and the documents it skipped as already exported. Kept in
//! the log, so that `status` can say them later.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Finding, Severity};
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

/// The report's warnings a person is told of: all of them, or when every
/// document was already exported, those that still stand (a document
/// missing from the exports, a tie-out's differences): the others are about
/// documents already exported, and were said when they were.
pub fn warnings_told(report: &RunReport) -> Vec<&Finding> {
    let findings = if report.nothing_new() {
        report.standing_findings()
    } else {
        report.findings.iter().collect()
    };
    (findings.into_iter())
        .filter(|f| f.severity == Severity::Warning)
        .collect()
}

/// The warnings told ([`warnings_told`]) by rule, in the order they were found.
pub fn warnings_by_rule(report: &RunReport) -> Vec<RuleWarnings> {
    let mut rules: Vec<RuleWarnings> = Vec::new();
    for finding in warnings_told(report) {
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
