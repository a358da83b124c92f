//! Deciding what a batch posts, given the export history: each document of the
//! inputs is new, already exported unchanged (skipped), or changed since it was
//! exported (refused, or posted as the difference with `--adjust`). Documents
//! exported earlier in the batch's date range but absent now are reported.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use indexmap::IndexMap;

use chrono::NaiveDate;

use super::labels::{document_index, DocumentRows};
use crate::history::{AccountName, Amounts, DocType, DocumentPosting, PostedState};
use crate::i18n::{format_message, Arg, Lang};
use crate::journal::document_lines::DocumentLines;
use crate::load::reports::{Payment, PayoutRow, SalesLine};
use crate::query::{JournalLineRef, LineSink};
use crate::sage::entry::{EntryLine, JournalEntry};
use crate::tr;

/// The documents of a batch by key.
pub type Documents = IndexMap<Arc<str>, DocumentPosting, foldhash::fast::RandomState>;

/// Documents of the inputs, with no amounts yet ([`DocumentPass`] keeps the
/// lines of the journal queries run with one entry per document, [`finish`]
/// adds them to their documents), and each row's document.
pub fn documents_of(
    sales: &[SalesLine],
    payments: &[Payment],
    payouts: &[PayoutRow],
) -> (Documents, DocumentRows) {
    let mut documents = Documents::default();
    let mut document = |key: String, posting: &dyn Fn(Arc<str>) -> DocumentPosting| {
        // Most rows belong to a document already seen: looked up by text, the
        // key is shared between map and document only for a new one.
        let index = documents.get_index_of(key.as_str()).unwrap_or_else(|| {
            let key: Arc<str> = key.into();
            documents.insert_full(key.clone(), posting(key)).0
        });
        Some(u32::try_from(index).expect("fewer than 4 billion documents"))
    };
    let sales_rows = sales
        .iter()
        .map(|line| {
            let date = line.date?;
            document(line.document_key(), &|key| DocumentPosting {
                key,
                doc_type: DocType::Invoice,
                number: line.invoice.clone(),
                customer: line.customer.clone(),
                invoice: String::new(),
                date,
                amounts: Amounts::new(),
            })
        })
        .collect();
    let payment_rows = payments
        .iter()
        .map(|payment| {
            let date = payment.date?;
            document(payment.document_key(), &|key| DocumentPosting {
                key,
                doc_type: payment.kind.into(),
                number: if payment.reference.is_empty() {
                    payment.invoice.as_str().into()
                } else {
                    payment.reference.as_str().into()
                },
                customer: payment.customer.clone(),
                invoice: payment.invoice.clone(),
                date,
                amounts: Amounts::new(),
            })
        })
        .collect();
    let payout_rows = payouts
        .iter()
        .map(|row| {
            let date = row.date?;
            document(row.document_key(), &|key| DocumentPosting {
                key,
                doc_type: DocType::Payout,
                number: row.payout.clone(),
                customer: "".into(),
                invoice: String::new(),
                date,
                amounts: Amounts::new(),
            })
        })
        .collect();
    // A map grows by doubling: a million documents would keep room for half
    // a million more until the end of the run.
    documents.shrink_to_fit();
    let rows = DocumentRows {
        sales: sales_rows,
        payments: payment_rows,
        payouts: payout_rows,
    };
    (documents, rows)
}

/// The per-document pass: each journal line kept with its document, whose
/// amounts are added up once every line is in ([`finish`]).
pub struct DocumentPass<'d> {
    documents: &'d Documents,
    /// Each document's date by index, which every line is compared with: a
    /// compact copy rather than a look into the document, in no order.
    dates: Vec<NaiveDate>,
    /// Each line, for the documents' amounts and the batch's entries.
    pub lines: DocumentLines,
}

impl<'d> DocumentPass<'d> {
    pub fn new(documents: &'d Documents) -> DocumentPass<'d> {
        DocumentPass {
            documents,
            dates: documents.values().map(|doc| doc.date).collect(),
            lines: DocumentLines::default(),
        }
    }
}

impl LineSink for DocumentPass<'_> {
    /// Keeps a journal line for its document (a line whose source names none,
    /// from a row without a date, is left out: that row is an error already).
    fn line(&mut self, line: JournalLineRef<'_>) {
        let (index, named_by_index) = match document_index(&line.source) {
            Some(index) => (Some(index), true),
            None => (self.documents.get_index_of(line.source.as_ref()), false),
        };
        let Some((index, &date)) = index.and_then(|i| Some((i, self.dates.get(i)?))) else {
            self.lines.set_unfit();
            return;
        };
        // Labelled as this pass labels its document's rows: it adds up into
        // the batch's entries.
        let labelled = named_by_index && line.comment.is_empty() && line.date == date;
        let document = u32::try_from(index).expect("fewer documents than 4 billion");
        self.lines.keep(document, labelled, &line);
    }

