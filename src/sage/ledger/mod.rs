//! Sage 50's General Ledger report, exported to Excel or CSV (Reports >
//! Financials > General Ledger, then Export), read back: every posting with
//! its account, date, comment, source, journal entry number and amount, and
//! the dates the report covers. Both layouts are read: one row per posting
//! with the account in a column, or postings grouped under a heading row per
//! account and closed by a total row. Sage publishes no column titles for its
//! exports, so the header is recognised by aliases (`columns`), in any column
//! order, under any title rows; dates as Sage prints them (`dates`); heading,
//! total and other rows by what they hold (`rows`).

mod columns;
mod dates;
mod rows;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use crate::i18n::Text;
use crate::load::dates::{DateError, DateOrder};
use crate::load::sheet::{parse_sheets, read_sheets, RawSheet, ReadError};
use crate::load::values::{AmountError, Cell};
use crate::load::Limits;
use crate::t;
use columns::{find_ledger_header, LedgerHeader, HEADER_SEARCH_ROWS};
pub use columns::{unknown_columns, LEDGER_COLUMNS};
pub use rows::OtherRows;

/// One line of the ledger: an account's debit or credit in a journal entry.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerPosting {
    pub account: String,
    pub account_name: String,
    pub date: NaiveDate,
    pub comment: String,
    pub source: String,
    /// Sage's journal entry number (`JE #`), one per entry.
    pub je: String,
    pub debit: Decimal,
    pub credit: Decimal,
    pub file: String,
    pub sheet: Option<String>,
    /// The row as the spreadsheet shows it (1-based).
    pub row: u64,
}

impl LedgerPosting {
    /// Debit positive, credit negative, as the import file writes amounts.
    pub fn amount(&self) -> Decimal {
        self.debit - self.credit
    }
}

/// A General Ledger report read.
#[derive(Debug, Clone)]
pub struct LedgerReport {
    pub path: PathBuf,
    /// The file's name, as messages show it.
    pub name: String,
    pub sha256: String,
    /// The first title row (the company's name, as Sage prints it).
    pub company: Option<String>,
    /// The range the title rows state.
    pub stated_range: Option<(NaiveDate, NaiveDate)>,
    pub postings: Vec<LedgerPosting>,
    pub other: OtherRows,
}

impl LedgerReport {
    /// The dates the report covers: the range its title states, else its
    /// first and last postings' dates.
    pub fn covers(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.stated_range.or_else(|| {
            let dates = || self.postings.iter().map(|p| p.date);
            Some((dates().min()?, dates().max()?))
        })
    }
}

/// How to read the report: the `[limits]`, `[columns.sage_ledger]` and
/// `[input] date_order` of the configuration.
#[derive(Debug, Clone, Default)]
pub struct LedgerOptions {
    pub limits: Limits,
    pub aliases: BTreeMap<String, Vec<String>>,
    pub date_order: DateOrder,
}

/// What is wrong in a cell or row of the report.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    MissingColumn(&'static str),
    Amount(AmountError),
    Date(DateError),
    NoDate,
    NoAccount,
    NoEntryNumber,
}

/// A problem at a place of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerProblem {
    pub file: String,
    pub sheet: Option<String>,
    pub row: Option<u64>,
    /// The column's header as written.
    pub column: Option<String>,
    pub kind: ProblemKind,
}

impl LedgerProblem {
    /// Where, then what, in the language it is shown in.
    pub fn text(&self) -> Text {
        let location = crate::diagnostics::Location {
            file: Some(self.file.clone()),
            sheet: self.sheet.clone(),
            row: self.row,
            column: self.column.clone(),
            document: None,
        };
        let message = match &self.kind {
            ProblemKind::MissingColumn(column) => t!(
                "verify-ledger-column-missing",
                column = *column,
                aliases = aliases_of(column)
            ),
            ProblemKind::Amount(e) => e.text(),
            ProblemKind::Date(e) => e.text(),
            ProblemKind::NoDate => t!("verify-ledger-no-date"),
            ProblemKind::NoAccount => t!("verify-ledger-no-account"),
            ProblemKind::NoEntryNumber => t!("verify-ledger-no-entry-number"),
        };
        t!(
            "verify-ledger-problem",
            location = location.to_string(),
            message = message
        )
    }

