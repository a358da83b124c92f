//! The detail sheets, one table each: the journal exactly as in the Sage file,
//! invoices with their expected tax and balance, payments with the account
//! they posted to, exceptions, sales by product, and documents already
//! exported. Rows are laid out from the report; nothing is decided here.

use std::path::Path;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::cash::{self, CashLabels, CashTables};
use super::labels::Labels;
use super::receivable::{bad_debt_row, open_item_rows, BAD_DEBT_TOTALS, OPEN_ITEM_TOTALS};
use super::table::{write_table, FilledTable, Formats, SheetMaker, TableSpec, Value, WrittenTable};
use crate::diagnostics::{Fix, Severity};
use crate::load::columns::ReportKind;
use crate::load::reports::PaymentKind;
use crate::query::views::ItemMapping;
use crate::report::figures::{AlreadyStatus, InvoiceFigures, ReceivableFigures};
use crate::report::RunReport;

/// The tables the summary's formulas refer to.
pub(super) struct DetailTables {
    pub journal: WrittenTable,
    pub invoices: WrittenTable,
    pub payments: WrittenTable,
    /// The receivable's open items, when the run has a ledger.
    pub open_items: Option<WrittenTable>,
    /// Under the cash basis: its labels, and its own sheets once written.
    pub cash_labels: Option<CashLabels>,
    pub cash: Option<CashTables>,
}

/// What every table of the workbook is written with.
struct Tables<'a, 'w> {
    maker: &'a SheetMaker<'w>,
    formats: &'a Formats,
    l: &'a Labels,
    max_data_rows: usize,
}

