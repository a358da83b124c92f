//! The `run` pipeline: resolve the plan (config, queries, output paths), load
//! the inbox, run the queries, and write the Sage 50 file only when nothing is
//! wrong. Output is written to a temporary file and renamed, so a failed or
//! interrupted run never leaves a partial file.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use crate::config::{self, Config, Granularity};
use crate::diagnostics::{error_count, Finding, Severity};
use crate::journal::{build_entries, EntryLabeler, JournalEntry};
use crate::load::{self, InputFile};
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
}

/// The result of a run, successful or not.
#[derive(Debug)]
pub struct RunReport {
    pub files: Vec<InputFile>,
    pub findings: Vec<Finding>,
    pub entries: Vec<JournalEntry>,
    pub sales_rows: usize,
    pub payment_rows: usize,
    /// The Sage file, when it was written.
    pub sage_file: Option<PathBuf>,
    /// Problems the Sage writer found (the file was then not written).
    pub sage_problems: Vec<sage::SageProblem>,
    pub queries_origin: String,
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
}

impl RunPlan {
    pub fn resolve(request: &RunRequest) -> Result<RunPlan, RunError> {
        let config_path =
            config::locate(request.config.as_deref(), &request.inbox).ok_or(RunError::NoConfig)?;
        let mut config = Config::load(&config_path)?;
        if let Some(granularity) = request.granularity {
            config.sage.granularity = granularity;
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
/// inbox); problems with the data are findings in the report, and then no Sage
/// file is written.
pub fn run(plan: &RunPlan) -> Result<RunReport, RunError> {
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
    let entries = build_entries(&journal.lines);

    let mut report = RunReport {
        files: loaded.files,
        sales_rows: loaded.sales.len(),
        payment_rows: loaded.payments.len(),
        findings,
        entries,
        sage_file: None,
        sage_problems: Vec::new(),
        queries_origin: plan.queries.origin.clone(),
    };
    if report.errors() > 0 || report.entries.is_empty() {
        return Ok(report);
    }
    match sage::render(&report.entries, &config.sage) {
        Ok(bytes) => {
            let path = plan.out_dir.join(sage_file_name(&labeler));
            write_atomically(&path, &bytes)?;
            report.sage_file = Some(path);
        }
        Err(problems) => report.sage_problems = problems,
    }
    Ok(report)
}

/// `sage50-2026-10-01_2026-10-31.txt`, from the batch's first and last dates.
pub fn sage_file_name(labeler: &EntryLabeler) -> String {
    format!("sage50-{}.txt", period_label(labeler))
}

pub fn period_label(labeler: &EntryLabeler) -> String {
    match (labeler.first_date, labeler.last_date) {
        (Some(first), Some(last)) if first != last => format!("{first}_{last}"),
        (_, Some(last)) => last.to_string(),
        _ => "undated".to_string(),
    }
}

/// Writes through a temporary file in the same folder, then renames it, so the
/// file is either complete or absent.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), RunError> {
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
    temp.persist(path)
        .map_err(|e| RunError::Write(shown(), e.error))?;
    Ok(())
}

/// Net amount per account, and the sums of debits and credits, over entries.
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
