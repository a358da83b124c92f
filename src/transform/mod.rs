//! Transform stage: runs the analyst's SQL files over the loaded tables with
//! Polars SQL. Journal queries produce journal lines, which are validated
//! before anything trusts them; check queries return the rows that break a
//! rule and become findings.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use polars::prelude::*;
use rust_decimal::Decimal;

use crate::diagnostics::{Finding, Fix, Location};
use crate::i18n::Text;
use crate::journal::{JournalLine, JournalLineRef, LineSink};

mod checks;
mod sql_tables;
use crate::{t, tr};
use checks::parse_check;
pub use checks::{run_checks, CheckQuery};
pub use sql_tables::{run_query, warm_up, SqlTables};

/// A SQL file: its name relative to the queries folder and its text.
#[derive(Debug, Clone)]
pub struct QueryFile {
    pub name: String,
    pub sql: String,
}

/// The origin of the queries compiled into the binary.
pub const BUILT_IN_QUERIES: &str = "built-in queries";

/// The view, journal and check queries of a run.
#[derive(Debug, Clone)]
pub struct QuerySet {
    /// Where they were read from (a folder, or "built-in").
    pub origin: String,
    /// `views/*.sql`: each becomes a table (named after its file) that the
    /// journal queries, the checks and the workbook read.
    pub views: Vec<QueryFile>,
    pub journal: Vec<QueryFile>,
    pub checks: Vec<CheckQuery>,
}

#[derive(Debug)]
pub enum QueryError {
    /// A folder or file (as shown) that cannot be read.
    Io(String, std::io::Error),
    /// The folder (as shown) has no journal query.
    NoJournal(String),
    /// A check's header comments are wrong.
    Header {
        file: String,
        message: Text,
    },
    /// Polars refused or failed the query (its message).
    Failed {
        file: String,
        message: String,
    },
    /// The query's result does not have the expected columns or types.
    BadOutput {
        file: String,
        message: Text,
    },
    FileAccess {
        file: String,
        function: String,
    },
}

impl QueryError {
    pub fn text(&self) -> Text {
        match self {
            QueryError::Io(path, e) => t!("load-query-io", path = path, reason = e.to_string()),
            QueryError::NoJournal(path) => t!("load-query-no-journal", path = path),
            QueryError::Header { file, message } | QueryError::BadOutput { file, message } => {
                t!("load-query-problem", file = file, message = message)
            }
            QueryError::Failed { file, message } => {
                t!("load-query-failed", file = file, message = message)
            }
            QueryError::FileAccess { file, function } => {
                t!("load-query-file-access", file = file, function = function)
            }
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.text().fmt(f)
    }
}

impl std::error::Error for QueryError {}

macro_rules! builtin {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../queries/", $path)))),*]
    };
}

/// The queries shipped with the tool, used when no queries folder is given.
const BUILTIN_QUERIES: &[(&str, &str)] = builtin!(
    "views/item_accounts.sql",
    "views/method_accounts.sql",
    "journal/10_invoices_receivable.sql",
    "journal/20_invoices_revenue.sql",
    "journal/30_invoices_taxes.sql",
    "journal/40_payments_bank.sql",
    "journal/45_payments_tips.sql",
    "journal/50_payments_receivable.sql",
    "journal/55_deposits_applied.sql",
    "journal/60_payouts.sql",
    "checks/date_missing.sql",
    "checks/duplicate_payment_reference.sql",
    "checks/hst_without_account.sql",
    "checks/line_total_mismatch.sql",
    "checks/payment_date_missing.sql",
    "checks/payment_unknown_invoice.sql",
    "checks/payout_amount_mismatch.sql",
    "checks/payout_net_mismatch.sql",
    "checks/payout_unknown_payment.sql",
    "checks/payouts_without_accounts.sql",
    "checks/tip_without_account.sql",
    "checks/tax_rate_mismatch.sql",
    "checks/unmapped_item.sql",
    "checks/unmapped_item_default.sql",
);

impl QuerySet {
    pub fn builtin() -> Result<QuerySet, QueryError> {
        let files = BUILTIN_QUERIES
            .iter()
            .map(|(name, sql)| QueryFile {
                name: format!("queries/{name}"),
                sql: sql.to_string(),
            })
            .collect();
        QuerySet::from_files(BUILT_IN_QUERIES.to_string(), files)
    }

