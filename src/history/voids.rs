//! A batch's files and voids as the history records them: where its Sage
//! file and workbook are (moved aside when the batch is voided, so that a
//! voided file cannot be imported by mistake), and the reversing Sage file
//! written for a batch that had already been imported.

use rusqlite::{params, OptionalExtension};

use super::{sqlite_error, BatchState, History, HistoryError};

/// Where a batch's outputs are, as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchFiles {
    pub id: String,
    pub status: BatchState,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub sage_file: Option<String>,
    pub sage_sha256: Option<String>,
    pub workbook: Option<String>,
}

/// A void of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct VoidRecord {
    pub batch: String,
    pub voided_at: String,
    pub note: String,
    /// The reversing Sage file, for a batch already imported into Sage.
    pub reversal_file: Option<String>,
}

impl History {
    /// A batch's outputs and status.
    pub fn batch_files(&self, batch: &str) -> Result<BatchFiles, HistoryError> {
        self.conn
            .query_row(
                "SELECT id, status, first_date, last_date, sage_file, sage_sha256, workbook
                 FROM batches WHERE id = ?1",
                [batch],
                |r| {
                    Ok(BatchFiles {
                        id: r.get(0)?,
                        status: r.get(1)?,
                        first_date: r.get(2)?,
                        last_date: r.get(3)?,
                        sage_file: r.get(4)?,
                        sage_sha256: r.get(5)?,
                        workbook: r.get(6)?,
                    })
                },
            )
            .optional()
            .map_err(sqlite_error(&self.path))?
            .ok_or_else(|| HistoryError::UnknownBatch(batch.to_string()))
    }

    /// Records where a voided batch's Sage file and workbook were moved.
    pub fn record_moved_files(
        &mut self,
        batch: &str,
        sage_file: Option<&str>,
        workbook: Option<&str>,
    ) -> Result<(), HistoryError> {
        self.conn
            .execute(
                "UPDATE batches SET sage_file = COALESCE(?2, sage_file),
                                    workbook = COALESCE(?3, workbook)
                 WHERE id = ?1",
                params![batch, sage_file, workbook],
            )
            .map(|_| ())
            .map_err(sqlite_error(&self.path))
    }

    /// Records the reversing file of a voided batch on its (latest) void.
    pub fn record_reversal(
        &mut self,
        batch: &str,
        file: &str,
        sha256: &str,
    ) -> Result<(), HistoryError> {
        self.conn
            .execute(
                "UPDATE batch_voids SET reversal_file = ?2, reversal_sha256 = ?3
                 WHERE rowid = (SELECT MAX(rowid) FROM batch_voids WHERE batch_id = ?1)",
                params![batch, file, sha256],
            )
            .map(|_| ())
            .map_err(sqlite_error(&self.path))
    }

    /// Every void, oldest first.
    pub fn voids(&self) -> Result<Vec<VoidRecord>, HistoryError> {
        let err = sqlite_error(&self.path);
        let mut statement = self
            .conn
            .prepare(
                "SELECT batch_id, voided_at, note, reversal_file FROM batch_voids ORDER BY rowid",
            )
            .map_err(&err)?;
        let rows = statement
            .query_map([], |r| {
                Ok(VoidRecord {
                    batch: r.get(0)?,
                    voided_at: r.get(1)?,
                    note: r.get(2)?,
                    reversal_file: r.get(3)?,
                })
            })
            .map_err(&err)?;
        rows.collect::<Result<_, _>>().map_err(&err)
    }
}
