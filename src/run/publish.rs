//! The publish stage: the Sage 50 file, the reconciliation workbook and the
//! batch in the export history, all or nothing. Outputs are staged under
//! temporary names while the batch's rows go into the history's open
//! transaction; the commit is the point after which the batch is exported,
//! and the renames that follow are finished by the next run if this one stops.
//! A run that cannot post writes only its workbook, which says why.

use std::path::{Path, PathBuf};

use rayon::slice::ParallelSliceMut;
use sha2::{Digest, Sha256};

use super::error::{abort_point, RunError};
use crate::config::survey;
use crate::history::{BatchRecord, DocumentPosting, Locked, MissingUpdate, Posting};
use crate::journal::classify::{self, Documents};
use crate::output::{write_atomically, StagedFile};
use crate::query::views::ItemMapping;
use crate::report;
use crate::report::RunReport;
use crate::run::plan::RunPlan;
use crate::sage;
use crate::tr;

/// Writes what the run produced: nothing for a dry run or when nothing is
/// new; the workbook alone (and the items to map) when the batch cannot be
/// posted; otherwise the Sage file, the workbook and the batch in the history.
pub(super) fn publish(
    plan: &RunPlan,
    locked: Locked<'_>,
    mut report: RunReport,
    documents: Documents,
) -> Result<RunReport, RunError> {
    let mut sage_bytes = render_sage(plan, &mut report);
    // Under the cash basis, invoices issued and not yet paid post nothing:
    // a batch of them alone is recorded without a Sage file.
    let mut records_only = sage_bytes.is_none() && report.records_without_entries();
    if plan.hold_warnings && report.warnings() > 0 {
        // Held for a person to review: written as a batch that cannot post.
        report.held = sage_bytes.take().is_some() || std::mem::take(&mut records_only);
    }
    // The batch's rows are posted only if the Sage file is written below.
    report.rows.settle(sage_bytes.is_some() || records_only);
    if plan.dry_run {
        // Everything was computed and checked; nothing is written.
        return Ok(report);
    }
    if report.only_controls() {
        // Nothing to post; the tie-out is recorded and its workbook written.
        record_without_batch(locked, &report, &MissingUpdate::default())?;
        return write_control(plan, report);
    }
    if report.nothing_new() {
        // Nothing to post: no output; the tie-outs made and the documents
        // found missing are recorded.
        let missing = super::missing::update(&locked, &report.history, &documents)?;
        record_without_batch(locked, &report, &missing)?;
        return Ok(report);
    }
    if report.nothing_read() && report.entries.is_empty() {
        // Nothing was read: no output, nothing recorded.
        return Ok(report);
    }
    match sage_bytes {
        Some(sage_bytes) => post(plan, locked, report, documents, Some(&sage_bytes)),
        None if records_only => post(plan, locked, report, documents, None),
        None => {
            // A failed run: the workbook explains why; nothing is recorded.
            drop(locked);
            write_rejected(plan, report)
        }
    }
}

/// A batch that cannot be posted: its workbook, and the table of items to map.
fn write_rejected(plan: &RunPlan, mut report: RunReport) -> Result<RunReport, RunError> {
    let period = report.period_label();
    let mut workbook_path = plan.out_dir.join(format!("reconciliation-{period}.xlsx"));
    if plan.out_dir.join(format!("sage50-{period}.txt")).is_file() {
        // That name is an exported batch's workbook: it is kept.
        workbook_path = plan
            .out_dir
            .join(format!("reconciliation-{period}-refus.xlsx"));
    }
    write_atomically(&workbook_path, |file| {
        report::workbook::save_workbook(file, &report).map_err(std::io::Error::other)
    })
    .map_err(|source| RunError::Workbook {
        path: workbook_path.clone(),
        source,
    })?;
    report.workbook = Some(workbook_path);
    report.missing_items_file = write_missing_items(plan, &report)?;
    Ok(report)
}

/// A drop of accounts-receivable reports only: its workbook shows the
/// tie-out (`reconciliation-controle-<date>.xlsx`), and no batch is made.
fn write_control(plan: &RunPlan, mut report: RunReport) -> Result<RunReport, RunError> {
    let as_of = (report.reconciliation.receivable.iter())
        .flat_map(|figures| figures.tie_outs.iter().map(|t| t.as_of))
        .max();
    let label = as_of.map_or_else(|| report.period_label(), |date| date.to_string());
    let name = format!(
        "reconciliation-{}-{label}.xlsx",
        tr!("watch-control-folder")
    );
    let workbook_path = plan.out_dir.join(name);
    write_atomically(&workbook_path, |file| {
        report::workbook::save_workbook(file, &report).map_err(std::io::Error::other)
    })
    .map_err(|source| RunError::Workbook {
        path: workbook_path.clone(),
        source,
    })?;
    report.workbook = Some(workbook_path);
    Ok(report)
}

