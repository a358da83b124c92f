//! The cash basis's figures: each payment's share of each of its invoice's
//! lines (with what the proportional rule gives and what the rule adjusted),
//! the invoices not fully paid, and what each payment row of the batch
//! recognised rather than credited to the receivable.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::history::DocType;
use crate::journal::cash::{CashBook, ShareRule};
use crate::load::reports::Payment;

/// What the workbook shows of the cash basis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CashFigures {
    /// One row per share of each payment of the batch, in the order made.
    pub shares: Vec<ShareRow>,
    /// The invoices not fully paid once the batch is posted.
    pub unpaid: Vec<UnpaidRow>,
    /// `basis_from`, when the basis changes at a date.
    pub from: Option<NaiveDate>,
}

/// A payment's share of one line of its invoice. Amounts are shown as
/// revenue and taxes are credited: positive for a payment.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareRow {
    pub date: NaiveDate,
    pub number: String,
    pub doc_type: DocType,
    pub invoice: String,
    pub total: Decimal,
    pub paid: Decimal,
    pub account: String,
    pub is_tax: bool,
    pub line: Decimal,
    /// line × paid / total, rounded half away from zero.
    pub rounded: Decimal,
    /// What the rule adds to it: the rounding gap, a remainder, a reversal.
    pub adjustment: Decimal,
    pub share: Decimal,
    pub rule: ShareRule,
}

/// An invoice not fully paid.
#[derive(Debug, Clone, PartialEq)]
pub struct UnpaidRow {
    pub invoice: String,
    pub date: NaiveDate,
    pub customer: String,
    pub total: Decimal,
    pub paid: Decimal,
    /// Revenue and taxes recognised so far.
    pub recognised: Decimal,
    pub remaining: Decimal,
    /// Days from the invoice to the batch's last date.
    pub days: Option<i64>,
}

impl CashFigures {
    pub fn new(book: &CashBook, last_date: Option<NaiveDate>) -> CashFigures {
        let shares = (book.recognitions.iter())
            .flat_map(|r| {
                r.shares.shares.iter().map(move |share| ShareRow {
                    date: r.date,
                    number: r.number.clone(),
                    doc_type: r.doc_type,
                    invoice: r.invoice.clone(),
                    total: r.total,
                    paid: r.recognised_paid(),
                    account: share.account.clone(),
                    is_tax: share.is_tax,
                    line: -share.line,
                    rounded: -share.rounded,
                    adjustment: share.rounded - share.amount,
                    share: -share.amount,
                    rule: r.shares.rule.clone(),
                })
            })
            .collect();
        let unpaid = (book.ledger.unpaid().into_iter())
            .map(|state| UnpaidRow {
                invoice: state.invoice.number.clone(),
                date: state.invoice.date,
                customer: state.invoice.customer.clone(),
                total: state.invoice.total,
                paid: state.paid,
                recognised: state.recognised_total(),
                remaining: state.remaining(),
                days: last_date.map(|last| (last - state.invoice.date).num_days()),
            })
            .collect();
        CashFigures {
            shares,
            unpaid,
            from: book.bases.from,
        }
    }
}

/// The documents whose payments the cash basis recognised in the batch,
/// with what each recognised (their rows credit revenue and taxes, not the
/// receivable, but for what was paid beyond the invoice).
pub(super) fn recognising(book: &CashBook) -> HashMap<&str, Decimal> {
    let mut recognised: HashMap<&str, Decimal> = HashMap::new();
    let made =
        (book.recognitions.iter()).filter(|r| !matches!(r.shares.rule, ShareRule::Adjusts(_)));
    for recognition in made {
        *recognised.entry(&*recognition.doc_key).or_default() += recognition.recognised_paid();
    }
    recognised
}

/// Splits what each payment row applies to its invoice between the
/// receivable and, for the documents `recognising`, revenue and taxes: a
/// document's rows recognise, in order, up to what it recognised.
pub(super) fn split_applied(
    payments: &[Payment],
    applied: &mut [Decimal],
    recognising: &HashMap<&str, Decimal>,
) -> Vec<Decimal> {
    let mut left = recognising.clone();
    (payments.iter().zip(applied.iter_mut()))
        .map(|(payment, applied)| {
            let Some(part) = left.get_mut(payment.document_key().as_str()) else {
                return Decimal::ZERO;
            };
            let take = if applied.abs() <= part.abs() {
                *applied
            } else {
                *part
            };
            *part -= take;
            *applied -= take;
            take
        })
        .collect()
}
