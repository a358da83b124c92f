//! Journal entries: how document rows are labelled into Sage 50 entries for the
//! chosen granularity, and how the lines the journal queries produce are
//! grouped into balanced entries.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::config::Granularity;
use crate::load::reports::{Payment, PayoutRow, SalesLine};

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
        granularity: Granularity,
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
            granularity,
            documents: None,
            first_date,
            last_date,
        }
    }

    fn batch_label(&self, date: Option<NaiveDate>) -> EntryLabel {
        match self.granularity {
            Granularity::Period => {
                let comment = match (self.first_date, self.last_date) {
                    (Some(first), Some(last)) if first != last => {
                        format!("Plannit {first} au {last}")
                    }
                    (_, Some(last)) => format!("Plannit {last}"),
                    _ => "Plannit".to_string(),
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
                    Some(d) => format!("Plannit ventes et paiements {d}"),
                    None => "Plannit ventes et paiements".to_string(),
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
            ..EntryLabeler::new(Granularity::Document, sales, payments, payouts)
        }
    }

    pub fn for_payout(&self, row: &PayoutRow) -> EntryLabel {
        if self.documents.is_some() {
            return EntryLabel {
                date: row.date,
                source: payout_key(row),
                comment: String::new(),
            };
        }
        match self.granularity {
            Granularity::Document => EntryLabel {
                date: row.date,
                source: row.payout.to_string(),
                comment: join_words(&["Versement Plannit Pay", &row.payout]),
            },
            _ => self.batch_label(row.date),
        }
    }

    pub fn for_invoice(&self, line: &SalesLine) -> EntryLabel {
        if self.documents.is_some() {
            return EntryLabel {
                date: line.date,
                source: invoice_key(line),
                comment: String::new(),
            };
        }
        match self.granularity {
            Granularity::Document => EntryLabel {
                date: line.date,
                source: line.invoice.to_string(),
                comment: join_words(&["Facture", &line.invoice, &line.customer]),
            },
            _ => self.batch_label(line.date),
        }
    }

    pub fn for_payment(&self, payment: &Payment) -> EntryLabel {
        if self.documents.is_some() {
            return EntryLabel {
                date: payment.date,
                source: payment_key(payment),
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
                    format!("fact. {}", payment.invoice)
                };
                EntryLabel {
                    date: payment.date,
                    source,
                    comment: join_words(&[payment.kind.label_fr(), &invoice, &payment.customer]),
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

/// The history's key of an invoice: `invoice:P-1042`.
pub fn invoice_key(line: &SalesLine) -> String {
    format!("invoice:{}", line.invoice)
}

/// The history's key of a Plannit Pay payout: `payout:PO-123`.
pub fn payout_key(row: &PayoutRow) -> String {
    format!("payout:{}", row.payout)
}

/// The history's key of a payment, deposit or refund: its kind and number, or
/// for rows without a number, what identifies it (date, invoice, customer, amount).
pub fn payment_key(payment: &Payment) -> String {
    if payment.reference.is_empty() {
        let date = payment.date.map(|d| d.to_string()).unwrap_or_default();
        format!(
            "{}:{date}|{}|{}|{}",
            payment.kind.label(),
            payment.invoice,
            payment.customer,
            payment.received
        )
    } else {
        format!("{}:{}", payment.kind.label(), payment.reference)
    }
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

/// A line of a Sage 50 entry: one account, its net amount.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryLine {
    pub account: String,
    pub amount: Decimal,
    pub source_rows: u64,
    /// The query files whose lines it nets (provenance); none for an adjustment.
    pub queries: Vec<Arc<str>>,
}

/// A Sage 50 General Journal entry.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalEntry {
    pub date: NaiveDate,
    pub source: String,
    pub comment: String,
    pub lines: Vec<EntryLine>,
    /// The sales-tax detail (TAXD lines), when `[sage50] tax_detail` is on.
    pub taxes: Vec<TaxLine>,
}

/// One TAXD line: a tax account of the entry, the tax as the Sage company
/// names it, the revenue it taxes and the tax (both positive for sales,
/// negative for net credit notes).
#[derive(Debug, Clone, PartialEq)]
pub struct TaxLine {
    pub account: String,
    pub name: String,
    pub code: String,
    pub taxable: Decimal,
    pub tax: Decimal,
}

impl JournalEntry {
    pub fn debits(&self) -> Decimal {
        self.lines
            .iter()
            .map(|l| l.amount)
            .filter(|a| a.is_sign_positive())
            .sum()
    }

    pub fn credits(&self) -> Decimal {
        -self
            .lines
            .iter()
            .map(|l| l.amount)
            .filter(|a| a.is_sign_negative())
            .sum::<Decimal>()
    }

    pub fn balance(&self) -> Decimal {
        self.lines.iter().map(|l| l.amount).sum()
    }
}

/// What an entry's line on one account nets: the amount, the input rows and
/// the query files (in the order they first contributed).
#[derive(Debug, Clone, Default)]
pub struct Netted {
    pub amount: Decimal,
    pub source_rows: u64,
    pub queries: Vec<Arc<str>>,
}

impl Netted {
    pub fn add_query(&mut self, query: &Arc<str>) {
        if !self.queries.contains(query) {
            self.queries.push(Arc::clone(query));
        }
    }
}

/// Groups journal lines into entries by (date, source, comment): within an
/// entry, lines of the same account are netted and zero lines dropped. Entries
/// come in date order; within one, debits first, then by account.
pub fn build_entries(lines: &[JournalLine]) -> Vec<JournalEntry> {
    type Key = (NaiveDate, String, String);
    let mut grouped: BTreeMap<Key, BTreeMap<String, Netted>> = BTreeMap::new();
    for line in lines {
        let key = (line.date, line.source.clone(), line.comment.clone());
        let slot = grouped
            .entry(key)
            .or_default()
            .entry(line.account.clone())
            .or_default();
        slot.amount += line.amount;
        slot.source_rows += line.source_rows;
        slot.add_query(&line.query);
    }
    grouped
        .into_iter()
        .filter_map(|((date, source, comment), accounts)| {
            netted_entry(date, source, comment, accounts)
        })
        .collect()
}

/// The entry of `accounts`' netted lines, zero lines dropped (none if all
/// are): debits first, then by account.
pub fn netted_entry(
    date: NaiveDate,
    source: String,
    comment: String,
    accounts: impl IntoIterator<Item = (String, Netted)>,
) -> Option<JournalEntry> {
    let mut lines: Vec<EntryLine> = accounts
        .into_iter()
        .filter(|(_, netted)| !netted.amount.is_zero())
        .map(|(account, mut netted)| {
            netted.amount.rescale(2);
            EntryLine {
                account,
                amount: netted.amount,
                source_rows: netted.source_rows,
                queries: netted.queries,
            }
        })
        .collect();
    lines.sort_by(|a, b| {
        (a.amount.is_sign_negative(), &a.account).cmp(&(b.amount.is_sign_negative(), &b.account))
    });
    (!lines.is_empty()).then_some(JournalEntry {
        date,
        source,
        comment,
        lines,
        taxes: Vec::new(),
    })
}

/// One account's debits and credits over a set of entries.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountTotal {
    pub account: String,
    pub debits: Decimal,
    pub credits: Decimal,
}

/// Debits and credits per account (in account order), over entries.
pub fn account_totals(entries: &[JournalEntry]) -> Vec<AccountTotal> {
    let mut by_account: BTreeMap<&str, (Decimal, Decimal)> = BTreeMap::new();
    for line in entries.iter().flat_map(|e| &e.lines) {
        let slot = by_account.entry(line.account.as_str()).or_default();
        if line.amount.is_sign_positive() {
            slot.0 += line.amount;
        } else {
            slot.1 -= line.amount;
        }
    }
    by_account
        .into_iter()
        .map(|(account, (debits, credits))| AccountTotal {
            account: account.to_string(),
            debits,
            credits,
        })
        .collect()
}

/// The sums of debits and of credits over account totals.
pub fn grand_totals(totals: &[AccountTotal]) -> (Decimal, Decimal) {
    totals
        .iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(d, c), t| {
            (d + t.debits, c + t.credits)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(account: &str, cents: i64, source: &str) -> JournalLine {
        JournalLine {
            date: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
            source: source.into(),
            comment: "c".into(),
            account: account.into(),
            amount: Decimal::new(cents, 2),
            source_rows: 1,
            query: "q".into(),
        }
    }

    #[test]
    fn entries_net_accounts_and_drop_zero_lines() {
        let entries = build_entries(&[
            line("1210", 11498, "A"),
            line("4001", -10000, "A"),
            line("2420", -1498, "A"),
            line("1210", -5000, "A"),
            line("1020", 5000, "A"),
            line("2430", 0, "A"),
        ]);
        assert_eq!(entries.len(), 1);
        let accounts: Vec<(&str, String)> = entries[0]
            .lines
            .iter()
            .map(|l| (l.account.as_str(), l.amount.to_string()))
            .collect();
        assert_eq!(
            accounts,
            vec![
                ("1020", "50.00".into()),
                ("1210", "64.98".into()),
                ("2420", "-14.98".into()),
                ("4001", "-100.00".into())
            ]
        );
        assert_eq!(entries[0].balance(), Decimal::ZERO);
        assert_eq!(entries[0].debits().to_string(), "114.98");
    }
}