    /// Reads `views/*.sql`, `journal/*.sql` and `checks/*.sql` under `dir`, in
    /// name order. A folder without `views/` gets the built-in views, which the
    /// workbook needs.
    pub fn from_dir(dir: &Path) -> Result<QuerySet, QueryError> {
        let mut files = Vec::new();
        if !dir.join("views").is_dir() {
            files.extend(
                BUILTIN_QUERIES
                    .iter()
                    .filter(|(name, _)| name.starts_with("views/"))
                    .map(|(name, sql)| QueryFile {
                        name: format!("queries/{name}"),
                        sql: sql.to_string(),
                    }),
            );
        }
        for sub in ["views", "journal", "checks"] {
            let folder = dir.join(sub);
            if !folder.is_dir() {
                continue;
            }
            let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
                .map_err(|e| QueryError::Io(folder.display().to_string(), e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "sql"))
                .collect();
            paths.sort();
            for path in paths {
                let sql = std::fs::read_to_string(&path)
                    .map_err(|e| QueryError::Io(path.display().to_string(), e))?;
                files.push(QueryFile {
                    name: path.display().to_string(),
                    sql,
                });
            }
        }
        QuerySet::from_files(dir.display().to_string(), files)
    }

    fn from_files(origin: String, files: Vec<QueryFile>) -> Result<QuerySet, QueryError> {
        let mut views = Vec::new();
        let mut journal = Vec::new();
        let mut checks = Vec::new();
        for file in files {
            let folder = Path::new(&file.name)
                .parent()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned());
            match folder.as_deref() {
                Some("checks") => checks.push(parse_check(file)?),
                Some("views") => views.push(file),
                _ => journal.push(file),
            }
        }
        if journal.is_empty() {
            return Err(QueryError::NoJournal(origin));
        }
        Ok(QuerySet {
            origin,
            views,
            journal,
            checks,
        })
    }
}

/// A cell as text for messages and the exceptions sheet.
/// [`cell_text`], borrowed from a text column.
pub fn cell_text(column: &Column, row: usize) -> String {
    if let Ok(strings) = column.str() {
        // Text columns (source, comment, account) without going through AnyValue.
        return strings.get(row).map(str::to_string).unwrap_or_default();
    }
    match column.get(row) {
        Ok(AnyValue::Null) | Err(_) => String::new(),
        Ok(AnyValue::String(s)) => s.to_string(),
        Ok(AnyValue::StringOwned(s)) => s.to_string(),
        Ok(AnyValue::Decimal(mantissa, _, scale)) => {
            Decimal::from_i128_with_scale(mantissa, scale as u32).to_string()
        }
        Ok(AnyValue::Date(days)) => date_from_days(days)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        Ok(other) => other.to_string(),
    }
}

fn date_from_days(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::Duration::days(days.into()))
}

/// Runs the journal queries and validates their output: columns `date`,
/// `source`, `comment`, `account`, `amount` (exact decimal, at most two
/// places), optionally `source_rows`. A wrong column is an error in the query.
/// Lines without account or date are left out: the per-document pass
/// ([`run_journal_each`]) over the same rows reports them.
pub fn run_journal(
    tables: &SqlTables,
    queries: &[QueryFile],
) -> Result<Vec<JournalLine>, QueryError> {
    let mut lines = Vec::new();
    run_journal_each(tables, queries, &mut |line: JournalLineRef<'_>| {
        lines.push(line.into_owned())
    })?;
    Ok(lines)
}

/// As [`run_journal`], handing each line (its text borrowed) to `sink` as it
/// is read instead of collecting them (a per-document pass over a large batch has millions), and
/// returning the lines that could not be used (no account, no date) as
/// findings: usually the consequence of a check's error, such as an unmapped
/// item or an undated invoice.
pub fn run_journal_each(
    tables: &SqlTables,
    queries: &[QueryFile],
    sink: &mut impl LineSink,
) -> Result<Vec<Finding>, QueryError> {
    let mut unusable = Vec::new();
    tables.for_each_output(queries, |query, frame| {
        journal_lines(&frame, &query.name, sink, &mut unusable)
    })?;
    Ok(unusable)
}

