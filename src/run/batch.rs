//! Stage 4, the batch: the rows of the new documents, their Sage entries
//! (added up from what the per-document pass gave each document, or, when
//! the journal queries' lines cannot be added up, from the queries run over
//! the batch's rows), fitted to Sage's limits, and the reconciliation.

use chrono::{Local, NaiveDate};

use super::{Classified, Known, RunError, RunPlan};
use crate::diagnostics::{Finding, Fix};
use crate::history::ledger::Ledger;
use crate::history::PostedState;
use crate::journal::cash::{self, CashBook};
use crate::journal::classify::{self, Classification};
use crate::journal::conform;
use crate::journal::entries::{batch_entries, BatchJournal};
use crate::journal::labels::EntryLabeler;
use crate::load::merge::MergedRow;
use crate::load::row_accounts::{RowAccounts, RowFate};
use crate::load::rows::ReceivableReport;
use crate::load::{self, LoadedInputs};
use crate::query::tables;
use crate::report::figures::{ReceivableFigures, ReconcileInputs, Reconciliation};
use crate::report::{ChartCheck, RunContext, RunReport};
use crate::sage;
use crate::sage::entry::JournalEntry;

/// The batch: the new documents' rows, their entries and the reconciliation.
pub(super) struct Batch {
    /// Setup errors found on the journal (accounts the company lacks).
    findings: Vec<Finding>,
    files: Vec<load::InputFile>,
    rows: RowAccounts,
    merged: Vec<MergedRow>,
    sales: Vec<load::reports::SalesLine>,
    payments: Vec<load::reports::Payment>,
    payouts: Vec<load::reports::PayoutRow>,
    entries: Vec<JournalEntry>,
    adjusted: Vec<(crate::history::DocumentPosting, PostedState)>,
    /// Exported invoices voided since, reversed or written off.
    voided: Vec<crate::journal::voided::VoidedInvoice>,
    first_date: Option<NaiveDate>,
    last_date: Option<NaiveDate>,
    reconciliation: Reconciliation,
    cash: Option<CashBook>,
}

/// Stage 4: the journal of the new documents (and rows without a date, which
/// are errors), grouped by the chosen granularity, with the differences of
/// changed documents under `--adjust`, fitted to Sage's field limits.
pub(super) fn journal(
    plan: &RunPlan,
    inputs: LoadedInputs,
    classified: &mut Classified,
    known: &Known,
    mut rows: RowAccounts,
    merged: Vec<MergedRow>,
) -> Result<Batch, RunError> {
    let config = &plan.config;
    let batch_rows = batch_rows(plan, &inputs, classified, &mut rows);
    let sales = kept(inputs.sales, &batch_rows.sales);
    let payments = kept(inputs.payments, &batch_rows.payments);
    let payouts = kept(inputs.payouts, &batch_rows.payouts);
    let labeler = EntryLabeler::new(&config.sage, &sales, &payments, &payouts);
    let batch = BatchJournal {
        queries: &plan.queries,
        sales: &sales,
        payments: &payments,
        payouts: &payouts,
        keep: &batch_rows,
        documents: &classified.documents,
        new: &classified.classification.new,
        document_rows: &classified.document_rows,
        labeler: &labeler,
    };
    let lines = classified.for_batch.lines.take();
    let tables = std::mem::take(&mut classified.for_batch.tables);
    let mut cash = classified.cash.take();
    let (mut entries, line_queries) = match &cash {
        // Under the cash basis, from the documents' amounts (their shares).
        Some(book) => cash::batch_entries(&batch, book, &config.accounts.receivable),
        None => batch_entries(&batch, lines, tables)?,
    };
    let adjusted = if plan.adjust {
        adjust_changed(plan, &classified.classification, &mut entries)
    } else {
        Vec::new()
    };
    let (mut ledger, batch_from) =
        super::receivable::batch_ledger(plan, known, classified, &adjusted);
    let voided = post_voided(
        plan,
        std::mem::take(&mut classified.voided),
        (&ledger, cash.as_mut()),
        &mut rows,
        (&entries, &labeler),
    );
    entries.extend(voided.entries);
    let receivable_account = &config.accounts.receivable;
    ledger.add_voided(voided.invoices.iter().map(|v| &v.doc), receivable_account);
    // Accounts the Sage company does not have, or cannot post to.
    let line_queries = (line_queries.iter()).map(|(account, query)| (account.as_str(), &**query));
    let account_findings = conform::account_findings(config, &entries, line_queries);
    finish_entries(config, &mut entries, &batch, cash.as_ref());
    let (first_date, last_date) = batch_dates(&entries, &labeler);
    let reconcile_inputs = ReconcileInputs {
        config,
        sales: &sales,
        payments: &payments,
        entries: &entries,
        posting_accounts: &classified.for_batch.posting_accounts,
        history: &classified.classification,
        adjusted: &adjusted,
        payouts: &payouts,
        history_tables: &known.tables,
        last_date,
        voided: &voided.invoices,
        cash: cash.as_ref(),
    };
    let (receivable, mut findings, mut reconciliation) = figures(
        plan,
        (&ledger, batch_from),
        &inputs.receivables,
        &reconcile_inputs,
    );
    drop(ledger);
    findings.extend(account_findings);
    findings.extend(voided.findings);
    reconciliation.receivable = receivable;
    Ok(Batch {
        findings,
        files: inputs.files,
        rows,
        merged,
        sales,
        payments,
        payouts,
        entries,
        adjusted,
        voided: voided.invoices,
        first_date,
        last_date,
        reconciliation,
        cash,
    })
}

