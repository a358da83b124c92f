//! The tables the SQL queries see: the loaded reports (with their entry labels
//! and the taxes recomputed at Quebec rates) and the configuration (accounts,
//! catalogue mapping, payment methods), as Polars data frames.

use chrono::NaiveDate;
use polars::prelude::*;

use std::collections::{BTreeMap, BTreeSet};

use crate::config::{Config, Mapping};
use crate::history::HistoryTables;
use crate::i18n::{format_message, Arg, Lang};
use crate::load::text::fold_name;

use crate::load::reports::{Payment, PayoutRow, RowOrigin, SalesLine};

pub(crate) mod columns;
use columns::*;

/// Precision and scale of money columns.
pub const MONEY_PRECISION: usize = 38;
pub const MONEY_SCALE: usize = 2;
const QUANTITY_SCALE: usize = 6;

/// A table as the queries see it: the sales lines get their expected taxes
/// ([`crate::money::tax::expected_tax_columns`]) after `total`; a `sales` table
/// without `amount` and `total` (a test's few columns) is left as it is.
pub fn as_queried(name: &str, frame: DataFrame) -> LazyFrame {
    let columns: Vec<PlSmallStr> = frame.get_column_names_owned();
    let has = |wanted: &str| columns.iter().any(|c| c.as_str() == wanted);
    if name != "sales" || !has("amount") || !has("total") {
        return frame.lazy();
    }
    let mut order = Vec::with_capacity(columns.len() + 2);
    for column in &columns {
        order.push(col(column.clone()));
        if column.as_str() == "total" {
            order.extend([col("gst_expected"), col("qst_expected")]);
        }
    }
    frame
        .lazy()
        .with_columns(crate::money::tax::expected_tax_columns(
            MONEY_PRECISION,
            MONEY_SCALE,
        ))
        .select(order)
}

/// The `file`, `sheet` and `row` columns.
fn origin_tasks<'a, T: Sync>(rows: &'a [T], origin: fn(&T) -> &RowOrigin) -> [ColumnTask<'a>; 3] {
    let origins = move || rows.iter().map(origin);
    [
        task(move || repeated_text_column("file", origins().map(|o| &**o.file()))),
        task(move || optional_text_column("sheet", origins().map(|o| o.sheet().as_deref()))),
        task(move || row_column("row", origins().map(|o| o.row))),
    ]
}

/// The `sales` table: one row per invoice line.
pub fn sales_frame(lines: &[SalesLine]) -> PolarsResult<DataFrame> {
    let money = |name, get| money_task(lines, name, get);
    let item_keys = &crate::load::text::folded_names(lines.iter().map(|l| &*l.item));
    let mut tasks = Vec::from(origin_tasks(lines, |l| &l.origin));
    tasks.extend([
        task(|| text_column("invoice", lines.iter().map(|l| &*l.invoice))),
        task(|| date_column("date", lines.iter().map(|l| l.date))),
        task(|| text_column("date_text", lines.iter().map(|l| l.date_text.as_str()))),
        task(|| repeated_text_column("customer", lines.iter().map(|l| &*l.customer))),
        task(|| repeated_text_column("item", lines.iter().map(|l| &*l.item))),
        task(|| {
            repeated_text_column(
                "item_key",
                lines.iter().map(|l| item_keys[&*l.item].as_str()),
            )
        }),
        task(|| repeated_text_column("description", lines.iter().map(|l| &*l.description))),
        fallible_task(|| {
            decimal_column("quantity", QUANTITY_SCALE, lines.iter().map(|l| l.quantity))
        }),
        fallible_task(|| {
            decimal_column(
                "unit_price",
                MONEY_SCALE,
                lines.iter().map(|l| l.unit_price),
            )
        }),
        money("amount", |l| l.amount),
        money("gst", |l| l.gst),
        money("qst", |l| l.qst),
        money("hst", |l| l.hst),
        money("total", |l| l.total),
    ]);
    frame_of(lines.len(), tasks)
}

