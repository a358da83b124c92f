//! Transform stage: runs the analyst's SQL files over the loaded tables with
//! Polars SQL. Journal queries produce journal lines, which are validated
//! before anything trusts them; check queries return the rows that break a
//! rule and become findings.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use polars::prelude::*;
use polars::sql::SQLContext;
use rust_decimal::Decimal;

use crate::diagnostics::{Finding, Location, Severity};
use crate::journal::JournalLine;

/// A SQL file: its name relative to the queries folder and its text.
#[derive(Debug, Clone)]
pub struct QueryFile {
    pub name: String,
    pub sql: String,
}

/// A check: a query returning offending rows, with its header settings.
#[derive(Debug, Clone)]
pub struct CheckQuery {
    pub query: QueryFile,
    pub rule: String,
    pub severity: Severity,
    /// Message shown per row; `{column}` is replaced by the row's value.
    pub message: String,
    /// Canonical column the finding points at, if any.
    pub column: Option<String>,
    /// `-- setup: true`: the fix is in the configuration (exit status 2).
    pub setup: bool,
}

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

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("{0}: cannot read the queries folder: {1}")]
    Io(String, std::io::Error),
    #[error("{0}: the folder has no journal/*.sql query")]
    NoJournal(String),
    #[error("{file}: {message}")]
    Header { file: String, message: String },
    #[error("{file}: the query failed: {message}")]
    Failed { file: String, message: String },
    #[error("{file}: {message}")]
    BadOutput { file: String, message: String },
    #[error("{file}: this query reads files ({function}); queries may only use the tables plannit2sage provides")]
    FileAccess { file: String, function: String },
}

