//! `plannit2sage run`: runs the pipeline and reports what it read, what it
//! found and what it wrote.

use std::process::ExitCode;

use super::{money, EXIT_REJECTED, EXIT_SETUP};
use crate::diagnostics::Finding;
use crate::journal::{account_totals, grand_totals};
use crate::load::FileUse;
use crate::outcome::RunReport;
use crate::rows::RowAccount;
use crate::run::{run, RunPlan, RunRequest};

pub fn execute(request: RunRequest) -> ExitCode {
    let plan = match RunPlan::resolve(&request) {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_SETUP);
        }
    };
    println!(
        "plannit2sage {}: inbox {} (config {}, {}, granularity {})",
        env!("CARGO_PKG_VERSION"),
        plan.inbox.display(),
        plan.config_path.display(),
        plan.queries.origin,
        plan.config.sage.granularity.label()
    );
    let spinner = std::io::IsTerminal::is_terminal(&std::io::stderr()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_message("reading exports, running queries, writing outputs…");
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
            eprintln!("error: {e}");
            eprintln!("No Sage 50 file was written.");
            return ExitCode::from(EXIT_SETUP);
        }
    };
    print_files(&report);
    print_history(&report);
    // When nothing is new, warnings are about documents already exported.
    if !report.nothing_new() {
        print_findings(&report.findings);
    }
    for problem in &report.sage_problems {
        eprintln!("error [sage50_file] {problem}");
    }
    if plan.dry_run {
        return dry_run_summary(&report);
    }
    if let Some(workbook) = &report.workbook {
        println!("Reconciliation workbook: {}", workbook.display());
    }
    if report.errors() > 0 {
        eprintln!(
            "Rejected: {} error(s), {} warning(s). No Sage 50 file was written; fix the errors above and run again.",
            report.errors(),
            report.warnings()
        );
        if report.setup_errors() > 0 {
            return ExitCode::from(EXIT_SETUP);
        }
        return ExitCode::from(EXIT_REJECTED);
    }
    if report.nothing_new() {
        println!("Nothing new: every document in the inbox was already exported. No Sage 50 file was written.");
        return ExitCode::SUCCESS;
    }
    let Some(path) = &report.sage_file else {
        eprintln!("Nothing to post: the inbox holds no sales or payments with an amount. No Sage 50 file was written.");
        return ExitCode::from(EXIT_REJECTED);
    };
    print_summary(&report);
    println!("Sage 50 file: {}", path.display());
    if let Some(batch) = &report.batch_id {
        println!("Recorded in the export history as batch {batch}.");
    }
    if report.warnings() > 0 {
        println!(
            "{} warning(s) above: review them before importing.",
            report.warnings()
        );
    }
    println!("Import it in Sage 50: File > Import/Export > Import Transactions > General journal entries (back up first).");
    ExitCode::SUCCESS
}

/// "42 invoices already exported in batch 2026-10-07-1 — skipped", per type and batch.
fn print_history(report: &RunReport) {
    let mut skipped: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    for (doc, state) in &report.history.unchanged {
        *skipped
            .entry((state.last_batch.as_str(), doc.doc_type.as_str()))
            .or_default() += 1;
    }
    for ((batch, doc_type), count) in skipped {
        let plural = if count == 1 { "" } else { "s" };
        println!("  {count} {doc_type}{plural} already exported in batch {batch} — skipped");
    }
}

/// `--dry-run`: the journal with each line's query, the totals, and the status
/// the run would have had. Nothing was written.
fn dry_run_summary(report: &RunReport) -> ExitCode {
    println!("Journal (dry run):");
    for entry in &report.entries {
        println!(
            "  {}  \"{}\"  \"{}\"",
            entry.date, entry.source, entry.comment
        );
        for tax in &entry.taxes {
            println!(
                "      TAXD {} {} {}: taxable {}, tax {}",
                tax.account,
                tax.name,
                tax.code,
                money(tax.taxable),
                money(tax.tax)
            );
        }
        for line in &entry.lines {
            println!(
                "      {:<8} {:>15}   {}",
                line.account,
                money(line.amount),
                crate::report::query_names(&line.queries)
            );
        }
    }
    if !report.entries.is_empty() {
        print_summary(report);
    }
    let status = if report.errors() > 0 {
        format!(
            "the run would be rejected: {} error(s), {} warning(s)",
            report.errors(),
            report.warnings()
        )
    } else if report.nothing_new() {
        "nothing new: every document was already exported".to_string()
    } else {
        format!(
            "the Sage 50 file would be written ({} warning(s))",
            report.warnings()
        )
    };
    println!("Dry run: {status}. Nothing was written: no Sage 50 file, no workbook, nothing recorded in the history.");
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
                eprintln!("{finding}");
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
            "{} [{}]{file} {} rows; the first {GROUP_AFTER}:",
            first.severity.label(),
            first.rule,
            members.len(),
        );
        for finding in &members[..GROUP_AFTER] {
            eprintln!("    {finding}");
        }
        eprintln!(
            "    … and {} more: see the Exceptions sheet of the workbook",
            members.len() - GROUP_AFTER
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
                        .map(|s| format!(", sheet '{s}'"))
                        .unwrap_or_default();
                    println!(
                        "  used     {}: {} report{sheet}, {rows} rows{accounted}",
                        file.name,
                        kind.label()
                    );
                }
                FileUse::Identical { of } => {
                    println!("  copy     {}: identical to {of} — not read", file.name)
                }
                FileUse::Ignored { reason } => println!("  ignored  {}: {reason}", file.name),
                FileUse::Failed => println!("  FAILED   {}: see the errors below", file.name),
            }
        }
    }
    if report
        .files
        .iter()
        .all(|f| !f.uses.iter().any(|u| matches!(u, FileUse::Used { .. })))
    {
        println!("  (no Plannit sales or payments report found in the inbox)");
    }
}

/// `; 12 rows read: 8 posted, 2 duplicates merged, 2 skipped`, non-zero buckets only.
fn describe_rows(account: &RowAccount) -> String {
    let duplicates = if account.duplicates == 1 {
        "merged duplicate"
    } else {
        "merged duplicates"
    };
    let buckets: Vec<String> = [
        (account.posted, "posted"),
        (account.already_exported, "already exported"),
        (account.duplicates, duplicates),
        (account.skipped, "skipped"),
        (account.refused, "refused"),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, label)| format!("{count} {label}"))
    .collect();
    format!("; {} rows read: {}", account.read, buckets.join(", "))
}

fn print_summary(report: &RunReport) {
    let line_count: usize = report.entries.iter().map(|e| e.lines.len()).sum();
    let accounts = account_totals(&report.entries);
    let (debits, credits) = grand_totals(&accounts);
    println!(
        "{} sales lines, {} payments → {} entr{}, {} lines; debits {} = credits {}",
        report.sales.len(),
        report.payments.len(),
        report.entries.len(),
        if report.entries.len() == 1 {
            "y"
        } else {
            "ies"
        },
        line_count,
        money(debits),
        money(credits)
    );
    println!(
        "  {:<10} {:>15} {:>15} {:>15}",
        "account", "debits", "credits", "net"
    );
    for total in accounts {
        println!(
            "  {:<10} {:>15} {:>15} {:>15}",
            total.account,
            money(total.debits),
            money(total.credits),
            money(total.debits - total.credits)
        );
    }
}
