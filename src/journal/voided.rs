//! An invoice voided in Plannit after its export: what it posts. Its exact
//! reversal (every account the history says it posted, negated), or, as a
//! bad debt, the write-off of its unpaid part with the GST, QST or HST it
//! carries recovered in proportion (Revenu Québec: tax × unpaid / total,
//! rounded half away from zero; none past four years). Under the cash basis
//! an invoice whose revenue was never recognised posts nothing (`CashVoid`).

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use crate::config::{Accounts, VoidedInvoices};
use crate::history::{Amounts, DocumentPosting, PostedState};
use crate::i18n::{format_message, Arg, Lang};
use crate::money::round_cents;
use crate::sage::entry::{EntryLine, JournalEntry};

/// How long after an invoice's date the tax of a bad debt can be recovered.
const TAX_RECOVERY_MONTHS: u32 = 48;

/// An exported invoice voided in Plannit, as this batch posts it.
#[derive(Debug, Clone, PartialEq)]
pub struct VoidedInvoice {
    /// The invoice, its amounts what this batch posts for it.
    pub doc: DocumentPosting,
    /// What the history held for it.
    pub state: PostedState,
    pub policy: VoidedInvoices,
    /// The write-off's figures, under the bad-debt policy.
    pub bad_debt: Option<BadDebt>,
    /// An invoice kept for the cash basis: what was paid and left unpaid.
    pub cash: Option<CashVoid>,
}

/// An invoice kept for the cash basis, voided: nothing was recognised of its
/// unpaid part, so there is nothing to reverse or write off (no revenue, no
/// tax to recover) and it posts nothing. What its payments recognised stays
/// recognised: that money was received, and a refund takes it back.
#[derive(Debug, Clone, PartialEq)]
pub struct CashVoid {
    pub total: Decimal,
    /// What its payments, refunds and applied deposits paid on it.
    pub paid: Decimal,
    /// Never recognised, now never owed.
    pub unpaid: Decimal,
}

/// A bad debt's figures, as the "Mauvaises créances" sheet shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct BadDebt {
    /// The invoice's total, as posted to the receivable.
    pub total: Decimal,
    /// What is still owed on it.
    pub unpaid: Decimal,
    /// GST, QST and HST the invoice carried.
    pub taxes: [Decimal; 3],
    /// What is recovered of each: tax × unpaid / total, to the cent.
    pub recovered: [Decimal; 3],
    /// False past four years after the invoice: no tax recovered.
    pub within_limit: bool,
}

impl BadDebt {
    /// The write-off of `unpaid` on an invoice the history says posted
    /// `state`, at `date`.
    pub fn new(
        state: &PostedState,
        accounts: &Accounts,
        unpaid: Decimal,
        date: NaiveDate,
    ) -> BadDebt {
        let on = |account: Option<&String>| {
            account
                .and_then(|a| state.amounts.get(a))
                .unwrap_or_default()
        };
        let total = on(Some(&accounts.receivable));
        let taxes = [
            -on(Some(&accounts.gst)),
            -on(Some(&accounts.qst)),
            -on(accounts.hst.as_ref()),
        ];
        let limit = state
            .date
            .checked_add_months(Months::new(TAX_RECOVERY_MONTHS));
        let within_limit = limit.is_none_or(|limit| date <= limit);
        let recovered = taxes.map(|tax| {
            if within_limit && !total.is_zero() {
                round_cents(tax * unpaid / total)
            } else {
                Decimal::ZERO
            }
        });
        BadDebt {
            total,
            unpaid,
            taxes,
            recovered,
            within_limit,
        }
    }

    /// The unpaid part less the taxes recovered: the expense.
    pub fn written_off(&self) -> Decimal {
        self.unpaid - self.recovered.iter().sum::<Decimal>()
    }

    /// Debits: each tax recovered (to its adjustments account, else its
    /// payable account) and the bad-debt expense; credit: the receivable.
    pub fn amounts(&self, accounts: &Accounts, bad_debts: &str) -> Amounts {
        let tax_accounts = [
            accounts.gst_adjustments.as_ref().or(Some(&accounts.gst)),
            accounts.qst_adjustments.as_ref().or(Some(&accounts.qst)),
            accounts.hst_adjustments.as_ref().or(accounts.hst.as_ref()),
        ];
        let mut amounts = Amounts::new();
        for (account, recovered) in tax_accounts.iter().zip(self.recovered) {
            if let Some(account) = account.filter(|_| !recovered.is_zero()) {
                amounts.add_text(account, recovered);
            }
        }
        amounts.add_text(bad_debts, self.written_off());
        amounts.add_text(&accounts.receivable, -self.unpaid);
        amounts.settle();
        amounts
    }
}

