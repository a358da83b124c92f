//! `plannit2sage verify FILE… [--config F | --history H] [--out DIR]`: reads
//! Sage 50's General Ledger reports and says, batch by batch, whether each
//! landed exactly once, then lists what was posted to the tool's accounts
//! outside it. Exit 0 when everything stands, 1 when something does not, 2
//! when the setup or a report cannot be read.

use std::process::ExitCode;

use super::{follow_config_lang, EXIT_REJECTED, EXIT_SETUP};
use crate::cmd::console;
use crate::report::verification::LineKind;
use crate::run::verify::{verify, VerifyError, VerifyPlan, VerifyRequest};
use crate::sage::ledger::LedgerError;
use crate::tr;

/// Ledger problems listed per report; the rest are counted.
const PROBLEMS_SHOWN: usize = 20;

pub fn execute(request: VerifyRequest) -> ExitCode {
    let plan = match VerifyPlan::resolve(&request) {
        Ok(plan) => plan,
        Err(e) => {
            console::error(e);
            return ExitCode::from(EXIT_SETUP);
        }
    };
    if let Some(config) = &plan.config {
        follow_config_lang(config.lang);
    }
    let report = match verify(&plan) {
        Ok(report) => report,
        Err(VerifyError::Ledgers(errors)) => {
            errors.iter().for_each(ledger_error);
            return ExitCode::from(EXIT_SETUP);
        }
        Err(e) => {
            console::error(e);
            return ExitCode::from(EXIT_SETUP);
        }
    };
    for (kind, line) in report.summary() {
        match kind {
            LineKind::Problem => console::warning_line(line),
            LineKind::Note => console::note(line),
            LineKind::Plain | LineKind::Detail | LineKind::Todo => println!("{line}"),
        }
    }
    if let Some(workbook) = &report.workbook {
        println!(
            "{}",
            tr!("verify-workbook", path = workbook.display().to_string())
        );
    }
    if report.verification.dates().is_some() {
        let history = report.history_path.display().to_string();
        println!("{}", tr!("verify-recorded", history = history));
    }
    if report.verification.all_right() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_REJECTED)
    }
}

/// A report that cannot be read, and each of its problems with where to fix it.
fn ledger_error(error: &LedgerError) {
    console::error(error);
    let LedgerError::Problems { problems, .. } = error else {
        return;
    };
    for problem in problems.iter().take(PROBLEMS_SHOWN) {
        eprintln!("    {}", problem.text());
        eprintln!("        {}", problem.fix());
    }
    if problems.len() > PROBLEMS_SHOWN {
        let more = problems.len() - PROBLEMS_SHOWN;
        eprintln!("    {}", tr!("verify-problems-more", count = more));
    }
}
