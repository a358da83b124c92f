//! What the per-document pass gave each document, line by line, kept
//! compactly (indices, and the amount until the documents have theirs) so
//! that a batch's entries are added up from its new documents: the journal
//! queries run once a run, not once to learn what each document posts and
//! again for the batch's entries. Each document's amounts are added up from
//! its lines once the pass is over, the documents one after another, rather
//! than a line's document looked up as the queries' output comes, in no
//! order.
//!
//! Adding up gives the entries that running the queries over the batch's rows
//! gives when the queries do as `queries/README.md` asks: the entry columns
//! passed through as each line's date, source and comment, amounts and row
//! counts summed. A line labelled otherwise (a source or comment of its own,
//! a date that is not its document's), a line that could not be used or a row
//! without a document makes the lines unfit: the run then labels the batch's
//! rows and runs the journal queries over them.

use std::sync::Arc;

use chrono::NaiveDate;
use indexmap::IndexSet;
use rust_decimal::Decimal;

use super::labels::EntryLabel;
use super::{netted_entry, Netted};
use crate::query::JournalLineRef;
use crate::sage::entry::JournalEntry;

type FastHash = foldhash::fast::RandomState;

/// Each (account, query file) of a journal's lines, in order: what names
/// where an account comes from in messages.
pub type AccountQueries = Vec<(String, Arc<str>)>;

/// One line of the per-document pass (its amount is kept beside it until the
/// documents have theirs).
#[derive(Debug, Clone, Copy)]
struct Kept {
    document: u32,
    account: u32,
    query: u16,
    source_rows: u32,
}

/// The per-document pass's lines: each document's amounts are added up from
/// them once the pass is over, and the batch's entries too if every line can
/// be added up into them.
#[derive(Debug, Default)]
pub struct DocumentLines {
    lines: Vec<Kept>,
    /// Each line's amount, until [`DocumentLines::amounts_added`].
    amounts: Vec<Decimal>,
    accounts: IndexSet<Box<str>, FastHash>,
    queries: Vec<Arc<str>>,
    unfit: bool,
}

/// Where each document's lines are among the lines: a document's lines are
/// `order[starts[d]..starts[d + 1]]`, in the order the pass met them.
#[derive(Debug)]
pub struct LinesByDocument {
    starts: Vec<u32>,
    order: Vec<u32>,
}

impl DocumentLines {
    /// Keeps a line of the document at `document`; `labelled`: the line is
    /// labelled as the per-document pass labelled its document's rows (else
    /// the batch's entries cannot be added up from the lines).
    pub fn keep(&mut self, document: u32, labelled: bool, line: &JournalLineRef<'_>) {
        let account = self.account_index(&line.account);
        // Lines come query by query: the last query is nearly always the one.
        let query = match (self.queries.iter())
            .rposition(|q| Arc::ptr_eq(q, line.query) || q == line.query)
        {
            Some(index) => index,
            None => {
                self.queries.push(Arc::clone(line.query));
                self.queries.len() - 1
            }
        };
        let (query, source_rows) = match (u16::try_from(query), u32::try_from(line.source_rows)) {
            (Ok(query), Ok(source_rows)) => (query, source_rows),
            _ => {
                self.unfit = true;
                (u16::MAX, u32::MAX)
            }
        };
        if !labelled {
            self.unfit = true;
        }
        self.lines.push(Kept {
            document,
            account: u32::try_from(account).expect("fewer accounts than lines"),
            query,
            source_rows,
        });
        self.amounts.push(line.amount);
    }

    /// The index of `account` among the accounts met, a new one's next.
    fn account_index(&mut self, account: &str) -> usize {
        // A query's lines mostly name one account after another.
        if let Some(last) = self.lines.last() {
            let index = last.account as usize;
            if *self.accounts[index] == *account {
                return index;
            }
        }
        match self.accounts.get_index_of(account) {
            Some(index) => index,
            None => self.accounts.insert_full(account.into()).0,
        }
    }

    /// The batch's entries cannot be added up from these lines.
    pub fn set_unfit(&mut self) {
        self.unfit = true;
    }

