//! The invoices the cash basis knows, each with what was paid on it and what
//! was recognised: read from the export history, then brought up to date by
//! the drop's invoices and payments. A payment's shares are computed against
//! its invoice's state here, and the invoices not fully paid are listed from it.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::shares::Paying;
use crate::history::{CashHistory, LedgerInvoice, Recognised};

/// An invoice and what its payments did so far.
#[derive(Debug, Clone, PartialEq)]
pub struct InvoiceState {
    pub invoice: LedgerInvoice,
    /// The batch that recorded these lines; none when first seen in this drop.
    pub recorded_in: Option<String>,
    pub paid: Decimal,
    /// Recognised per account (credits negative).
    pub recognised: BTreeMap<String, Decimal>,
    pub recognised_taxable: [Decimal; 3],
    /// The payments that paid it (not refunds), for a bounced payment to
    /// find its own.
    pub payments: Vec<PaidBy>,
    /// Voided in Plannit: no longer owed, whatever is unpaid.
    pub voided: bool,
}

/// A payment (or applied deposit) of an invoice and what it recognised.
#[derive(Debug, Clone, PartialEq)]
pub struct PaidBy {
    pub doc_key: String,
    pub date: NaiveDate,
    pub paid: Decimal,
    pub amounts: Vec<(String, Decimal)>,
    pub taxable: [Decimal; 3],
    /// A bounced payment has reversed it already.
    pub reversed: bool,
}

impl InvoiceState {
    fn new(invoice: LedgerInvoice, recorded_in: Option<String>) -> InvoiceState {
        InvoiceState {
            invoice,
            recorded_in,
            paid: Decimal::ZERO,
            recognised: BTreeMap::new(),
            recognised_taxable: [Decimal::ZERO; 3],
            payments: Vec::new(),
            voided: false,
        }
    }

    /// What the sharing rule reads of the invoice.
    pub fn paying(&self) -> Paying<'_> {
        Paying {
            lines: &self.invoice.lines,
            total: self.invoice.total,
            taxable: self.invoice.taxable,
            paid: self.paid,
            recognised: &self.recognised,
            recognised_taxable: self.recognised_taxable,
        }
    }

    /// What is left to pay.
    pub fn remaining(&self) -> Decimal {
        self.invoice.total - self.paid
    }

    /// Something is still due on it: its paid total short of its total (an
    /// overpaid invoice is the customer's credit, not an unpaid invoice).
    pub fn owes(&self) -> bool {
        let remaining = self.remaining();
        !remaining.is_zero()
            && remaining.is_sign_negative() == self.invoice.total.is_sign_negative()
    }

    /// Recognised so far, revenue and taxes together (credits positive).
    pub fn recognised_total(&self) -> Decimal {
        -self.recognised.values().copied().sum::<Decimal>()
    }

    /// Adds a recognition (or takes one back: `sign` −1).
    fn add(&mut self, recognised: &Recognised, sign: Decimal) {
        self.paid += recognised.paid * sign;
        for (account, amount) in &recognised.amounts {
            *self.recognised.entry(account.clone()).or_default() += *amount * sign;
        }
        for (total, part) in self.recognised_taxable.iter_mut().zip(recognised.taxable) {
            *total += part * sign;
        }
        self.recognised.retain(|_, amount| !amount.is_zero());
    }
}

/// Every invoice the cash basis knows, by number, and what each document
/// recognised in the history's batches, by key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ledger {
    pub invoices: BTreeMap<String, InvoiceState>,
    /// Each document's recognitions over the batches, added up.
    pub recorded: HashMap<String, Recognised>,
}

