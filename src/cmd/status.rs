//! `plannit2sage status ROOT` (where each client stands: last exported batch,
//! last rejection, files waiting, Plannit Pay money in transit, the
//! receivable per the ledger and its last tie-out with Plannit) and
//! `plannit2sage schedule FOLDER --every 15m` (the Task Scheduler or cron line
//! that runs `watch --once`). In the run's language: `--lang`, else French.

use std::path::Path;
use std::process::ExitCode;

use rust_decimal::Decimal;

use super::EXIT_SETUP;
use crate::cmd::{console, status_batches};
use crate::config::Config;
use crate::history::verification::VerificationRun;
use crate::history::History;
use crate::money::for_person;
use crate::watch::{client_folders, client_name, Layout};
use crate::{t, tr};

/// Prints where each client stands, in the current language
/// ([`crate::i18n::lang`]: `--lang`, else French).
pub fn status(root: &Path) -> ExitCode {
    let clients = client_folders(root);
    if clients.is_empty() {
        console::error(t!(
            "tools-status-no-client",
            root = root.display().to_string()
        ));
        return ExitCode::from(EXIT_SETUP);
    }
    for folder in clients {
        print_client(&folder);
    }
    ExitCode::SUCCESS
}

/// The files in the inbox, lock and temporary files left out.
fn files_waiting(layout: &Layout) -> usize {
    std::fs::read_dir(&layout.inbox)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter(|e| !crate::load::is_transient_file(&e.file_name().to_string_lossy()))
                .count()
        })
        .unwrap_or(0)
}

fn print_client(folder: &Path) {
    let layout = Layout::new(folder);
    let say = |line: String| println!("  {line}");
    println!("{}", tr!("tools-status-client", name = client_name(folder)));
    let log: Vec<serde_json::Value> = std::fs::read_to_string(&layout.log)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let field =
        |entry: &serde_json::Value, key: &str| entry[key].as_str().unwrap_or_default().to_string();
    let history = History::snapshot(&layout.history).ok();
    let recorded = status_batches::Recorded {
        batches: (history.as_ref())
            .and_then(|h| h.batches().ok())
            .unwrap_or_default(),
        voids: (history.as_ref())
            .and_then(|h| h.voids().ok())
            .unwrap_or_default(),
    };
    let batches = &recorded.batches;
    match log.iter().rev().find(|l| l["status"] == "exported") {
        Some(entry) => {
            let id = field(entry, "batch");
            let period = batches
                .iter()
                .find(|b| b.id == id)
                .map(|b| {
                    format!(
                        "{} → {}",
                        b.first_date.clone().unwrap_or_default(),
                        b.last_date.clone().unwrap_or_default()
                    )
                })
                .unwrap_or_default();
            let debits: Decimal = field(entry, "debits").parse().unwrap_or_default();
            say(tr!(
                "tools-status-last-exported",
                batch = id,
                time = field(entry, "time"),
                period = period,
                debits = for_person(debits)
            ));
            status_batches::print_after_last_exported(entry, &log, &recorded);
        }
        None => say(tr!("tools-status-none-exported")),
    }
    status_batches::print_missing(history.as_ref(), folder);
    if let Some(entry) = log.iter().rev().find(|l| l["status"] == "rejected") {
        let why = entry["errors"][0].as_str().unwrap_or_default().to_string();
        say(tr!(
            "tools-status-last-rejection",
            time = field(entry, "time"),
            reason = why
        ));
        // A rejected batch retried since: say how it ended.
        let folder = entry["moved_to"]
            .as_str()
            .and_then(|p| std::path::Path::new(p).file_name())
            .map(|n| n.to_string_lossy().into_owned());
        let retried = log
            .iter()
            .rev()
            .find(|l| folder.is_some() && l["retry_of"].as_str() == folder.as_deref());
        if let Some(retry) = retried.filter(|r| r["status"] == "exported") {
            say(tr!(
                "tools-status-retried",
                time = field(retry, "time"),
                batch = field(retry, "batch")
            ));
        }
    }
    if let Some(line) = last_verification(history.as_ref()) {
        say(line);
    }
    let held = crate::watch::held_batches(&layout).len();
    let pending = crate::watch::pending_batches(&layout).len() - held;
    status_batches::print_held(&layout);
    if pending > 0 {
        say(tr!("tools-status-pending-rejected", count = pending));
    }
    say(tr!("tools-status-waiting", count = files_waiting(&layout)));
    if let Some((account, in_transit)) = in_transit(&layout, history) {
        say(tr!(
            "tools-status-in-transit",
            account = account,
            amount = for_person(in_transit)
        ));
    }
    receivable_lines(&layout).into_iter().for_each(say);
}

