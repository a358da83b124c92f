//! The entry each row of the reports belongs to, for the chosen
//! granularity (one entry for the period, a day or a document), or one entry
//! per document in the per-document pass: the `entry_date`, `entry_source`
//! and `entry_comment` columns the journal queries group by.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use polars::prelude::*;

use crate::config::{Granularity, SageSettings};
use crate::i18n::{format_message, Arg, Lang};
use crate::load::reports::{Payment, PayoutRow, SalesLine};
use crate::query::tables::columns::{date_column, repeated_text_column, text_column};
use crate::query::tables::EntryColumns;

/// The entry a document row belongs to: the SQL tables carry these as
/// `entry_date`, `entry_source`, `entry_comment`, so queries group by them.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryLabel {
    pub date: Option<NaiveDate>,
    pub source: String,
    pub comment: String,
}

/// Labels documents according to the granularity and the dates of the batch.
#[derive(Debug, Clone)]
pub struct EntryLabeler {
    pub granularity: Granularity,
    /// The company's language, which the comments are written in.
    pub lang: Lang,
    /// Label every document apart instead (one entry per document): how the
    /// history learns what each document posts. Its source is the document's
    /// index among the run's documents (`#12`, see [`write_document_source`]), a row
    /// without a date (no document) keeps its history key.
    pub documents: Option<Arc<DocumentRows>>,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
}

impl EntryLabeler {
    pub fn new(
        settings: &SageSettings,
        sales: &[SalesLine],
        payments: &[Payment],
        payouts: &[PayoutRow],
    ) -> Self {
        let dates = sales
            .iter()
            .filter_map(|l| l.date)
            .chain(payments.iter().filter_map(|p| p.date))
            .chain(payouts.iter().filter_map(|p| p.date));
        let (first_date, last_date) = dates.fold(
            (None, None),
            |(first, last): (Option<NaiveDate>, Option<NaiveDate>), d| {
                (
                    Some(first.map_or(d, |f| f.min(d))),
                    Some(last.map_or(d, |l| l.max(d))),
                )
            },
        );
        EntryLabeler {
            granularity: settings.granularity,
            lang: settings.lang,
            documents: None,
            first_date,
            last_date,
        }
    }

    /// A comment of the catalogue, in the company's language.
    fn comment(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        format_message(self.lang, id, args)
    }

    fn batch_label(&self, date: Option<NaiveDate>) -> EntryLabel {
        let day = |date: NaiveDate| Arg::Text(date.to_string());
        match self.granularity {
            Granularity::Period => {
                let comment = match (self.first_date, self.last_date) {
                    (Some(first), Some(last)) if first != last => self.comment(
                        "sage-period-range",
                        &[("first", day(first)), ("last", day(last))],
                    ),
                    (_, Some(last)) => self.comment("sage-period-one-day", &[("last", day(last))]),
                    _ => self.comment("sage-period", &[]),
                };
                EntryLabel {
                    date: self.last_date,
                    source: daily_source(self.last_date),
                    comment,
                }
            }
            Granularity::Day | Granularity::Document => EntryLabel {
                date,
                source: daily_source(date),
                comment: match date {
                    Some(d) => self.comment("sage-day-dated", &[("date", day(d))]),
                    None => self.comment("sage-day", &[]),
                },
            },
        }
    }

    /// True when rows of one date may have different labels (one entry per
    /// document); otherwise a label depends on the row's date alone.
    pub fn labels_each_row(&self) -> bool {
        self.granularity == Granularity::Document
    }

    /// The label of every row dated `date`, when a label depends on the date
    /// alone (below the document granularity).
    pub fn for_date(&self, date: NaiveDate) -> Option<EntryLabel> {
        (!self.labels_each_row() && self.documents.is_none()).then(|| self.batch_label(Some(date)))
    }

