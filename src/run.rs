//! The `run` pipeline: resolve the plan (config, queries, output paths), load
//! the inbox, run the queries, and write the reconciliation workbook and — only
//! when nothing is wrong — the Sage 50 file. Every output goes through a
//! temporary file and a rename, so a failed or interrupted run never leaves a
//! partial file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDate};
use rust_decimal::Decimal;

use crate::config::{self, Config, Granularity, Lang};
use crate::dedup::{self, Classification};
use crate::diagnostics::{error_count, Finding, Severity};
use crate::history::{self, BatchRecord, DocumentPosting, History, Locked};
use crate::journal::{build_entries, EntryLabeler, JournalEntry};
use crate::load::reports::{Payment, SalesLine};
use crate::load::{self, InputFile};
use crate::report;
use crate::sage;
use crate::tables;
use crate::transform::{self, QuerySet};

/// What the user asked for, as typed.
#[derive(Debug, Clone, Default)]
pub struct RunRequest {
    pub inbox: PathBuf,
    pub config: Option<PathBuf>,
    pub out_dir: Option<PathBuf>,
    pub granularity: Option<Granularity>,
    pub queries: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub history: Option<PathBuf>,
    /// Post the difference for documents changed since they were exported.
    pub adjust: bool,
}

/// The resolved plan the pipeline runs.
#[derive(Debug, Clone)]
pub struct RunPlan {
    pub inbox: PathBuf,
    pub config: Config,
    pub config_path: PathBuf,
    pub queries: QuerySet,
    pub out_dir: PathBuf,
    pub history_path: PathBuf,
    pub adjust: bool,
    /// How long to wait for another run holding the history.
    pub history_wait: std::time::Duration,
}

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("no configuration found: pass --config FILE, or put {name} in the inbox or the current folder (see samples/{name})", name = config::CONFIG_FILE_NAME)]
    NoConfig,
    #[error(transparent)]
    Config(#[from] config::ConfigError),
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

/// The result of a run, successful or not: everything the console summary and
/// the reconciliation workbook show.
#[derive(Debug)]
pub struct RunReport {
    pub started: DateTime<Local>,
    pub files: Vec<InputFile>,
    pub sales: Vec<SalesLine>,
    pub payments: Vec<Payment>,
    pub findings: Vec<Finding>,
    /// The entries as written to the Sage file (source and comment fitted).
    pub entries: Vec<JournalEntry>,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// Problems the Sage writer found (the file was then not written).
    pub sage_problems: Vec<sage::SageProblem>,
    /// The Sage file, when it was written.
    pub sage_file: Option<PathBuf>,
    /// The reconciliation workbook, always written once the data was read.
    pub workbook: Option<PathBuf>,
    /// The batch recorded in the history, when the Sage file was written.
    pub batch_id: Option<String>,
    /// What the history said about the batch's documents.
    pub history: Classification,
    /// Changed documents posted as their difference (`--adjust`).
    pub adjusted: Vec<(DocumentPosting, history::PostedState)>,
}

impl RunReport {
    pub fn errors(&self) -> usize {
        error_count(&self.findings) + self.sage_problems.len()
    }

    pub fn warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count()
    }

    /// `2026-10-01_2026-10-31`, from the batch's first and last dates.
    pub fn period_label(&self) -> String {
        match (self.first_date, self.last_date) {
            (Some(first), Some(last)) if first != last => format!("{first}_{last}"),
            (_, Some(last)) => last.to_string(),
            _ => "undated".to_string(),
        }
    }

    pub fn importable(&self) -> bool {
        self.errors() == 0 && !self.entries.is_empty()
    }

    /// True when every document was already exported: nothing to post.
    pub fn nothing_new(&self) -> bool {
        self.errors() == 0 && self.entries.is_empty() && !self.history.unchanged.is_empty()
    }
}

impl RunPlan {
    pub fn resolve(request: &RunRequest) -> Result<RunPlan, RunError> {
        let config_path =
            config::locate(request.config.as_deref(), &request.inbox).ok_or(RunError::NoConfig)?;
        let mut config = Config::load(&config_path)?;
        if let Some(granularity) = request.granularity {
            config.sage.granularity = granularity;
        }
        if let Some(lang) = request.lang {
            config.lang = lang;
        }
        let queries = match &request.queries {
            Some(dir) => QuerySet::from_dir(dir)?,
            None => QuerySet::builtin()?,
        };
        let out_dir = request
            .out_dir
            .clone()
            .unwrap_or_else(|| default_out_dir(&request.inbox));
        let history_path = request
            .history
            .clone()
            .unwrap_or_else(|| history::default_path(&config_path));
        Ok(RunPlan {
            inbox: request.inbox.clone(),
            config,
            config_path,
            queries,
            out_dir,
            history_path,
            adjust: request.adjust,
            history_wait: std::time::Duration::from_secs(60),
        })
    }
}

