//! `plannit2sage history`: list batches, show one, void one.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use super::{EXIT_REJECTED, EXIT_SETUP};
use crate::cmd::args::HistoryAction;
use crate::cmd::console;
use crate::config::CONFIG_FILE_NAME;
use crate::history::{self, BatchState, History};
use crate::money::for_person;
use crate::{t, tr};

pub fn execute(
    config: Option<PathBuf>,
    history: Option<PathBuf>,
    action: Option<HistoryAction>,
) -> ExitCode {
    let config = config.unwrap_or_else(|| PathBuf::from(CONFIG_FILE_NAME));
    let path = history.unwrap_or_else(|| history::default_path(&config));
    // The opening balance is the history's first record: it may create it.
    let creates = matches!(action, Some(HistoryAction::Opening { .. }));
    if !path.is_file() && !creates {
        console::error(t!("tools-history-none", path = path.display().to_string()));
        return ExitCode::from(EXIT_SETUP);
    }
    let result = History::open(&path, Duration::from_secs(10)).and_then(|mut history| {
        history.recover()?;
        match action {
            None => list(&history),
            Some(HistoryAction::Show { batch }) => show(&history, &batch),
            Some(HistoryAction::Opening { file, as_of }) => {
                super::opening::record(&mut history, &file, as_of, &config)
            }
            Some(HistoryAction::Void { batch, yes, note }) => {
                if !yes {
                    eprintln!("{}", tr!("tools-history-void-confirm", batch = &batch));
                    return Ok(ExitCode::from(EXIT_REJECTED));
                }
                if history.void_opening(&batch, &note)? {
                    println!("{}", tr!("tools-opening-voided", opening = &batch));
                    return Ok(ExitCode::SUCCESS);
                }
                history.void(&batch, &note)?;
                println!("{}", tr!("tools-history-voided", batch = &batch));
                Ok(ExitCode::SUCCESS)
            }
        }
    });
    result.unwrap_or_else(|e| {
        console::error(e);
        ExitCode::from(EXIT_SETUP)
    })
}

fn list(history: &History) -> Result<ExitCode, history::HistoryError> {
    let batches = history.batches()?;
    println!(
        "{}",
        tr!(
            "tools-history-batches",
            path = history.path.display().to_string(),
            count = batches.len()
        )
    );
    let status_label = |status: &str| tr!("tools-history-status", status = status);
    let status_width = [BatchState::Done, BatchState::Void]
        .iter()
        .map(|s| status_label(s.as_ref()))
        .chain([tr!("tools-history-col-status")])
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(6);
    println!(
        "  {:<14} {:<status_width$} {:<25} {:<23} {:>9}  {}",
        tr!("tools-history-col-batch"),
        tr!("tools-history-col-status"),
        tr!("tools-history-col-recorded"),
        tr!("tools-history-col-dates"),
        tr!("tools-history-col-documents"),
        tr!("tools-history-col-sage-file")
    );
    for b in batches {
        let dates = format!(
            "{} → {}",
            b.first_date.unwrap_or_default(),
            b.last_date.unwrap_or_default()
        );
        let recorded: String = b.created_at.chars().take(19).collect();
        println!(
            "  {:<14} {:<status_width$} {:<25} {:<23} {:>9}  {}",
            b.id,
            status_label(b.status.as_ref()),
            recorded,
            dates,
            b.documents,
            b.sage_file.unwrap_or_default()
        );
    }
    super::opening::list(history)?;
    Ok(ExitCode::SUCCESS)
}

fn show(history: &History, batch: &str) -> Result<ExitCode, history::HistoryError> {
    let documents = history.batch_documents(batch)?;
    println!(
        "{}",
        tr!(
            "tools-history-documents",
            batch = batch,
            count = documents.len()
        )
    );
    for (doc, posting) in documents {
        let amounts: Vec<String> = doc
            .amounts
            .iter()
            .map(|(a, v)| format!("{a} {}", for_person(v)))
            .collect();
        let posting = if posting == history::Posting::Original {
            String::new()
        } else {
            format!(
                " [{}]",
                tr!("tools-history-posting", posting = posting.as_ref())
            )
        };
        println!(
            "  {}  {:<8} {:<14}{posting}  {}",
            doc.date,
            tr!("tools-history-doc-type", kind = doc.doc_type.as_ref()),
            doc.number,
            amounts.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}
