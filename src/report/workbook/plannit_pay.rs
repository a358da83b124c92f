//! The "Plannit Pay" sheet: the clearing account's opening balance, the
//! payments received and the gross paid out in the batch, the closing balance
//! (money in transit) as a formula, a control against the Journal sheet, and
//! the payments not yet paid out.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::formula::formula;
use super::labels::Labels;
use super::summary::write_headers;
use super::table::{to_f64, Formats, WrittenTable};
use crate::report::figures::PlannitPayFigures;

pub(super) fn write_plannit_pay(
    workbook: &mut Workbook,
    figures: &PlannitPayFigures,
    l: &Labels,
    formats: &Formats,
    journal: &WrittenTable,
) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(&l.plannit_pay)?;
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    // Printed on one page wide, as the other sheets.
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_column_width(0, 52)?;
    for col in 1..=4 {
        sheet.set_column_width(col, 18)?;
    }
    sheet.write_string_with_format(0, 0, l.pp_title(&figures.clearing_account), &title)?;
    let money = &formats.money;
    // Rows 3–6 (1-based): opening, received, paid out, closing = in transit.
    let rows = [
        (&l.pp_opening, figures.opening),
        (&l.pp_received, figures.received),
        (&l.pp_paid_out, figures.paid_out),
    ];
    for (i, (label, value)) in rows.iter().enumerate() {
        let r = 2 + i as u32;
        sheet.write_string(r, 0, *label)?;
        sheet.write_number_with_format(r, 1, to_f64(*value), money)?;
    }
    sheet.write_string_with_format(5, 0, &l.pp_closing, &bold)?;
    sheet.write_formula_with_format(
        5,
        1,
        formula("B3+B4-B5", figures.closing),
        &formats.total_money,
    )?;
    // The journal's net on the clearing account must be what came in less
    // what was paid out.
    let criteria = format!("\"{}\"", figures.clearing_account);
    let journal_net = figures.received - figures.paid_out;
    let expression = format!(
        "{}-({})",
        journal.sumifs("debit", "account", &criteria),
        journal.sumifs("credit", "account", &criteria)
    );
    sheet.write_string(6, 0, &l.pp_journal_net)?;
    sheet.write_formula_with_format(6, 1, formula(&expression, journal_net), money)?;
    sheet.write_string_with_format(7, 0, &l.pp_control, &bold)?;
    sheet.write_formula_with_format(
        7,
        1,
        formula("B6-B3-B7", figures.closing - figures.opening - journal_net),
        money,
    )?;

    sheet.write_string_with_format(9, 0, &l.pp_waiting, &title)?;
    write_headers(sheet, 10, &l.pp_waiting_headers, formats)?;
    let mut r = 11u32;
    let mut total = Decimal::ZERO;
    for payment in &figures.waiting {
        if let Some(date) = payment.date {
            sheet.write_string(r, 0, date.to_string())?;
        }
        sheet.write_string(r, 1, &payment.invoice)?;
        sheet.write_string(r, 2, &payment.customer)?;
        sheet.write_number_with_format(r, 3, to_f64(payment.amount), money)?;
        if let Some(days) = payment.days {
            sheet.write_number(r, 4, days as f64)?;
        }
        total += payment.amount;
        r += 1;
    }
    sheet.write_string_with_format(r, 0, &l.total, &formats.total_label)?;
    let expression = if figures.waiting.is_empty() {
        "0".to_string()
    } else {
        let first = rust_xlsxwriter::utility::row_col_to_cell(11, 3);
        format!(
            "SUM({first}:{})",
            rust_xlsxwriter::utility::row_col_to_cell(r - 1, 3)
        )
    };
    sheet.write_formula_with_format(r, 3, formula(&expression, total), &formats.total_money)?;
    Ok(())
}
