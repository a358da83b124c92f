//! `verify`: Sage 50's General Ledger reports read back and compared with the
//! export history. The request is resolved into a plan (configuration,
//! history, where the workbook goes); the verification reads the reports,
//! gathers each batch's entries (from the history, or for a batch recorded
//! before the history kept them, from its Sage file when it is unchanged),
//! compares, records each batch's verification and writes the workbook.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Local;
use sha2::{Digest, Sha256};

use crate::config::{Config, ConfigError, CONFIG_FILE_NAME};
use crate::history::verification::{compare, BatchToVerify, Unverifiable};
use crate::history::{self, BatchFiles, History, HistoryError, RecordedEntry};
use crate::i18n::system_reason;
use crate::report::verification::VerificationReport;
use crate::sage::ledger::{read_ledger, LedgerError, LedgerOptions, LedgerReport};
use crate::sage::CheckRules;
use crate::t;

/// A verification as asked for.
#[derive(Debug, Clone, Default)]
pub struct VerifyRequest {
    /// The General Ledger reports exported from Sage 50.
    pub files: Vec<PathBuf>,
    pub config: Option<PathBuf>,
    pub history: Option<PathBuf>,
    /// Where the workbook goes: beside the first report when not given.
    pub out_dir: Option<PathBuf>,
}

/// The request resolved.
#[derive(Debug, Clone)]
pub struct VerifyPlan {
    pub files: Vec<PathBuf>,
    /// The configuration, when one was given or found.
    pub config: Option<Config>,
    pub config_path: Option<PathBuf>,
    pub history_path: PathBuf,
    pub out_dir: PathBuf,
}