/// Posts the batch: the Sage file and the workbook staged under temporary
/// names, the batch recorded in the history, then the files renamed. A
/// batch without a Sage file (`sage_bytes` none: under the cash basis,
/// invoices not yet paid) stages and renames its workbook alone.
fn post(
    plan: &RunPlan,
    locked: Locked<'_>,
    mut report: RunReport,
    documents: Documents,
    sage_bytes: Option<&[u8]>,
) -> Result<RunReport, RunError> {
    let batch_id = locked.next_batch_id(report.started.date_naive())?;
    let (sage_path, workbook_path) = output_paths(plan, &report.period_label(), &batch_id);
    report.batch_id = Some(batch_id.clone());
    report.sage_file = sage_bytes.map(|_| sage_path.clone());
    report.workbook = Some(workbook_path.clone());
    let mut sage_file = match sage_bytes {
        Some(_) => {
            Some(StagedFile::create(&sage_path, &batch_id).map_err(write_error(&sage_path))?)
        }
        None => None,
    };
    let mut workbook =
        StagedFile::create(&workbook_path, &batch_id).map_err(write_error(&workbook_path))?;
    abort_point("outputs_staged");
    let discard = |sage_file: Option<StagedFile>, workbook: StagedFile| {
        if let Some(sage_file) = sage_file {
            sage_file.discard();
        }
        workbook.discard();
    };
    if let (Some(file), Some(bytes)) = (sage_file.as_mut(), sage_bytes) {
        if let Err(e) = file.write_all(bytes) {
            discard(sage_file, workbook);
            return Err(write_error(&sage_path)(e));
        }
    }
    crate::run::timings::mark("sage file rendered");
    let mut renames = Vec::new();
    if let Some(file) = &sage_file {
        renames.push((file.temp_path().into(), sage_path));
    }
    renames.push((workbook.temp_path().into(), workbook_path));
    let missing = super::missing::update(&locked, &report.history, &documents)?;
    let record = batch_record(&report, plan, documents, &batch_id, sage_bytes, renames);
    if let Err(e) = write_and_record(locked, &report, record, &missing, &mut workbook) {
        discard(sage_file, workbook);
        return Err(e);
    }
    abort_point("history_committed");
    crate::run::timings::mark("history recorded");
    let workbook_dest = workbook.dest_path().to_path_buf();
    workbook.persist().map_err(write_error(&workbook_dest))?;
    if let Some(sage_file) = sage_file {
        let sage_dest = sage_file.dest_path().to_path_buf();
        sage_file.persist().map_err(write_error(&sage_dest))?;
    }
    Ok(report)
}

/// A run that posts nothing records its tie-outs with Plannit's
/// accounts-receivable reports and what it found of missing documents.
fn record_without_batch(
    locked: Locked<'_>,
    report: &RunReport,
    missing: &MissingUpdate,
) -> Result<(), RunError> {
    let records = report.tie_out_records(None);
    if records.is_empty() && *missing == MissingUpdate::default() {
        return Ok(());
    }
    for record in &records {
        locked.record_tie_out(record)?;
    }
    locked.record_missing(missing)?;
    locked.commit().map_err(RunError::from)
}

/// `sage50-<period>.txt` and `reconciliation-<period>.xlsx` in the output
/// folder; when another batch covered the same dates, its files are kept
/// and these names take the batch's id.
fn output_paths(plan: &RunPlan, period: &str, batch_id: &str) -> (PathBuf, PathBuf) {
    let sage_path = plan.out_dir.join(format!("sage50-{period}.txt"));
    let workbook_path = plan.out_dir.join(format!("reconciliation-{period}.xlsx"));
    if sage_path.exists() || workbook_path.exists() {
        return (
            plan.out_dir.join(format!("sage50-{period}-{batch_id}.txt")),
            (plan.out_dir).join(format!("reconciliation-{period}-{batch_id}.xlsx")),
        );
    }
    (sage_path, workbook_path)
}

