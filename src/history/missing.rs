//! Documents missing from the exports. A run that finds a document it should
//! hold missing (exported earlier, dated within the dates the export covers,
//! absent from it) records it here, so that every later run, `watch` and
//! `status` keep warning about it until an export holds it again (a later
//! run clears it) or the accountant acknowledges that it is gone
//! (`history acknowledge`): the acknowledgement keeps the note and the date,
//! and an acknowledged document is no longer warned about.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{params, Connection, TransactionBehavior};

use super::{now, sqlite_error, DocType, History, HistoryError, Locked, StoredAt};

/// Migration 10: documents an export left out although it covered their
/// dates, warned on every run until an export holds them again or the
/// accountant acknowledges their absence, with a note and the date.
pub(super) const SCHEMA: &str = "CREATE TABLE missing_documents (
    doc_key TEXT PRIMARY KEY,
    doc_type TEXT NOT NULL,
    doc_number TEXT NOT NULL,
    doc_date TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    missing_since TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE acknowledgements (
    doc_key TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    doc_number TEXT NOT NULL,
    doc_date TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX acknowledgements_by_key ON acknowledgements(doc_key);";

/// A document exported earlier and missing from an export that covered its date.
#[derive(Debug, Clone, PartialEq)]
pub struct MissingDocument {
    pub key: String,
    pub doc_type: DocType,
    pub number: String,
    pub date: NaiveDate,
    /// The batch that last posted it.
    pub batch: String,
    /// When a run first found it missing; empty until it is recorded.
    pub since: String,
}

/// The accountant's word that an exported document is gone for good.
#[derive(Debug, Clone, PartialEq)]
pub struct Acknowledgement {
    pub key: String,
    pub doc_type: DocType,
    pub number: String,
    pub date: NaiveDate,
    /// The batch that last posted it when it was acknowledged.
    pub batch: String,
    pub acknowledged_at: String,
    pub note: String,
}

impl Acknowledgement {
    /// `2026-12-02`: the day it was acknowledged.
    pub fn day(&self) -> &str {
        self.acknowledged_at
            .get(..10)
            .unwrap_or(&self.acknowledged_at)
    }
}

/// What a run that posted its batch, or found nothing new, changes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MissingUpdate {
    /// Found missing by this run; one recorded already keeps its date.
    pub missing: Vec<MissingDocument>,
    /// Held by this export again, or covered by it and not missing.
    pub cleared: Vec<String>,
}

/// (key, type, number, date, batch, since or acknowledged_at[, note]) as stored.
type StoredDocument = (String, String, String, String, String, String);

impl Locked<'_> {
    /// The documents whose absence the accountant acknowledged.
    pub fn acknowledged_keys(&self) -> Result<BTreeSet<String>, HistoryError> {
        let err = sqlite_error(&self.path);
        let mut statement = (self.tx)
            .prepare("SELECT DISTINCT doc_key FROM acknowledgements")
            .map_err(&err)?;
        let keys = statement
            .query_map([], |r| r.get(0))
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        Ok(keys)
    }

    /// The documents recorded missing that a batch standing still posts.
    pub fn missing_documents(&self) -> Result<Vec<MissingDocument>, HistoryError> {
        read_missing(&self.tx, &self.path)
    }

    /// Records what a run found missing and clears what it found again, in
    /// the run's transaction.
    pub fn record_missing(&self, update: &MissingUpdate) -> Result<(), HistoryError> {
        let err = sqlite_error(&self.path);
        for key in &update.cleared {
            (self.tx)
                .execute("DELETE FROM missing_documents WHERE doc_key = ?1", [key])
                .map_err(&err)?;
        }
        let since = now();
        for doc in &update.missing {
            (self.tx)
                .execute(
                    "INSERT INTO missing_documents
                        (doc_key, doc_type, doc_number, doc_date, batch_id, missing_since)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (doc_key) DO UPDATE SET
                        doc_type = excluded.doc_type, doc_number = excluded.doc_number,
                        doc_date = excluded.doc_date, batch_id = excluded.batch_id",
                    params![
                        doc.key,
                        doc.doc_type.as_ref(),
                        doc.number,
                        doc.date.to_string(),
                        doc.batch,
                        since
                    ],
                )
                .map_err(&err)?;
        }
        Ok(())
    }
}

impl History {
    /// The documents recorded missing, not acknowledged, that a batch
    /// standing still posts.
    pub fn missing_documents(&self) -> Result<Vec<MissingDocument>, HistoryError> {
        read_missing(&self.conn, &self.path)
    }

    /// Every acknowledgement, oldest first.
    pub fn acknowledgements(&self) -> Result<Vec<Acknowledgement>, HistoryError> {
        let err = sqlite_error(&self.path);
        let mut statement = (self.conn)
            .prepare(
                "SELECT doc_key, doc_type, doc_number, doc_date, batch_id, acknowledged_at, note
                 FROM acknowledgements ORDER BY acknowledged_at, rowid",
            )
            .map_err(&err)?;
        let rows: Vec<(StoredDocument, String)> = statement
            .query_map([], |r| {
                let stored = (
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                );
                Ok((stored, r.get(6)?))
            })
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        (rows.into_iter())
            .map(|(stored, note)| {
                let doc = self.stored_document(stored)?;
                Ok(Acknowledgement {
                    key: doc.key,
                    doc_type: doc.doc_type,
                    number: doc.number,
                    date: doc.date,
                    batch: doc.batch,
                    acknowledged_at: doc.since,
                    note,
                })
            })
            .collect()
    }