/// What stops a verification (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{}", t!("verify-no-history", path = .0.display().to_string()))]
    NoHistory(PathBuf),
    #[error(transparent)]
    History(#[from] HistoryError),
    /// Reports that cannot be read, each with why.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Ledgers(Vec<LedgerError>),
    #[error("{}", t!("setup-cannot-write-workbook", path = path.display().to_string(), reason = system_reason(source)))]
    Workbook {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl VerifyPlan {
    /// The configuration: given, else beside the history given, else in the
    /// current folder; the history: given, else beside the configuration.
    pub fn resolve(request: &VerifyRequest) -> Result<VerifyPlan, VerifyError> {
        let beside_history = (request.history.as_deref())
            .map(|h| h.parent().unwrap_or(Path::new(".")).join(CONFIG_FILE_NAME));
        let config_path = request.config.clone().or_else(|| {
            beside_history
                .into_iter()
                .chain([PathBuf::from(CONFIG_FILE_NAME)])
                .find(|p| p.is_file())
        });
        let config = config_path.as_deref().map(Config::load).transpose()?;
        let history_path = request.history.clone().unwrap_or_else(|| {
            let config = config_path.clone();
            history::default_path(&config.unwrap_or_else(|| PathBuf::from(CONFIG_FILE_NAME)))
        });
        if !history_path.is_file() {
            return Err(VerifyError::NoHistory(history_path));
        }
        let out_dir = request.out_dir.clone().unwrap_or_else(|| {
            let first = request.files.first().map(PathBuf::as_path);
            let folder = first.and_then(Path::parent).unwrap_or(Path::new("."));
            folder.to_path_buf()
        });
        Ok(VerifyPlan {
            files: request.files.clone(),
            config,
            config_path,
            history_path,
            out_dir,
        })
    }

    fn ledger_options(&self) -> LedgerOptions {
        match &self.config {
            Some(config) => LedgerOptions {
                limits: config.limits,
                aliases: config.aliases.sage_ledger.clone(),
                date_order: config.date_order,
            },
            None => LedgerOptions::default(),
        }
    }

    /// The accounts only the tool posts to: the receivable, Plannit Pay's
    /// clearing account and customer deposits.
    fn owned_accounts(&self) -> Vec<String> {
        let Some(config) = &self.config else {
            return Vec::new();
        };
        let accounts = &config.accounts;
        let mut owned = vec![accounts.receivable.clone()];
        for account in [&accounts.plannit_pay_clearing, &accounts.customer_deposits] {
            if let Some(account) = account.clone().filter(|a| !owned.contains(a)) {
                owned.push(account);
            }
        }
        owned
    }
}

/// Reads the reports, compares them with the history, records each batch's
/// verification and writes the workbook (in the current language).
pub fn verify(plan: &VerifyPlan) -> Result<VerificationReport, VerifyError> {
    let verified_at = Local::now();
    let options = plan.ledger_options();
    let mut reports = Vec::new();
    let mut errors = Vec::new();
    for file in &plan.files {
        match read_ledger(file, &options) {
            Ok(report) => reports.push(report),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(VerifyError::Ledgers(errors));
    }
    let mut history = History::open(&plan.history_path, Duration::from_secs(30))?;
    let batches = batches_to_verify(&history, plan)?;
    let coverage: Vec<_> = reports.iter().filter_map(LedgerReport::covers).collect();
    let postings: Vec<_> = reports.iter().map(|r| r.postings.clone()).collect();
    let verification = compare(batches, &postings, &coverage, &plan.owned_accounts());
    let mut report = VerificationReport {
        verified_at,
        lang: crate::i18n::lang(),
        company: plan.config.as_ref().and_then(|c| c.company_name.clone()),
        config_path: plan.config_path.clone(),
        history_path: plan.history_path.clone(),
        reports,
        verification,
        workbook: None,
    };
    if let Some(dates) = report.verification.dates() {
        let files = report.file_names();
        history.record_verification(&report.verification.batches, dates, &files)?;
    }
    let path = (plan.out_dir).join(format!("verification-{}.xlsx", report.dates_label()));
    crate::report::workbook::write_verification_workbook(&path, &report).map_err(|source| {
        VerifyError::Workbook {
            path: path.clone(),
            source,
        }
    })?;
    report.workbook = Some(path);
    Ok(report)
}

/// Every batch of the history with the entries it sent to Sage, and the
/// reversal its void wrote, if any.
fn batches_to_verify(
    history: &History,
    plan: &VerifyPlan,
) -> Result<Vec<BatchToVerify>, VerifyError> {
    let rules = match &plan.config {
        Some(config) => CheckRules::for_settings(&config.sage),
        None => CheckRules::documented(),
    };
    let history_dir = plan.history_path.parent().unwrap_or(Path::new("."));
    let voids = history.voids()?;
    let mut batches = Vec::new();
    for summary in history.batches()? {
        let files = history.batch_files(&summary.id)?;
        let recorded = history.batch_entries(&summary.id)?;
        let entries = if recorded.is_empty() {
            entries_from_sage_file(&files, history_dir, &rules)
        } else {
            Ok(recorded)
        };
        let reversal = (voids.iter().rev())
            .find(|void| void.batch == summary.id)
            .and_then(|void| void.reversal_file.clone());
        batches.push(BatchToVerify {
            first_date: stored_date(history, &summary.id, summary.first_date.as_deref())?,
            last_date: stored_date(history, &summary.id, summary.last_date.as_deref())?,
            id: summary.id,
            status: summary.status,
            entries,
            reversal,
        });
    }
    Ok(batches)
}

/// A batch's stored date; one that does not read is an error, never a guess.
fn stored_date(
    history: &History,
    batch: &str,
    text: Option<&str>,
) -> Result<Option<chrono::NaiveDate>, HistoryError> {
    let Some(text) = text else { return Ok(None) };
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| HistoryError::Corrupt {
            path: history.path.clone(),
            batch: batch.to_string(),
            document: None,
            what: "date",
            value: text.to_string(),
        })
}

/// A batch recorded before the history kept its entries: its Sage file, when
/// it is still where it was written (as recorded, or in `out/` beside the
/// history or its folder) with the same SHA-256.
fn entries_from_sage_file(
    batch: &BatchFiles,
    history_dir: &Path,
    rules: &CheckRules,
) -> Result<Vec<RecordedEntry>, Unverifiable> {
    let (Some(file), Some(sha256)) = (&batch.sage_file, &batch.sage_sha256) else {
        return Err(Unverifiable::NoSageFile);
    };
    let recorded = Path::new(file);
    let name = recorded.file_name().unwrap_or_default();
    let places = [
        recorded.to_path_buf(),
        history_dir.join(recorded),
        history_dir.join("out").join(name),
        history_dir.join("..").join("out").join(name),
    ];
    let mut found = false;
    for place in places.iter().filter(|p| p.is_file()) {
        found = true;
        let Ok(bytes) = std::fs::read(place) else {
            continue;
        };
        if format!("{:x}", Sha256::digest(&bytes)) != *sha256 {
            continue;
        }
        let checked = crate::sage::check(&bytes, rules);
        return Ok((checked.entries.into_iter())
            .map(|e| RecordedEntry {
                date: e.date,
                source: e.source,
                comment: e.comment,
                lines: e.lines,
            })
            .collect());
    }
    Err(if found {
        Unverifiable::FileChanged(file.clone())
    } else {
        Unverifiable::FileMissing(file.clone())
    })
}
