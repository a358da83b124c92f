//! The reconciliation workbook: what the run read, posted and found, in a
//! form an accountant can audit line by line. It is built from the same
//! in-memory entries as the Sage file, so the two cannot disagree; totals and
//! controls are live formulas with their computed results stored.

pub mod labels;
pub mod table;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, ConditionalFormatCell, ConditionalFormatCellRule, Format, Workbook, Worksheet, XlsxError,
};

use crate::config::Config;
use crate::diagnostics::Severity;
use crate::load::reports::PaymentKind;
use crate::load::values::round_cents;
use crate::load::FileUse;
use crate::run::{RunPlan, RunReport};
use crate::tables::{GST_RATE, QST_RATE};
use crate::text::fold_name;
use labels::{labels, Labels};
use table::{formula, write_table, Formats, TableSpec, Value, WrittenTable, EXCEL_MAX_DATA_ROWS};

/// Writes the workbook to `path` through a temporary file and a rename.
pub fn write_workbook(path: &Path, plan: &RunPlan, report: &RunReport) -> Result<(), XlsxError> {
    write_workbook_with_limit(path, plan, report, EXCEL_MAX_DATA_ROWS)
}

/// As [`write_workbook`], with detail sheets split every `max_data_rows` rows.
pub fn write_workbook_with_limit(
    path: &Path,
    plan: &RunPlan,
    report: &RunReport,
    max_data_rows: usize,
) -> Result<(), XlsxError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let temp = tempfile::Builder::new()
        .prefix(".plannit2sage-")
        .suffix(".xlsx.tmp")
        .tempfile_in(dir)?;
    let mut workbook = build(plan, report, max_data_rows)?;
    workbook.save(temp.path())?;
    temp.as_file().sync_all()?;
    temp.persist(path)
        .map_err(|e| XlsxError::IoError(e.error))?;
    Ok(())
}

/// The role an account plays, for the summary and the controls.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Bank,
    Method(String),
    Receivable,
    Revenue(String),
    DefaultRevenue,
    Gst,
    Qst,
    Hst,
}

impl Role {
    fn is_revenue_or_tax(&self) -> bool {
        matches!(
            self,
            Role::Revenue(_) | Role::DefaultRevenue | Role::Gst | Role::Qst | Role::Hst
        )
    }

    fn is_bank(&self) -> bool {
        matches!(self, Role::Bank | Role::Method(_))
    }
}

fn account_roles(config: &Config) -> BTreeMap<String, Vec<Role>> {
    let mut roles: BTreeMap<String, Vec<Role>> = BTreeMap::new();
    let a = &config.accounts;
    roles.entry(a.bank.clone()).or_default().push(Role::Bank);
    roles
        .entry(a.receivable.clone())
        .or_default()
        .push(Role::Receivable);
    roles.entry(a.gst.clone()).or_default().push(Role::Gst);
    roles.entry(a.qst.clone()).or_default().push(Role::Qst);
    if let Some(hst) = &a.hst {
        roles.entry(hst.clone()).or_default().push(Role::Hst);
    }
    if let Some(default) = &a.default_revenue {
        roles
            .entry(default.clone())
            .or_default()
            .push(Role::DefaultRevenue);
    }
    for method in &config.payment_methods {
        roles
            .entry(method.account.clone())
            .or_default()
            .push(Role::Method(method.name.clone()));
    }
    for product in &config.products {
        roles
            .entry(product.account.clone())
            .or_default()
            .push(Role::Revenue(product.name.clone()));
    }
    roles
}

