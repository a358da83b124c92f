//! `plannit2sage history`: list batches, show one, void one.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use super::{money, EXIT_REJECTED, EXIT_SETUP};
use crate::cli::HistoryAction;
use crate::config::CONFIG_FILE_NAME;
use crate::history::{self, History};

pub fn execute(
    config: Option<PathBuf>,
    history: Option<PathBuf>,
    action: Option<HistoryAction>,
) -> ExitCode {
    let path = history.unwrap_or_else(|| {
        history::default_path(&config.unwrap_or_else(|| PathBuf::from(CONFIG_FILE_NAME)))
    });
    if !path.is_file() {
        eprintln!(
            "error: {}: no export history here yet (it is created by the first 'plannit2sage run')",
            path.display()
        );
        return ExitCode::from(EXIT_SETUP);
    }
    let result = History::open(&path, Duration::from_secs(10)).and_then(|mut history| {
        history.recover()?;
        match action {
            None => list(&history),
            Some(HistoryAction::Show { batch }) => show(&history, &batch),
            Some(HistoryAction::Void { batch, yes, note }) => {
                if !yes {
                    eprintln!("Voiding batch {batch} lets its documents be exported again. Do it only if its import into Sage 50 failed or was rolled back; confirm with --yes.");
                    return Ok(ExitCode::from(EXIT_REJECTED));
                }
                history.void(&batch, &note)?;
                println!("Batch {batch} is void: its documents will be exported again by the next run.");
                Ok(ExitCode::SUCCESS)
            }
        }
    });
    result.unwrap_or_else(|e| {
        eprintln!("error: {e}");
        ExitCode::from(EXIT_SETUP)
    })
}

fn list(history: &History) -> Result<ExitCode, history::HistoryError> {
    let batches = history.batches()?;
    println!("{}: {} batch(es)", history.path.display(), batches.len());
    println!(
        "  {:<14} {:<6} {:<25} {:<23} {:>9}  sage file",
        "batch", "status", "recorded", "dates", "documents"
    );
    for b in batches {
        let dates = format!(
            "{} → {}",
            b.first_date.unwrap_or_default(),
            b.last_date.unwrap_or_default()
        );
        let recorded: String = b.created_at.chars().take(19).collect();
        println!(
            "  {:<14} {:<6} {:<25} {:<23} {:>9}  {}",
            b.id,
            b.status,
            recorded,
            dates,
            b.documents,
            b.sage_file.unwrap_or_default()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn show(history: &History, batch: &str) -> Result<ExitCode, history::HistoryError> {
    let documents = history.batch_documents(batch)?;
    println!("batch {batch}: {} document(s)", documents.len());
    for (doc, posting) in documents {
        let amounts: Vec<String> = doc
            .amounts
            .iter()
            .map(|(a, v)| format!("{a} {}", money(*v)))
            .collect();
        let posting = if posting == history::Posting::Original {
            String::new()
        } else {
            format!(" [{}]", posting.as_str())
        };
        println!(
            "  {}  {:<8} {:<14}{posting}  {}",
            doc.date,
            doc.doc_type,
            doc.number,
            amounts.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}
