//! The tables the SQL queries see: the loaded reports (with their entry labels
//! and the taxes recomputed at Quebec rates) and the configuration (accounts,
//! catalogue mapping, payment methods), as Polars data frames.

use chrono::NaiveDate;
use polars::prelude::*;
use rust_decimal::Decimal;

use crate::config::{Config, Mapping};
use crate::history::HistoryTables;
use crate::journal::EntryLabeler;
use crate::load::reports::{Payment, PayoutRow, SalesLine};
use crate::tax::{expected_gst, expected_qst};

/// Precision and scale of money columns.
pub const MONEY_PRECISION: usize = 38;
pub const MONEY_SCALE: usize = 2;
const QUANTITY_SCALE: usize = 6;

fn text_column(name: &str, values: impl Iterator<Item = String>) -> Column {
    Column::new(name.into(), values.collect::<Vec<String>>())
}

fn optional_text_column(name: &str, values: impl Iterator<Item = Option<String>>) -> Column {
    Column::new(name.into(), values.collect::<Vec<Option<String>>>())
}

fn decimal_column(
    name: &str,
    scale: usize,
    values: impl Iterator<Item = Option<Decimal>>,
) -> PolarsResult<Column> {
    let mantissas = values.map(|value| {
        value.map(|mut v| {
            v.rescale(scale as u32);
            v.mantissa()
        })
    });
    let physical = Int128Chunked::from_iter_options(name.into(), mantissas);
    Ok(physical
        .into_decimal(MONEY_PRECISION, scale)?
        .into_series()
        .into())
}

fn money_column(name: &str, values: impl Iterator<Item = Decimal>) -> PolarsResult<Column> {
    decimal_column(name, MONEY_SCALE, values.map(Some))
}

fn date_column(name: &str, values: impl Iterator<Item = Option<NaiveDate>>) -> Column {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    let days = values.map(|d| d.map(|d| (d - epoch).num_days() as i32));
    Int32Chunked::from_iter_options(name.into(), days)
        .into_date()
        .into_series()
        .into()
}

fn row_column(name: &str, values: impl Iterator<Item = u64>) -> Column {
    Column::new(name.into(), values.map(|v| v as i64).collect::<Vec<i64>>())
}

/// The `sales` table: one row per invoice line.
pub fn sales_frame(lines: &[SalesLine], labeler: &EntryLabeler) -> PolarsResult<DataFrame> {
    let labels: Vec<_> = lines.iter().map(|l| labeler.for_invoice(l)).collect();
    let money =
        |name: &str, get: fn(&SalesLine) -> Decimal| money_column(name, lines.iter().map(get));
    DataFrame::new(
        lines.len(),
        vec![
            text_column("file", lines.iter().map(|l| l.origin.file.clone())),
            optional_text_column("sheet", lines.iter().map(|l| l.origin.sheet.clone())),
            row_column("row", lines.iter().map(|l| l.origin.row)),
            text_column("invoice", lines.iter().map(|l| l.invoice.clone())),
            date_column("date", lines.iter().map(|l| l.date)),
            text_column("date_text", lines.iter().map(|l| l.date_text.clone())),
            text_column("customer", lines.iter().map(|l| l.customer.clone())),
            text_column("item", lines.iter().map(|l| l.item.clone())),
            text_column(
                "item_key",
                lines.iter().map(|l| crate::text::fold_name(&l.item)),
            ),
            text_column("description", lines.iter().map(|l| l.description.clone())),
            decimal_column("quantity", QUANTITY_SCALE, lines.iter().map(|l| l.quantity))?,
            decimal_column(
                "unit_price",
                MONEY_SCALE,
                lines.iter().map(|l| l.unit_price),
            )?,
            money("amount", |l| l.amount)?,
            money("gst", |l| l.gst)?,
            money("qst", |l| l.qst)?,
            money("hst", |l| l.hst)?,
            money("total", |l| l.total)?,
            money("gst_expected", |l| expected_gst(l.amount))?,
            money("qst_expected", |l| expected_qst(l.amount))?,
            date_column("entry_date", labels.iter().map(|l| l.date)),
            text_column("entry_source", labels.iter().map(|l| l.source.clone())),
            text_column("entry_comment", labels.iter().map(|l| l.comment.clone())),
        ],
    )
}

/// The `payments` table: one row per payment, deposit or refund.
pub fn payments_frame(payments: &[Payment], labeler: &EntryLabeler) -> PolarsResult<DataFrame> {
    let labels: Vec<_> = payments.iter().map(|p| labeler.for_payment(p)).collect();
    DataFrame::new(
        payments.len(),
        vec![
            text_column("file", payments.iter().map(|p| p.origin.file.clone())),
            optional_text_column("sheet", payments.iter().map(|p| p.origin.sheet.clone())),
            row_column("row", payments.iter().map(|p| p.origin.row)),
            date_column("date", payments.iter().map(|p| p.date)),
            text_column("date_text", payments.iter().map(|p| p.date_text.clone())),
            text_column("reference", payments.iter().map(|p| p.reference.clone())),
            text_column("invoice", payments.iter().map(|p| p.invoice.clone())),
            text_column("customer", payments.iter().map(|p| p.customer.clone())),
            text_column("kind", payments.iter().map(|p| p.kind.label().to_string())),
            text_column("type_text", payments.iter().map(|p| p.type_text.clone())),
            text_column("method", payments.iter().map(|p| p.method.clone())),
            text_column(
                "method_key",
                payments.iter().map(|p| crate::text::fold_name(&p.method)),
            ),
            money_column("amount", payments.iter().map(|p| p.amount))?,
            money_column("received", payments.iter().map(|p| p.received))?,
            money_column("tip", payments.iter().map(|p| p.tip))?,
            date_column("entry_date", labels.iter().map(|l| l.date)),
            text_column("entry_source", labels.iter().map(|l| l.source.clone())),
            text_column("entry_comment", labels.iter().map(|l| l.comment.clone())),
        ],
    )
}

