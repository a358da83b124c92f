//! Drop-folder mode: `init` lays out a folder the accountant shares, `watch`
//! processes the exports dropped in its `inbox/` once they are complete, and
//! files each batch's inputs under `archive/` (after its outputs and history are
//! committed) or `rejected/` (with the workbook and the errors in plain words).
//!
//! Completeness: Office lock files and partial downloads are never read; a file
//! is ready when its size and modification time have not changed for the quiet
//! period and it can be opened; files that arrive together form one batch (the
//! inbox must be quiet). File events wake the loop, and a periodic rescan
//! catches what network and synced folders fail to report.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use chrono::Local;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::config::CONFIG_FILE_NAME;
use crate::history::{History, HISTORY_FILE_NAME};
use crate::load::{is_transient_file, sheet::is_supported_extension};
use crate::outcome::RunReport;
use crate::run::{run, RunError, RunPlan, RunRequest};

/// The folders of a drop folder.
#[derive(Debug, Clone)]
pub struct Layout {
    pub root: PathBuf,
    pub inbox: PathBuf,
    pub out: PathBuf,
    pub archive: PathBuf,
    pub rejected: PathBuf,
    /// Where a batch's files wait while it runs.
    pub processing: PathBuf,
    pub config: PathBuf,
    pub history: PathBuf,
    pub log: PathBuf,
}

impl Layout {
    pub fn new(root: &Path) -> Layout {
        Layout {
            root: root.to_path_buf(),
            inbox: root.join("inbox"),
            out: root.join("out"),
            archive: root.join("archive"),
            rejected: root.join("rejected"),
            processing: root.join(".processing"),
            config: root.join(CONFIG_FILE_NAME),
            history: root.join(HISTORY_FILE_NAME),
            log: root.join("plannit2sage.log"),
        }
    }

    fn folders(&self) -> [&PathBuf; 5] {
        [
            &self.inbox,
            &self.out,
            &self.archive,
            &self.rejected,
            &self.processing,
        ]
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0}: no configuration: run 'plannit2sage init {1}' and fill in the accounts")]
    NoConfig(String, String),
    #[error("{0}: cannot watch the folder: {1}")]
    Notify(String, notify::Error),
    #[error("cannot install the Ctrl-C handler: {0}")]
    Signal(#[from] ctrlc::Error),
    #[error(transparent)]
    History(#[from] crate::history::HistoryError),
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> WatchError + '_ {
    move |e| WatchError::Io(path.display().to_string(), e)
}

const STARTER_CONFIG: &str = include_str!("starter-config.toml");

/// Creates the layout and a commented starter configuration; never overwrites.
pub fn init(root: &Path) -> Result<Vec<PathBuf>, WatchError> {
    let layout = Layout::new(root);
    let mut created = Vec::new();
    for folder in layout
        .folders()
        .into_iter()
        .filter(|f| **f != layout.processing)
    {
        if !folder.is_dir() {
            std::fs::create_dir_all(folder).map_err(io_error(folder))?;
            created.push(folder.clone());
        }
    }
    if !layout.config.exists() {
        crate::output::write_atomically(&layout.config, |file| {
            std::io::Write::write_all(file, STARTER_CONFIG.as_bytes())
        })
        .map_err(io_error(&layout.config))?;
        created.push(layout.config.clone());
    }
    Ok(created)
}

/// How `watch` behaves.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    pub root: PathBuf,
    /// Process what is there, then exit.
    pub once: bool,
    /// How long a file must stay unchanged (and the inbox quiet) to be processed.
    pub quiet: Duration,
    /// How often the inbox is rescanned even without file events.
    pub rescan: Duration,
    pub adjust: bool,
}

/// What happened to one batch, as logged.
/// What became of a batch of dropped files (the log's `status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BatchStatus {
    /// Posted: the Sage file is in out/, the inputs in archive/<batch>/.
    Exported,
    /// Every document was already exported: inputs archived, nothing posted.
    NothingNew,
    /// Not posted: inputs, workbook and explanation in rejected/.
    Rejected,
    /// Files identical to ones already processed: moved to archive/duplicates/.
    Duplicate,
    /// Files still held by another program: retried at the next scan.
    Waiting,
}

