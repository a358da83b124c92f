//! The receivable's sub-ledger: every amount the tool posted to the
//! receivable account — invoices, credit notes, payments, deposits, refunds,
//! applied deposits, bounced payments, `--adjust` differences — plus the
//! opening balance, each an item of its customer's account applied to its
//! invoice when the document names one. Balances per invoice and per
//! customer at any date follow from the items.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{BatchState, DocType, DocumentPosting, HistoryTables, Posting};

/// What moved the receivable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemKind {
    /// An invoice open when the tool was adopted.
    Opening,
    /// An invoice, or a credit note (negative).
    Invoice,
    Payment,
    /// A deposit credited to the receivable (no `customer_deposits` account).
    Deposit,
    Refund,
    DepositApplied,
    /// A bounced (NSF) or voided payment.
    Bounced,
    /// The difference posted for a changed document (`--adjust`).
    Adjustment,
    /// An invoice voided in Plannit after its export: reversed or written off.
    Voided,
}

impl ItemKind {
    fn of(doc_type: DocType, posting: Posting) -> ItemKind {
        if posting == Posting::Adjustment {
            return ItemKind::Adjustment;
        }
        match doc_type {
            DocType::Invoice => ItemKind::Invoice,
            DocType::Payment | DocType::Payout => ItemKind::Payment,
            DocType::Deposit => ItemKind::Deposit,
            DocType::Refund => ItemKind::Refund,
            DocType::DepositApplied => ItemKind::DepositApplied,
            DocType::Voided => ItemKind::Bounced,
        }
    }
}

/// One amount on the receivable: debit positive, credit negative.
#[derive(Debug, Clone, PartialEq)]
/// Its texts are shared with the batch's documents (a large batch holds
/// hundreds of thousands of items).
pub struct LedgerItem {
    pub date: NaiveDate,
    pub customer: Arc<str>,
    pub kind: ItemKind,
    /// The document's own number.
    pub number: Arc<str>,
    /// The invoice the amount applies to: the invoice itself for an
    /// invoice; empty for a payment that names none.
    pub invoice: Arc<str>,
    pub amount: Decimal,
}

/// An invoice (or a customer's unapplied amounts) with what is still owed.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenItem {
    pub customer: Arc<str>,
    /// Empty for the customer's amounts applied to no invoice.
    pub invoice: Arc<str>,
    /// The invoice's date (the first item's for unapplied amounts): what it ages from.
    pub date: NaiveDate,
    pub balance: Decimal,
}

/// The receivable's items, in the order they were recorded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ledger {
    pub items: Vec<LedgerItem>,
}

impl Ledger {
    /// The opening balance and every batch that stands, on `receivable`.
    pub fn from_history(tables: &HistoryTables, receivable: &str) -> Ledger {
        let mut items: Vec<LedgerItem> = (tables.opening.items.iter())
            .map(|item| {
                let invoice: Arc<str> = item.invoice.as_str().into();
                LedgerItem {
                    date: item.date,
                    customer: item.customer.as_str().into(),
                    kind: ItemKind::Opening,
                    number: Arc::clone(&invoice),
                    invoice,
                    amount: item.balance,
                }
            })
            .collect();
        let standing: std::collections::BTreeSet<&str> = (tables.batches.iter())
            .filter(|b| b.status == BatchState::Done)
            .map(|b| b.batch_id.as_str())
            .collect();
        for row in &tables.postings {
            if row.account != receivable || !standing.contains(row.batch_id.as_str()) {
                continue;
            }
            let (Ok(doc_type), Ok(posting)) = (row.doc_type.parse(), row.posting.parse()) else {
                continue;
            };
            let number: Arc<str> = row.doc_number.as_str().into();
            items.push(LedgerItem {
                date: row.doc_date,
                customer: row.customer.as_str().into(),
                kind: ItemKind::of(doc_type, posting),
                invoice: applied_to(doc_type, &number, &row.invoice),
                number,
                amount: row.amount,
            });
        }
        Ledger { items }
    }

    /// Adds what a batch posts to `receivable`.
    pub fn add_batch<'d>(
        &mut self,
        documents: impl IntoIterator<Item = (&'d DocumentPosting, Posting)>,
        receivable: &str,
    ) {
        for (doc, posting) in documents {
            self.add(doc, ItemKind::of(doc.doc_type, posting), receivable);
        }
    }

