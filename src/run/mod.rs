//! The `run` pipeline, as named stages (the README's "How the journal is
//! made"): read what the history knows, **load** the inbox, **merge** the
//! files that hold the same documents, **check** every
//! row and learn what each document posts, **classify** the documents against
//! the history, make the **journal** of the new ones, then **publish**: the
//! reconciliation workbook always, and — only when nothing is wrong — the Sage
//! 50 file and the batch in the history. Problems with the data are findings
//! in the report; an `Err` is a problem with the setup or with writing.
//!
//! `verify` compares Sage 50's general ledger with the history afterwards.

mod batch;
mod error;
mod foreign;
mod missing;
pub mod plan;
mod publish;
mod receivable;
pub mod timings;
pub mod verify;
pub mod void;
mod voided;
pub(crate) mod workbench;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::Local;

use crate::diagnostics::{error_count, Finding, Fix, Location};
use crate::history::{CashHistory, History, HistoryTables, KnownNames, Locked, PostedState};
use crate::journal::cash::{self, CashBook, CashInputs};
use crate::journal::classify::{self, Classification, Documents};
use crate::journal::conform;
use crate::journal::document_lines::DocumentLines;
use crate::journal::labels::{entry_columns, DocumentRows, EntryLabeler};
use crate::load::merge::{self, MergedRow};
use crate::load::reports::SalesLine;
use crate::load::row_accounts::RowAccounts;
use crate::load::{self, LoadedInputs};
use crate::query::tables;
use crate::query::views::PostingAccounts;
use crate::query::{self, QueryError, SqlTables};
use crate::report::RunReport;
use crate::t;

pub use crate::run::foreign::FOREIGN_EXPORT;
pub use crate::run::plan::{PlanError, RunPlan, RunRequest};
use error::abort_point;
pub use error::RunError;

/// Runs the pipeline: each stage takes what the one before produced.
pub fn run(plan: &RunPlan) -> Result<RunReport, RunError> {
    let started = Local::now();
    query::warm_up();
    let mut history = if plan.dry_run {
        History::snapshot(&plan.history_path)?
    } else {
        History::open(&plan.history_path, plan.history_wait)?
    };
    // Held until the batch is recorded: a concurrent run waits here.
    let locked = history.lock()?;
    let known = read_history(plan, &locked)?;
    abort_point("locked");
    crate::run::timings::mark("history read");

    let Loaded {
        mut inputs,
        merged,
        rows,
        voided,
    } = load(plan)?;
    crate::run::timings::mark("inputs loaded");
    let checked = check(plan, &mut inputs, &known)?;
    let mut classified = classify(plan, checked, &known, &voided);
    voided::sort_into(&mut classified, &voided, &known.posted);
    if let Some(names) = &known.names {
        let findings = &mut classified.findings;
        let classification = &classified.classification;
        foreign::refuse_foreign(&plan.config, names, &inputs.sales, classification, findings);
    }
    crate::run::timings::mark("history compared");
    let batch = batch::journal(plan, inputs, &mut classified, &known, rows, merged)?;
    crate::run::timings::mark("journal entries");

    let Classified {
        findings,
        documents,
        classification,
        ..
    } = classified;
    let report = batch.into_report(plan, started, findings, classification);
    let report = publish::publish(plan, locked, report, documents)?;
    if let Some(batch_id) = &report.batch_id {
        // The lock is released: the files are in place, the batch is done.
        Locked::renames_done(&mut history, batch_id)?;
        abort_point("renamed");
    }
    Ok(report)
}

/// What the history knows, read under the run's lock.
struct Known {
    tables: HistoryTables,
    posted: BTreeMap<String, PostedState>,
    /// What the batches that stand named, when a foreign drop is refused.
    names: Option<KnownNames>,
    /// Documents found missing by earlier runs, and those acknowledged gone.
    missing: missing::KnownMissing,
    /// The cash basis's invoices and recognitions, and each batch's basis.
    cash: CashHistory,
}

