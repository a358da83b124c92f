//! Merging the reports of one drop: when several files hold the same report
//! over overlapping or split periods, each document is taken once.
//!
//! - An invoice found in several files must have the same lines in each,
//!   compared as a multiset on what posts (date, catalogue item, amount, taxes,
//!   total); it is then taken from the first file. Different lines refuse the
//!   batch; a difference only in customer or description is a warning.
//! - A payment with a reference follows the same rule. Payments without one
//!   are merged as a multiset union: an identical row counts as many times as
//!   in the file where it appears most.
//!
//! These rules are Rust, not SQL checks, so they hold with any queries folder.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diagnostics::{Finding, Location};
use crate::load::reports::{Payment, PaymentKind, PayoutRow, RowOrigin, SalesLine};
use crate::load::text::fold_name;
use crate::load::LoadedInputs;
use crate::{t, tr};

/// A row left out because another file of the drop holds the same document.
#[derive(Debug, Clone, PartialEq)]
pub struct MergedRow {
    pub row: RowOrigin,
    /// The row taken instead.
    pub of: RowOrigin,
    pub document: String,
}

/// Takes each document of the drop once; returns the rows left out. Conflicts
/// and descriptive differences become findings.
pub fn merge_overlapping(loaded: &mut LoadedInputs) -> Vec<MergedRow> {
    let mut merged = Vec::new();
    let sales = merge_documents(
        &loaded.sales,
        &Rules {
            what: "invoice",
            identity: sales_identity,
            key: sales_key,
            text: |line: &SalesLine| (line.customer.to_string(), line.description.to_string()),
            origin: sales_origin,
            describe: |line: &SalesLine| {
                let date = line.date.map(|d| d.to_string()).unwrap_or_default();
                tr!(
                    "load-merge-sales-row",
                    row = line.origin.row,
                    date = date,
                    item = &line.item,
                    amount = line.amount.to_string(),
                    total = line.total.to_string()
                )
            },
        },
        &mut loaded.findings,
        &mut merged,
    );
    let payments = merge_documents(
        &loaded.payments,
        &Rules {
            what: "payment",
            identity: payment_identity,
            key: payment_value_key,
            text: |p: &Payment| (p.customer.to_string(), String::new()),
            origin: payment_origin,
            describe: |p: &Payment| {
                let date = p.date.map(|d| d.to_string()).unwrap_or_default();
                tr!(
                    "load-merge-payment-row",
                    row = p.origin.row,
                    date = date,
                    method = &p.method,
                    amount = p.amount
                )
            },
        },
        &mut loaded.findings,
        &mut merged,
    );
    let payouts = merge_documents(
        &loaded.payouts,
        &Rules {
            what: "payout",
            identity: |row: &PayoutRow| {
                (!row.payout.is_empty()).then(|| (row.document_key(), row.payout.to_string()))
            },
            key: |row: &PayoutRow| {
                (
                    row.date,
                    row.invoice.clone(),
                    row.payout_amount,
                    row.gross,
                    row.fee,
                )
            },
            text: |row: &PayoutRow| (row.customer.to_string(), String::new()),
            origin: payout_origin,
            describe: |row: &PayoutRow| {
                tr!(
                    "load-merge-payout-row",
                    row = row.origin.row,
                    invoice = &row.invoice,
                    gross = row.gross.to_string(),
                    fee = row.fee.to_string()
                )
            },
        },
        &mut loaded.findings,
        &mut merged,
    );
    remove_rows(&mut loaded.payouts, &payouts);
    let unreferenced = merge_unreferenced(&loaded.payments, &mut merged);
    remove_rows(&mut loaded.sales, &sales);
    let mut drop_payments = payments;
    drop_payments.extend(unreferenced);
    remove_rows(&mut loaded.payments, &drop_payments);
    merged.sort_by(|a, b| {
        (a.row.file(), a.row.sheet(), a.row.row).cmp(&(b.row.file(), b.row.sheet(), b.row.row))
    });
    merged
}

fn sales_identity(line: &SalesLine) -> Option<(String, String)> {
    (!line.invoice.is_empty()).then(|| (line.invoice.to_string(), line.invoice.to_string()))
}

fn sales_origin(line: &SalesLine) -> &RowOrigin {
    &line.origin
}

fn payment_identity(p: &Payment) -> Option<(String, String)> {
    (!p.reference.is_empty()).then(|| (p.document_key(), p.reference.clone()))
}

fn payment_origin(p: &Payment) -> &RowOrigin {
    &p.origin
}

fn payout_origin(row: &PayoutRow) -> &RowOrigin {
    &row.origin
}

/// What a sales line posts.
type SalesKey = (
    Option<NaiveDate>,
    String,
    Decimal,
    Decimal,
    Decimal,
    Decimal,
    Decimal,
);

fn sales_key(line: &SalesLine) -> SalesKey {
    (
        line.date,
        fold_name(&line.item),
        line.amount,
        line.gst,
        line.qst,
        line.hst,
        line.total,
    )
}