/// The receivable's figures (with the tie-outs' findings) and the
/// reconciliation's: they read the same finished entries and nothing of
/// each other, so both are made at once.
fn figures(
    plan: &RunPlan,
    ledger: (&Ledger, usize),
    reports: &[ReceivableReport],
    inputs: &ReconcileInputs<'_>,
) -> (Option<ReceivableFigures>, Vec<Finding>, Reconciliation) {
    let ((receivable, findings), reconciliation) = rayon::join(
        || {
            let (last_date, cash) = (inputs.last_date, inputs.cash);
            super::receivable::receivable_figures(plan, ledger, reports, last_date, cash)
        },
        || Reconciliation::new(inputs),
    );
    (receivable, findings, reconciliation)
}

/// Adds the tax detail when asked for (under the cash basis, the revenue
/// subject to tax each payment recognises) and fits the entries to Sage's
/// limits.
fn finish_entries(
    config: &crate::config::Config,
    entries: &mut [JournalEntry],
    batch: &BatchJournal<'_>,
    cash: Option<&CashBook>,
) {
    if config.sage.tax_detail {
        match cash {
            Some(book) => cash::add_tax_detail(config, entries, batch, book),
            None => conform::add_tax_detail(config, entries, batch.sales, batch.labeler),
        }
    }
    sage::fit_entries(entries, &config.sage);
}

/// The voided invoices' rows counted where they go, and the reversals or
/// write-offs of those exported, dated the batch's last date (the invoices'
/// own when nothing else is new).
fn post_voided(
    plan: &RunPlan,
    sorted: super::voided::SortedVoided,
    ledgers: (&crate::history::ledger::Ledger, Option<&mut CashBook>),
    rows: &mut RowAccounts,
    (entries, labeler): (&[JournalEntry], &EntryLabeler),
) -> super::voided::VoidedPosting {
    for (origin, fate) in &sorted.rows {
        rows.count(origin, *fate);
    }
    let voided_last = sorted.to_post.iter().map(|(doc, _)| doc.date).max();
    let Some(date) = batch_dates(entries, labeler).1.or(voided_last) else {
        return super::voided::VoidedPosting::default();
    };
    super::voided::post(plan, sorted.to_post, ledgers, date)
}

