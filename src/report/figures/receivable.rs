//! The receivable's figures for the "Comptes clients" sheet: the ledger's
//! roll-forward over the batch (opening, each kind of movement, closing), its
//! open items aged at the batch's last date, and the tie-out with each of
//! Plannit's accounts-receivable reports of the drop, invoice by invoice.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diagnostics::{Finding, Location, Severity};
use crate::history::ledger::{ItemKind, Ledger, OpenItem};
use crate::i18n::Arg;
use crate::load::reports::ReceivableReport;
use crate::t;

/// The movements of the roll-forward, in the order the sheet shows them.
pub const MOVEMENTS: [ItemKind; 8] = [
    ItemKind::Invoice,
    ItemKind::Payment,
    ItemKind::Deposit,
    ItemKind::Refund,
    ItemKind::DepositApplied,
    ItemKind::Bounced,
    ItemKind::Voided,
    ItemKind::Adjustment,
];

/// Aging buckets by days since the invoice's date: up to 30, 60, 90, more.
pub const AGING_LIMITS: [i64; 3] = [30, 60, 90];

/// What the "Comptes clients" sheet shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ReceivableFigures {
    pub account: String,
    /// The ledger before this batch.
    pub opening: Decimal,
    /// This batch's items on the receivable, summed by kind, in [`MOVEMENTS`] order.
    pub movements: Vec<Decimal>,
    /// The ledger after this batch.
    pub closing: Decimal,
    /// The date the open items are aged at: the batch's last date.
    pub as_of: Option<NaiveDate>,
    /// The ledger's open items after this batch, by customer and invoice.
    pub open_items: Vec<OpenItem>,
    /// One per accounts-receivable report of the drop.
    pub tie_outs: Vec<TieOut>,
}

/// An accounts-receivable report compared with the ledger at its date.
#[derive(Debug, Clone, PartialEq)]
pub struct TieOut {
    pub file: String,
    pub as_of: NaiveDate,
    /// Every invoice open on either side, by customer and invoice.
    pub rows: Vec<TieOutRow>,
}

/// One invoice in the tie-out: its balance in Plannit and in the ledger
/// (`None` where it is not open on that side).
#[derive(Debug, Clone, PartialEq)]
pub struct TieOutRow {
    pub customer: String,
    pub invoice: String,
    pub plannit: Option<Decimal>,
    pub ledger: Option<Decimal>,
    /// The report's row, for messages.
    pub row: Option<u64>,
}

impl TieOutRow {
    /// Plannit's balance less the ledger's.
    pub fn difference(&self) -> Decimal {
        self.plannit.unwrap_or_default() - self.ledger.unwrap_or_default()
    }
}

impl TieOut {
    pub fn differences(&self) -> impl Iterator<Item = &TieOutRow> {
        self.rows.iter().filter(|r| !r.difference().is_zero())
    }

    pub fn total_difference(&self) -> Decimal {
        self.rows.iter().map(TieOutRow::difference).sum()
    }
}

impl ReceivableFigures {
    /// `ledger` holds the batch's items from `batch_from` on.
    pub fn new(
        account: &str,
        ledger: &Ledger,
        batch_from: usize,
        as_of: Option<NaiveDate>,
        tie_outs: Vec<TieOut>,
    ) -> ReceivableFigures {
        let (before, batch_items) = ledger.items.split_at(batch_from);
        let movements = (MOVEMENTS.iter())
            .map(|kind| {
                (batch_items.iter())
                    .filter(|i| i.kind == *kind)
                    .map(|i| i.amount)
                    .sum()
            })
            .collect();
        ReceivableFigures {
            account: account.to_string(),
            opening: before.iter().map(|i| i.amount).sum(),
            movements,
            closing: ledger.balance(),
            as_of,
            open_items: ledger.open_items(None),
            tie_outs,
        }
    }
}

