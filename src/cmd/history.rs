//! `plannit2sage history`: list batches, show one, void one (acknowledging
//! a missing document is in `acknowledge`, the opening balance in `opening`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use super::{EXIT_REJECTED, EXIT_SETUP};
use crate::cmd::args::HistoryAction;
use crate::cmd::{console, folder};
use crate::config::{Config, CONFIG_FILE_NAME};
use crate::history::verification::LastVerification;
use crate::history::{self, BatchState, History};
use crate::money::for_person;
use crate::run::void::{void_batch, VoidError, VoidRequest};
use crate::{t, tr};

pub fn execute(
    folder: Option<PathBuf>,
    config: Option<PathBuf>,
    history: Option<PathBuf>,
    action: Option<HistoryAction>,
) -> ExitCode {
    let named = match folder.as_deref().map(|f| folder::resolve(f, None)) {
        Some(Err(e)) => {
            console::error(e);
            return ExitCode::from(EXIT_SETUP);
        }
        Some(Ok(named)) => Some(named),
        None => None,
    };
    let layout = named.and_then(|n| n.drop_folder);
    // Without a drop folder, a folder named is where the configuration is.
    let config = config
        .or_else(|| layout.as_ref().map(|l| l.config.clone()))
        .or_else(|| folder.map(|f| f.join(CONFIG_FILE_NAME)))
        .unwrap_or_else(|| PathBuf::from(CONFIG_FILE_NAME));
    let path = history
        .or_else(|| layout.as_ref().map(|l| l.history.clone()))
        .unwrap_or_else(|| history::default_path(&config));
    // The opening balance is the history's first record: it may create it.
    let creates = matches!(action, Some(HistoryAction::Opening { .. }));
    if !path.is_file() && !creates {
        console::error(t!("tools-history-none", path = path.display().to_string()));
        return ExitCode::from(EXIT_SETUP);
    }
    let out_dir = layout.map(|l| l.out);
    let result = History::open(&path, Duration::from_secs(10))
        .map_err(VoidError::from)
        .and_then(|mut history| {
            history.recover()?;
            match action {
                None => Ok(list(&history)?),
                Some(HistoryAction::Show { batch }) => Ok(show(&history, &batch)?),
                Some(HistoryAction::Acknowledge { document, note }) => {
                    Ok(super::acknowledge::record(&mut history, &document, &note)?)
                }
                Some(HistoryAction::Opening { file, as_of }) => {
                    Ok(super::opening::record(&mut history, &file, as_of, &config)?)
                }
                Some(HistoryAction::Void {
                    batch,
                    yes,
                    note,
                    imported,
                }) => {
                    if !yes {
                        eprintln!("{}", tr!("tools-history-void-confirm", batch = &batch));
                        return Ok(ExitCode::from(EXIT_REJECTED));
                    }
                    if history.void_opening(&batch, &note)? {
                        println!("{}", tr!("tools-opening-voided", opening = &batch));
                        return Ok(ExitCode::SUCCESS);
                    }
                    let target = VoidTarget {
                        config: &config,
                        out_dir: out_dir.as_deref(),
                    };
                    void(&mut history, &batch, &note, imported, target)
                }
            }
        });
    result.unwrap_or_else(|e| {
        console::error(e);
        ExitCode::from(EXIT_SETUP)
    })
}

/// Where a void finds the client's settings and the batch's outputs.
struct VoidTarget<'a> {
    config: &'a Path,
    out_dir: Option<&'a Path>,
}

/// Voids a batch, sets its files aside and, with `imported`, writes its
/// reversal; says each.
fn void(
    history: &mut History,
    batch: &str,
    note: &str,
    imported: bool,
    target: VoidTarget,
) -> Result<ExitCode, VoidError> {
    // The reversal is dated by the company's dates: its configuration must load.
    let config = match Config::load(target.config) {
        Ok(config) => Some(config),
        Err(e) if imported && target.config.is_file() => {
            console::error(e);
            return Ok(ExitCode::from(EXIT_SETUP));
        }
        Err(_) => None,
    };
    let request = VoidRequest {
        batch,
        note,
        imported,
        config: config.as_ref(),
        out_dir: target.out_dir,
    };
    let voided = void_batch(history, request)?;
    if voided.voided_now {
        println!("{}", tr!("tools-history-voided", batch = batch));
    }
    for path in &voided.set_aside {
        println!(
            "  {}",
            tr!("void-set-aside", path = path.display().to_string())
        );
    }
    for (recorded, why) in &voided.left {
        console::warning(tr!("void-left", path = recorded, reason = why));
    }
    if let Some(reversal) = &voided.reversal {
        println!(
            "  {}",
            tr!(
                "void-reversal-written",
                path = reversal.path.display().to_string(),
                entries = reversal.entries,
                debits = for_person(reversal.debits)
            )
        );
    }
    Ok(ExitCode::SUCCESS)
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
    let verifications = history.last_verifications()?;
    for b in batches {
        let verified = verifications.get(&b.id).map(verification_line);
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
        if let Some(verified) = verified {
            println!("  {:<14} {verified}", "");
        }
    }
    super::opening::list(history)?;
    super::acknowledge::list(history)?;
    Ok(ExitCode::SUCCESS)
}

/// `vérifié le … : importé une fois (grand livre du … au …)`.
fn verification_line(last: &LastVerification) -> String {
    tr!(
        "verify-history-line",
        time = last.at.chars().take(19).collect::<String>(),
        verdict = t!(
            "verify-verdict",
            verdict = last.verdict.as_ref(),
            count = 1usize
        ),
        first = &last.first_date,
        last = &last.last_date
    )
}

fn show(history: &History, batch: &str) -> Result<ExitCode, history::HistoryError> {
    let documents = history.batch_documents(batch)?;
    let acknowledged = super::acknowledge::by_key(history)?;
    println!(
        "{}",
        tr!(
            "tools-history-documents",
            batch = batch,
            count = documents.len()
        )
    );
    if let Some(last) = history.last_verifications()?.get(batch) {
        println!("  {}", verification_line(last));
    }
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
        let acknowledgement = (acknowledged.get(&*doc.key))
            .map(super::acknowledge::on_document_line)
            .unwrap_or_default();
        println!(
            "  {}  {:<8} {:<14}{posting}  {}{acknowledgement}",
            doc.date,
            tr!("tools-history-doc-type", kind = doc.doc_type.as_ref()),
            doc.number,
            amounts.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}
