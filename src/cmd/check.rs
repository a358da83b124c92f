//! `plannit2sage check FILE`: reads a Sage 50 General Journal import file with
//! the whole documented grammar, lists what Sage would refuse (exit 1) apart
//! from notes (undocumented or stricter than needed; exit 0), and prints each
//! entry's totals. With a configuration, the company's chart, linked accounts,
//! dates and field limits are checked too.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{money, EXIT_REJECTED, EXIT_SETUP};
use crate::config::{Config, CONFIG_FILE_NAME};
use crate::sage::{self, CheckRules};

pub fn execute(file: &Path, config: Option<PathBuf>) -> ExitCode {
    let rules = match rules(config) {
        Ok(rules) => rules,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_SETUP);
        }
    };
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("error: {}: cannot read the file: {e}", file.display());
            return ExitCode::from(EXIT_SETUP);
        }
    };
    let checked = sage::check(&bytes, &rules);
    println!(
        "{}: {} entr{}",
        file.display(),
        checked.entries.len(),
        if checked.entries.len() == 1 {
            "y"
        } else {
            "ies"
        }
    );
    for entry in &checked.entries {
        let taxes = if entry.taxes.is_empty() {
            String::new()
        } else {
            format!("  {} tax line(s)", entry.taxes.len())
        };
        println!(
            "  line {:>4}  {}  {:<13} {:<40} {:>2} lines  debits {:>14}  credits {:>14}{taxes}",
            entry.line,
            entry.date,
            entry.source,
            format!("\"{}\"", entry.comment),
            entry.lines.len(),
            money(entry.debits()),
            money(entry.credits())
        );
    }
    for note in &checked.notes {
        println!("note: {}: {note}", file.display());
    }
    if !checked.refusals.is_empty() {
        for problem in &checked.refusals {
            eprintln!("{}: {problem}", file.display());
        }
        eprintln!(
            "{} problem(s): Sage 50 would refuse this file (it records nothing from a file with one bad line).",
            checked.refusals.len()
        );
        return ExitCode::from(EXIT_REJECTED);
    }
    let debits = checked.entries.iter().map(|e| e.debits()).sum();
    let credits = checked.entries.iter().map(|e| e.credits()).sum();
    println!(
        "OK: every entry balances; total debits {} = credits {}.",
        money(debits),
        money(credits)
    );
    if !checked.notes.is_empty() {
        println!(
            "{} note(s) above: nothing Sage 50 documents as refused.",
            checked.notes.len()
        );
    }
    ExitCode::SUCCESS
}

/// With a configuration (given, or `plannit2sage.toml` here): its limits and
/// company; without: what Sage documents.
fn rules(config: Option<PathBuf>) -> Result<CheckRules, crate::config::ConfigError> {
    let path = config.or_else(|| Some(PathBuf::from(CONFIG_FILE_NAME)).filter(|p| p.is_file()));
    match path {
        Some(path) => Ok(CheckRules::for_config(&Config::load(&path)?)),
        None => Ok(CheckRules::documented()),
    }
}