/// `out/` beside the inbox.
fn default_out_dir(inbox: &Path) -> PathBuf {
    let absolute = std::path::absolute(inbox).unwrap_or_else(|_| inbox.to_path_buf());
    absolute
        .parent()
        .map(|p| p.join("out"))
        .unwrap_or_else(|| PathBuf::from("out"))
}

/// Test hook for the crash tests: `PLANNIT2SAGE_ABORT_AFTER=<stage>` kills the
/// process (no cleanup, like a power cut) once the run has passed that stage.
fn abort_point(stage: &str) {
    if std::env::var("PLANNIT2SAGE_ABORT_AFTER").is_ok_and(|s| s == stage) {
        eprintln!("aborting after stage '{stage}' (PLANNIT2SAGE_ABORT_AFTER)");
        std::process::abort();
    }
}

/// Runs the pipeline. An `Err` is a problem with the setup (config, queries,
/// inbox, history) or with writing; problems with the data are findings in the
/// report, and then no Sage file is written.
pub fn run(plan: &RunPlan) -> Result<RunReport, RunError> {
    let started = Local::now();
    let config = &plan.config;
    let mut history = History::open(&plan.history_path, plan.history_wait)?;
    // Held until the batch is recorded: a concurrent run waits here.
    let locked = history.lock()?;
    locked.recover()?;
    let history_tables = locked.tables()?;
    let posted = locked.posted_states()?;
    abort_point("locked");
    crate::timings::mark("history read");

    let skip = [plan.config_path.clone(), plan.history_path.clone()];
    let loaded = load::load_inbox(&plan.inbox, config, &skip)?;
    crate::timings::mark("inputs loaded");

    // First pass, one entry per document: what each document posts. The checks
    // run here, over every row of the inputs.
    let by_document = EntryLabeler::by_document(&loaded.sales, &loaded.payments);
    let tables = tables::all_tables(
        config,
        &loaded.sales,
        &loaded.payments,
        &by_document,
        &history_tables,
    )?;
    let tables = transform::SqlTables::new(tables);
    crate::timings::mark("tables built");
    let mut findings = loaded.findings;
    findings.extend(transform::run_checks(
        &tables,
        &plan.queries.checks,
        &loaded.headers,
    )?);
    crate::timings::mark("checks run");
    let mut documents = dedup::documents_of(&loaded.sales, &loaded.payments);
    let unusable = transform::run_journal_each(&tables, &plan.queries.journal, |line| {
        dedup::add_line(&mut documents, line)
    })?;
    dedup::finish(&mut documents);
    crate::timings::mark("per-document journal");
    drop(tables);
    // Lines without account or date follow from an error already reported
    // (unmapped item, undated invoice); they are news only when nothing else is.
    if error_count(&findings) == 0 {
        findings.extend(unusable);
    }
    let classification = dedup::classify(&documents, &posted);
    for (doc, state) in &classification.changed {
        let change = dedup::describe_change(doc, state);
        let location = crate::diagnostics::Location {
            document: Some(doc.number.clone()),
            ..Default::default()
        };
        if plan.adjust {
            findings.push(Finding::warning(
                "document_adjusted",
                format!("{} {} changed since batch {} ({change}): the difference is posted as an adjusting entry", doc.doc_type, doc.number, state.last_batch),
                location,
            ));
        } else {
            findings.push(Finding::error(
                "document_changed",
                format!(
                    "{} {} was exported in batch {} and has changed since ({change}): run with --adjust to post the difference, or void that batch if it was never imported",
                    doc.doc_type, doc.number, state.last_batch
                ),
                location,
            ));
        }
    }
    for gone in &classification.disappeared {
        findings.push(Finding::warning(
            "document_disappeared",
            format!(
                "{} (dated {}, exported in batch {}) is not in this export: nothing was reversed; check it in Plannit",
                gone.key, gone.state.date, gone.state.last_batch
            ),
            crate::diagnostics::Location::default(),
        ));
    }
    findings.sort_by_key(|f| f.severity);
    crate::timings::mark("history compared");

    // Second pass: the new documents only, grouped by the chosen granularity.
    let is_new = |key: String| classification.new.contains(&key);
    let sales: Vec<SalesLine> = loaded
        .sales
        .into_iter()
        .filter(|l| l.date.is_none() || is_new(crate::journal::invoice_key(l)))
        .collect();
    let payments: Vec<Payment> = loaded
        .payments
        .into_iter()
        .filter(|p| p.date.is_none() || is_new(crate::journal::payment_key(p)))
        .collect();
    let labeler = EntryLabeler::new(config.sage.granularity, &sales, &payments);
    let tables = tables::all_tables(config, &sales, &payments, &labeler, &history_tables)?;
    let journal =
        transform::run_journal(&transform::SqlTables::new(tables), &plan.queries.journal)?;
    let mut entries = build_entries(&journal.lines);
    drop(journal);
    let mut adjusted = Vec::new();
    if plan.adjust {
        for (doc, state) in &classification.changed {
            entries.extend(dedup::adjustment_entry(doc, state));
            adjusted.push((doc.clone(), state.clone()));
        }
    }
    sage::fit_entries(&mut entries, &config.sage);
    crate::timings::mark("journal entries");
    let (first_date, last_date) = batch_dates(&entries, &labeler);

    let mut report = RunReport {
        started,
        files: loaded.files,
        sales,
        payments,
        findings,
        entries,
        first_date,
        last_date,
        sage_problems: Vec::new(),
        sage_file: None,
        workbook: None,
        batch_id: None,
        history: classification,
        adjusted,
    };
    let sage_bytes = if report.importable() {
        match sage::render(&report.entries, &config.sage) {
            Ok(bytes) => Some(bytes),
            Err(problems) => {
                report.sage_problems = problems;
                None
            }
        }
    } else {
        None
    };
    if report.nothing_new()
        || (report.files.iter().all(|f| f.sha256.is_empty()) && report.entries.is_empty())
    {
        // Nothing to post, or nothing was read: no output, nothing recorded.
        return Ok(report);
    }

    let period = report.period_label();
    let mut sage_path = plan.out_dir.join(format!("sage50-{period}.txt"));
    let mut workbook_path = plan.out_dir.join(format!("reconciliation-{period}.xlsx"));
    let Some(sage_bytes) = sage_bytes else {
        // A failed run: the workbook explains why; nothing is recorded.
        drop(locked);
        write_workbook(&workbook_path, plan, &report)?;
        report.workbook = Some(workbook_path);
        return Ok(report);
    };

    let batch_id = locked.next_batch_id(started.date_naive())?;
    if sage_path.exists() || workbook_path.exists() {
        // Another batch covered the same dates: keep its files.
        sage_path = plan.out_dir.join(format!("sage50-{period}-{batch_id}.txt"));
        workbook_path = plan
            .out_dir
            .join(format!("reconciliation-{period}-{batch_id}.xlsx"));
    }
    report.batch_id = Some(batch_id.clone());
    report.sage_file = Some(sage_path.clone());
    report.workbook = Some(workbook_path.clone());
    let sage_temp = temporary_name(&sage_path, &batch_id);
    let workbook_temp = temporary_name(&workbook_path, &batch_id);
    write_synced(&sage_temp, &sage_bytes)?;
    crate::timings::mark("sage file rendered");
    let record = batch_record(
        &report,
        plan,
        documents,
        &batch_id,
        &sage_bytes,
        vec![
            (sage_temp.clone(), sage_path.clone()),
            (workbook_temp.clone(), workbook_path.clone()),
        ],
    );
    // The workbook is written while the batch's rows go into the (uncommitted)
    // history transaction; the commit waits for both.
    let (written, inserted) = std::thread::scope(|scope| {
        let workbook = scope.spawn(|| write_workbook(&workbook_temp, plan, &report));
        let inserted = locked.insert(&record);
        (
            workbook.join().unwrap_or_else(|_| {
                Err(RunError::Workbook(
                    workbook_temp.display().to_string(),
                    "the writer stopped".into(),
                ))
            }),
            inserted,
        )
    });
    if let Err(e) = written.and(inserted.map_err(RunError::from)) {
        let _ = std::fs::remove_file(&sage_temp);
        let _ = std::fs::remove_file(&workbook_temp);
        return Err(e);
    }
    crate::timings::mark("workbook and history rows");
    abort_point("outputs_written");
    if let Err(e) = locked.commit() {
        let _ = std::fs::remove_file(&sage_temp);
        let _ = std::fs::remove_file(&workbook_temp);
        return Err(e.into());
    }
    abort_point("history_committed");
    crate::timings::mark("history recorded");
    history::finish_rename(&workbook_temp, &workbook_path)?;
    history::finish_rename(&sage_temp, &sage_path)?;
    Locked::renames_done(&mut history, &batch_id)?;
    abort_point("renamed");
    Ok(report)
}

