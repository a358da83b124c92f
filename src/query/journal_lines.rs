//! The journal queries' output, line by line: each line's columns checked
//! (`date`, `source`, `comment`, `account`, `amount` exact to the cent,
//! optionally `source_rows`) before anything trusts it, and handed to a sink
//! as it is read.

use std::borrow::Cow;
use std::sync::Arc;

use chrono::NaiveDate;
use polars::prelude::*;
use rust_decimal::Decimal;

use super::{cell_text, date_from_days, QueryError, QueryFile, SqlTables};
use crate::diagnostics::{Finding, Fix, Location};
use crate::i18n::Text;
use crate::{t, tr};

/// One line as a journal query produced it (debits positive).
#[derive(Debug, Clone, PartialEq)]
pub struct JournalLine {
    pub date: NaiveDate,
    pub source: String,
    pub comment: String,
    pub account: String,
    pub amount: Decimal,
    /// How many input rows the line sums.
    pub source_rows: u64,
    /// The query file that produced it.
    pub query: std::sync::Arc<str>,
}

/// A journal line as read from a query's output, its text borrowed from the
/// output's columns: what a pass that only sums lines needs, without a copy.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalLineRef<'a> {
    pub date: NaiveDate,
    pub source: Cow<'a, str>,
    pub comment: Cow<'a, str>,
    /// Trimmed.
    pub account: Cow<'a, str>,
    pub amount: Decimal,
    pub source_rows: u64,
    pub query: &'a Arc<str>,
}

impl JournalLineRef<'_> {
    pub fn into_owned(self) -> JournalLine {
        JournalLine {
            date: self.date,
            source: self.source.into_owned(),
            comment: self.comment.into_owned(),
            account: self.account.into_owned(),
            amount: self.amount,
            source_rows: self.source_rows,
            query: Arc::clone(self.query),
        }
    }
}

/// Where a journal pass hands its lines, as they are read.
pub trait LineSink {
    fn line(&mut self, line: JournalLineRef<'_>);

    /// How messages name a line's source.
    fn source_name<'a>(&'a self, source: &'a str) -> Cow<'a, str> {
        Cow::Borrowed(source)
    }
}

impl<F: FnMut(JournalLineRef<'_>)> LineSink for F {
    fn line(&mut self, line: JournalLineRef<'_>) {
        self(line)
    }
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

/// Hands each usable line of a journal query's output `frame` to `sink`;
/// the lines without amount, account or date become findings.
fn journal_lines(
    frame: &DataFrame,
    file: &str,
    sink: &mut impl LineSink,
    unusable_lines: &mut Vec<Finding>,
) -> Result<(), QueryError> {
    let columns = LineColumns::of(frame, file)?;
    let mut amounts = columns.amounts.iter();
    let mut dates = columns.days.iter();
    let mut accounts = text_cells(columns.account);
    let mut sources = text_cells(columns.source);
    let mut comments = text_cells(columns.comment);
    let mut counts = columns.source_rows.map(source_row_counts);
    let query_name: std::sync::Arc<str> = file.into();
    let unusable = |message: Text| {
        let location = Location {
            file: Some(file.to_string()),
            ..Location::default()
        };
        let fix = Fix::Queries {
            file: file.to_string(),
        };
        Finding::error("journal_line", message, location).fixed_in(fix)
    };
    for row in 0..frame.height() {
        let scale = columns.scale;
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
            let amount = value.to_string();
            let message = t!(
                "load-journal-account-empty",
                line = describe(),
                amount = amount
            );
            unusable_lines.push(unusable(message));
            continue;
        }
        let Some(line_date) = line_date else {
            let amount = value.to_string();
            let message = t!(
                "load-journal-date-empty",
                line = describe(),
                amount = amount
            );
            unusable_lines.push(unusable(message));
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

/// A journal query's output columns, checked: each present, the amounts
/// exact to the cent, the dates dates.
struct LineColumns<'f> {
    source: &'f Column,
    comment: &'f Column,
    account: &'f Column,
    source_rows: Option<&'f Column>,
    /// The amounts' mantissas, and their scale.
    amounts: Int128Chunked,
    scale: u32,
    /// The dates as days since 1970-01-01.
    days: Int32Chunked,
}

impl<'f> LineColumns<'f> {
    fn of(frame: &'f DataFrame, file: &str) -> Result<LineColumns<'f>, QueryError> {
        let bad = |message: Text| QueryError::BadOutput {
            file: file.to_string(),
            message,
        };
        let column = |name: &str| {
            (frame.column(name)).map_err(|_| bad(t!("load-journal-no-column", column = name)))
        };
        let date = column("date")?;
        let source = column("source")?;
        let comment = column("comment")?;
        let account = column("account")?;
        let amount = column("amount")?;
        let scale = match amount.dtype() {
            DataType::Decimal(_, scale) if *scale <= 2 => *scale as u32,
            DataType::Decimal(_, scale) => {
                let scale = scale.to_string();
                return Err(bad(t!("load-journal-amount-scale", scale = scale)));
            }
            DataType::Float32 | DataType::Float64 => {
                return Err(bad(t!("load-journal-amount-float")))
            }
            dt if dt.is_integer() => 0,
            dt => return Err(bad(t!("load-journal-amount-type", kind = dt.to_string()))),
        };
        let date_type = || {
            bad(t!(
                "load-journal-date-type",
                kind = date.dtype().to_string()
            ))
        };
        if date.dtype() != &DataType::Date {
            return Err(date_type());
        }
        // Each column read through its typed values, in order (not cell by cell).
        let amounts: Int128Chunked = match amount.dtype() {
            DataType::Decimal(..) => amount.decimal().map(|d| d.physical().clone()),
            _ => (amount.cast(&DataType::Int128)).and_then(|integers| integers.i128().cloned()),
        }
        .map_err(|_| {
            let kind = amount.dtype().to_string();
            bad(t!("load-journal-amount-type", kind = kind))
        })?;
        let days: Int32Chunked = (date.date())
            .map(|d| d.physical().clone())
            .map_err(|_| date_type())?;
        Ok(LineColumns {
            source,
            comment,
            account,
            source_rows: frame.column("source_rows").ok(),
            amounts,
            scale,
            days,
        })
    }
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
