//! Export history: an SQLite file recording every batch posted to Sage 50 and
//! every document (invoice, payment, deposit, refund) it posted, with its
//! amounts per account, so that nothing is ever posted twice.
//!
//! A run holds the database's write lock (`BEGIN IMMEDIATE`) from reading the
//! history to recording its batch, so two runs cannot both post a document.
//! Outputs are first written under temporary names; the batch is committed
//! together with the list of renames still to do, then the files are renamed.
//! A crash before the commit leaves nothing recorded; a crash after it is
//! rolled forward by the next run (`recover`).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{Local, NaiveDate};
use rusqlite::{params, Connection, TransactionBehavior};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

mod amounts;
mod batches;
mod bulk;
mod entries;
mod error;
mod invoices;
mod kinds;
pub mod ledger;
mod locked;
mod missing;
mod names;
mod openings;
pub mod verification;
mod voids;

pub use amounts::{AccountName, Amounts};
pub use entries::RecordedEntry;
pub use error::HistoryError;
pub use invoices::{BatchBasis, CashHistory, CashRecord, LedgerInvoice, LedgerLine, Recognised};
pub use kinds::{BatchState, DocType, Posting};
pub use locked::Locked;
pub use missing::{Acknowledgement, MissingDocument, MissingUpdate};
pub use names::{BatchNames, KnownNames};
pub use openings::{OpeningItem, OpeningSummary, StandingOpening, TieOutRecord};
pub use voids::{BatchFiles, VoidRecord};

pub const HISTORY_FILE_NAME: &str = "plannit2sage.sqlite";

/// Schema migrations, applied in order; `schema_migrations` records which ran.
/// Never edit a released migration: add a new one.
/// The newest schema this build knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