impl Tables<'_, '_> {
    /// Writes a table: its sheet's name, its columns, the columns totalled
    /// (and of those, the counts), and its rows.
    fn write(
        &self,
        sheet: &str,
        columns: &[(&'static str, String)],
        totals: (&[&'static str], &[&'static str]),
        rows: impl IntoIterator<Item = Vec<Value>>,
    ) -> Result<FilledTable, XlsxError> {
        let spec = TableSpec {
            sheet,
            columns,
            total_columns: totals.0,
            count_columns: totals.1,
            total_label: &self.l.total,
            continued_label: &self.l.continued,
            max_data_rows: self.max_data_rows,
        };
        write_table(self.maker, self.formats, &spec, rows)
    }
}

const INVOICE_TOTALS: &[&str] = &[
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

const ROW_COUNTS: &[&str] = &[
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

/// Writes the detail sheets, each table's sheets added in order.
pub(super) fn write_detail_sheets(
    workbook: &mut Workbook,
    report: &RunReport,
    l: &Labels,
    formats: &Formats,
    max_data_rows: usize,
) -> Result<DetailTables, XlsxError> {
    let figures = &report.reconciliation;
    let cash_labels = cash::labels_for(report, l);
    // Under the cash basis, one more column on the invoices and the payments.
    let columns = cash::DetailColumns::new(l, INVOICE_TOTALS, cash_labels.as_ref());
    let (issued, recognised) = (columns.issued, columns.recognised);
    let maker = SheetMaker::new(workbook, formats)?;
    let tables = Tables {
        maker: &maker,
        formats,
        l,
        max_data_rows,
    };
    let filled = std::thread::scope(|scope| -> Result<_, XlsxError> {
        let journal = tables.write(
            &l.journal,
            &l.journal_headers,
            (&["debit", "credit", "source_rows"], &["source_rows"]),
            journal_rows(report),
        )?;
        // The invoices, usually the largest table, are written on another core
        // meanwhile, in the run's language (see `Labels`).
        let invoices = scope.spawn(|| {
            crate::i18n::set_lang(l.lang);
            let rows = (figures.invoices.iter()).map(|i| invoice_row(i, l, issued));
            tables.write(
                &l.invoices,
                &columns.invoice_headers,
                (&columns.invoice_totals, &["lines"]),
                rows,
            )
        });
        let payments = tables.write(
            &l.payments,
            &columns.payment_headers,
            (&columns.payment_totals, &[]),
            payment_rows(report, l, recognised),
        )?;
        let exceptions = tables.write(
            &l.exceptions,
            &l.exception_headers,
            (&[], &[]),
            exception_rows(report, l),
        )?;
        let products = tables.write(
            &l.by_product,
            &l.product_headers,
            (&["quantity", "amount", "lines"], &["quantity", "lines"]),
            product_rows(report, l),
        )?;
        let already = tables.write(
            &l.already_exported,
            &l.already_headers,
            (&[], &[]),
            already_rows(report, l),
        )?;
        // Every row of every file in exactly one bucket; the difference
        // column is a live formula that must stay at zero.
        let rows_read = tables.write(
            &l.rows_read,
            &l.rows_headers,
            (ROW_COUNTS, ROW_COUNTS),
            rows_read_rows(report, l),
        )?;
        let merged = tables.write(
            &l.merged_rows,
            &l.merged_headers,
            (&[], &[]),
            merged_rows(report),
        )?;
        let open_items = open_items_table(&tables, figures.receivable.as_ref())?;
        let bad_debts = bad_debts_table(&tables, &report.voided)?;
        let invoices = invoices
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        let mut filled = vec![
            journal, invoices, payments, exceptions, products, already, rows_read, merged,
        ];
        filled.extend(open_items);
        filled.extend(bad_debts);
        Ok(filled)
    })?;
    let written = maker.add_in_order(filled);
    Ok(detail_tables(written, report, cash_labels))
}

/// The tables the summary refers to, among those written in order.
fn detail_tables(
    mut written: Vec<WrittenTable>,
    report: &RunReport,
    cash_labels: Option<CashLabels>,
) -> DetailTables {
    // The open items and the bad debts come last, when there are any.
    if report.voided.iter().any(|v| v.bad_debt.is_some()) {
        written.pop();
    }
    let open_items = (report.reconciliation.receivable.as_ref()).and_then(|_| written.pop());
    let mut written = written.into_iter();
    let mut next = || written.next().expect("a table for each written");
    DetailTables {
        journal: next(),
        invoices: next(),
        payments: next(),
        open_items,
        cash_labels,
        cash: None,
    }
}

/// The receivable's open items, when the run has a ledger.
fn open_items_table(
    tables: &Tables,
    receivable: Option<&ReceivableFigures>,
) -> Result<Option<FilledTable>, XlsxError> {
    let Some(receivable) = receivable else {
        return Ok(None);
    };
    let l = tables.l;
    let rows = open_item_rows(receivable);
    let totals = (OPEN_ITEM_TOTALS, &[][..]);
    (tables.write(&l.open_items, &l.open_item_headers, totals, rows)).map(Some)
}

/// The bad debts written off, when there are any: each invoice's total,
/// unpaid part and taxes, the taxes recovered as formulas (tax × unpaid /
/// total, rounded as Revenu Québec rounds) and the expense.
fn bad_debts_table(
    tables: &Tables,
    voided: &[crate::journal::voided::VoidedInvoice],
) -> Result<Option<FilledTable>, XlsxError> {
    let rows: Vec<Vec<Value>> = (voided.iter())
        .filter_map(|v| Some(bad_debt_row(v, v.bad_debt.as_ref()?)))
        .collect();
    if rows.is_empty() {
        return Ok(None);
    }
    let l = tables.l;
    let totals = (BAD_DEBT_TOTALS, &[][..]);
    (tables.write(&l.bad_debts, &l.bad_debt_headers, totals, rows)).map(Some)
}

/// The Journal: exactly the entries of the Sage file, a line a row.
fn journal_rows(report: &RunReport) -> impl Iterator<Item = Vec<Value>> + '_ {
    (report.entries.iter().enumerate()).flat_map(|(number, entry)| {
        entry.lines.iter().map(move |line| {
            let (debit, credit) = if line.amount.is_sign_positive() {
                (line.amount, Decimal::ZERO)
            } else {
                (Decimal::ZERO, -line.amount)
            };
            vec![
                Value::Count(number as u64 + 1),
                Value::Date(Some(entry.date)),
                Value::Text(entry.source.clone()),
                Value::Text(entry.comment.clone()),
                Value::Text(line.account.clone()),
                Value::Money(debit),
                Value::Money(credit),
                Value::Count(line.source_rows),
                Value::Text(query_names(&line.queries)),
            ]
        })
    })
}

/// The payments with the account each posted to, then the payments'
/// adjustments (`--adjust`); under the cash basis (`recognised`), with what
/// each recognised as revenue and taxes.
fn payment_rows<'a>(
    report: &'a RunReport,
    l: &'a Labels,
    recognised: bool,
) -> impl Iterator<Item = Vec<Value>> + 'a {
    let figures = &report.reconciliation;
    let kind = |kind: PaymentKind| match kind {
        PaymentKind::Payment => &l.kind_payment,
        PaymentKind::Deposit => &l.kind_deposit,
        PaymentKind::Refund => &l.kind_refund,
        PaymentKind::DepositApplied => &l.kind_deposit_applied,
        PaymentKind::Voided => &l.kind_voided,
    };
    let accounts = figures
        .payment_accounts
        .iter()
        .zip(&figures.payment_receivable);
    let recognised_of = move |row: usize| {
        let amount = figures.payment_recognised.get(row).copied();
        recognised.then(|| Value::Money(amount.unwrap_or_default()))
    };
    let rows = report.payments.iter().zip(accounts).enumerate();
    let payments = rows.map(move |(row, (p, (account, receivable)))| {
        let mut values = vec![
            Value::Date(p.date),
            Value::Text(p.reference.clone()),
            Value::Text(kind(p.kind).clone()),
            Value::Text(p.method.to_string()),
            Value::Text(account.clone()),
            Value::Text(p.invoice.clone()),
            Value::Text(p.customer.to_string()),
            Value::Money(p.received),
            Value::Money(*receivable),
            Value::Text(p.origin.file().to_string()),
            Value::Count(p.origin.row),
        ];
        values.extend(recognised_of(row));
        values
    });
    let adjustments = figures.payment_adjustments.iter().map(move |adjustment| {
        let mut values = vec![
            Value::Date(Some(adjustment.date)),
            Value::Text(l.adjustment(&adjustment.number, &adjustment.adjusts_batch)),
            Value::Text(doc_type_name(l, adjustment.doc_type.as_ref())),
            Value::Text(String::new()),
            Value::Text(adjustment.account.clone()),
            Value::Text(String::new()),
            Value::Text(String::new()),
            Value::Money(adjustment.received),
            // The difference moved money against the receivable (under the
            // cash basis, also against revenue and taxes).
            Value::Money(adjustment.received - adjustment.recognised),
            Value::Text(String::new()),
            Value::Text(String::new()),
        ];
        values.extend(recognised.then_some(Value::Money(adjustment.recognised)));
        values
    });
    payments.chain(adjustments)
}

/// Sales by catalogue item, with the account and how it was found.
fn product_rows<'a>(report: &'a RunReport, l: &'a Labels) -> impl Iterator<Item = Vec<Value>> + 'a {
    report.reconciliation.products.iter().map(move |product| {
        let mapping = match product.mapping {
            ItemMapping::Mapped => &l.mapped,
            ItemMapping::Defaulted => &l.defaulted,
            ItemMapping::Unmapped => &l.unmapped,
        };
        vec![
            Value::Text(product.item.clone()),
            Value::Text(product.account.clone()),
            Value::Text(mapping.clone()),
            Value::Number(product.quantity.normalize()),
            Value::Money(product.amount),
            Value::Count(product.lines),
        ]
    })
}

/// The documents the history already holds, and what became of each.
fn already_rows<'a>(report: &'a RunReport, l: &'a Labels) -> impl Iterator<Item = Vec<Value>> + 'a {
    report
        .reconciliation
        .already_exported
        .iter()
        .map(move |doc| {
            let status = match doc.status {
                AlreadyStatus::Skipped => &l.skipped,
                AlreadyStatus::Changed => &l.changed,
                AlreadyStatus::Adjusted => &l.adjusted,
                AlreadyStatus::Disappeared => &l.disappeared,
                AlreadyStatus::Voided(crate::config::VoidedInvoices::Reverse) => &l.voided_reversed,
                AlreadyStatus::Voided(crate::config::VoidedInvoices::BadDebt) => {
                    &l.voided_written_off
                }
                AlreadyStatus::VoidedUnrecognised => &l.voided_unrecognised,
            };
            vec![
                Value::Text(doc.number.clone()),
                Value::Text(doc_type_name(l, &doc.doc_type)),
                Value::Date(Some(doc.date)),
                Value::Text(status.clone()),
                Value::Text(doc.batch.clone()),
                Value::Text(doc.detail.clone()),
            ]
        })
}

/// Where every row of every sheet read went, with what is left unaccounted.
fn rows_read_rows<'a>(
    report: &'a RunReport,
    l: &'a Labels,
) -> impl Iterator<Item = Vec<Value>> + 'a {
    report.rows.accounts().iter().map(move |account| {
        let report_name = match account.kind {
            ReportKind::Sales => &l.report_sales,
            ReportKind::Payments => &l.report_payments,
            ReportKind::Payouts => &l.report_payouts,
            ReportKind::Receivable => &l.report_receivable,
        };
        vec![
            Value::Text(account.file.clone()),
            Value::Text(account.sheet.clone().unwrap_or_default()),
            Value::Text(report_name.clone()),
            Value::Count(account.read),
            Value::Count(account.posted),
            Value::Count(account.already_exported),
            Value::Count(account.duplicates),
            Value::Count(account.skipped),
            Value::Count(account.voided),
            Value::Count(account.control),
            Value::Count(account.refused),
            Value::CountFormula {
                template: "{read}-{posted}-{already_exported}-{duplicates}-{skipped}-{voided}-{control}-{refused}",
                result: account.unaccounted(),
            },
        ]
    })
}

