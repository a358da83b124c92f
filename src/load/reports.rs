//! Turning a recognised sheet into typed report rows (`SalesLine`, `Payment`),
//! with a finding for every cell that cannot be read.

use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::columns::ReportKind;
use super::dates::{date_from_cell, DateOrder};
use super::header::HeaderMatch;
use super::sheet::{RawSheet, RowSpan};
use super::values::{amount_from_cell, AmountError, Cell};
use crate::diagnostics::{Finding, Fix, Location};
use crate::i18n::Text;
use crate::load::text::{fold_header, SharedText};
use crate::t;

pub use super::rows::{
    InvoiceStatus, Payment, PaymentKind, PayoutRow, ReceivableReport, ReceivableRow, RowOrigin,
    RowPlace, SalesLine,
};

/// Parts a large sheet is read in, at most (one thread each).
const MAX_PARTS: usize = 4;
/// Rows below which a part is not worth a thread.
const MIN_ROWS_PER_PART: usize = 8192;

/// Rows of a sheet that are not report rows, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SkippedRows {
    /// The title rows above the header, and the header row.
    pub title: u64,
    pub blank: u64,
    /// The header repeated further down (printed page headers).
    pub repeated_header: u64,
    /// Closing total rows, checked against the rows above them.
    pub total: u64,
}

impl SkippedRows {
    pub fn count(&self) -> u64 {
        self.title + self.blank + self.repeated_header + self.total
    }

    fn add(&mut self, other: &SkippedRows) {
        self.title += other.title;
        self.blank += other.blank;
        self.repeated_header += other.repeated_header;
        self.total += other.total;
    }
}

/// Reads the rows below a header, collecting a finding per unreadable cell.
pub struct SheetReader<'a> {
    pub file: &'a str,
    pub sheet: &'a RawSheet,
    pub header: &'a HeaderMatch,
    pub date_order: DateOrder,
    pub findings: &'a mut Vec<Finding>,
    /// Rows left out, by reason, once the sheet is read.
    pub skipped: SkippedRows,
    /// The file's name, customers, items and methods: one copy each.
    pub shared: SharedText,
    /// The file and sheet, once the first row is read.
    pub place: Option<Arc<RowPlace>>,
}

/// What a row of the sheet is.
enum RowClass {
    Title,
    Blank,
    RepeatedHeader,
    Total,
    Data,
}

/// A closing total row, and how many report rows came before it.
pub(super) struct TotalRow {
    number: u64,
    cells: Vec<Cell>,
    rows_before: usize,
}

impl<'a> SheetReader<'a> {
    pub(super) fn location(&self, row: u64, column: Option<&str>, document: &str) -> Location {
        Location {
            file: Some(self.file.to_string()),
            sheet: self.sheet.sheet.clone(),
            row: Some(row),
            column: column.map(|c| self.header.header(c)),
            document: (!document.is_empty()).then(|| document.to_string()),
        }
    }

