//! Each batch's verifications against Sage's ledger, kept in the history
//! (`batch_verifications`, migration 6): when, what was found, and the
//! reports and dates it was verified with. `history` and `status` show the
//! last one.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::{BatchCheck, Verdict};
use crate::history::{now, sqlite_error, History, HistoryError};

/// A batch's last verification.
#[derive(Debug, Clone, PartialEq)]
pub struct LastVerification {
    pub at: String,
    pub verdict: Verdict,
    /// The dates the reports covered.
    pub first_date: String,
    pub last_date: String,
}

/// The last verification, over every batch it looked at.
#[derive(Debug, Clone, PartialEq)]
pub struct VerificationRun {
    pub at: String,
    pub first_date: String,
    pub last_date: String,
    pub files: String,
    /// Batches per verdict, in [`Verdict::ALL`]'s order.
    pub counts: Vec<(Verdict, usize)>,
}

/// Migration 6: each time Sage's general ledger was compared with a batch,
/// what was found, and the reports and dates it was compared with.
pub(in crate::history) const VERIFICATIONS_TABLE: &str = "CREATE TABLE batch_verifications (
        batch_id TEXT NOT NULL REFERENCES batches(id),
        verified_at TEXT NOT NULL,
        state TEXT NOT NULL,
        first_date TEXT NOT NULL,
        last_date TEXT NOT NULL,
        ledger_files TEXT NOT NULL
    );
    CREATE INDEX batch_verifications_by_batch ON batch_verifications(batch_id);";

impl History {
    /// Records what a verification found for each batch it looked at.
    pub fn record_verification(
        &mut self,
        checks: &[BatchCheck],
        dates: (NaiveDate, NaiveDate),
        files: &[String],
    ) -> Result<(), HistoryError> {
        let path = self.path.clone();
        let err = sqlite_error(&path);
        let tx = self.conn.transaction().map_err(&err)?;
        let at = now();
        let files = files.join("\n");
        for check in checks {
            tx.execute(
                "INSERT INTO batch_verifications (batch_id, verified_at, state, first_date, last_date, ledger_files)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    check.id,
                    at,
                    check.verdict.as_ref(),
                    dates.0.to_string(),
                    dates.1.to_string(),
                    files
                ],
            )
            .map_err(&err)?;
        }
        tx.commit().map_err(&err)
    }

    /// Each verified batch's last verification.
    pub fn last_verifications(&self) -> Result<BTreeMap<String, LastVerification>, HistoryError> {
        let err = sqlite_error(&self.path);
        let mut statement = self
            .conn
            .prepare(
                "SELECT batch_id, verified_at, state, first_date, last_date FROM batch_verifications
                 ORDER BY rowid",
            )
            .map_err(&err)?;
        let rows: Vec<(String, String, String, String, String)> = statement
            .query_map([], |r| r.try_into())
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        let mut last = BTreeMap::new();
        for (batch, at, state, first_date, last_date) in rows {
            let verdict = self.verdict(&state)?;
            last.insert(
                batch,
                LastVerification {
                    at,
                    verdict,
                    first_date,
                    last_date,
                },
            );
        }
        Ok(last)
    }

    /// The last verification, if any: what it found over the batches it looked at.
    pub fn last_verification_run(&self) -> Result<Option<VerificationRun>, HistoryError> {
        let err = sqlite_error(&self.path);
        let mut statement = self
            .conn
            .prepare(
                "SELECT verified_at, state, first_date, last_date, ledger_files FROM batch_verifications
                 WHERE verified_at = (SELECT MAX(verified_at) FROM batch_verifications)",
            )
            .map_err(&err)?;
        let rows: Vec<(String, String, String, String, String)> = statement
            .query_map([], |r| r.try_into())
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        let Some((at, _, first_date, last_date, files)) = rows.first().cloned() else {
            return Ok(None);
        };
        let mut verdicts = Vec::new();
        for (_, state, ..) in &rows {
            verdicts.push(self.verdict(state)?);
        }
        let counts = (Verdict::ALL.iter())
            .map(|v| (*v, verdicts.iter().filter(|f| *f == v).count()))
            .filter(|(_, n)| *n > 0)
            .collect();
        Ok(Some(VerificationRun {
            at,
            first_date,
            last_date,
            files,
            counts,
        }))
    }

    fn verdict(&self, state: &str) -> Result<Verdict, HistoryError> {
        state.parse().map_err(|_| HistoryError::UnknownValue {
            path: self.path.clone(),
            what: "verification",
            value: state.to_string(),
        })
    }
}
