//! The reconciliation workbook: what the run read, posted and found, in a
//! form an accountant can audit line by line. Layout only: every figure comes
//! from the run's report (the journal as written to the Sage file, and the
//! reconciliation figures computed by the pipeline); totals and controls are
//! live formulas with their computed results stored.
//!
//! `sheets` draws the detail sheets, `summary` the first sheet with its
//! controls, `table` writes one table over as many sheets as needed (`references` builds the formulas that refer to it), and
//! `labels` reads every piece of text from the message catalogue, in the
//! run's language. `verification` is the workbook of `plannit2sage verify`;
//! `cash` and `unpaid` the cash basis's columns, controls and sheets.

mod cash;
mod formula;
mod labels;
mod plannit_pay;
mod receivable;
mod references;
mod sheets;
mod summary;
mod table;
mod unpaid;
mod verification;

use std::path::Path;

use rust_xlsxwriter::{Workbook, XlsxError};

use crate::report::RunReport;
use labels::Labels;
pub use sheets::query_names;
use table::{Formats, EXCEL_MAX_DATA_ROWS};
pub use verification::write_verification_workbook;

/// Writes the workbook into `file` (a temporary file the caller renames).
pub fn save_workbook(file: &mut std::fs::File, report: &RunReport) -> Result<(), XlsxError> {
    build(report, EXCEL_MAX_DATA_ROWS)?.save_to_writer(file)
}

/// Writes the workbook to `path` safely, with detail sheets split every
/// `max_data_rows` rows.
pub fn write_workbook_with_limit(
    path: &Path,
    report: &RunReport,
    max_data_rows: usize,
) -> Result<(), XlsxError> {
    crate::output::write_atomically(path, |file| {
        build(report, max_data_rows)
            .and_then(|mut workbook| workbook.save_to_writer(file))
            .map_err(std::io::Error::other)
    })
    .map_err(XlsxError::IoError)
}

/// The workbook, its sheets written.
fn build(report: &RunReport, max_data_rows: usize) -> Result<Workbook, XlsxError> {
    // The run's language, not the thread's: the workbook may be written on
    // another thread.
    let l = &Labels::new(report.context.lang);
    let formats = Formats::new(&l.money_format);
    let mut workbook = Workbook::new();
    // Excel's own level: about twice as fast as the default 6 on a large
    // workbook, for a file a few percent larger.
    workbook.set_zip_compression_level(3);
    workbook.add_worksheet().set_name(&l.summary)?;
    let mut tables =
        sheets::write_detail_sheets(&mut workbook, report, l, &formats, max_data_rows)?;
    if let (Some(figures), Some(cash)) = (&report.reconciliation.cash, &tables.cash_labels) {
        let written =
            unpaid::write_cash_sheets(&mut workbook, figures, l, cash, &formats, max_data_rows)?;
        tables.cash = Some(written);
    }
    if let Some(figures) = &report.reconciliation.plannit_pay {
        plannit_pay::write_plannit_pay(&mut workbook, figures, l, &formats, &tables.journal)?;
    }
    if let (Some(figures), Some(open_items)) =
        (&report.reconciliation.receivable, &tables.open_items)
    {
        let tables = (&tables.journal, open_items);
        receivable::write_receivable(&mut workbook, figures, l, &formats, tables)?;
    }
    let sheet = workbook.worksheet_from_index(0)?;
    summary::write_summary(sheet, report, l, &formats, &tables)?;
    Ok(workbook)
}
