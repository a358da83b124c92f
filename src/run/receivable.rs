//! The receivable's ledger over the batch: the history's items (opening
//! balance included) and the batch's, the roll-forward and open items the
//! workbook shows, and the tie-out with each accounts-receivable report of
//! the drop, whose differences are findings (under the cash basis, the
//! invoices not fully paid count as owed too).

use chrono::NaiveDate;

use super::{Classified, Known, RunPlan};
use crate::config::TieOut as TieOutPolicy;
use crate::diagnostics::{Finding, Location, Severity};
use crate::history::ledger::{Ledger, OpenItem};
use crate::history::{DocumentPosting, PostedState, Posting};
use crate::journal::cash::CashBook;
use crate::journal::classify;
use crate::load::reports::ReceivableReport;
use crate::report::figures::receivable::{tie_out, tie_out_findings, ReceivableFigures};
use crate::t;

/// The receivable's ledger: the history's items (opening balance included),
/// then the batch's new documents and `--adjust` differences from the
/// returned index on.
pub(super) fn batch_ledger(
    plan: &RunPlan,
    known: &Known,
    classified: &Classified,
    adjusted: &[(DocumentPosting, PostedState)],
) -> (Ledger, usize) {
    let account = &plan.config.accounts.receivable;
    let mut ledger = Ledger::from_history(&known.tables, account);
    let batch_from = ledger.items.len();
    let new = (classified.classification)
        .new_documents(&classified.documents)
        .map(|doc| (doc, Posting::Original));
    ledger.add_batch(new, account);
    let differences: Vec<DocumentPosting> = (adjusted.iter())
        .map(|(doc, state)| DocumentPosting {
            amounts: classify::difference(doc, state),
            ..doc.clone()
        })
        .collect();
    ledger.add_batch(
        differences.iter().map(|d| (d, Posting::Adjustment)),
        account,
    );
    (ledger, batch_from)
}

/// The ledger's figures after the batch, and the tie-outs' findings. No
/// figures when nothing ever moved the receivable and no report was dropped.
pub(super) fn receivable_figures(
    plan: &RunPlan,
    (ledger, batch_from): (&Ledger, usize),
    reports: &[ReceivableReport],
    last_date: Option<NaiveDate>,
    cash: Option<&CashBook>,
) -> (Option<ReceivableFigures>, Vec<Finding>) {
    if ledger.items.is_empty() && reports.is_empty() {
        return (None, Vec::new());
    }
    let severity = match plan.config.tie_out {
        TieOutPolicy::Warning => Severity::Warning,
        TieOutPolicy::Error => Severity::Error,
    };
    let mut findings = Vec::new();
    let mut tie_outs = Vec::new();
    for report in reports {
        let Some(as_of) = report.as_of.or(last_date).or_else(|| ledger.last_date()) else {
            findings.push(undated(report));
            continue;
        };
        let compared = tie_out(ledger, report, as_of, &cash_owed(cash, as_of));
        findings.extend(tie_out_findings(&compared, ledger, severity));
        tie_outs.push(compared);
    }
    let account = &plan.config.accounts.receivable;
    let figures = ReceivableFigures::new(account, ledger, batch_from, last_date, tie_outs);
    (Some(figures), findings)
}

/// Under the cash basis, the invoices issued by `as_of` and not fully paid
/// once the batch is posted: Plannit counts them as owed, though they post
/// nothing to the receivable.
fn cash_owed(cash: Option<&CashBook>, as_of: NaiveDate) -> Vec<OpenItem> {
    let Some(book) = cash else {
        return Vec::new();
    };
    (book.ledger.unpaid().into_iter())
        .filter(|state| state.invoice.date <= as_of)
        .map(|state| OpenItem {
            customer: state.invoice.customer.as_str().into(),
            invoice: state.invoice.number.as_str().into(),
            date: state.invoice.date,
            balance: state.remaining(),
        })
        .collect()
}

/// A report whose date cannot be known: no title date, nothing else dated.
fn undated(report: &ReceivableReport) -> Finding {
    Finding::error(
        "receivable_report_undated",
        t!("run-receivable-undated"),
        Location {
            file: Some(report.file.clone()),
            sheet: report.sheet.clone(),
            ..Location::default()
        },
    )
}