/// What a payment posts.
type PaymentKey = (Option<NaiveDate>, PaymentKind, Decimal, String, String);

fn payment_value_key(p: &Payment) -> PaymentKey {
    (
        p.date,
        p.kind,
        p.received,
        p.invoice.clone(),
        fold_name(&p.method),
    )
}

/// A file (and sheet) of the drop.
type Source = (Arc<str>, Option<Arc<str>>);

/// A document's rows (by index) in each file that holds it, files in order.
type RowsBySource = Vec<(Source, Vec<usize>)>;

fn source_of(origin: &RowOrigin) -> Source {
    (origin.file().clone(), origin.sheet().clone())
}

/// How the rows of one report are matched across files.
struct Rules<I, K, T, O, D> {
    what: &'static str,
    /// The document's identity (`None`: the row has none) and its number for messages.
    identity: I,
    /// What the row posts: rows are compared on this.
    key: K,
    /// Descriptive text: a difference there is only a warning.
    text: T,
    origin: O,
    describe: D,
}

/// Documents with an identity found in several files: identical → the first
/// file's rows are kept and the others' returned (by index) to be left out;
/// different → an error naming both files and what differs, and nothing left
/// out (the batch is refused and shows both).
fn merge_documents<R, Key: Ord, I, K, T, O, D>(
    rows: &[R],
    rules: &Rules<I, K, T, O, D>,
    findings: &mut Vec<Finding>,
    merged: &mut Vec<MergedRow>,
) -> Vec<usize>
where
    I: Fn(&R) -> Option<(String, String)>,
    K: Fn(&R) -> Key,
    T: Fn(&R) -> (String, String),
    O: Fn(&R) -> &RowOrigin,
    D: Fn(&R) -> String,
{
    let origin = &rules.origin;
    // Rows of one file and sheet only: no document can be in two sources.
    if let Some(first) = rows.first().map(origin) {
        let one_source = (rows.iter().map(origin))
            .all(|o| o.file() == first.file() && o.sheet() == first.sheet());
        if one_source {
            return Vec::new();
        }
    }
    let (documents, order) = rows_by_document(rows, rules);
    let sorted = |indices: &[usize]| {
        let mut keyed: Vec<(Key, usize)> = indices
            .iter()
            .map(|&i| ((rules.key)(&rows[i]), i))
            .collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        keyed
    };
    let mut left_out = Vec::new();
    for (id, number) in order {
        let sources = &documents[&id];
        if sources.len() < 2 {
            continue;
        }
        let (first_source, first_rows) = &sources[0];
        let base = sorted(first_rows);
        for (source, indices) in &sources[1..] {
            let other = sorted(indices);
            let same =
                base.len() == other.len() && base.iter().zip(&other).all(|(a, b)| a.0 == b.0);
            let location = Location {
                file: Some(source.0.to_string()),
                sheet: source.1.as_deref().map(str::to_string),
                row: Some(origin(&rows[indices[0]]).row),
                document: Some(number.to_string()),
                ..Location::default()
            };
            let pair = Pair {
                number: &number,
                first: &first_source.0,
                second: &source.0,
            };
            if !same {
                findings.push(conflict(rows, rules, &pair, &base, &other, location));
                continue;
            }
            if texts(rows, rules, &base) != texts(rows, rules, &other) {
                findings.push(text_differs(rules.what, &pair, location));
            }
            for ((_, kept), (_, dropped)) in base.iter().zip(&other) {
                merged.push(MergedRow {
                    row: origin(&rows[*dropped]).clone(),
                    of: origin(&rows[*kept]).clone(),
                    document: number.to_string(),
                });
                left_out.push(*dropped);
            }
        }
    }
    left_out
}

/// A document's number and the two files compared.
struct Pair<'a> {
    number: &'a str,
    first: &'a str,
    second: &'a str,
}

/// Each document's rows per source (sources in order of first appearance),
/// and the documents' (identity, number) in order of first appearance.
fn rows_by_document<R, I, K, T, O, D>(
    rows: &[R],
    rules: &Rules<I, K, T, O, D>,
) -> (HashMap<String, RowsBySource>, Vec<(String, String)>)
where
    I: Fn(&R) -> Option<(String, String)>,
    O: Fn(&R) -> &RowOrigin,
{
    let mut documents: HashMap<String, RowsBySource> = HashMap::new();
    let mut order: Vec<(String, String)> = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let Some((id, number)) = (rules.identity)(row) else {
            continue;
        };
        let sources = documents.entry(id.clone()).or_insert_with(|| {
            order.push((id, number));
            Vec::new()
        });
        let source = source_of((rules.origin)(row));
        match sources.iter_mut().find(|(s, _)| *s == source) {
            Some((_, indices)) => indices.push(index),
            None => sources.push((source, vec![index])),
        }
    }
    (documents, order)
}