/// The `payments` table: one row per payment, deposit or refund.
pub fn payments_frame(payments: &[Payment]) -> PolarsResult<DataFrame> {
    let money = |name, get| money_task(payments, name, get);
    let method_keys = &crate::load::text::folded_names(payments.iter().map(|p| &*p.method));
    let mut tasks = Vec::from(origin_tasks(payments, |p| &p.origin));
    tasks.extend([
        task(|| date_column("date", payments.iter().map(|p| p.date))),
        task(|| text_column("date_text", payments.iter().map(|p| p.date_text.as_str()))),
        task(|| text_column("reference", payments.iter().map(|p| p.reference.as_str()))),
        task(|| text_column("invoice", payments.iter().map(|p| p.invoice.as_str()))),
        task(|| repeated_text_column("customer", payments.iter().map(|p| &*p.customer))),
        task(|| text_column("kind", payments.iter().map(|p| p.kind.as_ref()))),
        task(|| repeated_text_column("type_text", payments.iter().map(|p| &*p.type_text))),
        task(|| repeated_text_column("method", payments.iter().map(|p| &*p.method))),
        task(|| {
            repeated_text_column(
                "method_key",
                payments.iter().map(|p| method_keys[&*p.method].as_str()),
            )
        }),
        money("amount", |p| p.amount),
        money("received", |p| p.received),
        money("tip", |p| p.tip),
    ]);
    frame_of(payments.len(), tasks)
}

/// The `payouts` table: one row per payment included in a Plannit Pay payout.
pub fn payouts_frame(rows: &[PayoutRow]) -> PolarsResult<DataFrame> {
    let money = |name, get| money_task(rows, name, get);
    let mut tasks = Vec::from(origin_tasks(rows, |r| &r.origin));
    tasks.extend([
        task(|| date_column("date", rows.iter().map(|r| r.date))),
        task(|| text_column("date_text", rows.iter().map(|r| r.date_text.as_str()))),
        task(|| text_column("payout", rows.iter().map(|r| &*r.payout))),
        money("payout_amount", |r| r.payout_amount),
        task(|| text_column("invoice", rows.iter().map(|r| r.invoice.as_str()))),
        task(|| repeated_text_column("customer", rows.iter().map(|r| &*r.customer))),
        money("gross", |r| r.gross),
        money("fee", |r| r.fee),
        fallible_task(|| decimal_column("net", MONEY_SCALE, rows.iter().map(|r| r.net))),
    ]);
    frame_of(rows.len(), tasks)
}

fn mapping_frame(
    name_column: &str,
    key_column: &str,
    mappings: &[Mapping],
) -> PolarsResult<DataFrame> {
    DataFrame::new(
        mappings.len(),
        vec![
            text_column(name_column, mappings.iter().map(|m| m.name.as_str())),
            text_column(key_column, mappings.iter().map(|m| m.key.as_str())),
            text_column("account", mappings.iter().map(|m| m.account.as_str())),
            text_column("mapped_in", mappings.iter().map(|m| m.origin.as_str())),
        ],
    )
}

/// The `accounts` table: a single row, one column per account role.
pub fn accounts_frame(config: &Config) -> PolarsResult<DataFrame> {
    let a = &config.accounts;
    let one = |name: &str, value: Option<&String>| {
        optional_text_column(name, std::iter::once(value.map(String::as_str)))
    };
    DataFrame::new(
        1,
        vec![
            one("bank_account", Some(&a.bank)),
            one("receivable_account", Some(&a.receivable)),
            one(
                "plannit_pay_clearing_account",
                a.plannit_pay_clearing.as_ref(),
            ),
            one("processing_fees_account", a.processing_fees.as_ref()),
            one(
                "payout_bank_account",
                Some(a.payout_bank.as_ref().unwrap_or(&a.bank)),
            ),
            one("customer_deposits_account", a.customer_deposits.as_ref()),
            one("tips_account", a.tips.as_ref()),
            one("gst_account", Some(&a.gst)),
            one("qst_account", Some(&a.qst)),
            one("hst_account", a.hst.as_ref()),
            one("default_revenue_account", a.default_revenue.as_ref()),
        ],
    )
}

