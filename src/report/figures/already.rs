//! The documents of the inbox the export history already holds, and what
//! became of each: skipped, changed, adjusted, voided or disappeared.

use chrono::NaiveDate;

use crate::history::{DocumentPosting, PostedState};
use crate::journal::classify::{self, Classification};
use crate::journal::voided::VoidedInvoice;

/// What the history says of a document of the inbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlreadyStatus {
    /// Exported unchanged: skipped.
    Skipped,
    /// Changed since its export: refused.
    Changed,
    /// Changed since its export: the difference is posted.
    Adjusted,
    /// Voided in Plannit since its export: reversed or written off.
    Voided(crate::config::VoidedInvoices),
    /// Voided in Plannit, kept for the cash basis: nothing to post.
    VoidedUnrecognised,
    /// Exported before, absent from this export.
    Disappeared,
}

/// A document the history already holds.
#[derive(Debug, Clone, PartialEq)]
pub struct AlreadyExported {
    pub number: String,
    pub doc_type: String,
    pub date: NaiveDate,
    pub status: AlreadyStatus,
    pub batch: String,
    pub detail: String,
}

/// Each document the history holds, as the "Déjà exportés" sheet lists it.
pub(super) fn already_exported(
    history: &Classification,
    adjusted: &[(DocumentPosting, PostedState)],
    voided: &[VoidedInvoice],
) -> Vec<AlreadyExported> {
    let mut rows = Vec::new();
    for (doc, state) in &history.unchanged {
        rows.push(AlreadyExported {
            number: doc.number.to_string(),
            doc_type: doc.doc_type.as_ref().to_string(),
            date: doc.date,
            status: AlreadyStatus::Skipped,
            batch: state.last_batch.clone(),
            detail: String::new(),
        });
    }
    for (doc, state) in &history.changed {
        let status = if adjusted.iter().any(|(d, _)| d.key == doc.key) {
            AlreadyStatus::Adjusted
        } else {
            AlreadyStatus::Changed
        };
        rows.push(AlreadyExported {
            number: doc.number.to_string(),
            doc_type: doc.doc_type.as_ref().to_string(),
            date: doc.date,
            status,
            batch: state.last_batch.clone(),
            detail: classify::describe_change(doc, state),
        });
    }
    for gone in &history.disappeared {
        let (doc_type, number) = gone.key.split_once(':').unwrap_or(("", &gone.key));
        rows.push(AlreadyExported {
            number: number.to_string(),
            doc_type: doc_type.to_string(),
            date: gone.state.date,
            status: AlreadyStatus::Disappeared,
            batch: gone.state.last_batch.clone(),
            detail: String::new(),
        });
    }
    for invoice in voided {
        rows.push(AlreadyExported {
            number: invoice.doc.number.to_string(),
            doc_type: invoice.doc.doc_type.as_ref().to_string(),
            date: invoice.doc.date,
            status: match invoice.cash {
                Some(_) => AlreadyStatus::VoidedUnrecognised,
                None => AlreadyStatus::Voided(invoice.policy),
            },
            batch: invoice.state.last_batch.clone(),
            detail: String::new(),
        });
    }
    rows
}
