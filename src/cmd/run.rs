//! `plannit2sage run`: runs the pipeline and reports what it read, what it
//! found and what it wrote.

use std::process::ExitCode;

use super::{EXIT_REJECTED, EXIT_SETUP};
use crate::cmd::{console, folder};
use crate::config::Granularity;
use crate::diagnostics::Finding;
use crate::i18n;
use crate::load::row_accounts::RowAccount;
use crate::load::FileUse;
use crate::load::ReportKind;
use crate::money::for_person;
use crate::report::RunReport;
use crate::run::{run, RunPlan, RunRequest};
use crate::sage::entry::{account_totals, grand_totals};
use crate::{t, tr};

pub fn execute(mut request: RunRequest) -> ExitCode {
    if let Err(code) = from_drop_folder(&mut request) {
        return code;
    }
    let plan = match RunPlan::resolve(&request) {
        Ok(plan) => plan,
        Err(e) => {
            console::error(e);
            return ExitCode::from(EXIT_SETUP);
        }
    };
    i18n::set_lang(plan.config.lang);
    println!(
        "{}",
        tr!(
            "run-banner",
            version = env!("CARGO_PKG_VERSION"),
            inbox = plan.inbox.display().to_string(),
            config = plan.config_path.display().to_string(),
            queries = queries_origin(&plan.queries.origin),
            granularity = granularity_name(plan.config.sage.granularity)
        )
    );
    if let Some(basis) = basis_line(&plan.config.bases) {
        println!("{basis}");
    }
    let spinner = std::io::IsTerminal::is_terminal(&std::io::stderr()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_message(tr!("run-spinner"));
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
    });
    let outcome = run(&plan);
    if let Some(bar) = spinner {
        bar.finish_and_clear();
    }
    let report = match outcome {
        Ok(report) => report,
        Err(e) => {
            console::error(e);
            eprintln!("{}", tr!("run-not-written"));
            return ExitCode::from(EXIT_SETUP);
        }
    };
    print_outcome(&plan, &report)
}

/// A drop folder (or a folder in one) named to `--dry-run` is read with its
/// configuration and history. A drop folder is not run for real: `watch`
/// files its inputs and keeps its log.
fn from_drop_folder(request: &mut RunRequest) -> Result<(), ExitCode> {
    if !request.dry_run {
        if folder::is_drop_folder(&request.inbox) {
            console::error(tr!(
                "run-drop-folder",
                folder = request.inbox.display().to_string()
            ));
            return Err(ExitCode::from(EXIT_SETUP));
        }
        return Ok(());
    }
    let named = folder::resolve(&request.inbox, None).map_err(|e| {
        console::error(e);
        ExitCode::from(EXIT_SETUP)
    })?;
    request.config = named.config(request.config.take());
    request.history = named.history(request.history.take());
    request.inbox = named.inbox;
    Ok(())
}

