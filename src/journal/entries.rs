//! The batch's entries: added up from what the per-document pass gave its
//! new documents when each of them goes to one entry and every line was
//! labelled as its document's rows, otherwise the journal queries run again
//! over the batch's rows labelled by the granularity.

use std::sync::Arc;

use polars::prelude::DataFrame;

use super::build_entries;
use super::classify::Documents;
use super::document_lines::{AccountQueries, DocumentLines, EntrySlots};
use super::labels::{entry_columns, DocumentRows, EntryLabeler};
use crate::load::reports::{Payment, PayoutRow, SalesLine};
use crate::query::tables::{self, BatchRows};
use crate::query::{run_journal, QueryError, QuerySet, SqlTables};
use crate::sage::entry::JournalEntry;

/// What the batch's entries are made from: its rows (those of its new
/// documents, `keep` among the rows loaded), each new document's place in
/// them, the granularity's labels and the journal queries.
pub struct BatchJournal<'a> {
    pub queries: &'a QuerySet,
    pub sales: &'a [SalesLine],
    pub payments: &'a [Payment],
    pub payouts: &'a [PayoutRow],
    pub keep: &'a BatchRows,
    pub documents: &'a Documents,
    /// Whether each document is new (by its index in `documents`).
    pub new: &'a [bool],
    pub document_rows: &'a DocumentRows,
    pub labeler: &'a EntryLabeler,
}

/// The batch's entries: the sum of what the per-document pass gave its
/// documents when every line can be added up, else the journal queries run
/// over its rows. With each (account, query file) of their lines.
pub fn batch_entries(
    batch: &BatchJournal<'_>,
    lines: Option<DocumentLines>,
    tables: Vec<(&'static str, DataFrame)>,
) -> Result<(Vec<JournalEntry>, AccountQueries), QueryError> {
    let slots = lines.as_ref().and_then(|_| entry_slots(batch));
    let (Some(lines), Some(slots)) = (lines, slots) else {
        return entries_from_queries(batch, tables);
    };
    let documents = batch.documents;
    let added = lines.add_up(slots, |document| documents[document].amounts.iter());
    if cfg!(debug_assertions) {
        // Development builds (the tests) prove the sum on every run it is
        // taken: the queries over the batch's rows give the same entries.
        let from_queries = entries_from_queries(batch, tables)?;
        assert_eq!(added, from_queries, "entries added up from the documents");
    }
    Ok(added)
}

/// Which entry each new document goes to; none when a document's rows would
/// go to different entries (one entry per document, its lines naming
/// different customers, say).
fn entry_slots(batch: &BatchJournal<'_>) -> Option<EntrySlots> {
    let (labeler, documents, new) = (batch.labeler, batch.documents, batch.new);
    let (rows_documents, keep) = (batch.document_rows, batch.keep);
    let mut slots = EntrySlots::new(documents.len());
    if !labeler.labels_each_row() {
        // A label depends on the date alone: made once per date.
        let mut by_date = std::collections::HashMap::new();
        let mut last = None;
        for (index, doc) in documents.values().enumerate() {
            if !new[index] {
                continue;
            }
            let slot = match last {
                Some((date, slot)) if date == doc.date => slot,
                _ => match by_date.get(&doc.date) {
                    Some(slot) => *slot,
                    None => {
                        let slot = slots.slot(labeler.for_date(doc.date)?)?;
                        *by_date.entry(doc.date).or_insert(slot)
                    }
                },
            };
            last = Some((doc.date, slot));
            slots.put(index, slot);
        }
        return Some(slots);
    }
    // One entry per document: each batch row's label, its document's.
    let batch_documents = |documents: &'_ [Option<u32>], keep: &'_ [bool]| {
        (documents.iter().zip(keep))
            .filter_map(|(document, keep)| keep.then_some(*document))
            .collect::<Vec<_>>()
    };
    let labels = (batch.sales.iter().map(|l| labeler.for_invoice(l)))
        .zip(batch_documents(&rows_documents.sales, &keep.sales))
        .chain(
            (batch.payments.iter().map(|p| labeler.for_payment(p)))
                .zip(batch_documents(&rows_documents.payments, &keep.payments)),
        )
        .chain(
            (batch.payouts.iter().map(|r| labeler.for_payout(r)))
                .zip(batch_documents(&rows_documents.payouts, &keep.payouts)),
        );
    for (label, document) in labels {
        let slot = slots.slot(label)?;
        if !slots.put(document? as usize, slot) {
            return None;
        }
    }
    Some(slots)
}

/// The entries of the journal queries run over the batch's rows (`keep` of
/// the tables every row was checked with), labelled by the batch's labeler;
/// with each (account, query file) of their lines.
fn entries_from_queries(
    batch: &BatchJournal<'_>,
    checked: Vec<(&'static str, DataFrame)>,
) -> Result<(Vec<JournalEntry>, AccountQueries), QueryError> {
    let labels = entry_columns(batch.sales, batch.payments, batch.payouts, batch.labeler);
    let frames = tables::batch_tables(checked, batch.keep, labels)?;
    let tables = SqlTables::new(frames, &batch.queries.views)?;
    let lines = run_journal(&tables, &batch.queries.journal)?;
    drop(tables);
    let pairs: std::collections::BTreeSet<_> = (lines.iter())
        .map(|line| (line.account.clone(), Arc::clone(&line.query)))
        .collect();
    Ok((build_entries(&lines), pairs.into_iter().collect()))
}
