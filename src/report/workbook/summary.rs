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
use crate::report::figures::{AccountFigures, Role};
use crate::report::{RunContext, RunReport};
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
    let mut parts: Vec<String> = roles.iter().filter_map(|r| l.role(r)).collect();
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

/// The summary sheet: a section after another, each from the row below the
/// previous one. What a reviewer looks at first — the status, the period,
/// the accounts and the controls — fits on the first screen; the settings,
/// the input files and the query files follow.
pub(super) fn write_summary(
    sheet: &mut Worksheet,
    report: &RunReport,
    l: &Labels,
    formats: &Formats,
    tables: &DetailTables,
) -> Result<(), XlsxError> {
    let mut summary = Summary::new(sheet, l, formats)?;
    summary.status(report)?;
    summary.headline(report)?;
    let accounts = summary.accounts(report, tables)?;
    summary.controls(tables, &accounts)?;
    summary.settings(report, tables.cash_labels.as_ref())?;
    summary.input_files(report)?;
    summary.queries(&report.context)
}

/// The formats of the summary's own cells.
struct Styles {
    title: Format,
    bold: Format,
    good: Format,
    bad: Format,
    red_fill: Format,
    wrap: Format,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            good: Format::new()
                .set_bold()
                .set_font_color(Color::White)
                .set_background_color("#2E7D32"),
            bad: Format::new()
                .set_bold()
                .set_font_color(Color::White)
                .set_background_color("#C62828"),
            red_fill: Format::new()
                .set_font_color("#9C0006")
                .set_background_color("#FFC7CE"),
            wrap: Format::new()
                .set_text_wrap()
                .set_align(rust_xlsxwriter::FormatAlign::Top),
        }
    }
}

/// The summary sheet being written, and the row the next section starts on.
struct Summary<'a> {
    sheet: &'a mut Worksheet,
    l: &'a Labels,
    formats: &'a Formats,
    styles: Styles,
    row: u32,
}

/// The account table's cells (and nets) the controls add up.
struct AccountCells {
    revenue_tax: Vec<String>,
    revenue_tax_net: Decimal,
    bank: Vec<String>,
    bank_net: Decimal,
    receivable: Vec<String>,
    receivable_net: Decimal,
    debits: Decimal,
    credits: Decimal,
}

