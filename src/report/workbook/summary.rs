//! The summary sheet: the run's status and settings, the input files, the
//! accounts with their roles and totals, and the controls that tie the
//! invoices, payments and journal together (live formulas over the detail
//! sheets, red when they do not balance).

use crate::i18n::format_message;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, ConditionalFormatCell, ConditionalFormatCellRule, Format, Worksheet, XlsxError,
};

use super::formula::formula;
use super::labels::{Columns, Labels};
use super::sheets::{file_name, DetailTables};
use super::table::Formats;
use crate::load::columns::ReportKind;
use crate::load::FileUse;
use crate::report::figures::Role;
use crate::report::RunReport;
use rust_xlsxwriter::utility::{row_col_to_cell, row_col_to_cell_absolute};

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
        .filter_map(|r| match r {
            Role::Bank => Some(l.role_bank.clone()),
            Role::Method(method) => Some(l.role_method(method)),
            Role::Receivable => Some(l.role_receivable.clone()),
            Role::DefaultRevenue => Some(l.role_default_revenue.clone()),
            Role::Gst => Some(l.role_gst.clone()),
            Role::Qst => Some(l.role_qst.clone()),
            Role::Hst => Some(l.role_hst.clone()),
            Role::Revenue(_) => None,
        })
        .collect();
    if !revenue.is_empty() {
        parts.push(l.role_revenue(&revenue.join(", ")));
    }
    if parts.is_empty() {
        l.role_other.clone()
    } else {
        parts.join("; ")
    }
}

/// A table's header row, from column A.
pub(super) fn write_headers(
    sheet: &mut Worksheet,
    row: u32,
    columns: &Columns,
    formats: &Formats,
) -> Result<(), XlsxError> {
    for (col, (_, header)) in columns.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, header, &formats.header)?;
    }
    Ok(())
}

