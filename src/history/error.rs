//! What can go wrong with the export history file (never with the data), in
//! words from the message catalogue.

use std::path::PathBuf;

use crate::i18n::Text;
use crate::t;

/// A problem with the export history file (never with the data).
#[derive(Debug, thiserror::Error)]
#[error("{}", self.text())]
pub enum HistoryError {
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    Busy {
        path: PathBuf,
    },
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    UnknownBatch(String),
    AlreadyVoid(String),
    /// A value stored by a newer version; `what` is `posting` or `document-type`.
    UnknownValue {
        path: PathBuf,
        what: &'static str,
        value: String,
    },
    /// A stored value that cannot be read; `what` is `date` or `amount`, and
    /// `document` is `None` when it is the batch's own period.
    Corrupt {
        path: PathBuf,
        batch: String,
        document: Option<String>,
        what: &'static str,
        value: String,
    },
    /// An opening balance stands already (its id): void it first.
    OpeningStands(String),
    /// No batch standing exported a document with this key or number.
    UnknownDocument(String),
    /// Several documents carry this number: their keys.
    AmbiguousDocument {
        document: String,
        keys: Vec<String>,
    },
    /// An acknowledgement's note says nothing.
    BlankNote,
    /// A committed batch's file could not be put in place (its path).
    Recover(PathBuf, #[source] std::io::Error),
}

impl HistoryError {
    /// The message, in the language it is shown in.
    pub fn text(&self) -> Text {
        match self {
            HistoryError::Sqlite { path, source } => {
                t!(
                    "setup-history-sqlite",
                    path = path.display().to_string(),
                    reason = source.to_string()
                )
            }
            HistoryError::Busy { path } => {
                t!("setup-history-busy", path = path.display().to_string())
            }
            HistoryError::TooNew { path, found, known } => t!(
                "setup-history-too-new",
                path = path.display().to_string(),
                found = *found,
                known = *known
            ),
            HistoryError::UnknownBatch(batch) => {
                t!("setup-history-unknown-batch", batch = batch)
            }
            HistoryError::AlreadyVoid(batch) => t!("setup-history-already-void", batch = batch),
            HistoryError::OpeningStands(id) => t!("setup-history-opening-stands", opening = id),
            HistoryError::UnknownDocument(document) => {
                t!("setup-history-unknown-document", document = document)
            }
            HistoryError::BlankNote => t!("setup-history-blank-note"),
            HistoryError::AmbiguousDocument { document, keys } => t!(
                "setup-history-ambiguous-document",
                document = document,
                count = keys.len(),
                keys = keys.join(", ")
            ),
            HistoryError::UnknownValue { path, what, value } => t!(
                "setup-history-unknown-value",
                path = path.display().to_string(),
                what = *what,
                value = value
            ),
            HistoryError::Corrupt {
                path,
                batch,
                document,
                what,
                value,
            } => t!(
                "setup-history-corrupt",
                path = path.display().to_string(),
                batch = batch,
                document = match document {
                    Some(document) => Text::verbatim(document),
                    None => t!("setup-history-period"),
                },
                what = *what,
                value = value
            ),
            HistoryError::Recover(path, e) => {
                t!(
                    "setup-history-recover",
                    path = path.display().to_string(),
                    reason = crate::i18n::system_reason(e)
                )
            }
        }
    }
}