const MIGRATIONS: &[(i64, &str)] = &[
    (
        1,
        "CREATE TABLE batches (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('done', 'void')),
            granularity TEXT NOT NULL,
            first_date TEXT,
            last_date TEXT,
            sage_file TEXT,
            sage_sha256 TEXT,
            workbook TEXT,
            pending_renames TEXT
        );
        CREATE TABLE batch_inputs (
            batch_id TEXT NOT NULL REFERENCES batches(id),
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL
        );
        CREATE TABLE documents (
            batch_id TEXT NOT NULL REFERENCES batches(id),
            doc_key TEXT NOT NULL,
            doc_type TEXT NOT NULL,
            doc_number TEXT NOT NULL,
            doc_date TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            posting TEXT NOT NULL CHECK (posting IN ('original', 'adjustment', 'date_change')),
            PRIMARY KEY (batch_id, doc_key)
        );
        CREATE TABLE document_amounts (
            batch_id TEXT NOT NULL,
            doc_key TEXT NOT NULL,
            account TEXT NOT NULL,
            amount TEXT NOT NULL,
            PRIMARY KEY (batch_id, doc_key, account)
        );",
    ),
    (
        2,
        "CREATE TABLE batch_voids (
            batch_id TEXT NOT NULL REFERENCES batches(id),
            voided_at TEXT NOT NULL,
            note TEXT NOT NULL
        );
        CREATE INDEX documents_by_key ON documents(doc_key);",
    ),
    (
        3,
        // The invoice a payment applies to (empty for other documents), so
        // that payouts can be matched with payments exported earlier.
        "ALTER TABLE documents ADD COLUMN invoice TEXT NOT NULL DEFAULT '';",
    ),
    (
        4,
        // The document tables keyed by their primary key alone (no rowid
        // table beside the key's index): a large batch writes half as much.
        "CREATE TABLE documents_by_batch (
            batch_id TEXT NOT NULL REFERENCES batches(id),
            doc_key TEXT NOT NULL,
            doc_type TEXT NOT NULL,
            doc_number TEXT NOT NULL,
            doc_date TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            posting TEXT NOT NULL CHECK (posting IN ('original', 'adjustment', 'date_change')),
            invoice TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (batch_id, doc_key)
        ) WITHOUT ROWID;
        INSERT INTO documents_by_batch
            SELECT batch_id, doc_key, doc_type, doc_number, doc_date, content_hash, posting, invoice
            FROM documents;
        DROP TABLE documents;
        ALTER TABLE documents_by_batch RENAME TO documents;
        CREATE INDEX documents_by_key ON documents(doc_key);
        CREATE TABLE amounts_by_batch (
            batch_id TEXT NOT NULL,
            doc_key TEXT NOT NULL,
            account TEXT NOT NULL,
            amount TEXT NOT NULL,
            PRIMARY KEY (batch_id, doc_key, account)
        ) WITHOUT ROWID;
        INSERT INTO amounts_by_batch SELECT batch_id, doc_key, account, amount FROM document_amounts;
        DROP TABLE document_amounts;
        ALTER TABLE amounts_by_batch RENAME TO document_amounts;",
    ),
    (
        5,
        // What each batch wrote to its Sage file, line by line: compared with
        // Sage's general ledger, reversed when a batch is undone in Sage.
        "CREATE TABLE batch_entries (
            batch_id TEXT NOT NULL REFERENCES batches(id),
            entry INTEGER NOT NULL,
            line INTEGER NOT NULL,
            entry_date TEXT NOT NULL,
            source TEXT NOT NULL,
            comment TEXT NOT NULL,
            account TEXT NOT NULL,
            amount TEXT NOT NULL,
            PRIMARY KEY (batch_id, entry, line)
        ) WITHOUT ROWID;",
    ),
    // Each batch's verifications against Sage's general ledger.
    (6, verification::VERIFICATIONS_TABLE),
    (
        7,
        // The catalogue items and customers each batch named, folded as the
        // mappings match them: a drop naming none of them is not this
        // client's. A void's reversing Sage file, when the batch had been
        // imported into Sage.
        "CREATE TABLE batch_names (
            batch_id TEXT NOT NULL REFERENCES batches(id),
            kind TEXT NOT NULL CHECK (kind IN ('item', 'customer')),
            name TEXT NOT NULL,
            PRIMARY KEY (batch_id, kind, name)
        ) WITHOUT ROWID;
        ALTER TABLE batch_voids ADD COLUMN reversal_file TEXT;
        ALTER TABLE batch_voids ADD COLUMN reversal_sha256 TEXT;",
    ),
    // The cash basis: each batch's basis, the invoices' lines, what each
    // payment recognised (see `invoices`).
    (8, invoices::MIGRATION),
    (
        9,
        // The receivable's sub-ledger: each document's customer, the invoices
        // open when the tool was adopted (an opening, voidable like a batch),
        // and each tie-out with Plannit's accounts-receivable report.
        "ALTER TABLE documents ADD COLUMN customer TEXT NOT NULL DEFAULT '';
        CREATE TABLE openings (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('done', 'void')),
            as_of TEXT NOT NULL,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            voided_at TEXT,
            void_note TEXT
        );
        CREATE TABLE opening_items (
            opening_id TEXT NOT NULL REFERENCES openings(id),
            invoice TEXT NOT NULL,
            customer TEXT NOT NULL,
            invoice_date TEXT NOT NULL,
            balance TEXT NOT NULL,
            PRIMARY KEY (opening_id, invoice)
        ) WITHOUT ROWID;
        CREATE TABLE receivable_tie_outs (
            checked_at TEXT NOT NULL,
            as_of TEXT NOT NULL,
            file_name TEXT NOT NULL,
            batch_id TEXT,
            invoices INTEGER NOT NULL,
            differences INTEGER NOT NULL,
            difference TEXT NOT NULL
        );",
    ),
    // Documents missing from the exports and their acknowledgements.
    (10, missing::SCHEMA),
    (
        11,
        // The invoices voided in Plannit that a batch reversed or wrote off:
        // handled once, whatever their amounts now add up to.
        "CREATE TABLE voided_invoices (
            batch_id TEXT NOT NULL REFERENCES batches(id),
            doc_key TEXT NOT NULL,
            policy TEXT NOT NULL,
            PRIMARY KEY (batch_id, doc_key)
        ) WITHOUT ROWID;",
    ),
];

/// The history file, opened and migrated.
pub struct History {
    pub path: PathBuf,
    conn: Connection,
}

/// What a document posted: its date and net amount per account.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentPosting {
    /// Shared with the batch's map of documents (a million of them in a big batch).
    pub key: Arc<str>,
    pub doc_type: DocType,
    /// Shared with the rows' invoice or payout number.
    pub number: Arc<str>,
    /// Shared with the rows' customer; empty for a payout.
    pub customer: Arc<str>,
    /// The invoice a payment applies to; empty for other documents.
    pub invoice: String,
    pub date: NaiveDate,
    pub amounts: Amounts,
}

impl DocumentPosting {
    /// SHA-256 over the date and the amounts per account, in hexadecimal, into
    /// `hash`; `text` holds the hashed text. Both are reused from document to document.
    pub fn content_hash_into(&self, text: &mut String, hash: &mut String) {
        use std::fmt::Write;
        text.clear();
        write!(text, "{}", self.date).expect("writing to a string");
        for (account, amount) in self.amounts.iter() {
            write!(text, "|{account}=").expect("writing to a string");
            crate::money::text::write_normalized(text, amount);
        }
        hash.clear();
        write!(hash, "{:x}", Sha256::digest(text.as_bytes())).expect("writing to a string");
    }
}

/// What the history holds for a document, over all batches that are not void.
#[derive(Debug, Clone, PartialEq)]
pub struct PostedState {
    /// The batch that first posted it.
    pub first_batch: String,
    /// The latest batch that posted it or an adjustment.
    pub last_batch: String,
    pub date: NaiveDate,
    pub amounts: Amounts,
    /// Voided in Plannit and already reversed or written off by a batch.
    pub voided: bool,
}