/// The aging bucket of an item dated `date` at `as_of`: 0 (up to 30 days)
/// to 3 (over 90); an item dated after `as_of` is current.
pub fn aging_bucket(date: NaiveDate, as_of: Option<NaiveDate>) -> usize {
    let days = as_of.map_or(0, |as_of| (as_of - date).num_days());
    AGING_LIMITS
        .iter()
        .take_while(|limit| days > **limit)
        .count()
}

/// Compares a report with the ledger's open items at `as_of`, and with
/// `also_owed`: what is owed outside the receivable account (under the cash
/// basis, the invoices not fully paid, which post nothing to it).
pub fn tie_out(
    ledger: &Ledger,
    report: &ReceivableReport,
    as_of: NaiveDate,
    also_owed: &[OpenItem],
) -> TieOut {
    let mut rows: BTreeMap<(String, String), TieOutRow> = BTreeMap::new();
    let mut by_invoice: BTreeMap<String, (String, String)> = BTreeMap::new();
    for row in &report.rows {
        let key = (row.customer.to_string(), row.invoice.to_string());
        by_invoice.insert(row.invoice.to_string(), key.clone());
        let entry = rows.entry(key).or_insert_with(|| TieOutRow {
            customer: row.customer.to_string(),
            invoice: row.invoice.to_string(),
            plannit: None,
            ledger: None,
            row: Some(row.origin.row),
        });
        *entry.plannit.get_or_insert(Decimal::ZERO) += row.balance;
    }
    for open in ledger.open_items(Some(as_of)).iter().chain(also_owed) {
        let key = match by_invoice.get(&*open.invoice) {
            Some(key) if !open.invoice.is_empty() => key.clone(),
            _ => (open.customer.to_string(), open.invoice.to_string()),
        };
        let entry = rows.entry(key).or_insert_with(|| TieOutRow {
            customer: open.customer.to_string(),
            invoice: open.invoice.to_string(),
            plannit: None,
            ledger: None,
            row: None,
        });
        *entry.ledger.get_or_insert(Decimal::ZERO) += open.balance;
    }
    TieOut {
        file: report.file.clone(),
        as_of,
        rows: rows.into_values().collect(),
    }
}

/// A finding per invoice whose balances differ, with the likely cause: a
/// warning, or an error when `[receivable] tie_out = "error"`.
pub fn tie_out_findings(tie_out: &TieOut, ledger: &Ledger, severity: Severity) -> Vec<Finding> {
    tie_out
        .differences()
        .map(|row| {
            let cause = if row.ledger.is_none() && !ledger.knows_invoice(&row.invoice) {
                "unknown"
            } else if row.difference().is_sign_negative() {
                "ledger-higher"
            } else {
                "ledger-lower"
            };
            let message = t!(
                "run-receivable-tie-out",
                date = tie_out.as_of.to_string(),
                customer = &row.customer,
                invoice = &row.invoice,
                plannit = Arg::Amount(row.plannit.unwrap_or_default()),
                ledger = Arg::Amount(row.ledger.unwrap_or_default()),
                difference = Arg::Amount(row.difference()),
                cause = cause
            );
            let location = Location {
                file: Some(tie_out.file.clone()),
                row: row.row,
                document: (!row.invoice.is_empty()).then(|| row.invoice.clone()),
                ..Location::default()
            };
            Finding {
                severity,
                ..Finding::warning("receivable_tie_out", message, location)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_age_by_days_since_their_date() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let as_of = Some(d(10, 31));
        assert_eq!(aging_bucket(d(10, 1), as_of), 0);
        assert_eq!(aging_bucket(d(9, 30), as_of), 1);
        assert_eq!(aging_bucket(d(9, 1), as_of), 1);
        assert_eq!(aging_bucket(d(8, 31), as_of), 2);
        assert_eq!(aging_bucket(d(8, 2), as_of), 2);
        assert_eq!(aging_bucket(d(8, 1), as_of), 3);
        assert_eq!(aging_bucket(d(11, 5), as_of), 0);
    }
}