/// The history, read-only: `history_batches`, `history_postings` and
/// `history_opening` (the receivable's opening balance, when one stands).
fn history_frames(history: &HistoryTables) -> PolarsResult<[(&'static str, DataFrame); 3]> {
    let b = &history.batches;
    let batches = DataFrame::new(
        b.len(),
        vec![
            text_column("batch_id", b.iter().map(|r| r.batch_id.as_str())),
            text_column("created_at", b.iter().map(|r| r.created_at.as_str())),
            text_column("status", b.iter().map(|r| r.status.as_ref())),
            date_column(
                "first_date",
                b.iter().map(|r| parse_date(r.first_date.as_deref())),
            ),
            date_column(
                "last_date",
                b.iter().map(|r| parse_date(r.last_date.as_deref())),
            ),
        ],
    )?;
    let p = &history.postings;
    let postings = DataFrame::new(
        p.len(),
        vec![
            repeated_text_column("batch_id", p.iter().map(|r| r.batch_id.as_str())),
            text_column("doc_key", p.iter().map(|r| r.doc_key.as_str())),
            text_column("doc_type", p.iter().map(|r| r.doc_type.as_str())),
            text_column("doc_number", p.iter().map(|r| r.doc_number.as_str())),
            text_column("invoice", p.iter().map(|r| r.invoice.as_str())),
            text_column("customer", p.iter().map(|r| r.customer.as_str())),
            date_column("doc_date", p.iter().map(|r| Some(r.doc_date))),
            text_column("posting", p.iter().map(|r| r.posting.as_str())),
            text_column("account", p.iter().map(|r| r.account.as_str())),
            money_column("amount", p.iter().map(|r| r.amount))?,
        ],
    )?;
    let o = &history.opening.items;
    let opening = DataFrame::new(
        o.len(),
        vec![
            text_column("invoice", o.iter().map(|r| r.invoice.as_str())),
            text_column("customer", o.iter().map(|r| r.customer.as_str())),
            date_column("invoice_date", o.iter().map(|r| Some(r.date))),
            money_column("balance", o.iter().map(|r| r.balance))?,
        ],
    )?;
    Ok([
        ("history_batches", batches),
        ("history_postings", postings),
        ("history_opening", opening),
    ])
}

fn parse_date(text: Option<&str>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
}

/// Which rows of each report the batch posts, in the order they were loaded.
pub struct BatchRows {
    pub sales: Vec<bool>,
    pub payments: Vec<bool>,
    pub payouts: Vec<bool>,
}

/// The batch's tables from the tables every row was checked with: the rows
/// the batch posts (all of them, usually: nothing is copied then), with the
/// entry columns `labels` (of those rows) instead.
pub fn batch_tables(
    checked: Vec<(&'static str, DataFrame)>,
    keep: &BatchRows,
    labels: EntryColumns,
) -> PolarsResult<Vec<(&'static str, DataFrame)>> {
    let rows_of = |frame: DataFrame, mask: &[bool]| -> PolarsResult<DataFrame> {
        if mask.iter().all(|k| *k) {
            Ok(frame)
        } else {
            frame.filter(&BooleanChunked::from_slice("keep".into(), mask))
        }
    };
    let kept = checked
        .into_iter()
        .map(|(name, frame)| {
            let frame = match name {
                "sales" => rows_of(frame, &keep.sales)?,
                "payments" => rows_of(frame, &keep.payments)?,
                "payouts" => rows_of(frame, &keep.payouts)?,
                _ => frame,
            };
            Ok((name, frame))
        })
        .collect::<PolarsResult<_>>()?;
    with_labels(kept, labels)
}

/// The `entry_date`, `entry_source` and `entry_comment` columns of each
/// report's rows: the entry the journal puts each row in.
#[derive(Debug, Default)]
pub struct EntryColumns {
    pub sales: Vec<Column>,
    pub payments: Vec<Column>,
    pub payouts: Vec<Column>,
}

/// The tables with the reports' entry columns, added last or in place of
/// those they had.
pub fn with_labels(
    tables: Vec<(&'static str, DataFrame)>,
    labels: EntryColumns,
) -> PolarsResult<Vec<(&'static str, DataFrame)>> {
    let EntryColumns {
        mut sales,
        mut payments,
        mut payouts,
    } = labels;
    tables
        .into_iter()
        .map(|(name, mut frame)| {
            let columns = match name {
                "sales" => std::mem::take(&mut sales),
                "payments" => std::mem::take(&mut payments),
                "payouts" => std::mem::take(&mut payouts),
                _ => Vec::new(),
            };
            for column in columns {
                frame.with_column(column)?;
            }
            Ok((name, frame))
        })
        .collect()
}

/// All tables by the names the SQL uses; the reports' tables have no entry
/// columns yet ([`with_labels`] adds them).
pub fn all_tables(
    config: &Config,
    sales: &[SalesLine],
    payments: &[Payment],
    payouts: &[PayoutRow],
    history: &HistoryTables,
) -> PolarsResult<Vec<(&'static str, DataFrame)>> {
    let [batches, postings, opening] = history_frames(history)?;
    Ok(vec![
        batches,
        postings,
        opening,
        ("sales", sales_frame(sales)?),
        ("payments", payments_frame(payments)?),
        ("payouts", payouts_frame(payouts)?),
        (
            "products",
            mapping_frame("catalogue_item", "item_key", &config.products)?,
        ),
        (
            "payment_methods",
            mapping_frame("mapped_method", "method_key", &config.payment_methods)?,
        ),
        ("accounts", accounts_frame(config)?),
        (
            "mapping_near_misses",
            near_misses_frame(config, sales, payments)?,
        ),
    ])
}

/// The `mapping_near_misses` table: each `[products]` or `[payment_methods]`
/// line that matches nothing in the drop, with the name of the drop it is
/// most likely a misspelling of, and the sentence that says so in each
/// language (a check appends it to its message).
fn near_misses_frame(
    config: &Config,
    sales: &[SalesLine],
    payments: &[Payment],
) -> PolarsResult<DataFrame> {
    let items = near_misses(&config.products, sales.iter().map(|l| &*l.item));
    let methods = near_misses(&config.payment_methods, payments.iter().map(|p| &*p.method));
    let rows: Vec<(&str, NearMiss)> = (items.into_iter().map(|m| ("products", m)))
        .chain(methods.into_iter().map(|m| ("payment_methods", m)))
        .collect();
    let hint = |lang: Lang, section: &str, miss: &NearMiss| {
        let args = [
            ("section", Arg::from(section)),
            ("configured", Arg::from(&miss.configured)),
            ("found", Arg::from(&miss.found)),
        ];
        format_message(lang, "query-near-miss-hint", &args)
    };
    let hints = |lang: Lang| {
        rows.iter()
            .map(move |(s, m)| hint(lang, s, m))
            .collect::<Vec<_>>()
    };
    let (hints_fr, hints_en) = (hints(Lang::Fr), hints(Lang::En));
    DataFrame::new(
        rows.len(),
        vec![
            text_column("section", rows.iter().map(|(s, _)| *s)),
            text_column(
                "configured",
                rows.iter().map(|(_, m)| m.configured.as_str()),
            ),
            text_column("key", rows.iter().map(|(_, m)| m.key.as_str())),
            text_column("found", rows.iter().map(|(_, m)| m.found.as_str())),
            text_column("hint_fr", hints_fr.iter().map(String::as_str)),
            text_column("hint_en", hints_en.iter().map(String::as_str)),
        ],
    )
}

/// A configured name that matches nothing in the drop, and the drop's name
/// (as first written, and folded) it most likely means.
struct NearMiss {
    configured: String,
    key: String,
    found: String,
}

/// How alike (normalized Damerau–Levenshtein, folded names) a configured name
/// and a name of the drop must be to be taken for a misspelling: a letter or
/// two in a name of a few words.
const NEAR_MISS: f64 = 0.8;

/// The configured names that match none of `names` (the drop's), each with
/// the unmatched name of the drop closest to it, when one is close enough.
fn near_misses<'a>(mappings: &[Mapping], names: impl Iterator<Item = &'a str>) -> Vec<NearMiss> {
    let mut found: BTreeMap<String, &str> = BTreeMap::new();
    for name in names {
        found.entry(fold_name(name)).or_insert(name);
    }
    let configured: BTreeSet<&str> = mappings.iter().map(|m| m.key.as_str()).collect();
    let unmatched: Vec<(&String, &&str)> = found
        .iter()
        .filter(|(key, _)| !configured.contains(key.as_str()))
        .collect();
    mappings
        .iter()
        .filter(|m| !found.contains_key(&m.key))
        .filter_map(|m| {
            let score = |key: &str| strsim::normalized_damerau_levenshtein(&m.key, key);
            let (key, name) = (unmatched.iter())
                .map(|(key, name)| (score(key), key, name))
                .filter(|(score, _, _)| *score >= NEAR_MISS)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, key, name)| (key, name))?;
            Some(NearMiss {
                configured: m.name.clone(),
                key: key.to_string(),
                found: name.trim().to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    /// Shared bytes, same column: equal to the plain copy, in row order.
    #[test]
    fn repeated_text_reads_as_the_plain_copy() {
        let values = [
            "Déneigement résidentiel du mois",
            "Déneigement résidentiel du mois",
            "court",
            "",
            "Entretien paysager hebdomadaire",
            "Déneigement résidentiel du mois",
        ];
        let repeated = repeated_text_column("customer", values.iter().copied());
        let plain = text_column("customer", values.iter().copied());
        assert!(repeated.equals(&plain));
        assert_eq!(repeated.name().as_str(), "customer");
        let read: Vec<Option<&str>> = repeated.str().unwrap().iter().collect();
        let values: Vec<Option<&str>> = values.iter().copied().map(Some).collect();
        assert_eq!(read, values);
    }

    /// A column whose rows all hold one value is that value once, and reads,
    /// filters and groups as the plain copy; any other column is as before.
    #[test]
    fn constant_columns_are_held_once_and_query_as_plain_ones() {
        let files = ["ventes.csv"; 4];
        let held_once = text_column("file", files.iter().copied());
        assert!(matches!(held_once, Column::Scalar(_)));
        let plain: Column = StringChunked::from_iter_values("file".into(), files.iter().copied())
            .into_series()
            .into();
        assert!(held_once.equals(&plain));
        let sheets = [None::<&str>; 4];
        let no_sheet = optional_text_column("sheet", sheets.iter().copied());
        assert!(matches!(no_sheet, Column::Scalar(_)));
        assert_eq!(no_sheet.null_count(), 4);
        let zero = money_column("hst", [Decimal::ZERO; 4].into_iter()).unwrap();
        assert!(matches!(zero, Column::Scalar(_)));
        let varied = [
            Decimal::new(1000, 2),
            Decimal::new(1000, 2),
            Decimal::new(250, 2),
            Decimal::new(1000, 2),
        ];
        let amounts = money_column("amount", varied.into_iter()).unwrap();
        assert!(matches!(amounts, Column::Series(_)));
        let two_files = text_column("file", ["a.csv", "b.csv", "a.csv"].into_iter());
        assert!(matches!(two_files, Column::Series(_)));

        let query = "SELECT file, sheet, SUM(amount) AS amount, SUM(hst) AS hst, COUNT(*) AS n \
                     FROM t WHERE amount > CAST('5' AS DECIMAL(38, 2)) GROUP BY file, sheet";
        let run = |columns: Vec<Column>| {
            let mut ctx = polars::sql::SQLContext::new();
            ctx.register("t", DataFrame::new(4, columns).unwrap().lazy());
            ctx.execute(query).unwrap().collect().unwrap()
        };
        let materialized = |c: &Column| c.as_materialized_series().clone().into_column();
        let once = run(vec![
            held_once.clone(),
            no_sheet.clone(),
            amounts.clone(),
            zero.clone(),
        ]);
        let copies = run(vec![
            plain,
            materialized(&no_sheet),
            amounts,
            materialized(&zero),
        ]);
        assert!(once.equals_missing(&copies));
        assert_eq!(once.height(), 1);
        assert_eq!(
            once.column("n").unwrap().get(0).unwrap().extract::<u32>(),
            Some(3)
        );
    }
}