    fn cell<'r>(&self, row: &'r [Cell], column: &str) -> &'r Cell {
        self.header
            .index(column)
            .and_then(|i| row.get(i))
            .unwrap_or(&Cell::Empty)
    }

    fn text(&self, row: &[Cell], column: &str) -> String {
        self.cell(row, column).to_text()
    }

    /// As [`SheetReader::text`], for text that repeats from row to row.
    pub(super) fn shared_text(&mut self, row: &[Cell], column: &str) -> Arc<str> {
        match self.cell(row, column) {
            Cell::Text(text) => self.shared.get(text.trim()),
            Cell::Empty => self.shared.get(""),
            other => {
                let text = other.to_text();
                self.shared.get(&text)
            }
        }
    }

    pub(super) fn origin(&mut self, row: u64) -> RowOrigin {
        if self.place.is_none() {
            let file = self.shared.get(self.file);
            let sheet = (self.sheet.sheet.as_deref()).map(|sheet| self.shared.get(sheet));
            self.place = Some(Arc::new(RowPlace::new(file, sheet)));
        }
        let place = self.place.clone().expect("made above");
        RowOrigin::new(place, row)
    }

    /// Reads a money cell; a blank optional cell is zero, a blank required one
    /// is an error.
    pub(super) fn money(
        &mut self,
        row: &[Cell],
        number: u64,
        column: &str,
        required: bool,
        document: &str,
    ) -> Decimal {
        let result = amount_from_cell(self.cell(row, column));
        match result {
            Ok(Some(value)) => value,
            Ok(None) if !required => Decimal::new(0, 2),
            Ok(None) => {
                let location = self.location(number, Some(column), document);
                self.findings.push(Finding::error(
                    "amount_missing",
                    t!("load-amount-missing"),
                    location,
                ));
                Decimal::ZERO
            }
            Err(error) => {
                self.amount_error(number, column, document, &error);
                Decimal::ZERO
            }
        }
    }

    /// A money cell that may be blank (`None`); unreadable is a finding.
    fn optional_amount(
        &mut self,
        row: &[Cell],
        number: u64,
        column: &str,
        document: &str,
    ) -> Option<Decimal> {
        match amount_from_cell(self.cell(row, column)) {
            Ok(amount) => amount,
            Err(error) => {
                self.amount_error(number, column, document, &error);
                None
            }
        }
    }

    /// A document number the row cannot do without (blank is a finding),
    /// held once for all the rows of its document.
    pub(super) fn identifier(
        &mut self,
        row: &[Cell],
        number: u64,
        column: &str,
        rule: &str,
        message: Text,
    ) -> Arc<str> {
        let value = self.shared_text(row, column);
        if value.is_empty() {
            let location = self.location(number, Some(column), "");
            self.findings.push(Finding::error(rule, message, location));
        }
        value
    }

    fn quantity(&mut self, row: &[Cell], number: u64, document: &str) -> Option<Decimal> {
        let cell = self.cell(row, "quantity");
        let parsed = match cell {
            Cell::Number(n) => Decimal::from_f64_retain(*n)
                .map(|d| d.round_dp(6).normalize())
                .ok_or_else(|| AmountError::TooLarge(n.to_string())),
            Cell::Text(t) if !t.trim().is_empty() => super::values::parse_quantity(t),
            _ => return None,
        };
        match parsed {
            Ok(q) => Some(q),
            Err(error) => {
                self.amount_error(number, "quantity", document, &error);
                None
            }
        }
    }

    fn amount_error(&mut self, number: u64, column: &str, document: &str, error: &AmountError) {
        let location = self.location(number, Some(column), document);
        self.findings
            .push(Finding::error("amount_unreadable", error.text(), location));
    }

    /// The date, and the cell's text when there is no date (for messages).
    pub(super) fn date(
        &mut self,
        row: &[Cell],
        number: u64,
        document: &str,
    ) -> (Option<NaiveDate>, String) {
        let cell = self.cell(row, "date");
        match date_from_cell(cell, self.date_order, self.sheet.is_1904) {
            Ok(Some(date)) => (Some(date), String::new()),
            Ok(None) => (None, cell.to_text()),
            Err(error) => {
                let location = self.location(number, Some("date"), document);
                self.findings.push(
                    Finding::error("date_unreadable", error.text(), location).fixed_in(error.fix()),
                );
                (None, cell.to_text())
            }
        }
    }

    fn classify(&self, index: usize, row: &[Cell]) -> RowClass {
        if index <= self.header.row_index {
            RowClass::Title
        } else if row.iter().all(Cell::is_blank) {
            RowClass::Blank
        } else if is_total_row(row) {
            RowClass::Total
        } else if self.is_header_again(row) {
            RowClass::RepeatedHeader
        } else {
            RowClass::Data
        }
    }

    /// True when every recognised column holds its header text again.
    fn is_header_again(&self, row: &[Cell]) -> bool {
        self.header
            .folded
            .iter()
            .all(|(index, folded)| match row.get(*index) {
                Some(Cell::Text(text)) => fold_header(text.trim()) == *folded,
                Some(cell) => fold_header(&cell.to_text()) == *folded,
                None => false,
            })
    }

    /// Every report row of the sheet read by `read`, in order, and the closing
    /// total rows; the other rows are counted in `skipped`. A large sheet is
    /// read in parts, one thread each: each part's rows, findings and counts
    /// follow the previous part's, as if read in one pass.
    pub(super) fn read_rows<T: Send>(
        &mut self,
        read: impl for<'r, 's> Fn(&'s mut SheetReader<'r>, u64, &[Cell]) -> T + Sync,
    ) -> (Vec<T>, Vec<TotalRow>) {
        let sheet: &'a RawSheet = self.sheet;
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let spans = sheet.spans(threads.min(MAX_PARTS), MIN_ROWS_PER_PART);
        let (file, header, date_order) = (self.file, self.header, self.date_order);
        // A part's rows, closing totals, findings and skipped rows.
        let read_part = |span: RowSpan| {
            let mut findings = Vec::new();
            let mut part = SheetReader {
                file,
                sheet,
                header,
                date_order,
                findings: &mut findings,
                skipped: SkippedRows::default(),
                shared: SharedText::default(),
                place: None,
            };
            let mut rows = Vec::new();
            let totals = part.read_span(span, |reader, number, row| {
                rows.push(read(reader, number, row));
            });
            let skipped = part.skipped;
            (rows, totals, findings, skipped)
        };
        let parts = match spans[..] {
            [span] => vec![read_part(span)],
            _ => std::thread::scope(|scope| {
                let read_part = &read_part;
                let part_threads: Vec<_> = (spans.iter())
                    .map(|&span| scope.spawn(move || read_part(span)))
                    .collect();
                (part_threads.into_iter())
                    .map(|part| part.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                    .collect()
            }),
        };
        // The first part's rows take the others' after them (one copy of those).
        let mut parts = parts.into_iter();
        let (mut all_rows, mut all_totals, findings, skipped) =
            parts.next().expect("a sheet has at least one span");
        self.findings.extend(findings);
        self.skipped.add(&skipped);
        for (rows, totals, findings, skipped) in parts {
            let before = all_rows.len();
            all_totals.extend(totals.into_iter().map(|total| TotalRow {
                rows_before: before + total.rows_before,
                ..total
            }));
            all_rows.extend(rows);
            self.findings.extend(findings);
            self.skipped.add(&skipped);
        }
        (all_rows, all_totals)
    }

    /// The rows of `span` with their displayed number: report rows are handed
    /// to `read`; the others are counted in `skipped`, and closing total rows
    /// kept to be checked (`rows_before` counts the span's rows only).
    fn read_span(
        &mut self,
        span: RowSpan,
        mut read: impl FnMut(&mut Self, u64, &[Cell]),
    ) -> Vec<TotalRow> {
        let sheet: &'a RawSheet = self.sheet;
        let first = sheet.first_row_number;
        let mut totals = Vec::new();
        let mut data_rows = 0usize;
        sheet.each_row_in(span, |index, row| {
            let number = first + index as u64;
            match self.classify(index, row) {
                RowClass::Title => self.skipped.title += 1,
                RowClass::Blank => self.skipped.blank += 1,
                RowClass::RepeatedHeader => self.skipped.repeated_header += 1,
                RowClass::Total => {
                    self.skipped.total += 1;
                    totals.push(TotalRow {
                        number,
                        cells: row.to_vec(),
                        rows_before: data_rows,
                    });
                }
                RowClass::Data => {
                    data_rows += 1;
                    read(self, number, row);
                }
            }
        });
        totals
    }

    /// Checks each closing total row against the rows above it (since the
    /// previous total row, or since the header): a difference means rows were
    /// hidden, filtered out or deleted before the export was saved.
    pub(super) fn check_totals(&mut self, totals: &[TotalRow], column: &str, values: &[Decimal]) {
        let mut previous = 0usize;
        for total in totals {
            let cell = self
                .header
                .index(column)
                .and_then(|i| total.cells.get(i))
                .unwrap_or(&Cell::Empty);
            let Ok(Some(stated)) = amount_from_cell(cell) else {
                previous = total.rows_before;
                continue;
            };
            let since_previous: Decimal = values[previous..total.rows_before].iter().sum();
            let since_start: Decimal = values[..total.rows_before].iter().sum();
            if stated != since_previous && stated != since_start {
                let location = self.location(total.number, Some(column), "");
                self.findings.push(
                    Finding::error(
                        "total_row_mismatch",
                        t!(
                            "load-total-row-mismatch",
                            stated = stated,
                            rows = total.rows_before,
                            sum = since_start
                        ),
                        location,
                    )
                    .fixed_in(Fix::DroppedFile),
                );
            }
            previous = total.rows_before;
        }
    }

    /// Reads the report rows below the header as sales lines.
    pub fn sales_lines(&mut self) -> Vec<SalesLine> {
        debug_assert_eq!(self.header.kind, ReportKind::Sales);
        let (lines, totals) = self.read_rows(|reader, number, row| reader.sales_line(number, row));
        for (column, get) in [
            (
                "amount",
                (|l: &SalesLine| l.amount) as fn(&SalesLine) -> Decimal,
            ),
            ("gst", |l| l.gst),
            ("qst", |l| l.qst),
            ("hst", |l| l.hst),
            ("total", |l| l.total),
        ] {
            if !totals.is_empty() {
                let values: Vec<Decimal> = lines.iter().map(get).collect();
                self.check_totals(&totals, column, &values);
            }
        }
        lines
    }

    fn sales_line(&mut self, number: u64, row: &[Cell]) -> SalesLine {
        let invoice = self.identifier(
            row,
            number,
            "invoice",
            "invoice_missing",
            t!("load-invoice-missing"),
        );
        let (date, date_text) = self.date(row, number, &invoice);
        let quantity = self.quantity(row, number, &invoice);
        let unit_price = self.optional_amount(row, number, "unit_price", &invoice);
        SalesLine {
            origin: self.origin(number),
            customer: self.shared_text(row, "customer"),
            item: self.shared_text(row, "item"),
            description: self.shared_text(row, "description"),
            quantity,
            unit_price,
            amount: self.money(row, number, "amount", true, &invoice),
            gst: self.money(row, number, "gst", false, &invoice),
            qst: self.money(row, number, "qst", false, &invoice),
            hst: self.money(row, number, "hst", false, &invoice),
            total: self.money(row, number, "total", true, &invoice),
            status: InvoiceStatus::from_text(&self.text(row, "status")),
            invoice,
            date,
            date_text,
        }
    }

    /// Reads the report rows below the header as payments.
    pub fn payments(&mut self) -> Vec<Payment> {
        debug_assert_eq!(self.header.kind, ReportKind::Payments);
        let (payments, totals) = self.read_rows(|reader, number, row| reader.payment(number, row));
        if !totals.is_empty() {
            let values: Vec<Decimal> = payments.iter().map(|p| p.amount).collect();
            self.check_totals(&totals, "amount", &values);
        }
        payments
    }

    fn payment(&mut self, number: u64, row: &[Cell]) -> Payment {
        let reference = self.text(row, "reference");
        let invoice = self.text(row, "invoice");
        let document = if reference.is_empty() {
            invoice.clone()
        } else {
            reference.clone()
        };
        let (date, date_text) = self.date(row, number, &document);
        let type_text = self.shared_text(row, "kind");
        let amount = self.money(row, number, "amount", true, &document);
        let kind = match kind_from_type(&type_text) {
            Some(kind) => kind,
            None => {
                let location = self.location(number, Some("kind"), &document);
                self.findings.push(Finding::error(
                    "payment_type_unknown",
                    t!("load-payment-type-unknown", value = &type_text),
                    location,
                ));
                PaymentKind::Payment
            }
        };
        // A refund is money back whether Plannit writes it positive with the
        // Refund type, or negative; a bounced payment too.
        let (kind, received) = match kind {
            PaymentKind::Voided => (kind, -amount.abs()),
            PaymentKind::DepositApplied => (kind, Decimal::new(0, 2)),
            _ if kind == PaymentKind::Refund || amount.is_sign_negative() && !amount.is_zero() => {
                (PaymentKind::Refund, -amount.abs())
            }
            _ => (kind, amount),
        };
        let tip = self.money(row, number, "tip", false, &document);
        Payment {
            origin: self.origin(number),
            date,
            date_text,
            reference,
            invoice,
            customer: self.shared_text(row, "customer"),
            kind,
            type_text,
            method: self.shared_text(row, "method"),
            amount,
            received,
            tip,
        }
    }

    /// Reads the report rows below the header as payout rows.
    pub fn payouts(&mut self) -> Vec<PayoutRow> {
        debug_assert_eq!(self.header.kind, ReportKind::Payouts);
        let (rows, _) = self.read_rows(|reader, number, row| reader.payout(number, row));
        rows
    }

    fn payout(&mut self, number: u64, row: &[Cell]) -> PayoutRow {
        let payout = self.identifier(
            row,
            number,
            "payout",
            "payout_missing",
            t!("load-payout-missing"),
        );
        let (date, date_text) = self.date(row, number, &payout);
        let net = self.optional_amount(row, number, "net", &payout);
        PayoutRow {
            origin: self.origin(number),
            date,
            date_text,
            payout_amount: self.money(row, number, "payout_amount", true, &payout),
            invoice: self.text(row, "invoice"),
            customer: self.shared_text(row, "customer"),
            gross: self.money(row, number, "gross", true, &payout),
            fee: self.money(row, number, "fee", true, &payout),
            net,
            payout,
        }
    }
}