pub(super) fn write_summary(
    sheet: &mut Worksheet,
    report: &RunReport,
    l: &Labels,
    formats: &Formats,
    tables: &DetailTables,
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
    sheet.write_string_with_format(0, 0, &l.title, &title)?;

    let mut row = 2u32;
    sheet.write_string_with_format(row, 0, &l.status, &bold)?;
    if report.importable() {
        sheet.write_string_with_format(row, 1, &l.importable, &good)?;
    } else {
        sheet.write_string_with_format(row, 1, &l.not_importable, &bad)?;
    }
    sheet.write_string(
        row,
        2,
        l.errors_warnings(report.errors(), report.warnings()),
    )?;
    row += 1;
    let period = match (report.first_date, report.last_date) {
        (Some(first), Some(last)) => format!("{first} → {last}"),
        _ => "—".to_string(),
    };
    let context = &report.context;
    let info = [
        (
            &l.company,
            context.company.clone().unwrap_or_else(|| "—".into()),
        ),
        (&l.period, period),
        (
            &l.sage_file,
            report
                .sage_file
                .as_ref()
                .map(|p| file_name(p))
                .unwrap_or_else(|| l.no_sage_file.clone()),
        ),
        (
            &l.granularity,
            format_message(
                l.lang,
                &format!("granularity-{}", context.granularity.as_ref()),
                &[],
            ),
        ),
        (&l.config_file, context.config_path.display().to_string()),
        (
            &l.chart,
            match &context.chart {
                Some(chart) => l.chart_checked(&chart.file, chart.accounts, chart.unusable),
                None => l.chart_none.clone(),
            },
        ),
        (
            &l.version,
            format!("plannit2sage {}", env!("CARGO_PKG_VERSION")),
        ),
        (
            &l.run_at,
            report.started.format("%Y-%m-%d %H:%M:%S %:z").to_string(),
        ),
    ];
    for (label, value) in info {
        sheet.write_string_with_format(row, 0, label, &bold)?;
        sheet.write_string(row, 1, value)?;
        row += 1;
    }
    sheet.write_string_with_format(row, 0, &l.queries, &bold)?;
    let origin = if context.queries_origin == crate::query::BUILT_IN_QUERIES {
        format_message(l.lang, "queries-built-in", &[])
    } else {
        context.queries_origin.clone()
    };
    sheet.write_string(row, 1, &origin)?;
    row += 1;
    for query in &context.query_names {
        sheet.write_string(row, 1, query)?;
        row += 1;
    }
    sheet.write_string(row, 0, &l.workbook_note)?;
    row += 2;

    // Input files.
    sheet.write_string_with_format(row, 0, &l.input_files, &title)?;
    row += 1;
    write_headers(sheet, row, &l.file_headers, formats)?;
    row += 1;
    for file in &report.files {
        for file_use in &file.uses {
            let (kind, sheet_name, rows, status) = match file_use {
                FileUse::Used {
                    kind, sheet, rows, ..
                } => (
                    match kind {
                        ReportKind::Sales => l.report_sales.as_str(),
                        ReportKind::Payments => l.report_payments.as_str(),
                        ReportKind::Payouts => l.report_payouts.as_str(),
                    },
                    sheet.clone().unwrap_or_default(),
                    Some(*rows),
                    l.file_used.clone(),
                ),
                FileUse::Ignored { reason } => (
                    "",
                    String::new(),
                    None,
                    l.file_ignored(&reason.render(l.lang)),
                ),
                FileUse::Identical { of } => ("", String::new(), None, l.file_identical(of)),
                FileUse::Failed => ("", String::new(), None, l.file_failed.clone()),
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
    sheet.write_string_with_format(row, 0, &l.accounts, &title)?;
    row += 1;
    write_headers(sheet, row, &l.account_headers, formats)?;
    row += 1;
    let first_account_row = row;
    let mut revenue_tax_cells = Vec::new();
    let mut bank_cells = Vec::new();
    let mut receivable_cells = Vec::new();
    let (mut revenue_tax_net, mut bank_net, mut receivable_net) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for figures in &report.reconciliation.accounts {
        let (debit, credit, net) = (figures.debits, figures.credits, figures.net());
        let criteria = row_col_to_cell_absolute(row, 0);
        sheet.write_string(row, 0, &figures.account)?;
        let role = match &figures.name {
            Some(name) => format!("{name} — {}", describe_roles(&figures.roles, l)),
            None => describe_roles(&figures.roles, l),
        };
        // Wrapped text needs a taller row; not every spreadsheet program fits it.
        let text_lines = role.chars().count().div_ceil(62).max(1);
        if text_lines > 1 {
            sheet.set_row_height(row, 15.0 * text_lines as f64)?;
        }
        sheet.write_string_with_format(row, 1, role, &wrap)?;
        sheet.write_formula_with_format(
            row,
            2,
            formula(&tables.journal.sumifs("debit", "account", &criteria), debit),
            money,
        )?;
        sheet.write_formula_with_format(
            row,
            3,
            formula(
                &tables.journal.sumifs("credit", "account", &criteria),
                credit,
            ),
            money,
        )?;
        sheet.write_formula_with_format(
            row,
            4,
            formula(
                &format!("{}-{}", row_col_to_cell(row, 2), row_col_to_cell(row, 3)),
                net,
            ),
            money,
        )?;
        let cell = row_col_to_cell(row, 4);
        if figures.is_revenue_or_tax() {
            revenue_tax_cells.push(cell.clone());
            revenue_tax_net += net;
        }
        if figures.is_bank() {
            bank_cells.push(cell.clone());
            bank_net += net;
        }
        if figures.is_receivable() {
            receivable_cells.push(cell);
            receivable_net += net;
        }
        row += 1;
    }
    let last_account_row = row;
    sheet.write_string_with_format(row, 0, &l.total, &formats.total_label)?;
    let (debits, credits) = report
        .reconciliation
        .accounts
        .iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(d, c), a| {
            (d + a.debits, c + a.credits)
        });
    for (col, value) in [(2u16, debits), (3, credits), (4, debits - credits)] {
        let expression = format!(
            "SUM({}:{})",
            row_col_to_cell(first_account_row, col),
            row_col_to_cell(last_account_row - 1, col)
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
    sheet.write_string_with_format(row, 0, &l.controls, &title)?;
    row += 1;
    write_headers(sheet, row, &l.control_headers, formats)?;
    row += 1;
    let sum_cells = |cells: &[String]| {
        if cells.is_empty() {
            "0".to_string()
        } else {
            cells.join("+")
        }
    };
    let (invoices_total, received) = (
        tables.invoices.total("total"),
        tables.payments.total("received"),
    );
    let invoice_total_sum = tables.invoices.sum("total");
    let received_sum = tables.payments.sum("received");
    let controls = [
        (
            &l.control_invoices,
            invoice_total_sum.clone(),
            invoices_total,
            format!("-({})", sum_cells(&revenue_tax_cells)),
            -revenue_tax_net,
        ),
        (
            &l.control_bank,
            received_sum.clone(),
            received,
            sum_cells(&bank_cells),
            bank_net,
        ),
        (
            &l.control_receivable,
            sum_cells(&receivable_cells),
            receivable_net,
            format!("{invoice_total_sum}-{received_sum}"),
            invoices_total - received,
        ),
        (
            &l.control_balance,
            tables.journal.sum("debit"),
            debits,
            tables.journal.sum("credit"),
            credits,
        ),
    ];
    let first_control_row = row;
    for (label, side_a, value_a, side_b, value_b) in controls {
        sheet.write_string(row, 0, label)?;
        sheet.write_formula_with_format(row, 1, formula(&side_a, value_a), money)?;
        sheet.write_formula_with_format(row, 2, formula(&side_b, value_b), money)?;
        sheet.write_formula_with_format(
            row,
            3,
            formula(
                &format!("{}-{}", row_col_to_cell(row, 1), row_col_to_cell(row, 2)),
                value_a - value_b,
            ),
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