/// The workbook is written while the batch's rows (and what it found of
/// missing documents) go into the (uncommitted) history transaction; the
/// commit waits for both.
fn write_and_record(
    locked: Locked<'_>,
    report: &RunReport,
    record: BatchRecord,
    missing: &MissingUpdate,
    workbook: &mut StagedFile,
) -> Result<(), RunError> {
    let workbook_path = workbook.dest_path().to_path_buf();
    // The writer's thread renders the run's messages: in the run's language.
    let lang = crate::i18n::lang();
    let started = std::time::Instant::now();
    let (written, inserted) = std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            crate::i18n::set_lang(lang);
            let written = report::workbook::save_workbook(workbook.file(), report);
            crate::run::timings::span("(workbook written)", started);
            written
        });
        let names = super::foreign::names_of(&report.sales, &report.payments);
        let inserted = locked
            .insert(&record, &report.entries)
            .and_then(|()| locked.insert_names(&record.id, &names))
            .and_then(|()| locked.record_missing(missing))
            .and_then(|()| {
                let tie_outs = report.tie_out_records(Some(&record.id));
                tie_outs.iter().try_for_each(|t| locked.record_tie_out(t))
            })
            .and_then(|()| match &report.cash {
                // Under the cash basis: the basis, the invoices' lines, the shares.
                Some(book) => locked.insert_cash(&record.id, &book.record()),
                None => Ok(()),
            });
        crate::run::timings::span("(history rows inserted)", started);
        // Freed while the workbook is finished.
        drop(record);
        let written = writer
            .join()
            .unwrap_or_else(|_| {
                Err(rust_xlsxwriter::XlsxError::ParameterError(tr!(
                    "setup-workbook-writer-stopped"
                )))
            })
            .map_err(|e| RunError::Workbook {
                path: workbook_path,
                source: std::io::Error::other(e),
            });
        (written, inserted)
    });
    written
        .and(inserted.map_err(RunError::from))
        .and_then(|()| {
            crate::run::timings::mark("workbook and history rows");
            abort_point("outputs_written");
            locked.commit().map_err(RunError::from)
        })
}

/// The catalogue items a rejected run could not map, as a table to complete
/// (`produits-a-associer.csv` beside the workbook), in the mapping table's format.
fn write_missing_items(plan: &RunPlan, report: &RunReport) -> Result<Option<PathBuf>, RunError> {
    if report
        .findings
        .iter()
        .any(|f| f.rule == super::FOREIGN_EXPORT)
    {
        // Another company's catalogue is not to be mapped.
        return Ok(None);
    }
    let unmapped = (report.reconciliation.products.iter())
        .filter(|p| p.mapping == ItemMapping::Unmapped)
        .map(|p| (p.item.as_str(), p.lines, p.amount));
    let items = survey::items_to_map(unmapped);
    if items.is_empty() {
        return Ok(None);
    }
    let path = plan.out_dir.join(survey::MISSING_ITEMS_FILE);
    let table = survey::mapping_table(&items, plan.config.lang);
    write_atomically(&path, |file| std::io::Write::write_all(file, &table))
        .map_err(write_error(&path))?;
    Ok(Some(path))
}

fn write_error(path: &Path) -> impl Fn(std::io::Error) -> RunError + '_ {
    move |source| RunError::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// The Sage file's bytes when the batch is importable; otherwise none, and
/// the writer's own problems (if any) go into the report.
fn render_sage(plan: &RunPlan, report: &mut RunReport) -> Option<Vec<u8>> {
    if !report.importable() {
        return None;
    }
    match sage::render(&report.entries, &plan.config.sage) {
        Ok(bytes) => Some(bytes),
        Err(problems) => {
            report.sage_problems = problems;
            None
        }
    }
}

fn batch_record(
    report: &RunReport,
    plan: &RunPlan,
    documents: Documents,
    batch_id: &str,
    sage_bytes: Option<&[u8]>,
    pending_renames: Vec<(PathBuf, PathBuf)>,
) -> BatchRecord {
    // One pass over the documents (removing each new one by key costs a
    // lookup and a swap in the map per document).
    let new = &report.history.new;
    let mut posted: Vec<(DocumentPosting, Posting)> = (documents.into_values().zip(new))
        .filter_map(|(doc, new)| new.then_some((doc, Posting::Original)))
        .collect();
    // In key order: SQLite inserts into its primary-key index much faster so.
    posted.par_sort_unstable_by(|a, b| a.0.key.cmp(&b.0.key));
    for (doc, state) in &report.adjusted {
        let delta = classify::difference(doc, state);
        let posting = if delta.is_empty() {
            Posting::DateChange
        } else {
            Posting::Adjustment
        };
        posted.push((
            DocumentPosting {
                amounts: delta,
                ..doc.clone()
            },
            posting,
        ));
    }
    // A voided invoice's reversal or write-off: what it posts now.
    for voided in &report.voided {
        posted.push((voided.doc.clone(), Posting::Adjustment));
    }
    let voided = (report.voided.iter())
        .map(|v| (v.doc.key.to_string(), v.policy.as_ref().to_string()))
        .collect();
    BatchRecord {
        id: batch_id.to_string(),
        granularity: plan.config.sage.granularity.as_ref().to_string(),
        first_date: report.first_date,
        last_date: report.last_date,
        sage_file: report.sage_file.as_ref().map(|p| p.display().to_string()),
        sage_sha256: sage_bytes.map(|bytes| format!("{:x}", Sha256::digest(bytes))),
        workbook: report.workbook.as_ref().map(|p| p.display().to_string()),
        inputs: report
            .files
            .iter()
            .filter(|f| !f.sha256.is_empty())
            .map(|f| (f.name.clone(), f.sha256.clone(), f.size))
            .collect(),
        documents: posted,
        voided,
        pending_renames,
    }
}