/// The `payouts` table: one row per payment included in a Plannit Pay payout.
pub fn payouts_frame(rows: &[PayoutRow], labeler: &EntryLabeler) -> PolarsResult<DataFrame> {
    let labels: Vec<_> = rows.iter().map(|r| labeler.for_payout(r)).collect();
    DataFrame::new(
        rows.len(),
        vec![
            text_column("file", rows.iter().map(|r| r.origin.file.clone())),
            optional_text_column("sheet", rows.iter().map(|r| r.origin.sheet.clone())),
            row_column("row", rows.iter().map(|r| r.origin.row)),
            date_column("date", rows.iter().map(|r| r.date)),
            text_column("date_text", rows.iter().map(|r| r.date_text.clone())),
            text_column("payout", rows.iter().map(|r| r.payout.clone())),
            money_column("payout_amount", rows.iter().map(|r| r.payout_amount))?,
            text_column("invoice", rows.iter().map(|r| r.invoice.clone())),
            text_column("customer", rows.iter().map(|r| r.customer.clone())),
            money_column("gross", rows.iter().map(|r| r.gross))?,
            money_column("fee", rows.iter().map(|r| r.fee))?,
            decimal_column("net", MONEY_SCALE, rows.iter().map(|r| r.net))?,
            date_column("entry_date", labels.iter().map(|l| l.date)),
            text_column("entry_source", labels.iter().map(|l| l.source.clone())),
            text_column("entry_comment", labels.iter().map(|l| l.comment.clone())),
        ],
    )
}

fn mapping_frame(
    name_column: &str,
    key_column: &str,
    mappings: &[Mapping],
) -> PolarsResult<DataFrame> {
    DataFrame::new(
        mappings.len(),
        vec![
            text_column(name_column, mappings.iter().map(|m| m.name.clone())),
            text_column(key_column, mappings.iter().map(|m| m.key.clone())),
            text_column("account", mappings.iter().map(|m| m.account.clone())),
            text_column("mapped_in", mappings.iter().map(|m| m.origin.clone())),
        ],
    )
}

/// The `accounts` table: a single row, one column per account role.
pub fn accounts_frame(config: &Config) -> PolarsResult<DataFrame> {
    let a = &config.accounts;
    let one = |name: &str, value: Option<&String>| {
        optional_text_column(name, std::iter::once(value.cloned()))
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

/// The history, read-only: `history_batches` and `history_postings`.
fn history_frames(history: &HistoryTables) -> PolarsResult<[(&'static str, DataFrame); 2]> {
    let b = &history.batches;
    let batches = DataFrame::new(
        b.len(),
        vec![
            text_column("batch_id", b.iter().map(|r| r.batch_id.clone())),
            text_column("created_at", b.iter().map(|r| r.created_at.clone())),
            text_column("status", b.iter().map(|r| r.status.clone())),
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
            text_column("batch_id", p.iter().map(|r| r.batch_id.clone())),
            text_column("doc_key", p.iter().map(|r| r.doc_key.clone())),
            text_column("doc_type", p.iter().map(|r| r.doc_type.clone())),
            text_column("doc_number", p.iter().map(|r| r.doc_number.clone())),
            text_column("invoice", p.iter().map(|r| r.invoice.clone())),
            date_column("doc_date", p.iter().map(|r| Some(r.doc_date))),
            text_column("posting", p.iter().map(|r| r.posting.clone())),
            text_column("account", p.iter().map(|r| r.account.clone())),
            money_column("amount", p.iter().map(|r| r.amount))?,
        ],
    )?;
    Ok([("history_batches", batches), ("history_postings", postings)])
}

fn parse_date(text: Option<&str>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
}

/// All tables by the names the SQL uses.
pub fn all_tables(
    config: &Config,
    sales: &[SalesLine],
    payments: &[Payment],
    payouts: &[PayoutRow],
    labeler: &EntryLabeler,
    history: &HistoryTables,
) -> PolarsResult<Vec<(&'static str, DataFrame)>> {
    let [batches, postings] = history_frames(history)?;
    Ok(vec![
        batches,
        postings,
        ("sales", sales_frame(sales, labeler)?),
        ("payments", payments_frame(payments, labeler)?),
        ("payouts", payouts_frame(payouts, labeler)?),
        (
            "products",
            mapping_frame("catalogue_item", "item_key", &config.products)?,
        ),
        (
            "payment_methods",
            mapping_frame("mapped_method", "method_key", &config.payment_methods)?,
        ),
        ("accounts", accounts_frame(config)?),
    ])
}
