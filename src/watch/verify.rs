//! A General Ledger report of Sage 50 dropped in the inbox: told apart from
//! Plannit's exports by its header, verified against the client's history
//! (`plannit2sage verify`), and filed under `archive/<time>-verification/`
//! with its workbook and the summary (`VERIFICATION.txt`). No batch is made.

use std::path::{Path, PathBuf};

use super::batch::{append_log, base_log, file_name, move_files, stamp, BatchLog, BatchStatus};
use super::{Layout, WatchOptions};
use crate::config::Config;
use crate::i18n;
use crate::report::verification::LineKind;
use crate::run::verify::{verify, VerifyError, VerifyPlan, VerifyRequest};
use crate::sage::ledger::{is_ledger_report, LedgerOptions};
use crate::tr;

/// The ready files split into General Ledger reports and the others.
pub(super) fn split_ledger_reports(
    layout: &Layout,
    ready: &[PathBuf],
) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let options = match Config::load(&layout.config) {
        Ok(config) => LedgerOptions {
            limits: config.limits,
            aliases: config.aliases.sage_ledger,
            date_order: config.date_order,
        },
        Err(_) => LedgerOptions::default(),
    };
    ready
        .iter()
        .cloned()
        .partition(|path| is_ledger_report(path, &options))
}

/// Verifies the reports and files them with the result; the log's line.
pub(super) fn verify_ledgers(
    layout: &Layout,
    options: &WatchOptions,
    reports: &[PathBuf],
) -> BatchLog {
    i18n::set_lang(options.lang.unwrap_or_default());
    let target = (layout.archive).join(format!("{}-{}", stamp(), tr!("watch-verification-folder")));
    let mut log = base_log(layout, BatchStatus::VerificationFailed, reports);
    if let Err(e) = move_files(reports, &target) {
        log.status = BatchStatus::Waiting;
        log.errors
            .push(tr!("watch-files-busy", reason = e.to_string()));
        return log;
    }
    log.moved_to = Some(target.display().to_string());
    let moved: Vec<PathBuf> = reports.iter().map(|r| target.join(file_name(r))).collect();
    let request = VerifyRequest {
        files: moved,
        config: Some(layout.config.clone()),
        history: Some(layout.history.clone()),
        out_dir: Some(target.clone()),
    };
    let plan = VerifyPlan::resolve(&request);
    if let (
        Ok(VerifyPlan {
            config: Some(config),
            ..
        }),
        None,
    ) = (&plan, options.lang)
    {
        i18n::set_lang(config.lang);
    }
    let text = match plan.and_then(|plan| verify(&plan)) {
        Ok(report) => {
            log.status = BatchStatus::Verified;
            log.workbook = report.workbook.as_ref().map(|p| p.display().to_string());
            log.verification = Some(report.result_line());
            let lines = report.summary();
            log.errors = (lines.iter())
                .filter(|(kind, _)| matches!(kind, LineKind::Problem | LineKind::Detail))
                .map(|(_, line)| line.trim().to_string())
                .collect();
            lines.into_iter().map(|(_, line)| line).collect()
        }
        Err(e) => {
            log.errors = refusal_lines(&e);
            log.errors.clone()
        }
    };
    write_result(&target, &text);
    append_log(layout, &log);
    log
}

/// Why the verification could not be made, each problem of a report on its own line.
fn refusal_lines(error: &VerifyError) -> Vec<String> {
    let VerifyError::Ledgers(errors) = error else {
        return vec![error.to_string()];
    };
    let mut lines = Vec::new();
    for error in errors {
        lines.push(error.to_string());
        if let crate::sage::ledger::LedgerError::Problems { problems, .. } = error {
            for problem in problems {
                lines.push(format!("    {}", problem.text()));
                lines.push(format!("        {}", problem.fix()));
            }
        }
    }
    lines
}

/// `VERIFICATION.txt` beside the report: what the terminal would have shown.
fn write_result(folder: &Path, lines: &[String]) {
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    let _ = crate::output::write_atomically(&folder.join("VERIFICATION.txt"), |file| {
        std::io::Write::write_all(file, text.as_bytes())
    });
}
