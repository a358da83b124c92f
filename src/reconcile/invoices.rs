//! The reconciliation's invoices: each invoice's lines added up (amounts,
//! taxes, the tax expected at Quebec rates) with the payments applied to it,
//! a large sales report cut in parts added up on every core.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use indexmap::IndexMap;
use rayon::prelude::*;
use rust_decimal::Decimal;

use super::InvoiceFigures;
use crate::load::reports::{Payment, SalesLine};
use crate::tax::{expected_gst, expected_qst};

/// Lines per part when the invoices are added up on several cores: below
/// that, one core is quicker than joining the parts.
const MIN_LINES_PER_PART: usize = 20_000;

/// One row per invoice, in order of first appearance. The lines are added up
/// in parts, one core each, joined in order: an invoice cut by a part's end
/// gets the sums of both parts, its date and customer from its first line.
pub(super) fn invoice_figures(sales: &[SalesLine], payments: &[Payment]) -> Vec<InvoiceFigures> {
    let parts = rayon::current_num_threads().min(sales.len() / MIN_LINES_PER_PART);
    invoice_figures_in_parts(sales, payments, parts)
}

/// [`invoice_figures`], the lines cut in `parts` parts.
fn invoice_figures_in_parts(
    sales: &[SalesLine],
    payments: &[Payment],
    parts: usize,
) -> Vec<InvoiceFigures> {
    let mut applied: HashMap<&str, Decimal, foldhash::fast::RandomState> = HashMap::default();
    for payment in payments {
        if !payment.invoice.is_empty() {
            *applied.entry(payment.invoice.as_str()).or_default() += payment.received;
        }
    }
    let part_lines = sales.len().div_ceil(parts.max(1)).max(1);
    let mut parts = sales
        .par_chunks(part_lines)
        .map(invoice_sums)
        .collect::<Vec<_>>()
        .into_iter();
    let mut invoices = parts.next().unwrap_or_default();
    for part in parts {
        for (invoice, sums) in part {
            match invoices.entry(invoice) {
                indexmap::map::Entry::Occupied(mut entry) => entry.get_mut().add(&sums),
                indexmap::map::Entry::Vacant(entry) => {
                    entry.insert(sums);
                }
            }
        }
    }
    let invoices: Vec<(&str, InvoiceSums)> = invoices.into_iter().collect();
    invoices
        .into_par_iter()
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

impl InvoiceSums<'_> {
    /// The sums of the invoice's later lines added.
    fn add(&mut self, later: &InvoiceSums<'_>) {
        self.amount += later.amount;
        self.gst += later.gst;
        self.qst += later.qst;
        self.hst += later.hst;
        self.total += later.total;
        self.gst_base += later.gst_base;
        self.qst_base += later.qst_base;
        self.lines += later.lines;
    }
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

    /// Every way of cutting the lines gives what one pass gives: invoices
    /// whose lines follow each other across a cut, and invoices that come
    /// back later in another part (their date and customer stay the first
    /// line's, their sums take every part's).
    #[test]
    fn parts_add_up_as_one_pass() {
        let place = Arc::new(RowPlace::new("ventes.csv".into(), None));
        let numbers: Vec<Arc<str>> = (0..40).map(|n| format!("F-{n}").into()).collect();
        let sales: Vec<SalesLine> = (0..1_000u64)
            .map(|row| {
                // Runs of 1 to 7 lines; every 9th run goes back to an earlier invoice.
                let run = (row / 7) as usize;
                let invoice = if run % 9 == 8 { run % 5 } else { run % 40 };
                line(
                    &place,
                    row,
                    &numbers[invoice],
                    1_001 + (row as i64 * 7_919) % 50_000,
                )
            })
            .collect();
        let payments = Vec::new();
        let whole = invoice_figures_in_parts(&sales, &payments, 1);
        assert_eq!(whole.len(), 40);
        assert_eq!(whole.iter().map(|i| i.lines).sum::<u64>(), 1_000);
        for parts in [2, 3, 7, 16] {
            let cut = invoice_figures_in_parts(&sales, &payments, parts);
            assert_eq!(format!("{cut:?}"), format!("{whole:?}"), "{parts} parts");
        }
    }
}