/// The exact opposite of what the history says the invoice posted.
pub fn reversal(state: &PostedState) -> Amounts {
    let mut amounts: Amounts = state.amounts.iter().map(|(a, v)| (a, -v)).collect();
    amounts.settle();
    amounts
}

/// The entry posting `invoice`'s amounts on `date`, its comment naming the
/// invoice (`Annul. F-1005`, `Mauv. créance F-1005`) in the company's
/// language.
pub fn voided_entry(invoice: &VoidedInvoice, date: NaiveDate, lang: Lang) -> JournalEntry {
    let mut lines: Vec<EntryLine> = (invoice.doc.amounts.iter())
        .map(|(account, amount)| EntryLine {
            account: account.to_string(),
            amount,
            source_rows: 1,
            queries: Vec::new(),
        })
        .collect();
    // Debits first, as the other entries.
    lines.sort_by(|a, b| {
        (a.amount.is_sign_negative(), &a.account).cmp(&(b.amount.is_sign_negative(), &b.account))
    });
    let id = match invoice.policy {
        VoidedInvoices::Reverse => "sage-voided-reversal",
        VoidedInvoices::BadDebt => "sage-voided-bad-debt",
    };
    let number = invoice.doc.number.to_string();
    let comment = format_message(lang, id, &[("number", Arg::Text(number.clone()))]);
    JournalEntry {
        date,
        source: number,
        comment,
        lines,
        taxes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accounts() -> Accounts {
        Accounts {
            bank: "1020".into(),
            receivable: "1210".into(),
            gst: "2420".into(),
            qst: "2500".into(),
            hst: None,
            default_revenue: None,
            plannit_pay_clearing: None,
            processing_fees: None,
            payout_bank: None,
            customer_deposits: None,
            tips: None,
            bad_debts: Some("5410".into()),
            gst_adjustments: None,
            qst_adjustments: Some("2510".into()),
            hst_adjustments: None,
        }
    }

    fn state(date: NaiveDate) -> PostedState {
        PostedState {
            first_batch: "2026-10-31-1".into(),
            last_batch: "2026-10-31-1".into(),
            date,
            amounts: [
                ("1210", Decimal::new(114975, 2)),
                ("2420", Decimal::new(-5000, 2)),
                ("2500", Decimal::new(-9975, 2)),
                ("4001", Decimal::new(-100000, 2)),
            ]
            .into_iter()
            .collect(),
            voided: false,
        }
    }

    /// 1 149.75 invoiced, 400.00 paid: 749.75 unpaid; GST 50.00 × 749.75 /
    /// 1 149.75 = 32.6049… → 32.60; QST 99.75 × … = 65.0468… → 65.05.
    #[test]
    fn a_bad_debt_recovers_the_taxes_of_the_unpaid_part() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let invoice = state(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap());
        let debt = BadDebt::new(&invoice, &accounts(), Decimal::new(74975, 2), date);
        assert_eq!(
            debt.recovered,
            [Decimal::new(3260, 2), Decimal::new(6505, 2), Decimal::ZERO]
        );
        assert_eq!(debt.written_off(), Decimal::new(65210, 2));
        let amounts = debt.amounts(&accounts(), "5410");
        let listed: Vec<(&str, Decimal)> = amounts.iter().collect();
        assert_eq!(
            listed,
            [
                ("1210", Decimal::new(-74975, 2)),
                ("2420", Decimal::new(3260, 2)),
                ("2510", Decimal::new(6505, 2)),
                ("5410", Decimal::new(65210, 2)),
            ]
        );
        assert_eq!(
            amounts.iter().map(|(_, v)| v).sum::<Decimal>(),
            Decimal::ZERO
        );
        // Past four years, no tax is recovered: all of it is the expense.
        let old = state(NaiveDate::from_ymd_opt(2022, 11, 29).unwrap());
        let debt = BadDebt::new(&old, &accounts(), Decimal::new(74975, 2), date);
        assert!(!debt.within_limit);
        assert_eq!(debt.written_off(), Decimal::new(74975, 2));
    }

    #[test]
    fn a_reversal_is_the_exact_opposite() {
        let invoice = state(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap());
        let reversed = reversal(&invoice);
        for (account, amount) in invoice.amounts.iter() {
            assert_eq!(reversed.get(account), Some(-amount));
        }
    }
}
