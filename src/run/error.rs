//! What stops a run (setup or writing problems; data problems are findings),
//! and the test hook that kills a run at a chosen stage.

use std::error::Error;
use std::fmt;

use crate::i18n::Text;
use crate::plan::PlanError;
use crate::t;
use crate::{history, load, transform};

#[derive(Debug)]
pub enum RunError {
    Plan(PlanError),
    Inbox(load::InboxError),
    Query(transform::QueryError),
    Tables(polars::prelude::PolarsError),
    /// (path, why): an output file could not be written.
    Write(String, std::io::Error),
    /// (path, why): the reconciliation workbook could not be written.
    Workbook(String, String),
    History(history::HistoryError),
}

impl RunError {
    /// The message, in the language it is shown in.
    pub fn text(&self) -> Text {
        match self {
            RunError::Plan(e) => e.text(),
            RunError::History(e) => e.text(),
            RunError::Inbox(e) => Text::verbatim(e.to_string()),
            RunError::Query(e) => Text::verbatim(e.to_string()),
            RunError::Tables(e) => t!("setup-internal-table", reason = e.to_string()),
            RunError::Write(path, e) => {
                t!("setup-cannot-write", path = path, reason = e.to_string())
            }
            RunError::Workbook(path, why) => {
                t!("setup-cannot-write-workbook", path = path, reason = why)
            }
        }
    }
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // Errors of other stages show as they are.
            RunError::Plan(e) => e.fmt(f),
            RunError::Inbox(e) => e.fmt(f),
            RunError::Query(e) => e.fmt(f),
            RunError::History(e) => e.fmt(f),
            RunError::Tables(_) | RunError::Write(..) | RunError::Workbook(..) => {
                self.text().fmt(f)
            }
        }
    }
}

impl Error for RunError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            // As `#[error(transparent)]` did: the wrapped error's own source.
            RunError::Plan(e) => e.source(),
            RunError::Inbox(e) => e.source(),
            RunError::Query(e) => e.source(),
            RunError::History(e) => e.source(),
            RunError::Tables(e) => Some(e),
            RunError::Write(..) | RunError::Workbook(..) => None,
        }
    }
}

impl From<PlanError> for RunError {
    fn from(e: PlanError) -> Self {
        RunError::Plan(e)
    }
}

impl From<load::InboxError> for RunError {
    fn from(e: load::InboxError) -> Self {
        RunError::Inbox(e)
    }
}

impl From<transform::QueryError> for RunError {
    fn from(e: transform::QueryError) -> Self {
        RunError::Query(e)
    }
}

impl From<polars::prelude::PolarsError> for RunError {
    fn from(e: polars::prelude::PolarsError) -> Self {
        RunError::Tables(e)
    }
}

impl From<history::HistoryError> for RunError {
    fn from(e: history::HistoryError) -> Self {
        RunError::History(e)
    }
}

/// Test hook for the crash tests: `PLANNIT2SAGE_ABORT_AFTER=<stage>` kills the
/// process (no cleanup, like a power cut) once the run has passed that stage.
pub(crate) fn abort_point(stage: &str) {
    if std::env::var("PLANNIT2SAGE_ABORT_AFTER").is_ok_and(|s| s == stage) {
        eprintln!("aborting after stage '{stage}' (PLANNIT2SAGE_ABORT_AFTER)");
        std::process::abort();
    }
}
