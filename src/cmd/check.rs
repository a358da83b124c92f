//! `plannit2sage check FILE`: validates a Sage 50 General Journal import file
//! with the same rules the writer enforces, and prints each entry's totals.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{money, EXIT_REJECTED, EXIT_SETUP};
use crate::config::{Config, SageSettings, CONFIG_FILE_NAME};
use crate::sage;

pub fn execute(file: &Path, config: Option<PathBuf>) -> ExitCode {
    let settings = match settings(config) {
        Ok(settings) => settings,
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
    match sage::parse(&bytes, &settings) {
        Ok(entries) => {
            println!(
                "{}: {} entr{}",
                file.display(),
                entries.len(),
                if entries.len() == 1 { "y" } else { "ies" }
            );
            for entry in &entries {
                println!(
                    "  line {:>4}  {}  {:<13} {:<40} {:>2} lines  debits {:>14}  credits {:>14}",
                    entry.line,
                    entry.date,
                    entry.source,
                    format!("\"{}\"", entry.comment),
                    entry.lines.len(),
                    money(entry.debits()),
                    money(entry.credits())
                );
            }
            let debits = entries.iter().map(|e| e.debits()).sum();
            let credits = entries.iter().map(|e| e.credits()).sum();
            println!(
                "OK: every entry balances; total debits {} = credits {}.",
                money(debits),
                money(credits)
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("{}: {problem}", file.display());
            }
            eprintln!(
                "{} problem(s): Sage 50 would reject this file.",
                problems.len()
            );
            ExitCode::from(EXIT_REJECTED)
        }
    }
}

fn settings(config: Option<PathBuf>) -> Result<SageSettings, crate::config::ConfigError> {
    let path = config.or_else(|| Some(PathBuf::from(CONFIG_FILE_NAME)).filter(|p| p.is_file()));
    match path {
        Some(path) => Ok(Config::load(&path)?.sage),
        None => Ok(SageSettings::default()),
    }
}
