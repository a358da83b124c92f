//! The history while a run holds its write lock: what it reads at the start
//! (posted documents, the SQL tables, batches to finish) and the batch it
//! records at the end, in one transaction.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use std::fmt::Write;

use rusqlite::{params, Transaction};

use super::bulk::BulkInsert;
use super::entries::insert_entries;
use super::openings::{read_standing_opening, record_tie_out, TieOutRecord};
use super::{
    now, sqlite_error, Amounts, BatchRecord, History, HistoryBatchRow, HistoryError,
    HistoryPostingRow, HistoryTables, PostedState, StoredAt,
};
use crate::money::text::write_amount;
use crate::output::finish_rename;
use crate::sage::entry::JournalEntry;

/// The history while a run holds its write lock.
pub struct Locked<'a> {
    pub(super) tx: Transaction<'a>,
    pub(super) path: PathBuf,
}

impl Locked<'_> {
    fn err(&self) -> impl Fn(rusqlite::Error) -> HistoryError + '_ {
        sqlite_error(&self.path)
    }

    /// Renames outputs of committed batches that a stopped run left behind.
    pub fn recover(&self) -> Result<(), HistoryError> {
        let err = self.err();
        let mut statement = self
            .tx
            .prepare("SELECT id, pending_renames FROM batches WHERE pending_renames IS NOT NULL")
            .map_err(&err)?;
        let pending: Vec<(String, String)> = statement
            .query_map([], |r| r.try_into())
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        for (batch, renames) in pending {
            for (from, to) in decode_renames(&renames) {
                finish_rename(&from, &to).map_err(|e| HistoryError::Recover(to.clone(), e))?;
            }
            self.tx
                .execute(
                    "UPDATE batches SET pending_renames = NULL WHERE id = ?1",
                    [batch],
                )
                .map_err(&err)?;
        }
        Ok(())
    }

    /// Every document posted by batches that are not void, with its state.
    pub fn posted_states(&self) -> Result<BTreeMap<String, PostedState>, HistoryError> {
        let err = self.err();
        let mut statement = self
            .tx
            .prepare(
                "SELECT d.doc_key, d.batch_id, d.doc_date, a.account, a.amount,
                        EXISTS (SELECT 1 FROM voided_invoices v WHERE v.batch_id = d.batch_id AND v.doc_key = d.doc_key)
                 FROM documents d
                 JOIN batches b ON b.id = d.batch_id AND b.status = 'done'
                 LEFT JOIN document_amounts a ON a.batch_id = d.batch_id AND a.doc_key = d.doc_key
                 ORDER BY b.created_at, b.id",
            )
            .map_err(&err)?;
        let rows: Vec<PostedRow> = statement
            .query_map([], |r| r.try_into())
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        let mut states: BTreeMap<String, PostedState> = BTreeMap::new();
        for (key, batch, date, account, amount, voided) in rows {
            let at = StoredAt {
                path: &self.path,
                batch: &batch,
                document: Some(&key),
            };
            let date = at.date(&date)?;
            let state = states.entry(key.clone()).or_insert_with(|| PostedState {
                first_batch: batch.clone(),
                last_batch: batch.clone(),
                date,
                amounts: Amounts::new(),
                voided: false,
            });
            state.voided |= voided;
            if state.last_batch != batch {
                state.last_batch = batch.clone();
                state.date = date;
            }
            if let (Some(account), Some(amount)) = (account, amount) {
                let amount = at.amount(&amount)?;
                state.amounts.add_text(&account, amount);
            }
        }
        for state in states.values_mut() {
            state.amounts.drop_zeros();
        }
        Ok(states)
    }

    /// `2026-10-07-1`: the run's date and its number that day.
    pub fn next_batch_id(&self, date: NaiveDate) -> Result<String, HistoryError> {
        let prefix = date.format("%Y-%m-%d").to_string();
        let count: i64 = self
            .tx
            .query_row(
                "SELECT COUNT(*) FROM batches WHERE id LIKE ?1 || '-%'",
                [&prefix],
                |r| r.get(0),
            )
            .map_err(self.err())?;
        Ok(format!("{prefix}-{}", count + 1))
    }

    /// The history tables for the SQL queries, read at the start of the run.
    pub fn tables(&self) -> Result<HistoryTables, HistoryError> {
        let err = self.err();
        let mut batches = HistoryTables::default();
        let mut statement = self
            .tx
            .prepare(
                "SELECT id, created_at, status, first_date, last_date FROM batches ORDER BY id",
            )
            .map_err(&err)?;
        batches.batches = statement
            .query_map([], |r| {
                Ok(HistoryBatchRow {
                    batch_id: r.get(0)?,
                    created_at: r.get(1)?,
                    status: r.get(2)?,
                    first_date: r.get(3)?,
                    last_date: r.get(4)?,
                })
            })
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        let mut statement = self
            .tx
            .prepare(
                "SELECT d.batch_id, d.doc_key, d.doc_type, d.doc_number, d.doc_date, d.posting, a.account, a.amount, d.invoice, d.customer
                 FROM documents d JOIN document_amounts a ON a.batch_id = d.batch_id AND a.doc_key = d.doc_key
                 ORDER BY d.batch_id, d.doc_key, a.account",
            )
            .map_err(&err)?;
        for batch in &batches.batches {
            let at = StoredAt {
                path: &self.path,
                batch: &batch.batch_id,
                document: None,
            };
            for date in [&batch.first_date, &batch.last_date].into_iter().flatten() {
                at.date(date)?;
            }
        }
        let rows: Vec<StoredPostingRow> = statement
            .query_map([], |r| r.try_into())
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        for (
            batch_id,
            doc_key,
            doc_type,
            doc_number,
            doc_date,
            posting,
            account,
            amount,
            invoice,
            customer,
        ) in rows
        {
            let at = StoredAt {
                path: &self.path,
                batch: &batch_id,
                document: Some(&doc_key),
            };
            batches.postings.push(HistoryPostingRow {
                doc_date: at.date(&doc_date)?,
                amount: at.amount(&amount)?,
                batch_id,
                doc_key,
                doc_type,
                doc_number,
                invoice,
                customer,
                posting,
                account,
            });
        }
        batches.opening = read_standing_opening(&self.tx, &self.path)?;
        Ok(batches)
    }

    /// Records a tie-out with Plannit's accounts-receivable report in the
    /// run's transaction.
    pub fn record_tie_out(&self, tie_out: &TieOutRecord) -> Result<(), HistoryError> {
        record_tie_out(&self.tx, tie_out).map_err(self.err())
    }

    /// Inserts a batch, its documents and the entries of its Sage file into
    /// the run's transaction; nothing counts until [`Locked::commit`], the
    /// point after which the batch is exported.
    pub fn insert(
        &self,
        batch: &BatchRecord,
        entries: &[JournalEntry],
    ) -> Result<(), HistoryError> {
        let path = self.path.clone();
        let err = sqlite_error(&path);
        let tx = &self.tx;
        let renames =
            (!batch.pending_renames.is_empty()).then(|| encode_renames(&batch.pending_renames));
        tx.execute(
            "INSERT INTO batches (id, created_at, status, granularity, first_date, last_date, sage_file, sage_sha256, workbook, pending_renames)
             VALUES (?1, ?2, 'done', ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                batch.id,
                now(),
                batch.granularity,
                batch.first_date.map(|d| d.to_string()),
                batch.last_date.map(|d| d.to_string()),
                batch.sage_file,
                batch.sage_sha256,
                batch.workbook,
                renames
            ],
        )
        .map_err(&err)?;
        for (name, sha256, size) in &batch.inputs {
            tx.execute(
                "INSERT INTO batch_inputs (batch_id, file_name, sha256, size) VALUES (?1, ?2, ?3, ?4)",
                params![batch.id, name, sha256, *size as i64],
            )
            .map_err(&err)?;
        }
        // Many rows per statement: one statement per row costs more than the row.
        // Text made per row goes through buffers reused from row to row.
        let mut documents = BulkInsert::new(
            tx,
            "INSERT INTO documents (batch_id, doc_key, doc_type, doc_number, doc_date, content_hash, posting, invoice, customer) VALUES ",
            8,
            &batch.id,
            batch.documents.len(),
        )
        .map_err(&err)?;
        let (mut date, mut hashed, mut hash) = (String::new(), String::new(), String::new());
        for (doc, posting) in &batch.documents {
            date.clear();
            write!(date, "{}", doc.date).expect("writing to a string");
            doc.content_hash_into(&mut hashed, &mut hash);
            documents
                .push(&[
                    &doc.key,
                    &doc.doc_type.as_ref(),
                    &doc.number,
                    &date,
                    &hash,
                    &posting.as_ref(),
                    &doc.invoice,
                    &&*doc.customer,
                ])
                .map_err(&err)?;
        }
        documents.finish();
        let amount_rows = batch
            .documents
            .iter()
            .map(|(doc, _)| doc.amounts.len())
            .sum();
        let mut amounts = BulkInsert::new(
            tx,
            "INSERT INTO document_amounts (batch_id, doc_key, account, amount) VALUES ",
            3,
            &batch.id,
            amount_rows,
        )
        .map_err(&err)?;
        let mut text = String::new();
        for (doc, _) in &batch.documents {
            for (account, amount) in doc.amounts.iter() {
                text.clear();
                write_amount(&mut text, amount);
                amounts.push(&[&doc.key, &account, &text]).map_err(&err)?;
            }
        }
        amounts.finish();
        for (key, policy) in &batch.voided {
            tx.execute(
                "INSERT INTO voided_invoices (batch_id, doc_key, policy) VALUES (?1, ?2, ?3)",
                params![batch.id, key, policy],
            )
            .map_err(&err)?;
        }
        insert_entries(tx, &batch.id, entries).map_err(&err)
    }

    pub fn commit(self) -> Result<(), HistoryError> {
        let path = self.path;
        self.tx.commit().map_err(sqlite_error(&path))
    }

    /// Clears the renames of a batch once its files are in place.
    pub fn renames_done(history: &mut History, batch: &str) -> Result<(), HistoryError> {
        history
            .conn
            .execute(
                "UPDATE batches SET pending_renames = NULL WHERE id = ?1",
                [batch],
            )
            .map(|_| ())
            .map_err(sqlite_error(&history.path))
    }
}

