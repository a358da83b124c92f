//! The "Comptes clients / Receivable" sheet: the receivable's roll-forward
//! over the batch as live formulas with its control against the Journal;
//! the ledger's open items by customer, aged, with customer subtotals, a
//! grand total tied to the closing balance and a chart of the aging; then
//! the tie-out with each of Plannit's accounts-receivable reports. Also the
//! rows of the detail sheets' open items and bad debts tables.

use rust_decimal::Decimal;
use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{
    Chart, ChartType, ConditionalFormatCell, ConditionalFormatCellRule, Format, Workbook,
    Worksheet, XlsxError,
};

use super::formula::formula;
use super::labels::{message, with_args, Labels};
use super::table::{to_f64, Formats, Value, WrittenTable};
use crate::i18n::{Arg, Lang};
use crate::report::figures::receivable::{
    aging_bucket, ReceivableFigures, TieOut, TieOutRow, MOVEMENTS,
};

/// The customers' table: customer, the four aging buckets, balance, note.
const BUCKET_COLUMNS: [u16; 4] = [1, 2, 3, 4];
const BALANCE_COLUMN: u16 = 5;

/// Rows (0-based) of the roll-forward: the opening, one per movement, the
/// closing, the Journal's net and the control.
const OPENING_ROW: u32 = 2;
const CLOSING_ROW: u32 = OPENING_ROW + 1 + MOVEMENTS.len() as u32;
/// The open items' title, below the chart.
const OPEN_ITEMS_ROW: u32 = CLOSING_ROW + 5;

struct Styles<'f> {
    formats: &'f Formats,
    title: Format,
    bold: Format,
    /// A customer in credit: paid more than it owes.
    credit: Format,
}

pub(super) fn write_receivable(
    workbook: &mut Workbook,
    figures: &ReceivableFigures,
    l: &Labels,
    formats: &Formats,
    tables: (&WrittenTable, &WrittenTable),
) -> Result<(), XlsxError> {
    let (journal, open_items) = tables;
    let lang = l.lang;
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(message(lang, "wb-ar-sheet"))?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_column_width(0, 56)?;
    for col in 1..=BALANCE_COLUMN {
        sheet.set_column_width(col, 19)?;
    }
    sheet.set_column_width(BALANCE_COLUMN + 1, 28)?;
    let styles = Styles {
        formats,
        title: Format::new().set_bold().set_font_size(14),
        bold: Format::new().set_bold(),
        credit: Format::new().set_bold().set_background_color("#FCE4D6"),
    };
    let title = with_args(
        lang,
        "wb-ar-title",
        &[("account", Arg::from(&*figures.account))],
    );
    sheet.write_string_with_format(0, 0, title, &styles.title)?;
    write_roll_forward(sheet, figures, lang, &styles, journal)?;
    let next = write_customers(sheet, figures, open_items, (lang, &styles), OPEN_ITEMS_ROW)?;
    let mut row = next + 2;
    for tie_out in &figures.tie_outs {
        row = write_tie_out(sheet, tie_out, lang, &styles, row)? + 2;
    }
    Ok(())
}

/// Opening + each movement = closing; the Journal's net on the account; the
/// control closing − opening − Journal, which must be 0.
fn write_roll_forward(
    sheet: &mut Worksheet,
    figures: &ReceivableFigures,
    lang: Lang,
    styles: &Styles,
    journal: &WrittenTable,
) -> Result<(), XlsxError> {
    let money = &styles.formats.money;
    sheet.write_string(OPENING_ROW, 0, message(lang, "wb-ar-opening"))?;
    sheet.write_number_with_format(OPENING_ROW, 1, to_f64(figures.opening), money)?;
    for (i, (kind, amount)) in MOVEMENTS.iter().zip(&figures.movements).enumerate() {
        let row = OPENING_ROW + 1 + i as u32;
        let label = with_args(
            lang,
            "wb-ar-movement",
            &[("kind", Arg::from(format!("{kind:?}")))],
        );
        sheet.write_string(row, 0, label)?;
        sheet.write_number_with_format(row, 1, to_f64(*amount), money)?;
    }
    let range = |first: u32, last: u32| {
        format!("{}:{}", row_col_to_cell(first, 1), row_col_to_cell(last, 1))
    };
    sheet.write_string_with_format(CLOSING_ROW, 0, message(lang, "wb-ar-closing"), &styles.bold)?;
    sheet.write_formula_with_format(
        CLOSING_ROW,
        1,
        formula(
            &format!("SUM({})", range(OPENING_ROW, CLOSING_ROW - 1)),
            figures.closing,
        ),
        &styles.formats.total_money,
    )?;
    let criteria = format!("\"{}\"", figures.account);
    let journal_net: Decimal = figures.movements.iter().sum();
    let expression = format!(
        "{}-({})",
        journal.sumifs("debit", "account", &criteria),
        journal.sumifs("credit", "account", &criteria)
    );
    sheet.write_string(CLOSING_ROW + 1, 0, message(lang, "wb-ar-journal-net"))?;
    sheet.write_formula_with_format(
        CLOSING_ROW + 1,
        1,
        formula(&expression, journal_net),
        money,
    )?;
    let (closing, opening, net) = (
        row_col_to_cell(CLOSING_ROW, 1),
        row_col_to_cell(OPENING_ROW, 1),
        row_col_to_cell(CLOSING_ROW + 1, 1),
    );
    sheet.write_string_with_format(
        CLOSING_ROW + 2,
        0,
        message(lang, "wb-ar-control"),
        &styles.bold,
    )?;
    let control = figures.closing - figures.opening - journal_net;
    sheet.write_formula_with_format(
        CLOSING_ROW + 2,
        1,
        formula(&format!("{closing}-{opening}-{net}"), control),
        money,
    )?;
    Ok(())
}

