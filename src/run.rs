//! The `run` pipeline: resolve the plan (config, queries, output paths), load
//! the inbox, run the queries, and write the reconciliation workbook and — only
//! when nothing is wrong — the Sage 50 file. Every output goes through a
//! temporary file and a rename, so a failed or interrupted run never leaves a
//! partial file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDate};
use rust_decimal::Decimal;

use crate::config::{self, Config, Granularity, Lang};
use crate::diagnostics::{error_count, Finding, Severity};
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
}

/// The resolved plan the pipeline runs.
#[derive(Debug, Clone)]
pub struct RunPlan {
    pub inbox: PathBuf,
    pub config: Config,
    pub config_path: PathBuf,
    pub queries: QuerySet,
    pub out_dir: PathBuf,
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
        Ok(RunPlan {
            inbox: request.inbox.clone(),
            config,
            config_path,
            queries,
            out_dir,
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

/// Runs the pipeline. An `Err` is a problem with the setup (config, queries,
/// inbox) or with writing; problems with the data are findings in the report,
/// and then no Sage file is written.
pub fn run(plan: &RunPlan) -> Result<RunReport, RunError> {
    let started = Local::now();
    let config = &plan.config;
    let skip = [plan.config_path.clone()];
    let loaded = load::load_inbox(&plan.inbox, config, &skip)?;
    let labeler = EntryLabeler::new(config.sage.granularity, &loaded.sales, &loaded.payments);
    let tables = tables::all_tables(config, &loaded.sales, &loaded.payments, &labeler)?;
    let tables = transform::SqlTables::new(tables);

    let mut findings = loaded.findings;
    findings.extend(transform::run_checks(
        &tables,
        &plan.queries.checks,
        &loaded.headers,
    )?);
    let journal = transform::run_journal(&tables, &plan.queries.journal)?;
    // Lines without account or date follow from an error already reported
    // (unmapped item, undated invoice); they are news only when nothing else is.
    if error_count(&findings) == 0 {
        findings.extend(journal.unusable);
    }
    findings.sort_by_key(|f| f.severity);
    let mut entries = build_entries(&journal.lines);
    sage::fit_entries(&mut entries, &config.sage);

    let mut report = RunReport {
        started,
        files: loaded.files,
        sales: loaded.sales,
        payments: loaded.payments,
        findings,
        entries,
        first_date: labeler.first_date,
        last_date: labeler.last_date,
        sage_problems: Vec::new(),
        sage_file: None,
        workbook: None,
    };
    let sage_bytes = if report.errors() == 0 && !report.entries.is_empty() {
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
    if report.files.iter().all(|f| f.sha256.is_empty()) && report.entries.is_empty() {
        // Nothing was read: no workbook to explain anything.
        return Ok(report);
    }

    let period = report.period_label();
    let sage_path = plan.out_dir.join(format!("sage50-{period}.txt"));
    let workbook_path = plan.out_dir.join(format!("reconciliation-{period}.xlsx"));
    // The Sage file stays a hidden temporary file until the workbook is safely
    // written, so that the two are published together or not at all.
    let sage_temp = sage_bytes
        .map(|bytes| write_temporary(&sage_path, &bytes))
        .transpose()?;
    if sage_temp.is_some() {
        report.sage_file = Some(sage_path.clone());
    }
    report::write_workbook(&workbook_path, plan, &report)
        .map_err(|e| RunError::Workbook(workbook_path.display().to_string(), e.to_string()))?;
    report.workbook = Some(workbook_path);
    if let Some(temp) = sage_temp {
        temp.persist(&sage_path)
            .map_err(|e| RunError::Write(sage_path.display().to_string(), e.error))?;
    }
    Ok(report)
}

/// Writes `bytes` to a hidden temporary file beside `path`, synced to disk.
fn write_temporary(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, RunError> {
    use std::io::Write;
    let shown = || path.display().to_string();
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| RunError::Write(shown(), e))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".plannit2sage-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| RunError::Write(shown(), e))?;
    temp.write_all(bytes)
        .map_err(|e| RunError::Write(shown(), e))?;
    temp.as_file()
        .sync_all()
        .map_err(|e| RunError::Write(shown(), e))?;
    Ok(temp)
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
