//! Every piece of text the reconciliation workbook shows, from the message
//! catalogue (`locales/<lang>/workbook.ftl`, ids `wb-…`), in the run's language.
//!
//! A table's columns are listed once, by key (the layout addresses columns by
//! key); each header is the catalogue message `wb-<table>-header-<key>`.

use crate::diagnostics::{Fix, Severity};
use crate::i18n::{format_message, Arg, Lang};
use crate::report::figures::Role;

/// A table's columns: (key the layout addresses it by, header as shown).
pub type Columns = Vec<(&'static str, String)>;

pub const JOURNAL_COLUMNS: &[&str] = &[
    "entry",
    "date",
    "source",
    "comment",
    "account",
    "debit",
    "credit",
    "source_rows",
    "queries",
];
pub const INVOICE_COLUMNS: &[&str] = &[
    "invoice",
    "date",
    "customer",
    "amount",
    "gst",
    "qst",
    "hst",
    "total",
    "gst_expected",
    "qst_expected",
    "gst_gap",
    "qst_gap",
    "paid",
    "balance",
    "lines",
];
pub const PAYMENT_COLUMNS: &[&str] = &[
    "date",
    "reference",
    "kind",
    "method",
    "account",
    "invoice",
    "customer",
    "received",
    "receivable",
    "file",
    "row",
];
pub const EXCEPTION_COLUMNS: &[&str] = &[
    "severity", "rule", "message", "fix", "file", "sheet", "row", "column", "document", "values",
];
pub const PRODUCT_COLUMNS: &[&str] = &["item", "account", "mapping", "quantity", "amount", "lines"];
pub const ALREADY_COLUMNS: &[&str] = &["document", "type", "date", "status", "batch", "detail"];
pub const ROWS_COLUMNS: &[&str] = &[
    "file",
    "sheet",
    "report",
    "read",
    "posted",
    "already_exported",
    "duplicates",
    "skipped",
    "voided",
    "control",
    "refused",
    "unaccounted",
];
pub const OPEN_ITEM_COLUMNS: &[&str] = &[
    "customer", "invoice", "date", "days", "bucket_0", "bucket_1", "bucket_2", "bucket_3",
    "balance",
];
pub const BAD_DEBT_COLUMNS: &[&str] = &[
    "invoice",
    "customer",
    "date",
    "total",
    "unpaid",
    "gst",
    "qst",
    "hst",
    "gst_recovered",
    "qst_recovered",
    "hst_recovered",
    "written_off",
];
pub const MERGED_COLUMNS: &[&str] = &[
    "file", "sheet", "row", "document", "of_file", "of_sheet", "of_row",
];
/// The summary's input files, accounts and controls, and the Plannit Pay
/// sheet's waiting payments (laid out by position).
pub const FILE_COLUMNS: &[&str] = &["file", "report", "sheet", "rows", "status", "sha256"];
pub const ACCOUNT_COLUMNS: &[&str] = &["account", "role", "debits", "credits", "net"];
pub const CONTROL_COLUMNS: &[&str] = &["control", "side_a", "side_b", "difference"];
pub const PP_WAITING_COLUMNS: &[&str] = &["date", "invoice", "customer", "amount", "days"];

/// The workbook's text in one language, read from the catalogue once per workbook.
pub struct Labels {
    pub lang: Lang,

    // Sheets.
    pub summary: String,
    pub journal: String,
    pub invoices: String,
    pub payments: String,
    pub exceptions: String,
    pub by_product: String,
    pub already_exported: String,
    pub rows_read: String,
    pub merged_rows: String,
    pub plannit_pay: String,
    pub continued: String,
    pub total: String,
    /// Excel number format for money.
    pub money_format: String,

    // Summary.
    pub title: String,
    pub status: String,
    pub importable: String,
    pub not_importable: String,
    pub company: String,
    pub period: String,
    pub sage_file: String,
    pub no_sage_file: String,
    pub granularity: String,
    pub config_file: String,
    pub chart: String,
    pub chart_none: String,
    pub queries: String,
    pub version: String,
    pub run_at: String,
    pub workbook_note: String,
    pub settings: String,
    pub input_files: String,
    pub file_headers: Columns,
    pub file_used: String,
    pub file_failed: String,
    pub report_sales: String,
    pub report_payments: String,
    pub report_payouts: String,
    pub report_receivable: String,
    pub open_items: String,
    pub open_item_headers: Columns,
    pub bad_debts: String,
    pub bad_debt_headers: Columns,
    pub accounts: String,
    pub account_headers: Columns,
    pub role_other: String,
    pub controls: String,
    pub control_headers: Columns,
    pub control_invoices: String,
    pub control_bank: String,
    pub control_receivable: String,
    pub control_balance: String,

    // Detail sheets.
    pub journal_headers: Columns,
    pub invoice_headers: Columns,
    pub payment_headers: Columns,
    pub kind_payment: String,
    pub kind_deposit: String,
    pub kind_refund: String,
    pub kind_deposit_applied: String,
    pub kind_voided: String,
    pub exception_headers: Columns,
    pub product_headers: Columns,
    pub mapped: String,
    pub defaulted: String,
    pub unmapped: String,
    pub already_headers: Columns,
    pub skipped: String,
    pub changed: String,
    pub adjusted: String,
    pub disappeared: String,
    pub voided_reversed: String,
    pub voided_written_off: String,
    pub voided_unrecognised: String,
    pub rows_headers: Columns,
    pub merged_headers: Columns,

    // Plannit Pay.
    pub pp_opening: String,
    pub pp_received: String,
    pub pp_paid_out: String,
    pub pp_closing: String,
    pub pp_journal_net: String,
    pub pp_control: String,
    pub pp_waiting: String,
    pub pp_waiting_headers: Columns,
}

/// A catalogue message without arguments.
pub(super) fn message(lang: Lang, id: &str) -> String {
    with_args(lang, id, &[])
}

pub(super) fn with_args(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> String {
    debug_assert!(
        crate::i18n::has_message(id),
        "the catalogue has no message {id}"
    );
    format_message(lang, id, args)
}

/// `wb-journal-header-source-rows` for the key `source_rows` of `journal`.
fn columns(lang: Lang, table: &str, keys: &[&'static str]) -> Columns {
    keys.iter()
        .map(|key| {
            let id = format!("wb-{table}-header-{}", key.replace('_', "-"));
            (*key, message(lang, &id))
        })
        .collect()
}

impl Labels {
    pub fn new(lang: Lang) -> Labels {
        let m = |id: &str| message(lang, id);
        Labels {
            lang,
            summary: m("wb-summary"),
            journal: m("wb-journal"),
            invoices: m("wb-invoices"),
            payments: m("wb-payments"),
            exceptions: m("wb-exceptions"),
            by_product: m("wb-by-product"),
            already_exported: m("wb-already-exported"),
            rows_read: m("wb-rows-read"),
            merged_rows: m("wb-merged-rows"),
            plannit_pay: m("wb-plannit-pay"),
            continued: m("wb-continued"),
            total: m("wb-total"),
            money_format: m("wb-money-format"),

            title: m("wb-title"),
            status: m("wb-status"),
            importable: m("wb-importable"),
            not_importable: m("wb-not-importable"),
            company: m("wb-company"),
            period: m("wb-period"),
            sage_file: m("wb-sage-file"),
            no_sage_file: m("wb-no-sage-file"),
            granularity: m("wb-granularity"),
            config_file: m("wb-config-file"),
            chart: m("wb-chart"),
            chart_none: m("wb-chart-none"),
            queries: m("wb-queries"),
            version: m("wb-version"),
            run_at: m("wb-run-at"),
            workbook_note: m("wb-workbook-note"),
            settings: m("wb-settings"),
            input_files: m("wb-input-files"),
            file_headers: columns(lang, "file", FILE_COLUMNS),
            file_used: m("wb-file-used"),
            file_failed: m("wb-file-failed"),
            report_sales: m("wb-report-sales"),
            report_payments: m("wb-report-payments"),
            report_payouts: m("wb-report-payouts"),
            report_receivable: m("wb-report-receivable"),
            open_items: m("wb-open-items"),
            open_item_headers: columns(lang, "open", OPEN_ITEM_COLUMNS),
            bad_debts: m("wb-bad-debts"),
            bad_debt_headers: columns(lang, "bad-debt", BAD_DEBT_COLUMNS),
            accounts: m("wb-accounts"),
            account_headers: columns(lang, "account", ACCOUNT_COLUMNS),
            role_other: m("wb-role-other"),
            controls: m("wb-controls"),
            control_headers: columns(lang, "control", CONTROL_COLUMNS),
            control_invoices: m("wb-control-invoices"),
            control_bank: m("wb-control-bank"),
            control_receivable: m("wb-control-receivable"),
            control_balance: m("wb-control-balance"),

            journal_headers: columns(lang, "journal", JOURNAL_COLUMNS),
            invoice_headers: columns(lang, "invoice", INVOICE_COLUMNS),
            payment_headers: columns(lang, "payment", PAYMENT_COLUMNS),
            kind_payment: m("wb-kind-payment"),
            kind_deposit: m("wb-kind-deposit"),
            kind_refund: m("wb-kind-refund"),
            kind_deposit_applied: m("wb-kind-deposit-applied"),
            kind_voided: m("wb-kind-voided"),
            exception_headers: columns(lang, "exception", EXCEPTION_COLUMNS),
            product_headers: columns(lang, "product", PRODUCT_COLUMNS),
            mapped: m("wb-mapped"),
            defaulted: m("wb-defaulted"),
            unmapped: m("wb-unmapped"),
            already_headers: columns(lang, "already", ALREADY_COLUMNS),
            skipped: m("wb-already-skipped"),
            changed: m("wb-already-changed"),
            adjusted: m("wb-already-adjusted"),
            disappeared: m("wb-already-disappeared"),
            voided_reversed: m("wb-already-voided-reversed"),
            voided_written_off: m("wb-already-voided-written-off"),
            voided_unrecognised: m("wb-already-voided-unrecognised"),
            rows_headers: columns(lang, "rows", ROWS_COLUMNS),
            merged_headers: columns(lang, "merged", MERGED_COLUMNS),

            pp_opening: m("wb-pp-opening"),
            pp_received: m("wb-pp-received"),
            pp_paid_out: m("wb-pp-paid-out"),
            pp_closing: m("wb-pp-closing"),
            pp_journal_net: m("wb-pp-journal-net"),
            pp_control: m("wb-pp-control"),
            pp_waiting: m("wb-pp-waiting"),
            pp_waiting_headers: columns(lang, "pp-waiting", PP_WAITING_COLUMNS),
        }
    }

    /// `0 erreur(s), 2 avertissement(s)`.
    pub fn errors_warnings(&self, errors: usize, warnings: usize) -> String {
        with_args(
            self.lang,
            "wb-errors-warnings",
            &[("errors", errors.into()), ("warnings", warnings.into())],
        )
    }

    /// The chart of accounts checked: its size and the batch's accounts missing from it.
    pub fn chart_checked(&self, file: &str, accounts: usize, missing: usize) -> String {
        with_args(
            self.lang,
            "wb-chart-checked",
            &[
                ("file", file.into()),
                ("accounts", accounts.into()),
                ("missing", missing.into()),
            ],
        )
    }

    /// An input file left out, and why.
    pub fn file_ignored(&self, reason: &str) -> String {
        with_args(self.lang, "wb-file-ignored", &[("reason", reason.into())])
    }

    /// An input file not read because another one of the drop is the same.
    pub fn file_identical(&self, of: &str) -> String {
        with_args(self.lang, "wb-file-identical", &[("of", of.into())])
    }

    /// `Revenus: Tonte de pelouse, Taille de haie`.
    pub fn role_revenue(&self, items: &str) -> String {
        with_args(self.lang, "wb-role-revenue", &[("items", items.into())])
    }

    /// The name of a configured role (`Banque`, `TPS à payer` …); a revenue
    /// item or a payment method takes its argument through its own method.
    pub fn role(&self, role: &Role) -> Option<String> {
        let id = match role {
            Role::Bank => "wb-role-bank",
            Role::Receivable => "wb-role-receivable",
            Role::Gst => "wb-role-gst",
            Role::Qst => "wb-role-qst",
            Role::Hst => "wb-role-hst",
            Role::DefaultRevenue => "wb-role-default-revenue",
            Role::PlannitPayClearing => "wb-role-plannit-pay-clearing",
            Role::PayoutBank => "wb-role-payout-bank",
            Role::ProcessingFees => "wb-role-processing-fees",
            Role::Tips => "wb-role-tips",
            Role::CustomerDeposits => "wb-role-customer-deposits",
            Role::BadDebts => "wb-role-bad-debts",
            Role::GstAdjustments => "wb-role-gst-adjustments",
            Role::QstAdjustments => "wb-role-qst-adjustments",
            Role::HstAdjustments => "wb-role-hst-adjustments",
            Role::Method(method) => return Some(self.role_method(method)),
            Role::Revenue(_) => return None,
        };
        Some(message(self.lang, id))
    }

    /// `Mode de paiement: Plannit Pay`.
    pub fn role_method(&self, method: &str) -> String {
        with_args(self.lang, "wb-role-method", &[("method", method.into())])
    }

    /// `P-1042 (Δ Lot 2026-10-07-1)`: the difference posted for a changed document.
    pub fn adjustment(&self, number: &str, batch: &str) -> String {
        with_args(
            self.lang,
            "wb-adjustment",
            &[("number", number.into()), ("batch", batch.into())],
        )
    }

    /// The Plannit Pay sheet's title, with the clearing account.
    pub fn pp_title(&self, account: &str) -> String {
        with_args(self.lang, "wb-pp-title", &[("account", account.into())])
    }

    /// `erreur` / `avertissement`.
    pub fn severity(&self, severity: Severity) -> String {
        message(
            self.lang,
            match severity {
                Severity::Error => "severity-error",
                Severity::Warning => "severity-warning",
            },
        )
    }

    /// Where the accountant fixes a finding.
    pub fn fix(&self, fix: &Fix) -> String {
        fix.describe().render(self.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_in_the_catalogue() {
        // Building the labels looks up every message (a missing one fails the
        // debug assertion); the parametrised ones are rendered here.
        for lang in Lang::ALL {
            let l = Labels::new(lang);
            for text in [
                l.errors_warnings(0, 2),
                l.chart_checked("plan.csv", 8, 0),
                l.chart_checked("plan.csv", 8, 1),
                l.file_ignored("x"),
                l.file_identical("x"),
                l.role_revenue("x"),
                l.role_method("x"),
                l.adjustment("P-1", "2026-10-07-1"),
                l.pp_title("1030"),
                l.severity(Severity::Error),
                l.severity(Severity::Warning),
                l.fix(&Fix::Plannit),
            ] {
                assert!(!text.starts_with("wb-"), "{text}");
            }
        }
    }

    #[test]
    fn headers_and_parameters_in_both_languages() {
        let (fr, en) = (Labels::new(Lang::Fr), Labels::new(Lang::En));
        assert_eq!(
            fr.journal_headers[7],
            ("source_rows", "Lignes sources".into())
        );
        assert_eq!(en.exception_headers[3], ("fix", "Where to fix".into()));
        assert_eq!(fr.exception_headers[3], ("fix", "Où corriger".into()));
        assert_eq!(fr.money_format, "#,##0.00 \"$\"");
        assert_eq!(en.money_format, "$#,##0.00");
        assert_eq!(
            fr.chart_checked("plan.csv", 8, 0),
            "plan.csv : 8 comptes ; tous les comptes du lot y sont"
        );
        assert_eq!(
            en.chart_checked("plan.csv", 8, 2),
            "plan.csv: 8 accounts; 2 accounts of the batch missing or not usable: see Exceptions"
        );
        assert_eq!(
            fr.adjustment("P-1042", "2026-10-07-1"),
            "P-1042 (Δ Lot 2026-10-07-1)"
        );
        assert_eq!(fr.severity(Severity::Warning), "avertissement");
        assert_eq!(en.severity(Severity::Error), "error");
    }
}