/// The open items by customer from `top`: each customer's aging buckets
/// and balance as sums over its rows of the open items sheet (flagged when
/// in credit), the grand total, its control against the closing balance and
/// the aging chart; returns the row after them.
fn write_customers(
    sheet: &mut Worksheet,
    figures: &ReceivableFigures,
    open_items: &WrittenTable,
    (lang, styles): (Lang, &Styles),
    top: u32,
) -> Result<u32, XlsxError> {
    let as_of = figures.as_of.map(|d| d.to_string()).unwrap_or_default();
    let heading = with_args(lang, "wb-ar-open-title", &[("date", Arg::from(as_of))]);
    sheet.write_string_with_format(top, 0, heading, &styles.title)?;
    for (col, key) in CUSTOMER_COLUMNS.iter().enumerate() {
        let header = message(lang, &format!("wb-ar-header-{key}"));
        sheet.write_string_with_format(top + 1, col as u16, header, &styles.formats.header)?;
    }
    let first = top + 2;
    let mut row = first;
    let mut totals = [Decimal::ZERO; 5];
    let mut index = 0usize;
    for items in figures.open_items.chunk_by(|a, b| a.customer == b.customer) {
        let mut sums = [Decimal::ZERO; 5];
        for item in items {
            sums[aging_bucket(item.date, figures.as_of)] += item.balance;
            sums[4] += item.balance;
        }
        let rows = index..index + items.len();
        write_customer_row(
            sheet,
            (&items[0].customer, sums),
            open_items,
            rows,
            (lang, styles),
            row,
        )?;
        for (total, sum) in totals.iter_mut().zip(sums) {
            *total += sum;
        }
        index += items.len();
        row += 1;
    }
    sheet.write_string_with_format(
        row,
        0,
        message(lang, "wb-ar-total"),
        &styles.formats.total_label,
    )?;
    for (col, total) in (1u16..).zip(totals) {
        // No customer owes anything: a sum over no row.
        let expression = match row > first {
            true => format!("SUM({})", subtotal_range(first, row, col)),
            false => "0".to_string(),
        };
        let cell = formula(&expression, total);
        sheet.write_formula_with_format(row, col, cell, &styles.formats.total_money)?;
    }
    let balance = row_col_to_cell(row, BALANCE_COLUMN);
    let control = format!("{balance}-{}", row_col_to_cell(CLOSING_ROW, 1));
    sheet.write_string_with_format(
        row + 1,
        0,
        message(lang, "wb-ar-open-control"),
        &styles.bold,
    )?;
    let difference = totals[4] - figures.closing;
    let cell = formula(&control, difference);
    sheet.write_formula_with_format(row + 1, BALANCE_COLUMN, cell, &styles.formats.money)?;
    insert_aging_chart(sheet, lang, top + 1, row)?;
    Ok(row + 2)
}

/// The aging columns, the balance and the note of the customers' table.
const CUSTOMER_COLUMNS: [&str; 7] = [
    "customer", "bucket-0", "bucket-1", "bucket-2", "bucket-3", "balance", "note",
];