    /// The document's key, as messages name it.
    fn source_name<'a>(&'a self, source: &'a str) -> Cow<'a, str> {
        match document_index(source).and_then(|index| self.documents.get_index(index)) {
            Some((key, _)) => Cow::Borrowed(key),
            None => Cow::Borrowed(source),
        }
    }
}

/// Once every line is in: each document's amounts added up from its lines,
/// the documents shared out between the cores; zero amounts dropped, cents
/// kept.
pub fn finish(documents: &mut Documents, lines: &mut DocumentLines) {
    use rayon::prelude::*;
    // Each account's name held once, whatever number of documents name it.
    let names: Vec<AccountName> = (lines.account_names())
        .map(|name| Arc::new(name.to_string()))
        .collect();
    let by_document = lines.by_document(documents.len());
    let lines_read: &DocumentLines = lines;
    (documents.par_values_mut().enumerate()).for_each(|(index, doc)| {
        let amounts = lines_read.amounts_of(&by_document, index);
        doc.amounts.reserve(amounts.size_hint().0);
        for (account, amount) in amounts {
            doc.amounts.add_shared(&names[account], amount);
        }
        doc.amounts.settle();
    });
    lines.amounts_added();
}

/// A document of the history not in this batch although its date is in range.
#[derive(Debug, Clone, PartialEq)]
pub struct Disappeared {
    pub key: String,
    pub state: PostedState,
}

/// The batch's documents sorted by status.
#[derive(Debug, Default, Clone)]
pub struct Classification {
    /// Whether each document, by its index in [`Documents`], is new: a flag
    /// per document rather than a second copy of a million keys.
    pub new: Vec<bool>,
    pub unchanged: Vec<(DocumentPosting, PostedState)>,
    pub changed: Vec<(DocumentPosting, PostedState)>,
    pub disappeared: Vec<Disappeared>,
    /// Documents the export holds with a voided status (invoices voided in
    /// Plannit): neither new nor disappeared.
    pub voided: BTreeSet<String>,
}

impl Classification {
    /// Leaves out of `disappeared` the documents the export holds voided
    /// (kept in `voided`) and those whose absence the accountant
    /// acknowledged (`history acknowledge`).
    pub fn leave_out(&mut self, voided: BTreeSet<String>, acknowledged: &BTreeSet<String>) {
        self.disappeared
            .retain(|gone| !voided.contains(&gone.key) && !acknowledged.contains(&gone.key));
        self.voided = voided;
    }

    /// The new documents, in the batch's order.
    pub fn new_documents<'d>(
        &'d self,
        documents: &'d Documents,
    ) -> impl Iterator<Item = &'d DocumentPosting> + 'd {
        (documents.values().zip(&self.new)).filter_map(|(doc, new)| new.then_some(doc))
    }
}

pub fn classify(documents: &Documents, posted: &BTreeMap<String, PostedState>) -> Classification {
    let mut result = Classification::default();
    result.new = documents
        .iter()
        .map(|(key, doc)| match posted.get(key.as_ref()) {
            None => true,
            Some(state) if state.amounts == doc.amounts && state.date == doc.date => {
                result.unchanged.push((doc.clone(), state.clone()));
                false
            }
            Some(state) => {
                result.changed.push((doc.clone(), state.clone()));
                false
            }
        })
        .collect();
    result.unchanged.sort_by(|a, b| a.0.key.cmp(&b.0.key));
    result.changed.sort_by(|a, b| a.0.key.cmp(&b.0.key));
    // Disappeared: same kind of report present, date within the batch's range.
    // Which report a document comes from: invoices, payouts, or payments.
    let report_of_type = |t: DocType| match t {
        DocType::Invoice => 0,
        DocType::Payout => 2,
        _ => 1,
    };
    let report_of_key = |key: &str| {
        if key.starts_with("invoice:") {
            0
        } else if key.starts_with("payout:") {
            2
        } else {
            1
        }
    };
    let mut present = [false; 3];
    for doc in documents.values() {
        present[report_of_type(doc.doc_type)] = true;
    }
    let dates: Vec<NaiveDate> = documents.values().map(|d| d.date).collect();
    if let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) {
        for (key, state) in posted {
            let same_report = present[report_of_key(key)];
            if same_report
                && !documents.contains_key(key.as_str())
                && (*first..=*last).contains(&state.date)
                && !state.amounts.is_empty()
            {
                result.disappeared.push(Disappeared {
                    key: key.clone(),
                    state: state.clone(),
                });
            }
        }
    }
    result
}

