//! What a run produced, successful or not ([`RunReport`]): the files it read,
//! the rows of the batch, the findings, the entries as written to the Sage
//! file, what the history said, the reconciliation figures, and where the
//! outputs went. The console summary and the workbook are drawn from it.
//! `verification` holds what a verification of Sage's ledger found.

pub(crate) mod figures;
pub mod verification;
pub mod workbook;

use std::path::PathBuf;

use chrono::{DateTime, Local, NaiveDate};

use crate::config::{Granularity, Lang};
use crate::diagnostics::{error_count, Finding, Severity};
use crate::history::{DocumentPosting, PostedState};
use crate::journal::cash::CashBook;
use crate::journal::classify::Classification;
use crate::load::merge::MergedRow;
use crate::load::reports::{Payment, PayoutRow, SalesLine};
use crate::load::row_accounts::RowAccounts;
use crate::load::InputFile;
use crate::report::figures::Reconciliation;
use crate::sage;
use crate::sage::entry::JournalEntry;

/// The settings a run was made with, as the workbook's summary shows them.
#[derive(Debug, Clone)]
pub struct RunContext {
    pub company: Option<String>,
    pub lang: Lang,
    pub granularity: Granularity,
    pub config_path: PathBuf,
    /// Where the queries came from (a folder, or "built-in queries").
    pub queries_origin: String,
    pub query_names: Vec<String>,
    /// The chart of accounts checked against, when configured.
    pub chart: Option<ChartCheck>,
}

/// The chart of accounts file and what checking the batch against it found.
#[derive(Debug, Clone)]
pub struct ChartCheck {
    pub file: String,
    pub accounts: usize,
    /// Accounts of the batch missing from the chart or not usable.
    pub unusable: usize,
}

/// The result of a run: everything the console summary and the
/// reconciliation workbook show.
#[derive(Debug)]
pub struct RunReport {
    pub started: DateTime<Local>,
    pub context: RunContext,
    pub files: Vec<InputFile>,
    /// Where every row of every file read went.
    pub rows: RowAccounts,
    /// Rows left out because another file of the drop holds the same document.
    pub merged: Vec<MergedRow>,
    /// The batch's rows: new documents, and rows without a date.
    pub sales: Vec<SalesLine>,
    pub payments: Vec<Payment>,
    pub payouts: Vec<PayoutRow>,
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
    /// `produits-a-associer.csv`: the catalogue items without an account,
    /// written beside the workbook when the run stops on them.
    pub missing_items_file: Option<PathBuf>,
    /// The batch recorded in the history, when the Sage file was written.
    pub batch_id: Option<String>,
    /// What the history said about the batch's documents.
    pub history: Classification,
    /// Changed documents posted as their difference (`--adjust`).
    pub adjusted: Vec<(DocumentPosting, PostedState)>,
    /// Exported invoices voided in Plannit since, reversed or written off.
    pub voided: Vec<crate::journal::voided::VoidedInvoice>,
    /// The figures the workbook shows beyond the rows and the journal.
    pub reconciliation: Reconciliation,
    /// Importable, but held for a person to review its warnings
    /// (`[watch] warnings = "hold"`): nothing was posted.
    pub held: bool,
    /// Under the cash basis: what the batch's payments recognised, the
    /// invoices it records, the invoices not fully paid.
    pub cash: Option<CashBook>,
}

impl RunReport {
    pub fn errors(&self) -> usize {
        error_count(&self.findings) + self.sage_problems.len()
    }

    /// Errors whose fix is in the setup: the run exits with the setup status.
    pub fn setup_errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.setup && f.severity == Severity::Error)
            .count()
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
        self.errors() == 0
            && self.entries.is_empty()
            && !self.history.unchanged.is_empty()
            && !self.records_without_entries()
    }

    /// Under the cash basis, a batch that posts nothing but records invoices
    /// issued and not yet paid, or voided ones: recorded without a Sage file.
    pub fn records_without_entries(&self) -> bool {
        self.errors() == 0
            && self.entries.is_empty()
            && (self.cash.as_ref().is_some_and(CashBook::has_invoices)
                || self.voided.iter().any(|v| v.cash.is_some()))
    }

    /// The findings still worth saying when nothing is new: the others are
    /// about documents already exported, and were said when they were. A
    /// tie-out's differences stand, and so does an exported document missing
    /// from the exports.
    pub fn standing_findings(&self) -> Vec<&Finding> {
        const STANDING: [&str; 2] = ["receivable_tie_out", "document_disappeared"];
        (self.findings.iter())
            .filter(|f| STANDING.contains(&f.rule.as_str()))
            .collect()
    }

    /// True when the drop held only controls (accounts-receivable reports):
    /// nothing to post, and no batch made.
    pub fn only_controls(&self) -> bool {
        let accounts = self.rows.accounts();
        self.entries.is_empty()
            && !accounts.is_empty()
            && (accounts.iter()).all(|a| a.kind == crate::load::ReportKind::Receivable)
    }

    /// The tie-outs made, as the history records them.
    pub fn tie_out_records(&self, batch: Option<&str>) -> Vec<crate::history::TieOutRecord> {
        let Some(figures) = &self.reconciliation.receivable else {
            return Vec::new();
        };
        let checked_at = self.started.format("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string();
        (figures.tie_outs.iter())
            .map(|tie_out| crate::history::TieOutRecord {
                checked_at: checked_at.clone(),
                as_of: tie_out.as_of,
                file_name: tie_out.file.clone(),
                batch: batch.map(str::to_string),
                invoices: tie_out.rows.len() as i64,
                differences: tie_out.differences().count() as i64,
                difference: tie_out.total_difference(),
            })
            .collect()
    }

    /// True when no input file was read at all.
    pub fn nothing_read(&self) -> bool {
        self.files.iter().all(|f| f.sha256.is_empty())
    }
}