    /// The accounts the lines name, by index.
    pub fn account_names(&self) -> impl Iterator<Item = &str> + '_ {
        self.accounts.iter().map(|name| &**name)
    }

    /// Each of the `documents` documents' lines (a counting sort of the lines
    /// by document: two passes, and each document's lines in order).
    pub fn by_document(&self, documents: usize) -> LinesByDocument {
        let position = |at: usize| u32::try_from(at).expect("fewer lines than 4 billion");
        let mut starts = vec![0u32; documents + 1];
        for line in &self.lines {
            starts[line.document as usize + 1] += 1;
        }
        for document in 1..=documents {
            starts[document] += starts[document - 1];
        }
        let mut next = starts.clone();
        let mut order = vec![0u32; self.lines.len()];
        for (at, line) in self.lines.iter().enumerate() {
            let slot = &mut next[line.document as usize];
            order[*slot as usize] = position(at);
            *slot += 1;
        }
        LinesByDocument { starts, order }
    }

    /// The lines of the document at `document`: (account index, amount).
    pub fn amounts_of<'a>(
        &'a self,
        by_document: &'a LinesByDocument,
        document: usize,
    ) -> impl Iterator<Item = (usize, Decimal)> + 'a {
        let (from, to) = (
            by_document.starts[document],
            by_document.starts[document + 1],
        );
        (by_document.order[from as usize..to as usize].iter()).map(|&at| {
            let at = at as usize;
            (self.lines[at].account as usize, self.amounts[at])
        })
    }

    /// Where the document at `document`'s amounts come from, line by line:
    /// (account, query file, input rows).
    pub fn origins_of<'a>(
        &'a self,
        by_document: &'a LinesByDocument,
        document: usize,
    ) -> impl Iterator<Item = (&'a str, &'a Arc<str>, u32)> + 'a {
        let (from, to) = (
            by_document.starts[document],
            by_document.starts[document + 1],
        );
        (by_document.order[from as usize..to as usize].iter()).filter_map(|&at| {
            let line = &self.lines[at as usize];
            let query = self.queries.get(usize::from(line.query))?;
            Some((
                &*self.accounts[line.account as usize],
                query,
                line.source_rows,
            ))
        })
    }

    /// The documents have their amounts: the lines' are dropped (the lines
    /// themselves go with [`DocumentLines::fit`] when they are unfit).
    pub fn amounts_added(&mut self) {
        self.amounts = Vec::new();
    }

    /// The lines, if the batch's entries can be added up from them.
    pub fn fit(self) -> Option<DocumentLines> {
        (!self.unfit).then_some(self)
    }

    /// The entries of `slots`, each adding up the lines of its documents:
    /// `amounts(document)` gives a document's net amount per account. With
    /// them, each (account, query file) of those lines, in order.
    pub fn add_up<'a, I>(
        &'a self,
        slots: EntrySlots,
        amounts: impl Fn(usize) -> I,
    ) -> (Vec<JournalEntry>, AccountQueries)
    where
        I: Iterator<Item = (&'a str, Decimal)>,
    {
        // Each entry's accounts by index among the accounts met: a few a entry.
        let mut netted: Vec<Vec<(u32, Netted)>> = vec![Vec::new(); slots.labels.len()];
        let mut last: Option<(&str, u32)> = None;
        for (document, slot) in slots.of_document.iter().enumerate() {
            let Some(slot) = slot else { continue };
            for (account, amount) in amounts(document) {
                let index = match last {
                    Some((name, index)) if name == account => index,
                    _ => {
                        let index = (self.accounts.get_index_of(account))
                            .and_then(|index| u32::try_from(index).ok())
                            .expect("a document's accounts are its lines'");
                        last = Some((account, index));
                        index
                    }
                };
                netted_for(&mut netted[*slot as usize], index).amount += amount;
            }
        }
        let mut seen = vec![false; self.accounts.len() * self.queries.len()];
        for line in &self.lines {
            let Some(slot) = slots.of_document[line.document as usize] else {
                continue;
            };
            let netted = netted_for(&mut netted[slot as usize], line.account);
            netted.source_rows += u64::from(line.source_rows);
            netted.add_query(&self.queries[usize::from(line.query)]);
            seen[line.account as usize * self.queries.len() + usize::from(line.query)] = true;
        }
        // Entries in label order, as the journal's lines grouped by label give them.
        let mut order: Vec<usize> = (0..slots.labels.len()).collect();
        order.sort_unstable_by(|&a, &b| slots.labels[a].cmp(&slots.labels[b]));
        let mut labels: Vec<Option<Label>> = slots.labels.into_iter().map(Some).collect();
        let entries = order
            .into_iter()
            .filter_map(|slot| {
                let (date, source, comment) = labels[slot].take()?;
                let accounts = std::mem::take(&mut netted[slot]);
                let accounts = (accounts.into_iter())
                    .map(|(account, n)| (self.accounts[account as usize].to_string(), n));
                netted_entry(date, source, comment, accounts)
            })
            .collect();
        let queries = self.queries.len();
        let mut pairs: AccountQueries = (seen.iter().enumerate())
            .filter(|(_, seen)| **seen)
            .map(|(at, _)| {
                (
                    self.accounts[at / queries].to_string(),
                    Arc::clone(&self.queries[at % queries]),
                )
            })
            .collect();
        pairs.sort();
        (entries, pairs)
    }
}

