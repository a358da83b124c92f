//! Drop-folder mode: `init` lays out a folder the accountant shares, `watch`
//! processes the exports dropped in its `inbox/` once they are complete, and
//! files each batch's inputs under `archive/` (after its outputs and history are
//! committed) or `rejected/` (with the workbook and the errors in plain words).
//!
//! Completeness: Office lock files and partial downloads are never read; a file
//! is ready when its size and modification time have not changed for the quiet
//! period and it can be opened; files that arrive together form one batch (the
//! inbox must be quiet). File events wake the loop, and a periodic rescan
//! catches what network and synced folders fail to report. A General Ledger
//! report of Sage 50 dropped there is verified instead (`verify`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

mod batch;
mod note;
mod retry;
mod review;
mod summary;
mod verify;
mod waiting;

pub use batch::{BatchLog, BatchStatus};
pub use retry::{held_batches, pending_batches, retry_batch};
pub use summary::{AlreadyExported, RuleWarnings};

use crate::config::CONFIG_FILE_NAME;
use crate::history::HISTORY_FILE_NAME;
use crate::i18n::{system_reason, Lang, Text};
use crate::load::{is_transient_file, sheet::is_supported_extension};
use crate::{t, tr};
use batch::{files_in, process_batch, process_staged, RejectInto};

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

