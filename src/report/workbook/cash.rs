//! What the cash basis changes in the workbook's existing sheets: a column
//! of the invoices posted when issued (Factures), one of the amounts
//! recognised as revenue and taxes (Paiements), the summary's controls that
//! read them, and the basis among the batch's settings. Its own sheets are
//! `unpaid`'s. Under the accrual basis nothing here is written.

use rust_decimal::Decimal;

use super::labels::{Columns, Labels};
use super::table::WrittenTable;
use crate::i18n::{format_message, Arg, Lang};

/// The tables of the cash basis's own sheets, which the summary's controls read.
pub(super) struct CashTables {
    pub shares: WrittenTable,
}

/// A control of the summary: label, side A (formula, value), side B.
pub(super) type Control = (String, String, Decimal, String, Decimal);

/// The cash basis's text, in the run's language.
pub(super) struct CashLabels {
    pub lang: Lang,
    pub unpaid: String,
    pub shares: String,
    pub unpaid_headers: Columns,
    pub shares_headers: Columns,
    pub role_revenue: String,
    pub role_tax: String,
    pub issued_posted: (&'static str, String),
    pub recognised: (&'static str, String),
    pub control_invoices: String,
    pub control_receivable: String,
    pub control_shares: String,
    pub basis: String,
}

pub(super) const UNPAID_COLUMNS: &[&str] = &[
    "invoice",
    "date",
    "customer",
    "total",
    "paid",
    "recognised",
    "remaining",
    "days",
];

pub(super) const SHARES_COLUMNS: &[&str] = &[
    "date",
    "document",
    "kind",
    "invoice",
    "total",
    "paid",
    "account",
    "role",
    "line",
    "rounded",
    "adjustment",
    "share",
    "rule",
];

fn columns(lang: Lang, table: &str, keys: &[&'static str]) -> Columns {
    (keys.iter())
        .map(|key| {
            let id = format!("wb-cash-{table}-header-{}", key.replace('_', "-"));
            (*key, format_message(lang, &id, &[]))
        })
        .collect()
}

impl CashLabels {
    pub fn new(lang: Lang) -> CashLabels {
        let m = |id: &str| format_message(lang, id, &[]);
        CashLabels {
            lang,
            unpaid: m("wb-cash-unpaid"),
            shares: m("wb-cash-shares"),
            unpaid_headers: columns(lang, "unpaid", UNPAID_COLUMNS),
            shares_headers: columns(lang, "shares", SHARES_COLUMNS),
            role_revenue: m("wb-cash-role-revenue"),
            role_tax: m("wb-cash-role-tax"),
            issued_posted: ("issued_posted", m("wb-invoice-header-issued-posted")),
            recognised: ("recognised", m("wb-payment-header-recognised")),
            control_invoices: m("wb-cash-control-invoices"),
            control_receivable: m("wb-cash-control-receivable"),
            control_shares: m("wb-cash-control-shares"),
            basis: m("wb-cash-basis"),
        }
    }

    /// A rule's name, with the payment it reverses or the batch it adjusts.
    pub fn rule(&self, rule: &crate::journal::cash::ShareRule) -> String {
        use crate::journal::cash::ShareRule;
        let (id, args): (&str, Vec<(&'static str, Arg)>) = match rule {
            ShareRule::Proportional => ("wb-cash-rule-proportional", Vec::new()),
            ShareRule::Settles => ("wb-cash-rule-settles", Vec::new()),
            ShareRule::Clears => ("wb-cash-rule-clears", Vec::new()),
            ShareRule::Reverses(number) => (
                "wb-cash-rule-reverses",
                vec![("number", Arg::from(number.as_str()))],
            ),
            ShareRule::Adjusts(batch) => (
                "wb-cash-rule-adjusts",
                vec![("batch", Arg::from(batch.as_str()))],
            ),
        };
        format_message(self.lang, id, &args)
    }

    /// The basis in force, as the terminal says it.
    pub fn basis_text(&self, bases: &crate::config::Bases) -> String {
        let from = bases.from.map_or("none".to_string(), |d| d.to_string());
        let args = [
            ("basis", Arg::from(bases.basis.as_ref())),
            ("from", Arg::from(from)),
        ];
        format_message(self.lang, "cash-banner", &args)
    }
}

/// The invoices' and payments' columns and totals, each with its cash
/// basis column when the run has one.
pub(super) struct DetailColumns {
    pub invoice_headers: Columns,
    pub invoice_totals: Vec<&'static str>,
    pub payment_headers: Columns,
    pub payment_totals: Vec<&'static str>,
    /// Whether the invoices and the payments have their cash basis column.
    pub issued: bool,
    pub recognised: bool,
}

impl DetailColumns {
    pub fn new(
        l: &Labels,
        invoice_totals: &[&'static str],
        cash: Option<&CashLabels>,
    ) -> DetailColumns {
        let issued = cash.map(|c| &c.issued_posted);
        let recognised = cash.map(|c| &c.recognised);
        DetailColumns {
            invoice_headers: with_column(&l.invoice_headers, issued),
            invoice_totals: with_total(invoice_totals, issued),
            payment_headers: with_column(&l.payment_headers, recognised),
            payment_totals: with_total(&["received", "receivable"], recognised),
            issued: cash.is_some(),
            recognised: cash.is_some(),
        }
    }
}

/// The table's columns, with `extra` after them under the cash basis.
fn with_column(columns: &Columns, extra: Option<&(&'static str, String)>) -> Columns {
    let mut columns = columns.clone();
    columns.extend(extra.cloned());
    columns
}

/// The totalled columns, with `extra` after them under the cash basis.
fn with_total(
    totals: &[&'static str],
    extra: Option<&(&'static str, String)>,
) -> Vec<&'static str> {
    let mut totals = totals.to_vec();
    totals.extend(extra.map(|(key, _)| *key));
    totals
}

/// The summary's controls under the cash basis: invoices posted when issued
/// and amounts recognised when paid against revenue and taxes, the
/// receivable against invoices posted when issued, and the shares sheet
/// against the amounts recognised. `revenue_tax` and `receivable` are the
/// account table's cells (formula, net) of those accounts.
pub(super) fn controls(
    labels: &CashLabels,
    invoices: &WrittenTable,
    payments: &WrittenTable,
    cash: &CashTables,
    revenue_tax: (String, Decimal),
    receivable: (String, Decimal),
) -> [Control; 3] {
    let issued = (
        invoices.sum("issued_posted"),
        invoices.total("issued_posted"),
    );
    let recognised = (payments.sum("recognised"), payments.total("recognised"));
    let applied = (payments.sum("receivable"), payments.total("receivable"));
    let shares = (cash.shares.sum("share"), cash.shares.total("share"));
    [
        (
            labels.control_invoices.clone(),
            format!("{}+{}", issued.0, recognised.0),
            issued.1 + recognised.1,
            format!("-({})", revenue_tax.0),
            -revenue_tax.1,
        ),
        (
            labels.control_receivable.clone(),
            receivable.0,
            receivable.1,
            format!("{}-{}", issued.0, applied.0),
            issued.1 - applied.1,
        ),
        (
            labels.control_shares.clone(),
            shares.0,
            shares.1,
            recognised.0,
            recognised.1,
        ),
    ]
}

/// The workbook's labels for the cash basis, when the run follows it.
pub(super) fn labels_for(report: &crate::report::RunReport, l: &Labels) -> Option<CashLabels> {
    report.cash.as_ref().map(|_| CashLabels::new(l.lang))
}