type Label = (NaiveDate, String, String);

/// The netted line of account `account` among an entry's.
fn netted_for(accounts: &mut Vec<(u32, Netted)>, account: u32) -> &mut Netted {
    let at = match accounts.iter().position(|(a, _)| *a == account) {
        Some(at) => at,
        None => {
            accounts.push((account, Netted::default()));
            accounts.len() - 1
        }
    };
    &mut accounts[at].1
}

/// Which entry each of a batch's documents goes to, each entry's label once.
#[derive(Debug)]
pub struct EntrySlots {
    of_document: Vec<Option<u32>>,
    labels: IndexSet<Label, FastHash>,
}

impl EntrySlots {
    /// No entry yet, for the run's `documents` documents.
    pub fn new(documents: usize) -> EntrySlots {
        EntrySlots {
            of_document: vec![None; documents],
            labels: IndexSet::default(),
        }
    }

    /// The entry labelled `label`, a new one the first time; none for a
    /// label without a date.
    pub fn slot(&mut self, label: EntryLabel) -> Option<u32> {
        let date = label.date?;
        let (index, _) = self.labels.insert_full((date, label.source, label.comment));
        u32::try_from(index).ok()
    }

    /// Puts the document at `document` in the entry `slot`; false when it
    /// is in another one already (its rows would go to different entries).
    pub fn put(&mut self, document: usize, slot: u32) -> bool {
        match self.of_document.get_mut(document) {
            Some(at @ None) => {
                *at = Some(slot);
                true
            }
            Some(Some(other)) => *other == slot,
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn line<'a>(query: &'a Arc<str>, account: &'a str, rows: u64) -> JournalLineRef<'a> {
        JournalLineRef {
            date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            source: Cow::Borrowed("#0"),
            comment: Cow::Borrowed(""),
            account: Cow::Borrowed(account),
            amount: Decimal::ZERO,
            source_rows: rows,
            query,
        }
    }

    fn label(day: u32, source: &str) -> EntryLabel {
        EntryLabel {
            date: NaiveDate::from_ymd_opt(2026, 11, day),
            source: source.to_string(),
            comment: format!("Plannit {source}"),
        }
    }

    #[test]
    fn documents_add_up_into_their_entries_in_label_order() {
        let revenue: Arc<str> = "20_invoices_revenue.sql".into();
        let receivable: Arc<str> = "10_invoices_receivable.sql".into();
        let mut lines = DocumentLines::default();
        lines.keep(0, true, &line(&receivable, "1200", 2));
        lines.keep(1, true, &line(&receivable, "1200", 1));
        lines.keep(2, true, &line(&receivable, "1200", 1));
        lines.keep(0, true, &line(&revenue, "4000", 2));
        lines.keep(1, true, &line(&revenue, "4000", 1));
        // Its amount nets to nothing, its row still counts.
        lines.keep(2, true, &line(&revenue, "4010", 1));
        let lines = lines.fit().expect("every line labelled");
        let amounts: [Vec<(&str, Decimal)>; 4] = [
            vec![
                ("1200", Decimal::new(300, 0)),
                ("4000", Decimal::new(-300, 0)),
            ],
            vec![
                ("1200", Decimal::new(50, 0)),
                ("4000", Decimal::new(-50, 0)),
            ],
            vec![("1200", Decimal::new(7, 0)), ("4000", Decimal::new(-7, 0))],
            vec![("1200", Decimal::new(1000, 0))],
        ];
        let mut slots = EntrySlots::new(4);
        let late = slots.slot(label(5, "PLN-261105")).unwrap();
        let early = slots.slot(label(2, "PLN-261102")).unwrap();
        assert_eq!(slots.slot(label(5, "PLN-261105")), Some(late));
        assert!(slots.put(0, early));
        assert!(slots.put(1, late));
        assert!(slots.put(2, early));
        assert!(slots.put(2, early));
        assert!(!slots.put(2, late), "a document goes to one entry");
        // Document 3 is not in the batch: nothing of it is added.
        let (entries, pairs) = lines.add_up(slots, |d| amounts[d].iter().copied());
        // Entry, account, amount, input rows, query files.
        let shown: Vec<String> = entries
            .iter()
            .flat_map(|e| {
                e.lines.iter().map(|l| {
                    let queries = l.queries.len();
                    format!(
                        "{} {} {} {} {queries}",
                        e.source, l.account, l.amount, l.source_rows
                    )
                })
            })
            .collect();
        assert_eq!(
            shown,
            [
                "PLN-261102 1200 307.00 3 1",
                "PLN-261102 4000 -307.00 2 1",
                "PLN-261105 1200 50.00 1 1",
                "PLN-261105 4000 -50.00 1 1",
            ]
        );
        let names: Vec<(&str, &str)> = pairs.iter().map(|(a, q)| (a.as_str(), &**q)).collect();
        assert_eq!(
            names,
            [
                ("1200", "10_invoices_receivable.sql"),
                ("4000", "20_invoices_revenue.sql"),
                ("4010", "20_invoices_revenue.sql"),
            ]
        );
    }

    #[test]
    fn a_line_labelled_otherwise_makes_the_lines_unfit() {
        let query: Arc<str> = "40_payments_bank.sql".into();
        let mut lines = DocumentLines::default();
        lines.keep(0, true, &line(&query, "1060", 1));
        lines.keep(1, false, &line(&query, "1060", 1));
        lines.keep(1, true, &line(&query, "1060", 1));
        assert!(lines.fit().is_none());
        let mut too_many = DocumentLines::default();
        too_many.keep(0, true, &line(&query, "1060", u64::from(u32::MAX) + 1));
        assert!(too_many.fit().is_none());
    }

    /// Each document gets its own lines, in the order they came, whatever
    /// order the documents came in; fit or not, the amounts are all there.
    #[test]
    fn each_document_finds_its_lines_in_order() {
        let query: Arc<str> = "30_invoices_taxes.sql".into();
        let with_amount = |account, cents| JournalLineRef {
            amount: Decimal::new(cents, 2),
            ..line(&query, account, 1)
        };
        let mut lines = DocumentLines::default();
        let kept = [
            (3, "2310", 1),
            (0, "2310", 2),
            (3, "2315", 3),
            (1, "2310", 4),
            (3, "2310", 5),
        ];
        for (document, account, cents) in kept {
            lines.keep(document, document != 1, &with_amount(account, cents));
        }
        let by_document = lines.by_document(5);
        let of = |document| -> Vec<(&str, i64)> {
            let names: Vec<&str> = lines.account_names().collect();
            (lines.amounts_of(&by_document, document))
                .map(|(account, amount)| {
                    (
                        names[account],
                        (amount * Decimal::ONE_HUNDRED).try_into().unwrap(),
                    )
                })
                .collect()
        };
        assert_eq!(of(0), [("2310", 2)]);
        assert_eq!(of(1), [("2310", 4)]);
        assert_eq!(of(2), []);
        assert_eq!(of(3), [("2310", 1), ("2315", 3), ("2310", 5)]);
        assert_eq!(of(4), []);
        lines.amounts_added();
        assert!(
            lines.fit().is_none(),
            "document 1's line is labelled otherwise"
        );
    }
}