/// What the run read, found and wrote, and the exit code that says it.
fn print_outcome(plan: &RunPlan, report: &RunReport) -> ExitCode {
    print_files(report);
    print_history(report);
    if !report.nothing_new() {
        print_findings(&report.findings);
    } else {
        let standing: Vec<Finding> = (report.standing_findings().into_iter()).cloned().collect();
        print_findings(&standing);
    }
    print_tie_outs(report);
    for problem in &report.sage_problems {
        console::error_line(tr!("run-sage-problem", problem = problem.to_string()));
    }
    if plan.dry_run {
        return dry_run_summary(report);
    }
    if let Some(workbook) = &report.workbook {
        println!(
            "{}",
            tr!("run-workbook", path = workbook.display().to_string())
        );
    }
    if let Some(missing) = &report.missing_items_file {
        println!(
            "{}",
            tr!("run-missing-items", path = missing.display().to_string())
        );
    }
    if report.errors() > 0 {
        console::error_line(tr!(
            "run-rejected",
            errors = t!("count-errors", count = report.errors()),
            warnings = t!("count-warnings", count = report.warnings())
        ));
        if report.setup_errors() > 0 {
            return ExitCode::from(EXIT_SETUP);
        }
        return ExitCode::from(EXIT_REJECTED);
    }
    if report.nothing_new() {
        println!("{}", tr!("run-nothing-new"));
        return ExitCode::SUCCESS;
    }
    if report.only_controls() {
        println!("{}", tr!("run-only-controls"));
        return ExitCode::SUCCESS;
    }
    if let (None, Some(batch), Some(book)) = (&report.sage_file, &report.batch_id, &report.cash) {
        // The cash basis: invoices not yet paid, recorded without a Sage file.
        let count = book.invoices.len();
        println!(
            "{}",
            tr!("cash-recorded-only", count = count, batch = batch)
        );
        return ExitCode::SUCCESS;
    }
    let Some(path) = &report.sage_file else {
        console::error_line(tr!("run-nothing-to-post"));
        return ExitCode::from(EXIT_REJECTED);
    };
    print_summary(report);
    println!(
        "{}",
        tr!("run-sage-file", path = path.display().to_string())
    );
    if let Some(batch) = &report.batch_id {
        println!("{}", tr!("run-recorded", batch = batch));
    }
    if report.warnings() > 0 {
        console::warning_line(tr!("run-review-warnings", count = report.warnings()));
    }
    println!("{}", tr!("run-import-hint"));
    ExitCode::SUCCESS
}

/// Each tie-out with Plannit's accounts-receivable report: how many
/// invoices were compared and what differs.
fn print_tie_outs(report: &RunReport) {
    let Some(figures) = &report.reconciliation.receivable else {
        return;
    };
    for tie_out in &figures.tie_outs {
        let line = tr!(
            "run-tie-out",
            file = &tie_out.file,
            date = tie_out.as_of.to_string(),
            invoices = tie_out.rows.len(),
            differences = tie_out.differences().count(),
            difference = crate::i18n::Arg::Amount(tie_out.total_difference())
        );
        if tie_out.differences().next().is_some() {
            console::warning_line(line);
        } else {
            println!("{line}");
        }
    }
}

/// "42 invoices already exported in batch 2026-10-07-1 — skipped", per type and batch.
fn print_history(report: &RunReport) {
    let mut skipped: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    for (doc, state) in &report.history.unchanged {
        *skipped
            .entry((state.last_batch.as_str(), doc.doc_type.as_ref()))
            .or_default() += 1;
    }
    for voided in &report.voided {
        println!("  {}", voided_line(voided));
    }
    for ((batch, doc_type), count) in skipped {
        println!(
            "  {}",
            tr!(
                "run-already-exported",
                count = count,
                kind = doc_type,
                batch = batch
            )
        );
    }
}

/// What became of an exported invoice voided in Plannit: reversed, written
/// off, or under the cash basis nothing to post, and why.
fn voided_line(voided: &crate::journal::voided::VoidedInvoice) -> String {
    let invoice = &*voided.doc.number;
    let batch = &voided.state.first_batch;
    if let Some(cash) = &voided.cash {
        let received = if cash.paid.is_zero() { "none" } else { "some" };
        return tr!(
            "run-voided-unrecognised",
            invoice = invoice,
            policy = voided.policy.as_ref(),
            unpaid = crate::i18n::Arg::Amount(cash.unpaid),
            received = received,
            paid = crate::i18n::Arg::Amount(cash.paid),
            batch = batch
        );
    }
    match &voided.bad_debt {
        None => tr!("run-voided-reversed", invoice = invoice, batch = batch),
        Some(debt) => tr!(
            "run-voided-written-off",
            invoice = invoice,
            unpaid = crate::i18n::Arg::Amount(debt.unpaid),
            recovered = crate::i18n::Arg::Amount(debt.recovered.iter().sum()),
            batch = batch
        ),
    }
}

