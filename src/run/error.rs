//! What stops a run (setup or writing problems; data problems are findings),
//! and the test hook that kills a run at a chosen stage.

use crate::plan::PlanError;
use crate::{history, load, transform};

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error(transparent)]
    Inbox(#[from] load::InboxError),
    #[error(transparent)]
    Query(#[from] transform::QueryError),
    #[error("internal table error: {0}")]
    Tables(#[from] polars::prelude::PolarsError),
    #[error("{0}: cannot write the output: {1}")]
    Write(String, std::io::Error),
    #[error("{0}: cannot write the workbook: {1}")]
    Workbook(String, String),
    #[error(transparent)]
    History(#[from] history::HistoryError),
}

/// Test hook for the crash tests: `PLANNIT2SAGE_ABORT_AFTER=<stage>` kills the
/// process (no cleanup, like a power cut) once the run has passed that stage.
pub(crate) fn abort_point(stage: &str) {
    if std::env::var("PLANNIT2SAGE_ABORT_AFTER").is_ok_and(|s| s == stage) {
        eprintln!("aborting after stage '{stage}' (PLANNIT2SAGE_ABORT_AFTER)");
        std::process::abort();
    }
}
