//! The receivable's opening balance — the invoices open in Plannit when the
//! tool was adopted, already in Sage's books, recorded from Plannit's
//! accounts-receivable report and never posted — and the record of each
//! tie-out of the ledger with that report.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use rust_decimal::Decimal;

use super::{now, sqlite_error, BatchState, History, HistoryError, StoredAt};
use crate::money::text::write_amount;

/// An invoice open at the opening's date, with what was owed on it then.
#[derive(Debug, Clone, PartialEq)]
pub struct OpeningItem {
    pub invoice: String,
    pub customer: String,
    pub date: NaiveDate,
    pub balance: Decimal,
}

/// An opening balance as `history` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct OpeningSummary {
    pub id: String,
    pub created_at: String,
    pub status: BatchState,
    pub as_of: NaiveDate,
    pub file_name: String,
    pub invoices: i64,
    pub balance: Decimal,
}

/// The opening balance that stands (not void): its date and its invoices.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StandingOpening {
    pub id: String,
    pub as_of: Option<NaiveDate>,
    pub items: Vec<OpeningItem>,
}

/// A tie-out of the ledger with Plannit's accounts-receivable report.
#[derive(Debug, Clone, PartialEq)]
pub struct TieOutRecord {
    pub checked_at: String,
    pub as_of: NaiveDate,
    pub file_name: String,
    /// The batch it was made with; none when the report came alone.
    pub batch: Option<String>,
    /// Invoices compared (open on either side).
    pub invoices: i64,
    /// Invoices whose balances differ.
    pub differences: i64,
    /// Plannit's total less the ledger's.
    pub difference: Decimal,
}

impl History {
    /// Records the invoices open at `as_of` as the ledger's opening items;
    /// refused while another opening stands. Returns the opening's id.
    pub fn record_opening(
        &mut self,
        as_of: NaiveDate,
        file_name: &str,
        sha256: &str,
        items: &[OpeningItem],
    ) -> Result<String, HistoryError> {
        let path = self.path.clone();
        let err = sqlite_error(&path);
        let tx = (self.conn)
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&err)?;
        if let Some(standing) = standing_opening(&tx).map_err(&err)? {
            return Err(HistoryError::OpeningStands(standing));
        }
        let prefix = format!("opening-{as_of}");
        let count: i64 = tx
            .query_row(
                "SELECT COUNT(*) FROM openings WHERE id LIKE ?1 || '-%'",
                [&prefix],
                |r| r.get(0),
            )
            .map_err(&err)?;
        let id = format!("{prefix}-{}", count + 1);
        tx.execute(
            "INSERT INTO openings (id, created_at, status, as_of, file_name, sha256)
             VALUES (?1, ?2, 'done', ?3, ?4, ?5)",
            params![id, now(), as_of.to_string(), file_name, sha256],
        )
        .map_err(&err)?;
        let mut insert = tx
            .prepare(
                "INSERT INTO opening_items (opening_id, invoice, customer, invoice_date, balance)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .map_err(&err)?;
        let mut amount = String::new();
        for item in items {
            amount.clear();
            write_amount(&mut amount, item.balance);
            let date = item.date.to_string();
            (insert.execute(params![id, item.invoice, item.customer, date, amount]))
                .map_err(&err)?;
        }
        drop(insert);
        tx.commit().map_err(&err)?;
        Ok(id)
    }

    /// Every opening balance recorded, in the order recorded.
    pub fn openings(&self) -> Result<Vec<OpeningSummary>, HistoryError> {
        let err = sqlite_error(&self.path);
        let mut statement = (self.conn)
            .prepare(
                "SELECT o.id, o.created_at, o.status, o.as_of, o.file_name, i.balance
                 FROM openings o LEFT JOIN opening_items i ON i.opening_id = o.id
                 ORDER BY o.created_at, o.id",
            )
            .map_err(&err)?;
        let rows: Vec<(String, String, BatchState, String, String, Option<String>)> = statement
            .query_map([], |r| r.try_into())
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        let mut openings: Vec<OpeningSummary> = Vec::new();
        for (id, created_at, status, as_of, file_name, balance) in rows {
            let at = StoredAt {
                path: &self.path,
                batch: &id,
                document: None,
            };
            if openings.last().is_none_or(|o| o.id != id) {
                openings.push(OpeningSummary {
                    as_of: at.date(&as_of)?,
                    id: id.clone(),
                    created_at,
                    status,
                    file_name,
                    invoices: 0,
                    balance: Decimal::ZERO,
                });
            }
            let opening = openings.last_mut().expect("pushed above");
            if let Some(balance) = balance {
                opening.invoices += 1;
                opening.balance += at.amount(&balance)?;
            }
        }
        Ok(openings)
    }

