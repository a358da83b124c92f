//! What stops a run (setup or writing problems; data problems are findings),
//! and the test hook that kills a run at a chosen stage.

use std::path::PathBuf;

use crate::i18n::system_reason;
use crate::run::plan::PlanError;
use crate::t;
use crate::{history, load, query};

/// A problem with the setup or with writing an output: the run stops.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error(transparent)]
    Inbox(#[from] load::InboxError),
    #[error(transparent)]
    Query(#[from] query::QueryError),
    #[error(transparent)]
    History(#[from] history::HistoryError),
    /// An output file could not be written.
    #[error("{}", t!("setup-cannot-write", path = path.display().to_string(), reason = system_reason(source)))]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The reconciliation workbook could not be written.
    #[error("{}", t!("setup-cannot-write-workbook", path = path.display().to_string(), reason = system_reason(source)))]
    Workbook {
        path: PathBuf,
        /// The workbook writer's error, wrapped when it is not the system's.
        #[source]
        source: std::io::Error,
    },
}

/// Test hook for the crash tests: `PLANNIT2SAGE_ABORT_AFTER=<stage>` kills the
/// process (no cleanup, like a power cut) once the run has passed that stage.
pub(crate) fn abort_point(stage: &str) {
    if std::env::var("PLANNIT2SAGE_ABORT_AFTER").is_ok_and(|s| s == stage) {
        eprintln!("aborting after stage '{stage}' (PLANNIT2SAGE_ABORT_AFTER)");
        std::process::abort();
    }
}
