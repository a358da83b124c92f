//! Reading the batches back (the list, a batch's documents, the batch that
//! read a file) and voiding a batch.

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::{
    now, sqlite_error, Amounts, BatchState, BatchSummary, DocumentPosting, History, HistoryError,
    Posting, StoredAt,
};

/// (key, type, number, date, posting, invoice, customer) of a stored document.
type DocumentRow = (String, String, String, String, String, String, String);

impl History {
    pub fn batches(&self) -> Result<Vec<BatchSummary>, HistoryError> {
        let err = sqlite_error(&self.path);
        let mut statement = self
            .conn
            .prepare(
                "SELECT b.id, b.created_at, b.status, b.first_date, b.last_date,
                        (SELECT COUNT(*) FROM documents d WHERE d.batch_id = b.id), b.sage_file
                 FROM batches b ORDER BY b.created_at, b.id",
            )
            .map_err(&err)?;
        let rows = statement
            .query_map([], |r| {
                Ok(BatchSummary {
                    id: r.get(0)?,
                    created_at: r.get(1)?,
                    status: r.get(2)?,
                    first_date: r.get(3)?,
                    last_date: r.get(4)?,
                    documents: r.get(5)?,
                    sage_file: r.get(6)?,
                })
            })
            .map_err(&err)?;
        rows.collect::<Result<_, _>>().map_err(&err)
    }

    /// The batch (not void) that already read a file with this SHA-256, if any.
    pub fn batch_with_input(&self, sha256: &str) -> Result<Option<String>, HistoryError> {
        self.conn
            .query_row(
                "SELECT b.id FROM batch_inputs i JOIN batches b ON b.id = i.batch_id
                 WHERE i.sha256 = ?1 AND b.status = 'done' ORDER BY b.created_at LIMIT 1",
                [sha256],
                |r| r.get(0),
            )
            .optional()
            .map_err(sqlite_error(&self.path))
    }

    /// The documents of a batch with their amounts.
    pub fn batch_documents(
        &self,
        batch: &str,
    ) -> Result<Vec<(DocumentPosting, Posting)>, HistoryError> {
        let err = sqlite_error(&self.path);
        let exists: Option<String> = self
            .conn
            .query_row("SELECT id FROM batches WHERE id = ?1", [batch], |r| {
                r.get(0)
            })
            .optional()
            .map_err(&err)?;
        if exists.is_none() {
            return Err(HistoryError::UnknownBatch(batch.to_string()));
        }
        let mut statement = self
            .conn
            .prepare("SELECT doc_key, doc_type, doc_number, doc_date, posting, invoice, customer FROM documents WHERE batch_id = ?1 ORDER BY doc_date, doc_key")
            .map_err(&err)?;
        let docs: Vec<DocumentRow> = statement
            .query_map([batch], |r| r.try_into())
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        let mut amounts_statement =
            self.conn.prepare("SELECT account, amount FROM document_amounts WHERE batch_id = ?1 AND doc_key = ?2 ORDER BY account").map_err(&err)?;
        let mut out = Vec::new();
        for (key, doc_type, number, date, posting, invoice, customer) in docs {
            let at = StoredAt {
                path: &self.path,
                batch,
                document: Some(&key),
            };
            let stored: Vec<(String, String)> = amounts_statement
                .query_map(params![batch, key], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })
                .map_err(&err)?
                .collect::<Result<_, _>>()
                .map_err(&err)?;
            let mut amounts = Amounts::new();
            for (account, amount) in stored {
                amounts.add_text(&account, at.amount(&amount)?);
            }
            let date = at.date(&date)?;
            let posting = posting
                .parse::<Posting>()
                .map_err(|_| self.unknown("posting", &posting))?;
            out.push((
                DocumentPosting {
                    key: key.into(),
                    doc_type: (doc_type.parse())
                        .map_err(|_| self.unknown("document-type", &doc_type))?,
                    number: number.into(),
                    customer: customer.into(),
                    invoice,
                    date,
                    amounts,
                },
                posting,
            ));
        }
        Ok(out)
    }

    /// A value stored by a newer version (`what`: `posting` or `document-type`).
    fn unknown(&self, what: &'static str, value: &str) -> HistoryError {
        HistoryError::UnknownValue {
            path: self.path.clone(),
            what,
            value: value.to_string(),
        }
    }

    /// Marks a batch as never imported into Sage 50, so its documents can be
    /// exported again. Recorded in `batch_voids`; nothing is deleted.
    pub fn void(&mut self, batch: &str, note: &str) -> Result<(), HistoryError> {
        let path = self.path.clone();
        let err = sqlite_error(&path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&err)?;
        let status: Option<BatchState> = tx
            .query_row("SELECT status FROM batches WHERE id = ?1", [batch], |r| {
                r.get(0)
            })
            .optional()
            .map_err(&err)?;
        match status {
            None => return Err(HistoryError::UnknownBatch(batch.to_string())),
            Some(BatchState::Void) => return Err(HistoryError::AlreadyVoid(batch.to_string())),
            Some(BatchState::Done) => {}
        }
        tx.execute("UPDATE batches SET status = 'void' WHERE id = ?1", [batch])
            .map_err(&err)?;
        tx.execute(
            "INSERT INTO batch_voids (batch_id, voided_at, note) VALUES (?1, ?2, ?3)",
            params![batch, now(), note],
        )
        .map_err(&err)?;
        tx.commit().map_err(&err)
    }
}