/// The receivable's balance per the ledger, and the last tie-out with
/// Plannit's accounts-receivable report.
fn receivable_lines(layout: &Layout) -> Vec<String> {
    let Ok(config) = Config::load(&layout.config) else {
        return Vec::new();
    };
    let Ok(mut history) = History::snapshot(&layout.history) else {
        return Vec::new();
    };
    let last_tie_out = history.last_tie_out().ok().flatten();
    let Some(tables) = history.lock().ok().and_then(|locked| locked.tables().ok()) else {
        return Vec::new();
    };
    let account = &config.accounts.receivable;
    let ledger = crate::history::ledger::Ledger::from_history(&tables, account);
    let mut lines = vec![tr!(
        "tools-status-receivable",
        account = account,
        amount = for_person(ledger.balance())
    )];
    if let Some(tie_out) = last_tie_out {
        lines.push(tr!(
            "tools-status-tie-out",
            date = tie_out.as_of.to_string(),
            time = tie_out.checked_at.chars().take(16).collect::<String>(),
            differences = tie_out.differences,
            difference = for_person(tie_out.difference)
        ));
    }
    lines
}

/// `dernière vérification : …`: when, the dates, and the batches per
/// verdict; none before the first verification.
fn last_verification(history: Option<&History>) -> Option<String> {
    let run: VerificationRun = history?.last_verification_run().ok()??;
    let counts: Vec<String> = (run.counts.iter())
        .map(|(verdict, count)| {
            let verdict = t!("verify-verdict", verdict = verdict.as_ref(), count = *count);
            tr!("verify-summary-count", count = *count, verdict = verdict)
        })
        .collect();
    Some(tr!(
        "verify-status-line",
        time = run.at.chars().take(19).collect::<String>(),
        first = &run.first_date,
        last = &run.last_date,
        files = run.files.replace('\n', ", "),
        batches = counts.join(", ")
    ))
}

/// The clearing account's balance over the batches exported, when configured.
fn in_transit(layout: &Layout, history: Option<History>) -> Option<(String, Decimal)> {
    let config = Config::load(&layout.config).ok()?;
    let account = config.accounts.plannit_pay_clearing?;
    let mut history = history?;
    let balance = history
        .lock()
        .ok()?
        .tables()
        .ok()?
        .account_balance(&account);
    Some((account, balance))
}

/// `15m`, `1h` → minutes.
fn every_minutes(text: &str) -> Option<u32> {
    let text = text.trim();
    let (number, unit) = text.split_at(text.find(|c: char| !c.is_ascii_digit())?);
    let number: u32 = number.parse().ok()?;
    match unit {
        "m" | "min" => Some(number),
        "h" => Some(number * 60),
        _ => None,
    }
    .filter(|m| *m > 0)
}

pub fn schedule(folder: &Path, every: &str) -> ExitCode {
    let Some(minutes) = every_minutes(every) else {
        console::error(t!("tools-schedule-bad-every"));
        return ExitCode::from(EXIT_SETUP);
    };
    let folder = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| std::path::absolute(p).ok())
        .unwrap_or_else(|| "plannit2sage".into());
    let name = client_name(&folder);
    if cfg!(windows) {
        let (unit, modifier) = if minutes % 60 == 0 {
            ("HOURLY", minutes / 60)
        } else {
            ("MINUTE", minutes)
        };
        println!(
            "schtasks /Create /F /SC {unit} /MO {modifier} /TN \"plannit2sage {name}\" /TR \"\\\"{}\\\" watch \\\"{}\\\" --once\"",
            exe.display(),
            folder.display()
        );
    } else {
        let spec = if minutes < 60 {
            format!("*/{minutes} * * * *")
        } else if minutes % 60 == 0 && minutes / 60 < 24 {
            format!("0 */{} * * *", minutes / 60)
        } else {
            console::error(t!("tools-schedule-cron-range"));
            return ExitCode::from(EXIT_SETUP);
        };
        println!(
            "{spec} '{}' watch '{}' --once >> '{}' 2>&1",
            exe.display(),
            folder.display(),
            folder.join("cron.log").display()
        );
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::every_minutes;

    #[test]
    fn every_reads_minutes_and_hours() {
        assert_eq!(every_minutes("15m"), Some(15));
        assert_eq!(every_minutes("2h"), Some(120));
        assert_eq!(every_minutes("0m"), None);
        assert_eq!(every_minutes("15"), None);
    }
}
