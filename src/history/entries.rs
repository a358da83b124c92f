//! The entries each batch wrote to its Sage 50 file, kept in the history
//! line by line (date, source, comment, account, amount), so that what was
//! sent to Sage can be compared with Sage's own ledger or reversed later
//! without the file itself.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use rust_decimal::Decimal;

use super::bulk::BulkInsert;
use super::{sqlite_error, History, HistoryError, StoredAt};
use crate::money::text::write_amount;
use crate::sage::entry::JournalEntry;

/// An entry as its batch wrote it to the Sage file.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedEntry {
    pub date: NaiveDate,
    pub source: String,
    pub comment: String,
    /// (account, amount): debits positive, credits negative, in file order.
    pub lines: Vec<(String, Decimal)>,
}

/// Inserts the batch's entries into the run's transaction.
pub(super) fn insert_entries(
    tx: &Connection,
    batch: &str,
    entries: &[JournalEntry],
) -> rusqlite::Result<()> {
    let rows = entries.iter().map(|e| e.lines.len()).sum();
    let mut insert = BulkInsert::new(
        tx,
        "INSERT INTO batch_entries (batch_id, entry, line, entry_date, source, comment, account, amount) VALUES ",
        7,
        batch,
        rows,
    )?;
    let mut amount = String::new();
    for (number, entry) in (1_i64..).zip(entries) {
        let date = entry.date.to_string();
        for (line, entry_line) in (1_i64..).zip(&entry.lines) {
            amount.clear();
            write_amount(&mut amount, entry_line.amount);
            insert.push(&[
                &number,
                &line,
                &date,
                &entry.source,
                &entry.comment,
                &entry_line.account,
                &amount,
            ])?;
        }
    }
    insert.finish();
    Ok(())
}

impl History {
    /// The entries a batch wrote to its Sage file, in file order; empty for a
    /// batch recorded by a version that did not keep them.
    pub fn batch_entries(&self, batch: &str) -> Result<Vec<RecordedEntry>, HistoryError> {
        let err = sqlite_error(&self.path);
        let mut statement = self
            .conn
            .prepare(
                "SELECT entry, entry_date, source, comment, account, amount FROM batch_entries
                 WHERE batch_id = ?1 ORDER BY entry, line",
            )
            .map_err(&err)?;
        let rows: Vec<(i64, String, String, String, String, String)> = statement
            .query_map(params![batch], |r| r.try_into())
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        let at = StoredAt {
            path: &self.path,
            batch,
            document: None,
        };
        let mut entries: Vec<RecordedEntry> = Vec::new();
        let mut current = None;
        for (number, date, source, comment, account, amount) in rows {
            if current != Some(number) {
                current = Some(number);
                entries.push(RecordedEntry {
                    date: at.date(&date)?,
                    source,
                    comment,
                    lines: Vec::new(),
                });
            }
            let entry = entries.last_mut().expect("an entry was just started");
            entry.lines.push((account, at.amount(&amount)?));
        }
        Ok(entries)
    }
}