/// What stops `watch` itself (a batch's own problems are filed with it).
#[derive(Debug, thiserror::Error)]
#[error("{}", self.text())]
pub enum WatchError {
    Io(PathBuf, #[source] std::io::Error),
    /// No configuration at this path, for this drop folder.
    NoConfig {
        config: PathBuf,
        folder: PathBuf,
    },
    Notify(PathBuf, #[source] notify::Error),
    Signal(#[from] ctrlc::Error),
    #[error(transparent)]
    History(#[from] crate::history::HistoryError),
}

impl WatchError {
    pub fn text(&self) -> Text {
        let shown = |path: &PathBuf| path.display().to_string();
        match self {
            WatchError::Io(path, e) => {
                t!(
                    "watch-error-io",
                    path = shown(path),
                    reason = system_reason(e)
                )
            }
            WatchError::NoConfig { config, folder } => t!(
                "watch-error-no-config",
                path = shown(config),
                folder = shown(folder)
            ),
            WatchError::Notify(path, e) => {
                t!(
                    "watch-error-notify",
                    path = shown(path),
                    reason = e.to_string()
                )
            }
            WatchError::Signal(e) => t!("watch-error-signal", reason = e.to_string()),
            WatchError::History(e) => e.text(),
        }
    }
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> WatchError + '_ {
    move |e| WatchError::Io(path.to_path_buf(), e)
}

/// The commented starter configuration `init` writes.
pub const STARTER_CONFIG: &str = include_str!("starter-config.toml");

/// Creates the layout, the configuration `config_text` and, if given, the
/// mapping table (`produits.csv`); never overwrites a file.
pub fn init(
    root: &Path,
    config_text: &str,
    mapping_table: Option<&[u8]>,
) -> Result<Vec<PathBuf>, WatchError> {
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
    let table_path = root.join(crate::config::survey::MAPPING_TABLE_FILE);
    let files = [
        (layout.config.clone(), Some(config_text.as_bytes())),
        (table_path, mapping_table),
    ];
    for (path, bytes) in files {
        let Some(bytes) = bytes else { continue };
        if path.exists() {
            continue;
        }
        crate::output::write_atomically(&path, |file| std::io::Write::write_all(file, bytes))
            .map_err(io_error(&path))?;
        created.push(path);
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
    /// `--lang`: overrides each client's `[report] lang`.
    pub lang: Option<Lang>,
    /// `retry … --accept`: the batch is posted as it is (warnings held,
    /// or a drop that does not look like the client's).
    pub accept: bool,
}

/// Totals of a `watch` session.
#[derive(Debug, Default, Clone)]
pub struct WatchSummary {
    pub exported: usize,
    pub rejected: usize,
    /// Batches held for their warnings to be reviewed.
    pub held: usize,
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

/// Is `folder` a client's drop folder (rather than a firm's folder of clients)?
pub fn is_client_folder(folder: &Path) -> bool {
    folder.join("inbox").is_dir() || folder.join(CONFIG_FILE_NAME).is_file()
}

/// The client folders under a firm's root, in name order.
pub fn client_folders(root: &Path) -> Vec<PathBuf> {
    if is_client_folder(root) {
        return vec![root.to_path_buf()];
    }
    subfolders(root)
        .into_iter()
        .filter(|folder| is_client_folder(folder))
        .collect()
}

/// A client's name in messages: its folder's name.
pub fn client_name(folder: &Path) -> String {
    folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| folder.display().to_string())
}

/// One client folder being watched: its inbox's files and their state.
struct Client {
    layout: Layout,
    watcher: Option<notify::RecommendedWatcher>,
    seen: BTreeMap<PathBuf, Seen>,
    last_change: Instant,
    inbox_missing: bool,
    /// The setup fingerprint the rejected batches were last looked at with.
    setup_seen: Option<String>,
    /// What each rejected batch was last said to wait for.
    said: BTreeMap<PathBuf, u8>,
}

impl Client {
    /// Lays the folder out, removes temporaries of killed runs and finishes a
    /// batch a crash left in `.processing`.
    fn start(
        folder: &Path,
        options: &WatchOptions,
        summary: &mut WatchSummary,
        report_line: &mut impl FnMut(&BatchLog),
    ) -> Result<Client, WatchError> {
        let layout = Layout::new(folder);
        if !layout.config.is_file() {
            return Err(WatchError::NoConfig {
                config: layout.config.clone(),
                folder: layout.root.clone(),
            });
        }
        for folder in layout.folders() {
            std::fs::create_dir_all(folder).map_err(io_error(folder))?;
        }
        crate::output::remove_stale_temporaries(&layout.out);
        // A batch interrupted by a crash: its files wait in .processing; the
        // history decides what is left to post.
        for leftover in subfolders(&layout.processing) {
            if files_in(&leftover).is_empty() {
                let _ = std::fs::remove_dir(&leftover);
                continue;
            }
            let log = process_staged(&layout, options, &leftover, summary, RejectInto::NewFolder);
            report_line(&log);
        }
        Ok(Client {
            layout,
            watcher: None,
            seen: BTreeMap::new(),
            last_change: Instant::now(),
            inbox_missing: false,
            setup_seen: None,
            said: BTreeMap::new(),
        })
    }

    /// One look at the inbox: a batch is processed when every file in it has
    /// been stable for the quiet period. True when the inbox holds nothing
    /// and no retry waits for the setup to settle.
    fn step(
        &mut self,
        options: &WatchOptions,
        events: &std::sync::mpsc::Sender<notify::Result<notify::Event>>,
        summary: &mut WatchSummary,
        report_line: &mut impl FnMut(&BatchLog),
    ) -> bool {
        let settling = self.retry_after_setup_change(options, summary, report_line);
        let layout = &self.layout;
        if self.watcher.is_none() && layout.inbox.is_dir() {
            self.watcher = start_watcher(&layout.inbox, events.clone()).ok();
        }
        let candidates = match scan(&layout.inbox) {
            Ok(candidates) => {
                self.inbox_missing = false;
                candidates
            }
            Err(_) => {
                // A synced or network folder can vanish for a while: wait for it.
                if !self.inbox_missing {
                    eprintln!(
                        "{}",
                        tr!(
                            "watch-inbox-unreachable",
                            client = client_name(&layout.root),
                            inbox = layout.inbox.display().to_string()
                        )
                    );
                }
                self.inbox_missing = true;
                self.watcher = None;
                return !settling;
            }
        };
        let now = Instant::now();
        self.seen.retain(|path, _| candidates.contains_key(path));
        for (path, (size, modified)) in &candidates {
            let changed = self
                .seen
                .get(path)
                .is_none_or(|s| s.size != *size || s.modified != *modified);
            if changed {
                self.seen.insert(
                    path.clone(),
                    Seen {
                        size: *size,
                        modified: *modified,
                        stable_since: now,
                    },
                );
                self.last_change = now;
            }
        }
        let quiet_inbox = now.duration_since(self.last_change) >= options.quiet;
        let ready: Vec<PathBuf> = self
            .seen
            .iter()
            .filter(|(_, s)| now.duration_since(s.stable_since) >= options.quiet)
            .map(|(p, _)| p.clone())
            .filter(|p| can_read(p))
            .collect();
        if !ready.is_empty() && quiet_inbox && ready.len() == self.seen.len() {
            let (ledgers, exports) = verify::split_ledger_reports(layout, &ready);
            if !ledgers.is_empty() {
                report_line(&verify::verify_ledgers(layout, options, &ledgers));
            }
            if !exports.is_empty() {
                let log = process_batch(layout, options, &exports, summary, RejectInto::NewFolder);
                waiting::just_said(&mut self.said, &log);
                report_line(&log);
            }
            for path in &ready {
                self.seen.remove(path);
            }
        }
        self.seen.is_empty() && !settling
    }
}

impl Client {
    /// Retries the rejected batches once the configuration (or a file it
    /// names) changed since they were rejected and has settled, and says
    /// what the others wait for. True while a retry waits for the setup to
    /// settle.
    fn retry_after_setup_change(
        &mut self,
        options: &WatchOptions,
        summary: &mut WatchSummary,
        report_line: &mut impl FnMut(&BatchLog),
    ) -> bool {
        let setup = note::SetupFiles::of(&self.layout);
        let current = setup.fingerprint();
        let mut to_retry = Vec::new();
        if self.setup_seen.as_ref() != Some(&current) {
            to_retry = retry::batches_to_retry(&self.layout, &current);
        }
        let settling = if to_retry.is_empty() {
            Duration::ZERO
        } else {
            setup.unsettled_for(options.quiet)
        };
        if settling.is_zero() {
            for folder in to_retry.drain(..) {
                let log = retry_batch(&self.layout, options, &folder, summary);
                waiting::just_said(&mut self.said, &log);
                report_line(&log);
            }
            self.setup_seen = Some(current);
        }
        let waits = waiting::what_waits(&self.layout, &to_retry, settling);
        for notice in waiting::notices(&self.layout, &waits, &mut self.said) {
            report_line(&notice);
        }
        !settling.is_zero()
    }
}

/// Runs the watch loop until stopped (Ctrl-C, SIGTERM) or, with `once`, until
/// every inbox holds nothing more to process. `options.root` is one client's
/// drop folder, or a firm's folder holding one drop folder per client: new
/// client folders are picked up at each scan, and a problem in one client
/// never stops or delays the others.
pub fn watch(
    options: &WatchOptions,
    mut report_line: impl FnMut(&BatchLog),
) -> Result<WatchSummary, WatchError> {
    let single = is_client_folder(&options.root);
    if single && !options.root.join(CONFIG_FILE_NAME).is_file() {
        return Err(WatchError::NoConfig {
            config: options.root.join(CONFIG_FILE_NAME),
            folder: options.root.clone(),
        });
    }
    if !options.root.is_dir() {
        return Err(WatchError::Io(
            options.root.clone(),
            std::io::Error::from(std::io::ErrorKind::NotFound),
        ));
    }
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))?;

    let mut summary = WatchSummary::default();
    let mut clients: BTreeMap<PathBuf, Client> = BTreeMap::new();
    // Client folders that could not start, with why (said once, retried each scan).
    let mut failed: BTreeMap<PathBuf, String> = BTreeMap::new();
    let (events_tx, events) = std::sync::mpsc::channel();
    loop {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        for folder in client_folders(&options.root) {
            if clients.contains_key(&folder) {
                continue;
            }
            match Client::start(&folder, options, &mut summary, &mut report_line) {
                Ok(client) => {
                    failed.remove(&folder);
                    clients.insert(folder, client);
                }
                Err(e) if single => return Err(e),
                Err(e) => {
                    let why = e.to_string();
                    if failed.get(&folder) != Some(&why) {
                        eprintln!(
                            "{}",
                            tr!(
                                "watch-client-problem",
                                client = client_name(&folder),
                                problem = &why
                            )
                        );
                    }
                    failed.insert(folder, why);
                }
            }
        }
        let mut idle = true;
        for client in clients.values_mut() {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            idle &= client.step(options, &events_tx, &mut summary, &mut report_line);
        }
        if options.once && idle {
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
        .map_err(|e| WatchError::Notify(inbox.to_path_buf(), e))?;
    watcher
        .watch(inbox, notify::RecursiveMode::NonRecursive)
        .map_err(|e| WatchError::Notify(inbox.to_path_buf(), e))?;
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

pub(crate) fn subfolders(dir: &Path) -> Vec<PathBuf> {
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