/// Which rows of each report the batch posts: the rows of new documents
/// (and rows without a date, which are errors), and, with `--adjust`, of
/// changed ones; each row read is counted where it went.
fn batch_rows(
    plan: &RunPlan,
    inputs: &LoadedInputs,
    classified: &Classified,
    rows: &mut RowAccounts,
) -> tables::BatchRows {
    let history = &classified.classification;
    let unchanged: std::collections::HashSet<&str> =
        history.unchanged.iter().map(|(d, _)| &*d.key).collect();
    let mut keep = |origin: &load::reports::RowOrigin, document: &Option<u32>| {
        let Some(index) = *document else {
            rows.count(origin, RowFate::InBatch);
            return true;
        };
        let new = history.new[index as usize];
        let key = || (classified.documents.get_index(index as usize)).map(|(k, _)| &**k);
        let fate = if new {
            RowFate::InBatch
        } else if key().is_some_and(|key| unchanged.contains(key)) {
            RowFate::AlreadyExported
        } else if plan.adjust {
            // Changed: its difference is posted as an adjusting entry.
            RowFate::InBatch
        } else {
            RowFate::Refused
        };
        rows.count(origin, fate);
        new
    };
    let documents = &classified.document_rows;
    tables::BatchRows {
        sales: (inputs.sales.iter().zip(&documents.sales))
            .map(|(l, document)| keep(&l.origin, document))
            .collect(),
        payments: (inputs.payments.iter().zip(&documents.payments))
            .map(|(p, document)| keep(&p.origin, document))
            .collect(),
        payouts: (inputs.payouts.iter().zip(&documents.payouts))
            .map(|(r, document)| keep(&r.origin, document))
            .collect(),
    }
}

/// `--adjust`: each changed document's difference as an entry of its own;
/// the documents adjusted.
fn adjust_changed(
    plan: &RunPlan,
    classification: &Classification,
    entries: &mut Vec<JournalEntry>,
) -> Vec<(crate::history::DocumentPosting, PostedState)> {
    let config = &plan.config;
    let mut adjusted = Vec::new();
    for (doc, state) in &classification.changed {
        let lock = config.company.lock_before;
        entries.extend(classify::adjustment_entry(
            doc,
            state,
            lock,
            config.sage.lang,
        ));
        adjusted.push((doc.clone(), state.clone()));
    }
    adjusted
}

impl Batch {
    pub(super) fn into_report(
        self,
        plan: &RunPlan,
        started: chrono::DateTime<Local>,
        mut findings: Vec<Finding>,
        classification: Classification,
    ) -> RunReport {
        findings.extend(self.findings);
        findings.sort_by_key(|f| f.severity);
        // A configuration fix names the file the user edits.
        let config_file = plan
            .config_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        for finding in &mut findings {
            if let Fix::Config {
                file: file @ None, ..
            } = &mut finding.fix
            {
                file.clone_from(&config_file);
            }
        }
        RunReport {
            started,
            context: RunContext {
                company: plan.config.company_name.clone(),
                lang: plan.config.lang,
                granularity: plan.config.sage.granularity,
                config_path: plan.config_path.clone(),
                queries_origin: plan.queries.origin.clone(),
                query_names: plan.query_names(),
                chart: plan.config.company.chart.as_ref().map(|chart| ChartCheck {
                    file: chart
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    accounts: chart.accounts.len(),
                    unusable: findings
                        .iter()
                        .filter(|f| f.rule == conform::ACCOUNT_RULE)
                        .count(),
                }),
            },
            files: self.files,
            rows: self.rows,
            merged: self.merged,
            sales: self.sales,
            payments: self.payments,
            payouts: self.payouts,
            findings,
            entries: self.entries,
            first_date: self.first_date,
            last_date: self.last_date,
            sage_problems: Vec::new(),
            sage_file: None,
            workbook: None,
            missing_items_file: None,
            batch_id: None,
            history: classification,
            adjusted: self.adjusted,
            voided: self.voided,
            reconciliation: self.reconciliation,
            held: false,
            cash: self.cash,
        }
    }
}

/// The rows whose `keep` is true, in order (all of them, usually: nothing
/// is moved then).
fn kept<T>(rows: Vec<T>, keep: &[bool]) -> Vec<T> {
    if keep.iter().all(|k| *k) {
        return rows;
    }
    rows.into_iter()
        .zip(keep)
        .filter_map(|(row, keep)| keep.then_some(row))
        .collect()
}

/// First and last dates of what the batch posts.
fn batch_dates(
    entries: &[JournalEntry],
    labeler: &EntryLabeler,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let dates = || entries.iter().map(|e| e.date);
    let first = labeler.first_date.into_iter().chain(dates()).min();
    let last = labeler.last_date.into_iter().chain(dates()).max();
    (first, last)
}
