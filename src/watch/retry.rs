//! Retrying a rejected batch without moving files: each folder under
//! `rejected/` keeps a note of its input files and of the setup it was
//! rejected with (see `note`). `watch` retries a batch by itself once that setup has changed; `retry`
//! does it on demand. A retry is a new batch in every way (duplicates,
//! history); rejected again, its files go back to the same folder with the
//! new errors, and `REPRISES-RETRIES.txt` in that folder tells each attempt.

use std::path::{Path, PathBuf};

use chrono::Local;

use super::batch::{file_name, files_in, process_batch, BatchLog, BatchStatus, RejectInto};
use super::note::{
    setup_fingerprint, Attempt, RejectedNote, ERRORS_FILE, OUTPUT_FILES, RETRIES_FILE, REVIEW_FILE,
};
use super::{Layout, WatchOptions, WatchSummary};
use crate::tr;

/// The rejected batches of a drop folder still waiting for a fix, oldest first.
pub fn pending_batches(layout: &Layout) -> Vec<PathBuf> {
    super::subfolders(&layout.rejected)
        .into_iter()
        .filter(|folder| RejectedNote::read(folder).is_none_or(|note| note.pending))
        .filter(|folder| !inputs_of(folder).is_empty())
        .collect()
}

/// The batches held for review (`[watch] warnings = "hold"`), oldest first.
pub fn held_batches(layout: &Layout) -> Vec<PathBuf> {
    pending_batches(layout)
        .into_iter()
        .filter(|folder| folder.join(REVIEW_FILE).is_file())
        .collect()
}

/// The input files of a rejected folder: those its note lists, or for a
/// folder without a note, every file but the outputs.
fn inputs_of(folder: &Path) -> Vec<PathBuf> {
    match RejectedNote::read(folder) {
        Some(note) => note
            .inputs
            .iter()
            .map(|name| folder.join(name))
            .filter(|path| path.is_file())
            .collect(),
        None => files_in(folder)
            .into_iter()
            .filter(|path| {
                let name = file_name(path);
                let workbook = name.starts_with("reconciliation-") && name.ends_with(".xlsx");
                !(workbook || OUTPUT_FILES.contains(&name.as_str()))
            })
            .collect(),
    }
}

/// Runs a rejected batch again, as a new batch; the folder keeps a line about
/// the attempt and its result.
pub fn retry_batch(
    layout: &Layout,
    options: &WatchOptions,
    folder: &Path,
    summary: &mut WatchSummary,
) -> BatchLog {
    let inputs = inputs_of(folder);
    let mut note = RejectedNote::read(folder).unwrap_or_default();
    note.accepted |= options.accept;
    let options = WatchOptions {
        accept: note.accepted,
        ..options.clone()
    };
    let log = process_batch(
        layout,
        &options,
        &inputs,
        summary,
        RejectInto::Retried(folder),
    );
    // The attempt may have rewritten the note (rejected or held again).
    let mut note = RejectedNote {
        accepted: note.accepted,
        ..RejectedNote::read(folder).unwrap_or(note)
    };
    let resolved = matches!(
        log.status,
        BatchStatus::Exported
            | BatchStatus::NothingNew
            | BatchStatus::Controlled
            | BatchStatus::Duplicate
    );
    if resolved {
        note.pending = false;
        note.setup = setup_fingerprint(layout);
    }
    note.attempts.push(Attempt {
        time: log.time.clone(),
        status: log.status.as_ref().to_string(),
        batch: log.batch.clone(),
        moved_to: log.moved_to.clone(),
    });
    note.write(folder);
    let result = record_attempt(folder, &log);
    if resolved {
        file_resolved(folder, &log, &result);
    }
    log
}

/// A rejected batch a retry resolved: its error text says when and as what,
/// and its folder goes with the batch's files (`archive/<batch>/`), so that
/// rejected/ holds only what still waits.
fn file_resolved(folder: &Path, log: &BatchLog, result: &str) {
    let time = Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
    let text = format!(
        "{}\r\n",
        tr!("retry-resolved", time = time, result = result)
    );
    let _ = crate::output::write_atomically(&folder.join(ERRORS_FILE), |file| {
        std::io::Write::write_all(file, text.as_bytes())
    });
    let Some(moved_to) = log.moved_to.as_deref().map(Path::new) else {
        return;
    };
    let target = moved_to.join(tr!("watch-retried-folder", name = file_name(folder)));
    if !target.exists() {
        let _ = std::fs::rename(folder, &target);
    }
}

/// One paragraph per attempt in `REPRISES-RETRIES.txt`, in the run's
/// language; the attempt's result, in words.
fn record_attempt(folder: &Path, log: &BatchLog) -> String {
    use std::io::Write;
    let result = match log.status {
        BatchStatus::Exported => tr!(
            "retry-note-exported",
            batch = log.batch.clone().unwrap_or_default(),
            moved_to = log.moved_to.clone().unwrap_or_default()
        ),
        BatchStatus::NothingNew => tr!(
            "retry-note-nothing-new",
            moved_to = log.moved_to.clone().unwrap_or_default()
        ),
        BatchStatus::Controlled => tr!(
            "retry-note-controlled",
            moved_to = log.moved_to.clone().unwrap_or_default()
        ),
        BatchStatus::Duplicate => tr!(
            "retry-note-duplicate",
            moved_to = log.moved_to.clone().unwrap_or_default()
        ),
        BatchStatus::Held => tr!("retry-note-held", count = log.warnings),
        // A retry runs Plannit's exports: never a verification.
        BatchStatus::Rejected
        | BatchStatus::Waiting
        | BatchStatus::AwaitingRetry
        | BatchStatus::Verified
        | BatchStatus::VerificationFailed => {
            tr!("retry-note-rejected", count = log.errors.len())
        }
    };
    let text = format!(
        "{}\r\n  {result}\r\n",
        tr!(
            "retry-note-attempt",
            time = Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
        )
    );
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(folder.join(RETRIES_FILE))
    {
        let _ = file.write_all(text.as_bytes());
    }
    result
}

/// The rejected batches last run with another setup than `current`.
pub(super) fn batches_to_retry(layout: &Layout, current: &str) -> Vec<PathBuf> {
    pending_batches(layout)
        .into_iter()
        .filter(|folder| RejectedNote::read(folder).is_some_and(|note| note.setup != current))
        .collect()
}