impl BatchStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BatchStatus::Exported => "exported",
            BatchStatus::NothingNew => "nothing_new",
            BatchStatus::Rejected => "rejected",
            BatchStatus::Duplicate => "duplicate",
            BatchStatus::Waiting => "waiting",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct BatchLog {
    pub time: String,
    pub status: BatchStatus,
    pub files: Vec<String>,
    pub batch: Option<String>,
    pub entries: usize,
    pub debits: String,
    pub sage_file: Option<String>,
    pub workbook: Option<String>,
    pub moved_to: Option<String>,
    pub warnings: usize,
    pub errors: Vec<String>,
}

/// Totals of a `watch` session.
#[derive(Debug, Default, Clone)]
pub struct WatchSummary {
    pub exported: usize,
    pub rejected: usize,
    pub duplicates: usize,
    pub nothing_new: usize,
}

/// The state of a file seen in the inbox.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    size: u64,
    modified: Option<SystemTime>,
    stable_since: Instant,
}

/// Runs the watch loop until stopped (Ctrl-C, SIGTERM) or, with `once`, until
/// the inbox holds nothing more to process.
pub fn watch(
    options: &WatchOptions,
    mut report_line: impl FnMut(&BatchLog),
) -> Result<WatchSummary, WatchError> {
    let layout = Layout::new(&options.root);
    if !layout.config.is_file() {
        return Err(WatchError::NoConfig(
            layout.config.display().to_string(),
            layout.root.display().to_string(),
        ));
    }
    for folder in layout.folders() {
        std::fs::create_dir_all(folder).map_err(io_error(folder))?;
    }
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))?;

    // Temporary outputs of a watcher or run that was killed: no live run holds them.
    crate::output::remove_stale_temporaries(&layout.out);
    let mut summary = WatchSummary::default();
    // A batch interrupted by a crash: its files wait in .processing; the history
    // decides what is left to post.
    for leftover in subfolders(&layout.processing) {
        let files = files_in(&leftover);
        if files.is_empty() {
            let _ = std::fs::remove_dir(&leftover);
            continue;
        }
        let log = process_staged(&layout, options, &leftover, &mut summary);
        report_line(&log);
    }

    let (events_tx, events) = std::sync::mpsc::channel();
    let mut watcher: Option<notify::RecommendedWatcher> = None;
    let mut seen: BTreeMap<PathBuf, Seen> = BTreeMap::new();
    let mut last_change = Instant::now();
    let mut inbox_missing = false;
    loop {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        if watcher.is_none() && layout.inbox.is_dir() {
            watcher = start_watcher(&layout.inbox, events_tx.clone()).ok();
        }
        let candidates = match scan(&layout.inbox) {
            Ok(candidates) => {
                inbox_missing = false;
                candidates
            }
            Err(_) => {
                // A synced or network folder can vanish for a while: wait for it.
                if !inbox_missing {
                    eprintln!(
                        "{}: the inbox is not reachable; waiting for it to come back",
                        layout.inbox.display()
                    );
                }
                inbox_missing = true;
                watcher = None;
                if options.once {
                    break;
                }
                std::thread::sleep(options.rescan);
                continue;
            }
        };
        let now = Instant::now();
        seen.retain(|path, _| candidates.contains_key(path));
        for (path, (size, modified)) in &candidates {
            let changed = seen
                .get(path)
                .is_none_or(|s| s.size != *size || s.modified != *modified);
            if changed {
                seen.insert(
                    path.clone(),
                    Seen {
                        size: *size,
                        modified: *modified,
                        stable_since: now,
                    },
                );
                last_change = now;
            }
        }
        let quiet_inbox = now.duration_since(last_change) >= options.quiet;
        let ready: Vec<PathBuf> = seen
            .iter()
            .filter(|(_, s)| now.duration_since(s.stable_since) >= options.quiet)
            .map(|(p, _)| p.clone())
            .filter(|p| can_read(p))
            .collect();
        if !ready.is_empty() && quiet_inbox && ready.len() == seen.len() {
            let log = process_batch(&layout, options, &ready, &mut summary);
            report_line(&log);
            for path in &ready {
                seen.remove(path);
            }
            continue;
        }
        if options.once && seen.is_empty() {
            break;
        }
        // Wake on a file event, or rescan after a while.
        let wait = options
            .rescan
            .min(options.quiet.max(Duration::from_millis(50)));
        let _ = events.recv_timeout(wait);
        while events.try_recv().is_ok() {}
    }
    Ok(summary)
}