/// (batch, key, type, number, date, posting, account, amount, invoice,
/// customer) as stored.
type StoredPostingRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
);

/// (doc_key, batch_id, doc_date, account, amount, voided) of a posted document.
type PostedRow = (String, String, String, Option<String>, Option<String>, bool);

/// The renames as stored: a JSON list of `[from, to]` pairs.
fn encode_renames(renames: &[(PathBuf, PathBuf)]) -> String {
    let pairs: Vec<[String; 2]> = (renames.iter())
        .map(|(from, to)| [from, to].map(|p| p.to_string_lossy().into_owned()))
        .collect();
    serde_json::to_string(&pairs).expect("a list of strings is JSON")
}

/// The stored renames. Versions before the JSON list wrote one `from<TAB>to`
/// line per rename; a batch such a version left unfinished is finished too.
fn decode_renames(text: &str) -> Vec<(PathBuf, PathBuf)> {
    match serde_json::from_str::<Vec<[PathBuf; 2]>>(text) {
        Ok(pairs) => pairs.into_iter().map(|[from, to]| (from, to)).collect(),
        Err(_) => (text.lines())
            .filter_map(|line| line.split_once('\t'))
            .map(|(from, to)| (PathBuf::from(from), PathBuf::from(to)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paths with tabs, line breaks, quotes and accents come back whole;
    /// the older tab-separated list still reads.
    #[test]
    fn renames_read_back_whatever_the_paths_hold() {
        let renames = vec![
            (
                PathBuf::from("out/.plannit2sage-sage50.txt.1.tmp"),
                PathBuf::from("out/sage50 \"oct\"\tlot\n2.txt"),
            ),
            (
                PathBuf::from("C:\\Clients\\Rivière-Nord\\x.tmp"),
                PathBuf::from("C:\\Clients\\Rivière-Nord\\réconciliation.xlsx"),
            ),
        ];
        assert_eq!(decode_renames(&encode_renames(&renames)), renames);
        assert_eq!(
            decode_renames("a.tmp\tsage50.txt\nb.tmp\tclasseur.xlsx"),
            vec![
                (PathBuf::from("a.tmp"), PathBuf::from("sage50.txt")),
                (PathBuf::from("b.tmp"), PathBuf::from("classeur.xlsx")),
            ]
        );
    }
}