impl Ledger {
    /// The invoices as the history's batches left them: each invoice's
    /// latest lines, every recognition applied.
    pub fn from_history(history: &CashHistory) -> Ledger {
        let mut ledger = Ledger::default();
        for (batch, invoice) in &history.invoices {
            let number = invoice.number.clone();
            let state = InvoiceState::new(invoice.clone(), Some(batch.clone()));
            ledger.invoices.insert(number, state);
        }
        for (_, recognised) in &history.recognitions {
            let summed = ledger
                .recorded
                .entry(recognised.doc_key.clone())
                .or_insert_with(|| Recognised {
                    paid: Decimal::ZERO,
                    taxable: [Decimal::ZERO; 3],
                    amounts: Vec::new(),
                    ..recognised.clone()
                });
            summed.paid += recognised.paid;
            for (total, part) in summed.taxable.iter_mut().zip(recognised.taxable) {
                *total += part;
            }
            for (account, amount) in &recognised.amounts {
                match summed.amounts.iter_mut().find(|(a, _)| a == account) {
                    Some((_, total)) => *total += *amount,
                    None => summed.amounts.push((account.clone(), *amount)),
                }
            }
            if !recognised.reverses.is_empty() {
                summed.reverses.clone_from(&recognised.reverses);
            }
        }
        let mut recorded: Vec<&Recognised> = ledger.recorded.values().collect();
        recorded.sort_by(|a, b| (a.date, &a.doc_key).cmp(&(b.date, &b.doc_key)));
        let recorded: Vec<Recognised> = recorded.into_iter().cloned().collect();
        for recognised in &recorded {
            ledger.apply(recognised);
        }
        ledger
    }

    /// The invoice numbered `number`, if the cash basis knows it.
    pub fn get(&self, number: &str) -> Option<&InvoiceState> {
        self.invoices.get(number)
    }

    /// An invoice first seen in this drop, or new lines for one (the
    /// recognitions made so far stay).
    pub fn put_invoice(&mut self, invoice: LedgerInvoice) {
        match self.invoices.get_mut(&invoice.number) {
            Some(state) => state.invoice = invoice,
            None => {
                let number = invoice.number.clone();
                self.invoices
                    .insert(number, InvoiceState::new(invoice, None));
            }
        }
    }

    /// Applies a recognition to its invoice: what was paid and recognised,
    /// the payment kept for a bounced payment to find, the payment a bounced
    /// one reverses marked.
    pub fn apply(&mut self, recognised: &Recognised) {
        let Some(state) = self.invoices.get_mut(&recognised.invoice) else {
            return;
        };
        state.add(recognised, Decimal::ONE);
        if !recognised.reverses.is_empty() {
            let reversed = (state.payments.iter_mut()).find(|p| p.doc_key == recognised.reverses);
            if let Some(payment) = reversed {
                payment.reversed = true;
            }
        } else if is_payment_key(&recognised.doc_key) && recognised.paid > Decimal::ZERO {
            match (state.payments.iter_mut()).find(|p| p.doc_key == recognised.doc_key) {
                // An adjustment adds to the payment it adjusts.
                Some(payment) => {
                    payment.paid += recognised.paid;
                    add_amounts(&mut payment.amounts, &recognised.amounts);
                }
                None => state.payments.push(PaidBy {
                    doc_key: recognised.doc_key.clone(),
                    date: recognised.date,
                    paid: recognised.paid,
                    amounts: recognised.amounts.clone(),
                    taxable: recognised.taxable,
                    reversed: false,
                }),
            }
        }
    }

    /// The invoice's state without `recognised` (a document recognised in
    /// an earlier batch, computed again because it changed since).
    pub fn without(&self, recognised: &Recognised) -> Option<InvoiceState> {
        let mut state = self.invoices.get(&recognised.invoice)?.clone();
        state.add(recognised, -Decimal::ONE);
        Some(state)
    }

    /// The payment of `invoice` a bounced payment of `paid` (negative)
    /// reverses: the latest one of that amount not reversed yet, dated on or
    /// before it.
    pub fn bounced(&self, invoice: &str, paid: Decimal, date: NaiveDate) -> Option<&PaidBy> {
        let state = self.invoices.get(invoice)?;
        (state.payments.iter())
            .filter(|p| !p.reversed && p.paid == -paid && p.date <= date)
            .max_by_key(|p| p.date)
    }

