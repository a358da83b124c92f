//! Documents missing from the exports, across runs. A document exported
//! earlier, dated within the dates this export covers (for the same report)
//! and absent from it, is a warning `document_disappeared`; the run that
//! posts its batch, or finds nothing new, records it in the history, so that
//! every later run keeps warning about it — also one whose export does not
//! cover its date — until an export holds it again (an invoice voided in
//! Plannit included: its batch reverses it) or the accountant acknowledges
//! that it is gone (`history acknowledge`). Each warning says how to
//! acknowledge it.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;

use super::plan::RunPlan;
use crate::config::CONFIG_FILE_NAME;
use crate::diagnostics::{Finding, Location};
use crate::history::{DocType, HistoryError, Locked, MissingDocument, MissingUpdate};
use crate::journal::classify::{Classification, Documents};
use crate::t;

/// The rule of every warning about a missing document.
pub const DOCUMENT_DISAPPEARED: &str = "document_disappeared";

/// What the history says of missing documents, read under the run's lock.
#[derive(Debug, Default)]
pub(super) struct KnownMissing {
    /// Documents whose absence the accountant acknowledged: never warned about.
    pub acknowledged: BTreeSet<String>,
    /// Documents earlier runs found missing, still exported and not acknowledged.
    pub recorded: Vec<MissingDocument>,
}

pub(super) fn read(locked: &Locked) -> Result<KnownMissing, HistoryError> {
    Ok(KnownMissing {
        acknowledged: locked.acknowledged_keys()?,
        recorded: locked.missing_documents()?,
    })
}

/// The dates and reports an export covers, as the classification decides
/// which documents disappeared: a document of a report the export holds,
/// dated from its first document's date to its last one's.
struct Coverage {
    dates: Option<(NaiveDate, NaiveDate)>,
    reports: BTreeSet<Report>,
}

/// The report a document comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Report {
    Sales,
    Payments,
    Payouts,
}

impl Report {
    fn of_type(doc_type: DocType) -> Report {
        match doc_type {
            DocType::Invoice => Report::Sales,
            DocType::Payout => Report::Payouts,
            _ => Report::Payments,
        }
    }

    /// From the history's key: `invoice:F-1`, `payout:PO-3`, `payment:R-1`.
    fn of_key(key: &str) -> Report {
        match key.split_once(':').and_then(|(kind, _)| kind.parse().ok()) {
            Some(doc_type) => Report::of_type(doc_type),
            None => Report::Payments,
        }
    }
}

impl Coverage {
    fn of(documents: &Documents) -> Coverage {
        let dates = documents.values().map(|doc| doc.date);
        Coverage {
            dates: dates.clone().min().zip(dates.max()),
            reports: (documents.values())
                .map(|doc| Report::of_type(doc.doc_type))
                .collect(),
        }
    }

    fn covers(&self, key: &str, date: NaiveDate) -> bool {
        self.reports.contains(&Report::of_key(key))
            && self
                .dates
                .is_some_and(|(first, last)| (first..=last).contains(&date))
    }
}

/// The warnings: each document this export should hold and does not, then
/// each one earlier runs found missing that this export does not cover.
pub(super) fn findings(
    plan: &RunPlan,
    classification: &Classification,
    documents: &Documents,
    known: &KnownMissing,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for gone in &classification.disappeared {
        let (kind, number) = gone.key.split_once(':').unwrap_or(("", &gone.key));
        let message = t!(
            "setup-document-disappeared",
            key = &gone.key,
            kind = kind,
            number = number,
            date = gone.state.date.to_string(),
            batch = &gone.state.last_batch,
            command = acknowledge_command(plan, &gone.key)
        );
        findings.push(Finding::warning(
            DOCUMENT_DISAPPEARED,
            message,
            Location::default(),
        ));
    }
    let coverage = Coverage::of(documents);
    for doc in &known.recorded {
        let held =
            documents.contains_key(doc.key.as_str()) || classification.voided.contains(&doc.key);
        if held || coverage.covers(&doc.key, doc.date) {
            // Held again (maybe voided), or covered: this export says where
            // it stands.
            continue;
        }
        let number = doc.key.split_once(':').map_or(doc.key.as_str(), |k| k.1);
        let message = t!(
            "setup-document-still-missing",
            key = &doc.key,
            kind = doc.doc_type.as_ref(),
            number = number,
            date = doc.date.to_string(),
            batch = &doc.batch,
            since = doc.since.get(..10).unwrap_or(&doc.since),
            command = acknowledge_command(plan, &doc.key)
        );
        findings.push(Finding::warning(
            DOCUMENT_DISAPPEARED,
            message,
            Location::default(),
        ));
    }
    findings
}

/// What the run records once it posts its batch or finds nothing new: the
/// documents it found missing, and the recorded ones it holds again or
/// covers without finding them missing.
pub(super) fn update(
    locked: &Locked,
    classification: &Classification,
    documents: &Documents,
) -> Result<MissingUpdate, HistoryError> {
    let missing: Vec<MissingDocument> = (classification.disappeared.iter())
        .filter_map(|gone| {
            let (kind, number) = gone.key.split_once(':')?;
            Some(MissingDocument {
                key: gone.key.clone(),
                doc_type: kind.parse().ok()?,
                number: number.to_string(),
                date: gone.state.date,
                batch: gone.state.last_batch.clone(),
                since: String::new(),
            })
        })
        .collect();
    let now_missing: BTreeSet<&str> = missing.iter().map(|doc| doc.key.as_str()).collect();
    let coverage = Coverage::of(documents);
    let cleared = (locked.missing_documents()?.into_iter())
        .filter(|doc| {
            documents.contains_key(doc.key.as_str())
                || classification.voided.contains(&doc.key)
                || (coverage.covers(&doc.key, doc.date) && !now_missing.contains(doc.key.as_str()))
        })
        .map(|doc| doc.key)
        .collect();
    Ok(MissingUpdate { missing, cleared })
}

/// `plannit2sage history "<folder>" acknowledge invoice:F-1005 --note "…"`:
/// the folder when `history FOLDER` finds this history there (beside the
/// configuration, as in a drop folder), else `--history FILE`.
fn acknowledge_command(plan: &RunPlan, key: &str) -> String {
    let config = &plan.config_path;
    let beside_config = config.file_name() == Some(CONFIG_FILE_NAME.as_ref())
        && plan.history_path == crate::history::default_path(config);
    let place = match config.parent() {
        Some(folder) if beside_config && folder.as_os_str().is_empty() => quoted(Path::new(".")),
        Some(folder) if beside_config => quoted(folder),
        _ => format!("--history {}", quoted(&plan.history_path)),
    };
    format!("plannit2sage history {place} acknowledge {key} --note \"…\"")
}

fn quoted(path: &Path) -> String {
    format!("\"{}\"", path.display())
}