    /// Where to fix it: an ambiguous date or an unknown header in the
    /// configuration, anything else by exporting the report again.
    pub fn fix(&self) -> Text {
        match &self.kind {
            ProblemKind::Date(DateError::Ambiguous(_)) => t!("verify-fix-date-order"),
            ProblemKind::MissingColumn(column) => t!("verify-fix-columns", column = *column),
            _ => t!("verify-fix-export-again"),
        }
    }
}

fn aliases_of(column: &str) -> String {
    LEDGER_COLUMNS
        .iter()
        .find(|spec| spec.name == column)
        .map(|spec| spec.aliases.join(", "))
        .unwrap_or_default()
}

/// Why a file cannot be read as a General Ledger report.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.text())]
pub enum LedgerError {
    Read {
        path: PathBuf,
        #[source]
        source: ReadError,
    },
    /// No sheet has a General Ledger header in its first rows.
    NotALedger { path: PathBuf },
    /// Cells or columns that cannot be read; every one is listed.
    Problems {
        path: PathBuf,
        problems: Vec<LedgerProblem>,
    },
    /// No posting and no range in the title: nothing says which dates it covers.
    NoDates { path: PathBuf },
}

impl LedgerError {
    pub fn text(&self) -> Text {
        let shown = |path: &PathBuf| path.display().to_string();
        match self {
            LedgerError::Read { path, source } => t!(
                "verify-ledger-unreadable",
                file = shown(path),
                reason = source.text()
            ),
            LedgerError::NotALedger { path } => t!(
                "verify-ledger-not-a-ledger",
                file = shown(path),
                rows = HEADER_SEARCH_ROWS
            ),
            LedgerError::Problems { path, problems } => t!(
                "verify-ledger-problems",
                file = shown(path),
                count = problems.len()
            ),
            LedgerError::NoDates { path } => t!("verify-ledger-no-dates", file = shown(path)),
        }
    }
}

/// True when the file holds a General Ledger report (a sheet with its
/// header): how `watch` tells it from Plannit's exports. A CSV file is
/// judged by its first lines, not read whole.
pub fn is_ledger_report(path: &Path, options: &LedgerOptions) -> bool {
    let is_text = (path.extension())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"));
    let sheets = if is_text {
        head_of_text(path).and_then(|head| parse_sheets(&head, path, &options.limits).ok())
    } else {
        read_sheets(path, &options.limits).ok()
    };
    sheets.is_some_and(|sheets| {
        sheets.iter().any(|sheet| {
            find_ledger_header(&sheet.head(HEADER_SEARCH_ROWS), &options.aliases).is_some()
        })
    })
}

/// The first 64 KiB of a text file, cut after its last whole line.
fn head_of_text(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::new();
    let file = std::fs::File::open(path).ok()?;
    file.take(64 * 1024).read_to_end(&mut head).ok()?;
    if head.len() == 64 * 1024 {
        let end = head.iter().rposition(|b| *b == b'\n')?;
        head.truncate(end + 1);
    }
    Some(head)
}

/// Reads a General Ledger report: every sheet with the report's header.
pub fn read_ledger(path: &Path, options: &LedgerOptions) -> Result<LedgerReport, LedgerError> {
    let read_error = |source| LedgerError::Read {
        path: path.to_path_buf(),
        source,
    };
    let sheets = read_sheets(path, &options.limits).map_err(read_error)?;
    let bytes = std::fs::read(path).map_err(|e| read_error(ReadError::Io(e)))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let mut report = LedgerReport {
        path: path.to_path_buf(),
        name: name.clone(),
        sha256: format!("{:x}", Sha256::digest(&bytes)),
        company: None,
        stated_range: None,
        postings: Vec::new(),
        other: OtherRows::default(),
    };
    let mut problems = Vec::new();
    let mut found = false;
    for sheet in &sheets {
        let head = sheet.head(HEADER_SEARCH_ROWS);
        let Some(header) = find_ledger_header(&head, &options.aliases) else {
            continue;
        };
        found = true;
        read_sheet(sheet, &head, &header, options, &mut report, &mut problems);
    }
    if !found {
        return Err(LedgerError::NotALedger {
            path: path.to_path_buf(),
        });
    }
    if !problems.is_empty() {
        return Err(LedgerError::Problems {
            path: path.to_path_buf(),
            problems,
        });
    }
    if report.covers().is_none() {
        return Err(LedgerError::NoDates {
            path: path.to_path_buf(),
        });
    }
    Ok(report)
}

