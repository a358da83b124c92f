//! Transform stage: runs the analyst's SQL files over the loaded tables with
//! Polars SQL. Journal queries produce journal lines, which are validated
//! before anything trusts them; check queries return the rows that break a
//! rule and become findings.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use polars::prelude::*;
use rust_decimal::Decimal;

use crate::i18n::Text;

mod checks;
mod engine;
mod guard;
mod journal_lines;
pub(crate) mod tables;
pub(crate) mod views;
use crate::t;
use checks::parse_check;
pub use checks::{run_checks, CheckQuery};
pub use engine::{run_query, warm_up, SqlTables};
pub use guard::CrossJoin;
pub use journal_lines::{run_journal, run_journal_each, JournalLine, JournalLineRef, LineSink};

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

/// A query folder or query that cannot be used: a setup error, never the data's.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.text())]
pub enum QueryError {
    /// A folder or file that cannot be read.
    Io(PathBuf, #[source] std::io::Error),
    /// The folder (as shown) has no journal query.
    NoJournal(String),
    /// A check's header comments are wrong.
    Header { file: String, message: Text },
    /// Polars refused or failed the query; `caret` points at the place in
    /// the query's text when Polars gives a line and column.
    Failed {
        file: String,
        #[source]
        source: PolarsError,
        caret: String,
    },
    /// The query's result does not have the expected columns or types.
    BadOutput { file: String, message: Text },
    /// The query reads files itself (`read_csv(…)`), which queries may not.
    FileAccess { file: String, function: String },
    /// The query's plan has a cross join of more than `limit` pairs: refused
    /// before it runs, which would exhaust the memory.
    CrossJoin {
        file: String,
        join: CrossJoin,
        limit: u128,
    },
    /// Polars stopped on the query (a panic inside it), with what it said.
    Stopped { file: String, message: String },
    /// The tables the queries read could not be built.
    Tables(#[from] PolarsError),
}

impl QueryError {
    pub fn text(&self) -> Text {
        match self {
            QueryError::Io(path, e) => t!(
                "load-query-io",
                path = path.display().to_string(),
                reason = crate::i18n::system_reason(e)
            ),
            QueryError::NoJournal(path) => t!("load-query-no-journal", path = path),
            QueryError::Header { file, message } | QueryError::BadOutput { file, message } => {
                t!("load-query-problem", file = file, message = message)
            }
            QueryError::Failed {
                file,
                source,
                caret,
            } => t!(
                "load-query-failed",
                file = file,
                message = format!("{source}{caret}")
            ),
            QueryError::FileAccess { file, function } => {
                t!("load-query-file-access", file = file, function = function)
            }
            QueryError::CrossJoin { file, join, limit } => {
                let count = crate::i18n::Arg::Grouped;
                t!(
                    "query-cross-join-too-large",
                    file = file,
                    left = count(join.left),
                    right = count(join.right),
                    pairs = count(join.pairs()),
                    limit = count(*limit)
                )
            }
            QueryError::Stopped { file, message } => {
                t!("query-stopped", file = file, message = message)
            }
            QueryError::Tables(e) => t!("setup-internal-table", reason = e.to_string()),
        }
    }
}

macro_rules! builtin {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../queries/", $path)))),*]
    };
}

/// The queries shipped with the tool, used when no queries folder is given.
const BUILTIN_QUERIES: &[(&str, &str)] = builtin!(
    "views/exported_payments.sql",
    "views/item_accounts.sql",
    "views/method_accounts.sql",
    "views/voided_payment_accounts.sql",
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
    "checks/payment_method_near_miss.sql",
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
                .map_err(|e| QueryError::Io(folder.clone(), e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "sql"))
                .collect();
            paths.sort();
            for path in paths {
                let sql =
                    std::fs::read_to_string(&path).map_err(|e| QueryError::Io(path.clone(), e))?;
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