    /// Records that the document `document` names — its key
    /// (`invoice:F-1005`) or its number (`F-1005`) — is gone for good: it is
    /// no longer warned about. A number several documents carry is refused,
    /// naming their keys, as is one no batch standing exported.
    pub fn acknowledge(
        &mut self,
        document: &str,
        note: &str,
    ) -> Result<Acknowledgement, HistoryError> {
        if note.trim().is_empty() {
            return Err(HistoryError::BlankNote);
        }
        let path = self.path.clone();
        let err = sqlite_error(&path);
        let tx = (self.conn)
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&err)?;
        let found = exported_documents_named(&tx, document).map_err(&err)?;
        let keys: BTreeSet<&str> = found.iter().map(|d| d.0.as_str()).collect();
        if keys.len() > 1 {
            return Err(HistoryError::AmbiguousDocument {
                document: document.to_string(),
                keys: keys.into_iter().map(str::to_string).collect(),
            });
        }
        // The last batch that posted it: its latest date.
        let Some(mut stored) = found.into_iter().last() else {
            return Err(HistoryError::UnknownDocument(document.to_string()));
        };
        stored.5 = now();
        tx.execute(
            "INSERT INTO acknowledgements
                (doc_key, doc_type, doc_number, doc_date, batch_id, acknowledged_at, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![stored.0, stored.1, stored.2, stored.3, stored.4, stored.5, note],
        )
        .map_err(&err)?;
        tx.execute(
            "DELETE FROM missing_documents WHERE doc_key = ?1",
            [&stored.0],
        )
        .map_err(&err)?;
        tx.commit().map_err(&err)?;
        let doc = self.stored_document(stored)?;
        Ok(Acknowledgement {
            key: doc.key,
            doc_type: doc.doc_type,
            number: doc.number,
            date: doc.date,
            batch: doc.batch,
            acknowledged_at: doc.since,
            note: note.to_string(),
        })
    }

    /// A stored document's row, read: a date or type that cannot be read is
    /// an error, never a guess.
    fn stored_document(&self, stored: StoredDocument) -> Result<MissingDocument, HistoryError> {
        parse_stored(stored, &self.path)
    }
}

/// The documents of standing batches whose key or number is `document`
/// (ignoring case), each posting in the order the batches were made.
fn exported_documents_named(
    conn: &Connection,
    document: &str,
) -> rusqlite::Result<Vec<StoredDocument>> {
    let mut statement = conn.prepare(
        "SELECT d.doc_key, d.doc_type, d.doc_number, d.doc_date, d.batch_id, ''
         FROM documents d JOIN batches b ON b.id = d.batch_id AND b.status = 'done'
         WHERE d.doc_key = ?1 COLLATE NOCASE OR d.doc_number = ?1 COLLATE NOCASE
         ORDER BY b.created_at, b.id",
    )?;
    let rows = statement.query_map([document], |r| r.try_into())?;
    rows.collect()
}

fn read_missing(
    conn: &Connection,
    path: &std::path::Path,
) -> Result<Vec<MissingDocument>, HistoryError> {
    let err = sqlite_error(path);
    let mut statement = conn
        .prepare(
            "SELECT m.doc_key, m.doc_type, m.doc_number, m.doc_date, m.batch_id, m.missing_since
             FROM missing_documents m
             WHERE EXISTS (SELECT 1 FROM documents d JOIN batches b
                           ON b.id = d.batch_id AND b.status = 'done'
                           WHERE d.doc_key = m.doc_key)
               AND NOT EXISTS (SELECT 1 FROM acknowledgements a WHERE a.doc_key = m.doc_key)
             ORDER BY m.doc_date, m.doc_key",
        )
        .map_err(&err)?;
    let rows: Vec<StoredDocument> = statement
        .query_map([], |r| r.try_into())
        .map_err(&err)?
        .collect::<Result<_, _>>()
        .map_err(&err)?;
    (rows.into_iter())
        .map(|stored| parse_stored(stored, path))
        .collect()
}

fn parse_stored(
    stored: StoredDocument,
    path: &std::path::Path,
) -> Result<MissingDocument, HistoryError> {
    let (key, doc_type, number, date, batch, since) = stored;
    let at = StoredAt {
        path,
        batch: &batch,
        document: Some(&key),
    };
    let date = at.date(&date)?;
    let doc_type = doc_type.parse().map_err(|_| HistoryError::UnknownValue {
        path: path.to_path_buf(),
        what: "document-type",
        value: doc_type.clone(),
    })?;
    Ok(MissingDocument {
        key,
        doc_type,
        number,
        date,
        batch,
        since,
    })
}