    /// Adds the reversals and write-offs of voided invoices.
    pub fn add_voided<'d>(
        &mut self,
        invoices: impl IntoIterator<Item = &'d DocumentPosting>,
        receivable: &str,
    ) {
        for doc in invoices {
            self.add(doc, ItemKind::Voided, receivable);
        }
    }

    fn add(&mut self, doc: &DocumentPosting, kind: ItemKind, receivable: &str) {
        let Some(amount) = doc.amounts.get(receivable).filter(|a| !a.is_zero()) else {
            return;
        };
        self.items.push(LedgerItem {
            date: doc.date,
            customer: Arc::clone(&doc.customer),
            kind,
            number: Arc::clone(&doc.number),
            invoice: applied_to(doc.doc_type, &doc.number, &doc.invoice),
            amount,
        });
    }

    /// What is still owed on an invoice: every item applied to it.
    pub fn invoice_balance(&self, invoice: &str) -> Decimal {
        (self.items.iter())
            .filter(|i| &*i.invoice == invoice)
            .map(|i| i.amount)
            .sum()
    }

    /// The latest item's date.
    pub fn last_date(&self) -> Option<NaiveDate> {
        self.items.iter().map(|i| i.date).max()
    }

    pub fn balance(&self) -> Decimal {
        self.items.iter().map(|i| i.amount).sum()
    }

    /// Every invoice (and customer's unapplied amounts) with a balance,
    /// counting the items dated up to `at` (all of them without a date), by
    /// customer then invoice. An invoice belongs to the customer its invoice
    /// names and ages from its date; amounts applied to an invoice the
    /// ledger does not hold, from the earliest of them.
    pub fn open_items(&self, at: Option<NaiveDate>) -> Vec<OpenItem> {
        let invoices = self.invoices();
        let mut open: HashMap<(&str, &str), OpenItem, foldhash::fast::RandomState> =
            HashMap::default();
        for item in self
            .items
            .iter()
            .filter(|i| at.is_none_or(|at| i.date <= at))
        {
            let known = (!item.invoice.is_empty())
                .then(|| invoices.get(&*item.invoice))
                .flatten();
            let (customer, date) = known.cloned().unwrap_or((&item.customer, item.date));
            let entry = open
                .entry((customer, &item.invoice))
                .or_insert_with(|| OpenItem {
                    customer: Arc::clone(customer),
                    invoice: Arc::clone(&item.invoice),
                    date,
                    balance: Decimal::ZERO,
                });
            entry.balance += item.amount;
            entry.date = entry.date.min(date);
        }
        let mut open: Vec<OpenItem> = (open.into_values())
            .filter(|item| !item.balance.is_zero())
            .collect();
        open.sort_unstable_by(|a, b| (&a.customer, &a.invoice).cmp(&(&b.customer, &b.invoice)));
        open
    }

    /// Each invoice's customer and date, as its invoice (or opening item) gives them.
    fn invoices(&self) -> HashMap<&str, (&Arc<str>, NaiveDate), foldhash::fast::RandomState> {
        (self.items.iter())
            .filter(|i| is_invoice(i.kind))
            .map(|i| (&*i.invoice, (&i.customer, i.date)))
            .collect()
    }

    /// True when an invoice (or opening item) numbered `number` is in the ledger.
    pub fn knows_invoice(&self, number: &str) -> bool {
        (self.items.iter()).any(|i| is_invoice(i.kind) && &*i.invoice == number)
    }
}

fn is_invoice(kind: ItemKind) -> bool {
    matches!(kind, ItemKind::Invoice | ItemKind::Opening)
}

/// The invoice a document's amount applies to.
fn applied_to(doc_type: DocType, number: &Arc<str>, invoice: &str) -> Arc<str> {
    match doc_type {
        DocType::Invoice => Arc::clone(number),
        _ => invoice.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{HistoryBatchRow, HistoryPostingRow, OpeningItem, StandingOpening};

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, day).unwrap()
    }

    fn posting(
        batch: &str,
        doc_type: &str,
        number: &str,
        invoice: &str,
        cents: i64,
    ) -> HistoryPostingRow {
        HistoryPostingRow {
            batch_id: batch.into(),
            doc_key: format!("{doc_type}:{number}"),
            doc_type: doc_type.into(),
            doc_number: number.into(),
            invoice: invoice.into(),
            customer: "Gagnon".into(),
            doc_date: date(10),
            posting: "original".into(),
            account: "1210".into(),
            amount: Decimal::new(cents, 2),
        }
    }

    /// Payments apply to their invoice (opening or exported); a voided batch's
    /// items and other accounts' amounts are not in the ledger.
    #[test]
    fn open_items_follow_the_items_that_stand() {
        let batch = |id: &str, status| HistoryBatchRow {
            batch_id: id.into(),
            created_at: String::new(),
            status,
            first_date: None,
            last_date: None,
        };
        let mut other_account = posting("B1", "invoice", "F-2", "", -10000);
        other_account.account = "4001".into();
        let tables = HistoryTables {
            batches: vec![batch("B1", BatchState::Done), batch("B2", BatchState::Void)],
            postings: vec![
                posting("B1", "invoice", "F-2", "", 11498),
                other_account,
                posting("B1", "payment", "R-1", "F-1", -5000),
                posting("B1", "payment", "R-2", "F-2", -11498),
                posting("B2", "payment", "R-3", "F-1", -7000),
            ],
            opening: StandingOpening {
                id: "opening-2026-09-30-1".into(),
                as_of: Some(date(1)),
                items: vec![OpeningItem {
                    invoice: "F-1".into(),
                    customer: "Tremblay".into(),
                    date: date(1),
                    balance: Decimal::new(20000, 2),
                }],
            },
        };
        let ledger = Ledger::from_history(&tables, "1210");
        assert_eq!(ledger.balance(), Decimal::new(15000, 2));
        let open = ledger.open_items(None);
        assert_eq!(open.len(), 1, "{open:?}");
        assert_eq!(&*open[0].invoice, "F-1");
        // The opening invoice's customer, although the payment names another.
        assert_eq!(&*open[0].customer, "Tremblay");
        assert_eq!(open[0].date, date(1));
        assert_eq!(open[0].balance, Decimal::new(15000, 2));
        assert!(ledger.knows_invoice("F-2"));
        assert!(!ledger.knows_invoice("R-1"));
        // Before the batch's documents, only the opening invoice was there.
        let before = ledger.open_items(Some(date(5)));
        assert_eq!(before.len(), 1);
        assert_eq!(before[0].balance, Decimal::new(20000, 2));
    }
}
