//! The analyst's workbench: the tables a run's queries see, built exactly as
//! `run` builds them (loaded, merged, typed, labelled by the granularity, with
//! the history and the views) but without writing anything; one-off SQL over
//! them; and the query-folder tests (`queries/tests/<case>/`), each case a
//! tiny inbox with its config and the per-account nets it must post.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use polars::prelude::*;
use rust_decimal::Decimal;

use crate::diagnostics::Severity;
use crate::history::History;
use crate::journal::labels::{entry_columns, EntryLabeler};
use crate::query::tables;
use crate::query::{cell_text, QueryError, QueryFile, SqlTables};
use crate::run::plan::{RunPlan, RunRequest};
use crate::run::{run, RunError};
use crate::tr;

/// The tables and views the journal queries of a run over `plan`'s inbox see.
pub fn load_tables(plan: &RunPlan) -> Result<SqlTables, RunError> {
    let mut history = History::snapshot(&plan.history_path)?;
    let history_tables = history.lock()?.tables()?;
    let inputs = crate::run::load(plan)?.inputs;
    let labeler = EntryLabeler::new(
        &plan.config.sage,
        &inputs.sales,
        &inputs.payments,
        &inputs.payouts,
    );
    let (sales, payments, payouts) = (&inputs.sales, &inputs.payments, &inputs.payouts);
    let frames = tables::all_tables(&plan.config, sales, payments, payouts, &history_tables)
        .map_err(QueryError::from)?;
    let labels = entry_columns(sales, payments, payouts, &labeler);
    let frames = tables::with_labels(frames, labels).map_err(QueryError::from)?;
    Ok(SqlTables::new(frames, &plan.queries.views)?)
}

/// One query's result; an error names the query and, where Polars gives a
/// position, shows the line with a caret under it.
pub fn run_sql(tables: &SqlTables, name: &str, sql: &str) -> Result<DataFrame, QueryError> {
    let query = QueryFile {
        name: name.to_string(),
        sql: sql.to_string(),
    };
    crate::query::run_query(tables, &query).map_err(|error| match error {
        QueryError::Failed { file, source, .. } => QueryError::Failed {
            caret: caret(sql, &source.to_string()),
            file,
            source,
        },
        other => other,
    })
}

/// `… at Line: 1, Column: 8` → the query line and a caret under the column,
/// each on a line of its own; nothing without a position.
fn caret(sql: &str, message: &str) -> String {
    let position = message.find("Line: ").and_then(|at| {
        let rest = &message[at + 6..];
        let (line, rest) = rest.split_once(", Column: ")?;
        let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
        Some((
            line.trim().parse::<usize>().ok()?,
            column.parse::<usize>().ok()?,
        ))
    });
    match position.and_then(|(line, column)| Some((sql.lines().nth(line.checked_sub(1)?)?, column)))
    {
        Some((text, column)) => format!(
            "\n    {text}\n    {}^",
            " ".repeat(column.saturating_sub(1))
        ),
        None => String::new(),
    }
}

/// A table's columns with their types, and its row count.
pub struct TableSchema {
    pub name: String,
    pub columns: Vec<(String, String)>,
    pub rows: usize,
}

pub fn schemas(tables: &SqlTables) -> Result<Vec<TableSchema>, QueryError> {
    let mut out = Vec::new();
    for name in tables.names() {
        let frame = tables
            .frame(name)
            .expect("listed")
            .collect()
            .map_err(|source| QueryError::Failed {
                file: name.to_string(),
                source,
                caret: String::new(),
            })?;
        out.push(TableSchema {
            name: name.to_string(),
            columns: frame
                .columns()
                .iter()
                .map(|c| (c.name().to_string(), type_name(c.dtype())))
                .collect(),
            rows: frame.height(),
        });
    }
    Ok(out)
}

/// The type as the queries README writes it (text and integer in the current language).
fn type_name(dtype: &DataType) -> String {
    match dtype {
        DataType::Decimal(precision, scale) => format!("DECIMAL({precision},{scale})"),
        DataType::String => tr!("tools-type-text"),
        DataType::Date => "DATE".into(),
        DataType::Int64 | DataType::Int32 | DataType::UInt32 | DataType::UInt64 => {
            tr!("tools-type-integer")
        }
        other => other.to_string(),
    }
}

/// A frame's cells as text, exactly (decimals keep their cents).
pub fn rows_as_text(frame: &DataFrame) -> (Vec<String>, Vec<Vec<String>>) {
    let headers = frame
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    let rows = (0..frame.height())
        .map(|row| frame.columns().iter().map(|c| cell_text(c, row)).collect())
        .collect();
    (headers, rows)
}

