//! The verification workbook: what Sage 50's general ledger holds of each
//! batch, a sheet per kind of finding (batches, entries landed twice,
//! missing, different, voided batches found, postings outside the tool) and
//! a summary whose counts are live formulas over those sheets. Text from the
//! catalogue (`locales/<lang>/verify.ftl`, ids `verify-wb-…`), in the
//! verification's language.

use std::path::Path;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::formula::formula;
use super::references::quoted_sheet;
use super::table::{
    write_table, Formats, SheetMaker, TableSpec, Value, WrittenTable, EXCEL_MAX_DATA_ROWS,
};
use crate::history::verification::{BatchCheck, EntryCheck, EntryState, Verdict};
use crate::history::BatchState;
use crate::i18n::{format_message, Arg, Lang};
use crate::report::verification::VerificationReport;
use crate::sage::entry::debits_and_credits;

const BATCH_COLUMNS: &[&str] = &[
    "batch",
    "status",
    "first_date",
    "last_date",
    "verdict",
    "entries",
    "checked",
    "once",
    "twice",
    "missing",
    "different",
    "not_covered",
    "detail",
];
const BATCH_COUNTS: &[&str] = &[
    "entries",
    "checked",
    "once",
    "twice",
    "missing",
    "different",
    "not_covered",
];
const TWICE_COLUMNS: &[&str] = &[
    "batch", "date", "source", "comment", "je", "times", "debits",
];
const MISSING_COLUMNS: &[&str] = &["batch", "date", "source", "comment", "debits"];
const DIFFERENT_COLUMNS: &[&str] = &[
    "batch",
    "date",
    "source",
    "comment",
    "je",
    "found_date",
    "account",
    "expected",
    "found",
    "difference",
];
const VOID_COLUMNS: &[&str] = &[
    "batch",
    "date",
    "source",
    "comment",
    "je",
    "reversed_by",
    "debits",
];
const OUTSIDE_COLUMNS: &[&str] = &[
    "date",
    "source",
    "comment",
    "je",
    "account",
    "account_name",
    "debit",
    "credit",
    "file",
    "row",
];
const FILE_COLUMNS: &[&str] = &[
    "file",
    "company",
    "first_date",
    "last_date",
    "dates_from",
    "postings",
    "sha256",
];

/// A catalogue message in the workbook's language.
struct Words(Lang);

impl Words {
    fn get(&self, id: &str) -> String {
        format_message(self.0, id, &[])
    }

    fn with(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        format_message(self.0, id, args)
    }

