//! `plannit2sage history acknowledge DOCUMENT --note "…"`: the accountant's
//! word that an exported document missing from the exports is gone for good
//! (voided in Plannit and settled in Sage 50 by hand): recorded with the note
//! and the date, it is no longer warned about. `history` lists the
//! acknowledgements and `history show` notes each on its document's line.

use std::collections::HashMap;
use std::process::ExitCode;

use crate::history::{Acknowledgement, History, HistoryError};
use crate::tr;

/// Records the acknowledgement and says what was acknowledged. An unknown or
/// ambiguous document is an error: nothing is recorded.
pub(super) fn record(
    history: &mut History,
    document: &str,
    note: &str,
) -> Result<ExitCode, HistoryError> {
    let ack = history.acknowledge(document, note)?;
    println!(
        "{}",
        tr!(
            "tools-acknowledged",
            day = ack.day(),
            key = &ack.key,
            kind = ack.doc_type.as_ref(),
            number = &ack.number,
            date = ack.date.to_string(),
            batch = &ack.batch,
            note = &ack.note
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Under the batches: each acknowledgement, oldest first.
pub(super) fn list(history: &History) -> Result<(), HistoryError> {
    let acknowledgements = history.acknowledgements()?;
    if acknowledgements.is_empty() {
        return Ok(());
    }
    println!(
        "{}",
        tr!("tools-acknowledgements", count = acknowledgements.len())
    );
    for ack in &acknowledgements {
        println!(
            "  {}",
            tr!(
                "tools-acknowledgement-line",
                day = ack.day(),
                key = &ack.key,
                kind = ack.doc_type.as_ref(),
                number = &ack.number,
                date = ack.date.to_string(),
                batch = &ack.batch,
                note = &ack.note
            )
        );
    }
    Ok(())
}

/// The latest acknowledgement of each document, by key.
pub(super) fn by_key(history: &History) -> Result<HashMap<String, Acknowledgement>, HistoryError> {
    Ok((history.acknowledgements()?.into_iter())
        .map(|ack| (ack.key.clone(), ack))
        .collect())
}

/// `  — absence confirmée le 2026-12-02 : « … »`, after a document's amounts.
pub(super) fn on_document_line(ack: &Acknowledgement) -> String {
    format!(
        "  {}",
        tr!(
            "tools-acknowledged-on-line",
            day = ack.day(),
            note = &ack.note
        )
    )
}