/// One sheet's title rows and postings into `report`.
fn read_sheet(
    sheet: &RawSheet,
    head: &[Vec<Cell>],
    header: &LedgerHeader,
    options: &LedgerOptions,
    report: &mut LedgerReport,
    problems: &mut Vec<LedgerProblem>,
) {
    let missing = header.missing_required();
    if !missing.is_empty() {
        problems.extend(missing.into_iter().map(|column| LedgerProblem {
            file: report.name.clone(),
            sheet: sheet.sheet.clone(),
            row: Some(sheet.first_row_number + header.row_index as u64),
            column: None,
            kind: ProblemKind::MissingColumn(column),
        }));
        return;
    }
    let order = date_order(sheet, header, options.date_order);
    let titles = &head[..header.row_index];
    if report.company.is_none() {
        report.company =
            (titles.iter()).find_map(|row| row.iter().find(|c| !c.is_blank()).map(Cell::to_text));
    }
    if let Some((first, last)) = titles.iter().find_map(|row| title_of(row, order)) {
        report.stated_range = Some(match report.stated_range {
            Some((f, l)) => (f.min(first), l.max(last)),
            None => (first, last),
        });
    }
    let read = rows::read_rows(sheet, header, order, &report.name);
    report.postings.extend(read.postings);
    problems.extend(read.problems);
    report.other.headings += read.other.headings;
    report.other.totals += read.other.totals;
    report.other.other += read.other.other;
}

/// The order of the sheet's numeric dates (see [`dates::infer_order`]).
fn date_order(sheet: &RawSheet, header: &LedgerHeader, configured: DateOrder) -> DateOrder {
    let Some(column) = header.index("date") else {
        return configured;
    };
    let texts: Vec<String> = (sheet.rows().skip(header.row_index + 1))
        .filter_map(|row| match row.get(column) {
            Some(Cell::Text(text)) => Some(text.clone()),
            _ => None,
        })
        .collect();
    dates::infer_order(texts.iter().map(String::as_str), configured)
}

/// The range a title row states, its cells read as one line.
fn title_of(row: &[Cell], order: DateOrder) -> Option<(NaiveDate, NaiveDate)> {
    let line: Vec<String> = (row.iter())
        .filter(|c| !c.is_blank())
        .map(Cell::to_text)
        .collect();
    dates::title_range(&line.join(" "), order)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_csv_ledger_is_told_from_its_first_lines() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = dir.path().join("gl.csv");
        let mut text = String::from("Gagnon\nGeneral Ledger Report\nDate,Comment,Source #,JE #,Debits,Credits\n1210 Receivable\n");
        while text.len() < 200 * 1024 {
            text.push_str("10/31/2026,\"Plannit, October\",PLN-261031,12,344.93,\n");
        }
        std::fs::write(&ledger, &text).unwrap();
        let options = LedgerOptions::default();
        assert!(is_ledger_report(&ledger, &options));
        assert_eq!(
            read_ledger(&ledger, &options).unwrap().postings.len(),
            text.lines().count() - 4
        );
        let payments = dir.path().join("paiements.csv");
        std::fs::write(
            &payments,
            "Date,No paiement,No facture,Type,Montant\n2026-10-05,R-1,F-1,Paiement,12.00\n",
        )
        .unwrap();
        assert!(!is_ledger_report(&payments, &options));
    }
}