/// `--dry-run`: the journal with each line's query, the totals, and the status
/// the run would have had. Nothing was written.
fn dry_run_summary(report: &RunReport) -> ExitCode {
    println!("{}", tr!("dry-run-journal"));
    for entry in &report.entries {
        println!(
            "  {}  \"{}\"  \"{}\"",
            entry.date, entry.source, entry.comment
        );
        for tax in &entry.taxes {
            println!(
                "      {}",
                tr!(
                    "dry-run-tax",
                    account = &tax.account,
                    name = &tax.name,
                    code = &tax.code,
                    taxable = for_person(tax.taxable),
                    tax = for_person(tax.tax)
                )
            );
        }
        for line in &entry.lines {
            println!(
                "      {:<8} {:>15}   {}",
                line.account,
                for_person(line.amount),
                crate::report::workbook::query_names(&line.queries)
            );
        }
    }
    if !report.entries.is_empty() {
        print_summary(report);
    }
    let warnings = t!("count-warnings", count = report.warnings());
    let status = if report.errors() > 0 {
        tr!(
            "dry-run-would-reject",
            errors = t!("count-errors", count = report.errors()),
            warnings = warnings
        )
    } else if report.nothing_new() {
        tr!("dry-run-nothing-new")
    } else {
        tr!("dry-run-would-write", warnings = warnings)
    };
    println!("{}", tr!("dry-run-done", status = status));
    if report.setup_errors() > 0 {
        ExitCode::from(EXIT_SETUP)
    } else if report.errors() > 0 {
        ExitCode::from(EXIT_REJECTED)
    } else {
        ExitCode::SUCCESS
    }
}

/// Findings in order; when more than three rows break one rule in one file,
/// the rule is said once with the count and the first three rows (the
/// workbook's Exceptions sheet lists them all).
fn print_findings(findings: &[Finding]) {
    let mut groups: Vec<(&Finding, Vec<&Finding>)> = Vec::new();
    for finding in findings {
        let same = |f: &Finding| {
            f.severity == finding.severity
                && f.rule == finding.rule
                && f.location.file == finding.location.file
        };
        match groups.iter_mut().find(|(first, _)| same(first)) {
            Some((_, members)) => members.push(finding),
            None => groups.push((finding, vec![finding])),
        }
    }
    for (first, members) in groups {
        if members.len() <= GROUP_AFTER {
            for finding in members {
                console::finding(finding, "");
            }
            continue;
        }
        let file = first
            .location
            .file
            .as_deref()
            .map(|f| format!(" {f}:"))
            .unwrap_or_default();
        eprintln!(
            "{}",
            tr!(
                "findings-grouped",
                severity = first.severity.label(),
                rule = &first.rule,
                file = file,
                count = members.len(),
                shown = GROUP_AFTER
            )
        );
        for finding in &members[..GROUP_AFTER] {
            console::finding(finding, "    ");
        }
        eprintln!(
            "    {}",
            tr!("findings-more", count = members.len() - GROUP_AFTER)
        );
    }
}

/// More findings than this for one rule and file are grouped.
const GROUP_AFTER: usize = 3;

fn print_files(report: &RunReport) {
    for file in &report.files {
        for file_use in &file.uses {
            match file_use {
                FileUse::Used {
                    kind, sheet, rows, ..
                } => {
                    let accounted = report
                        .rows
                        .of(&file.name, sheet)
                        .map(describe_rows)
                        .unwrap_or_default();
                    let sheet = sheet
                        .as_ref()
                        .map(|s| tr!("file-used-sheet", sheet = s))
                        .unwrap_or_default();
                    let line = tr!(
                        "file-used-line",
                        name = &file.name,
                        kind = report_kind_name(*kind),
                        sheet = sheet,
                        rows = *rows,
                        accounted = accounted
                    );
                    print_file_line(&tr!("file-used"), &line);
                }
                FileUse::Identical { of } => print_file_line(
                    &tr!("file-copy"),
                    &tr!("file-identical-line", name = &file.name, of = of),
                ),
                FileUse::Ignored { reason } => print_file_line(
                    &tr!("file-ignored"),
                    &tr!("file-ignored-line", name = &file.name, reason = reason),
                ),
                FileUse::Failed => print_file_line(
                    &tr!("file-failed"),
                    &tr!("file-failed-line", name = &file.name),
                ),
            }
        }
    }
    if report
        .files
        .iter()
        .all(|f| !f.uses.iter().any(|u| matches!(u, FileUse::Used { .. })))
    {
        println!("  {}", tr!("no-report-found"));
    }
}