/// A batch about to be recorded.
#[derive(Debug, Clone)]
pub struct BatchRecord {
    pub id: String,
    pub granularity: String,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    pub sage_file: Option<String>,
    pub sage_sha256: Option<String>,
    pub workbook: Option<String>,
    pub inputs: Vec<(String, String, u64)>,
    /// Documents with how they were posted.
    pub documents: Vec<(DocumentPosting, Posting)>,
    /// Keys of the voided invoices it reverses or writes off, with the policy.
    pub voided: Vec<(String, String)>,
    /// (temporary, final) paths still to rename after the commit.
    pub pending_renames: Vec<(PathBuf, PathBuf)>,
}

/// One row of `plannit2sage history`.
#[derive(Debug, Clone)]
pub struct BatchSummary {
    pub id: String,
    pub created_at: String,
    pub status: BatchState,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub documents: i64,
    pub sage_file: Option<String>,
}

fn sqlite_error(path: &Path) -> impl Fn(rusqlite::Error) -> HistoryError + '_ {
    move |source| match &source {
        rusqlite::Error::SqliteFailure(e, _)
            if matches!(
                e.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ) =>
        {
            HistoryError::Busy {
                path: path.to_path_buf(),
            }
        }
        _ => HistoryError::Sqlite {
            path: path.to_path_buf(),
            source,
        },
    }
}

impl History {
    /// Opens (creating if needed) and migrates the history. `wait` is how long
    /// to wait for another run holding it.
    pub fn open(path: &Path, wait: Duration) -> Result<History, HistoryError> {
        let err = sqlite_error(path);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(dir);
        }
        let conn = Connection::open(path).map_err(&err)?;
        conn.busy_timeout(wait).map_err(&err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(&err)?;
        let mut history = History {
            path: path.to_path_buf(),
            conn,
        };
        history.migrate()?;
        Ok(history)
    }

    /// A copy of the history in memory, for a dry run: the file is only read
    /// (and need not exist); nothing done to the copy reaches it.
    pub fn snapshot(path: &Path) -> Result<History, HistoryError> {
        let err = sqlite_error(path);
        let mut conn = Connection::open_in_memory().map_err(&err)?;
        if path.is_file() {
            let source = Connection::open_with_flags(
                path,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                    | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(&err)?;
            rusqlite::backup::Backup::new(&source, &mut conn)
                .and_then(|backup| backup.run_to_completion(256, Duration::ZERO, None))
                .map_err(&err)?;
        }
        let mut history = History {
            path: path.to_path_buf(),
            conn,
        };
        history.migrate()?;
        Ok(history)
    }

    fn migrate(&mut self) -> Result<(), HistoryError> {
        let path = self.path.clone();
        let err = sqlite_error(&path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&err)?;
        tx.execute_batch("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
            .map_err(&err)?;
        let applied = applied_migrations(&tx).map_err(&err)?;
        // A migration this version does not know, past its newest or even
        // below it, was applied by a newer release.
        let unknown = (applied.iter().rev()).find(|v| !MIGRATIONS.iter().any(|m| m.0 == **v));
        if let Some(found) = unknown {
            return Err(HistoryError::TooNew {
                path: path.clone(),
                found: *found,
                known: SCHEMA_VERSION,
            });
        }
        // By membership, not by the newest number: a migration numbered below
        // one already applied (written on a branch merged later) still runs.
        for (version, sql) in pending(MIGRATIONS, &applied) {
            tx.execute_batch(sql).map_err(&err)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
                params![version, now()],
            )
            .map_err(&err)?;
        }
        tx.commit().map_err(&err)
    }

    /// Every migration recorded in this file, ascending.
    pub fn applied_migrations(&self) -> Result<Vec<i64>, HistoryError> {
        applied_migrations(&self.conn).map_err(sqlite_error(&self.path))
    }

    pub fn schema_version(&self) -> Result<i64, HistoryError> {
        self.conn
            .query_row("SELECT MAX(version) FROM schema_migrations", [], |r| {
                r.get(0)
            })
            .map_err(sqlite_error(&self.path))
    }

    /// Takes the write lock for a run, waiting for another run to finish.
    pub fn lock(&mut self) -> Result<Locked<'_>, HistoryError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite_error(&path))?;
        Ok(Locked { tx, path })
    }

    /// Finishes the renames of batches committed by a run that stopped before
    /// it could rename its outputs.
    pub fn recover(&mut self) -> Result<(), HistoryError> {
        let locked = self.lock()?;
        locked.recover()?;
        locked.commit()
    }
}

