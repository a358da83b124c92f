//! Polars columns made from the loaded rows: text held once per distinct
//! value, a column whose rows all hold one value stored once, exact decimals
//! for money; and the building of a frame's columns on every core.

use chrono::NaiveDate;
use polars::prelude::*;
use rust_decimal::Decimal;
use std::collections::HashMap;

use super::{MONEY_PRECISION, MONEY_SCALE};

/// How many rows there are, when there are several and all hold the same value.
///
/// Such a column (a CSV's sheet, a report read from one file, the HST of a
/// Quebec business, the comment of per-document entries) is kept as its value
/// once, which Polars repeats where a query reads it, rather than a value a
/// row.
pub(super) fn constant_rows<T: PartialEq>(mut values: impl Iterator<Item = T>) -> Option<usize> {
    let first = values.next()?;
    let mut rows = 1;
    for value in values {
        if value != first {
            return None;
        }
        rows += 1;
    }
    (rows > 1).then_some(rows)
}

/// `column`'s first value as a column of `rows` rows, stored once.
pub(super) fn repeated(column: Column, rows: usize) -> Column {
    column.new_from_index(0, rows)
}

/// The column `build` makes of `values`; when all rows hold one value, of
/// the first only, repeated ([`constant_rows`]).
pub(super) fn held_once_if_constant<I>(
    values: I,
    build: impl Fn(std::iter::Take<I>) -> PolarsResult<Column>,
) -> PolarsResult<Column>
where
    I: Iterator + Clone,
    I::Item: PartialEq,
{
    match constant_rows(values.clone()) {
        Some(rows) => Ok(repeated(build(values.take(1))?, rows)),
        None => build(values.take(usize::MAX)),
    }
}

/// A text column copied straight from the rows' strings (no owned copies first).
pub(crate) fn text_column<'a>(name: &str, values: impl Iterator<Item = &'a str> + Clone) -> Column {
    let build = |values| Ok(StringChunked::from_iter_values(name.into(), values).into_column());
    held_once_if_constant(values, build).expect("text columns are built without failing")
}

/// As [`text_column`], for text that repeats from row to row (file names,
/// customers, items, entry comments): each distinct value is stored once, and
/// the column gathers views of it, sharing its bytes.
pub(crate) fn repeated_text_column<'a>(
    name: &str,
    values: impl Iterator<Item = &'a str>,
) -> Column {
    let mut distinct: HashMap<&str, IdxSize, foldhash::fast::RandomState> = HashMap::default();
    let mut indices: Vec<IdxSize> = Vec::with_capacity(values.size_hint().0);
    let mut previous: Option<(&str, IdxSize)> = None;
    for value in values {
        let index = match previous {
            // Rows of one file, date or customer often follow each other.
            Some((text, index)) if text == value => index,
            _ => {
                let next = distinct.len() as IdxSize;
                *distinct.entry(value).or_insert(next)
            }
        };
        previous = Some((value, index));
        indices.push(index);
    }
    let constant = distinct.len() == 1 && indices.len() > 1;
    let mut in_order: Vec<(&str, IdxSize)> = distinct.into_iter().collect();
    in_order.sort_unstable_by_key(|(_, index)| *index);
    let dictionary =
        StringChunked::from_iter_values(name.into(), in_order.into_iter().map(|(v, _)| v));
    if constant {
        return repeated(dictionary.into_series().into(), indices.len());
    }
    dictionary
        .take(&IdxCa::from_vec("".into(), indices))
        .expect("indices within the distinct values")
        .into_series()
        .into()
}

pub(super) fn optional_text_column<'a>(
    name: &str,
    values: impl Iterator<Item = Option<&'a str>> + Clone,
) -> Column {
    let build = |values| Ok(StringChunked::from_iter_options(name.into(), values).into_column());
    held_once_if_constant(values, build).expect("text columns are built without failing")
}

pub(super) fn decimal_column(
    name: &str,
    scale: usize,
    values: impl Iterator<Item = Option<Decimal>> + Clone,
) -> PolarsResult<Column> {
    let build = |values: std::iter::Take<_>| {
        let mantissas = values.map(|value: Option<Decimal>| {
            value.map(|mut v| {
                v.rescale(scale as u32);
                v.mantissa()
            })
        });
        let physical = Int128Chunked::from_iter_options(name.into(), mantissas);
        Ok(physical.into_decimal(MONEY_PRECISION, scale)?.into_column())
    };
    held_once_if_constant(values, build)
}

pub(super) fn money_column(
    name: &str,
    values: impl Iterator<Item = Decimal> + Clone,
) -> PolarsResult<Column> {
    decimal_column(name, MONEY_SCALE, values.map(Some))
}

pub(crate) fn date_column(
    name: &str,
    values: impl Iterator<Item = Option<NaiveDate>> + Clone,
) -> Column {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    let build = |values: std::iter::Take<_>| {
        let days = values.map(|d: Option<NaiveDate>| d.map(|d| (d - epoch).num_days() as i32));
        Ok(Int32Chunked::from_iter_options(name.into(), days)
            .into_date()
            .into_column())
    };
    held_once_if_constant(values, build).expect("date columns are built without failing")
}

pub(super) fn row_column(name: &str, values: impl Iterator<Item = u64>) -> Column {
    Column::new(name.into(), values.map(|v| v as i64).collect::<Vec<i64>>())
}

/// A column (or several) to build, on whichever core is free.
pub(super) type ColumnTask<'a> = Box<dyn FnOnce() -> PolarsResult<Vec<Column>> + Send + 'a>;

pub(super) fn task<'a>(build: impl FnOnce() -> Column + Send + 'a) -> ColumnTask<'a> {
    Box::new(move || Ok(vec![build()]))
}

pub(super) fn fallible_task<'a>(
    build: impl FnOnce() -> PolarsResult<Column> + Send + 'a,
) -> ColumnTask<'a> {
    Box::new(move || build().map(|column| vec![column]))
}

/// The money column `name` of `rows`, as `get` reads it.
pub(super) fn money_task<'a, T: Sync>(
    rows: &'a [T],
    name: &'static str,
    get: fn(&T) -> Decimal,
) -> ColumnTask<'a> {
    fallible_task(move || money_column(name, rows.iter().map(get)))
}

/// A frame of `rows` rows whose columns are built at once, one per core, in
/// the tasks' order: each reads every row of the report, none depends on
/// another.
pub(super) fn frame_of(rows: usize, tasks: Vec<ColumnTask<'_>>) -> PolarsResult<DataFrame> {
    use rayon::prelude::*;
    let built: Vec<PolarsResult<Vec<Column>>> =
        tasks.into_par_iter().map(|build| build()).collect();
    let mut columns = Vec::with_capacity(built.len());
    for made in built {
        columns.extend(made?);
    }
    DataFrame::new(rows, columns)
}
