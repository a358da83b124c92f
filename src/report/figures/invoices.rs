//! The reconciliation's invoices: each invoice's lines added up (amounts,
//! taxes, the tax expected at Quebec rates) with the payments applied to it.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use indexmap::IndexMap;
use rust_decimal::Decimal;

use super::InvoiceFigures;
use crate::load::reports::{Payment, SalesLine};
use crate::money::tax::{expected_gst, expected_qst};

/// One row per invoice, in order of first appearance: its lines added up
/// (date and customer from its first line) and what was applied to it.
/// `applied_to_receivable` holds what each payment credited to the receivable.
pub(super) fn invoice_figures(
    sales: &[SalesLine],
    payments: &[Payment],
    applied_to_receivable: &[Decimal],
) -> Vec<InvoiceFigures> {
    let mut applied: HashMap<&str, Decimal, FastHash> = HashMap::default();
    for (payment, amount) in payments.iter().zip(applied_to_receivable) {
        if !payment.invoice.is_empty() {
            *applied.entry(payment.invoice.as_str()).or_default() += *amount;
        }
    }
    (invoice_sums(sales).into_iter())
        .map(|(invoice, s)| {
            let gst_expected = expected_gst(s.gst_base);
            let qst_expected = expected_qst(s.qst_base);
            let paid = applied.get(invoice).copied().unwrap_or_default();
            InvoiceFigures {
                invoice: invoice.to_string(),
                adjusts_batch: None,
                date: s.date,
                customer: s.customer.to_string(),
                amount: s.amount,
                gst: s.gst,
                qst: s.qst,
                hst: s.hst,
                total: s.total,
                gst_expected,
                qst_expected,
                gst_gap: s.gst - gst_expected,
                qst_gap: s.qst - qst_expected,
                paid,
                balance: s.total - paid,
                lines: s.lines,
                when_paid: false,
            }
        })
        .collect()
}

/// An invoice's lines added up; date and customer are its first line's.
#[derive(Default)]
struct InvoiceSums<'a> {
    date: Option<NaiveDate>,
    customer: &'a str,
    amount: Decimal,
    gst: Decimal,
    qst: Decimal,
    hst: Decimal,
    total: Decimal,
    /// The amounts of the lines that carry the tax: what it is expected on.
    gst_base: Decimal,
    qst_base: Decimal,
    lines: u64,
}

type FastHash = foldhash::fast::RandomState;

/// The invoices of `sales`, in order of first appearance, each line added up.
fn invoice_sums(sales: &[SalesLine]) -> IndexMap<&str, InvoiceSums<'_>, FastHash> {
    // An invoice's lines share its number (one `Arc`) and usually follow each
    // other: found again without a lookup.
    let mut invoices: IndexMap<&str, InvoiceSums, FastHash> = IndexMap::default();
    let mut previous: Option<(&Arc<str>, usize)> = None;
    for line in sales {
        let index = match previous {
            Some((invoice, index)) if Arc::ptr_eq(invoice, &line.invoice) => index,
            _ => {
                let entry = invoices.entry(&*line.invoice);
                let index = entry.index();
                entry.or_insert_with(|| InvoiceSums {
                    date: line.date,
                    customer: &line.customer,
                    ..InvoiceSums::default()
                });
                index
            }
        };
        previous = Some((&line.invoice, index));
        let sums = &mut invoices[index];
        sums.amount += line.amount;
        sums.gst += line.gst;
        sums.qst += line.qst;
        sums.hst += line.hst;
        sums.total += line.total;
        if !line.gst.is_zero() {
            sums.gst_base += line.amount;
        }
        if !line.qst.is_zero() {
            sums.qst_base += line.amount;
        }
        sums.lines += 1;
    }
    invoices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::reports::{RowOrigin, RowPlace};

    fn line(place: &Arc<RowPlace>, row: u64, invoice: &Arc<str>, cents: i64) -> SalesLine {
        let amount = Decimal::new(cents, 2);
        let gst = if row.is_multiple_of(3) {
            Decimal::ZERO
        } else {
            Decimal::new(cents / 20, 2)
        };
        let qst = if row.is_multiple_of(5) {
            Decimal::ZERO
        } else {
            Decimal::new(cents / 10, 2)
        };
        SalesLine {
            status: Default::default(),
            origin: RowOrigin::new(Arc::clone(place), row),
            invoice: Arc::clone(invoice),
            date: NaiveDate::from_ymd_opt(2026, 1, 1 + (row % 28) as u32),
            date_text: String::new(),
            customer: format!("Client {row}").into(),
            item: "Tonte".into(),
            description: "".into(),
            quantity: None,
            unit_price: None,
            amount,
            gst,
            qst,
            hst: Decimal::ZERO,
            total: amount + gst + qst,
        }
    }

    /// An invoice whose lines come back later keeps its first line's date
    /// and customer and adds up every line; invoices come in order of
    /// first appearance.
    #[test]
    fn an_invoice_adds_up_every_line_wherever_it_is() {
        let place = Arc::new(RowPlace::new("ventes.csv".into(), None));
        let numbers: Vec<Arc<str>> = (0..3).map(|n| format!("F-{n}").into()).collect();
        let order = [0, 0, 1, 2, 1, 0];
        let sales: Vec<SalesLine> = (order.iter().enumerate())
            .map(|(row, &n)| {
                line(
                    &place,
                    row as u64 + 1,
                    &numbers[n],
                    1_000 * (row as i64 + 1),
                )
            })
            .collect();
        let figures = invoice_figures(&sales, &[], &[]);
        let invoices: Vec<&str> = figures.iter().map(|i| i.invoice.as_str()).collect();
        assert_eq!(invoices, ["F-0", "F-1", "F-2"]);
        let first = &figures[0];
        assert_eq!((first.lines, first.customer.as_str()), (3, "Client 1"));
        assert_eq!(first.amount, Decimal::new(1_000 + 2_000 + 6_000, 2));
        assert_eq!(first.date, sales[0].date);
        let expected_total: Decimal = (sales.iter())
            .filter(|l| &*l.invoice == "F-0")
            .map(|l| l.total)
            .sum();
        assert_eq!(first.total, expected_total);
        assert_eq!(first.balance, expected_total);
    }
}
