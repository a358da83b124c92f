//! Invoices voided or drafted in Plannit: set aside when loaded (a draft
//! never posts; a voided invoice posts only if it was exported), sorted
//! against the history, and for an exported one, its reversal or write-off
//! in the batch, as `[policy] voided_invoices` says (under the cash basis,
//! nothing: its unpaid part was never recognised).

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::RunPlan;
use crate::config::VoidedInvoices;
use crate::diagnostics::{Finding, Location};
use crate::history::ledger::Ledger;
use crate::history::{Amounts, DocType, DocumentPosting, PostedState};
use crate::i18n::Arg;
use crate::journal::cash::CashBook;
use crate::journal::voided::{reversal, voided_entry, BadDebt, VoidedInvoice};
use crate::load::reports::{InvoiceStatus, RowOrigin, SalesLine};
use crate::load::row_accounts::{RowAccounts, RowFate};
use crate::load::LoadedInputs;
use crate::sage::entry::JournalEntry;
use crate::t;

/// Takes the voided and draft invoices' rows out of the sales: drafts are
/// skipped; the voided rows are returned, to be sorted against the history.
pub(super) fn set_aside(inputs: &mut LoadedInputs, rows: &mut RowAccounts) -> Vec<SalesLine> {
    if inputs
        .sales
        .iter()
        .all(|l| l.status == InvoiceStatus::Ordinary)
    {
        return Vec::new();
    }
    let (ordinary, other): (Vec<SalesLine>, Vec<SalesLine>) = std::mem::take(&mut inputs.sales)
        .into_iter()
        .partition(|l| l.status == InvoiceStatus::Ordinary);
    inputs.sales = ordinary;
    let (voided, drafts): (Vec<SalesLine>, Vec<SalesLine>) = other
        .into_iter()
        .partition(|l| l.status == InvoiceStatus::Voided);
    for draft in &drafts {
        rows.skip(&draft.origin);
    }
    voided
}

/// The voided invoices of the drop against the history.
#[derive(Debug, Default)]
pub(super) struct SortedVoided {
    /// Exported and not yet voided: this batch reverses or writes them off.
    pub to_post: Vec<(DocumentPosting, PostedState)>,
    /// Each row and where it goes: voided never exported, already voided,
    /// or in this batch.
    pub rows: Vec<(RowOrigin, RowFate)>,
}

/// Sorts the voided invoices against the history (none of them has
/// disappeared from the export: the classification left them out).
pub(super) fn sort_into(
    classified: &mut super::Classified,
    voided: &[SalesLine],
    posted: &BTreeMap<String, PostedState>,
) {
    classified.voided = sort(voided, posted);
}

/// Each voided invoice (its rows grouped by number): never exported (its
/// rows counted as voided), voided already, or to post now.
fn sort(voided: &[SalesLine], posted: &BTreeMap<String, PostedState>) -> SortedVoided {
    let mut sorted = SortedVoided::default();
    let mut invoices: BTreeMap<String, Vec<&SalesLine>> = BTreeMap::new();
    for line in voided {
        invoices.entry(line.document_key()).or_default().push(line);
    }
    for (key, lines) in invoices {
        let fate = match posted.get(&key) {
            None => RowFate::Voided,
            Some(state) if state.voided => RowFate::AlreadyExported,
            Some(state) => {
                sorted
                    .to_post
                    .push((voided_document(key, &lines), state.clone()));
                RowFate::InBatch
            }
        };
        sorted
            .rows
            .extend(lines.iter().map(|l| (l.origin.clone(), fate)));
    }
    sorted
}

fn voided_document(key: String, lines: &[&SalesLine]) -> DocumentPosting {
    let first = lines[0];
    let date = lines.iter().filter_map(|l| l.date).max();
    DocumentPosting {
        key: key.into(),
        doc_type: DocType::Invoice,
        number: Arc::clone(&first.invoice),
        customer: Arc::clone(&first.customer),
        invoice: String::new(),
        date: date.unwrap_or_default(),
        amounts: Amounts::new(),
    }
}

