//! What can go wrong with the export history file (never with the data), in
//! words from the message catalogue.

use std::fmt;

use crate::i18n::Text;
use crate::t;

/// A problem with the export history file (never with the data).
#[derive(Debug)]
pub enum HistoryError {
    Sqlite {
        path: String,
        source: rusqlite::Error,
    },
    Busy {
        path: String,
    },
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    UnknownBatch(String),
    AlreadyVoid(String),
    /// A value stored by a newer version; `what` is `posting` or `document-type`.
    UnknownValue {
        path: String,
        what: &'static str,
        value: String,
    },
    /// A stored value that cannot be read; `what` is `date` or `amount`, and
    /// `document` is `None` when it is the batch's own period.
    Corrupt {
        path: String,
        batch: String,
        document: Option<String>,
        what: &'static str,
        value: String,
    },
    Recover(String, std::io::Error),
}

impl HistoryError {
    /// The message, in the language it is shown in.
    pub fn text(&self) -> Text {
        match self {
            HistoryError::Sqlite { path, source } => {
                t!(
                    "setup-history-sqlite",
                    path = path,
                    reason = source.to_string()
                )
            }
            HistoryError::Busy { path } => t!("setup-history-busy", path = path),
            HistoryError::TooNew { path, found, known } => t!(
                "setup-history-too-new",
                path = path,
                found = *found,
                known = *known
            ),
            HistoryError::UnknownBatch(batch) => {
                t!("setup-history-unknown-batch", batch = batch)
            }
            HistoryError::AlreadyVoid(batch) => t!("setup-history-already-void", batch = batch),
            HistoryError::UnknownValue { path, what, value } => t!(
                "setup-history-unknown-value",
                path = path,
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
                path = path,
                batch = batch,
                document = match document {
                    Some(document) => Text::verbatim(document),
                    None => t!("setup-history-period"),
                },
                what = *what,
                value = value
            ),
            HistoryError::Recover(path, e) => {
                t!("setup-history-recover", path = path, reason = e.to_string())
            }
        }
    }
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.text().fmt(f)
    }
}

impl std::error::Error for HistoryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            HistoryError::Sqlite { source, .. } => Some(source),
            _ => None,
        }
    }
}