/// Where a stored value is, for [`HistoryError::Corrupt`].
pub(crate) struct StoredAt<'a> {
    pub path: &'a Path,
    pub batch: &'a str,
    /// The document's key; `None` for the batch's own period.
    pub document: Option<&'a str>,
}

impl StoredAt<'_> {
    fn corrupt(&self, what: &'static str, value: &str) -> HistoryError {
        HistoryError::Corrupt {
            path: self.path.to_path_buf(),
            batch: self.batch.to_string(),
            document: self.document.map(str::to_string),
            what,
            value: value.to_string(),
        }
    }

    /// A stored `YYYY-MM-DD` date; anything else is an error, never a made-up date.
    pub fn date(&self, text: &str) -> Result<NaiveDate, HistoryError> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| self.corrupt("date", text))
    }

    /// A stored amount; anything else is an error, never zero.
    pub fn amount(&self, text: &str) -> Result<Decimal, HistoryError> {
        text.parse::<Decimal>()
            .map_err(|_| self.corrupt("amount", text))
    }
}

fn now() -> String {
    Local::now().format("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string()
}

/// A batch as the SQL queries see it.
#[derive(Debug, Clone)]
pub struct HistoryBatchRow {
    pub batch_id: String,
    pub created_at: String,
    pub status: BatchState,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

/// One document's amount on one account, as the SQL queries see it.
#[derive(Debug, Clone)]
pub struct HistoryPostingRow {
    pub batch_id: String,
    pub doc_key: String,
    pub doc_type: String,
    pub doc_number: String,
    /// The invoice a payment applies to; empty for other documents.
    pub invoice: String,
    /// Empty for a payout, and for documents recorded before customers were.
    pub customer: String,
    pub doc_date: NaiveDate,
    pub posting: String,
    pub account: String,
    pub amount: Decimal,
}

/// The history's rows as the SQL queries see them.
#[derive(Debug, Default, Clone)]
pub struct HistoryTables {
    pub batches: Vec<HistoryBatchRow>,
    pub postings: Vec<HistoryPostingRow>,
    /// The receivable's opening balance, when one stands.
    pub opening: StandingOpening,
}

impl HistoryTables {
    /// An account's balance over the batches exported (void ones left out).
    pub fn account_balance(&self, account: &str) -> Decimal {
        let done: std::collections::BTreeSet<&str> = self
            .batches
            .iter()
            .filter(|b| b.status == BatchState::Done)
            .map(|b| b.batch_id.as_str())
            .collect();
        self.postings
            .iter()
            .filter(|p| p.account == account && done.contains(p.batch_id.as_str()))
            .map(|p| p.amount)
            .sum()
    }
}

/// The history file for a run: `--history`, else beside the configuration.
pub fn default_path(config_path: &Path) -> PathBuf {
    config_path
        .parent()
        .unwrap_or(Path::new("."))
        .join(HISTORY_FILE_NAME)
}

fn pending<'a>(
    migrations: &'a [(i64, &'a str)],
    applied: &'a [i64],
) -> impl Iterator<Item = &'a (i64, &'a str)> {
    migrations.iter().filter(|(v, _)| !applied.contains(v))
}

fn applied_migrations(conn: &Connection) -> rusqlite::Result<Vec<i64>> {
    let mut statement = conn.prepare("SELECT version FROM schema_migrations ORDER BY version")?;
    let versions = statement.query_map([], |r| r.get(0))?;
    versions.collect()
}

#[cfg(test)]
mod migration_tests {
    use super::*;

    #[test]
    fn a_migration_below_the_newest_applied_one_is_still_pending() {
        let migrations = [(1, "a"), (2, "b"), (3, "c"), (4, "d")];
        let versions: Vec<i64> = pending(&migrations, &[1, 3]).map(|m| m.0).collect();
        assert_eq!(versions, [2, 4]);
    }

    #[test]
    fn migrations_are_listed_in_ascending_order() {
        assert!(MIGRATIONS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    /// A history holding a migration this version lacks, numbered below its
    /// newest one, was written by a newer release: refused, not used.
    #[test]
    fn a_history_with_a_migration_this_version_lacks_is_too_new() {
        let known: Vec<i64> = MIGRATIONS.iter().map(|m| m.0).collect();
        let newest = *known.last().unwrap();
        let Some(gap) = (1..newest).find(|v| !known.contains(v)) else {
            return;
        };
        let mut history = History {
            path: "plannit2sage.sqlite".into(),
            conn: rusqlite::Connection::open_in_memory().unwrap(),
        };
        history.migrate().unwrap();
        history.migrate().unwrap();
        (history.conn)
            .execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, '')",
                [gap],
            )
            .unwrap();
        match history.migrate() {
            Err(HistoryError::TooNew { found, known, .. }) => {
                assert_eq!((found, known), (gap, newest));
            }
            other => panic!("{:?}", other.err()),
        }
    }
}