    /// Marks the invoice numbered `number` voided in Plannit; its state
    /// as it was, if the cash basis knows it.
    pub fn void(&mut self, number: &str) -> Option<&InvoiceState> {
        let state = self.invoices.get_mut(number)?;
        state.voided = true;
        Some(state)
    }

    /// The invoices not fully paid (and not voided), by date and number.
    pub fn unpaid(&self) -> Vec<&InvoiceState> {
        let mut unpaid: Vec<&InvoiceState> = (self.invoices.values())
            .filter(|state| !state.voided && state.owes())
            .collect();
        unpaid.sort_by(|a, b| {
            (a.invoice.date, &a.invoice.number).cmp(&(b.invoice.date, &b.invoice.number))
        });
        unpaid
    }
}

/// A payment or an applied deposit (what a bounced payment can reverse).
fn is_payment_key(key: &str) -> bool {
    key.starts_with("payment:") || key.starts_with("deposit_applied:")
}

fn add_amounts(to: &mut Vec<(String, Decimal)>, amounts: &[(String, Decimal)]) {
    for (account, amount) in amounts {
        match to.iter_mut().find(|(a, _)| a == account) {
            Some((_, total)) => *total += *amount,
            None => to.push((account.clone(), *amount)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::LedgerLine;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn day(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn recognised(key: &str, date: u32, paid: &str, revenue: &str, reverses: &str) -> Recognised {
        Recognised {
            doc_key: key.into(),
            invoice: "F-1".into(),
            date: day(date),
            paid: d(paid),
            taxable: [d(paid); 3],
            reverses: reverses.into(),
            amounts: vec![("4001".into(), d(revenue))],
        }
    }

    /// Batches recorded an invoice, then a payment, its adjustment, and a
    /// bounced payment reversing another: the state adds them up, and the
    /// payment still to bounce is the one not reversed.
    #[test]
    fn the_history_adds_up_into_each_invoice() {
        let invoice = LedgerInvoice {
            number: "F-1".into(),
            date: day(1),
            customer: "Anne".into(),
            total: d("100.00"),
            taxable: [d("100.00"); 3],
            lines: vec![LedgerLine {
                account: "4001".into(),
                is_tax: false,
                amount: d("-100.00"),
            }],
        };
        let history = CashHistory {
            batches: Vec::new(),
            invoices: vec![("B1".into(), invoice)],
            recognitions: vec![
                (
                    "B1".into(),
                    recognised("payment:R-1", 2, "30.00", "-30.00", ""),
                ),
                (
                    "B2".into(),
                    recognised("payment:R-2", 3, "30.00", "-30.00", ""),
                ),
                (
                    "B2".into(),
                    recognised("payment:R-1", 2, "5.00", "-5.00", ""),
                ),
                (
                    "B3".into(),
                    recognised("voided:N-1", 4, "-30.00", "30.00", "payment:R-2"),
                ),
            ],
        };
        let ledger = Ledger::from_history(&history);
        let state = ledger.get("F-1").unwrap();
        assert_eq!(state.paid, d("35.00"));
        assert_eq!(state.recognised_total(), d("35.00"));
        assert_eq!(state.remaining(), d("65.00"));
        assert_eq!(state.recorded_in.as_deref(), Some("B1"));
        assert_eq!(ledger.recorded["payment:R-1"].paid, d("35.00"));
        assert!(ledger.bounced("F-1", d("-30.00"), day(9)).is_none());
        assert_eq!(
            ledger.bounced("F-1", d("-35.00"), day(9)).unwrap().doc_key,
            "payment:R-1"
        );
        assert!(ledger.bounced("F-1", d("-35.00"), day(1)).is_none());
        let without = ledger.without(&ledger.recorded["payment:R-1"]).unwrap();
        assert_eq!(without.paid, Decimal::ZERO);
        assert_eq!(ledger.unpaid().len(), 1);
    }
}