/// Stage 0: finish what a stopped run left (renames of a committed batch,
/// temporary files of an uncommitted one), then read the history.
fn read_history(plan: &RunPlan, locked: &Locked) -> Result<Known, RunError> {
    if !plan.dry_run {
        locked.recover()?;
        crate::output::remove_stale_temporaries(&plan.out_dir);
    }
    Ok(Known {
        tables: locked.tables()?,
        posted: locked.posted_states()?,
        names: (plan.refuse_foreign)
            .then(|| locked.known_names())
            .transpose()?,
        missing: missing::read(locked)?,
        cash: locked.cash_history()?,
    })
}

/// The inbox's rows as the checks and the journal see them, the rows merged
/// away, and where every row read stands so far.
pub(crate) struct Loaded {
    pub inputs: LoadedInputs,
    pub merged: Vec<MergedRow>,
    pub rows: RowAccounts,
    /// Rows of invoices voided in Plannit, set aside from the sales.
    pub voided: Vec<SalesLine>,
}

/// Stage 1: every report in the inbox, typed; files holding the same
/// documents merged; applied deposits that post nothing set aside. The
/// analyst's `sql` and `tables` see the rows this gives.
pub(crate) fn load(plan: &RunPlan) -> Result<Loaded, RunError> {
    let mut skip = vec![plan.config_path.clone(), plan.history_path.clone()];
    skip.extend(plan.config.named_files.iter().cloned());
    let mut inputs = load::load_inbox(&plan.inbox, &plan.config.load_options(), &skip)?;
    let merged = merge::merge_overlapping(&mut inputs);
    let mut rows = RowAccounts::from_files(&inputs.files);
    rows.add_duplicates(&merged);
    set_aside_applied_deposits(plan, &mut inputs, &mut rows);
    let voided = voided::set_aside(&mut inputs, &mut rows);
    Ok(Loaded {
        inputs,
        merged,
        rows,
        voided,
    })
}

/// Without `[accounts] customer_deposits`, a deposit was credited to the
/// receivable when received, so applying it to an invoice posts nothing: those
/// rows are counted as skipped, with a warning saying why.
fn set_aside_applied_deposits(plan: &RunPlan, inputs: &mut LoadedInputs, rows: &mut RowAccounts) {
    if plan.config.accounts.customer_deposits.is_some() {
        return;
    }
    let applied = |p: &load::reports::Payment| p.kind == load::reports::PaymentKind::DepositApplied;
    let set_aside: Vec<_> = inputs.payments.iter().filter(|p| applied(p)).collect();
    let Some(first) = set_aside.first() else {
        return;
    };
    for payment in &set_aside {
        rows.skip(&payment.origin);
    }
    inputs.findings.push(
        Finding::warning(
            "deposit_applied_not_posted",
            t!("setup-deposit-applied-not-posted", count = set_aside.len()),
            Location {
                file: Some(first.origin.file().to_string()),
                sheet: first.origin.sheet().as_deref().map(str::to_string),
                row: Some(first.origin.row),
                ..Location::default()
            },
        )
        .fixed_in(Fix::config("[accounts] customer_deposits")),
    );
    inputs.payments.retain(|p| !applied(p));
}

/// What the checks found, and what each document of the inbox posts.
struct Checked {
    findings: Vec<Finding>,
    documents: Documents,
    /// Each row's document, by its index in `documents`.
    document_rows: Arc<DocumentRows>,
    for_batch: ForBatch,
    /// Under the cash basis, what the documents recognised.
    cash: Option<CashBook>,
}

