//! One batch of the drop folder: files already processed or identical to
//! another are filed with the duplicates; the others are staged, run through
//! the pipeline, and filed under `archive/` or `rejected/` (with the workbook,
//! the errors and where to fix each, and a note that lets the batch be
//! retried); each batch adds a line to the log.

use std::path::{Path, PathBuf};

use chrono::Local;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::note::{setup_fingerprint, RejectedNote, ERRORS_FILE, REVIEW_FILE};
use super::summary::{
    already_exported, warnings_by_rule, warnings_told, AlreadyExported, RuleWarnings,
};
use super::{review, Layout, WatchOptions, WatchSummary};
use crate::diagnostics::{Fix, Severity};
use crate::history::History;
use crate::i18n;
use crate::report::RunReport;
use crate::run::{run, RunError, RunPlan, RunRequest};
use crate::tr;
use std::time::Duration;

/// What happened to one batch, as logged.
/// What became of a batch of dropped files (the log's `status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::AsRefStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum BatchStatus {
    /// Posted: the Sage file is in out/, the inputs in archive/<batch>/.
    Exported,
    /// Every document was already exported: inputs archived, nothing posted.
    NothingNew,
    /// Only an accounts-receivable report: tied out against the ledger,
    /// filed in archive/ with its result, no batch made.
    Controlled,
    /// Not posted: inputs, workbook and explanation in rejected/.
    Rejected,
    /// Files identical to ones already processed: moved to archive/duplicates/.
    Duplicate,
    /// Files still held by another program: retried at the next scan.
    Waiting,
    /// Importable but carrying warnings, with `[watch] warnings = "hold"`:
    /// waits in rejected/ for `retry … --accept`.
    Held,
    /// A rejected or held batch still waiting for its retry (said, not logged).
    AwaitingRetry,
    /// A General Ledger report of Sage 50, compared with the history: filed
    /// under archive/ with the result (`errors`: what does not stand).
    Verified,
    /// A General Ledger report that could not be verified (`errors`: why).
    VerificationFailed,
}

#[derive(Debug, Clone, Serialize)]
pub struct BatchLog {
    pub time: String,
    /// The client (drop folder) the batch belongs to.
    pub client: String,
    pub status: BatchStatus,
    pub files: Vec<String>,
    pub batch: Option<String>,
    pub entries: usize,
    pub debits: String,
    pub sage_file: Option<String>,
    pub workbook: Option<String>,
    pub moved_to: Option<String>,
    pub warnings: usize,
    /// The warnings by rule, with the first of each.
    pub warnings_by_rule: Vec<RuleWarnings>,
    /// Documents skipped because a batch already exported them.
    pub already_exported: Vec<AlreadyExported>,
    /// The errors, in the run's language, each with where to fix it.
    pub errors: Vec<String>,
    /// Where the errors' fixes are (for the error file's heading).
    #[serde(skip)]
    pub fixes: Vec<Fix>,
    /// The items a rejected run could not map, as a table to complete.
    pub missing_items: Option<String>,
    /// The rejected batch (its folder under rejected/) this batch retries.
    pub retry_of: Option<String>,
    /// The client's drop folder, as `retry` takes it.
    #[serde(skip)]
    pub root: String,
    /// A verification's result, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<String>,
}

pub(super) fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