/// What the batch posts for its voided invoices.
#[derive(Debug, Default)]
pub(super) struct VoidedPosting {
    pub entries: Vec<JournalEntry>,
    pub invoices: Vec<VoidedInvoice>,
    pub findings: Vec<Finding>,
}

/// Each exported invoice voided since, reversed or written off on `date`
/// (moved to Sage's first open date when earlier); `ledger` gives what is
/// unpaid on each. One kept for the cash basis (`cash`'s ledger knows it)
/// posts nothing, whatever the policy: nothing was recognised of its unpaid
/// part.
pub(super) fn post(
    plan: &RunPlan,
    to_post: Vec<(DocumentPosting, PostedState)>,
    (ledger, mut cash): (&Ledger, Option<&mut CashBook>),
    date: NaiveDate,
) -> VoidedPosting {
    let config = &plan.config;
    let date = match config.company.lock_before {
        Some(open) if date < open => open,
        _ => date,
    };
    let mut posting = VoidedPosting::default();
    for (doc, state) in to_post {
        if let Some(void) = cash.as_deref_mut().and_then(|book| book.void(&doc.number)) {
            posting.invoices.push(VoidedInvoice {
                doc: DocumentPosting {
                    amounts: Amounts::new(),
                    ..doc
                },
                state,
                policy: config.voided_invoices,
                bad_debt: None,
                cash: Some(void),
            });
            continue;
        }
        let (invoice, finding) = match config.voided_invoices {
            VoidedInvoices::Reverse => (reversed(doc, state), None),
            VoidedInvoices::BadDebt => written_off(plan, doc, state, ledger, date),
        };
        posting.findings.extend(finding);
        if let Some(invoice) = invoice {
            posting
                .entries
                .push(voided_entry(&invoice, date, config.sage.lang));
            posting.invoices.push(invoice);
        }
    }
    posting
}

fn reversed(doc: DocumentPosting, state: PostedState) -> Option<VoidedInvoice> {
    let amounts = reversal(&state);
    Some(VoidedInvoice {
        doc: DocumentPosting { amounts, ..doc },
        state,
        policy: VoidedInvoices::Reverse,
        bad_debt: None,
        cash: None,
    })
}

/// The write-off of the invoice's unpaid part; none, with a warning, when
/// nothing is unpaid (a paid invoice is refunded, not voided); a warning
/// when it is too old for the taxes to be recovered.
fn written_off(
    plan: &RunPlan,
    doc: DocumentPosting,
    state: PostedState,
    ledger: &Ledger,
    date: NaiveDate,
) -> (Option<VoidedInvoice>, Option<Finding>) {
    let accounts = &plan.config.accounts;
    let unpaid = ledger.invoice_balance(&doc.number);
    let location = Location {
        document: Some(doc.number.to_string()),
        ..Location::default()
    };
    if unpaid <= rust_decimal::Decimal::ZERO {
        let message = t!(
            "run-bad-debt-paid",
            invoice = &*doc.number,
            balance = Arg::Amount(unpaid)
        );
        return (
            None,
            Some(Finding::warning(
                "bad_debt_nothing_unpaid",
                message,
                location,
            )),
        );
    }
    let debt = BadDebt::new(&state, accounts, unpaid, date);
    let finding = (!debt.within_limit).then(|| {
        let message = t!(
            "run-bad-debt-too-old",
            invoice = &*doc.number,
            date = state.date.to_string()
        );
        Finding::warning("bad_debt_tax_not_recovered", message, location)
    });
    let bad_debts = accounts.bad_debts.as_deref().unwrap_or_default();
    let amounts = debt.amounts(accounts, bad_debts);
    let invoice = VoidedInvoice {
        doc: DocumentPosting { amounts, ..doc },
        state,
        policy: VoidedInvoices::BadDebt,
        bad_debt: Some(debt),
        cash: None,
    };
    (Some(invoice), finding)
}
