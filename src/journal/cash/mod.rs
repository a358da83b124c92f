//! The cash basis (`[sage50] basis = "cash"`), as Plannit's own Sage 50
//! export offers it: revenue and taxes posted as invoices are paid. An
//! invoice posts nothing when issued; each payment recognises its invoice's
//! revenue and taxes in proportion to what it pays, and nothing goes to the
//! receivable. Refunds take back the share they refund, a bounced payment
//! reverses its payment's own shares, deposits wait in `customer_deposits`
//! until applied; payouts, fees and tips are as under the accrual basis.
//!
//! The journal queries run as always and say what each document posts when
//! issued; `documents` turns that into what it posts under the basis in force
//! at its date (`switch`: batches exported under one basis keep it), sharing
//! payments by the rule of `shares` against the invoices of the `ledger`
//! (the history's, brought up to date by the drop); `entries` adds the new
//! documents up into the batch's entries. Under the default accrual basis
//! none of this runs.

mod documents;
mod entries;
mod findings;
mod ledger;
mod shares;
mod switch;

use std::collections::HashSet;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::classify::{Classification, Documents};
use super::document_lines::DocumentLines;
use crate::config::{Bases, Config};
use crate::diagnostics::Finding;
use crate::history::{CashHistory, CashRecord, DocType, LedgerInvoice, Recognised};
use crate::journal::voided::CashVoid;

pub use documents::CashInputs;
pub use entries::{add_tax_detail, batch_entries, Provenance};
pub use findings::drop_known_invoices;
pub use ledger::Ledger;
pub use shares::{ShareRule, Shares};
pub use switch::basis_findings;

/// Whether a run follows the cash basis for any date: anything but the
/// accrual basis throughout, or a history with batches posted under it
/// (their payments follow their invoices, and a change of basis is refused).
pub fn applies(config: &Config, history: &CashHistory) -> bool {
    !config.bases.is_plain_accrual() || history.batches.iter().any(|b| b.basis.is_some())
}

/// An invoice of the drop under the cash basis: its lines, for the history.
#[derive(Debug, Clone, PartialEq)]
pub struct CashInvoice {
    /// Its index among the run's documents.
    pub document: usize,
    pub invoice: LedgerInvoice,
}

/// What a document of the drop recognised of its invoice.
#[derive(Debug, Clone, PartialEq)]
pub struct Recognition {
    /// Its index among the run's documents.
    pub document: usize,
    pub doc_key: Arc<str>,
    pub number: String,
    pub doc_type: DocType,
    pub date: NaiveDate,
    pub invoice: String,
    /// The invoice's total.
    pub total: Decimal,
    /// What it paid on the invoice (negative for refunds and bounced payments).
    pub paid: Decimal,
    /// Of `paid`, what went beyond the invoice's total (or takes that back):
    /// the customer's credit, left on the receivable, not recognised.
    pub excess: Decimal,
    pub shares: Shares,
    /// A bounced payment: the key of the payment it reverses.
    pub reverses: String,
}

impl Recognition {
    /// What it recognised as revenue and taxes: what it paid but the excess.
    pub fn recognised_paid(&self) -> Decimal {
        self.paid - self.excess
    }

    /// As the history keeps it.
    pub fn recognised(&self) -> Recognised {
        Recognised {
            doc_key: self.doc_key.to_string(),
            invoice: self.invoice.clone(),
            date: self.date,
            paid: self.paid,
            taxable: self.shares.taxable,
            reverses: self.reverses.clone(),
            amounts: (self.shares.shares.iter())
                .filter(|s| !s.amount.is_zero())
                .map(|s| (s.account.clone(), s.amount))
                .collect(),
        }
    }
}

/// The cash basis's view of a run: what its documents recognised, the
/// invoices it records, the ledger after it and what it found.
#[derive(Debug, Default)]
pub struct CashBook {
    pub bases: Bases,
    pub findings: Vec<Finding>,
    /// In the order made (money received in date order).
    pub recognitions: Vec<Recognition>,
    pub invoices: Vec<CashInvoice>,
    /// The keys of the documents that post nothing (invoices under the cash basis).
    pub silent: HashSet<Arc<str>>,
    /// The drop's invoices posted when issued (before `basis_from`).
    issued: HashSet<String>,
    /// Every invoice under the cash basis, this batch's payments applied.
    pub ledger: Ledger,
    pub provenance: Option<Provenance>,
}

/// The drop's documents under the cash basis: each document's amounts set
/// to what it posts under the basis in force, and what it recognised.
/// `lines` are the per-document pass's, for where each amount comes from.
pub fn recognise(
    inputs: &CashInputs<'_>,
    documents: &mut Documents,
    lines: &DocumentLines,
) -> CashBook {
    let mut book = CashBook {
        bases: inputs.config.bases,
        ledger: Ledger::from_history(inputs.history),
        provenance: Some(Provenance::of(lines, documents.len())),
        ..CashBook::default()
    };
    // Voided in an earlier batch: no longer owed.
    for (key, _) in inputs.posted.iter().filter(|(_, s)| s.voided) {
        if let Some(number) = key.strip_prefix("invoice:") {
            book.ledger.void(number);
        }
    }
    documents::walk(inputs, documents, &mut book);
    book
}

impl CashBook {
    /// Keeps what the batch posts: the recognitions and invoices of its new
    /// documents, and with `--adjust` of its changed ones.
    pub fn keep_posted(&mut self, classification: &Classification, adjust: bool) {
        let posted = |document: usize| {
            let new = classification.new.get(document).copied().unwrap_or(false);
            new || adjust
        };
        self.recognitions.retain(|r| posted(r.document));
        self.invoices.retain(|i| posted(i.document));
    }

    /// Whether the document keyed `key` posts nothing (an invoice under the cash basis).
    pub fn posts_nothing(&self, key: &str) -> bool {
        self.silent.contains(key)
    }

    /// The batch records something though it posts nothing: invoices.
    pub fn has_invoices(&self) -> bool {
        !self.invoices.is_empty()
    }

    /// What the batch adds to the history.
    pub fn record(&self) -> CashRecord {
        CashRecord {
            basis: self.bases.basis.as_ref().to_string(),
            from: self.bases.from,
            invoices: self.invoices.iter().map(|i| i.invoice.clone()).collect(),
            recognitions: self
                .recognitions
                .iter()
                .map(Recognition::recognised)
                .collect(),
        }
    }

    /// Marks an invoice voided in Plannit: if it is kept for the cash basis
    /// (the ledger knows it), what was paid and left unpaid on it.
    pub fn void(&mut self, number: &str) -> Option<CashVoid> {
        let state = self.ledger.void(number)?;
        Some(CashVoid {
            total: state.invoice.total,
            paid: state.paid,
            unpaid: state.remaining(),
        })
    }

    /// What the batch's payments recognised, revenue and taxes together.
    pub fn recognised_total(&self) -> Decimal {
        self.recognitions
            .iter()
            .map(Recognition::recognised_paid)
            .sum()
    }
}