fn describe_roles(roles: &[Role], l: &Labels) -> String {
    let revenue: Vec<&str> = roles
        .iter()
        .filter_map(|r| {
            if let Role::Revenue(item) = r {
                Some(item.as_str())
            } else {
                None
            }
        })
        .collect();
    let mut parts: Vec<String> = roles
        .iter()
        .filter(|r| !matches!(r, Role::Revenue(_)))
        .map(|r| match r {
            Role::Bank => l.role_bank.to_string(),
            Role::Method(method) => format!("{}: {method}", l.role_method),
            Role::Receivable => l.role_receivable.to_string(),
            Role::DefaultRevenue => l.role_default_revenue.to_string(),
            Role::Gst => l.role_gst.to_string(),
            Role::Qst => l.role_qst.to_string(),
            Role::Hst => l.role_hst.to_string(),
            Role::Revenue(_) => unreachable!(),
        })
        .collect();
    if !revenue.is_empty() {
        parts.push(format!("{}: {}", l.role_revenue, revenue.join(", ")));
    }
    if parts.is_empty() {
        l.role_other.to_string()
    } else {
        parts.join("; ")
    }
}

/// The account a payment went to: its method's account, else the bank.
fn payment_account(config: &Config, method: &str) -> String {
    let key = fold_name(method);
    config
        .payment_methods
        .iter()
        .find(|m| m.key == key)
        .map(|m| m.account.clone())
        .unwrap_or_else(|| config.accounts.bank.clone())
}