fn write_workbook(path: &Path, plan: &RunPlan, report: &RunReport) -> Result<(), RunError> {
    report::write_workbook(path, plan, report)
        .map_err(|e| RunError::Workbook(path.display().to_string(), e.to_string()))
}

/// First and last dates of what the batch posts.
fn batch_dates(
    entries: &[JournalEntry],
    labeler: &EntryLabeler,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let first = labeler
        .first_date
        .into_iter()
        .chain(entries.iter().map(|e| e.date))
        .min();
    let last = labeler
        .last_date
        .into_iter()
        .chain(entries.iter().map(|e| e.date))
        .max();
    (first, last)
}

/// `.sage50-….txt.<batch>.tmp` beside the final file: a fixed name, so that a
/// run that stopped after recording its batch can be finished by the next.
fn temporary_name(path: &Path, batch_id: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{batch_id}.tmp"))
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), RunError> {
    use std::io::Write;
    let shown = || path.display().to_string();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| RunError::Write(shown(), e))?;
    }
    let mut file = std::fs::File::create(path).map_err(|e| RunError::Write(shown(), e))?;
    file.write_all(bytes)
        .map_err(|e| RunError::Write(shown(), e))?;
    file.sync_all().map_err(|e| RunError::Write(shown(), e))
}

fn batch_record(
    report: &RunReport,
    plan: &RunPlan,
    mut documents: dedup::Documents,
    batch_id: &str,
    sage_bytes: &[u8],
    pending_renames: Vec<(PathBuf, PathBuf)>,
) -> BatchRecord {
    use sha2::{Digest, Sha256};
    let mut posted: Vec<(DocumentPosting, &'static str)> = report
        .history
        .new
        .iter()
        .filter_map(|key| documents.remove(key))
        .map(|doc| (doc, "original"))
        .collect();
    // In key order: SQLite inserts into its primary-key index much faster so.
    posted.sort_unstable_by(|a, b| a.0.key.cmp(&b.0.key));
    for (doc, state) in &report.adjusted {
        let delta = dedup::difference(doc, state);
        let posting = if delta.is_empty() {
            "date_change"
        } else {
            "adjustment"
        };
        posted.push((
            DocumentPosting {
                amounts: delta,
                ..doc.clone()
            },
            posting,
        ));
    }
    BatchRecord {
        id: batch_id.to_string(),
        granularity: plan.config.sage.granularity.label().to_string(),
        first_date: report.first_date,
        last_date: report.last_date,
        sage_file: report.sage_file.as_ref().map(|p| p.display().to_string()),
        sage_sha256: Some(format!("{:x}", Sha256::digest(sage_bytes))),
        workbook: report.workbook.as_ref().map(|p| p.display().to_string()),
        inputs: report
            .files
            .iter()
            .filter(|f| !f.sha256.is_empty())
            .map(|f| (f.name.clone(), f.sha256.clone(), f.size))
            .collect(),
        documents: posted,
        pending_renames,
    }
}

/// Debits, credits per account, and the sums of debits and credits, over entries.
pub fn totals(entries: &[JournalEntry]) -> (Vec<(String, Decimal, Decimal)>, Decimal, Decimal) {
    let mut by_account: std::collections::BTreeMap<String, (Decimal, Decimal)> = Default::default();
    for line in entries.iter().flat_map(|e| &e.lines) {
        let slot = by_account.entry(line.account.clone()).or_default();
        if line.amount.is_sign_positive() {
            slot.0 += line.amount;
        } else {
            slot.1 -= line.amount;
        }
    }
    let debits = by_account.values().map(|v| v.0).sum();
    let credits = by_account.values().map(|v| v.1).sum();
    (
        by_account
            .into_iter()
            .map(|(a, (d, c))| (a, d, c))
            .collect(),
        debits,
        credits,
    )
}
