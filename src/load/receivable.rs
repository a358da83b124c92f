//! Plannit's accounts-receivable report: the invoices open at a date, each
//! with its customer and what is still owed. A control the ledger is tied
//! out against (and the opening balance's source), never posted.

use super::columns::ReportKind;
use super::dates::{date_in_text, DateOrder};
use super::reports::{ReceivableReport, ReceivableRow, SheetReader};
use super::sheet::RawSheet;
use super::values::Cell;
use crate::t;

impl SheetReader<'_> {
    /// Reads the report rows below the header as open invoices; a closing
    /// total row must equal the balances above it.
    pub fn receivables(&mut self) -> Vec<ReceivableRow> {
        debug_assert_eq!(self.header.kind, ReportKind::Receivable);
        let (rows, totals) =
            self.read_rows(|reader, number, row| reader.receivable_row(number, row));
        if !totals.is_empty() {
            let balances: Vec<_> = rows.iter().map(|r| r.balance).collect();
            self.check_totals(&totals, "balance", &balances);
        }
        rows
    }

    fn receivable_row(&mut self, number: u64, row: &[Cell]) -> ReceivableRow {
        let invoice = self.identifier(
            row,
            number,
            "invoice",
            "invoice_missing",
            t!("load-invoice-missing"),
        );
        let (date, _) = self.date(row, number, &invoice);
        ReceivableRow {
            origin: self.origin(number),
            customer: self.shared_text(row, "customer"),
            balance: self.money(row, number, "balance", true, &invoice),
            invoice,
            date,
        }
    }
}

/// The report read from a sheet, its date from the title rows above the
/// header ("Comptes clients au 31 octobre 2026"), when they give one.
pub fn receivable_report(
    file: &str,
    raw: &RawSheet,
    header_row: usize,
    order: DateOrder,
    rows: Vec<ReceivableRow>,
) -> ReceivableReport {
    let as_of = raw
        .head(header_row)
        .iter()
        .flatten()
        .filter_map(|cell| match cell {
            Cell::Text(text) => date_in_text(text, order),
            Cell::Date(date) => Some(date.date()),
            _ => None,
        })
        .next_back();
    ReceivableReport {
        file: file.to_string(),
        sheet: raw.sheet.clone(),
        as_of,
        rows,
    }
}
