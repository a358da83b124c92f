//! What each batch under `rejected/` waits for, said on the watch's output
//! (not in the log: nothing happened to it): a configuration saved moments
//! ago that must be quiet before the retry, a configuration unchanged since
//! the rejection, or a person's review (`retry … --accept`). A running watch
//! says it once, and again when it changes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::batch::{base_log, file_name, BatchLog, BatchStatus};
use super::note::REVIEW_FILE;
use super::{pending_batches, Layout};
use crate::tr;

/// Why a rejected (or held) batch has not been retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wait {
    /// The setup changed since the rejection; it is retried once the files
    /// have been quiet this much longer.
    Settling(Duration),
    /// The setup is what the batch was rejected with.
    Unchanged,
    /// Held for review: waits for `retry … --accept`.
    Review,
}

impl Wait {
    /// The reason, for telling apart what was already said: the seconds
    /// left do not make a new reason.
    fn kind(self) -> u8 {
        match self {
            Wait::Settling(_) => 0,
            Wait::Unchanged => 1,
            Wait::Review => 2,
        }
    }
}

/// What each pending batch waits for: `to_retry` are the batches the
/// current setup would retry, `settling` how long it must stay quiet still.
pub(super) fn what_waits(
    layout: &Layout,
    to_retry: &[PathBuf],
    settling: Duration,
) -> Vec<(PathBuf, Wait)> {
    pending_batches(layout)
        .into_iter()
        .filter_map(|folder| {
            let wait = if to_retry.contains(&folder) {
                if settling.is_zero() {
                    return None;
                }
                Wait::Settling(settling)
            } else if folder.join(REVIEW_FILE).is_file() {
                Wait::Review
            } else {
                Wait::Unchanged
            };
            Some((folder, wait))
        })
        .collect()
}

/// The waits not said yet (or changed since), as lines; `said` remembers
/// them. A batch no longer waiting is forgotten.
pub(super) fn notices(
    layout: &Layout,
    waits: &[(PathBuf, Wait)],
    said: &mut BTreeMap<PathBuf, u8>,
) -> Vec<BatchLog> {
    said.retain(|folder, _| waits.iter().any(|(f, _)| f == folder));
    let mut lines = Vec::new();
    for (folder, wait) in waits {
        if said.get(folder) == Some(&wait.kind()) {
            continue;
        }
        said.insert(folder.clone(), wait.kind());
        lines.push(notice(layout, folder, *wait));
    }
    lines
}

/// A batch just rejected or held said why on its own line: nothing more to
/// say of its folder until that changes.
pub(super) fn just_said(said: &mut BTreeMap<PathBuf, u8>, log: &BatchLog) {
    let wait = match log.status {
        BatchStatus::Rejected => Wait::Unchanged,
        BatchStatus::Held => Wait::Review,
        _ => return,
    };
    if let Some(folder) = &log.moved_to {
        said.insert(PathBuf::from(folder), wait.kind());
    }
}

fn notice(layout: &Layout, folder: &Path, wait: Wait) -> BatchLog {
    let name = file_name(folder);
    let root = layout.root.display().to_string();
    let why = match wait {
        Wait::Settling(left) => tr!(
            "waiting-settling",
            seconds = left.as_secs_f64().ceil() as u64
        ),
        Wait::Unchanged => tr!("waiting-unchanged", root = root, folder = name.as_str()),
        Wait::Review => tr!("waiting-review", root = root, folder = name.as_str()),
    };
    let mut log = base_log(layout, BatchStatus::AwaitingRetry, &[]);
    log.retry_of = Some(name);
    log.errors = vec![why];
    log
}