/// The descriptive texts of a source's rows of a document, sorted.
fn texts<R, Key, I, K, T, O, D>(
    rows: &[R],
    rules: &Rules<I, K, T, O, D>,
    rows_of: &[(Key, usize)],
) -> Vec<(String, String)>
where
    T: Fn(&R) -> (String, String),
{
    let mut texts: Vec<(String, String)> = rows_of
        .iter()
        .map(|(_, i)| (rules.text)(&rows[*i]))
        .collect();
    texts.sort();
    texts
}

/// A document whose rows differ between two files: an error naming both and
/// the rows found in one only (the first three of each).
fn conflict<R, Key: Ord, I, K, T, O, D>(
    rows: &[R],
    rules: &Rules<I, K, T, O, D>,
    pair: &Pair<'_>,
    base: &[(Key, usize)],
    other: &[(Key, usize)],
    location: Location,
) -> Finding
where
    D: Fn(&R) -> String,
{
    let (only_first, only_second) = unmatched(base, other);
    let list = |indices: &[usize]| {
        let mut shown: Vec<String> = (indices.iter().take(3))
            .map(|&i| (rules.describe)(&rows[i]))
            .collect();
        if indices.len() > 3 {
            shown.push(tr!("load-merge-more", count = indices.len() - 3));
        }
        if shown.is_empty() {
            tr!("load-merge-nothing")
        } else {
            shown.join("; ")
        }
    };
    let message = t!(
        "load-merge-conflict",
        what = rules.what,
        number = pair.number,
        first = pair.first,
        second = pair.second,
        only_first = list(&only_first),
        only_second = list(&only_second)
    );
    Finding::error(&format!("{}_conflict", rules.what), message, location)
}

/// A document whose rows post the same in two files but read differently
/// (customer, description): a warning.
fn text_differs(what: &'static str, pair: &Pair<'_>, location: Location) -> Finding {
    let message = t!(
        "load-merge-text-differs",
        what = what,
        number = pair.number,
        first = pair.first,
        second = pair.second
    );
    Finding::warning(&format!("{what}_text_differs"), message, location)
}

/// Payments without a reference: the multiset union over files. Returns the
/// indices left out.
fn merge_unreferenced(payments: &[Payment], merged: &mut Vec<MergedRow>) -> Vec<usize> {
    let mut groups: HashMap<(String, String), RowsBySource> = HashMap::new();
    for (index, p) in payments.iter().enumerate() {
        if !p.reference.is_empty() || p.date.is_none() {
            continue;
        }
        let sources = groups
            .entry((p.document_key(), fold_name(&p.method)))
            .or_default();
        let source = source_of(&p.origin);
        match sources.iter_mut().find(|(s, _)| *s == source) {
            Some((_, indices)) => indices.push(index),
            None => sources.push((source, vec![index])),
        }
    }
    let mut left_out = Vec::new();
    for sources in groups.values().filter(|s| s.len() > 1) {
        // The file where the row appears most (the first of those) is kept.
        let kept = sources
            .iter()
            .enumerate()
            .max_by(|a, b| a.1 .1.len().cmp(&b.1 .1.len()).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i)
            .unwrap_or(0);
        let kept_rows = &sources[kept].1;
        for (_, indices) in sources
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != kept)
            .map(|(_, s)| s)
        {
            for (n, dropped) in indices.iter().enumerate() {
                let p = &payments[*dropped];
                merged.push(MergedRow {
                    row: p.origin.clone(),
                    of: payments[kept_rows[n % kept_rows.len()]].origin.clone(),
                    document: p.invoice.clone(),
                });
                left_out.push(*dropped);
            }
        }
    }
    left_out
}

/// The rows of each side with no equal row on the other (both sorted by key).
fn unmatched<Key: Ord>(
    first: &[(Key, usize)],
    second: &[(Key, usize)],
) -> (Vec<usize>, Vec<usize>) {
    let (mut i, mut j) = (0, 0);
    let (mut only_first, mut only_second) = (Vec::new(), Vec::new());
    while i < first.len() || j < second.len() {
        match (first.get(i), second.get(j)) {
            (Some(a), Some(b)) if a.0 == b.0 => {
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) if a.0 < b.0 => {
                only_first.push(a.1);
                i += 1;
            }
            (Some(_), Some(b)) => {
                only_second.push(b.1);
                j += 1;
            }
            (Some(a), None) => {
                only_first.push(a.1);
                i += 1;
            }
            (None, Some(b)) => {
                only_second.push(b.1);
                j += 1;
            }
            (None, None) => break,
        }
    }
    (only_first, only_second)
}

fn remove_rows<T>(rows: &mut Vec<T>, indices: &[usize]) {
    if indices.is_empty() {
        return;
    }
    let drop: std::collections::HashSet<usize> = indices.iter().copied().collect();
    let mut index = 0;
    rows.retain(|_| {
        let keep = !drop.contains(&index);
        index += 1;
        keep
    });
}