    fn columns(&self, keys: &[&'static str]) -> Vec<(&'static str, String)> {
        (keys.iter())
            .map(|key| {
                (
                    *key,
                    self.with("verify-wb-column", &[("key", Arg::Text(key.to_string()))]),
                )
            })
            .collect()
    }

    fn verdict(&self, verdict: Verdict) -> String {
        let verdict = Arg::Text(verdict.as_ref().to_string());
        self.with(
            "verify-verdict",
            &[("verdict", verdict), ("count", Arg::Count(1))],
        )
    }
}

/// Writes the workbook to `path` safely (a temporary file, then renamed).
pub fn write_verification_workbook(
    path: &Path,
    report: &VerificationReport,
) -> std::io::Result<()> {
    crate::output::write_atomically(path, |file| {
        build(report)
            .and_then(|mut workbook| workbook.save_to_writer(file))
            .map_err(std::io::Error::other)
    })
}

fn build(report: &VerificationReport) -> Result<Workbook, XlsxError> {
    let words = Words(report.lang);
    let formats = Formats::new(&words.get("wb-money-format"));
    let mut workbook = Workbook::new();
    workbook
        .add_worksheet()
        .set_name(words.get("verify-wb-summary"))?;
    let maker = SheetMaker::new(&mut workbook, &formats)?;
    let table = |sheet: &str,
                 keys: &[&'static str],
                 totals: (&[&'static str], &[&'static str]),
                 rows: Vec<Vec<Value>>| {
        let columns = words.columns(keys);
        let spec = TableSpec {
            sheet,
            columns: &columns,
            total_columns: totals.0,
            count_columns: totals.1,
            total_label: &words.get("wb-total"),
            continued_label: &words.get("wb-continued"),
            max_data_rows: EXCEL_MAX_DATA_ROWS,
        };
        write_table(&maker, &formats, &spec, rows)
    };
    let batches = &report.verification.batches;
    let filled = vec![
        table(
            &words.get("verify-wb-batches"),
            BATCH_COLUMNS,
            (BATCH_COUNTS, BATCH_COUNTS),
            batch_rows(batches, &words),
        )?,
        table(
            &words.get("verify-wb-twice"),
            TWICE_COLUMNS,
            (&["times", "debits"], &["times"]),
            entry_rows(batches, EntryState::Twice),
        )?,
        table(
            &words.get("verify-wb-missing"),
            MISSING_COLUMNS,
            (&["debits"], &[]),
            entry_rows(batches, EntryState::Missing),
        )?,
        table(
            &words.get("verify-wb-different"),
            DIFFERENT_COLUMNS,
            (&["expected", "found", "difference"], &[]),
            difference_rows(batches),
        )?,
        table(
            &words.get("verify-wb-void-found"),
            VOID_COLUMNS,
            (&["debits"], &[]),
            entry_rows(batches, EntryState::VoidFound),
        )?,
        table(
            &words.get("verify-wb-outside"),
            OUTSIDE_COLUMNS,
            (&["debit", "credit"], &[]),
            outside_rows(report),
        )?,
    ];
    let mut written = maker.add_in_order(filled);
    let outside_table = written.pop().expect("the outside table");
    let batches_table = written.swap_remove(0);
    let sheet = workbook.worksheet_from_index(0)?;
    let tables = (&batches_table, &outside_table);
    write_summary(sheet, report, &words, &formats, tables)?;
    Ok(workbook)
}

fn text(value: impl Into<String>) -> Value {
    Value::Text(value.into())
}

fn count(n: usize) -> Value {
    Value::Count(n as u64)
}

fn batch_rows(batches: &[BatchCheck], words: &Words) -> Vec<Vec<Value>> {
    (batches.iter())
        .map(|batch| {
            let with =
                |state: EntryState| batch.entries.iter().filter(|e| e.state == state).count();
            let status = match batch.status {
                BatchState::Done => words.get("verify-wb-status-done"),
                BatchState::Void => words.get("verify-wb-status-void"),
            };
            let detail = match &batch.unverifiable {
                Some(why) => why.text().render(words.0),
                None => String::new(),
            };
            vec![
                text(&batch.id),
                text(status),
                Value::Date(batch.first_date),
                Value::Date(batch.last_date),
                text(words.verdict(batch.verdict)),
                count(batch.entries.len()),
                count(batch.entries.len() - batch.not_covered()),
                count(with(EntryState::Once)),
                count(with(EntryState::Twice)),
                count(with(EntryState::Missing)),
                count(with(EntryState::Different)),
                count(batch.not_covered()),
                text(detail),
            ]
        })
        .collect()
}

/// The entry's debits, as the Sage file wrote them.
fn debits(entry: &EntryCheck) -> Decimal {
    debits_and_credits(entry.entry.lines.iter().map(|(_, amount)| *amount)).0
}

/// The entries in `state`, one row each, by the sheet's columns.
fn entry_rows(batches: &[BatchCheck], state: EntryState) -> Vec<Vec<Value>> {
    // A voided entry's reversal found without it is as wrong as it found alone.
    let states: &[EntryState] = match state {
        EntryState::VoidFound => &[EntryState::VoidFound, EntryState::ReversalOnly],
        _ => &[state],
    };
    let mut rows = Vec::new();
    for batch in batches {
        for entry in batch.entries.iter().filter(|e| states.contains(&e.state)) {
            let mut row = vec![
                text(&batch.id),
                Value::Date(Some(entry.entry.date)),
                text(&entry.entry.source),
                text(&entry.entry.comment),
            ];
            match state {
                EntryState::Twice => {
                    row.push(text(entry.found.join(", ")));
                    row.push(count(entry.found.len()));
                }
                EntryState::VoidFound => {
                    row.push(text(entry.found.join(", ")));
                    row.push(text(entry.reversed_by.join(", ")));
                }
                _ => {}
            }
            row.push(Value::Money(debits(entry)));
            rows.push(row);
        }
    }
    rows
}

fn difference_rows(batches: &[BatchCheck]) -> Vec<Vec<Value>> {
    let mut rows = Vec::new();
    for batch in batches {
        for entry in batch
            .entries
            .iter()
            .filter(|e| e.state == EntryState::Different)
        {
            for difference in &entry.differences {
                rows.push(vec![
                    text(&batch.id),
                    Value::Date(Some(entry.entry.date)),
                    text(&entry.entry.source),
                    text(&entry.entry.comment),
                    text(entry.found.join(", ")),
                    Value::Date(entry.found_date),
                    text(&difference.account),
                    Value::Money(difference.expected),
                    Value::Money(difference.found),
                    Value::RowFormula {
                        template: "{found}-{expected}",
                        result: difference.found - difference.expected,
                    },
                ]);
            }
        }
    }
    rows
}

fn outside_rows(report: &VerificationReport) -> Vec<Vec<Value>> {
    (report.verification.outside.iter())
        .map(|posting| {
            vec![
                Value::Date(Some(posting.date)),
                text(&posting.source),
                text(&posting.comment),
                text(&posting.je),
                text(&posting.account),
                text(&posting.account_name),
                Value::Money(posting.debit),
                Value::Money(posting.credit),
                text(&posting.file),
                count(posting.row as usize),
            ]
        })
        .collect()
}

/// The summary: the status, what was compared with what, each verdict's
/// count and the postings outside the tool (formulas over the sheets), the
/// reports read.
fn write_summary(
    sheet: &mut Worksheet,
    report: &VerificationReport,
    words: &Words,
    formats: &Formats,
    tables: (&WrittenTable, &WrittenTable),
) -> Result<(), XlsxError> {
    // Printed on one page wide, as an accountant files it.
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_column_width(0, 48)?;
    sheet.set_column_width(1, 60)?;
    for col in 2..=6 {
        sheet.set_column_width(col, 16)?;
    }
    let title = Format::new().set_bold().set_font_size(14);
    sheet.write_string_with_format(0, 0, words.get("verify-wb-title"), &title)?;
    let row = write_headline(sheet, report, words)?;
    let row = write_findings(sheet, report, words, formats, tables, row + 1)?;
    write_files(sheet, report, words, formats, row + 1)
}

/// The status, then what was compared with what; the next free row.
fn write_headline(
    sheet: &mut Worksheet,
    report: &VerificationReport,
    words: &Words,
) -> Result<u32, XlsxError> {
    let bold = Format::new().set_bold();
    let verification = &report.verification;
    let (status, colour) = if verification.all_right() {
        ("verify-wb-all-right", "#2E7D32")
    } else {
        ("verify-wb-discrepancies", "#C62828")
    };
    let style = (bold.clone())
        .set_font_color(rust_xlsxwriter::Color::White)
        .set_background_color(colour);
    sheet.write_string_with_format(2, 0, words.get("verify-wb-status"), &bold)?;
    sheet.write_string_with_format(2, 1, words.get(status), &style)?;
    let dash = || "—".to_string();
    let join = |items: Vec<String>| {
        if items.is_empty() {
            dash()
        } else {
            items.join(", ")
        }
    };
    let dates = verification.dates().map(|(f, l)| format!("{f} → {l}"));
    let config = report.config_path.as_ref().map(|p| p.display().to_string());
    let unreported = verification.unreported_accounts.iter().cloned().collect();
    let info = [
        (
            "verify-wb-company",
            report.company.clone().unwrap_or_else(dash),
        ),
        ("verify-wb-dates", dates.unwrap_or_else(dash)),
        ("verify-wb-owned", join(verification.owned_accounts.clone())),
        ("verify-wb-unreported", join(unreported)),
        (
            "verify-wb-history",
            report.history_path.display().to_string(),
        ),
        ("verify-wb-config", config.unwrap_or_else(dash)),
        (
            "verify-wb-version",
            format!("plannit2sage {}", env!("CARGO_PKG_VERSION")),
        ),
        (
            "verify-wb-verified-at",
            report
                .verified_at
                .format("%Y-%m-%d %H:%M:%S %:z")
                .to_string(),
        ),
    ];
    let mut row = 3;
    for (label, value) in info {
        sheet.write_string_with_format(row, 0, words.get(label), &bold)?;
        sheet.write_string(row, 1, value)?;
        row += 1;
    }
    Ok(row)
}

/// Each verdict's count of batches and the lines posted outside the tool:
/// formulas over the Batches and Outside sheets; the next free row.
fn write_findings(
    sheet: &mut Worksheet,
    report: &VerificationReport,
    words: &Words,
    formats: &Formats,
    (batches, outside): (&WrittenTable, &WrittenTable),
    mut row: u32,
) -> Result<u32, XlsxError> {
    let title = Format::new().set_bold().set_font_size(14);
    sheet.write_string_with_format(row, 0, words.get("verify-wb-findings"), &title)?;
    row += 1;
    for (col, key) in ["verdict", "batches"].iter().enumerate() {
        let header = words.with("verify-wb-column", &[("key", Arg::Text(key.to_string()))]);
        sheet.write_string_with_format(row, col as u16, header, &formats.header)?;
    }
    row += 1;
    let verification = &report.verification;
    for verdict in Verdict::ALL {
        let label = words.verdict(verdict);
        let n = (verification.batches.iter())
            .filter(|b| b.verdict == verdict)
            .count();
        sheet.write_string(row, 0, &label)?;
        let criteria = format!("\"{}\"", label.replace('"', "\"\""));
        let count = formula(&count_if(batches, "verdict", &criteria), Decimal::from(n));
        sheet.write_formula(row, 1, count)?;
        row += 1;
    }
    sheet.write_string(row, 0, words.get("verify-wb-outside-count"))?;
    let n = Decimal::from(verification.outside.len());
    let count = formula(&count_if(outside, "je", "\"<>\""), n);
    sheet.write_formula(row, 1, count)?;
    Ok(row + 1)
}

/// The reports read: their title, the dates they cover and whence, their
/// postings and SHA-256.
fn write_files(
    sheet: &mut Worksheet,
    report: &VerificationReport,
    words: &Words,
    formats: &Formats,
    mut row: u32,
) -> Result<(), XlsxError> {
    let title = Format::new().set_bold().set_font_size(14);
    sheet.write_string_with_format(row, 0, words.get("verify-wb-files"), &title)?;
    row += 1;
    for (col, (_, header)) in words.columns(FILE_COLUMNS).iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, header, &formats.header)?;
    }
    row += 1;
    for ledger in &report.reports {
        let (first, last) = ledger
            .covers()
            .map_or((String::new(), String::new()), |(f, l)| {
                (f.to_string(), l.to_string())
            });
        let whence = if ledger.stated_range.is_some() {
            "verify-wb-dates-title"
        } else {
            "verify-wb-dates-postings"
        };
        sheet.write_string(row, 0, &ledger.name)?;
        sheet.write_string(row, 1, ledger.company.clone().unwrap_or_default())?;
        sheet.write_string(row, 2, first)?;
        sheet.write_string(row, 3, last)?;
        sheet.write_string(row, 4, words.get(whence))?;
        sheet.write_number(row, 5, ledger.postings.len() as f64)?;
        sheet.write_string(row, 6, &ledger.sha256)?;
        row += 1;
    }
    Ok(())
}

/// `COUNTIF(column, criteria)` added over every part of a table (`0` when empty).
fn count_if(table: &WrittenTable, key: &str, criteria: &str) -> String {
    use rust_xlsxwriter::utility::row_col_to_cell_absolute;
    let column = (table.keys.iter())
        .position(|k| *k == key)
        .unwrap_or_else(|| panic!("the table has no column '{key}'")) as u16;
    let counts: Vec<String> = (table.parts.iter())
        .filter(|p| p.last_row >= p.first_row)
        .map(|p| {
            let first = row_col_to_cell_absolute(p.first_row - 1, column);
            let last = row_col_to_cell_absolute(p.last_row - 1, column);
            format!(
                "COUNTIF({}!{first}:{last},{criteria})",
                quoted_sheet(&p.sheet)
            )
        })
        .collect();
    if counts.is_empty() {
        "0".to_string()
    } else {
        counts.join("+")
    }
}