/// Rows left out because another file of the drop holds the same document.
fn merged_rows(report: &RunReport) -> impl Iterator<Item = Vec<Value>> + '_ {
    let sheet = |origin: &crate::load::reports::RowOrigin| {
        origin.sheet().as_deref().unwrap_or_default().to_string()
    };
    report.merged.iter().map(move |merged| {
        vec![
            Value::Text(merged.row.file().to_string()),
            Value::Text(sheet(&merged.row)),
            Value::Count(merged.row.row),
            Value::Text(merged.document.clone()),
            Value::Text(merged.of.file().to_string()),
            Value::Text(sheet(&merged.of)),
            Value::Count(merged.of.row),
        ]
    })
}

/// An invoice's row; under the cash basis (`issued_column`), with what it
/// posted when issued.
fn invoice_row(invoice: &InvoiceFigures, l: &Labels, issued_column: bool) -> Vec<Value> {
    let label = match &invoice.adjusts_batch {
        Some(batch) => l.adjustment(&invoice.invoice, batch),
        None => invoice.invoice.clone(),
    };
    let mut row = vec![
        Value::Text(label),
        Value::Date(invoice.date),
        Value::Text(invoice.customer.clone()),
        Value::Money(invoice.amount),
        Value::Money(invoice.gst),
        Value::Money(invoice.qst),
        Value::Money(invoice.hst),
        Value::Money(invoice.total),
        Value::Money(invoice.gst_expected),
        Value::Money(invoice.qst_expected),
        Value::RowFormula {
            template: "{gst}-{gst_expected}",
            result: invoice.gst_gap,
        },
        Value::RowFormula {
            template: "{qst}-{qst_expected}",
            result: invoice.qst_gap,
        },
        Value::Money(invoice.paid),
        Value::RowFormula {
            template: "{total}-{paid}",
            result: invoice.balance,
        },
        Value::Count(invoice.lines),
    ];
    if issued_column {
        let posted = if invoice.when_paid {
            Decimal::ZERO
        } else {
            invoice.total
        };
        row.push(Value::Money(posted));
    }
    row
}

