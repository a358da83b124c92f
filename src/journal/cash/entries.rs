//! The batch's entries under the cash basis: each new document's amounts (its
//! shares for a payment, nothing for an invoice) added up into the entry the
//! granularity gives it, as the accrual basis adds up the journal queries'
//! lines; each line keeps the input rows and query files it comes from. The
//! entries' tax detail carries the revenue subject to tax each payment
//! recognises.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::CashBook;
use crate::config::Config;
use crate::history::DocType;
use crate::journal::conform::{self, TaxableRevenue};
use crate::journal::document_lines::{AccountQueries, DocumentLines};
use crate::journal::entries::BatchJournal;
use crate::journal::labels::EntryLabel;
use crate::journal::{netted_entry, Netted};
use crate::load::reports::SalesLine;
use crate::sage::entry::JournalEntry;

type Label = (NaiveDate, String, String);

/// An account of a document: the input rows and query files of its lines.
type Origin = (String, u64, Vec<Arc<str>>);

/// Where each document's amounts come from: per document, per account, the
/// input rows and the query files of its lines.
#[derive(Debug, Default)]
pub struct Provenance {
    documents: Vec<Vec<Origin>>,
}

impl Provenance {
    /// The lines of the per-document pass, document by document.
    pub fn of(lines: &DocumentLines, documents: usize) -> Provenance {
        let by_document = lines.by_document(documents);
        let documents = (0..documents)
            .map(|document| {
                let mut accounts: Vec<Origin> = Vec::new();
                for (account, query, rows) in lines.origins_of(&by_document, document) {
                    let at = match accounts.iter().position(|(a, _, _)| a == account) {
                        Some(at) => at,
                        None => {
                            accounts.push((account.to_string(), 0, Vec::new()));
                            accounts.len() - 1
                        }
                    };
                    let slot = &mut accounts[at];
                    slot.1 += u64::from(rows);
                    if !slot.2.contains(query) {
                        slot.2.push(Arc::clone(query));
                    }
                }
                accounts
            })
            .collect();
        Provenance { documents }
    }

    /// The rows and queries of a document's account; for a share of an
    /// invoice's line, which the document's own lines do not name, those of
    /// the receivable line it replaces.
    fn find(&self, document: usize, account: &str, receivable: &str) -> Option<(u64, &[Arc<str>])> {
        let lines = self.documents.get(document)?;
        let on = |wanted: &str| lines.iter().find(|(a, _, _)| a == wanted);
        (on(account).or_else(|| on(receivable)))
            .map(|(_, rows, queries)| (*rows, queries.as_slice()))
    }
}

/// The batch's entries from its new documents' amounts, with each (account,
/// query file) of their lines.
pub fn batch_entries(
    batch: &BatchJournal<'_>,
    book: &CashBook,
    receivable: &str,
) -> (Vec<JournalEntry>, AccountQueries) {
    let labels = document_labels(batch);
    let mut grouped: BTreeMap<Label, BTreeMap<String, Netted>> = BTreeMap::new();
    let mut pairs: std::collections::BTreeSet<(String, Arc<str>)> = Default::default();
    for (index, doc) in batch.documents.values().enumerate() {
        let Some(label) = labels.get(&index) else {
            continue;
        };
        let accounts = grouped.entry(label.clone()).or_default();
        for (account, amount) in doc.amounts.iter() {
            let netted = accounts.entry(account.to_string()).or_default();
            netted.amount += amount;
            let found = book
                .provenance
                .as_ref()
                .and_then(|p| p.find(index, account, receivable));
            if let Some((rows, queries)) = found {
                netted.source_rows += rows;
                for query in queries {
                    netted.add_query(query);
                    pairs.insert((account.to_string(), Arc::clone(query)));
                }
            }
        }
    }
    let entries = (grouped.into_iter())
        .filter_map(|((date, source, comment), accounts)| {
            netted_entry(date, source, comment, accounts)
        })
        .collect();
    (entries, pairs.into_iter().collect())
}