fn kind_from_type(text: &str) -> Option<PaymentKind> {
    match fold_header(text).as_str() {
        "" | "paiement" | "payment" | "paiement recu" | "payment received" => {
            Some(PaymentKind::Payment)
        }
        "depot" | "deposit" | "acompte" | "depot client" | "customer deposit" => {
            Some(PaymentKind::Deposit)
        }
        "remboursement" | "refund" => Some(PaymentKind::Refund),
        "depot applique" | "acompte applique" | "deposit applied" | "applied deposit" => {
            Some(PaymentKind::DepositApplied)
        }
        "paiement annule"
        | "voided payment"
        | "payment voided"
        | "nsf"
        | "cheque sans provision"
        | "paiement sans provision"
        | "bounced payment"
        | "paiement refuse" => Some(PaymentKind::Voided),
        _ => None,
    }
}

/// A summary row at the bottom of a report ("Total", "Grand total", "Totaux")
/// repeats the sum of the rows above and must not be counted again.
fn is_total_row(row: &[Cell]) -> bool {
    let Some(Cell::Text(text)) = row.iter().find(|c| !c.is_blank()) else {
        // Numbers, dates and errors never read "Total".
        return false;
    };
    // Every word below starts with `t` or `g`: other rows are not folded.
    match text.chars().find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_ascii() && !matches!(c.to_ascii_lowercase(), 't' | 'g') => return false,
        None => return false,
        _ => {}
    }
    matches!(
        fold_header(text).as_str(),
        "total" | "totaux" | "grand total" | "total general" | "totals"
    )
}