/// Findings, errors first, then the Sage writer's problems, each with where
/// to fix it; in the run's language.
fn exception_rows(report: &RunReport, l: &Labels) -> Vec<Vec<Value>> {
    let mut rows: Vec<Vec<Value>> = report
        .findings
        .iter()
        .map(|f| {
            vec![
                Value::Text(l.severity(f.severity)),
                Value::Text(f.rule.clone()),
                Value::Text(f.message.render(l.lang)),
                Value::Text(l.fix(&f.fix)),
                Value::Text(f.location.file.clone().unwrap_or_default()),
                Value::Text(f.location.sheet.clone().unwrap_or_default()),
                f.location
                    .row
                    .map(Value::Count)
                    .unwrap_or(Value::Text(String::new())),
                Value::Text(f.location.column.clone().unwrap_or_default()),
                Value::Text(f.location.document.clone().unwrap_or_default()),
                Value::Text(
                    f.values
                        .iter()
                        .map(|(k, v)| format!("{k}={v}"))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            ]
        })
        .collect();
    let sage_name = report
        .sage_file
        .as_ref()
        .map(|p| file_name(p))
        .unwrap_or_else(|| "sage50".into());
    // The Sage writer refuses what the [sage50] settings do not allow.
    let sage_fix = l.fix(&Fix::Config {
        key: "[sage50]".into(),
        file: Some(file_name(&report.context.config_path)),
    });
    for problem in &report.sage_problems {
        rows.push(vec![
            Value::Text(l.severity(Severity::Error)),
            Value::Text("sage50_file".into()),
            Value::Text(problem.message.clone()),
            Value::Text(sage_fix.clone()),
            Value::Text(sage_name.clone()),
            Value::Text(String::new()),
            Value::Count(problem.line as u64),
            Value::Text(String::new()),
            Value::Text(String::new()),
            Value::Text(String::new()),
        ]);
    }
    rows
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `10_invoices_receivable.sql, 50_payments_receivable.sql`: the query files
/// whose lines a journal line nets.
pub fn query_names(queries: &[std::sync::Arc<str>]) -> String {
    queries
        .iter()
        .map(|q| {
            Path::new(q.as_ref())
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "facture" / "invoice": a history document type in the workbook's language.
fn doc_type_name(l: &Labels, stored: &str) -> String {
    crate::i18n::format_message(
        l.lang,
        "setup-doc-type",
        &[("kind", crate::i18n::Arg::from(stored))],
    )
}