/// New minus posted, per account, without zeros.
pub fn difference(doc: &DocumentPosting, state: &PostedState) -> Amounts {
    let mut delta = doc.amounts.clone();
    for (account, amount) in state.amounts.iter() {
        delta.add_text(account, -amount);
    }
    delta.drop_zeros();
    delta
}

/// `4001: -100.00 → -120.00; 2500: ...` for messages.
pub fn describe_change(doc: &DocumentPosting, state: &PostedState) -> String {
    let accounts: BTreeSet<&str> = doc
        .amounts
        .accounts()
        .chain(state.amounts.accounts())
        .collect();
    let mut parts: Vec<String> = accounts
        .into_iter()
        .filter_map(|account| {
            let old = state.amounts.get(account).unwrap_or_default();
            let new = doc.amounts.get(account).unwrap_or_default();
            (old != new).then(|| {
                tr!(
                    "load-change-account",
                    account = account,
                    old = old,
                    new = new
                )
            })
        })
        .collect();
    if doc.date != state.date {
        parts.push(tr!(
            "load-change-date",
            old = state.date.to_string(),
            new = doc.date.to_string()
        ));
    }
    parts.join(&tr!("load-change-separator"))
}

/// The adjusting entry of a changed document: the difference, dated the
/// document's date, its comment naming the document and the original batch.
/// A document dated before `first_open` (Sage's lock date) is adjusted on
/// that date instead, its comment naming the document and its own date. The
/// comment is in the company's language, `lang`.
pub fn adjustment_entry(
    doc: &DocumentPosting,
    state: &PostedState,
    first_open: Option<NaiveDate>,
    lang: Lang,
) -> Option<JournalEntry> {
    let delta = difference(doc, state);
    if delta.is_empty() {
        return None;
    }
    let mut lines: Vec<EntryLine> = delta
        .iter()
        .map(|(account, amount)| EntryLine {
            account: account.to_string(),
            amount,
            source_rows: 1,
            queries: Vec::new(),
        })
        .collect();
    lines.sort_by(|a, b| {
        (a.amount.is_sign_negative(), &a.account).cmp(&(b.amount.is_sign_negative(), &b.account))
    });
    let (date, comment) = match first_open.filter(|open| doc.date < *open) {
        Some(open) => (
            open,
            format_message(
                lang,
                "sage-adjust-dated",
                &[
                    ("number", Arg::Text(doc.number.to_string())),
                    ("date", Arg::Text(doc.date.format("%y-%m-%d").to_string())),
                ],
            ),
        ),
        None => (
            doc.date,
            format_message(
                lang,
                "sage-adjust-batch",
                &[
                    ("number", Arg::Text(doc.number.to_string())),
                    ("batch", Arg::Text(state.first_batch.to_string())),
                ],
            ),
        ),
    };
    Some(JournalEntry {
        date,
        source: doc.number.to_string(),
        comment,
        lines,
        taxes: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set_lang, Lang};
    use rust_decimal::Decimal;

    #[test]
    fn changes_are_described_in_the_run_language() {
        let date = |day| NaiveDate::from_ymd_opt(2026, 10, day).unwrap();
        let amounts = |revenue: i64| {
            Amounts::from_iter([
                ("1210", Decimal::new(-revenue, 2)),
                ("4001", Decimal::new(revenue, 2)),
            ])
        };
        let doc = DocumentPosting {
            key: "invoice:P-1042".into(),
            doc_type: DocType::Invoice,
            number: "P-1042".into(),
            customer: "Gagnon".into(),
            invoice: String::new(),
            date: date(4),
            amounts: amounts(-12000),
        };
        let state = PostedState {
            first_batch: "2026-10-07-1".into(),
            last_batch: "2026-10-07-1".into(),
            date: date(3),
            amounts: amounts(-10000),
            voided: false,
        };
        set_lang(Lang::En);
        assert_eq!(
            describe_change(&doc, &state),
            "1210: 100.00 → 120.00; 4001: -100.00 → -120.00; date: 2026-10-03 → 2026-10-04"
        );
        set_lang(Lang::Fr);
        assert_eq!(
            describe_change(&doc, &state),
            "1210 : 100,00 → 120,00 ; 4001 : -100,00 → -120,00 ; date : 2026-10-03 → 2026-10-04"
        );
    }
}