fn start_watcher(
    inbox: &Path,
    events: std::sync::mpsc::Sender<notify::Result<notify::Event>>,
) -> Result<notify::RecommendedWatcher, WatchError> {
    use notify::Watcher;
    let mut watcher = notify::recommended_watcher(events)
        .map_err(|e| WatchError::Notify(inbox.display().to_string(), e))?;
    watcher
        .watch(inbox, notify::RecursiveMode::NonRecursive)
        .map_err(|e| WatchError::Notify(inbox.display().to_string(), e))?;
    Ok(watcher)
}

/// Exports in the inbox with their size and modification time: spreadsheets
/// and CSV files, not lock files, partial downloads or folders.
fn scan(inbox: &Path) -> std::io::Result<BTreeMap<PathBuf, (u64, Option<SystemTime>)>> {
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(inbox)? {
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_transient_file(&name) || !is_supported_extension(&path) {
            continue;
        }
        let Ok(metadata) = std::fs::metadata(&path) else {
            continue;
        };
        if metadata.is_file() {
            found.insert(path, (metadata.len(), metadata.modified().ok()));
        }
    }
    Ok(found)
}

/// A file still held open for writing elsewhere (Excel on Windows) cannot be
/// opened: it is not ready.
fn can_read(path: &Path) -> bool {
    std::fs::File::open(path).is_ok()
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
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

fn subfolders(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

fn stamp() -> String {
    Local::now().format("%Y-%m-%d_%H%M%S%.3f").to_string()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Moves `files` into `dir`, keeping names (a name already there gets a suffix).
fn move_files(files: &[PathBuf], dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for file in files {
        let mut target = dir.join(file_name(file));
        let mut n = 2;
        while target.exists() {
            target = dir.join(format!("{}-{n}", file_name(file)));
            n += 1;
        }
        std::fs::rename(file, &target)?;
    }
    Ok(())
}

fn sha256_of(path: &Path) -> Option<String> {
    std::fs::read(path)
        .ok()
        .map(|bytes| format!("{:x}", Sha256::digest(bytes)))
}

fn base_log(status: BatchStatus, files: &[PathBuf]) -> BatchLog {
    BatchLog {
        time: Local::now().format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        status,
        files: files.iter().map(|f| file_name(f)).collect(),
        batch: None,
        entries: 0,
        debits: "0.00".into(),
        sage_file: None,
        workbook: None,
        moved_to: None,
        warnings: 0,
        errors: Vec::new(),
    }
}

/// Takes ready files out of the inbox and processes them as one batch. Files
/// whose exact content a batch already read go to `archive/duplicates/`.
fn process_batch(
    layout: &Layout,
    options: &WatchOptions,
    ready: &[PathBuf],
    summary: &mut WatchSummary,
) -> BatchLog {
    let known = History::open(&layout.history, Duration::from_secs(60)).ok();
    let mut fresh = Vec::new();
    let mut duplicates = Vec::new();
    for path in ready {
        let batch = known
            .as_ref()
            .and_then(|h| sha256_of(path).and_then(|sha| h.batch_with_input(&sha).ok().flatten()));
        match batch {
            Some(batch) => duplicates.push((path.clone(), batch)),
            None => fresh.push(path.clone()),
        }
    }
    drop(known);
    if !duplicates.is_empty() {
        let files: Vec<PathBuf> = duplicates.iter().map(|(p, _)| p.clone()).collect();
        let target = layout.archive.join("duplicates").join(stamp());
        let mut log = base_log(BatchStatus::Duplicate, &files);
        log.batch = duplicates.first().map(|(_, b)| b.clone());
        log.errors = duplicates
            .iter()
            .map(|(p, b)| {
                format!(
                    "{}: this exact file was already processed in batch {b}: nothing posted",
                    file_name(p)
                )
            })
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
        let mut log = base_log(BatchStatus::Waiting, &fresh);
        log.errors
            .push(format!("cannot take the files out of the inbox yet: {e}"));
        return log;
    }
    process_staged(layout, options, &staged, summary)
}

/// Runs a staged batch and files its inputs under archive/ or rejected/.
fn process_staged(
    layout: &Layout,
    options: &WatchOptions,
    staged: &Path,
    summary: &mut WatchSummary,
) -> BatchLog {
    let files = files_in(staged);
    let request = RunRequest {
        inbox: staged.to_path_buf(),
        config: Some(layout.config.clone()),
        out_dir: Some(layout.out.clone()),
        history: Some(layout.history.clone()),
        adjust: options.adjust,
        ..RunRequest::default()
    };
    let outcome = RunPlan::resolve(&request)
        .map_err(RunError::from)
        .and_then(|plan| run(&plan));
    let mut log = base_log(BatchStatus::Rejected, &files);
    let target = match &outcome {
        Ok(report) if report.sage_file.is_some() => {
            log.status = BatchStatus::Exported;
            summary.exported += 1;
            describe(&mut log, report);
            layout
                .archive
                .join(report.batch_id.clone().unwrap_or_else(stamp))
        }
        Ok(report) if report.nothing_new() => {
            log.status = BatchStatus::NothingNew;
            summary.nothing_new += 1;
            describe(&mut log, report);
            layout.archive.join(format!("{}-already-exported", stamp()))
        }
        Ok(report) => {
            summary.rejected += 1;
            describe(&mut log, report);
            if log.errors.is_empty() {
                log.errors.push(
                    "nothing to post: no sales or payments report with an amount was found".into(),
                );
            }
            layout.rejected.join(stamp())
        }
        Err(e) => {
            summary.rejected += 1;
            log.errors.push(e.to_string());
            layout.rejected.join(stamp())
        }
    };
    if move_files(&files, &target).is_ok() {
        log.moved_to = Some(target.display().to_string());
        let _ = std::fs::remove_dir(staged);
    }
    if log.status == BatchStatus::Rejected {
        explain_rejection(&target, &mut log);
    }
    append_log(layout, &log);
    log
}

fn describe(log: &mut BatchLog, report: &RunReport) {
    let (debits, _) =
        crate::journal::grand_totals(&crate::journal::account_totals(&report.entries));
    log.batch = report.batch_id.clone();
    log.entries = report.entries.len();
    log.debits = crate::sage::format_amount(debits);
    log.sage_file = report.sage_file.as_ref().map(|p| p.display().to_string());
    log.workbook = report.workbook.as_ref().map(|p| p.display().to_string());
    log.warnings = report.warnings();
    log.errors = report
        .findings
        .iter()
        .filter(|f| f.severity == crate::diagnostics::Severity::Error)
        .map(|f| f.to_string())
        .chain(
            report
                .sage_problems
                .iter()
                .map(|p| format!("Sage 50 file: {p}")),
        )
        .collect();
}

/// A rejected batch's folder gets its workbook and a short text with the errors.
fn explain_rejection(folder: &Path, log: &mut BatchLog) {
    let _ = std::fs::create_dir_all(folder);
    if let Some(workbook) = log.workbook.clone().map(PathBuf::from) {
        let target = folder.join(file_name(&workbook));
        if std::fs::rename(&workbook, &target).is_ok() {
            log.workbook = Some(target.display().to_string());
        }
    }
    let mut text = String::from(
        "Ce lot n'a PAS été exporté vers Sage 50. / This batch was NOT exported to Sage 50.\r\n\r\n\
         Corrigez les erreurs ci-dessous dans Plannit, exportez de nouveau et déposez les fichiers dans inbox/.\r\n\
         Fix the errors below in Plannit, export again and drop the files in inbox/.\r\n\r\n",
    );
    for error in &log.errors {
        text.push_str(&format!("- {error}\r\n"));
    }
    if let Some(workbook) = &log.workbook {
        text.push_str(&format!("\r\nDétails / details: {workbook}\r\n"));
    }
    let _ = crate::output::write_atomically(&folder.join("ERREURS-ERRORS.txt"), |file| {
        std::io::Write::write_all(file, text.as_bytes())
    });
}

fn append_log(layout: &Layout, log: &BatchLog) {
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