/// A customer's row: each column the sum of its `rows` of the open items
/// sheet (`sums` are their values).
fn write_customer_row(
    sheet: &mut Worksheet,
    (customer, sums): (&str, [Decimal; 5]),
    open_items: &WrittenTable,
    rows: std::ops::Range<usize>,
    (lang, styles): (Lang, &Styles),
    row: u32,
) -> Result<(), XlsxError> {
    let in_credit = sums[4].is_sign_negative() && !sums[4].is_zero();
    let customer_format = if in_credit {
        &styles.credit
    } else {
        &styles.bold
    };
    sheet.write_string_with_format(row, 0, customer, customer_format)?;
    let keys = ["bucket_0", "bucket_1", "bucket_2", "bucket_3", "balance"];
    for ((col, key), sum) in (1u16..).zip(keys).zip(sums) {
        let ranges = open_items.ranges_of_rows(key, rows.clone()).join(",");
        let cell = formula(&format!("SUM({ranges})"), sum);
        sheet.write_formula_with_format(row, col, cell, &styles.formats.money)?;
    }
    if in_credit {
        let note = message(lang, "wb-ar-in-credit");
        sheet.write_string_with_format(row, BALANCE_COLUMN + 1, note, &styles.credit)?;
    }
    Ok(())
}

/// `E5:E9`: a column over rows `from..to` (the range `E5:E5` when empty).
fn subtotal_range(from: u32, to: u32, col: u16) -> String {
    let last = to.saturating_sub(1).max(from);
    format!(
        "{}:{}",
        row_col_to_cell(from, col),
        row_col_to_cell(last, col)
    )
}

/// A column chart of the grand total's aging buckets, beside the roll-forward.
fn insert_aging_chart(
    sheet: &mut Worksheet,
    lang: Lang,
    header_row: u32,
    total_row: u32,
) -> Result<(), XlsxError> {
    let name = sheet.name();
    let (first, last) = (BUCKET_COLUMNS[0], BUCKET_COLUMNS[3]);
    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_categories((name.as_str(), header_row, first, header_row, last))
        .set_values((name.as_str(), total_row, first, total_row, last))
        .set_name(message(lang, "wb-ar-chart-series").as_str());
    chart.title().set_name(&message(lang, "wb-ar-chart-title"));
    chart.legend().set_hidden();
    // Beside the roll-forward, above the open items.
    chart.set_width(560).set_height(220);
    sheet.insert_chart_with_offset(1, 3, &chart, 0, 0)?;
    Ok(())
}

/// One report's tie-out from `top`: each invoice's balance in Plannit and in
/// the ledger, the difference as a formula (red when not 0), customer
/// subtotals and the grand total; returns the row after it.
fn write_tie_out(
    sheet: &mut Worksheet,
    tie_out: &TieOut,
    lang: Lang,
    styles: &Styles,
    top: u32,
) -> Result<u32, XlsxError> {
    let heading = with_args(
        lang,
        "wb-ar-tie-out-title",
        &[
            ("file", Arg::from(&*tie_out.file)),
            ("date", Arg::from(tie_out.as_of.to_string())),
        ],
    );
    sheet.write_string_with_format(top, 0, heading, &styles.title)?;
    let headers = ["customer", "invoice", "plannit", "ledger", "difference"];
    for (col, key) in headers.iter().enumerate() {
        let header = message(lang, &format!("wb-ar-tie-header-{key}"));
        sheet.write_string_with_format(top + 1, col as u16, header, &styles.formats.header)?;
    }
    let first = top + 2;
    let mut row = first;
    for customer in tie_out.rows.chunk_by(|a, b| a.customer == b.customer) {
        let from = row;
        for item in customer {
            write_tie_out_row(sheet, item, &styles.formats.money, row)?;
            row += 1;
        }
        let name = customer
            .first()
            .map(|r| r.customer.as_str())
            .unwrap_or_default();
        let label = with_args(
            lang,
            "wb-ar-customer-total",
            &[("customer", Arg::from(name))],
        );
        let totals = TieOutTotals {
            rows: customer,
            range: (from, row),
            label,
        };
        write_tie_out_totals(sheet, &totals, &styles.bold, styles)?;
        row += 1;
    }
    let totals = TieOutTotals {
        rows: &tie_out.rows,
        range: (first, row),
        label: message(lang, "wb-ar-tie-total"),
    };
    write_tie_out_totals(sheet, &totals, &styles.formats.total_label, styles)?;
    let red = Format::new().set_font_color("#C00000").set_bold();
    let not_zero = ConditionalFormatCell::new()
        .set_rule(ConditionalFormatCellRule::NotEqualTo(0))
        .set_format(red);
    sheet.add_conditional_format(first, 4, row, 4, &not_zero)?;
    Ok(row + 1)
}

