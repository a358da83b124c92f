//! The cash basis's own sheets: "Factures impayées / Unpaid invoices", the
//! invoices seen and not fully paid once the batch is posted (total, paid,
//! recognised, what remains as a formula), and "Quotes-parts / Payment
//! shares", each payment's share of each of its invoice's lines with the
//! formula that computes it: ROUND(L × P ÷ T, 2), plus what the rule adds
//! (the rounding gap on the largest revenue share, the remainders of the
//! payment that settles the invoice, a bounced payment's reversal).

use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::cash::{CashLabels, CashTables};
use super::labels::Labels;
use super::table::{write_table, Formats, SheetMaker, TableSpec, Value};
use crate::report::figures::{CashFigures, ShareRow, UnpaidRow};

/// Writes both sheets after the detail sheets; the tables the summary reads.
pub(super) fn write_cash_sheets(
    workbook: &mut Workbook,
    figures: &CashFigures,
    l: &Labels,
    cash: &CashLabels,
    formats: &Formats,
    max_data_rows: usize,
) -> Result<CashTables, XlsxError> {
    let maker = SheetMaker::new(workbook, formats)?;
    let spec = |sheet, columns, totals| TableSpec {
        sheet,
        columns,
        total_columns: totals,
        count_columns: &[],
        total_label: &l.total,
        continued_label: &l.continued,
        max_data_rows,
    };
    let unpaid_spec = spec(
        &cash.unpaid,
        &cash.unpaid_headers,
        &["total", "paid", "recognised", "remaining"],
    );
    let unpaid_rows = figures.unpaid.iter().map(unpaid_row);
    let unpaid = write_table(&maker, formats, &unpaid_spec, unpaid_rows)?;
    let shares_spec = spec(
        &cash.shares,
        &cash.shares_headers,
        &["rounded", "adjustment", "share"],
    );
    let kind = |row: &ShareRow| {
        crate::i18n::format_message(
            l.lang,
            "setup-doc-type",
            &[("kind", crate::i18n::Arg::from(row.doc_type.as_ref()))],
        )
    };
    let share_rows = (figures.shares.iter()).map(|row| share_row(row, kind(row), cash));
    let shares = write_table(&maker, formats, &shares_spec, share_rows)?;
    let mut written = maker.add_in_order(vec![unpaid, shares]);
    let shares = written.pop().expect("the shares table was written");
    Ok(CashTables { shares })
}

fn unpaid_row(row: &UnpaidRow) -> Vec<Value> {
    vec![
        Value::Text(row.invoice.clone()),
        Value::Date(Some(row.date)),
        Value::Text(row.customer.clone()),
        Value::Money(row.total),
        Value::Money(row.paid),
        Value::Money(row.recognised),
        Value::RowFormula {
            template: "{total}-{paid}",
            result: row.remaining,
        },
        row.days
            .map(|days| Value::Number(Decimal::from(days)))
            .unwrap_or(Value::Text(String::new())),
    ]
}

fn share_row(row: &ShareRow, kind: String, cash: &CashLabels) -> Vec<Value> {
    let role = if row.is_tax {
        &cash.role_tax
    } else {
        &cash.role_revenue
    };
    vec![
        Value::Date(Some(row.date)),
        Value::Text(row.number.clone()),
        Value::Text(kind),
        Value::Text(row.invoice.clone()),
        Value::Money(row.total),
        Value::Money(row.paid),
        Value::Text(row.account.clone()),
        Value::Text(role.clone()),
        Value::Money(row.line),
        Value::RowFormula {
            template: "ROUND({line}*{paid}/{total},2)",
            result: row.rounded,
        },
        Value::Money(row.adjustment),
        Value::RowFormula {
            template: "{rounded}+{adjustment}",
            result: row.share,
        },
        Value::Text(cash.rule(&row.rule)),
    ]
}
