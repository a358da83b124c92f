//! The typed rows of Plannit's reports (sales lines, payments, payout rows,
//! open invoices),
//! each with where it was read, as the loader makes them and every later
//! stage reads them.

use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Where a row came from: its file and sheet, held once for all the rows read
/// there (a million rows would hold 24 bytes more each), and its row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowOrigin {
    place: Arc<RowPlace>,
    /// Row number as the spreadsheet shows it.
    pub row: u64,
}

/// The file and sheet (none for a CSV file) a sheet's rows were read from.
#[derive(Debug, PartialEq)]
pub struct RowPlace {
    file: Arc<str>,
    sheet: Option<Arc<str>>,
}

impl RowPlace {
    pub fn new(file: Arc<str>, sheet: Option<Arc<str>>) -> RowPlace {
        RowPlace { file, sheet }
    }
}

impl RowOrigin {
    pub fn new(place: Arc<RowPlace>, row: u64) -> RowOrigin {
        RowOrigin { place, row }
    }

    /// The file and sheet, shared by the rows read there.
    pub fn place(&self) -> &Arc<RowPlace> {
        &self.place
    }

    pub fn file(&self) -> &Arc<str> {
        &self.place.file
    }

    pub fn sheet(&self) -> &Option<Arc<str>> {
        &self.place.sheet
    }
}

/// One line of the detailed sales report.
#[derive(Debug, Clone, PartialEq)]
pub struct SalesLine {
    pub origin: RowOrigin,
    pub invoice: Arc<str>,
    /// `None` when Plannit shows `N/D` (no date) or the cell is blank.
    pub date: Option<NaiveDate>,
    /// The date cell as written, kept only when there is no date.
    pub date_text: String,
    pub customer: Arc<str>,
    pub item: Arc<str>,
    pub description: Arc<str>,
    pub quantity: Option<Decimal>,
    pub unit_price: Option<Decimal>,
    pub amount: Decimal,
    pub gst: Decimal,
    pub qst: Decimal,
    pub hst: Decimal,
    pub total: Decimal,
    /// Voided or draft in Plannit; an ordinary invoice otherwise (and
    /// without the status column).
    pub status: InvoiceStatus,
}

/// An invoice's status in Plannit, as far as posting goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InvoiceStatus {
    /// Sent, paid, overdue, partly paid…: posted as usual.
    #[default]
    Ordinary,
    /// Voided in Plannit: never posted; reversed (or written off) if it was.
    Voided,
    /// A draft: never posted.
    Draft,
}

impl InvoiceStatus {
    /// `Annulée`, `Void`…; `Brouillon`, `Draft`; anything else is ordinary.
    pub fn from_text(text: &str) -> InvoiceStatus {
        match crate::load::text::fold_header(text).as_str() {
            "annulee" | "annule" | "void" | "voided" | "annulation" | "cancelled" | "canceled" => {
                InvoiceStatus::Voided
            }
            "brouillon" | "draft" => InvoiceStatus::Draft,
            _ => InvoiceStatus::Ordinary,
        }
    }
}

/// What a row of the payments report is (its `kind` column, snake_case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::AsRefStr)]
#[strum(serialize_all = "snake_case")]
pub enum PaymentKind {
    Payment,
    Deposit,
    Refund,
    /// A customer deposit applied to an invoice: no money moves.
    DepositApplied,
    /// A bounced (NSF) or voided payment: the money goes back out.
    Voided,
}

/// One row of the payments report.
#[derive(Debug, Clone, PartialEq)]
pub struct Payment {
    pub origin: RowOrigin,
    pub date: Option<NaiveDate>,
    pub date_text: String,
    pub reference: String,
    pub invoice: String,
    pub customer: Arc<str>,
    /// Refund when the type says so or the amount is negative.
    pub kind: PaymentKind,
    pub type_text: Arc<str>,
    pub method: Arc<str>,
    /// The amount as written in the file.
    pub amount: Decimal,
    /// Money received: positive for payments and deposits, negative for
    /// refunds and bounced payments, zero for an applied deposit.
    pub received: Decimal,
    /// The tip included in `amount` (Plannit Pay), zero when none.
    pub tip: Decimal,
}

/// One row of the Plannit Pay payouts report: a payment included in a payout.
#[derive(Debug, Clone, PartialEq)]
pub struct PayoutRow {
    pub origin: RowOrigin,
    pub date: Option<NaiveDate>,
    pub date_text: String,
    pub payout: Arc<str>,
    /// The payout's total, repeated on each of its rows.
    pub payout_amount: Decimal,
    pub invoice: String,
    pub customer: Arc<str>,
    pub gross: Decimal,
    pub fee: Decimal,
    /// As written, when the report has the column.
    pub net: Option<Decimal>,
}

/// One row of Plannit's accounts-receivable report: an invoice open at the
/// report's date, with what is still owed on it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReceivableRow {
    pub origin: RowOrigin,
    pub customer: Arc<str>,
    pub invoice: Arc<str>,
    pub date: Option<NaiveDate>,
    pub balance: Decimal,
}

/// An accounts-receivable report: its rows, and the date its title gives.
#[derive(Debug, Clone, PartialEq)]
pub struct ReceivableReport {
    pub file: String,
    pub sheet: Option<String>,
    /// "Comptes clients au 31 octobre 2026": the date the balances are at.
    pub as_of: Option<NaiveDate>,
    pub rows: Vec<ReceivableRow>,
}

impl SalesLine {
    /// The history's key of the line's invoice: `invoice:P-1042`.
    pub fn document_key(&self) -> String {
        format!("invoice:{}", self.invoice)
    }
}

impl Payment {
    /// The history's key of a payment, deposit or refund: its kind and
    /// number, or for a row without a number, what identifies it (date,
    /// invoice, customer, amount).
    pub fn document_key(&self) -> String {
        if self.reference.is_empty() {
            let date = self.date.map(|d| d.to_string()).unwrap_or_default();
            format!(
                "{}:{date}|{}|{}|{}",
                self.kind.as_ref(),
                self.invoice,
                self.customer,
                self.received
            )
        } else {
            format!("{}:{}", self.kind.as_ref(), self.reference)
        }
    }
}

impl PayoutRow {
    /// The history's key of the row's Plannit Pay payout: `payout:PO-123`.
    pub fn document_key(&self) -> String {
        format!("payout:{}", self.payout)
    }
}
