//! `plannit2sage check FILE`: reads a Sage 50 General Journal import file with
//! the whole documented grammar, lists what Sage would refuse (exit 1) apart
//! from notes (undocumented or stricter than needed; exit 0), and prints each
//! entry's totals. With a configuration, the company's chart, linked accounts,
//! dates and field limits are checked too.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{follow_config_lang, EXIT_REJECTED, EXIT_SETUP};
use crate::cmd::console;
use crate::config::{Config, CONFIG_FILE_NAME};
use crate::money::for_person;
use crate::sage::{self, CheckRules, SageProblem};
use crate::{t, tr};

pub fn execute(file: &Path, config: Option<PathBuf>) -> ExitCode {
    let rules = match rules(config) {
        Ok(rules) => rules,
        Err(e) => {
            console::error(e);
            return ExitCode::from(EXIT_SETUP);
        }
    };
    let name = file.display().to_string();
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            console::error(t!(
                "tools-check-cannot-read",
                file = name.as_str(),
                reason = crate::i18n::path_reason(&e, file)
            ));
            return ExitCode::from(EXIT_SETUP);
        }
    };
    let checked = sage::check(&bytes, &rules);
    println!(
        "{}",
        tr!(
            "tools-check-entries",
            file = name.as_str(),
            count = checked.entries.len()
        )
    );
    for entry in &checked.entries {
        let taxes = if entry.taxes.is_empty() {
            String::new()
        } else {
            format!(
                "  {}",
                tr!("tools-check-entry-taxes", count = entry.taxes.len())
            )
        };
        println!(
            "  {}{taxes}",
            tr!(
                "tools-check-entry",
                line = format!("{:>4}", entry.line),
                date = entry.date.to_string(),
                source = format!("{:<13}", entry.source),
                comment = format!("{:<40}", format!("\"{}\"", entry.comment)),
                lines = format!("{:>2}", entry.lines.len()),
                count = entry.lines.len(),
                debits = format!("{:>14}", for_person(entry.debits())),
                credits = format!("{:>14}", for_person(entry.credits()))
            )
        );
    }
    for note in &checked.notes {
        console::note(problem_line(&name, note));
    }
    if !checked.refusals.is_empty() {
        for problem in &checked.refusals {
            console::error_line(problem_line(&name, problem));
        }
        console::error_line(tr!("tools-check-refused", count = checked.refusals.len()));
        return ExitCode::from(EXIT_REJECTED);
    }
    let debits = checked.entries.iter().map(|e| e.debits()).sum();
    let credits = checked.entries.iter().map(|e| e.credits()).sum();
    println!(
        "{}",
        tr!(
            "tools-check-ok",
            debits = for_person(debits),
            credits = for_person(credits)
        )
    );
    if !checked.notes.is_empty() {
        println!("{}", tr!("tools-check-notes", count = checked.notes.len()));
    }
    ExitCode::SUCCESS
}

/// `FILE: line N: what`, in the current language.
fn problem_line(file: &str, problem: &SageProblem) -> String {
    tr!(
        "tools-check-problem",
        file = file,
        line = problem.line,
        message = problem.message.to_string()
    )
}

/// With a configuration (given, or `plannit2sage.toml` here): its limits and
/// company; without: what Sage documents.
fn rules(config: Option<PathBuf>) -> Result<CheckRules, crate::config::ConfigError> {
    let path = config.or_else(|| Some(PathBuf::from(CONFIG_FILE_NAME)).filter(|p| p.is_file()));
    match path {
        Some(path) => {
            let config = Config::load(&path)?;
            follow_config_lang(config.lang);
            Ok(CheckRules::for_company(&config.sage, &config.company))
        }
        None => Ok(CheckRules::documented()),
    }
}