impl<'a> Summary<'a> {
    /// The page layout, the column widths and the title.
    fn new(
        sheet: &'a mut Worksheet,
        l: &'a Labels,
        formats: &'a Formats,
    ) -> Result<Summary<'a>, XlsxError> {
        let styles = Styles::new();
        // Printed on one page wide, as an accountant files it.
        sheet.set_landscape();
        sheet.set_print_fit_to_pages(1, 0);
        sheet.set_column_width(0, 78)?;
        sheet.set_column_width(1, 60)?;
        for col in 2..=4 {
            sheet.set_column_width(col, 16)?;
        }
        sheet.set_column_width(5, 66)?;
        sheet.write_string_with_format(0, 0, &l.title, &styles.title)?;
        Ok(Summary {
            sheet,
            l,
            formats,
            styles,
            row: 2,
        })
    }

    /// A section's title and its table's header row.
    fn section(&mut self, title: &str, headers: &Columns) -> Result<(), XlsxError> {
        self.sheet
            .write_string_with_format(self.row, 0, title, &self.styles.title)?;
        self.row += 1;
        write_headers(self.sheet, self.row, headers, self.formats)?;
        self.row += 1;
        Ok(())
    }

    /// Importable or not, with the count of errors and warnings.
    fn status(&mut self, report: &RunReport) -> Result<(), XlsxError> {
        let (l, row) = (self.l, self.row);
        self.sheet
            .write_string_with_format(row, 0, &l.status, &self.styles.bold)?;
        if report.importable() {
            (self.sheet).write_string_with_format(row, 1, &l.importable, &self.styles.good)?;
        } else {
            (self.sheet).write_string_with_format(row, 1, &l.not_importable, &self.styles.bad)?;
        }
        let counts = l.errors_warnings(report.errors(), report.warnings());
        self.sheet.write_string(row, 2, counts)?;
        self.row += 1;
        Ok(())
    }

    /// The company, the period and the Sage file, then a blank row.
    fn headline(&mut self, report: &RunReport) -> Result<(), XlsxError> {
        let l = self.l;
        let period = match (report.first_date, report.last_date) {
            (Some(first), Some(last)) => format!("{first} → {last}"),
            _ => "—".to_string(),
        };
        let company = report.context.company.clone();
        let sage_file = (report.sage_file.as_ref())
            .map(|p| file_name(p))
            .unwrap_or_else(|| l.no_sage_file.clone());
        let info = [
            (&l.company, company.unwrap_or_else(|| "—".into())),
            (&l.period, period),
            (&l.sage_file, sage_file),
        ];
        self.label_rows(info)?;
        self.row += 1;
        Ok(())
    }

    /// Rows of a bold label and its value.
    fn label_rows<'l>(
        &mut self,
        rows: impl IntoIterator<Item = (&'l String, String)>,
    ) -> Result<(), XlsxError> {
        for (label, value) in rows {
            (self.sheet).write_string_with_format(self.row, 0, label, &self.styles.bold)?;
            self.sheet.write_string(self.row, 1, value)?;
            self.row += 1;
        }
        Ok(())
    }

    /// The run's settings, a label and a value a row, under their own title;
    /// under the cash basis, the basis (`cash`'s labels) after the granularity.
    fn settings(
        &mut self,
        report: &RunReport,
        cash: Option<&super::cash::CashLabels>,
    ) -> Result<(), XlsxError> {
        let l = self.l;
        let context = &report.context;
        self.sheet
            .write_string_with_format(self.row, 0, &l.settings, &self.styles.title)?;
        self.row += 1;
        let granularity = format!("granularity-{}", context.granularity.as_ref());
        let chart = match &context.chart {
            Some(chart) => l.chart_checked(&chart.file, chart.accounts, chart.unusable),
            None => l.chart_none.clone(),
        };
        let basis = (cash.zip(report.cash.as_ref()))
            .map(|(labels, book)| (&labels.basis, labels.basis_text(&book.bases)));
        let info = [(&l.granularity, format_message(l.lang, &granularity, &[]))]
            .into_iter()
            .chain(basis)
            .chain([
                (&l.config_file, context.config_path.display().to_string()),
                (&l.chart, chart),
                (
                    &l.version,
                    format!("plannit2sage {}", env!("CARGO_PKG_VERSION")),
                ),
                (
                    &l.run_at,
                    report.started.format("%Y-%m-%d %H:%M:%S %:z").to_string(),
                ),
            ]);
        self.label_rows(info)?;
        self.row += 1;
        Ok(())
    }

    /// Where the queries came from and each query file.
    fn queries(&mut self, context: &RunContext) -> Result<(), XlsxError> {
        let l = self.l;
        (self.sheet).write_string_with_format(self.row, 0, &l.queries, &self.styles.bold)?;
        let origin = if context.queries_origin == crate::query::BUILT_IN_QUERIES {
            format_message(l.lang, "queries-built-in", &[])
        } else {
            context.queries_origin.clone()
        };
        self.sheet.write_string(self.row, 1, &origin)?;
        self.row += 1;
        for query in &context.query_names {
            self.sheet.write_string(self.row, 1, query)?;
            self.row += 1;
        }
        Ok(())
    }

    /// Each use of each input file: its report, sheet, rows and SHA-256.
    fn input_files(&mut self, report: &RunReport) -> Result<(), XlsxError> {
        let l = self.l;
        self.section(&l.input_files, &l.file_headers)?;
        for file in &report.files {
            for file_use in &file.uses {
                let (kind, sheet_name, rows, status) = describe_use(file_use, l);
                let row = self.row;
                self.sheet.write_string(row, 0, &file.name)?;
                self.sheet.write_string(row, 1, kind)?;
                self.sheet.write_string(row, 2, sheet_name)?;
                if let Some(rows) = rows {
                    self.sheet.write_number(row, 3, rows as f64)?;
                }
                self.sheet.write_string(row, 4, status)?;
                self.sheet.write_string(row, 5, &file.sha256)?;
                self.row += 1;
            }
        }
        self.row += 1;
        Ok(())
    }

    /// The journal's accounts and the configured roles' accounts, each with
    /// its debits and credits from the Journal sheet, and their total.
    fn accounts(
        &mut self,
        report: &RunReport,
        tables: &DetailTables,
    ) -> Result<AccountCells, XlsxError> {
        let l = self.l;
        self.section(&l.accounts, &l.account_headers)?;
        let first_account_row = self.row;
        let mut cells = AccountCells {
            revenue_tax: Vec::new(),
            revenue_tax_net: Decimal::ZERO,
            bank: Vec::new(),
            bank_net: Decimal::ZERO,
            receivable: Vec::new(),
            receivable_net: Decimal::ZERO,
            debits: Decimal::ZERO,
            credits: Decimal::ZERO,
        };
        for figures in &report.reconciliation.accounts {
            self.account_row(figures, tables, &mut cells)?;
        }
        let row = self.row;
        (self.sheet).write_string_with_format(row, 0, &l.total, &self.formats.total_label)?;
        let accounts = &report.reconciliation.accounts;
        (cells.debits, cells.credits) = (accounts.iter())
            .fold((Decimal::ZERO, Decimal::ZERO), |(d, c), a| {
                (d + a.debits, c + a.credits)
            });
        let (debits, credits) = (cells.debits, cells.credits);
        for (col, value) in [(2u16, debits), (3, credits), (4, debits - credits)] {
            let expression = format!(
                "SUM({}:{})",
                row_col_to_cell(first_account_row, col),
                row_col_to_cell(row - 1, col)
            );
            let total = formula(&expression, value);
            (self.sheet).write_formula_with_format(row, col, total, &self.formats.total_money)?;
        }
        self.row += 2;
        Ok(cells)
    }

    /// One account: number, roles, debits and credits as SUMIFS over the
    /// Journal, net; its net cell joins the controls' sides it belongs to.
    fn account_row(
        &mut self,
        figures: &AccountFigures,
        tables: &DetailTables,
        cells: &mut AccountCells,
    ) -> Result<(), XlsxError> {
        let (row, money) = (self.row, &self.formats.money);
        let (debit, credit, net) = (figures.debits, figures.credits, figures.net());
        let criteria = row_col_to_cell_absolute(row, 0);
        self.sheet.write_string(row, 0, &figures.account)?;
        let role = match &figures.name {
            Some(name) => format!("{name} — {}", describe_roles(&figures.roles, self.l)),
            None => describe_roles(&figures.roles, self.l),
        };
        // Wrapped text needs a taller row; not every spreadsheet program fits it.
        let text_lines = role.chars().count().div_ceil(62).max(1);
        if text_lines > 1 {
            self.sheet.set_row_height(row, 15.0 * text_lines as f64)?;
        }
        (self.sheet).write_string_with_format(row, 1, role, &self.styles.wrap)?;
        let debits = tables.journal.sumifs("debit", "account", &criteria);
        (self.sheet).write_formula_with_format(row, 2, formula(&debits, debit), money)?;
        let credits = tables.journal.sumifs("credit", "account", &criteria);
        (self.sheet).write_formula_with_format(row, 3, formula(&credits, credit), money)?;
        let difference = format!("{}-{}", row_col_to_cell(row, 2), row_col_to_cell(row, 3));
        (self.sheet).write_formula_with_format(row, 4, formula(&difference, net), money)?;
        let cell = row_col_to_cell(row, 4);
        if figures.is_revenue_or_tax() {
            cells.revenue_tax.push(cell.clone());
            cells.revenue_tax_net += net;
        }
        if figures.is_money() {
            cells.bank.push(cell.clone());
            cells.bank_net += net;
        }
        if figures.is_receivable() {
            cells.receivable.push(cell);
            cells.receivable_net += net;
        }
        self.row += 1;
        Ok(())
    }

    /// The controls: two sides and their difference, red when not zero.
    fn controls(&mut self, tables: &DetailTables, cells: &AccountCells) -> Result<(), XlsxError> {
        let l = self.l;
        self.section(&l.controls, &l.control_headers)?;
        let sum_cells = |cells: &[String]| {
            if cells.is_empty() {
                "0".to_string()
            } else {
                cells.join("+")
            }
        };
        let (invoices_total, received, applied) = (
            tables.invoices.total("total"),
            tables.payments.total("received"),
            tables.payments.total("receivable"),
        );
        let invoice_total_sum = tables.invoices.sum("total");
        let received_sum = tables.payments.sum("received");
        let applied_sum = tables.payments.sum("receivable");
        let mut controls = vec![
            (
                l.control_invoices.clone(),
                invoice_total_sum.clone(),
                invoices_total,
                format!("-({})", sum_cells(&cells.revenue_tax)),
                -cells.revenue_tax_net,
            ),
            (
                l.control_bank.clone(),
                received_sum.clone(),
                received,
                sum_cells(&cells.bank),
                cells.bank_net,
            ),
            (
                l.control_receivable.clone(),
                sum_cells(&cells.receivable),
                cells.receivable_net,
                format!("{invoice_total_sum}-{applied_sum}"),
                invoices_total - applied,
            ),
            (
                l.control_balance.clone(),
                tables.journal.sum("debit"),
                cells.debits,
                tables.journal.sum("credit"),
                cells.credits,
            ),
        ];
        if let (Some(labels), Some(cash)) = (&tables.cash_labels, &tables.cash) {
            // The cash basis: revenue and taxes come from invoices posted
            // when issued and from payments; the shares tie to the payments.
            let revenue_tax = (sum_cells(&cells.revenue_tax), cells.revenue_tax_net);
            let receivable = (sum_cells(&cells.receivable), cells.receivable_net);
            let [invoices, receivable, shares] = super::cash::controls(
                labels,
                &tables.invoices,
                &tables.payments,
                cash,
                revenue_tax,
                receivable,
            );
            controls[0] = invoices;
            controls[2] = receivable;
            controls.push(shares);
        }
        let first_control_row = self.row;
        let money = &self.formats.money;
        for (label, side_a, value_a, side_b, value_b) in controls {
            let row = self.row;
            self.sheet.write_string(row, 0, &label)?;
            (self.sheet).write_formula_with_format(row, 1, formula(&side_a, value_a), money)?;
            (self.sheet).write_formula_with_format(row, 2, formula(&side_b, value_b), money)?;
            let difference = format!("{}-{}", row_col_to_cell(row, 1), row_col_to_cell(row, 2));
            let difference = formula(&difference, value_a - value_b);
            (self.sheet).write_formula_with_format(row, 3, difference, money)?;
            self.row += 1;
        }
        let red_when_not_zero = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::NotEqualTo(0))
            .set_format(&self.styles.red_fill);
        let last = self.row - 1;
        (self.sheet).add_conditional_format(first_control_row, 3, last, 3, &red_when_not_zero)?;
        self.sheet.write_string(self.row, 0, &l.workbook_note)?;
        self.row += 2;
        Ok(())
    }
}

/// A file's use as the input table shows it: report, sheet, rows, status.
fn describe_use<'l>(file_use: &FileUse, l: &'l Labels) -> (&'l str, String, Option<usize>, String) {
    match file_use {
        FileUse::Used {
            kind, sheet, rows, ..
        } => (
            match kind {
                ReportKind::Sales => l.report_sales.as_str(),
                ReportKind::Payments => l.report_payments.as_str(),
                ReportKind::Payouts => l.report_payouts.as_str(),
                ReportKind::Receivable => l.report_receivable.as_str(),
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
    }
}