/// True for the columns written as numbers (decimals and integers).
pub fn numeric_columns(frame: &DataFrame) -> Vec<bool> {
    frame
        .columns()
        .iter()
        .map(|c| matches!(c.dtype(), DataType::Decimal(_, _)) || c.dtype().is_integer())
        .collect()
}

/// The outcome of one query test case.
pub struct CaseResult {
    pub name: String,
    /// Empty when the case passes: one line per difference.
    pub differences: Vec<String>,
}

/// Runs every case of `<queries>/tests/`: each case folder holds its exports
/// in `inbox/`, a `plannit2sage.toml`, `expected.csv` (`account,amount`: the
/// net the batch posts to each account) and optionally `expected-findings.csv`
/// (`severity,rule`: exactly the errors and warnings the run must report).
pub fn test_queries(queries: &Path) -> Result<Vec<CaseResult>, String> {
    let tests = queries.join("tests");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&tests)
        .map_err(|e| {
            tr!(
                "tools-tq-no-tests",
                path = tests.display().to_string(),
                reason = e.to_string()
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    if cases.is_empty() {
        return Err(tr!("tools-tq-no-case", path = tests.display().to_string()));
    }
    cases.iter().map(|case| run_case(queries, case)).collect()
}

fn run_case(queries: &Path, case: &Path) -> Result<CaseResult, String> {
    let name = case
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let request = RunRequest {
        inbox: case.join("inbox"),
        config: Some(case.join(crate::config::CONFIG_FILE_NAME)),
        queries: Some(queries.to_path_buf()),
        // No history file: the snapshot of a missing file is empty.
        history: Some(case.join(".no-history.sqlite")),
        dry_run: true,
        ..RunRequest::default()
    };
    let fail = |e: String| format!("{name}: {e}");
    let plan = RunPlan::resolve(&request).map_err(|e| fail(e.to_string()))?;
    let report = run(&plan).map_err(|e| fail(e.to_string()))?;
    let mut got: BTreeMap<String, Decimal> = BTreeMap::new();
    for line in report.entries.iter().flat_map(|e| &e.lines) {
        *got.entry(line.account.clone()).or_default() += line.amount;
    }
    got.retain(|_, v| !v.is_zero());
    let expected = read_pairs(&case.join("expected.csv")).map_err(fail)?;
    let expected: BTreeMap<String, Decimal> = expected
        .into_iter()
        .map(|(account, amount)| {
            amount
                .parse::<Decimal>()
                .map(|a| (account.clone(), a))
                .map_err(|_| fail(tr!("tools-tq-not-an-amount", amount = &amount)))
        })
        .collect::<Result<_, _>>()?;
    let mut differences = Vec::new();
    let accounts: std::collections::BTreeSet<&String> = got.keys().chain(expected.keys()).collect();
    for account in accounts {
        let (e, g) = (expected.get(account), got.get(account));
        if e != g {
            let show =
                |v: Option<&Decimal>| v.map_or(tr!("tools-tq-nothing"), |v| format!("{v:.2}"));
            differences.push(tr!(
                "tools-tq-account-differs",
                account = account,
                expected = show(e),
                got = show(g)
            ));
        }
    }
    let findings_file = case.join("expected-findings.csv");
    if findings_file.is_file() {
        let mut expected: Vec<(String, String)> = read_pairs(&findings_file).map_err(fail)?;
        let mut reported: Vec<(String, String)> = report
            .findings
            .iter()
            .map(|f| (severity_code(f.severity).to_string(), f.rule.clone()))
            .collect();
        expected.sort();
        expected.dedup();
        reported.sort();
        reported.dedup();
        for missing in expected.iter().filter(|f| !reported.contains(f)) {
            differences.push(tr!(
                "tools-tq-finding-missing",
                severity = severity_label(&missing.0),
                rule = &missing.1
            ));
        }
        for extra in reported.iter().filter(|f| !expected.contains(f)) {
            differences.push(tr!(
                "tools-tq-finding-extra",
                severity = severity_label(&extra.0),
                rule = &extra.1
            ));
        }
    }
    Ok(CaseResult { name, differences })
}

/// A severity as `expected-findings.csv` writes it, whatever the language.
fn severity_code(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// `error` / `warning` from `expected-findings.csv`, in the current language
/// (another value as written).
fn severity_label(code: &str) -> String {
    match code {
        "error" => Severity::Error.label(),
        "warning" => Severity::Warning.label(),
        other => other.to_string(),
    }
}

/// A two-column CSV with a header row.
fn read_pairs(path: &Path) -> Result<Vec<(String, String)>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut pairs = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("{}: {e}", path.display()))?;
        pairs.push((
            record.get(0).unwrap_or("").trim().to_string(),
            record.get(1).unwrap_or("").trim().to_string(),
        ));
    }
    Ok(pairs)
}