/// `  used     ventes.csv: ...`, the status padded so the names line up.
fn print_file_line(status: &str, line: &str) {
    println!("  {status:<8} {line}");
}

fn report_kind_name(kind: ReportKind) -> String {
    match kind {
        ReportKind::Sales => tr!("report-kind-sales"),
        ReportKind::Payments => tr!("report-kind-payments"),
        ReportKind::Payouts => tr!("report-kind-payouts"),
        ReportKind::Receivable => tr!("report-kind-receivable"),
    }
}

fn granularity_name(granularity: Granularity) -> String {
    match granularity {
        Granularity::Period => tr!("granularity-period"),
        Granularity::Day => tr!("granularity-day"),
        Granularity::Document => tr!("granularity-document"),
    }
}

/// "built-in queries" in the run's language; a folder as its path.
fn queries_origin(origin: &str) -> String {
    if origin == crate::query::BUILT_IN_QUERIES {
        tr!("queries-built-in")
    } else {
        origin.to_string()
    }
}

/// `; 12 rows read: 8 posted, 2 duplicates merged, 2 skipped`, non-zero buckets only.
fn describe_rows(account: &RowAccount) -> String {
    let buckets: Vec<String> = [
        (account.posted, "rows-posted"),
        (account.already_exported, "rows-already-exported"),
        (account.duplicates, "rows-duplicates"),
        (account.skipped, "rows-skipped"),
        (account.voided, "rows-voided"),
        (account.control, "rows-control"),
        (account.refused, "rows-refused"),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, id)| i18n::format_message(i18n::lang(), id, &[("count", count.into())]))
    .collect();
    tr!(
        "rows-read",
        read = account.read,
        buckets = buckets.join(", ")
    )
}

fn print_summary(report: &RunReport) {
    let line_count: usize = report.entries.iter().map(|e| e.lines.len()).sum();
    let accounts = account_totals(&report.entries);
    let (debits, credits) = grand_totals(&accounts);
    println!(
        "{}",
        tr!(
            "summary-line",
            sales = report.sales.len(),
            payments = report.payments.len(),
            entries = report.entries.len(),
            lines = line_count,
            debits = for_person(debits),
            credits = for_person(credits)
        )
    );
    println!(
        "  {:<10} {:>15} {:>15} {:>15}",
        tr!("summary-account"),
        tr!("summary-debits"),
        tr!("summary-credits"),
        tr!("summary-net")
    );
    for total in accounts {
        println!(
            "  {:<10} {:>15} {:>15} {:>15}",
            total.account,
            for_person(total.debits),
            for_person(total.credits),
            for_person(total.debits - total.credits)
        );
    }
    if let Some(book) = &report.cash {
        let unpaid = book.ledger.unpaid();
        let remaining: rust_decimal::Decimal = unpaid.iter().map(|state| state.remaining()).sum();
        let summary = tr!(
            "cash-summary",
            recognised = i18n::Arg::Amount(book.recognised_total()),
            payments = book.recognitions.len(),
            unpaid = unpaid.len(),
            remaining = i18n::Arg::Amount(remaining)
        );
        println!("{summary}");
    }
}

/// The basis, when it is not the accrual basis throughout.
fn basis_line(bases: &crate::config::Bases) -> Option<String> {
    if bases.is_plain_accrual() {
        return None;
    }
    let from = bases.from.map_or("none".to_string(), |d| d.to_string());
    Some(tr!(
        "cash-banner",
        basis = bases.basis.as_ref(),
        from = from
    ))
}