/// An invoice: Plannit's balance, the ledger's (0 where it is not open) and
/// the difference as a formula.
fn write_tie_out_row(
    sheet: &mut Worksheet,
    item: &TieOutRow,
    money: &Format,
    row: u32,
) -> Result<(), XlsxError> {
    sheet.write_string(row, 0, &item.customer)?;
    sheet.write_string(row, 1, &item.invoice)?;
    let plannit = item.plannit.unwrap_or_default();
    let ledger = item.ledger.unwrap_or_default();
    sheet.write_number_with_format(row, 2, to_f64(plannit), money)?;
    sheet.write_number_with_format(row, 3, to_f64(ledger), money)?;
    let difference = format!("{}-{}", row_col_to_cell(row, 2), row_col_to_cell(row, 3));
    sheet.write_formula_with_format(row, 4, formula(&difference, plannit - ledger), money)?;
    Ok(())
}

/// A subtotal row of the tie-out: its label on the row after `range`.
struct TieOutTotals<'a> {
    rows: &'a [TieOutRow],
    /// The rows it adds up, `from..to`; the totals go on row `to`.
    range: (u32, u32),
    label: String,
}

fn write_tie_out_totals(
    sheet: &mut Worksheet,
    totals: &TieOutTotals,
    label_format: &Format,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let (from, to) = totals.range;
    sheet.write_string_with_format(to, 0, &totals.label, label_format)?;
    let sum = |get: fn(&TieOutRow) -> Decimal| totals.rows.iter().map(get).sum::<Decimal>();
    let columns: [(u16, Decimal); 3] = [
        (2, sum(|r| r.plannit.unwrap_or_default())),
        (3, sum(|r| r.ledger.unwrap_or_default())),
        (4, sum(TieOutRow::difference)),
    ];
    for (col, value) in columns {
        let expression = match to > from {
            true => format!("SUBTOTAL(9,{})", subtotal_range(from, to, col)),
            false => "0".to_string(),
        };
        let cell = formula(&expression, value);
        sheet.write_formula_with_format(to, col, cell, &styles.formats.total_money)?;
    }
    Ok(())
}

/// The bad debts table's columns with totals.
pub(super) const BAD_DEBT_TOTALS: &[&str] = &[
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

/// A bad debt's row: its figures, the taxes recovered as formulas.
pub(super) fn bad_debt_row(
    invoice: &crate::journal::voided::VoidedInvoice,
    debt: &crate::journal::voided::BadDebt,
) -> Vec<Value> {
    const RECOVERED: [&str; 3] = [
        "ROUND({gst}*{unpaid}/{total},2)",
        "ROUND({qst}*{unpaid}/{total},2)",
        "ROUND({hst}*{unpaid}/{total},2)",
    ];
    let mut row = vec![
        Value::Text(invoice.doc.number.to_string()),
        Value::Text(invoice.doc.customer.to_string()),
        Value::Date(Some(invoice.state.date)),
        Value::Money(debt.total),
        Value::Money(debt.unpaid),
    ];
    row.extend(debt.taxes.map(Value::Money));
    for (template, recovered) in RECOVERED.into_iter().zip(debt.recovered) {
        // Past four years nothing is recovered: a figure, not the formula.
        row.push(if debt.within_limit {
            Value::RowFormula {
                template,
                result: recovered,
            }
        } else {
            Value::Money(recovered)
        });
    }
    row.push(Value::RowFormula {
        template: "{unpaid}-{gst_recovered}-{qst_recovered}-{hst_recovered}",
        result: debt.written_off(),
    });
    row
}

pub(super) const OPEN_ITEM_TOTALS: &[&str] =
    &["bucket_0", "bucket_1", "bucket_2", "bucket_3", "balance"];

/// The receivable's open items by customer, each balance in its aging
/// bucket; the balance is the buckets' sum (the "Soldes ouverts" table).
pub(super) fn open_item_rows(figures: &ReceivableFigures) -> impl Iterator<Item = Vec<Value>> + '_ {
    figures.open_items.iter().map(|item| {
        // The balance in its bucket, the other buckets empty: one number to
        // read (and to write) where four were.
        let mut buckets = [Value::Blank, Value::Blank, Value::Blank, Value::Blank];
        buckets[aging_bucket(item.date, figures.as_of)] = Value::Money(item.balance);
        let days = figures.as_of.map(|as_of| (as_of - item.date).num_days());
        let mut row = vec![
            Value::Text(item.customer.to_string()),
            Value::Text(item.invoice.to_string()),
            Value::Date(Some(item.date)),
            Value::Number(days.map(Decimal::from).unwrap_or_default()),
        ];
        row.extend(buckets);
        row.push(Value::RowFormula {
            template: "{bucket_0}+{bucket_1}+{bucket_2}+{bucket_3}",
            result: item.balance,
        });
        row
    })
}
