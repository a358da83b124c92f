//! The journal stage: what each document posts (the per-document pass over
//! the journal queries' lines), the documents classified against the export
//! history, and the batch's entries, grouped by the granularity's labels and
//! fitted to the Sage company.

pub(crate) mod cash;
pub(crate) mod classify;
pub(crate) mod conform;
pub(crate) mod document_lines;
pub(crate) mod entries;
pub(crate) mod labels;
pub mod reversal;
pub(crate) mod voided;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::query::JournalLine;
use crate::sage::entry::{EntryLine, JournalEntry};

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