/// The entry label of each new document: by its date, or, one entry per
/// document, its first row's.
fn document_labels(batch: &BatchJournal<'_>) -> HashMap<usize, Label> {
    let (labeler, documents, new) = (batch.labeler, batch.documents, batch.new);
    let mut labels = HashMap::new();
    let mut put = |index: usize, label: EntryLabel| {
        if let Some(date) = label.date {
            labels
                .entry(index)
                .or_insert((date, label.source, label.comment));
        }
    };
    if !labeler.labels_each_row() {
        for (index, doc) in documents.values().enumerate() {
            if let Some(label) = new[index].then(|| labeler.for_date(doc.date)).flatten() {
                put(index, label);
            }
        }
        return labels;
    }
    let kept = |documents: &[Option<u32>], keep: &[bool]| -> Vec<Option<u32>> {
        (documents.iter().zip(keep))
            .filter_map(|(document, keep)| keep.then_some(*document))
            .collect()
    };
    let rows = batch.document_rows;
    let sales = (batch.sales.iter().map(|l| labeler.for_invoice(l)))
        .zip(kept(&rows.sales, &batch.keep.sales));
    let payments = (batch.payments.iter().map(|p| labeler.for_payment(p)))
        .zip(kept(&rows.payments, &batch.keep.payments));
    let payouts = (batch.payouts.iter().map(|r| labeler.for_payout(r)))
        .zip(kept(&rows.payouts, &batch.keep.payouts));
    for (label, document) in sales.chain(payments).chain(payouts) {
        if let Some(index) = document.map(|d| d as usize).filter(|&d| new[d]) {
            put(index, label);
        }
    }
    labels
}

/// Adds each entry's tax detail: the revenue subject to each tax is what
/// the entry's payments recognise of it, and for an invoice posted when
/// issued its taxed lines.
pub fn add_tax_detail(
    config: &Config,
    entries: &mut [JournalEntry],
    batch: &BatchJournal<'_>,
    book: &CashBook,
) {
    let labels = document_labels(batch);
    let mut revenue: HashMap<Label, TaxableRevenue> = HashMap::new();
    for recognition in &book.recognitions {
        if let Some(label) = labels.get(&recognition.document) {
            let slot = revenue.entry(label.clone()).or_default();
            let [gst, qst, hst] = recognition.shares.taxable;
            slot.gst += gst;
            slot.qst += qst;
            slot.hst += hst;
        }
    }
    issued_invoices(batch, book, &labels, &mut revenue);
    conform::add_tax_detail_with(config, entries, &revenue);
}

/// The taxed lines of the invoices posted when issued, by their entry.
fn issued_invoices(
    batch: &BatchJournal<'_>,
    book: &CashBook,
    labels: &HashMap<usize, Label>,
    revenue: &mut HashMap<Label, TaxableRevenue>,
) {
    let rows = &batch.document_rows.sales;
    let documents = (rows.iter().zip(&batch.keep.sales))
        .filter_map(|(document, keep)| keep.then_some(*document));
    for (line, document) in batch.sales.iter().zip(documents) {
        let Some(index) = document.map(|d| d as usize) else {
            continue;
        };
        let Some((key, doc)) = batch.documents.get_index(index) else {
            continue;
        };
        if doc.doc_type != DocType::Invoice || book.silent.contains(key) {
            continue;
        }
        let Some(label) = labels.get(&index) else {
            continue;
        };
        let slot = revenue.entry(label.clone()).or_default();
        add_taxed(slot, line);
    }
}

fn add_taxed(slot: &mut TaxableRevenue, line: &SalesLine) {
    let taxed = |tax: Decimal| {
        if tax.is_zero() {
            Decimal::ZERO
        } else {
            line.amount
        }
    };
    slot.gst += taxed(line.gst);
    slot.qst += taxed(line.qst);
    slot.hst += taxed(line.hst);
}