pub(super) fn stamp() -> String {
    Local::now().format("%Y-%m-%d_%H%M%S%.3f").to_string()
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Moves `files` into `dir`, keeping names (a name already there gets a suffix).
/// Moves files into `dir`, all or none: a file that cannot be moved (on
/// Windows, one still open in Excel: a sharing violation) puts the ones
/// already moved back, so a batch is never left half-moved.
pub(super) fn move_files(files: &[PathBuf], dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut moved: Vec<(PathBuf, PathBuf)> = Vec::new();
    for file in files {
        let mut target = dir.join(file_name(file));
        let mut n = 2;
        while target.exists() {
            target = dir.join(format!("{}-{n}", file_name(file)));
            n += 1;
        }
        if let Err(e) = std::fs::rename(file, &target) {
            for (from, to) in moved.iter().rev() {
                let _ = std::fs::rename(to, from);
            }
            let _ = std::fs::remove_dir(dir);
            return Err(e);
        }
        moved.push((file.clone(), target));
    }
    Ok(())
}

fn sha256_of(path: &Path) -> Option<String> {
    std::fs::read(path)
        .ok()
        .map(|bytes| format!("{:x}", Sha256::digest(bytes)))
}

pub(super) fn base_log(layout: &Layout, status: BatchStatus, files: &[PathBuf]) -> BatchLog {
    BatchLog {
        time: Local::now().format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        client: super::client_name(&layout.root),
        status,
        files: files.iter().map(|f| file_name(f)).collect(),
        batch: None,
        entries: 0,
        debits: "0.00".into(),
        sage_file: None,
        workbook: None,
        moved_to: None,
        warnings: 0,
        warnings_by_rule: Vec::new(),
        already_exported: Vec::new(),
        errors: Vec::new(),
        fixes: Vec::new(),
        missing_items: None,
        retry_of: None,
        root: layout.root.display().to_string(),
        verification: None,
    }
}

/// Where a batch's inputs go when it is rejected: a new folder under
/// rejected/, or the folder of the rejected batch it retries.
#[derive(Debug, Clone, Copy)]
pub(super) enum RejectInto<'a> {
    NewFolder,
    Retried(&'a Path),
}

/// Takes ready files out of the inbox and processes them as one batch. Files
/// whose exact content a batch already read go to `archive/duplicates/`.
pub(super) fn process_batch(
    layout: &Layout,
    options: &WatchOptions,
    ready: &[PathBuf],
    summary: &mut WatchSummary,
    reject_into: RejectInto,
) -> BatchLog {
    let known = History::open(&layout.history, Duration::from_secs(60)).ok();
    let mut fresh: Vec<(PathBuf, Option<String>)> = Vec::new();
    let mut duplicates = Vec::new();
    for path in ready {
        let sha = sha256_of(path);
        let batch = known.as_ref().and_then(|h| {
            sha.as_ref()
                .and_then(|sha| h.batch_with_input(sha).ok().flatten())
        });
        match batch {
            Some(batch) => duplicates.push((
                path.clone(),
                tr!(
                    "watch-duplicate-processed",
                    file = file_name(path),
                    batch = &batch
                ),
                Some(batch),
            )),
            None => fresh.push((path.clone(), sha)),
        }
    }
    drop(known);
    // The same bytes twice in this drop (a browser's second download): the
    // copy is filed with the duplicates, the file with the shortest name read.
    let mut fresh_files = Vec::new();
    for (path, sha) in &fresh {
        let original = fresh
            .iter()
            .filter(|(other, other_sha)| other != path && sha.is_some() && other_sha == sha)
            .map(|(other, _)| other)
            .find(|other| {
                let (a, b) = (file_name(other), file_name(path));
                (a.len(), &a) < (b.len(), &b)
            });
        match original {
            Some(original) => duplicates.push((
                path.clone(),
                tr!(
                    "watch-duplicate-identical",
                    file = file_name(path),
                    of = file_name(original)
                ),
                None,
            )),
            None => fresh_files.push(path.clone()),
        }
    }
    let fresh = fresh_files;
    if !duplicates.is_empty() {
        let files: Vec<PathBuf> = duplicates.iter().map(|(p, _, _)| p.clone()).collect();
        let target = layout.archive.join("duplicates").join(stamp());
        let mut log = base_log(layout, BatchStatus::Duplicate, &files);
        log.batch = duplicates.iter().find_map(|(_, _, b)| b.clone());
        log.errors = duplicates
            .into_iter()
            .map(|(_, message, _)| message)
            .collect();
        if move_files(&files, &target).is_ok() {
            log.moved_to = Some(target.display().to_string());
        }
        summary.duplicates += files.len();
        append_log(layout, &log);
        if fresh.is_empty() {
            return log;
        }
    }
    let staged = layout.processing.join(stamp());
    if let Err(e) = move_files(&fresh, &staged) {
        // Typically a file still locked by another program: retried at the next scan.
        let mut log = base_log(layout, BatchStatus::Waiting, &fresh);
        log.errors
            .push(tr!("watch-files-busy", reason = e.to_string()));
        return log;
    }
    process_staged(layout, options, &staged, summary, reject_into)
}

/// Runs a staged batch and files its inputs under archive/ or rejected/.
pub(super) fn process_staged(
    layout: &Layout,
    options: &WatchOptions,
    staged: &Path,
    summary: &mut WatchSummary,
    reject_into: RejectInto,
) -> BatchLog {
    let files = files_in(staged);
    let request = RunRequest {
        inbox: staged.to_path_buf(),
        config: Some(layout.config.clone()),
        out_dir: Some(layout.out.clone()),
        history: Some(layout.history.clone()),
        adjust: options.adjust,
        lang: options.lang,
        watched: true,
        accept: options.accept,
        ..RunRequest::default()
    };
    // Messages, log and error file in the client's language.
    i18n::set_lang(options.lang.unwrap_or_default());
    let setup = setup_fingerprint(layout);
    let outcome = RunPlan::resolve(&request)
        .map_err(RunError::from)
        .and_then(|plan| {
            i18n::set_lang(plan.config.lang);
            run(&plan)
        });
    let mut log = base_log(layout, BatchStatus::Rejected, &files);
    let target = destination(layout, &outcome, &mut log, summary, reject_into);
    if move_files(&files, &target).is_ok() {
        log.moved_to = Some(target.display().to_string());
        let _ = std::fs::remove_dir(staged);
    }
    if log.status == BatchStatus::Controlled {
        move_outputs_into(&target, &mut log);
    }
    if matches!(log.status, BatchStatus::Rejected | BatchStatus::Held) {
        if log.status == BatchStatus::Held {
            move_outputs_into(&target, &mut log);
            let workbook = log.workbook.as_deref();
            review::write_review(layout, &target, &log.warnings_by_rule, workbook);
        } else {
            explain_rejection(layout, &target, &mut log);
        }
        let inputs: Vec<String> = files.iter().map(|f| file_name(f)).collect();
        RejectedNote::rejected(&target, &inputs, setup);
    }
    if let RejectInto::Retried(folder) = reject_into {
        log.retry_of = Some(file_name(folder));
    }
    append_log(layout, &log);
    log
}

/// Where a batch's inputs go, by what its run made of them; the log and the
/// cycle's counts say the same.
fn destination(
    layout: &Layout,
    outcome: &Result<RunReport, RunError>,
    log: &mut BatchLog,
    summary: &mut WatchSummary,
    reject_into: RejectInto,
) -> PathBuf {
    match &outcome {
        // Recorded in the history (under the cash basis, a batch of invoices
        // not yet paid has no Sage file).
        Ok(report) if report.batch_id.is_some() => {
            log.status = BatchStatus::Exported;
            summary.exported += 1;
            describe(log, report);
            layout
                .archive
                .join(report.batch_id.clone().unwrap_or_else(stamp))
        }
        Ok(report) if report.held => {
            log.status = BatchStatus::Held;
            summary.held += 1;
            describe(log, report);
            match reject_into {
                RejectInto::NewFolder => {
                    (layout.rejected).join(format!("{}-{}", stamp(), tr!("watch-held-folder")))
                }
                RejectInto::Retried(folder) => folder.to_path_buf(),
            }
        }
        Ok(report) if report.only_controls() && report.errors() == 0 => {
            log.status = BatchStatus::Controlled;
            summary.nothing_new += 1;
            describe(log, report);
            layout
                .archive
                .join(format!("{}-{}", stamp(), tr!("watch-control-folder")))
        }
        Ok(report) if report.nothing_new() => {
            log.status = BatchStatus::NothingNew;
            summary.nothing_new += 1;
            describe(log, report);
            layout.archive.join(format!(
                "{}-{}",
                stamp(),
                tr!("watch-already-exported-folder")
            ))
        }
        Ok(report) => {
            summary.rejected += 1;
            describe(log, report);
            if log.errors.is_empty() {
                log.errors.push(tr!("watch-nothing-to-post"));
                log.fixes.push(Fix::Plannit);
            }
            rejected_folder(layout, reject_into)
        }
        Err(e) => {
            summary.rejected += 1;
            log.errors.push(e.to_string());
            log.fixes.push(Fix::config(""));
            rejected_folder(layout, reject_into)
        }
    }
}

fn rejected_folder(layout: &Layout, reject_into: RejectInto) -> PathBuf {
    match reject_into {
        RejectInto::NewFolder => layout.rejected.join(stamp()),
        RejectInto::Retried(folder) => folder.to_path_buf(),
    }
}

fn describe(log: &mut BatchLog, report: &RunReport) {
    let (debits, _) =
        crate::sage::entry::grand_totals(&crate::sage::entry::account_totals(&report.entries));
    log.batch = report.batch_id.clone();
    log.entries = report.entries.len();
    log.debits = crate::money::format_amount(debits);
    log.sage_file = report.sage_file.as_ref().map(|p| p.display().to_string());
    log.workbook = report.workbook.as_ref().map(|p| p.display().to_string());
    log.warnings = warnings_told(report).len();
    log.warnings_by_rule = warnings_by_rule(report);
    log.already_exported = already_exported(report);
    log.missing_items = report
        .missing_items_file
        .as_ref()
        .map(|p| p.display().to_string());
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error);
    log.errors = errors
        .clone()
        .map(|f| {
            format!(
                "{}\n    {}",
                f.headline(),
                tr!("finding-fix", fix = f.fix.describe())
            )
        })
        .chain(
            report
                .sage_problems
                .iter()
                .map(|p| tr!("run-sage-problem", problem = p.to_string())),
        )
        .collect();
    log.fixes = errors.map(|f| f.fix.clone()).collect();
}

