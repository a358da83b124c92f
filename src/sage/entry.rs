//! The entries of a General Journal import file, as the journal makes them
//! and the writer writes them: each line an account and its amount (debits
//! positive), with the sales-tax detail when the company wants it.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A line of a Sage 50 entry: one account, its net amount.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryLine {
    pub account: String,
    pub amount: Decimal,
    pub source_rows: u64,
    /// The query files whose lines it nets (provenance); none for an adjustment.
    pub queries: Vec<Arc<str>>,
}

/// A Sage 50 General Journal entry.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalEntry {
    pub date: NaiveDate,
    pub source: String,
    pub comment: String,
    pub lines: Vec<EntryLine>,
    /// The sales-tax detail (TAXD lines), when `[sage50] tax_detail` is on.
    pub taxes: Vec<TaxLine>,
}

/// One TAXD line: a tax account of the entry, the tax as the Sage company
/// names it, the revenue it taxes and the tax (both positive for sales,
/// negative for net credit notes).
#[derive(Debug, Clone, PartialEq)]
pub struct TaxLine {
    pub account: String,
    pub name: String,
    pub code: String,
    pub taxable: Decimal,
    pub tax: Decimal,
}

impl JournalEntry {
    pub fn debits(&self) -> Decimal {
        debits_and_credits(self.lines.iter().map(|l| l.amount)).0
    }

    pub fn credits(&self) -> Decimal {
        debits_and_credits(self.lines.iter().map(|l| l.amount)).1
    }

    pub fn balance(&self) -> Decimal {
        self.lines.iter().map(|l| l.amount).sum()
    }
}

/// The debits and the credits (both positive) of signed amounts.
pub fn debits_and_credits(amounts: impl IntoIterator<Item = Decimal>) -> (Decimal, Decimal) {
    let (mut debits, mut credits) = (Decimal::ZERO, Decimal::ZERO);
    for amount in amounts {
        if amount.is_sign_positive() {
            debits += amount;
        } else {
            credits -= amount;
        }
    }
    (debits, credits)
}

/// One account's debits and credits over a set of entries.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountTotal {
    pub account: String,
    pub debits: Decimal,
    pub credits: Decimal,
}

/// Debits and credits per account (in account order), over entries.
pub fn account_totals(entries: &[JournalEntry]) -> Vec<AccountTotal> {
    let mut by_account: BTreeMap<&str, (Decimal, Decimal)> = BTreeMap::new();
    for line in entries.iter().flat_map(|e| &e.lines) {
        let slot = by_account.entry(line.account.as_str()).or_default();
        if line.amount.is_sign_positive() {
            slot.0 += line.amount;
        } else {
            slot.1 -= line.amount;
        }
    }
    by_account
        .into_iter()
        .map(|(account, (debits, credits))| AccountTotal {
            account: account.to_string(),
            debits,
            credits,
        })
        .collect()
}

/// The sums of debits and of credits over account totals.
pub fn grand_totals(totals: &[AccountTotal]) -> (Decimal, Decimal) {
    totals
        .iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(d, c), t| {
            (d + t.debits, c + t.credits)
        })
}