macro_rules! builtin {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../queries/", $path)))),*]
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
        QuerySet::from_files("built-in queries".to_string(), files)
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

/// Reads a check's header comments: `-- severity: error|warning`,
/// `-- message: ...` and optionally `-- column: name`.
fn parse_check(query: QueryFile) -> Result<CheckQuery, QueryError> {
    let header_error = |message: &str| QueryError::Header {
        file: query.name.clone(),
        message: message.to_string(),
    };
    let mut settings: BTreeMap<String, String> = BTreeMap::new();
    for line in query.sql.lines() {
        let Some(comment) = line.trim().strip_prefix("--") else {
            if line.trim().is_empty() {
                continue;
            }
            break;
        };
        if let Some((key, value)) = comment.split_once(':') {
            settings.insert(key.trim().to_lowercase(), value.trim().to_string());
        }
    }
    let severity =
        match settings
            .get("severity")
            .map(|s| s.to_lowercase())
            .as_deref()
        {
            Some("error") => Severity::Error,
            Some("warning") => Severity::Warning,
            _ => return Err(header_error(
                "the first comment lines must say '-- severity: error' or '-- severity: warning'",
            )),
        };
    let message = settings.get("message").cloned().ok_or_else(|| {
        header_error("the first comment lines must include '-- message: ...' explaining the rule")
    })?;
    let rule = Path::new(&query.name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(CheckQuery {
        rule,
        severity,
        message,
        column: settings.get("column").cloned(),
        setup: settings
            .get("setup")
            .is_some_and(|s| s == "true" || s == "yes"),
        query,
    })
}

/// Table functions that read files: refused, so that a query only sees the
/// tables of the run.
const FILE_FUNCTIONS: &[&str] = &[
    "read_csv",
    "read_parquet",
    "read_ipc",
    "read_json",
    "read_ndjson",
    "scan_",
];

pub fn run_query(tables: &SqlTables, query: &QueryFile) -> Result<DataFrame, QueryError> {
    let lowered = query.sql.to_lowercase();
    if let Some(function) = FILE_FUNCTIONS.iter().find(|f| lowered.contains(*f)) {
        return Err(QueryError::FileAccess {
            file: query.name.clone(),
            function: function.to_string(),
        });
    }
    let failed = |e: PolarsError| QueryError::Failed {
        file: query.name.clone(),
        message: e.to_string(),
    };
    tables
        .context()
        .execute(&query.sql)
        .map_err(failed)?
        .collect()
        .map_err(failed)
}

/// The tables every query sees: the loaded tables, then the views computed
/// over them (in name order, each seeing the ones before). Each query runs in
/// a fresh SQL context: a context remembers the aliases of earlier queries'
/// subqueries, which would otherwise shadow a later query's own aliases.
pub struct SqlTables {
    tables: Vec<(String, LazyFrame)>,
}

impl SqlTables {
    pub fn new(
        tables: Vec<(&'static str, DataFrame)>,
        views: &[QueryFile],
    ) -> Result<Self, QueryError> {
        let mut sql_tables = SqlTables {
            tables: tables
                .into_iter()
                .map(|(name, frame)| (name.to_string(), frame.lazy()))
                .collect(),
        };
        for view in views {
            let name = Path::new(&view.name)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            // Computed once, not once per query that reads it.
            let frame = run_query(&sql_tables, view)?;
            sql_tables.tables.push((name, frame.lazy()));
        }
        Ok(sql_tables)
    }

    /// Every table and view, in the order registered.
    pub fn names(&self) -> Vec<&str> {
        self.tables.iter().map(|(name, _)| name.as_str()).collect()
    }

    /// A table or view as computed, if the run has it.
    pub fn frame(&self, name: &str) -> Option<LazyFrame> {
        self.tables
            .iter()
            .find(|(table, _)| table == name)
            .map(|(_, frame)| frame.clone())
    }

    pub fn context(&self) -> SQLContext {
        let ctx = SQLContext::new();
        for (name, frame) in &self.tables {
            ctx.register(name, frame.clone());
        }
        ctx
    }
}

/// Header text by (file, canonical column), to name columns as the user sees them.
pub type HeaderNames = BTreeMap<(String, String), String>;

/// Runs every check; each returned row becomes a finding.
pub fn run_checks(
    tables: &SqlTables,
    checks: &[CheckQuery],
    headers: &HeaderNames,
) -> Result<Vec<Finding>, QueryError> {
    let mut findings = Vec::new();
    for check in checks {
        let frame = run_query(tables, &check.query)?;
        for row in 0..frame.height() {
            let values: Vec<(String, String)> = frame
                .columns()
                .iter()
                .map(|c| (c.name().to_string(), cell_text(c, row)))
                .collect();
            let get = |name: &str| {
                values
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.clone())
                    .filter(|v| !v.is_empty())
            };
            let file = get("file");
            let column = check.column.as_ref().map(|canonical| {
                file.as_ref()
                    .and_then(|f| headers.get(&(f.clone(), canonical.clone())))
                    .cloned()
                    .unwrap_or_else(|| canonical.clone())
            });
            let location = Location {
                file,
                sheet: get("sheet"),
                row: get("row").and_then(|r| r.parse().ok()),
                column,
                document: get("invoice").or_else(|| get("reference")),
            };
            findings.push(Finding {
                severity: check.severity,
                rule: check.rule.clone(),
                message: fill_template(&check.message, &values),
                location,
                values: values
                    .into_iter()
                    .filter(|(n, _)| !["file", "sheet", "row"].contains(&n.as_str()))
                    .collect(),
                setup: check.setup,
            });
        }
    }
    Ok(findings)
}

fn fill_template(template: &str, values: &[(String, String)]) -> String {
    let mut message = template.to_string();
    for (name, value) in values {
        message = message.replace(&format!("{{{name}}}"), value);
    }
    message
}

/// A cell as text for messages and the exceptions sheet.
pub fn cell_text(column: &Column, row: usize) -> String {
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
    run_journal_each(tables, queries, |line| lines.push(line))?;
    Ok(lines)
}

/// As [`run_journal`], handing each line to `each` as it is read instead of
/// collecting them (a per-document pass over a large batch has millions), and
/// returning the lines that could not be used (no account, no date) as
/// findings: usually the consequence of a check's error, such as an unmapped
/// item or an undated invoice.
pub fn run_journal_each(
    tables: &SqlTables,
    queries: &[QueryFile],
    mut each: impl FnMut(JournalLine),
) -> Result<Vec<Finding>, QueryError> {
    let mut unusable = Vec::new();
    for query in queries {
        let frame = run_query(tables, query)?;
        journal_lines(&frame, &query.name, &mut each, &mut unusable)?;
    }
    Ok(unusable)
}

fn journal_lines(
    frame: &DataFrame,
    file: &str,
    each: &mut impl FnMut(JournalLine),
    unusable_lines: &mut Vec<Finding>,
) -> Result<(), QueryError> {
    let bad = |message: String| QueryError::BadOutput {
        file: file.to_string(),
        message,
    };
    let column = |name: &str| {
        frame.column(name).map_err(|_| {
            bad(format!(
                "the result has no '{name}' column; a journal query returns date, source, comment, account, amount (and optionally source_rows)"
            ))
        })
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
            return Err(bad(format!("'amount' has {scale} decimal places; money has at most 2: round it and CAST(... AS DECIMAL(38,2))")))
        }
        DataType::Float32 | DataType::Float64 => {
            return Err(bad(
                "'amount' is a floating-point number, which cannot hold cents exactly; a decimal literal such as 0.05 is a float in SQL: CAST the expression AS DECIMAL(38,2)".to_string(),
            ))
        }
        dt if dt.is_integer() => 0,
        dt => return Err(bad(format!("'amount' is {dt}, not a decimal amount"))),
    };
    if date.dtype() != &DataType::Date {
        return Err(bad(format!(
            "'date' is {}, not a date: CAST it AS DATE",
            date.dtype()
        )));
    }
    let amounts = amount.cast(&DataType::Int128).ok().filter(|_| scale == 0);
    let query_name: std::sync::Arc<str> = file.into();
    let unusable = |message: String| {
        Finding::error(
            "journal_line",
            message,
            Location {
                file: Some(file.to_string()),
                ..Location::default()
            },
        )
    };
    for row in 0..frame.height() {
        let value = match &amounts {
            Some(integers) => integers
                .get(row)
                .ok()
                .and_then(|v| v.extract::<i128>())
                .map(|v| Decimal::from_i128_with_scale(v, 0)),
            None => match amount.get(row) {
                Ok(AnyValue::Decimal(mantissa, _, s)) => {
                    Some(Decimal::from_i128_with_scale(mantissa, s as u32))
                }
                _ => None,
            },
        };
        let account_text = cell_text(account, row);
        let source_text = cell_text(source, row);
        let line_date = match date.get(row) {
            Ok(AnyValue::Date(days)) => date_from_days(days),
            _ => None,
        };
        let describe = || format!("line {} ({} {})", row + 1, source_text, account_text);
        let Some(mut value) = value else {
            unusable_lines.push(unusable(format!("{}: 'amount' is empty", describe())));
            continue;
        };
        value.rescale(2);
        if account_text.trim().is_empty() {
            unusable_lines.push(unusable(format!(
                "{}: 'account' is empty (amount {value})",
                describe()
            )));
            continue;
        }
        let Some(line_date) = line_date else {
            unusable_lines.push(unusable(format!(
                "{}: 'date' is empty (amount {value})",
                describe()
            )));
            continue;
        };
        each(JournalLine {
            date: line_date,
            source: source_text,
            comment: cell_text(comment, row),
            account: account_text.trim().to_string(),
            amount: value,
            source_rows: source_rows
                .map(|c| cell_text(c, row).parse().unwrap_or(0))
                .unwrap_or(0),
            query: query_name.clone(),
        });
    }
    Ok(())
}