/// What the check stage leaves for the batch's journal.
struct ForBatch {
    /// Each line the per-document pass gave a document, when the batch's
    /// entries can be added up from them.
    lines: Option<DocumentLines>,
    /// The tables every row was checked with: the batch's journal queries
    /// run over them when its entries cannot be added up from the lines.
    tables: Vec<(&'static str, polars::prelude::DataFrame)>,
    /// The accounts the views give catalogue items and payment methods.
    posting_accounts: PostingAccounts,
}

/// Stage 2: the checks over every row, and the journal with one entry per
/// document, which tells what each document posts (the history compares that).
fn check(plan: &RunPlan, inputs: &mut LoadedInputs, known: &Known) -> Result<Checked, RunError> {
    // The documents are found while the tables' columns are built; the
    // entry columns, which name each row's document, come after.
    let ((mut documents, document_rows), frames) = rayon::join(
        || classify::documents_of(&inputs.sales, &inputs.payments, &inputs.payouts),
        || {
            tables::all_tables(
                &plan.config,
                &inputs.sales,
                &inputs.payments,
                &inputs.payouts,
                &known.tables,
            )
        },
    );
    let document_rows = Arc::new(document_rows);
    let by_document = EntryLabeler::by_document(
        &inputs.sales,
        &inputs.payments,
        &inputs.payouts,
        Arc::clone(&document_rows),
    );
    let labels = entry_columns(
        &inputs.sales,
        &inputs.payments,
        &inputs.payouts,
        &by_document,
    );
    let frames =
        tables::with_labels(frames.map_err(QueryError::from)?, labels).map_err(QueryError::from)?;
    let tables = SqlTables::new(frames.clone(), &plan.queries.views)?;
    crate::run::timings::mark("tables built");
    let both_started = std::time::Instant::now();
    let mut findings = std::mem::take(&mut inputs.findings);
    let mut pass = classify::DocumentPass::new(&documents);
    // The checks read the same tables as the journal and write nothing it
    // reads: they run on a second core meanwhile (each query's planning is
    // single-threaded, most of a small inbox's time).
    let (check_findings, unusable) = std::thread::scope(|scope| {
        let checks = scope.spawn(|| {
            let found = query::run_checks(&tables, &plan.queries.checks, &inputs.headers);
            crate::run::timings::span("(checks run)", both_started);
            found
        });
        let unusable = query::run_journal_each(&tables, &plan.queries.journal, &mut pass);
        crate::run::timings::span("(per-document journal)", both_started);
        let found = checks
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (found, unusable)
    });
    let mut lines = pass.lines;
    classify::finish(&mut documents, &mut lines);
    findings.extend(check_findings?);
    let cash = cash_basis(plan, inputs, known, &document_rows, &mut documents, &lines);
    if let Some(book) = &cash.0 {
        cash::drop_known_invoices(&mut findings, &book.ledger, &cash.1);
    }
    findings.extend(cash.1);
    let unusable = unusable?;
    let undated_rows = [
        &document_rows.sales,
        &document_rows.payments,
        &document_rows.payouts,
    ]
    .into_iter()
    .any(|rows| rows.contains(&None));
    if !unusable.is_empty() || undated_rows {
        // Their rows' entries are labelled otherwise in the batch.
        lines.set_unfit();
    }
    let document_lines = lines.fit();
    let posting_accounts = PostingAccounts::read(&tables)?;
    drop(tables);
    crate::run::timings::mark("checks and per-document journal");
    // Lines without account or date follow from an error already reported
    // (unmapped item, undated invoice); they are news only when nothing else is.
    if error_count(&findings) == 0 {
        findings.extend(unusable);
    }
    Ok(Checked {
        findings,
        documents,
        document_rows,
        for_batch: ForBatch {
            lines: document_lines,
            tables: frames,
            posting_accounts,
        },
        cash: cash.0,
    })
}

/// The cash basis (`journal::cash`): a change of basis the history refuses
/// and, unless every document is under the accrual basis, what each one
/// posts under the basis in force at its date.
fn cash_basis(
    plan: &RunPlan,
    inputs: &LoadedInputs,
    known: &Known,
    document_rows: &DocumentRows,
    documents: &mut Documents,
    lines: &DocumentLines,
) -> (Option<CashBook>, Vec<crate::diagnostics::Finding>) {
    let mut findings = cash::basis_findings(&plan.config.bases, &known.cash.batches);
    if !cash::applies(&plan.config, &known.cash) {
        return (None, findings);
    }
    let cash_inputs = CashInputs {
        config: &plan.config,
        adjust: plan.adjust,
        sales: &inputs.sales,
        payments: &inputs.payments,
        document_rows,
        posted: &known.posted,
        history: &known.cash,
        opening: &known.tables.opening.items,
        headers: &inputs.headers,
    };
    let mut book = cash::recognise(&cash_inputs, documents, lines);
    findings.append(&mut book.findings);
    (Some(book), findings)
}

/// The documents sorted by what the history says of them.
struct Classified {
    findings: Vec<Finding>,
    documents: Documents,
    document_rows: Arc<DocumentRows>,
    classification: Classification,
    for_batch: ForBatch,
    /// The voided invoices of the drop against the history.
    voided: voided::SortedVoided,
    cash: Option<CashBook>,
}

/// Stage 3: new, unchanged (skipped), changed (refused, or adjusted with
/// `--adjust`) or disappeared, against the history. The drop's voided
/// invoices have not disappeared.
fn classify(plan: &RunPlan, checked: Checked, known: &Known, voided: &[SalesLine]) -> Classified {
    let Checked {
        mut findings,
        documents,
        document_rows,
        for_batch,
        mut cash,
    } = checked;
    let mut classification = classify::classify(&documents, &known.posted);
    let voided_keys = voided.iter().map(SalesLine::document_key).collect();
    classification.leave_out(voided_keys, &known.missing.acknowledged);
    if let Some(book) = &mut cash {
        book.keep_posted(&classification, plan.adjust);
    }
    for (doc, state) in &classification.changed {
        let change = classify::describe_change(doc, state);
        let location = Location {
            document: Some(doc.number.to_string()),
            ..Default::default()
        };
        // The document changed in Plannit: the fix, if any, is there.
        if plan.adjust {
            findings.push(Finding::warning(
                "document_adjusted",
                t!(
                    "setup-document-adjusted",
                    kind = doc.doc_type.as_ref(),
                    number = &doc.number,
                    batch = &state.last_batch,
                    change = change
                ),
                location,
            ));
        } else {
            findings.push(
                Finding::error(
                    "document_changed",
                    t!(
                        "setup-document-changed",
                        kind = doc.doc_type.as_ref(),
                        number = &doc.number,
                        batch = &state.last_batch,
                        change = change
                    ),
                    location,
                )
                .fixed_in(Fix::History {
                    batch: state.last_batch.clone(),
                }),
            );
        }
    }
    findings.extend(missing::findings(
        plan,
        &classification,
        &documents,
        &known.missing,
    ));
    // Documents about to be posted on a date Sage refuses (under the cash
    // basis, an invoice posts nothing).
    let to_post = (classification.new_documents(&documents)).filter(|doc| {
        cash.as_ref()
            .is_none_or(|book| !book.posts_nothing(&doc.key))
    });
    findings.extend(conform::date_findings(&plan.config, to_post));
    Classified {
        findings,
        document_rows,
        documents,
        classification,
        for_batch,
        voided: voided::SortedVoided::default(),
        cash,
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{format_message, Arg, Lang};

    #[test]
    fn document_messages_name_the_type_in_each_language() {
        let args = |kind: &str| {
            vec![
                ("kind", Arg::from(kind)),
                ("number", Arg::from("F-1001")),
                ("batch", Arg::from("2026-10-07-1")),
                ("change", Arg::from("4001: -100.00 → -120.00")),
            ]
        };
        assert_eq!(
            format_message(Lang::En, "setup-document-changed", &args("invoice")),
            "invoice F-1001 was exported in batch 2026-10-07-1 and has changed since (4001: -100.00 → -120.00): run with --adjust to post the difference, or void that batch if it was never imported"
        );
        assert_eq!(
            format_message(Lang::Fr, "setup-document-changed", &args("invoice")),
            "facture F-1001 a été exportée dans le lot 2026-10-07-1 et a changé depuis (4001: -100.00 → -120.00) : relancez avec --adjust pour passer la différence, ou annulez ce lot s'il n'a jamais été importé"
        );
        assert!(format_message(
            Lang::Fr,
            "setup-document-adjusted",
            &args("deposit_applied")
        )
        .starts_with("dépôt appliqué F-1001 a changé depuis le lot 2026-10-07-1"));
    }
}