    /// Voids an opening balance: its invoices leave the ledger; another
    /// opening can then be recorded. `Ok(false)` when `id` is no opening.
    pub fn void_opening(&mut self, id: &str, note: &str) -> Result<bool, HistoryError> {
        let err = sqlite_error(&self.path);
        let status: Option<BatchState> = (self.conn)
            .query_row("SELECT status FROM openings WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(&err)?;
        match status {
            None => Ok(false),
            Some(BatchState::Void) => Err(HistoryError::AlreadyVoid(id.to_string())),
            Some(BatchState::Done) => {
                (self.conn)
                    .execute(
                        "UPDATE openings SET status = 'void', voided_at = ?2, void_note = ?3 WHERE id = ?1",
                        params![id, now(), note],
                    )
                    .map_err(&err)?;
                Ok(true)
            }
        }
    }

    /// Records a tie-out with Plannit's accounts-receivable report.
    pub fn record_tie_out(&self, tie_out: &TieOutRecord) -> Result<(), HistoryError> {
        record_tie_out(&self.conn, tie_out).map_err(sqlite_error(&self.path))
    }

    /// The latest tie-out recorded, if any.
    pub fn last_tie_out(&self) -> Result<Option<TieOutRecord>, HistoryError> {
        let err = sqlite_error(&self.path);
        let row: Option<StoredTieOut> = (self.conn)
            .query_row(
                "SELECT checked_at, as_of, file_name, batch_id, invoices, differences, difference
                 FROM receivable_tie_outs ORDER BY checked_at DESC LIMIT 1",
                [],
                |r| r.try_into(),
            )
            .optional()
            .map_err(&err)?;
        let Some((checked_at, as_of, file_name, batch, invoices, differences, difference)) = row
        else {
            return Ok(None);
        };
        let at = StoredAt {
            path: &self.path,
            batch: batch.as_deref().unwrap_or(""),
            document: None,
        };
        Ok(Some(TieOutRecord {
            as_of: at.date(&as_of)?,
            difference: at.amount(&difference)?,
            checked_at,
            file_name,
            batch,
            invoices,
            differences,
        }))
    }
}

/// (checked_at, as_of, file, batch, invoices, differences, difference) as stored.
type StoredTieOut = (String, String, String, Option<String>, i64, i64, String);

pub(super) fn record_tie_out(conn: &Connection, tie_out: &TieOutRecord) -> rusqlite::Result<()> {
    let mut difference = String::new();
    write_amount(&mut difference, tie_out.difference);
    conn.execute(
        "INSERT INTO receivable_tie_outs (checked_at, as_of, file_name, batch_id, invoices, differences, difference)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            tie_out.checked_at,
            tie_out.as_of.to_string(),
            tie_out.file_name,
            tie_out.batch,
            tie_out.invoices,
            tie_out.differences,
            difference
        ],
    )
    .map(|_| ())
}

/// The id of the opening that stands, if any.
fn standing_opening(conn: &Connection) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT id FROM openings WHERE status = 'done' ORDER BY created_at LIMIT 1",
        [],
        |r| r.get(0),
    )
    .optional()
}

/// The standing opening with its invoices (empty when none stands).
pub(super) fn read_standing_opening(
    conn: &Connection,
    path: &std::path::Path,
) -> Result<StandingOpening, HistoryError> {
    let err = sqlite_error(path);
    let Some(id) = standing_opening(conn).map_err(&err)? else {
        return Ok(StandingOpening::default());
    };
    let as_of: String = conn
        .query_row("SELECT as_of FROM openings WHERE id = ?1", [&id], |r| {
            r.get(0)
        })
        .map_err(&err)?;
    let mut statement = conn
        .prepare(
            "SELECT invoice, customer, invoice_date, balance FROM opening_items
             WHERE opening_id = ?1 ORDER BY invoice",
        )
        .map_err(&err)?;
    let rows: Vec<(String, String, String, String)> = statement
        .query_map([&id], |r| r.try_into())
        .map_err(&err)?
        .collect::<Result<_, _>>()
        .map_err(&err)?;
    let at = StoredAt {
        path,
        batch: &id,
        document: None,
    };
    let mut items = Vec::with_capacity(rows.len());
    for (invoice, customer, date, balance) in rows {
        items.push(OpeningItem {
            date: at.date(&date)?,
            balance: at.amount(&balance)?,
            invoice,
            customer,
        });
    }
    Ok(StandingOpening {
        as_of: Some(at.date(&as_of)?),
        id,
        items,
    })
}