/// A batch that was not posted keeps its workbook, and the table of items to
/// map, beside its files.
pub(super) fn move_outputs_into(folder: &Path, log: &mut BatchLog) {
    let _ = std::fs::create_dir_all(folder);
    for output in [&mut log.workbook, &mut log.missing_items] {
        if let Some(path) = output.clone().map(PathBuf::from) {
            let target = folder.join(file_name(&path));
            if std::fs::rename(&path, &target).is_ok() {
                *output = Some(target.display().to_string());
            }
        }
    }
}

/// A rejected batch's folder gets its workbook, the table of items to map and
/// a short text with the errors, whose heading says where the fixes are.
fn explain_rejection(layout: &Layout, folder: &Path, log: &mut BatchLog) {
    move_outputs_into(folder, log);
    let _ = std::fs::remove_file(folder.join(REVIEW_FILE));
    let mut text = tr!("watch-errors-title");
    text.push_str("\r\n\r\n");
    for line in rejection_heading(layout, &log.fixes, folder) {
        text.push_str(&line);
        text.push_str("\r\n");
    }
    text.push_str("\r\n");
    for error in &log.errors {
        text.push_str(&format!("- {}\r\n", error.replace('\n', "\r\n")));
    }
    if let Some(missing) = &log.missing_items {
        text.push_str(&format!(
            "\r\n{}\r\n",
            tr!("watch-errors-missing-items", path = missing)
        ));
    }
    if let Some(workbook) = &log.workbook {
        text.push_str(&format!(
            "\r\n{}\r\n",
            tr!("watch-errors-details", path = workbook)
        ));
    }
    let _ = crate::output::write_atomically(&folder.join(ERRORS_FILE), |file| {
        std::io::Write::write_all(file, text.as_bytes())
    });
}