fn journal_lines(
    frame: &DataFrame,
    file: &str,
    sink: &mut impl LineSink,
    unusable_lines: &mut Vec<Finding>,
) -> Result<(), QueryError> {
    let bad = |message: Text| QueryError::BadOutput {
        file: file.to_string(),
        message,
    };
    let column = |name: &str| {
        frame
            .column(name)
            .map_err(|_| bad(t!("load-journal-no-column", column = name)))
    };
    let date = column("date")?;
    let source = column("source")?;
    let comment = column("comment")?;
    let account = column("account")?;
    let amount = column("amount")?;
    let source_rows = frame.column("source_rows").ok();

    let scale = match amount.dtype() {
        DataType::Decimal(_, scale) if *scale <= 2 => *scale as u32,
        DataType::Decimal(_, scale) => {
            return Err(bad(t!(
                "load-journal-amount-scale",
                scale = scale.to_string()
            )))
        }
        DataType::Float32 | DataType::Float64 => return Err(bad(t!("load-journal-amount-float"))),
        dt if dt.is_integer() => 0,
        dt => return Err(bad(t!("load-journal-amount-type", kind = dt.to_string()))),
    };
    if date.dtype() != &DataType::Date {
        return Err(bad(t!(
            "load-journal-date-type",
            kind = date.dtype().to_string()
        )));
    }
    // Each column read through its typed values, in order (not cell by cell).
    let amount_mantissas: Int128Chunked = match amount.dtype() {
        DataType::Decimal(..) => amount.decimal().map(|d| d.physical().clone()),
        _ => amount
            .cast(&DataType::Int128)
            .and_then(|integers| integers.i128().cloned()),
    }
    .map_err(|_| {
        bad(t!(
            "load-journal-amount-type",
            kind = amount.dtype().to_string()
        ))
    })?;
    let days: Int32Chunked = date.date().map(|d| d.physical().clone()).map_err(|_| {
        bad(t!(
            "load-journal-date-type",
            kind = date.dtype().to_string()
        ))
    })?;
    let mut amounts = amount_mantissas.iter();
    let mut dates = days.iter();
    let mut accounts = text_cells(account);
    let mut sources = text_cells(source);
    let mut comments = text_cells(comment);
    let mut counts = source_rows.map(source_row_counts);
    let query_name: std::sync::Arc<str> = file.into();
    let unusable = |message: Text| {
        Finding::error(
            "journal_line",
            message,
            Location {
                file: Some(file.to_string()),
                ..Location::default()
            },
        )
        .fixed_in(Fix::Queries {
            file: file.to_string(),
        })
    };
    for row in 0..frame.height() {
        let value = (amounts.next().flatten()).map(|v| Decimal::from_i128_with_scale(v, scale));
        let account_text = accounts.next().unwrap_or_default();
        let source_text = sources.next().unwrap_or_default();
        let comment_text = comments.next().unwrap_or_default();
        let line_date = dates.next().flatten().and_then(date_from_days);
        let line_source_rows = counts.as_mut().and_then(Iterator::next).unwrap_or(0);
        let describe = || {
            tr!(
                "load-journal-line",
                row = (row + 1).to_string(),
                source = sink.source_name(&source_text).as_ref(),
                account = account_text.as_ref()
            )
        };
        let Some(mut value) = value else {
            unusable_lines.push(unusable(t!("load-journal-amount-empty", line = describe())));
            continue;
        };
        value.rescale(2);
        if account_text.trim().is_empty() {
            unusable_lines.push(unusable(t!(
                "load-journal-account-empty",
                line = describe(),
                amount = value.to_string()
            )));
            continue;
        }
        let Some(line_date) = line_date else {
            unusable_lines.push(unusable(t!(
                "load-journal-date-empty",
                line = describe(),
                amount = value.to_string()
            )));
            continue;
        };
        let account_text = match account_text {
            Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
            Cow::Owned(text) => Cow::Owned(text.trim().to_string()),
        };
        sink.line(JournalLineRef {
            date: line_date,
            source: source_text,
            comment: comment_text,
            account: account_text,
            amount: value,
            source_rows: line_source_rows,
            query: &query_name,
        });
    }
    Ok(())
}

/// A column's cells as text, in order: a text column's borrowed, another's
/// written out.
fn text_cells(column: &Column) -> Box<dyn Iterator<Item = Cow<'_, str>> + '_> {
    match column.str() {
        Ok(strings) => Box::new(
            strings
                .iter()
                .map(|text| Cow::Borrowed(text.unwrap_or_default())),
        ),
        Err(_) => Box::new((0..column.len()).map(|row| Cow::Owned(cell_text(column, row)))),
    }
}

/// `source_rows`, in order: an integer column's values (COUNT(*) is one),
/// else each cell's text read as a count; 0 where there is none.
fn source_row_counts(column: &Column) -> Box<dyn Iterator<Item = u64> + '_> {
    if column.dtype().is_integer() {
        // Negative counts (and nulls) become nulls in the cast: 0.
        if let Ok(counts) = column.cast(&DataType::UInt64) {
            let values: Vec<u64> = (counts.u64().expect("a UInt64 column, cast so").iter())
                .map(|count| count.unwrap_or(0))
                .collect();
            return Box::new(values.into_iter());
        }
    }
    Box::new((0..column.len()).map(|row| cell_text(column, row).parse().unwrap_or(0)))
}