    /// Labels each row by its document, for the history (see `documents`).
    pub fn by_document(
        sales: &[SalesLine],
        payments: &[Payment],
        payouts: &[PayoutRow],
        documents: Arc<DocumentRows>,
    ) -> Self {
        EntryLabeler {
            documents: Some(documents),
            ..EntryLabeler::new(
                &SageSettings {
                    granularity: Granularity::Document,
                    ..SageSettings::default()
                },
                sales,
                payments,
                payouts,
            )
        }
    }

    pub fn for_payout(&self, row: &PayoutRow) -> EntryLabel {
        if self.documents.is_some() {
            return EntryLabel {
                date: row.date,
                source: row.document_key(),
                comment: String::new(),
            };
        }
        match self.granularity {
            Granularity::Document => EntryLabel {
                date: row.date,
                source: row.payout.to_string(),
                comment: join_words(&[&self.comment("sage-payout", &[]), &row.payout]),
            },
            _ => self.batch_label(row.date),
        }
    }

    pub fn for_invoice(&self, line: &SalesLine) -> EntryLabel {
        if self.documents.is_some() {
            return EntryLabel {
                date: line.date,
                source: line.document_key(),
                comment: String::new(),
            };
        }
        match self.granularity {
            Granularity::Document => EntryLabel {
                date: line.date,
                source: line.invoice.to_string(),
                comment: join_words(&[
                    &self.comment("sage-invoice", &[]),
                    &line.invoice,
                    &line.customer,
                ]),
            },
            _ => self.batch_label(line.date),
        }
    }

    pub fn for_payment(&self, payment: &Payment) -> EntryLabel {
        if self.documents.is_some() {
            return EntryLabel {
                date: payment.date,
                source: payment.document_key(),
                comment: String::new(),
            };
        }
        match self.granularity {
            Granularity::Document => {
                let source = if !payment.reference.is_empty() {
                    payment.reference.clone()
                } else if !payment.invoice.is_empty() {
                    format!("{}-{}", short_kind(payment), payment.invoice)
                } else {
                    format!("{}-L{}", short_kind(payment), payment.origin.row)
                };
                let invoice = if payment.invoice.is_empty() {
                    String::new()
                } else {
                    let invoice = Arg::Text(payment.invoice.clone());
                    self.comment("sage-invoice-of", &[("invoice", invoice)])
                };
                let kind = Arg::Text(payment.kind.as_ref().to_string());
                let kind = self.comment("sage-payment-kind", &[("kind", kind)]);
                EntryLabel {
                    date: payment.date,
                    source,
                    comment: join_words(&[&kind, &invoice, &payment.customer]),
                }
            }
            _ => self.batch_label(payment.date),
        }
    }
}

/// The document of each input row, by row: its index among the run's
/// documents, none for a row without a date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentRows {
    pub sales: Vec<Option<u32>>,
    pub payments: Vec<Option<u32>>,
    pub payouts: Vec<Option<u32>>,
}

/// Writes into `source` the entry source of the document at `index` in the
/// per-document pass: short text, which the queries group and the pass looks
/// up faster than a key.
pub fn write_document_source(source: &mut String, index: u32) {
    use std::fmt::Write;
    source.clear();
    write!(source, "#{index}").expect("writing to a string");
}

/// The document index of a per-document pass's source, if it is one.
pub fn document_index(source: &str) -> Option<usize> {
    source.strip_prefix('#')?.parse().ok()
}

fn short_kind(payment: &Payment) -> &'static str {
    match payment.kind {
        crate::load::reports::PaymentKind::Payment => "PAI",
        crate::load::reports::PaymentKind::Deposit => "DEP",
        crate::load::reports::PaymentKind::Refund => "REM",
        crate::load::reports::PaymentKind::DepositApplied => "DAP",
        crate::load::reports::PaymentKind::Voided => "ANN",
    }
}

fn daily_source(date: Option<NaiveDate>) -> String {
    match date {
        Some(d) => format!("PLN-{}", d.format("%y%m%d")),
        None => "PLN".to_string(),
    }
}