/// What to do, one paragraph per place the fixes are: in Plannit (export
/// again), in the configuration (then the batch is retried by itself), in the
/// dropped file (replace it).
fn rejection_heading(layout: &Layout, fixes: &[Fix], folder: &Path) -> Vec<String> {
    let mut lines = Vec::new();
    if fixes.contains(&Fix::OtherClient) {
        lines.push(tr!(
            "watch-errors-fix-foreign",
            root = layout.root.display().to_string(),
            folder = file_name(folder)
        ));
    }
    let config_keys: std::collections::BTreeSet<String> = fixes
        .iter()
        .filter_map(|fix| match fix {
            Fix::Config { key, file } if !key.is_empty() => Some(format!(
                "{key} ({})",
                file.as_deref().unwrap_or(crate::config::CONFIG_FILE_NAME)
            )),
            _ => None,
        })
        .collect();
    if fixes
        .iter()
        .any(|f| matches!(f, Fix::Config { .. } | Fix::Queries { .. }))
    {
        let mut keys = config_keys.into_iter().collect::<Vec<_>>().join(", ");
        if keys.is_empty() {
            keys = crate::config::CONFIG_FILE_NAME.to_string();
        }
        lines.push(tr!(
            "watch-errors-fix-config",
            keys = keys,
            folder = file_name(folder)
        ));
    }
    if fixes.contains(&Fix::Plannit) {
        lines.push(tr!("watch-errors-fix-plannit"));
    }
    if fixes.contains(&Fix::DroppedFile) {
        lines.push(tr!("watch-errors-fix-file"));
    }
    if fixes.iter().any(|f| matches!(f, Fix::History { .. })) {
        lines.push(tr!("watch-errors-fix-history", folder = file_name(folder)));
    }
    if lines.is_empty() {
        lines.push(tr!("watch-errors-fix-plannit"));
    }
    lines
}

pub(super) fn append_log(layout: &Layout, log: &BatchLog) {
    use std::io::Write;
    let Ok(line) = serde_json::to_string(log) else {
        return;
    };
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&layout.log)
    {
        let _ = writeln!(file, "{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_cannot_be_moved_puts_the_others_back() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path().join("inbox");
        std::fs::create_dir(&inbox).unwrap();
        let first = inbox.join("a.csv");
        std::fs::write(&first, "a").unwrap();
        // The second file has vanished (as a locked one fails to move).
        let missing = inbox.join("b.csv");
        let target = dir.path().join("staged");
        assert!(move_files(&[first.clone(), missing], &target).is_err());
        assert_eq!(std::fs::read(&first).unwrap(), b"a");
        assert!(!target.exists());
    }
}
