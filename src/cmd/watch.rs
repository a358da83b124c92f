//! `plannit2sage init` and `plannit2sage watch`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use super::{EXIT_REJECTED, EXIT_SETUP};
use crate::watch::{self, BatchLog, BatchStatus, Layout, WatchOptions};

pub fn init(folder: &Path) -> ExitCode {
    match watch::init(folder) {
        Ok(created) => {
            for path in &created {
                println!("  created {}", path.display());
            }
            let layout = Layout::new(folder);
            println!(
                "Drop folder ready. Fill in the accounts in {}, then drop Plannit exports in {} and run 'plannit2sage watch {}'.",
                layout.config.display(),
                layout.inbox.display(),
                folder.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_SETUP)
        }
    }
}

pub fn execute(folder: PathBuf, once: bool, quiet: f64, rescan: f64, adjust: bool) -> ExitCode {
    if !(quiet.is_finite() && quiet >= 0.0 && rescan.is_finite() && rescan > 0.0) {
        eprintln!("error: --quiet and --rescan take a number of seconds");
        return ExitCode::from(EXIT_SETUP);
    }
    let options = WatchOptions {
        root: folder.clone(),
        once,
        quiet: Duration::from_secs_f64(quiet),
        rescan: Duration::from_secs_f64(rescan),
        adjust,
    };
    if !once {
        println!(
            "Watching {} (Ctrl-C to stop after the current batch)",
            Layout::new(&folder).inbox.display()
        );
    }
    let spinner = (once && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_message("waiting for complete files, then processing…");
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    });
    let result = watch::watch(&options, |log| {
        if let Some(bar) = &spinner {
            bar.suspend(|| print_line(log));
        } else {
            print_line(log);
        }
    });
    if let Some(bar) = spinner {
        bar.finish_and_clear();
    }
    match result {
        Ok(summary) => {
            println!(
                "Stopped: {} batch(es) exported, {} rejected, {} with nothing new, {} duplicate file(s).",
                summary.exported, summary.rejected, summary.nothing_new, summary.duplicates
            );
            if summary.rejected > 0 {
                ExitCode::from(EXIT_REJECTED)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_SETUP)
        }
    }
}

/// One human-readable line per batch, naming the client.
fn print_line(log: &BatchLog) {
    let files = log.files.join(", ");
    let when = format!("{}  [{}]", log.time, log.client);
    match log.status {
        BatchStatus::Exported => println!(
            "{when}  exported  batch {} ({files}): {} entr(ies), debits {} → {}",
            log.batch.as_deref().unwrap_or("?"),
            log.entries,
            log.debits,
            log.sage_file.as_deref().unwrap_or("")
        ),
        BatchStatus::NothingNew => {
            println!("{when}  nothing new ({files}): every document was already exported")
        }
        BatchStatus::Duplicate => println!(
            "{when}  duplicate ({files}): {}",
            log.errors
                .first()
                .map(String::as_str)
                .unwrap_or("already processed")
        ),
        status @ (BatchStatus::Rejected | BatchStatus::Waiting) => {
            println!(
                "{when}  {} ({files}): {} error(s)",
                status.as_str(),
                log.errors.len()
            );
            for error in log.errors.iter().take(5) {
                println!("    {error}");
            }
            if let Some(folder) = &log.moved_to {
                println!("    files and explanation in {folder}");
            }
        }
    }
}