fn join_words(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| !w.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The entry columns of the reports' rows, as `labeler` labels them; the
/// three reports' columns built at once.
pub fn entry_columns(
    sales: &[SalesLine],
    payments: &[Payment],
    payouts: &[PayoutRow],
    labeler: &EntryLabeler,
) -> EntryColumns {
    let (sales, (payments, payouts)) = rayon::join(
        || sales_labels(sales, labeler),
        || {
            rayon::join(
                || payment_labels(payments, labeler),
                || payout_labels(payouts, labeler),
            )
        },
    );
    EntryColumns {
        sales,
        payments,
        payouts,
    }
}

/// The `entry_date`, `entry_source` and `entry_comment` columns. Below the
/// document granularity a label depends only on the date: it is made once
/// per date, not once per row. In the per-document pass, `documents` picks
/// this report's rows' documents: each row's label names its document.
fn rows_entry_columns<T>(
    rows: &[T],
    labeler: &EntryLabeler,
    documents: impl Fn(&DocumentRows) -> &[Option<u32>],
    date: impl Fn(&T) -> Option<NaiveDate>,
    label: impl Fn(&T) -> EntryLabel,
) -> Vec<Column> {
    if let Some(rows_documents) = labeler.documents.as_deref() {
        return document_entry_columns(rows, documents(rows_documents), date, label);
    }
    let per_date: HashMap<Option<NaiveDate>, EntryLabel>;
    let per_row: Vec<EntryLabel>;
    let labels: Vec<&EntryLabel> = if labeler.labels_each_row() {
        per_row = rows.iter().map(label).collect();
        per_row.iter().collect()
    } else {
        let mut made = HashMap::new();
        for row in rows {
            made.entry(date(row)).or_insert_with(|| label(row));
        }
        per_date = made;
        rows.iter().map(|row| &per_date[&date(row)]).collect()
    };
    vec![
        date_column("entry_date", labels.iter().map(|l| l.date)),
        text_column("entry_source", labels.iter().map(|l| l.source.as_str())),
        repeated_text_column("entry_comment", labels.iter().map(|l| l.comment.as_str())),
    ]
}

/// The entry columns of the per-document pass: each row's document index as
/// its source (written through one buffer: a million rows, no string each); a
/// row without a document (no date) keeps its own label.
fn document_entry_columns<T>(
    rows: &[T],
    documents: &[Option<u32>],
    date: impl Fn(&T) -> Option<NaiveDate>,
    label: impl Fn(&T) -> EntryLabel,
) -> Vec<Column> {
    let mut sources = StringChunkedBuilder::new("entry_source".into(), rows.len());
    let mut comments = StringChunkedBuilder::new("entry_comment".into(), rows.len());
    let mut source = String::new();
    for (row, document) in rows.iter().zip(documents) {
        match document {
            Some(index) => {
                write_document_source(&mut source, *index);
                sources.append_value(&source);
                comments.append_value("");
            }
            None => {
                let own = label(row);
                sources.append_value(&own.source);
                comments.append_value(&own.comment);
            }
        }
    }
    vec![
        date_column("entry_date", rows.iter().map(&date)),
        sources.finish().into_series().into(),
        comments.finish().into_series().into(),
    ]
}

fn sales_labels(lines: &[SalesLine], labeler: &EntryLabeler) -> Vec<Column> {
    let label = |l: &SalesLine| labeler.for_invoice(l);
    rows_entry_columns(lines, labeler, |d| &d.sales, |l| l.date, label)
}

fn payment_labels(payments: &[Payment], labeler: &EntryLabeler) -> Vec<Column> {
    let label = |p: &Payment| labeler.for_payment(p);
    rows_entry_columns(payments, labeler, |d| &d.payments, |p| p.date, label)
}

fn payout_labels(rows: &[PayoutRow], labeler: &EntryLabeler) -> Vec<Column> {
    let label = |r: &PayoutRow| labeler.for_payout(r);
    rows_entry_columns(rows, labeler, |d| &d.payouts, |r| r.date, label)
}