fn build(plan: &RunPlan, report: &RunReport, max_data_rows: usize) -> Result<Workbook, XlsxError> {
    let l = labels(plan.config.lang);
    let formats = Formats::new(l.money_format);
    let mut workbook = Workbook::new();
    workbook.add_worksheet().set_name(l.summary)?;
    let spec = |sheet, headers, total_columns, count_columns| TableSpec {
        sheet,
        headers,
        total_columns,
        count_columns,
        total_label: l.total,
        continued_label: l.continued,
        max_data_rows,
    };

    // Journal: exactly the entries of the Sage file.
    let mut journal_rows = Vec::new();
    for (number, entry) in report.entries.iter().enumerate() {
        for line in &entry.lines {
            let (debit, credit) = if line.amount.is_sign_positive() {
                (line.amount, Decimal::ZERO)
            } else {
                (Decimal::ZERO, -line.amount)
            };
            journal_rows.push(vec![
                Value::Count(number as u64 + 1),
                Value::Date(Some(entry.date)),
                Value::Text(entry.source.clone()),
                Value::Text(entry.comment.clone()),
                Value::Text(line.account.clone()),
                Value::Money(debit),
                Value::Money(credit),
                Value::Count(line.source_rows),
            ]);
        }
    }
    let journal = write_table(
        &mut workbook,
        &formats,
        &spec(l.journal, &l.journal_headers, &[5, 6, 7], &[7]),
        journal_rows,
    )?;

    // Invoices: one row per invoice, in order of first appearance.
    let mut applied: BTreeMap<&str, Decimal> = BTreeMap::new();
    for payment in &report.payments {
        if !payment.invoice.is_empty() {
            *applied.entry(payment.invoice.as_str()).or_default() += payment.received;
        }
    }
    let mut invoice_order: Vec<&str> = Vec::new();
    let mut invoices: BTreeMap<&str, InvoiceSums> = BTreeMap::new();
    for line in &report.sales {
        let sums = invoices.entry(line.invoice.as_str()).or_insert_with(|| {
            invoice_order.push(line.invoice.as_str());
            InvoiceSums {
                date: line.date,
                customer: line.customer.clone(),
                ..InvoiceSums::default()
            }
        });
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
    let invoice_rows = invoice_order.iter().map(|invoice| {
        let s = &invoices[invoice];
        let gst_recomputed = round_cents(s.gst_base * GST_RATE);
        let qst_recomputed = round_cents(s.qst_base * QST_RATE);
        let paid = applied.get(invoice).copied().unwrap_or_default();
        vec![
            Value::Text(invoice.to_string()),
            Value::Date(s.date),
            Value::Text(s.customer.clone()),
            Value::Money(s.amount),
            Value::Money(s.gst),
            Value::Money(s.qst),
            Value::Money(s.hst),
            Value::Money(s.total),
            Value::Money(gst_recomputed),
            Value::Money(qst_recomputed),
            Value::RowFormula {
                template: "E{r}-I{r}".into(),
                result: s.gst - gst_recomputed,
            },
            Value::RowFormula {
                template: "F{r}-J{r}".into(),
                result: s.qst - qst_recomputed,
            },
            Value::Money(paid),
            Value::RowFormula {
                template: "H{r}-M{r}".into(),
                result: s.total - paid,
            },
            Value::Count(s.lines),
        ]
    });
    let accounts = &plan.config.accounts;
    let mut adjustment_invoice_rows = Vec::new();
    let mut adjustment_payment_rows = Vec::new();
    for (doc, state) in &report.adjusted {
        // The difference posted for a changed document, as a row of its sheet,
        // so that the controls still tie out.
        let delta = crate::dedup::difference(doc, state);
        let on = |account: Option<&String>| {
            account
                .and_then(|a| delta.get(a))
                .copied()
                .unwrap_or_default()
        };
        let label = format!("{} (Δ {} {})", doc.number, l.batch, state.first_batch);
        let receivable = on(Some(&accounts.receivable));
        if doc.doc_type == "invoice" {
            let (gst, qst, hst) = (
                -on(Some(&accounts.gst)),
                -on(Some(&accounts.qst)),
                -on(accounts.hst.as_ref()),
            );
            let amount = receivable - gst - qst - hst;
            adjustment_invoice_rows.push(vec![
                Value::Text(label),
                Value::Date(Some(doc.date)),
                Value::Text(String::new()),
                Value::Money(amount),
                Value::Money(gst),
                Value::Money(qst),
                Value::Money(hst),
                Value::Money(receivable),
                Value::Money(gst),
                Value::Money(qst),
                Value::RowFormula {
                    template: "E{r}-I{r}".into(),
                    result: Decimal::ZERO,
                },
                Value::RowFormula {
                    template: "F{r}-J{r}".into(),
                    result: Decimal::ZERO,
                },
                Value::Money(Decimal::ZERO),
                Value::RowFormula {
                    template: "H{r}-M{r}".into(),
                    result: receivable,
                },
                Value::Count(0),
            ]);
        } else {
            let account = delta
                .keys()
                .find(|a| **a != accounts.receivable)
                .cloned()
                .unwrap_or_default();
            adjustment_payment_rows.push(vec![
                Value::Date(Some(doc.date)),
                Value::Text(label),
                Value::Text(doc.doc_type.clone()),
                Value::Text(String::new()),
                Value::Text(account),
                Value::Text(String::new()),
                Value::Text(String::new()),
                Value::Money(-receivable),
                Value::Text(String::new()),
                Value::Text(String::new()),
            ]);
        }
    }
    let invoice_table = write_table(
        &mut workbook,
        &formats,
        &spec(
            l.invoices,
            &l.invoice_headers,
            &[3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
            &[14],
        ),
        invoice_rows.chain(adjustment_invoice_rows),
    )?;

    // Payments.
    let payment_rows = report.payments.iter().map(|p| {
        vec![
            Value::Date(p.date),
            Value::Text(p.reference.clone()),
            Value::Text(
                match p.kind {
                    PaymentKind::Payment => l.kind_payment,
                    PaymentKind::Deposit => l.kind_deposit,
                    PaymentKind::Refund => l.kind_refund,
                }
                .to_string(),
            ),
            Value::Text(p.method.clone()),
            Value::Text(payment_account(&plan.config, &p.method)),
            Value::Text(p.invoice.clone()),
            Value::Text(p.customer.clone()),
            Value::Money(p.received),
            Value::Text(p.origin.file.clone()),
            Value::Count(p.origin.row),
        ]
    });
    let payment_table = write_table(
        &mut workbook,
        &formats,
        &spec(l.payments, &l.payment_headers, &[7], &[]),
        payment_rows.chain(adjustment_payment_rows),
    )?;

    // Exceptions, errors first.
    let mut exception_rows: Vec<Vec<Value>> = report
        .findings
        .iter()
        .map(|f| {
            vec![
                Value::Text(
                    match f.severity {
                        Severity::Error => l.severity_error,
                        Severity::Warning => l.severity_warning,
                    }
                    .to_string(),
                ),
                Value::Text(f.rule.clone()),
                Value::Text(f.message.clone()),
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
    for problem in &report.sage_problems {
        exception_rows.push(vec![
            Value::Text(l.severity_error.to_string()),
            Value::Text("sage50_file".into()),
            Value::Text(problem.message.clone()),
            Value::Text(sage_name.clone()),
            Value::Text(String::new()),
            Value::Count(problem.line as u64),
            Value::Text(String::new()),
            Value::Text(String::new()),
            Value::Text(String::new()),
        ]);
    }
    write_table(
        &mut workbook,
        &formats,
        &spec(l.exceptions, &l.exception_headers, &[], &[]),
        exception_rows,
    )?;

    // By product.
    let mut products: BTreeMap<String, ProductSums> = BTreeMap::new();
    for line in &report.sales {
        let key = fold_name(&line.item);
        let sums = products.entry(key).or_insert_with(|| ProductSums {
            name: line.item.clone(),
            ..ProductSums::default()
        });
        sums.quantity += line.quantity.unwrap_or_default();
        sums.amount += line.amount;
        sums.lines += 1;
    }
    let mut product_rows: Vec<(String, Vec<Value>)> = products
        .iter()
        .map(|(key, sums)| {
            let mapped = plan
                .config
                .products
                .iter()
                .find(|m| &m.key == key)
                .map(|m| m.account.clone());
            let (account, status) = match (mapped, &plan.config.accounts.default_revenue) {
                (Some(account), _) => (account, l.mapped),
                (None, Some(default)) => (default.clone(), l.defaulted),
                (None, None) => (String::new(), l.unmapped),
            };
            let row = vec![
                Value::Text(sums.name.clone()),
                Value::Text(account.clone()),
                Value::Text(status.to_string()),
                Value::Number(sums.quantity.normalize()),
                Value::Money(sums.amount),
                Value::Count(sums.lines),
            ];
            (account, row)
        })
        .collect();
    product_rows.sort_by(|a, b| a.0.cmp(&b.0));
    let product_rows: Vec<Vec<Value>> = product_rows.into_iter().map(|(_, row)| row).collect();
    write_table(
        &mut workbook,
        &formats,
        &spec(l.by_product, &l.product_headers, &[3, 4, 5], &[3, 5]),
        product_rows,
    )?;

    // Already exported: skipped, changed and disappeared documents.
    let mut already_rows = Vec::new();
    let detail = |doc: &crate::history::DocumentPosting, state: &crate::history::PostedState| {
        crate::dedup::describe_change(doc, state)
    };
    for (doc, state) in &report.history.unchanged {
        already_rows.push(already_row(
            &doc.number,
            &doc.doc_type,
            Some(doc.date),
            l.skipped,
            &state.last_batch,
            String::new(),
        ));
    }
    for (doc, state) in &report.history.changed {
        let status = if report.adjusted.iter().any(|(d, _)| d.key == doc.key) {
            l.adjusted
        } else {
            l.changed
        };
        already_rows.push(already_row(
            &doc.number,
            &doc.doc_type,
            Some(doc.date),
            status,
            &state.last_batch,
            detail(doc, state),
        ));
    }
    for gone in &report.history.disappeared {
        let (doc_type, number) = gone.key.split_once(':').unwrap_or(("", &gone.key));
        already_rows.push(already_row(
            number,
            doc_type,
            Some(gone.state.date),
            l.disappeared,
            &gone.state.last_batch,
            String::new(),
        ));
    }
    write_table(
        &mut workbook,
        &formats,
        &spec(l.already_exported, &l.already_headers, &[], &[]),
        already_rows,
    )?;

    let sheet = workbook.worksheet_from_index(0)?;
    let tables = SummaryTables {
        invoices_total: invoice_table.sums[&7],
        received: payment_table.sums[&7],
        journal: &journal,
        invoices: &invoice_table,
        payments: &payment_table,
    };
    write_summary(sheet, plan, report, l, &formats, &tables)?;
    Ok(workbook)
}

fn already_row(
    number: &str,
    doc_type: &str,
    date: Option<chrono::NaiveDate>,
    status: &str,
    batch: &str,
    detail: String,
) -> Vec<Value> {
    vec![
        Value::Text(number.to_string()),
        Value::Text(doc_type.to_string()),
        Value::Date(date),
        Value::Text(status.to_string()),
        Value::Text(batch.to_string()),
        Value::Text(detail),
    ]
}

#[derive(Default)]
struct InvoiceSums {
    date: Option<chrono::NaiveDate>,
    customer: String,
    amount: Decimal,
    gst: Decimal,
    qst: Decimal,
    hst: Decimal,
    total: Decimal,
    gst_base: Decimal,
    qst_base: Decimal,
    lines: u64,
}

#[derive(Default)]
struct ProductSums {
    name: String,
    quantity: Decimal,
    amount: Decimal,
    lines: u64,
}

struct SummaryTables<'a> {
    /// Σ of the Invoices sheet's Total column and of the Payments sheet's
    /// amounts received, as written (with adjustment rows).
    invoices_total: Decimal,
    received: Decimal,
    journal: &'a WrittenTable,
    invoices: &'a WrittenTable,
    payments: &'a WrittenTable,
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn write_summary(
    sheet: &mut Worksheet,
    plan: &RunPlan,
    report: &RunReport,
    l: &Labels,
    formats: &Formats,
    tables: &SummaryTables,
) -> Result<(), XlsxError> {
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    let good = Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color("#2E7D32");
    let bad = Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color("#C62828");
    let red_fill = Format::new()
        .set_font_color("#9C0006")
        .set_background_color("#FFC7CE");
    let money = &formats.money;
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);

    // Printed on one page wide, as an accountant files it.
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_column_width(0, 78)?;
    sheet.set_column_width(1, 60)?;
    for col in 2..=4 {
        sheet.set_column_width(col, 16)?;
    }
    sheet.set_column_width(5, 66)?;
    sheet.write_string_with_format(0, 0, l.title, &title)?;

    let mut row = 2u32;
    sheet.write_string_with_format(row, 0, l.status, &bold)?;
    if report.importable() {
        sheet.write_string_with_format(row, 1, l.importable, &good)?;
    } else {
        sheet.write_string_with_format(row, 1, l.not_importable, &bad)?;
    }
    sheet.write_string(
        row,
        2,
        (l.errors_warnings)(report.errors(), report.warnings()),
    )?;
    row += 1;
    let period = match (report.first_date, report.last_date) {
        (Some(first), Some(last)) => format!("{first} → {last}"),
        _ => "—".to_string(),
    };
    let queries: Vec<String> = plan
        .queries
        .journal
        .iter()
        .chain(plan.queries.checks.iter().map(|c| &c.query))
        .map(|q| {
            Path::new(&q.name)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let info = [
        (
            l.company,
            plan.config.company.clone().unwrap_or_else(|| "—".into()),
        ),
        (l.period, period),
        (
            l.sage_file,
            report
                .sage_file
                .as_ref()
                .map(|p| file_name(p))
                .unwrap_or_else(|| l.no_sage_file.to_string()),
        ),
        (
            l.granularity,
            plan.config.sage.granularity.label().to_string(),
        ),
        (l.config_file, plan.config_path.display().to_string()),
        (
            l.version,
            format!("plannit2sage {}", env!("CARGO_PKG_VERSION")),
        ),
        (
            l.run_at,
            report.started.format("%Y-%m-%d %H:%M:%S %:z").to_string(),
        ),
    ];
    for (label, value) in info {
        sheet.write_string_with_format(row, 0, label, &bold)?;
        sheet.write_string(row, 1, value)?;
        row += 1;
    }
    sheet.write_string_with_format(row, 0, l.queries, &bold)?;
    sheet.write_string(row, 1, &plan.queries.origin)?;
    row += 1;
    for query in &queries {
        sheet.write_string(row, 1, query)?;
        row += 1;
    }
    sheet.write_string(row, 0, l.workbook_note)?;
    row += 2;

    // Input files.
    sheet.write_string_with_format(row, 0, l.input_files, &title)?;
    row += 1;
    for (col, header) in l.file_headers.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, *header, &formats.header)?;
    }
    row += 1;
    for file in &report.files {
        for file_use in &file.uses {
            let (kind, sheet_name, rows, status) = match file_use {
                FileUse::Used { kind, sheet, rows } => (
                    match kind {
                        crate::load::columns::ReportKind::Sales => l.report_sales,
                        crate::load::columns::ReportKind::Payments => l.report_payments,
                    },
                    sheet.clone().unwrap_or_default(),
                    Some(*rows),
                    l.file_used.to_string(),
                ),
                FileUse::Ignored { reason } => (
                    "",
                    String::new(),
                    None,
                    format!("{}: {reason}", l.file_ignored),
                ),
                FileUse::Failed => ("", String::new(), None, l.file_failed.to_string()),
            };
            sheet.write_string(row, 0, &file.name)?;
            sheet.write_string(row, 1, kind)?;
            sheet.write_string(row, 2, sheet_name)?;
            if let Some(rows) = rows {
                sheet.write_number(row, 3, rows as f64)?;
            }
            sheet.write_string(row, 4, status)?;
            sheet.write_string(row, 5, &file.sha256)?;
            row += 1;
        }
    }
    row += 1;

    // Accounts: journal accounts and the configured roles' accounts.
    let roles = account_roles(&plan.config);
    let (per_account, _, _) = crate::run::totals(&report.entries);
    let mut accounts: BTreeSet<String> = per_account.iter().map(|(a, _, _)| a.clone()).collect();
    let a = &plan.config.accounts;
    accounts.extend([
        a.bank.clone(),
        a.receivable.clone(),
        a.gst.clone(),
        a.qst.clone(),
    ]);
    accounts.extend(a.hst.clone());
    accounts.extend(
        plan.config
            .payment_methods
            .iter()
            .map(|m| m.account.clone()),
    );
    sheet.write_string_with_format(row, 0, l.accounts, &title)?;
    row += 1;
    for (col, header) in l.account_headers.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, *header, &formats.header)?;
    }
    row += 1;
    let first_account_row = row;
    let mut revenue_tax_cells = Vec::new();
    let mut bank_cells = Vec::new();
    let mut receivable_cells = Vec::new();
    let (mut revenue_tax_net, mut bank_net, mut receivable_net) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for account in &accounts {
        let (debit, credit) = per_account
            .iter()
            .find(|(a, _, _)| a == account)
            .map(|(_, d, c)| (*d, *c))
            .unwrap_or_default();
        let net = debit - credit;
        let account_roles = roles.get(account).cloned().unwrap_or_default();
        let excel_row = row + 1;
        let criteria = format!("$A${excel_row}");
        sheet.write_string(row, 0, account)?;
        let role = describe_roles(&account_roles, l);
        // Wrapped text needs a taller row; not every spreadsheet program fits it.
        let text_lines = role.chars().count().div_ceil(62).max(1);
        if text_lines > 1 {
            sheet.set_row_height(row, 15.0 * text_lines as f64)?;
        }
        sheet.write_string_with_format(row, 1, role, &wrap)?;
        sheet.write_formula_with_format(
            row,
            2,
            formula(&tables.journal.sumifs(5, 4, &criteria), debit),
            money,
        )?;
        sheet.write_formula_with_format(
            row,
            3,
            formula(&tables.journal.sumifs(6, 4, &criteria), credit),
            money,
        )?;
        sheet.write_formula_with_format(
            row,
            4,
            formula(&format!("C{excel_row}-D{excel_row}"), net),
            money,
        )?;
        let cell = format!("E{excel_row}");
        if account_roles.iter().any(Role::is_revenue_or_tax) {
            revenue_tax_cells.push(cell.clone());
            revenue_tax_net += net;
        }
        if account_roles.iter().any(Role::is_bank) {
            bank_cells.push(cell.clone());
            bank_net += net;
        }
        if account_roles.contains(&Role::Receivable) {
            receivable_cells.push(cell);
            receivable_net += net;
        }
        row += 1;
    }
    let last_account_row = row;
    sheet.write_string_with_format(row, 0, l.total, &formats.total_label)?;
    let (debits, credits): (Decimal, Decimal) = per_account
        .iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(d, c), (_, dd, cc)| {
            (d + dd, c + cc)
        });
    for (col, value) in [(2u16, debits), (3, credits), (4, debits - credits)] {
        let letter = table::column_letter(col as usize);
        let expression = format!(
            "SUM({letter}{}:{letter}{})",
            first_account_row + 1,
            last_account_row
        );
        sheet.write_formula_with_format(
            row,
            col,
            formula(&expression, value),
            &formats.total_money,
        )?;
    }
    row += 2;

    // Controls: two sides and their difference, red when not zero.
    sheet.write_string_with_format(row, 0, l.controls, &title)?;
    row += 1;
    for (col, header) in l.control_headers.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, *header, &formats.header)?;
    }
    row += 1;
    let sum_cells = |cells: &[String]| {
        if cells.is_empty() {
            "0".to_string()
        } else {
            cells.join("+")
        }
    };
    let (invoices_total, received) = (tables.invoices_total, tables.received);
    let invoice_total_sum = tables.invoices.sum(7);
    let received_sum = tables.payments.sum(7);
    let controls = [
        (
            l.control_invoices,
            invoice_total_sum.clone(),
            invoices_total,
            format!("-({})", sum_cells(&revenue_tax_cells)),
            -revenue_tax_net,
        ),
        (
            l.control_bank,
            received_sum.clone(),
            received,
            sum_cells(&bank_cells),
            bank_net,
        ),
        (
            l.control_receivable,
            sum_cells(&receivable_cells),
            receivable_net,
            format!("{invoice_total_sum}-{received_sum}"),
            invoices_total - received,
        ),
        (
            l.control_balance,
            tables.journal.sum(5),
            debits,
            tables.journal.sum(6),
            credits,
        ),
    ];
    let first_control_row = row;
    for (label, side_a, value_a, side_b, value_b) in controls {
        let excel_row = row + 1;
        sheet.write_string(row, 0, label)?;
        sheet.write_formula_with_format(row, 1, formula(&side_a, value_a), money)?;
        sheet.write_formula_with_format(row, 2, formula(&side_b, value_b), money)?;
        sheet.write_formula_with_format(
            row,
            3,
            formula(&format!("B{excel_row}-C{excel_row}"), value_a - value_b),
            money,
        )?;
        row += 1;
    }
    let red_when_not_zero = ConditionalFormatCell::new()
        .set_rule(ConditionalFormatCellRule::NotEqualTo(0))
        .set_format(red_fill);
    sheet.add_conditional_format(first_control_row, 3, row - 1, 3, &red_when_not_zero)?;
    Ok(())
}
